import io

import pytest
from django.core.management import call_command

pytestmark = [pytest.mark.browser, pytest.mark.usefixtures("reference_data")]


def test_a_demo_user_signs_in_and_lands_on_the_dashboard(live_server, page, screenshot):
    call_command("seed_demo", stdout=io.StringIO())
    page.goto(live_server.url + "/")
    screenshot(page, "home")
    page.get_by_role("link", name="Aanmelden als medewerker").click()
    page.get_by_label("Gebruikersnaam").fill("demo-coordinator")
    page.get_by_label("Wachtwoord").fill("woonloket-demo")
    screenshot(page, "login")
    page.get_by_role("button", name="Aanmelden").click()
    page.wait_for_url("**/overzicht/")
    assert page.get_by_role("heading", name="Dag Cora").is_visible()
    assert page.get_by_text("Woondienst Regio Izegem").first.is_visible()
    assert page.get_by_role("link", name="Auditlog").first.is_visible()
    path = screenshot(page, "dashboard-coordinator")
    assert path.stat().st_size > 10_000


def test_pages_read_well_on_a_phone(live_server, page, screenshot):
    call_command("seed_demo", stdout=io.StringIO())
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(live_server.url + "/account/aanmelden/")
    page.get_by_label("Gebruikersnaam").fill("demo-woonbegeleider")
    page.get_by_label("Wachtwoord").fill("woonloket-demo")
    page.keyboard.press("Enter")
    page.wait_for_url("**/overzicht/")
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 390, f"horizontal scroll on a phone: {width}px"
    screenshot(page, "dashboard-phone")
    page.goto(live_server.url + "/gemeenten/?region=w13")
    screenshot(page, "municipalities-phone")


def test_the_skip_link_is_the_first_stop_for_the_keyboard(live_server, page):
    page.goto(live_server.url + "/")
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.textContent")
    assert focused.strip() == "Naar de inhoud"


def test_with_2fa_a_counsellor_links_an_authenticator_app(live_server, page, screenshot, settings):
    from django_otp.oath import totp
    from django_otp.plugins.otp_totp.models import TOTPDevice

    settings.WOONLOKET_REQUIRE_2FA = True
    call_command("seed_demo", stdout=io.StringIO())
    page.goto(live_server.url + "/account/aanmelden/")
    page.get_by_label("Gebruikersnaam").fill("demo-woonbegeleider")
    page.get_by_label("Wachtwoord").fill("woonloket-demo")
    page.get_by_role("button", name="Aanmelden").click()
    page.wait_for_url("**/account/tweede-factor/")
    assert page.locator(".qr svg").is_visible()
    screenshot(page, "second-factor-setup")
    device = TOTPDevice.objects.get(user__username="demo-woonbegeleider")
    code = totp(device.bin_key, device.step, device.t0, device.digits, device.drift)
    page.get_by_label("Code uit uw authenticator-app").fill(f"{code:06d}")
    page.get_by_role("button", name="Bevestigen").click()
    page.wait_for_url("**/overzicht/")
    assert page.get_by_role("heading", name="Dag Wout").is_visible()
