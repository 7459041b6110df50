"""Pages of renovation coaching and the contractor pool."""

from datetime import timedelta
from decimal import Decimal

import pytest

from woonloket.energy import services
from woonloket.energy.models import Contractor, Quote, Trajectory

from .backoffice import *  # noqa: F403 - the fixtures (tina, case, screening, ...)
from .backoffice import TODAY, record


@pytest.fixture
def pool(carol):
    return [services.contractor_save(carol, None, name=n, specialities=["dak"],
                                     municipality_nis=["36008"])
            for n in ("Dakwerken Deprez", "Isolatie Vanhove")]


@pytest.fixture
def trajectory(tina, screening):
    return services.trajectory_start(tina, screening.case, started_on=TODAY - timedelta(days=30))


def test_start_from_the_case_page(client, tina, screening):
    client.force_login(tina)
    response = client.post(f"/dossiers/{screening.case_id}/energie/renovatiebegeleiding/",
                           {"started_on": TODAY.isoformat(), "notes": "Eerste gesprek"})
    t = Trajectory.objects.get()
    assert response["Location"] == f"/energie/renovatiebegeleiding/{t.pk}/"
    assert t.coach == tina and t.before_scan == screening.scan


def test_phase_quote_and_result_on_the_trajectory_page(client, tina, trajectory, pool):
    client.force_login(tina)
    url = f"/energie/renovatiebegeleiding/{trajectory.pk}/"
    assert client.get(url).status_code == 200
    # a date before the previous phase: a Dutch message on the form
    response = client.post(url, {"do": "phase", "phase": "offertes",
                                 "on": (TODAY - timedelta(days=40)).isoformat()})
    assert "De datum ligt vóór de vorige fase" in response.content.decode()
    response = client.post(url, {"do": "phase", "phase": "uitvoering", "on": TODAY.isoformat()})
    assert response.status_code == 302
    client.post(url, {"do": "notes", "notes": "Twee offertes gevraagd."})
    assert Trajectory.objects.get(pk=trajectory.pk).notes == "Twee offertes gevraagd."
    page = client.get(url)
    assert [s["state"] for s in page.context["phases"]][:4] == ["done", "skipped", "skipped",
                                                                "current"]
    # backwards is not even offered
    assert [c[0] for c in page.context["phase_form"].fields["phase"].choices] == [
        "oplevering", "nazorg"]
    bad = client.post(url, {"do": "quote", "quote-contractor": pool[0].pk,
                            "quote-measure": "dakisolatie", "quote-received_on": TODAY,
                            "quote-amount_excl_vat_eur": "", "quote-vat_percent": "6",
                            "quote-quantity": "80"})
    errors = bad.context["quote_form"].errors
    assert "Dit veld is verplicht." in errors["amount_excl_vat_eur"]
    assert "Kies de eenheid van de hoeveelheid." in errors["unit"]
    for contractor, amount in ((pool[0], "7000"), (pool[1], "6400")):
        response = client.post(url, {"do": "quote", "quote-contractor": contractor.pk,
                                     "quote-measure": "dakisolatie",
                                     "quote-received_on": TODAY.isoformat(),
                                     "quote-amount_excl_vat_eur": amount,
                                     "quote-vat_percent": "6", "quote-quantity": "80",
                                     "quote-unit": "m²", "quote-warranty_years": "10"})
        assert response.status_code == 302
    compare = client.get(f"{url}offertes/")
    html = compare.content.decode()
    assert compare.status_code == 200 and "goedkoopst" in html and "Schatting scan" in html
    assert "6.784,00" in html and "7.420,00" in html and "84,80" in html
    cheapest = Quote.objects.get(amount_excl_vat_eur=Decimal("6400"))
    client.post(url, {"choose": cheapest.pk})
    assert Quote.objects.get(pk=cheapest.pk).chosen
    response = client.post(url, {"do": "result", "result-completed_on": TODAY.isoformat(),
                                 "result-roof_insulation_cm": "70"})
    assert response.status_code == 200
    assert response.context["result_form"].errors["roof_insulation_cm"] == [
        "Moet tussen 0 en 50 liggen."]
    response = client.post(url, {"do": "result", "result-completed_on": TODAY.isoformat(),
                                 "result-roof_insulation_cm": "20",
                                 "result-glazing": "hoogrendement"})
    assert response.status_code == 302
    page = client.get(url)
    assert page.context["after"]["energy_kwh"] < page.context["before"]["energy_kwh"]


def test_others_cannot_see_or_change_a_trajectory(client, bob, make_user, org_a, trajectory):
    client.force_login(bob)
    assert client.get(f"/energie/renovatiebegeleiding/{trajectory.pk}/").status_code == 404
    assert client.get(f"/energie/renovatiebegeleiding/{trajectory.pk}/offertes/").status_code \
        == 404
    calltaker = make_user("cato", "calltaker", org_a)  # sees the case, may not coach
    client.force_login(calltaker)
    url = f"/energie/renovatiebegeleiding/{trajectory.pk}/"
    assert client.get(url).status_code == 200
    post = {"do": "phase", "phase": "offertes", "on": TODAY.isoformat()}
    assert client.post(url, post).status_code == 403


def test_the_contractor_pages(client, carol, bob, pool):
    client.force_login(carol)
    page = client.get("/energie/aannemers/?speciality=dak&municipality=36008")
    assert page.status_code == 200 and len(page.context["page"].object_list) == 2
    assert len(client.get("/energie/aannemers/?speciality=ventilatie").context["page"]
               .object_list) == 0
    response = client.post("/energie/aannemers/", {"name": "", "municipalities": ["36008"]})
    form = response.context["form"]
    assert "Kies minstens één specialiteit." in form.errors["specialities"]
    assert "Dit veld is verplicht." in form.errors["name"]
    response = client.post("/energie/aannemers/", {
        "name": "Ventilatie Vercruysse", "specialities": ["ventilatie"],
        "municipalities": ["36008", "36007"], "vat_number": "BE 0403.170.701",
        "is_active": "on"})
    assert response.status_code == 302
    c = Contractor.objects.get(name="Ventilatie Vercruysse")
    assert c.vat_number == "BE0403170701" and c.municipalities.count() == 2
    response = client.post(f"/energie/aannemers/{c.pk}/", {
        "name": "Ventilatie Vercruysse", "specialities": ["ventilatie"],
        "municipalities": ["36008"], "vat_number": "BE0403170702", "is_active": "on"})
    assert "Geen geldig Belgisch ondernemingsnummer" in response.content.decode()
    client.force_login(bob)
    assert client.get(f"/energie/aannemers/{c.pk}/").status_code == 404


@pytest.mark.parametrize("url", ["/energie/renovatiebegeleiding/",
                                 "/energie/renovatiebegeleiding/?fase=advies",
                                 "/energie/aannemers/", "/energie/aannemers/?speciality=dak",
                                 "trajectory", "quotes"])
def test_list_queries_do_not_grow_with_rows(count_queries, client, alice, tina, carol,
                                            make_case, url):
    contractors = []

    def fill(n):
        for i in range(n):
            c = services.contractor_save(carol, None, name=f"Aannemer {len(contractors)}",
                                         specialities=["dak", "gevel"],
                                         municipality_nis=["36008", "36007"])
            contractors.append(c)
            case = make_case(f"Naam{len(contractors)}")
            t = services.trajectory_start(tina, case, screening=record(tina, case))
            first = Trajectory.objects.order_by("pk").first()
            for who in (t, first):
                services.quote_add(tina, who, contractor_id=c.pk, measure="dakisolatie",
                                   received_on=TODAY, amount_excl_vat_eur=Decimal(5000 + i),
                                   vat_percent=6, quantity=Decimal(80), unit="m²")
    fill(1)
    first = Trajectory.objects.get()
    url = {"trajectory": f"/energie/renovatiebegeleiding/{first.pk}/",
           "quotes": f"/energie/renovatiebegeleiding/{first.pk}/offertes/"}.get(url, url)
    client.force_login(alice)

    def call():
        assert client.get(url).status_code == 200
    few = count_queries(call)
    fill(5)
    assert count_queries(call) == few
