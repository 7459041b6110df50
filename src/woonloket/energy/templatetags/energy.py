"""Template filters of the energy pages."""

from django import template
from django.template.defaultfilters import floatformat
from django.utils.translation import gettext as _

register = template.Library()


@register.filter
def yearly_saving(value) -> str:
    """A measure's yearly saving in euro; a negative one is an extra cost and says so
    (a heat pump beside a gas boiler can cost more at the year's prices)."""
    if value is None:
        return "–"
    if value < 0:
        return _("meerkost € %(amount)s") % {"amount": floatformat(-value, "0g")}
    return f"€ {floatformat(value, '0g')}"
