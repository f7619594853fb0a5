from django import template

register = template.Library()


@register.filter
def get_elided_page_range(paginator, number):
    return paginator.get_elided_page_range(number, on_each_side=2, on_ends=1)


@register.filter
def waiting_days(since):
    """Whole days elapsed since a datetime (0 when unknown)."""
    from django.utils import timezone

    if since is None:
        return 0
    return (timezone.now() - since).days
