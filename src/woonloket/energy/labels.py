"""How an energy label looks wherever woonloket shows it (the citizen's result,
the screening page and report, the neighbourhood bars): one set of colours,
and the scale of a scan result as rows."""

from typing import Any

# The usual EPC colours from dark green (A+) to red (F), and a text colour on
# each that keeps a readable contrast.
COLOURS = {"A+": "#00703c", "A": "#2e9a47", "B": "#8cbf3f", "C": "#f4e21b",
           "D": "#f7b21b", "E": "#ec6a1f", "F": "#d7261e"}
INK = {"A+": "#fff", "A": "#fff", "B": "#000", "C": "#000", "D": "#000", "E": "#000",
       "F": "#fff"}


def css_class(label: str) -> str:
    return "label-" + label.lower().replace("+", "plus")


def scale_rows(result: dict[str, Any]) -> list[dict[str, Any]]:
    """The label scale of a scan result, best first: each label with its range
    in kWh/m² primary energy (short `span` and Dutch `limit`), its colours and
    whether it is the home's."""
    rows: list[dict[str, Any]] = []
    low = None
    for step in result.get("label_scale", []):
        label, high = step["label"], step.get("max")
        if low is None:
            span, limit = f"< {high:g}", f"minder dan {high:g} kWh/m²"
        elif high is None:
            span, limit = f"> {low:g}", f"meer dan {low:g} kWh/m²"
        else:
            span, limit = f"{low:g} – {high:g}", f"{low:g} tot {high:g} kWh/m²"
        rows.append({"label": label, "span": span, "limit": limit, "css": css_class(label),
                     "colour": COLOURS.get(label, "#777"), "ink": INK.get(label, "#fff"),
                     "width": 30 + 10 * len(rows), "current": label == result.get("label")})
        low = high
    return rows
