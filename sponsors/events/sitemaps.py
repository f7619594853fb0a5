from django.contrib.sitemaps import Sitemap

from sponsors.events.enums import EventStatus
from sponsors.events.models import Event


class EventSitemap(Sitemap):
    changefreq = "weekly"

    def items(self):
        return Event.objects.filter(status=EventStatus.PUBLIE).order_by("pk")

    def lastmod(self, event):
        return event.updated_at
