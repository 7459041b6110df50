"""Benchmarks of the core app: the municipalities API and the dashboard."""

from django.contrib.auth import get_user_model
from django.db import connection
from django.test import Client

from .bench import benchmark
from .demo import demo_username
from .models import Municipality
from .services import api_token_create, platform_admin_ensure

BENCH_ADMIN = "bench-admin"


@benchmark(
    "municipalities.list",
    floor=lambda: _fetch(
        "SELECT m.nis_code, m.name, m.province_name, m.population, m.population_date, "
        "mc.canton_id FROM core_municipality m "
        "LEFT JOIN core_municipalitycanton mc ON mc.municipality_id = m.nis_code "
        "ORDER BY m.name"
    ),
)
def municipalities_list():
    token = api_token_create(None, for_user=platform_admin_ensure(BENCH_ADMIN), name="bench")
    client = Client(HTTP_AUTHORIZATION=f"Bearer {token}")

    def call():
        response = client.get("/api/v1/municipalities?limit=500&offset=0")
        assert response.status_code == 200, response.content
        return response

    return call, Municipality.objects.count()


@benchmark("dashboard")
def dashboard():
    user = get_user_model().objects.get(username=demo_username("coordinator"))
    client = Client()
    client.force_login(user)

    def call():
        response = client.get("/overzicht/")
        assert response.status_code == 200, response.status_code
        return response

    return call, user.memberships.count()


def _fetch(sql: str):
    with connection.cursor() as cursor:
        cursor.execute(sql)
        return cursor.fetchall()
