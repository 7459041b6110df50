import io

import pytest
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command


def run(*args):
    out = io.StringIO()
    call_command("apitoken", *args, stdout=out)
    return out.getvalue()


def test_create_admin_prints_only_a_working_token(client, db):
    output = run("acceptatie", "--create-admin")
    token = output.strip()
    assert output == token + "\n" and token.startswith("wl_") and " " not in token
    user = get_user_model().objects.get(username="acceptatie")
    assert user.is_superuser and not user.has_usable_password()
    me = client.get("/api/v1/me", headers={"Authorization": f"Bearer {token}"}).json()
    assert me["is_platform_admin"] is True


def test_it_can_be_run_twice_for_the_same_admin(db):
    assert run("acceptatie", "--create-admin") != run("acceptatie", "--create-admin")
    assert get_user_model().objects.filter(username="acceptatie").count() == 1


def test_an_unknown_user_is_an_error(db):
    with pytest.raises(CommandError, match="bestaat niet"):
        run("niemand")


def test_tokens_are_stored_as_digests(alice):
    token = run("alice").strip()
    assert not alice.api_tokens.filter(digest=token).exists()
    assert alice.api_tokens.get().prefix == token[:8]
