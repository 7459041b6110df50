"""A citizen fills the energy scan on a phone, reads the result and asks a
renovation coach; a counsellor finds the request in the back office."""

import pytest

from woonloket.core.models import Organisation
from woonloket.energy.models import CoachRequest, Scan

pytestmark = [pytest.mark.browser, pytest.mark.usefixtures("reference_data")]


def fits(page) -> bool:
    return page.evaluate("document.documentElement.scrollWidth <= window.innerWidth + 1")


def test_energy_scan_on_a_phone(live_server, browser, page, screenshot, make_user):
    org = Organisation.objects.create(name="Energiehuis Midwest", kind="energiehuis")
    org.municipalities.set(["36008"])
    base = live_server.url
    phone = browser.new_context(locale="nl-BE", viewport={"width": 390, "height": 844},
                                is_mobile=True, has_touch=True)
    small = phone.new_page()
    problems = []
    # CSP violations and SVG attribute errors end up on the console; failed
    # responses are checked one by one (the 422 of the empty form is expected,
    # a browser's favicon request is not ours)
    small.on("console", lambda m: problems.append(m.text)
             if m.type == "error" and not m.text.startswith("Failed to load resource") else None)
    small.on("requestfailed", lambda r: problems.append(r.url))
    small.on("response", lambda r: problems.append(f"{r.status} {r.url}")
             if r.status >= 400 and r.status != 422 and "favicon" not in r.url else None)

    small.goto(base + "/energiescan/")
    assert fits(small)
    screenshot(small, "energy-scan-form-phone")

    # nothing answered: the error summary names the three required questions
    small.get_by_role("button", name="Bereken mijn schatting").click()
    summary = small.locator(".error-summary")
    assert summary.is_visible()
    assert summary.get_by_role("link").count() == 3
    assert small.get_by_text("Kies de gemeente van uw woning.").first.is_visible()
    screenshot(small, "energy-scan-errors-phone")

    small.get_by_label("In welke gemeente ligt uw woning?").select_option(label="Izegem")
    small.get_by_label("Halfopen bebouwing").check()
    small.get_by_label("In welk jaar werd de woning gebouwd?").fill("1965")
    small.get_by_label("Dak of zoldervloer").select_option(label="ongeveer 12 cm")
    small.get_by_label("Gewoon dubbel glas").check()
    small.get_by_label("Verwarmingstoestel").select_option("condensatieketel")
    small.get_by_label("Brandstof").select_option("aardgas")
    small.get_by_label("Zonnepanelen: vermogen in kWp").fill("0")
    small.get_by_label("Met hoeveel personen woont u er?").fill("3")
    small.get_by_label("Categorie 3: lage inkomens").check()
    assert fits(small)
    small.get_by_role("button", name="Bereken mijn schatting").click()
    small.wait_for_url("**/energiescan/*/")
    scan = Scan.objects.get()
    assert small.url.endswith(f"/energiescan/{scan.token}/")
    assert small.get_by_role("heading", name=f"Geschat energielabel: {scan.label}").is_visible()
    assert small.get_by_text("Dit is een schatting, geen EPC.").is_visible()
    assert small.locator("svg.energy-chart rect").count() == 9
    assert fits(small)
    screenshot(small, "energy-scan-result-phone")

    small.get_by_role("link", name="Vraag een renovatiecoach").click()
    small.wait_for_url("**/renovatiecoach/")
    small.get_by_label("Uw naam").fill("Jan Peeters")
    small.get_by_label("Telefoonnummer").fill("0470 12 34 56")
    small.get_by_label("Ik geef deze toestemming.").check()
    assert fits(small)
    screenshot(small, "energy-scan-coach-phone")
    small.get_by_role("button", name="Verstuur mijn vraag").click()
    small.wait_for_url("**/bedankt/")
    assert small.get_by_role("heading", name="Bedankt, uw vraag is doorgegeven").is_visible()
    request = CoachRequest.objects.get()
    assert request.organisation == org and request.scan == scan
    assert problems == [], problems  # no CSP violation, nothing blocked or missing
    phone.close()

    # a coach of the Energiehuis finds it in the back office
    make_user("coach", "technician", org)
    page.goto(base + "/account/aanmelden/")
    page.get_by_label("Gebruikersnaam").fill("coach")
    page.get_by_label("Wachtwoord").fill("correct horse battery")
    page.get_by_role("button", name="Aanmelden").click()
    page.wait_for_url("**/overzicht/")
    page.get_by_role("link", name="Energie", exact=True).first.click()
    page.get_by_role("link", name="Renovatiecoach-vragen").first.click()
    page.get_by_role("link", name="Jan Peeters").click()
    assert page.get_by_text("0470 12 34 56").first.is_visible()
    page.get_by_role("button", name="In behandeling nemen").click()
    assert page.get_by_text("De status is bijgewerkt.").is_visible()
    request.refresh_from_db()
    assert request.status == "in_behandeling"
    screenshot(page, "energy-coach-request-detail")
    page.get_by_role("link", name="Het volledige resultaat van de scan").click()
    page.wait_for_url(f"**/energiescan/{scan.token}/")
    screenshot(page, "energy-scan-result-desktop")
