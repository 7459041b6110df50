"""The occupancy board as server-side SVG: a label column, one column per
week, one row per unit and one bar per stay (x and width in nights).

Written as strings rather than in a template: a board of 250 units and
12 weeks has thousands of coordinates, and the template engine spent ~60 ms
localising and escaping them."""

from __future__ import annotations

from datetime import date

from django.urls import reverse
from django.utils import timezone
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.text import Truncator
from django.utils.translation import gettext as _

from .models import Stay
from .selectors import Row, week_starts

DAY_PX = 12  # width of one night
LABEL_PX, ROW_PX, HEAD_PX, BAR_PX = 230, 24, 24, 17


def _url_for(name: str):
    """A fast url(pk) for one route: reversed once, the id filled in after."""
    marker = "2147483647"
    pattern = reverse(name, args=[int(marker)])
    return lambda pk: pattern.replace(marker, str(pk))


def render(rows: list[Row], start: date, weeks: int) -> SafeString:
    week_px = 7 * DAY_PX
    width, height = LABEL_PX + weeks * week_px, HEAD_PX + len(rows) * ROW_PX + 4
    out = [f'<svg class="board" xmlns="http://www.w3.org/2000/svg" width="{width}" '
           f'height="{height}" viewBox="0 0 {width} {height}" role="img" '
           f'aria-label="{escape(_("Bezetting per woning en per week"))}">']
    for i, monday in enumerate(week_starts(start, weeks)):
        x = LABEL_PX + i * week_px
        label = _("wk %(n)s · %(d)s") % {"n": monday.isocalendar()[1],
                                          "d": monday.strftime("%d/%m")}
        even = " even" if i % 2 else ""
        out.append(f'<rect class="week{even}" x="{x}" y="0" width="{week_px}" height="{height}"/>'
                   f'<text class="week-label" x="{x + 4}" y="16">{escape(label)}</text>')
    today = (timezone.localdate() - start).days
    if 0 <= today < weeks * 7:
        x = LABEL_PX + today * DAY_PX
        out.append(f'<line class="today" x1="{x}" x2="{x}" y1="22" y2="{height}"/>')
    kinds = {kind: str(label) for kind, label in Stay.Kind.choices}  # translated once
    open_end = _("open einde")
    unit_href, stay_href = _url_for("housing:unit"), _url_for("housing:stay")
    for i, row in enumerate(rows):
        y = HEAD_PX + i * ROW_PX
        name = escape(Truncator(row.unit.name).chars(30))
        out.append(f'<a href="{unit_href(row.unit.pk)}"><text class="unit-label" x="6" '
                   f'y="{y + 15}">{name}</text></a><line class="row-line" x1="0" '
                   f'x2="{width}" y1="{y + 22}" y2="{y + 22}"/>')
        for bar in row.bars:
            x, w = LABEL_PX + bar.start * DAY_PX, bar.days * DAY_PX
            title = f"{kinds[bar.kind]}: {bar.label} {open_end if bar.open_end else ''}".strip()
            shape = (f'<rect class="bar kind-{bar.kind}" x="{x}" y="{y + 3}" width="{w}" '
                     f'height="{BAR_PX}" rx="3"><title>{escape(title)}</title></rect>')
            if w >= 40:
                shape += (f'<text class="bar-label" x="{x + 4}" y="{y + 15}">'
                          f'{escape(bar.label[: w // 7 - 1])}</text>')
            if bar.visible:
                shape = f'<a href="{stay_href(bar.stay_id)}">{shape}</a>'
            out.append(shape)
    out.append("</svg>")
    return mark_safe("".join(out))  # noqa: S308 - every text above is escaped
