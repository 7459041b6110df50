"""Pages of the housing pool: free homes, a home with its calendar, the
occupancy board and rates, the calltaker screen, crisis-home applications,
kracht.wonen registrations and the allocation key."""

from datetime import timedelta

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from woonloket.core.access import get_visible_or_404, require_member, user_can
from woonloket.core.forms import submit_service_form
from woonloket.core.roles import Perm

from . import board_svg, forms, rules, selectors, services
from .models import Application, HousingUnit, NetworkTask, Registration, Stay

PAGE_SIZE = 50


def _default_region(request):
    regions = selectors.regions_of(request.user)
    return regions[0] if regions else None


@login_required
def availability(request):
    """Free homes for a period: the pool's search page."""
    require_member(request.user)
    region = _default_region(request)
    form = forms.AvailabilityForm(request.GET or None,
                                  initial={"region": region.code if region else None})
    page = None
    if form.is_valid():
        d = form.cleaned_data
        qs = selectors.availability(
            first_night=d["first_night"], last_night=d["last_night"], kind=d["kind"] or None,
            region=d["region"], persons=d["persons"], accessible=d["accessible"] == "ja",
            pets=d["pets"] == "ja", near=d["near"].pk if d["near"] else None)
        page = Paginator(qs, PAGE_SIZE).get_page(request.GET.get("pagina"))
    return render(request, "housing/availability.html", {
        "form": form, "page": page,
        "can_manage": user_can(request.user, Perm.MANAGE_HOUSING_POOL)})


@require_http_methods(["GET", "POST"])
@login_required
def unit_new(request):
    if not user_can(request.user, Perm.MANAGE_HOUSING_POOL):
        raise PermissionDenied
    form = forms.UnitForm(request.POST or None)
    created = {}

    def call(d):
        d = dict(d)
        created["unit"] = services.unit_create(
            request.user, municipality_nis=d.pop("municipality").pk, kind=d.pop("kind"),
            persons=d.pop("persons"), **d)
    done = submit_service_form(request, form, call, _("De woning is toegevoegd aan de pool."))
    if done:
        return redirect("housing:unit", created["unit"].pk)
    return render(request, "housing/unit_form.html", {"form": form})


@require_http_methods(["GET", "POST"])
@login_required
def unit_detail(request, unit_id: int):
    require_member(request.user)
    unit = get_object_or_404(selectors.units(), pk=unit_id)
    can_manage = user_can(request.user, Perm.MANAGE_HOUSING_POOL)
    can_edit = user_can(request.user, Perm.MANAGE_HOUSING_POOL, unit.organisation_id)
    booking = forms.BookingForm(request.POST if "book" in request.POST else None,
                                initial={"first_night": timezone.localdate(),
                                         "kind": Stay.Kind.CRISISOPVANG})
    edit = forms.UnitForm(request.POST if "edit" in request.POST else None, instance=unit,
                          prefix="unit")
    if request.method == "POST":
        if "book" in request.POST and can_manage:
            done = submit_service_form(request, booking, lambda d: services.stay_book(
                request.user, unit_id=unit.pk, **{k: v for k, v in d.items()}),
                _("Het verblijf is geboekt."))
        elif "edit" in request.POST and can_edit:
            def call(d):
                d = dict(d)
                d.pop("municipality")
                services.unit_update(request.user, unit, **d)
            done = submit_service_form(request, edit, call, _("De woning is bijgewerkt."))
        else:
            raise PermissionDenied
        if done:
            return done
    start = selectors.monday_of(timezone.localdate())
    grid, stays = selectors.calendar(request.user, unit, start, 8)
    history = selectors.unit_stays(request.user, unit, start - timedelta(days=365), start)
    return render(request, "housing/unit_detail.html", {
        "unit": unit, "grid": grid, "stays": stays, "history": history[::-1][:20],
        "booking": booking if can_manage else None, "edit": edit if can_edit else None})


@require_http_methods(["GET", "POST"])
@login_required
def stay_detail(request, stay_id: int):
    stay = selectors.stay_detail(request.user, stay_id, reason="verblijf bekijken")
    initial = {f: getattr(stay, f) for f in services.STAY_FIELDS}
    form = forms.StayForm(request.POST if "update" in request.POST else None, initial=initial)
    cancel = forms.CancelForm(request.POST if "cancel" in request.POST else None)
    if "cancel" in request.POST:
        if submit_service_form(request, cancel, lambda d: services.stay_cancel(
                request.user, stay, d["reason"]), _("Het verblijf is geannuleerd."),
                redirect_to=reverse("housing:unit", args=[stay.unit_id])):
            return redirect("housing:unit", stay.unit_id)
    elif request.method == "POST":
        def call(d):
            changed = {k: v for k, v in d.items() if v != initial.get(k) and k in form.changed_data}
            if changed:
                services.stay_update(request.user, stay, **changed)
        done = submit_service_form(request, form, call, _("Het verblijf is bijgewerkt."))
        if done:
            return done
    return render(request, "housing/stay_detail.html",
                  {"stay": stay, "form": form, "cancel": cancel})


@login_required
def board(request):
    """Every home of a region on a time axis, weeks as columns, stays coloured by kind."""
    require_member(request.user)
    region = _default_region(request)
    form = forms.BoardForm(request.GET or None, initial={
        "region": region.code if region else None, "weeks": 12,
        "start": selectors.monday_of(timezone.localdate())})
    if form.is_valid():
        region = form.cleaned_data["region"]
    start = selectors.monday_of((form.cleaned_data.get("start") if form.is_valid() else None)
                                or timezone.localdate())
    weeks = (form.cleaned_data.get("weeks") if form.is_valid() else None) or 12
    unit_list = list(selectors.units(region=region)) if region else []
    rows = selectors.board(request.user, unit_list, start, weeks * 7)
    return render(request, "housing/board.html", {
        "form": form, "region": region, "start": start, "weeks": weeks, "rows": rows,
        "svg": board_svg.render(rows, start, weeks),
        "prev": start - timedelta(weeks=weeks), "next": start + timedelta(weeks=weeks)})


@login_required
def occupancy(request):
    require_member(request.user)
    region = _default_region(request)
    today = timezone.localdate()
    form = forms.OccupancyForm(request.GET or None, initial={
        "region": region.code if region else None,
        "period_from": today.replace(month=1, day=1), "period_to": today})
    rates = None
    if form.is_valid():
        d = form.cleaned_data
        unit_list = list(selectors.units(region=d["region"]))
        rates = selectors.occupancy(unit_list, d["period_from"],
                                    d["period_to"] + rules.ONE_DAY)
    return render(request, "housing/occupancy.html", {"form": form, "rates": rates})


@require_http_methods(["GET", "POST"])
@login_required
def network(request):
    """The calltaker's one page: criteria, free crisis beds tonight, one booking."""
    if not user_can(request.user, Perm.BOOK_CRISIS_BED):
        raise PermissionDenied
    tonight = timezone.localdate()
    first, last = rules.network_booking_nights(tonight)
    area = selectors.network_area(request.user)
    free = list(selectors.availability(first_night=first, last_night=last,
                                       municipalities=area, crisis_network=True))
    form = forms.NetworkBookingForm(request.POST or None, free_units=free)
    booked = {}

    def call(d):
        booked["stay"] = services.network_book(
            request.user, unit_id=d["unit_id"], first_name=d["first_name"],
            last_name=d["last_name"], persons=d["persons"], phone=d["phone"],
            municipality_nis=d["municipality"].pk, situation=d["situation"],
            criteria=d["criteria"], tonight=tonight)
    if submit_service_form(request, form, call, _("Het crisisbed is geboekt.")):
        return redirect("housing:stay", booked["stay"].pk)
    return render(request, "housing/network.html", {
        "form": form, "free": free, "first": first, "last": last,
        "next_working_day": last + rules.ONE_DAY})


@require_POST
@login_required
def task_done(request, task_id: int):
    task = get_visible_or_404(NetworkTask.objects.all(), request.user, pk=task_id)
    services.task_done(request.user, task)
    return redirect(request.POST.get("next") or "core:dashboard")


@require_http_methods(["GET", "POST"])
@login_required
def applications(request):
    if not user_can(request.user, Perm.VIEW_PERSONAL_DATA):
        raise PermissionDenied
    form = forms.ApplicationForm(request.POST or None)
    done = submit_service_form(request, form, lambda d: services.application_create(
        request.user, case_id=d["case_id"], applied_on=d["applied_on"], acute=d["acute"],
        inquiry_on=d["inquiry_on"], scores=form.scores()),
        _("De aanvraag is geregistreerd."))
    if done:
        return done
    return render(request, "housing/applications.html", {
        "form": form, "open": selectors.applications(request.user),
        "decided": selectors.applications(request.user, status=None)[:30],
        "criteria": rules.CRITERIA})


@require_http_methods(["GET", "POST"])
@login_required
def application_decide(request, application_id: int):
    application = get_visible_or_404(Application.objects.select_related("case"),
                                     request.user, pk=application_id)
    units = selectors.units(kind=HousingUnit.Kind.CRISISWONING,
                            organisation_id=application.organisation_id)
    form = forms.DecisionForm(request.POST or None, units=units)
    done = submit_service_form(request, form, lambda d: services.application_decide(
        request.user, application, status=d["status"], reason=d["decision_reason"],
        unit_id=d["unit_id"], first_night=d["first_night"], last_night=d["last_night"]),
        _("De beslissing is geregistreerd."), redirect_to=reverse("housing:applications"))
    if done:
        return done
    return render(request, "housing/decide.html", {"application": application, "form": form,
                                                   "criteria": rules.CRITERIA})


@require_http_methods(["GET", "POST"])
@login_required
def registrations(request):
    if not user_can(request.user, Perm.VIEW_PERSONAL_DATA):
        raise PermissionDenied
    form = forms.RegistrationForm(request.POST or None,
                                  initial={"region": getattr(_default_region(request), "code",
                                                             None)})
    done = submit_service_form(request, form, lambda d: services.registration_create(
        request.user, case_id=d["case_id"], region=d["region"].code,
        registered_on=d["registered_on"], note=d["note"]),
        _("De aanmelding is geregistreerd."))
    if done:
        return done
    qs = selectors.registrations(request.user)
    stage = request.GET.get("fase")
    counts = {s: 0 for s in Registration.Stage.values}
    for value in qs.values_list("stage", flat=True):
        counts[value] += 1
    if stage in counts:
        qs = qs.filter(stage=stage)
    page = Paginator(qs, PAGE_SIZE).get_page(request.GET.get("pagina"))
    funnel = [(code, label, counts[code]) for code, label in Registration.Stage.choices]
    return render(request, "housing/registrations.html", {
        "form": form, "page": page, "funnel": funnel, "stage": stage})


@require_http_methods(["GET", "POST"])
@login_required
def registration_detail(request, registration_id: int):
    registration = get_visible_or_404(
        Registration.objects.select_related("case__household", "region", "stay__unit"),
        request.user, pk=registration_id)
    stays = Stay.objects.visible_to(request.user).filter(
        case_id=registration.case_id).select_related("unit")
    stage = forms.StageForm(request.POST if "stage" in request.POST else None, stays=stays,
                            initial={"stage": registration.stage,
                                     "stay_id": registration.stay_id})
    consultation = forms.ConsultationForm(
        request.POST if "consultation" in request.POST else None, prefix="overleg")
    if "stage" in request.POST:
        done = submit_service_form(request, stage, lambda d: services.registration_set_stage(
            request.user, registration, stage=d["stage"], on=d["on"], outflow=d["outflow"],
            stay_id=d["stay_id"]),
            _("De fase is bijgewerkt."))
    else:
        done = submit_service_form(request, consultation, lambda d: services.consultation_add(
            request.user, registration, **d), _("Het overleg is toegevoegd."))
    if done:
        return done
    return render(request, "housing/registration_detail.html", {
        "registration": registration, "stage_form": stage, "consultation_form": consultation,
        "consultations": registration.consultations.all(),
        "dates": [(label, getattr(registration, Registration.STAGE_DATES[code]))
                  for code, label in Registration.Stage.choices]})


@login_required
def allocation(request):
    require_member(request.user)
    region = _default_region(request)
    form = forms.AllocationForm(request.GET or None,
                                initial={"region": region.code if region else None})
    result = error = None
    if form.is_valid():
        d = form.cleaned_data
        per = None if d["homes"] is not None else (
            d["per_inhabitants"] or rules.DEFAULT_INHABITANTS_PER_HOME)
        try:
            result = selectors.allocation(d["region"], homes=d["homes"], per_inhabitants=per)
        except ValueError as exc:
            error = _("Het inwonertal is onbekend voor: %(m)s. Laad de bevolkingscijfers "
                      "(manage.py import_population).") % {"m": exc}
    return render(request, "housing/allocation.html",
                  {"form": form, "result": result, "error": error})
