"""Sign-in: password, lockout after repeated failures, TOTP second factor."""

import pytest
from django.contrib.auth import get_user_model
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from woonloket.core.models import AuditEntry
from woonloket.core.roles import Role

PASSWORD = "correct horse battery"


def login(client, username, password=PASSWORD):
    return client.post("/account/aanmelden/", {"username": username, "password": password})


def code_for(device):
    return f"{totp(device.bin_key, device.step, device.t0, device.digits, device.drift):06d}"


def test_a_user_signs_in_and_lands_on_the_dashboard(client, alice):
    response = login(client, "alice")
    assert response.status_code == 302 and response.url == "/overzicht/"
    assert "Dag Alice" in client.get("/overzicht/").content.decode()
    assert AuditEntry.objects.filter(action="login", actor=alice).exists()


def test_a_wrong_password_gets_a_dutch_message(client, alice):
    response = login(client, "alice", "fout")
    assert "Gebruikersnaam of wachtwoord klopt niet" in response.content.decode()


def test_five_failures_lock_the_account(client, alice):
    for _ in range(5):
        login(client, "alice", "fout")
    response = login(client, "alice")
    assert response.status_code == 429
    assert "Tijdelijk geblokkeerd" in response.content.decode()


@pytest.fixture
def require_2fa(settings):
    settings.WOONLOKET_REQUIRE_2FA = True


def test_with_2fa_a_new_user_must_set_up_an_authenticator(client, alice, require_2fa):
    login(client, "alice")
    response = client.get("/overzicht/")
    assert response.status_code == 302 and response.url == "/account/tweede-factor/"
    page = client.get("/account/tweede-factor/").content.decode()
    assert "Scan deze QR-code" in page and "<svg" in page
    device = TOTPDevice.objects.get(user=alice, confirmed=False)
    response = client.post("/account/tweede-factor/", {"otp_token": code_for(device)})
    assert response.status_code == 302
    assert client.get("/overzicht/").status_code == 200
    assert TOTPDevice.objects.get(user=alice).confirmed


def test_a_wrong_code_is_refused_in_dutch(client, alice, require_2fa):
    TOTPDevice.objects.create(user=alice, name="app", confirmed=True)
    login(client, "alice")
    response = client.post("/account/tweede-factor/", {"otp_token": "000000"})
    assert "Deze code klopt niet" in response.content.decode()
    response = client.post("/account/tweede-factor/", {"otp_token": "abc"})
    assert "Geef de 6 cijfers" in response.content.decode()
    assert client.get("/overzicht/").status_code == 302


def test_a_known_device_asks_only_the_code(client, alice, require_2fa):
    device = TOTPDevice.objects.create(user=alice, name="app", confirmed=True)
    login(client, "alice")
    assert "Scan deze QR-code" not in client.get("/account/tweede-factor/").content.decode()
    client.post("/account/tweede-factor/", {"otp_token": code_for(device)})
    assert client.get("/overzicht/").status_code == 200


def test_a_volunteer_needs_no_second_factor(client, make_user, org_a, require_2fa):
    make_user("vera", Role.VOLUNTEER, org_a)
    login(client, "vera")
    assert client.get("/overzicht/").status_code == 200


def test_passwords_are_hashed_with_argon2_in_production():
    from woonloket import settings as production

    assert production.PASSWORD_HASHERS[0].endswith("Argon2PasswordHasher")


def test_sign_out_ends_the_session(client, alice):
    login(client, "alice")
    client.post("/account/afmelden/")
    assert client.get("/overzicht/").status_code == 302
    assert get_user_model().objects.filter(username="alice").exists()
