"""Case pages: list, new case with duplicate check, detail with timeline,
intake, action plan (and its PDF), referral, my work, people search."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db.models import Prefetch
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from woonloket.clients import selectors as client_selectors
from woonloket.clients import services as client_services
from woonloket.clients.models import Household, Person
from woonloket.core.access import actor_for, get_visible_or_404, user_can
from woonloket.core.errors import ServiceError
from woonloket.core.forms import show_service_error, submit_service_form
from woonloket.core.pdf import pdf_response
from woonloket.core.roles import Perm

from . import forms, selectors, services
from .models import LIFE_DOMAINS, Action

PAGE_SIZE = 50


def _case(request, case_id: int, reason: str):
    return selectors.case_detail(request.user, case_id, reason=reason)


def _can_edit(user, case) -> bool:
    return user_can(user, Perm.EDIT_PERSONAL_DATA, case.lead_organisation_id)


def _require_edit(user, case) -> None:
    if not _can_edit(user, case):
        raise PermissionDenied


@login_required
def case_list(request):
    if not actor_for(request.user).can(Perm.VIEW_PERSONAL_DATA):
        raise PermissionDenied
    form = forms.CaseFilterForm(request.GET or None)
    f = form.cleaned_data if form.is_valid() else {}
    qs = selectors.case_list(
        request.user, status=f.get("status") or None,
        is_priority={"ja": True, "nee": False}.get(f.get("priority")),
    )
    if f.get("mine"):
        qs = qs.filter(contact_person=request.user)
    qs = qs.prefetch_related(Prefetch(
        "household__members", queryset=Person.objects.filter(relation="self"), to_attr="applicants"
    ))
    page = Paginator(qs, PAGE_SIZE).get_page(request.GET.get("pagina"))
    return render(request, "cases/case_list.html", {"form": form, "page": page})


@require_http_methods(["GET", "POST"])
@login_required
def case_new(request):
    if not actor_for(request.user).can(Perm.EDIT_PERSONAL_DATA):
        raise PermissionDenied
    form = forms.NewCaseForm(request.POST or None)
    duplicates = []
    if request.method == "POST" and form.is_valid():
        d = form.cleaned_data
        member = client_services.MemberIn(
            d["first_name"], d["last_name"], "self", d["birth_date"],
            d["national_number"] or None, phone=d["phone"],
        )
        try:
            if d["national_number"]:
                from woonloket.clients.rules import InvalidNationalNumber, national_number

                try:
                    member.national_number = national_number(d["national_number"])
                except InvalidNationalNumber as exc:
                    raise ServiceError(str(exc), {"national_number": str(exc)}) from exc
            duplicates = client_services.duplicate_candidates(request.user, member)
            if not duplicates or d["confirm_new"]:
                household = client_services.household_register(
                    request.user, client_services.HouseholdIn(
                        municipality_nis=d["municipality"].nis_code, tenure=d["tenure"],
                        members=[member], monthly_income_eur=d["monthly_income_eur"],
                        street=d["street"], number=d["number"], postal_code=d["postal_code"],
                    ))
                case = services.case_open(
                    request.user, household_id=household.pk,
                    municipality_nis=d["municipality"].nis_code, themes=d["themes"],
                    source=d["source"])
                messages.success(request, _("Dossier geopend."))
                return redirect("cases:detail", case.pk)
        except ServiceError as exc:
            errors = {k.removeprefix("members.0."): v for k, v in exc.errors.items()}
            show_service_error(form, ServiceError(exc.message, errors))
    if not duplicates:
        del form.fields["confirm_new"]  # only asked when similar people were found
    return render(request, "cases/case_new.html", {"form": form, "duplicates": duplicates})


@require_http_methods(["GET", "POST"])
@login_required
def case_for_household(request, household_id: int):
    """Open a new case for a known household (after the duplicate check)."""
    household = get_visible_or_404(Household.objects.select_related("municipality"),
                                   request.user, pk=household_id)
    form = forms.NewCaseForm(request.POST or None, initial={"municipality": household.municipality})
    for name in ("first_name", "last_name", "tenure", "confirm_new"):
        form.fields[name].required = False
    if request.method == "POST" and form.is_valid():
        try:
            case = services.case_open(
                request.user, household_id=household.pk,
                municipality_nis=form.cleaned_data["municipality"].nis_code,
                themes=form.cleaned_data["themes"], source=form.cleaned_data["source"])
        except ServiceError as exc:
            show_service_error(form, exc)
        else:
            messages.success(request, _("Dossier geopend."))
            return redirect("cases:detail", case.pk)
    return render(request, "cases/case_for_household.html",
                  {"form": form, "household": household})


@require_http_methods(["GET", "POST"])
@login_required
def case_detail(request, case_id: int):
    case = _case(request, case_id, "dossier bekeken")
    form = forms.ContactForm(request.POST or None)
    if request.method == "POST":
        _require_edit(request.user, case)
    response = submit_service_form(request, form, lambda d: services.contact_register(
        request.user, case, **d), _("Contact bewaard."))
    if response:
        return response
    members = list(case.household.members.all())
    can_edit = _can_edit(request.user, case)
    return render(request, "cases/case_detail.html", {
        "case": case, "members": members, "form": form,
        "timeline": selectors.case_timeline(request.user, case),
        "can_edit": can_edit,
        "enrolment_form": forms.EnrolmentForm(), "close_form": forms.CloseForm(),
        "links": [(link.label, link.url(case)) for link in selectors.CASE_LINKS
                  if can_edit or link.for_viewers],
    })


def _small_form(request, case_id: int, form_class, call, success: str):
    """A one-purpose form posted from the case page; back to the case either way."""
    case = _case(request, case_id, form_class.__name__)
    _require_edit(request.user, case)
    form = form_class(request.POST)
    if submit_service_form(request, form, lambda d: call(request.user, case, **d), success) is None:
        messages.error(request, " ".join(e for errs in form.errors.values() for e in errs))
    return redirect("cases:detail", case.pk)


@require_POST
@login_required
def case_enrol(request, case_id: int):
    return _small_form(request, case_id, forms.EnrolmentForm, services.enrolment_add,
                       _("Traject toegevoegd."))


@require_POST
@login_required
def case_close(request, case_id: int):
    return _small_form(request, case_id, forms.CloseForm, services.case_close,
                       _("Dossier afgesloten."))


@require_http_methods(["GET", "POST"])
@login_required
def intake(request, case_id: int):
    case = _case(request, case_id, "intake")
    _require_edit(request.user, case)
    existing = getattr(case, "intake", None)
    initial = {f: getattr(existing, f) for f in
               ["housing_situation", "question_behind", "urgency", *LIFE_DOMAINS]} \
        if existing else None
    form = forms.IntakeForm(request.POST if "intake" in request.POST else None, initial=initial)
    assessment = forms.AssessmentForm(request.POST if "assessment" in request.POST else None)
    response = submit_service_form(request, form, lambda d: services.intake_record(
        request.user, case, housing_situation=d["housing_situation"],
        question_behind=d["question_behind"], urgency=d["urgency"],
        scores={k: d[k] for k in LIFE_DOMAINS}), _("Intake bewaard.")) or submit_service_form(
        request, assessment, lambda d: services.priority_assess(request.user, case, **d),
        _("Inschatting bewaard."))
    if response:
        return response
    return render(request, "cases/intake.html",
                  {"case": case, "form": form, "assessment": assessment})


@require_http_methods(["GET", "POST"])
@login_required
def action_plan(request, case_id: int):
    case = _case(request, case_id, "handelingsplan")
    can_edit = _can_edit(request.user, case)
    post = request.POST if request.method == "POST" else None
    if post is not None:
        _require_edit(request.user, case)
    goal_form = forms.GoalForm(post if post and "goal" in post else None, prefix="goal")
    action_form = forms.ActionForm(post if post and "action" in post else None, prefix="action")
    evaluation_form = forms.EvaluationForm(post if post and "evaluation" in post else None,
                                           prefix="evaluation")
    plan = selectors.action_plan(case)

    def add_action(d):
        goal_id = post.get("goal_id", "")
        if plan is None or not goal_id.isdigit():
            raise Http404
        goal = get_object_or_404(plan.goals, pk=int(goal_id))
        return services.action_add(request.user, goal, description=d["description"],
                                   who=d["who"], due_on=d["due_on"],
                                   partner_id=d["partner"].pk if d["partner"] else None)

    response = (
        submit_service_form(request, goal_form,
                            lambda d: services.goal_add(request.user, case, **d),
                            _("Doel toegevoegd."))
        or submit_service_form(request, action_form, add_action, _("Actie toegevoegd."))
        or submit_service_form(request, evaluation_form,
                   lambda d: services.evaluation_add(request.user, case, **d),
                   _("Evaluatie bewaard."))
    )
    if response:
        return response
    return render(request, "cases/action_plan.html", {
        "case": case, "plan": plan, "can_edit": can_edit, "goal_form": goal_form,
        "action_form": action_form, "evaluation_form": evaluation_form,
        "states": Action.State.choices,
    })


@require_POST
@login_required
def action_state(request, case_id: int, action_id: int):
    case = _case(request, case_id, "actie")
    _require_edit(request.user, case)
    action = get_object_or_404(Action, pk=action_id, goal__plan__case=case)
    try:
        services.action_set_state(request.user, action, request.POST.get("state", ""))
    except ServiceError as exc:
        messages.error(request, exc.message)
    return redirect("cases:plan", case.pk)


@login_required
def action_plan_pdf(request, case_id: int):
    from weasyprint import HTML

    case = _case(request, case_id, "handelingsplan afgedrukt")
    html = render_to_string("cases/action_plan_pdf.html", {
        "case": case, "plan": selectors.action_plan(case),
        "applicant": case.household.members.filter(relation="self").first(),
    }, request=request)
    pdf = HTML(string=html, base_url=request.build_absolute_uri("/")).write_pdf()
    return pdf_response(pdf, f"handelingsplan-{case.pk}.pdf")


@require_http_methods(["GET", "POST"])
@login_required
def referral(request, case_id: int):
    case = _case(request, case_id, "doorverwijzen")
    _require_edit(request.user, case)
    form = forms.ReferralForm(request.POST or None)
    response = submit_service_form(request, form, lambda d: services.referral_create(
        request.user, case, to_organisation_id=d["to_organisation"].pk, reason=d["reason"],
        purpose=d["purpose"], scope=d["scope"], expires_on=d["expires_on"]),
        _("Doorverwijzing verstuurd."), redirect_to=reverse("cases:detail", args=[case.pk]))
    if response:
        return response
    return render(request, "cases/referral.html", {"case": case, "form": form})


@require_POST
@login_required
def referral_status(request, referral_id: int):
    try:
        referral = services.referral_set_status(request.user, referral_id,
                                                request.POST.get("status", ""))
    except ServiceError as exc:
        messages.error(request, exc.message)
        return redirect("cases:my_work")
    messages.success(request, _("Doorverwijzing: %(s)s.") % {"s": referral.get_status_display()})
    return redirect("cases:my_work")


@login_required
def my_work(request):
    extra = [{"template": template, **context(request.user)}
             for template, context in selectors.MY_WORK_PANELS]
    return render(request, "cases/my_work.html", {"work": selectors.my_work(request.user),
                                                  "extra": extra})


@login_required
def people(request):
    form = forms.PeopleSearchForm(request.GET or None)
    found = client_selectors.people_search(request.user, form.cleaned_data["q"]) \
        if form.is_valid() else []
    return render(request, "cases/people.html", {"form": form, "people": found})
