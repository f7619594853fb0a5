from django import template

register = template.Library()


@register.filter
def get_elided_page_range(paginator, number):
    return paginator.get_elided_page_range(number, on_each_side=2, on_ends=1)
