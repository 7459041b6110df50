"""The household page: members, incomes, address and tenure."""

from django.contrib.auth.decorators import login_required
from django.db.models import Prefetch
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from woonloket.cases.models import Case
from woonloket.core import audit
from woonloket.core.access import get_visible_or_404, user_can
from woonloket.core.errors import ServiceError
from woonloket.core.forms import submit_service_form
from woonloket.core.roles import Perm

from . import forms, rules, services
from .models import Household, Income, Person


@require_http_methods(["GET", "POST"])
@login_required
def household_detail(request, household_id: int):
    household = get_visible_or_404(
        Household.objects.select_related("municipality", "organisation").prefetch_related(
            "members", Prefetch("incomes", queryset=Income.objects.select_related("person")),
            Prefetch("cases", queryset=Case.objects.visible_to(request.user).order_by("-pk")),
        ),
        request.user, pk=household_id,
    )
    audit.record(request.user, audit.Action.READ, household,
                 organisation_id=household.organisation_id, reason="gezin bekeken")
    post = request.POST if request.method == "POST" else None
    member_form = forms.MemberForm(post if post and "member" in post else None, prefix="member")
    income_form = forms.IncomeForm(post if post and "income" in post else None,
                                   household=household, prefix="income")
    household_form = forms.HouseholdForm(
        post if post and "household" in post else None, prefix="household",
        initial={f: getattr(household, f) for f in services.HOUSEHOLD_FIELDS})
    merge_form = forms.MergeForm(post if post and "merge" in post else None, prefix="merge")

    def merge(d):
        other = Household.objects.visible_to(request.user).filter(pk=d["other"]).first()
        if other is None:
            raise ServiceError("Onbekend gezin.", {"other": "Onbekend gezin."})
        return services.household_merge(request.user, keep=household, merge=other)

    calls = [
        (member_form, lambda d: services.member_add(request.user, household, services.MemberIn(
            **{**d, "national_number": d["national_number"] or None})), _("Gezinslid toegevoegd.")),
        (income_form, lambda d: services.income_add(
            request.user, household, source=d["source"], monthly_eur=d["monthly_eur"],
            person_id=d["person"].pk if d["person"] else None), _("Inkomen toegevoegd.")),
        (household_form, lambda d: services.household_update(request.user, household, **d),
         _("Gezin bijgewerkt.")),
        (merge_form, merge, _("Gezinnen samengevoegd.")),
    ]
    for form, call, success in calls:
        response = submit_service_form(request, form, call, success)
        if response:
            return response
    incomes = list(household.incomes.all())
    members = list(household.members.all())
    return render(request, "clients/household.html", {
        "household": household, "incomes": incomes, "members": members,
        "dependants": rules.dependants([
            rules.MemberFacts(m.is_dependant, m.has_recognised_disability) for m in members]),
        "income_total": sum(i.monthly_eur for i in incomes),
        "can_edit": user_can(request.user, Perm.EDIT_PERSONAL_DATA),
        "member_form": member_form, "income_form": income_form, "household_form": household_form,
        "merge_form": merge_form,
    })


@require_http_methods(["GET", "POST"])
@login_required
def person_edit(request, person_id: int):
    person = get_visible_or_404(Person.objects.select_related("household"), request.user,
                                pk=person_id)
    audit.record(request.user, audit.Action.READ, person,
                 organisation_id=person.organisation_id, reason="persoon bewerken")
    form = forms.PersonForm(request.POST or None,
                            initial={f: getattr(person, f) for f in services.PERSON_FIELDS})
    response = submit_service_form(
        request, form, lambda d: services.person_update(request.user, person, **d),
        _("Gegevens bewaard."),
        redirect_to=reverse("clients:household", args=[person.household_id]))
    if response:
        return response
    return render(request, "clients/person_form.html", {"person": person, "form": form})
