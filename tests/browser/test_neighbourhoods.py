"""A coordinator uploads a file of dwellings and reads the neighbourhoods
ranked for a campaign, with the label distribution as stacked bars."""

import random

import pytest

from woonloket.core.roles import Role

pytestmark = [pytest.mark.browser, pytest.mark.usefixtures("reference_data")]

HOODS = [("36008A00-", "Centrum", 1925), ("36008A01-", "Kasteelwijk", 1955),
         ("36008B00-", "Bosmolens", 1975), ("36008B02-", "Krekelmolen", 2008),
         ("36008C00-", "Emelgem", 1965), ("36008D01-", "Kachtem", 1940)]


def dwellings_csv(tmp_path):
    rng = random.Random(2026)
    lines = ["neighbourhood;neighbourhood_name;street;number;postal_code;municipality_nis;"
             "building_type;construction_year;heated_floor_area_m2;glazing"]
    for code, name, year in HOODS:
        for i in range(rng.randint(25, 60)):
            kind = rng.choice(["open", "halfopen", "gesloten", "gesloten", "appartement"])
            built = max(1850, min(2024, int(rng.gauss(year, 15))))
            glazing = rng.choice(["", "enkel", "dubbel", "dubbel", "hoogrendement"])
            lines.append(f"{code};{name};{name}straat;{i + 1};8870;36008;{kind};{built};;{glazing}")
    for i in range(12):  # no neighbourhood: grouped by postal code
        lines.append(f";;Stationsstraat;{i + 1};8770;36007;gesloten;{1930 + i};;")
    lines.append("36008A00-;Centrum;Kerkstraat;1;8870;36008;kasteel;1890;;")
    path = tmp_path / "woningen-izegem.csv"
    path.write_text("\n".join(lines) + "\n", encoding="cp1252")
    return path


def test_a_coordinator_screens_neighbourhoods(live_server, browser, page, screenshot, make_user,
                                              org_a, tmp_path):
    make_user("carla", Role.COORDINATOR, org_a)
    base = live_server.url
    page.goto(base + "/account/aanmelden/")
    page.get_by_label("Gebruikersnaam").fill("carla")
    page.get_by_label("Wachtwoord").fill("correct horse battery")
    page.get_by_role("button", name="Aanmelden").click()
    page.wait_for_url("**/overzicht/")
    page.get_by_role("link", name="Energie", exact=True).first.click()
    page.get_by_role("link", name="Wijkscreening").first.click()
    page.wait_for_url("**/wijkscreening/")
    page.get_by_role("link", name="Woningen importeren (CSV)").click()
    page.get_by_label("CSV-bestand met woningen").set_input_files(str(dwellings_csv(tmp_path)))
    screenshot(page, "neighbourhoods-upload")
    page.get_by_role("button", name="Importeren en doorrekenen").click()
    page.wait_for_url("**/wijkscreening/*/")
    assert page.get_by_text("1 geweigerd").is_visible()
    assert page.get_by_role("heading", name="Wijken, eerst aan te pakken bovenaan").is_visible()
    bars = page.locator("td svg[role=img]")
    assert bars.count() == len(HOODS) + 1
    assert page.get_by_text("8770 Ingelmunster").is_visible()
    assert page.locator("#fouten").get_by_text("building_type").is_visible()
    screenshot(page, "neighbourhoods-detail")

    phone = browser.new_context(locale="nl-BE", viewport={"width": 390, "height": 844},
                                is_mobile=True, has_touch=True)
    small = phone.new_page()
    small.context.add_cookies(page.context.cookies())
    small.goto(page.url)
    assert small.evaluate("document.documentElement.scrollWidth <= window.innerWidth + 1")
    screenshot(small, "neighbourhoods-detail-phone")
    phone.close()
