"""Pure rules of the meetings: how often a lokaal woonoverleg must meet."""

from __future__ import annotations

from collections.abc import Mapping

MIN_LWO_PER_YEAR = 2


def lwo_shortfall(counts: Mapping[str, int], municipalities: list[str]) -> dict[str, int]:
    """Municipalities that held fewer than two lokaal woonoverleg meetings in the
    year, with how many they held (the practice the housing services report on)."""
    return {nis: counts.get(nis, 0) for nis in municipalities
            if counts.get(nis, 0) < MIN_LWO_PER_YEAR}
