"""Server-side pictures of a scan result: the label scale and the bar chart
of where the heat goes. Pure data for the templates (no inline styles: the
SVG uses presentation attributes, the scale uses CSS classes)."""

from __future__ import annotations

LOSS_NAMES = {
    "dak": "Dak", "muren": "Muren", "vloer": "Vloer", "ramen": "Ramen", "deuren": "Deuren",
    "koudebruggen": "Koudebruggen", "ventilatie": "Ventilatie en tocht",
}
GAIN_NAMES = {"zon": "Zon door de ramen", "intern": "Mensen en toestellen"}

LOSS_COLOUR = "#b34700"
GAIN_COLOUR = "#1e6b34"

# Phone first: the name above each bar, the value beside it. At 360 units wide
# the 15-unit text stays readable when the picture shrinks to a phone's width.
WIDTH = 360
BAR_WIDTH = 250
ROW = 46
BAR = 18
HEADING = 30


def _kwh(value: float) -> str:
    return f"{round(value):,}".replace(",", ".") + " kWh"


def energy_chart(result: dict) -> dict:
    """Rows of a horizontal bar chart: the yearly heat losses per element and
    the gains, in kWh, on one scale."""
    losses = [(LOSS_NAMES.get(k, k), float(v)) for k, v in result.get("losses_kwh", {}).items()]
    gains = [(GAIN_NAMES.get(k, k), float(v)) for k, v in result.get("gains_kwh", {}).items()]
    largest = max([v for _n, v in losses + gains] + [1.0])
    rows, headings = [], []
    y = 0
    for title, group, colour in (("Warmteverlies per jaar", losses, LOSS_COLOUR),
                                 ("Warmtewinst per jaar", gains, GAIN_COLOUR)):
        if not group:
            continue
        headings.append({"text": title, "y": y + 20})
        y += HEADING
        for name, value in group:
            width = max(0.0, value) / largest * BAR_WIDTH
            rows.append({
                "name": name, "value": value, "text": _kwh(value), "colour": colour,
                "name_y": y + 16, "bar_y": y + 22, "value_y": y + 22 + BAR - 4,
                "width": round(max(width, 1.0), 1), "value_x": round(width + 6, 1),
            })
            y += ROW
        y += 10
    return {
        "width": WIDTH, "height": y, "bar_height": BAR,
        "headings": headings, "rows": rows,
        "losses": [{"name": n, "text": _kwh(v)} for n, v in losses],
        "gains": [{"name": n, "text": _kwh(v)} for n, v in gains],
    }


