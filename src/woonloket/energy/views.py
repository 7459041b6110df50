"""Pages of the energy back office: screenings at home with their report and
follow-up, renovation coaching with phases, quotes and the result, and the
contractor pool. Thin: parse, call a selector or service, render."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from woonloket.cases.selectors import case_detail
from woonloket.core.access import actor_for, require_member, user_can
from woonloket.core.forms import submit_service_form
from woonloket.core.pdf import pdf_response, render_pdf
from woonloket.core.roles import Perm

from . import forms, labels, selectors, services
from .models import FollowUp, Phase, Quote, Screening, Speciality, Trajectory

PAGE_SIZE = 50
# The services' (API) field names that the forms call otherwise.
RENAMED = {"municipality_nis": "municipality", "contractor_id": "contractor"}


def _page(request, queryset):
    return Paginator(queryset, PAGE_SIZE).get_page(request.GET.get("pagina"))


def _may_screen(user, case) -> bool:
    actor = actor_for(user)
    return case.status != "afgesloten" and (
        bool(actor.organisations_with(Perm.TECHNICAL_VISITS)) or actor.is_platform_admin
        or actor.can(Perm.EDIT_PERSONAL_DATA, case.lead_organisation_id))


def _may_edit_case(user, case) -> bool:
    return case.status != "afgesloten" and user_can(user, Perm.EDIT_PERSONAL_DATA,
                                                    case.lead_organisation_id)


def _service_form(request, form, call, success: str, redirect_to: str, prefix: str = "",
                  rename: dict | None = None):
    """core's submit_service_form, with the service's field names mapped to the
    form's: `prefix.field` (the engine's inputs, nested in the API) and renames."""
    names = {**RENAMED, **(rename or {})}

    def field_of(name: str) -> str:
        name = name.removeprefix(prefix) if prefix else name
        return names.get(name, name)
    return submit_service_form(request, form, call, success, redirect_to, field_of)


# Screenings -------------------------------------------------------------------------------

@login_required
def screening_list(request):
    require_member(request.user)
    if request.GET.get("dossier", "").strip().lstrip("#").isdigit():
        return redirect("energy:screening_new", int(request.GET["dossier"].strip().lstrip("#")))
    form = forms.ScreeningFilterForm(request.GET or None)
    d = form.cleaned_data if form.is_valid() else {}
    page = _page(request, selectors.screenings(
        request.user, municipality_nis=d["municipality"].pk if d.get("municipality") else None,
        open_only=bool(d.get("open_only"))))
    selectors.audited_list(request.user, Screening, list(page.object_list))
    return render(request, "energy/screening_list.html", {
        "form": form, "page": page,
        "may_screen": bool(actor_for(request.user).organisations_with(Perm.TECHNICAL_VISITS))
        or user_can(request.user, Perm.EDIT_PERSONAL_DATA)})


@login_required
def case_energy(request, case_id: int):
    """The energy side of one case: its screenings and renovation coaching."""
    case = case_detail(request.user, case_id, reason="energie")
    screenings = list(selectors.screenings(request.user, case_id=case.pk))
    trajectories = list(selectors.trajectories(request.user, case_id=case.pk))
    return render(request, "energy/case_energy.html", {
        "case": case, "screenings": screenings, "trajectories": trajectories,
        "may_screen": _may_screen(request.user, case),
        "may_coach": _may_screen(request.user, case) and not any(
            t.completed_on is None and t.phase != Phase.NAZORG for t in trajectories),
        "start_form": forms.TrajectoryStartForm(initial={"started_on": timezone.localdate()})})


def _photos(files) -> list[services.PhotoIn]:
    # never more than one byte past the limit in memory: the service refuses it then
    return [services.PhotoIn(name=f.name, data=f.read(services.MAX_PHOTO_BYTES + 1))
            for f in files]


@require_http_methods(["GET", "POST"])
@login_required
def screening_new(request, case_id: int):
    case = case_detail(request.user, case_id, reason="screening")
    if not _may_screen(request.user, case):
        raise PermissionDenied
    form = forms.ScreeningForm(request.POST or None, request.FILES or None,
                               initial=forms.ScreeningForm.initial_for(case))
    created = {}

    def call(d):
        created["screening"] = services.screening_record(
            request.user, case, visited_on=d["visited_on"], dwelling=form.dwelling(),
            municipality_nis=d["municipality"].pk, street=d["street"], number=d["number"],
            box=d["box"], postal_code=d["postal_code"], is_owner_occupied=d["is_owner_occupied"],
            income_category=d["income_category"], notes=d["notes"],
            findings=form.findings(), photos=_photos(d["photos"]))
    if _service_form(request, form, call, _("De screening is bewaard."), "/",
                     prefix="dwelling."):
        return redirect("energy:screening", created["screening"].pk)
    return render(request, "energy/screening_form.html", {"form": form, "case": case})


@require_http_methods(["GET", "POST"])
@login_required
def screening_detail(request, screening_id: int):
    screening = selectors.screening_detail(request.user, screening_id, reason="screening")
    case = screening.case
    can_decide = _may_edit_case(request.user, case)
    form = forms.FollowUpForm(request.POST or None,
                              initial={"decided_on": timezone.localdate()})
    if request.method == "POST":
        if not can_decide:
            raise PermissionDenied
        done = submit_service_form(request, form, lambda d: services.follow_up_decide(
            request.user, screening, **d), _("De opvolging is bewaard."))
        if done:
            return done
    return render(request, "energy/screening_detail.html", {
        "screening": screening, "case": case, "scan": screening.scan,
        "result": screening.scan.result, "form": form, "can_decide": can_decide,
        "may_coach": _may_screen(request.user, case),
        "scale": labels.scale_rows(screening.scan.result),
        "energy_kwh": selectors.scan_figures(screening.scan)["energy_kwh"],
        "inputs": selectors.scan_inputs(screening.scan),
        "defaults_used": selectors.defaults_used(screening.scan), "today": timezone.localdate()})


@login_required
def screening_pdf(request, screening_id: int):
    screening = selectors.screening_detail(request.user, screening_id, reason="rapport")
    result = screening.scan.result
    measures = result.get("measures", [])[:5]
    pdf = render_pdf("energy/screening_pdf.html", {
        "screening": screening, "result": result, "scan": screening.scan,
        "findings": [(f, services.FINDING_ADVICE[f.kind]) for f in screening.findings.all()],
        "measures": measures, "scale": labels.scale_rows(result),
        "energy_kwh": selectors.scan_figures(screening.scan)["energy_kwh"],
        "unconfirmed": any(not m.get("premium_confirmed") for m in measures),
        "today": timezone.localdate()})
    return pdf_response(pdf, f"screening-{screening.pk}.pdf")


@login_required
def screening_photo(request, screening_id: int, photo_id: int):
    photo = selectors.screening_photo(request.user, screening_id, photo_id)
    response = HttpResponse(bytes(photo.data), content_type=photo.content_type)
    response["Cache-Control"] = "private, no-store"
    response["X-Content-Type-Options"] = "nosniff"
    return response


# Renovation coaching -----------------------------------------------------------------

@require_POST
@login_required
def trajectory_start(request, case_id: int):
    case = case_detail(request.user, case_id, reason="renovatiebegeleiding")
    form = forms.TrajectoryStartForm(request.POST)
    follow_up = None
    if request.POST.get("follow_up", "").isdigit():
        follow_up = FollowUp.objects.filter(
            pk=request.POST["follow_up"], screening__in=selectors.screenings(
                request.user, case_id=case.pk)).select_related("screening").first()
    created = {}

    def call(d):
        created["trajectory"] = services.trajectory_start(
            request.user, case, started_on=d["started_on"], notes=d["notes"],
            follow_up=follow_up)
    if submit_service_form(request, form, call, _("De renovatiebegeleiding is gestart.")):
        return redirect("energy:trajectory", created["trajectory"].pk)
    messages.error(request, " ".join(e for errs in form.errors.values() for e in errs))
    return redirect("energy:case", case.pk)


@login_required
def trajectory_list(request):
    require_member(request.user)
    phase = request.GET.get("fase") if request.GET.get("fase") in Phase.values else None
    page = _page(request, selectors.trajectories(request.user, phase=phase))
    selectors.audited_list(request.user, Trajectory, list(page.object_list))
    counts = selectors.phase_counts(request.user)
    return render(request, "energy/trajectory_list.html", {
        "page": page, "phase": phase,
        "phases": [(p.value, p.label, counts[p.value]) for p in Phase],
        "total": sum(counts.values())})


@require_http_methods(["GET", "POST"])
@login_required
def trajectory_detail(request, trajectory_id: int):
    trajectory = selectors.trajectory_detail(request.user, trajectory_id,
                                             reason="renovatiebegeleiding")
    can_edit = services.may_edit_trajectory(request.user, trajectory)
    which = "choose" if "choose" in request.POST else request.POST.get("do")
    which = which if which in ("phase", "notes", "quote", "result", "choose") else None
    today = timezone.localdate()
    phase_form = forms.PhaseForm(request.POST if which == "phase" else None,
                                 current=trajectory.phase, initial={"on": today})
    notes_form = forms.NotesForm(request.POST if which == "notes" else None,
                                 initial={"notes": trajectory.notes})
    quote_form = forms.QuoteForm(request.POST if which == "quote" else None,
                                 contractors=selectors.quote_contractors(trajectory),
                                 initial={"received_on": today, "vat_percent": 6},
                                 prefix="quote")
    result_form = forms.ResultForm(request.POST if which == "result" else None,
                                   initial={"completed_on": today}, prefix="result")
    here = reverse("energy:trajectory", args=[trajectory.pk])
    if request.method == "POST":
        if not can_edit:
            raise PermissionDenied
        if which == "choose":
            quote = Quote.objects.filter(trajectory=trajectory,
                                         pk=request.POST.get("choose") or 0).first()
            if quote is not None:
                services.quote_choose(request.user, quote)
            return redirect(reverse("energy:quotes", args=[trajectory.pk]))
        calls = {
            "phase": (phase_form, lambda d: services.trajectory_phase(
                request.user, trajectory, **d), _("De fase is aangepast."), ""),
            "notes": (notes_form, lambda d: services.trajectory_notes(
                request.user, trajectory, **d), _("De notities zijn bewaard."), ""),
            "quote": (quote_form, lambda d: services.quote_add(
                request.user, trajectory, **quote_form.values()),
                _("De offerte is toegevoegd."), ""),
            "result": (result_form, lambda d: services.trajectory_result(
                request.user, trajectory, completed_on=d["completed_on"],
                changes=result_form.dwelling()), _("Het resultaat is bewaard."), "changes."),
        }
        if which:
            form, call, message, prefix = calls[which]
            done = _service_form(request, form, call, message, here, prefix=prefix)
            if done:
                return done
    return render(request, "energy/trajectory_detail.html", {
        "trajectory": trajectory, "case": trajectory.case, "can_edit": can_edit,
        "phase_form": phase_form, "notes_form": notes_form, "quote_form": quote_form,
        "result_form": result_form, "phases": selectors.phase_steps(trajectory),
        "before": selectors.scan_figures(trajectory.before_scan),
        "after": selectors.scan_figures(trajectory.after_scan),
        "groups": selectors.quote_comparison(trajectory), "open": which})


@login_required
def quote_comparison(request, trajectory_id: int):
    trajectory = selectors.trajectory_detail(request.user, trajectory_id, reason="offertes")
    return render(request, "energy/quote_comparison.html", {
        "trajectory": trajectory, "groups": selectors.quote_comparison(trajectory),
        "can_edit": services.may_edit_trajectory(request.user, trajectory)})


# Contractors -----------------------------------------------------------------------------

@require_http_methods(["GET", "POST"])
@login_required
def contractor_list(request):
    require_member(request.user)
    can_edit = bool(services.pool_organisations(request.user))
    filters = forms.ContractorFilterForm(request.GET or None)
    d = filters.cleaned_data if filters.is_valid() else {}
    form = forms.ContractorForm(request.POST or None, initial={"is_active": True})
    if request.method == "POST":
        if not can_edit:
            raise PermissionDenied
        done = _service_form(request, form, lambda _d: services.contractor_save(
            request.user, None, **form.values()), _("De aannemer is toegevoegd."),
            request.path, rename={"municipality_nis": "municipalities"})
        if done:
            return done
    page = _page(request, selectors.contractors(
        request.user, speciality=d.get("speciality") or None,
        municipality_nis=d["municipality"].pk if d.get("municipality") else None))
    return render(request, "energy/contractor_list.html", {
        "filters": filters, "form": form, "page": page, "can_edit": can_edit,
        "specialities": dict(Speciality.choices), "open": request.method == "POST"})


@require_http_methods(["GET", "POST"])
@login_required
def contractor_detail(request, contractor_id: int):
    require_member(request.user)
    contractor = selectors.contractors(request.user).filter(pk=contractor_id).first()
    if contractor is None:
        raise Http404
    can_edit = contractor.organisation_id in services.pool_organisations(request.user) \
        or request.user.is_superuser
    form = forms.ContractorForm(request.POST or None,
                                initial=forms.ContractorForm.initial_for(contractor))
    if request.method == "POST":
        if not can_edit:
            raise PermissionDenied
        done = _service_form(request, form, lambda _d: services.contractor_save(
            request.user, contractor, **form.values()), _("De aannemer is bewaard."),
            request.path, rename={"municipality_nis": "municipalities"})
        if done:
            return done
    return render(request, "energy/contractor_detail.html", {
        "contractor": contractor, "form": form, "can_edit": can_edit,
        "specialities": dict(Speciality.choices)})
