"""Trend charts as small server-side SVGs (no JavaScript, printable)."""

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

WIDTH, HEIGHT, PAD = 120, 32, 4


def trend(values: list[float | None], label: str) -> SafeString:
    """A line over the years (missing years leave a gap), the last point marked."""
    known = [v for v in values if v is not None]
    if len(known) < 2:
        return SafeString("")
    low, high = min(known), max(known)
    span = (high - low) or 1
    step = (WIDTH - 2 * PAD) / (len(values) - 1)
    points = [(PAD + i * step, HEIGHT - PAD - (v - low) / span * (HEIGHT - 2 * PAD))
              for i, v in enumerate(values) if v is not None]
    path = " ".join(f"{x:.1f},{y:.1f}" for x, y in points)
    last_x, last_y = points[-1]
    # the label is escaped; everything else is numbers written here
    return mark_safe(  # noqa: S308
        f'<svg class="trend" viewBox="0 0 {WIDTH} {HEIGHT}" width="{WIDTH}" height="{HEIGHT}" '
        f'role="img" aria-label="{escape(label)}"><polyline points="{path}" fill="none" '
        f'stroke="#0b5563" stroke-width="2"/><circle cx="{last_x:.1f}" cy="{last_y:.1f}" '
        f'r="3" fill="#b34700"/></svg>')
