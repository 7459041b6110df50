"""Benchmarks of case management: case list, case detail, people search, my work."""

from django.contrib.auth import get_user_model
from django.db import connection
from django.db.models import Count

from woonloket.core.bench import api_client as _api_client
from woonloket.core.bench import benchmark
from woonloket.core.bench import get_ok as _get
from woonloket.core.bench import page_client as _page_client

from .models import Case, Contact

COUNSELLOR = "demo-woonbegeleider"


def _counsellor():
    return get_user_model().objects.get(username=COUNSELLOR)


def _visible_cases(user) -> int:
    return Case.objects.visible_to(user).count()


def _floor_case_list():
    org = _counsellor().memberships.values_list("organisation_id", flat=True).first()
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT c.id, c.status, c.is_priority, c.opened_on, m.name FROM cases_case c "
            "JOIN core_municipality m ON m.nis_code = c.municipality_id "
            "WHERE c.lead_organisation_id = %s AND c.status = 'lopend' "
            "ORDER BY c.opened_on DESC, c.id DESC LIMIT 50", [org])
        return cursor.fetchall()


@benchmark("cases.list", floor=_floor_case_list)
def case_list():
    user = _counsellor()
    return _get(_api_client(user), "/api/v1/cases?status=lopend&limit=50"), _visible_cases(user)


@benchmark("cases.detail")
def case_detail():
    user = _counsellor()
    case = (Case.objects.visible_to(user).annotate(n=Count("contacts")).order_by("-n").first())
    rows = Contact.objects.filter(case=case).count()
    return _get(_page_client(user), f"/dossiers/{case.pk}/"), rows


def _people_search(make_query):
    from woonloket.clients.models import Person

    user = _counsellor()
    person = Person.objects.visible_to(user).filter(last_name__regex=r"^\w{6,}$").order_by(
        "pk").first()
    return (_get(_api_client(user), f"/api/v1/people?q={make_query(person.last_name)}"),
            Person.objects.visible_to(user).count())


@benchmark("people.search")
def people_search():
    """A name cut short: found among the names that contain it."""
    return _people_search(lambda name: name[:-1])


@benchmark("people.search_typo")
def people_search_typo():
    """Two letters swapped inside the name: only the similarity search finds it."""
    return _people_search(lambda name: name[:2] + name[3] + name[2] + name[4:])


@benchmark("mijn_werk")
def my_work():
    user = _counsellor()
    return _get(_page_client(user), "/mijn-werk/"), Case.objects.filter(contact_person=user).count()
