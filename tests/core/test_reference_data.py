"""`migrate` alone loads municipalities, cantons and regions (data migrations)."""

from woonloket.core.models import Canton, Municipality, Region


def test_every_belgian_municipality_is_loaded_after_the_2025_mergers(db):
    assert Municipality.objects.count() == 565
    assert Municipality.objects.filter(region_nis="02000").count() == 285
    tielt = Municipality.objects.get(nis_code="37022")
    assert (tielt.name, tielt.province_name) == ("Tielt", "West-Vlaanderen")


def test_cantons_serve_their_municipalities(db):
    izegem = Canton.objects.get(id="izegem")
    assert sorted(izegem.municipalities.values_list("name", flat=True)) == [
        "Ingelmunster", "Izegem", "Ledegem", "Lendelede",
    ]
    def cantons(nis):
        return sorted(Municipality.objects.get(nis_code=nis).cantons.values_list("id", flat=True))

    assert cantons("37017") == ["waregem"]  # Wielsbeke
    assert cantons("37010") == ["waregem"]  # Oostrozebeke
    assert cantons("34022") == ["kortrijk-1", "kortrijk-2"]  # Kortrijk is split


def test_regions_are_loaded_with_their_municipalities(db):
    izegem = Region.objects.get(code="regio-izegem")
    assert sorted(izegem.municipalities.values_list("name", flat=True)) == [
        "Ingelmunster", "Izegem", "Ledegem", "Oostrozebeke", "Wielsbeke",
    ]
    w13 = Region.objects.get(code="w13")
    assert w13.municipalities.count() == 14
    assert w13.municipalities.filter(name="Wielsbeke").exists()
    assert "Statbel" in w13.source


def test_population_is_unknown_until_imported(db):
    assert not Municipality.objects.filter(population__isnull=False).exists()
