"""Pages of eviction prevention: the board of open petitions, registering
(form and CSV), a petition with its steps, letters, hearing and follow-up,
court sessions with calendar feeds, figures, the organisation's settings and
rent mediation."""

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from woonloket.cases.selectors import case_detail
from woonloket.core import icsfeed
from woonloket.core.access import actor_for, get_visible_or_404, user_can
from woonloket.core.errors import ServiceError
from woonloket.core.forms import CsvUploadForm, run_csv_import, submit_service_form
from woonloket.core.models import Canton, Organisation
from woonloket.core.pdf import pdf_response
from woonloket.core.roles import Perm

from . import forms, importing, letters, rules, selectors, services
from .models import Assignment, LetterTemplate, Mediation, Petition, Step

PAGE_SIZE = 50


def _staff(request):
    if not actor_for(request.user).organisations_with(Perm.VIEW_PERSONAL_DATA) \
            and not request.user.is_superuser:
        raise PermissionDenied


@login_required
def board(request):
    """Every open petition: current step, days to the hearing, what is overdue."""
    _staff(request)
    form = forms.BoardFilterForm(request.GET or None)
    d = form.cleaned_data if form.is_valid() else {}
    qs = selectors.petitions(request.user, mine=d.get("mine", False),
                             canton=d["canton"].pk if d.get("canton") else None)
    page = Paginator(qs, PAGE_SIZE).get_page(request.GET.get("pagina"))
    rows = selectors.board_rows(request.user, list(page))
    return render(request, "evictions/board.html", {
        "form": form, "page": page, "rows": rows, "today": timezone.localdate(),
        "can_configure": user_can(request.user, Perm.MANAGE_OUTREACH)})


def _acting_form_org(request):
    return actor_for(request.user).organisations_with(Perm.EDIT_PERSONAL_DATA)


@require_http_methods(["GET", "POST"])
@login_required
def petition_new(request):
    if not _acting_form_org(request) and not request.user.is_superuser:
        raise PermissionDenied
    form = forms.PetitionForm(request.POST or None,
                              initial={"received_on": timezone.localdate()})
    created = {}

    def call(d):
        created["petition"] = services.petition_register(request.user, services.PetitionIn(
            canton=d["canton"].pk, roll_number=d["roll_number"], received_on=d["received_on"],
            hearing_at=d["hearing_at"], landlord_kind=d["landlord_kind"],
            landlord_name=d["landlord_name"], landlord_contact=d["landlord_contact"],
            first_name=d["first_name"], last_name=d["last_name"], birth_date=d["birth_date"],
            street=d["street"], number=d["number"], box=d["box"],
            postal_code=d["postal_code"], municipality_nis=d["municipality"].pk,
            arrears_eur=d["arrears_eur"], monthly_rent_eur=d["monthly_rent_eur"],
            reason=d["reason"]))
    if submit_service_form(request, form, call, _("Het verzoekschrift is geregistreerd.")):
        return redirect("evictions:petition", created["petition"].pk)
    return render(request, "evictions/petition_new.html", {"form": form})


@require_http_methods(["GET", "POST"])
@login_required
def petition_import(request):
    if not _acting_form_org(request) and not request.user.is_superuser:
        raise PermissionDenied
    form = CsvUploadForm(request.POST or None, request.FILES or None)
    result = run_csv_import(request, form,
                            lambda raw: importing.petitions_import(request.user, raw))
    return render(request, "evictions/import.html", {
        "form": form, "result": result,
        "columns": importing.REQUIRED, "optional": importing.OPTIONAL})


def _petition(request, petition_id: int, reason: str) -> Petition:
    return selectors.petition_detail(request.user, petition_id, reason=reason)


@require_http_methods(["GET", "POST"])
@login_required
def petition_detail(request, petition_id: int):
    petition = _petition(request, petition_id, "verzoekschrift bekijken")
    can_edit = selectors.can_edit(request.user, petition) and petition.closed_on is None
    posted = request.POST if request.method == "POST" else None
    outcome_form = forms.OutcomeForm(posted if "outcome" in request.POST else None,
                                     initial={"outcome_on": timezone.localdate()})
    follow_form = forms.FollowUpForm(posted if "follow_up" in request.POST else None, initial={
        "evicted_on": petition.evicted_on, "housed_on": petition.housed_on,
        "housed_where": petition.housed_where})
    fund_form = forms.FundForm(request.GET or None)
    if request.method == "POST":
        if not can_edit:
            raise PermissionDenied
        if "outcome" in request.POST:
            done = submit_service_form(request, outcome_form, lambda d: services.outcome_record(
                request.user, petition, **d), _("De uitspraak is genoteerd."))
        elif "follow_up" in request.POST:
            done = submit_service_form(request, follow_form, lambda d: services.follow_up_record(
                request.user, petition, **d), _("De opvolging is bewaard."))
        else:
            done = None
        if done:
            return done
    steps = list(petition.steps.all())  # prefetched: only what the user may see
    step_forms = [(step, forms.StepForm(initial={
        "status": step.status, "outcome": step.outcome, "done_on": step.done_on or
        timezone.localdate(), "note": step.note,
        "planned_at": timezone.localtime(step.planned_at).strftime("%Y-%m-%dT%H:%M")
        if step.planned_at else None}, step=step)) for step in steps]
    facts = {"landlord_kind": petition.landlord_kind, "arrears_eur": petition.arrears_eur,
             "monthly_rent_eur": petition.monthly_rent_eur,
             "support_agreement": fund_form.agreement()}
    fund = rules.fund_eligibility(petition.received_on.year, **facts)
    # no confirmed parameters for that year: an indication with the latest ones
    indication = None if fund.parameters else rules.fund_eligibility(
        max(rules.FUND_PARAMETERS), **facts)
    return render(request, "evictions/petition_detail.html", {
        "petition": petition, "step_forms": step_forms, "can_edit": can_edit,
        "outcome_form": outcome_form, "follow_form": follow_form, "fund_form": fund_form,
        "fund": fund, "indication": indication,
        "letters": selectors.letters_of(request.user, petition),
        "letter_kinds": [(k, rules.STEP_LABELS[k]) for k in rules.LETTER_KINDS
                         if any(s.kind == k for s in steps)],
        "hearing": timezone.localtime(petition.hearing_at), "today": timezone.localdate(),
        "is_ocmw": petition.ocmw_id in actor_for(request.user).organisation_ids,
        "is_lead": user_can(request.user, Perm.VIEW_PERSONAL_DATA, petition.organisation_id)})


@require_POST
@login_required
def step_update(request, petition_id: int, step_id: int):
    petition = _petition(request, petition_id, "stap bijwerken")
    step = get_visible_or_404(Step.objects.all(), request.user, pk=step_id, petition=petition)
    form = forms.StepForm(request.POST, step=step)
    if form.is_valid():
        d = form.cleaned_data
        try:
            services.step_update(request.user, step, status=d["status"], done_on=d["done_on"],
                                 note=d["note"], outcome=d["outcome"],
                                 planned_at=d.get("planned_at"))
            messages.success(request, _("%(step)s: bewaard.") % {"step": step})
        except ServiceError as exc:
            messages.error(request, " ".join([exc.message, *exc.errors.values()]))
    else:
        messages.error(request, " ".join(e for errs in form.errors.values() for e in errs))
    return redirect(reverse("evictions:petition", args=[petition.pk]) + "#stappen")


@require_POST
@login_required
def letter_issue(request, petition_id: int, kind: str):
    petition = _petition(request, petition_id, f"brief {kind}")
    try:
        letter = services.letter_issue(request.user, petition, kind)
    except ServiceError as exc:
        messages.error(request, exc.message)
        return redirect("evictions:petition", petition.pk)
    return redirect("evictions:letter", petition.pk, letter.pk)


@login_required
def letter_view(request, petition_id: int, letter_id: int):
    petition = _petition(request, petition_id, "brief ingezien")
    letter = selectors.letter_pdf(request.user, petition, letter_id)
    return pdf_response(bytes(letter.pdf), f"{letter.kind}-{petition.roll_number}.pdf")


@require_POST
@login_required
def letters_today(request):
    """Every letter and card due today (or overdue) of the user's open
    petitions, each kept on its case, printed as one PDF."""
    _staff(request)
    mine = request.POST.get("mine") == "1"
    petitions = [p for p in selectors.petitions(request.user, mine=mine)
                 if selectors.can_edit(request.user, p)]
    pdf = services.letters_for_day(request.user, petitions, timezone.localdate())
    if pdf is None:
        messages.info(request, _("Vandaag zijn er geen brieven of kaartjes te maken."))
        return redirect("evictions:board")
    return pdf_response(pdf, f"brieven-{timezone.localdate():%Y-%m-%d}.pdf")


@require_POST
@login_required
def ocmw_seen(request, petition_id: int):
    petition = _petition(request, petition_id, "OCMW: gezien")
    services.ocmw_seen(request.user, petition)
    messages.success(request, _("Gemarkeerd als gezien."))
    return redirect("evictions:petition", petition.pk)


# Court sessions and calendar feeds ----------------------------------------------------------

def _staff_of(organisation_ids):
    return (get_user_model().objects.filter(memberships__organisation_id__in=organisation_ids,
                                            is_active=True)
            .distinct().order_by("first_name", "last_name"))


@require_http_methods(["GET", "POST"])
@login_required
def sessions(request):
    _staff(request)
    actor = actor_for(request.user)
    can_plan = actor.can(Perm.MANAGE_OUTREACH)
    orgs = actor.organisations_with(Perm.MANAGE_OUTREACH)
    form = forms.SessionForm(request.POST or None, staff=_staff_of(orgs))
    if request.method == "POST":
        if not can_plan:
            raise PermissionDenied
        done = submit_service_form(request, form, lambda d: services.court_session_create(
            request.user, organisation_id=None, canton=d["canton"].pk, starts_at=d["starts_at"],
            ends_at=d["ends_at"], place=d["place"], mode=d["mode"],
            counsellor_ids=[int(pk) for pk in d["counsellors"]]), _("De zitting is gepland."))
        if done:
            return done
    upcoming = list(selectors.court_sessions(request.user, since=timezone.localdate())[:60])
    hearings = selectors.hearings_by_session(request.user, upcoming)
    cantons = sorted({s.canton for s in upcoming}, key=str)
    feed = request.build_absolute_uri(reverse("evictions:feed_mine", args=[
        icsfeed.token_for(request.user, "mine")]))
    canton_feeds = [(c, request.build_absolute_uri(reverse("evictions:feed_canton", args=[
        c.pk, icsfeed.token_for(request.user, f"canton:{c.pk}")]))) for c in cantons]
    return render(request, "evictions/sessions.html", {
        "sessions": [(s, hearings.get(s.pk, [])) for s in upcoming], "form": form,
        "can_plan": can_plan, "feed": feed, "canton_feeds": canton_feeds})


def feed_mine(request, token: str):
    user = icsfeed.user_for(token, "mine")
    if user is None:
        raise Http404
    return icsfeed.response(f"woonloket – {user.get_full_name() or user.get_username()}",
                            selectors.counsellor_events(user))


def feed_canton(request, canton: str, token: str):
    user = icsfeed.user_for(token, f"canton:{canton}")
    found = Canton.objects.filter(pk=canton).first()
    if user is None or found is None:
        raise Http404
    return icsfeed.response(f"woonloket – vredegerecht {found}",
                            selectors.canton_events(user, canton))


# Figures ------------------------------------------------------------------------------

@login_required
def figures(request):
    _staff(request)
    form = forms.FiguresForm(request.GET or None, initial={"year": timezone.localdate().year,
                                                           "group": "municipality"})
    year, group = timezone.localdate().year, "municipality"
    if form.is_valid():
        year, group = form.cleaned_data["year"], form.cleaned_data["group"] or "municipality"
    petition_rows = selectors.petition_figures(request.user, year=year, group=group)
    return render(request, "evictions/figures.html", {
        "form": form, "year": year, "group": group, "rows": petition_rows,
        "mediation_rows": selectors.mediation_figures(request.user, year=year, group=group),
        "outcomes": Petition.Outcome.labels, "mediation_outcomes": Mediation.Outcome.labels,
        "totals": {key: sum(r[key] for r in petition_rows) for key in (
            "petitions", "reached_n", "intake_n", "attended_n", "evicted")}})


# Settings -----------------------------------------------------------------------------

@require_http_methods(["GET", "POST"])
@login_required
def settings_page(request):
    """An organisation's sequence and delays, counsellors per municipality and
    letter templates."""
    orgs = actor_for(request.user).organisations_with(Perm.MANAGE_OUTREACH)
    if not orgs:
        raise PermissionDenied
    organisation = Organisation.objects.filter(pk__in=orgs).order_by("name").first()
    sequence = services.sequence_of(organisation.pk)
    saved = organisation.outreach_settings if hasattr(organisation, "outreach_settings") \
        else None
    staff = list(_staff_of([organisation.pk]))
    settings_form = forms.SettingsForm(
        request.POST if "settings" in request.POST else None, sequence=sequence,
        initial={"visit_minutes": saved.visit_minutes if saved else 60})
    assign_form = forms.AssignmentForm(
        request.POST if "assign" in request.POST else None, staff=staff,
        municipalities=organisation.municipalities.order_by("name"))
    if request.method == "POST":
        if "settings" in request.POST:
            done = submit_service_form(request, settings_form, lambda d: services.settings_save(
                request.user, organisation_id=organisation.pk,
                sequence=settings_form.sequence(), visit_minutes=d["visit_minutes"]),
                _("De werkwijze is bewaard."))
        else:
            done = submit_service_form(request, assign_form, lambda d: services.assignment_set(
                request.user, organisation_id=organisation.pk,
                municipality_nis=d["municipality"].pk,
                counsellor_id=int(d["counsellor"]) if d["counsellor"] else None,
                phone=d["phone"]), _("De toewijzing is bewaard."))
        if done:
            return done
    assignments = {a.municipality_id: a for a in Assignment.objects.filter(
        organisation=organisation).select_related("counsellor")}
    return render(request, "evictions/settings.html", {
        "organisation": organisation, "settings_form": settings_form,
        "assign_form": assign_form,
        "municipalities": [(m, assignments.get(m.pk)) for m in
                           organisation.municipalities.order_by("name")],
        "templates": [(k, rules.STEP_LABELS[k], LetterTemplate.objects.filter(
            organisation=organisation, kind=k).exists()) for k in rules.LETTER_KINDS]})


@require_http_methods(["GET", "POST"])
@login_required
def template_edit(request, kind: str):
    orgs = actor_for(request.user).organisations_with(Perm.MANAGE_OUTREACH)
    if not orgs or kind not in rules.LETTER_KINDS:
        raise PermissionDenied if not orgs else Http404
    organisation = Organisation.objects.filter(pk__in=orgs).order_by("name").first()
    template = letters.template_for(organisation, kind)
    form = forms.TemplateForm(request.POST or None, request.FILES or None, initial={
        "sender": template.sender, "body": template.body, "signature": template.signature})

    def call(d):
        logo = d.get("logo")
        services.template_save(
            request.user, organisation_id=organisation.pk, kind=kind, sender=d["sender"],
            body=d["body"], signature=d["signature"],
            logo=logo.read(services.MAX_LOGO_BYTES + 1) if logo else None,
            logo_type=logo.content_type if logo else "", remove_logo=d["remove_logo"])
    done = submit_service_form(request, form, call, _("De sjabloon is bewaard."),
                               redirect_to=reverse("evictions:settings"))
    if done:
        return done
    return render(request, "evictions/template_edit.html", {
        "form": form, "kind": kind, "label": rules.STEP_LABELS[kind],
        "placeholders": rules.PLACEHOLDERS.items(), "has_logo": bool(template.logo)})


# Rent mediation -------------------------------------------------------------------------

@require_http_methods(["GET", "POST"])
@login_required
def mediations(request):
    _staff(request)
    form = forms.MediationForm(request.POST or None,
                               initial={"case_id": request.GET.get("dossier")})
    created = {}

    def call(d):
        case = case_detail(request.user, d["case_id"], reason="huurbemiddeling")
        partner = d["protocol_partner"]
        created["mediation"] = services.mediation_open(
            request.user, case, subject=d["subject"], landlord_kind=d["landlord_kind"],
            landlord_name=d["landlord_name"], protocol_partner_id=partner.pk if partner else None,
            opened_on=d["opened_on"])
    try:
        done = submit_service_form(request, form, call, _("De bemiddeling is gestart."))
    except Http404:
        form.add_error("case_id", _("Onbekend dossier."))
        done = None
    if done:
        return redirect("evictions:mediation", created["mediation"].pk)
    page = Paginator(selectors.mediations(request.user), PAGE_SIZE).get_page(
        request.GET.get("pagina"))
    return render(request, "evictions/mediations.html", {"form": form, "page": page})


@require_http_methods(["GET", "POST"])
@login_required
def mediation_detail(request, mediation_id: int):
    mediation = selectors.mediation_detail(request.user, mediation_id)
    can_edit = user_can(request.user, Perm.EDIT_PERSONAL_DATA, mediation.organisation_id) \
        and mediation.closed_on is None
    meeting = forms.MeetingForm(request.POST if "meeting" in request.POST else None,
                                initial={"held_on": timezone.localdate()})
    close = forms.CloseMediationForm(request.POST if "close" in request.POST else None,
                                     initial={"closed_on": timezone.localdate()})
    if request.method == "POST":
        if not can_edit:
            raise PermissionDenied
        if "meeting" in request.POST:
            done = submit_service_form(request, meeting, lambda d: services.mediation_meeting_add(
                request.user, mediation, **d), _("Het gesprek is toegevoegd."))
        else:
            done = submit_service_form(request, close, lambda d: services.mediation_close(
                request.user, mediation, **d), _("De bemiddeling is afgerond."))
        if done:
            return done
    return render(request, "evictions/mediation_detail.html", {
        "mediation": mediation, "meetings": mediation.meetings.select_related("recorded_by"),
        "meeting_form": meeting, "close_form": close, "can_edit": can_edit})

