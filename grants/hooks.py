from django.utils.translation import gettext_lazy as _

from essaimage.hooks import Link

URL_PREFIX = "subventions/"
NAVIGATION = [Link(_("Mes évaluations"), "grants:review_queue", order=75, permission="grants.review_any")]
