"""The publisher and host of this deployment, for the legal pages (set by environment variables)."""

from django import template
from django.conf import settings

register = template.Library()


@register.simple_tag
def legal_notice() -> dict:
    return {
        "publisher": settings.LEGAL_PUBLISHER,
        "publisher_address": settings.LEGAL_PUBLISHER_ADDRESS,
        "director": settings.LEGAL_PUBLICATION_DIRECTOR,
        "host_name": settings.HOST_NAME,
        "host_address": settings.HOST_ADDRESS,
        "host_phone": settings.HOST_PHONE,
        "host_is_publisher": settings.HOST_NAME == settings.LEGAL_PUBLISHER,
    }
