"""seed_demo, bench and the production settings."""

import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.contrib.auth import get_user_model
from django.core.exceptions import ImproperlyConfigured
from django.core.management import call_command

from woonloket.core.models import Membership, Organisation
from woonloket.core.roles import Role

REPO = Path(__file__).resolve().parents[2]


def test_seed_demo_creates_a_user_per_role_and_is_idempotent(db):
    out = io.StringIO()
    call_command("seed_demo", "--scale", "small", stdout=out)
    def counts():
        from woonloket.cases.models import Case, Contact
        from woonloket.clients.models import Household

        return [m.objects.count() for m in (get_user_model(), Organisation, Membership,
                                              Household, Case, Contact)]

    before = counts()
    call_command("seed_demo", "--scale", "small", stdout=io.StringIO())
    assert counts() == before
    assert before[3] == 300 and before[5] > 1000
    roles = set(Membership.objects.filter(user__username__startswith="demo-")
                .values_list("role", flat=True))
    assert roles == set(Role.values)
    assert "demo-woonbegeleider" in out.getvalue() and "woonloket-demo" in out.getvalue()


def test_demo_population_is_labelled_with_year_and_source(db):
    call_command("seed_demo", stdout=io.StringIO())
    kortrijk = get_user_model()._meta.apps.get_model("core", "Municipality").objects.get(
        nis_code="34022")
    assert kortrijk.population == 77109
    assert "2020" in kortrijk.population_source and "demo" in kortrijk.population_source
    assert kortrijk.population_date.isoformat() == "2020-01-01"


def test_bench_writes_one_row_per_benchmark(db, tmp_path):
    target = tmp_path / "bench.json"
    call_command("bench", "--repeat", "3", "--json", str(target), stdout=io.StringIO())
    rows = {r["name"]: r for r in json.loads(target.read_text())}
    assert set(rows) >= {"municipalities.list", "dashboard"}
    listing = rows["municipalities.list"]
    assert listing["rows"] == 565 and 2 <= listing["queries"] <= 5
    assert listing["p95_ms"] >= listing["p50_ms"] > 0 and listing["floor_ms"] > 0


def test_strict_boolean_settings(monkeypatch):
    from woonloket.settings import env_bool

    monkeypatch.setenv("X_FLAG", "misschien")
    with pytest.raises(ImproperlyConfigured):
        env_bool("X_FLAG", False)
    monkeypatch.setenv("X_FLAG", "True")
    assert env_bool("X_FLAG", False) is True


def test_check_deploy_is_clean_with_production_settings():
    env = {**os.environ, "DEBUG": "false", "SECRET_KEY": "p" * 30 + "-production-secret-9f8e7d",
           "ALLOWED_HOSTS": "woonloket.example.org", "WOONLOKET_SSL_REDIRECT": "true",
           "DJANGO_SETTINGS_MODULE": "woonloket.settings"}
    env.pop("DATABASE_URL", None)
    env.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=REPO, env=env, capture_output=True, text=True, timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr
