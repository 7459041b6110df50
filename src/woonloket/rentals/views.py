"""Pages of the rentals app: the rental list and its phone form, CSV import,
the printable list per municipality, landlords, a case's search (profile,
support, matches, log, social housing registration) and the woonclub."""

from datetime import timedelta

from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from woonloket.cases.selectors import case_detail
from woonloket.core.access import actor_for, require_member, user_can
from woonloket.core.forms import CsvUploadForm, run_csv_import, submit_service_form
from woonloket.core.pdf import pdf_response, render_pdf
from woonloket.core.roles import Perm

from . import forms, rules, selectors, services
from .models import Listing

PAGE_SIZE = 50


@login_required
def listing_list(request):
    require_member(request.user)
    form = forms.ListingFilterForm(request.GET or None)
    d = form.cleaned_data if form.is_valid() else {}
    today = timezone.localdate()
    qs = selectors.listings(
        municipality_nis=d["municipality"].pk if d.get("municipality") else None,
        max_rent_eur=d.get("max_rent_eur"), bedrooms=d.get("bedrooms"),
        status=d.get("status") or None, stale={"ja": True, "nee": False}.get(d.get("stale")),
        today=today)
    page = Paginator(qs, PAGE_SIZE).get_page(request.GET.get("pagina"))
    return render(request, "rentals/listing_list.html", {
        "form": form, "page": page, "pdf_form": forms.PdfForm(),
        "stale_before": today - timedelta(days=rules.STALE_AFTER_DAYS),
        "stale": selectors.stale_count(today),
        "can_edit": user_can(request.user, Perm.MANAGE_LISTINGS)})


def _save_listing(request, form, listing=None):
    def call(d):
        values, (kind, name, phone) = form.values()
        landlord = services.LandlordIn(kind, name, phone) if name else None
        if listing is None:
            created["listing"] = services.listing_create(request.user, landlord=landlord,
                                                         **values)
        else:
            services.listing_update(request.user, listing, landlord=landlord, **values)
    created = {}
    done = submit_service_form(request, form, call, _("De woning is bewaard."),
                               redirect_to=reverse("rentals:listings"))
    return done


@require_http_methods(["GET", "POST"])
@login_required
def listing_new(request):
    if not user_can(request.user, Perm.MANAGE_LISTINGS):
        raise PermissionDenied
    form = forms.ListingForm(request.POST or None, initial={
        "status": Listing.Status.BESCHIKBAAR, "source": Listing.Source.VOLUNTEER})
    return _save_listing(request, form) or render(request, "rentals/listing_form.html",
                                                  {"form": form})


@require_http_methods(["GET", "POST"])
@login_required
def listing_edit(request, listing_id: int):
    require_member(request.user)
    listing = get_object_or_404(selectors.listings(), pk=listing_id)
    can_edit = user_can(request.user, Perm.MANAGE_LISTINGS, listing.organisation_id)
    if request.method == "POST":
        if not can_edit:
            raise PermissionDenied
        if "checked" in request.POST:
            services.listing_update(request.user, listing)
            return redirect(reverse("rentals:listings") + "?stale=ja")
    form = forms.ListingForm(request.POST or None, initial=forms.ListingForm.initial_for(listing))
    done = _save_listing(request, form, listing) if can_edit else None
    return done or render(request, "rentals/listing_form.html", {
        "form": form, "listing": listing, "can_edit": can_edit,
        "stale": listing.is_stale(timezone.localdate())})


@require_http_methods(["GET", "POST"])
@login_required
def listing_import(request):
    if not user_can(request.user, Perm.MANAGE_LISTINGS):
        raise PermissionDenied
    form = CsvUploadForm(request.POST or None, request.FILES or None)
    result = run_csv_import(request, form,
                            lambda raw: services.listings_import(request.user, raw))
    return render(request, "rentals/import.html", {
        "form": form, "result": result, "columns": services.IMPORT_REQUIRED,
        "optional": services.IMPORT_OPTIONAL})


@login_required
def listing_pdf(request):
    """The list handed out at the woonclub: every open listing of a municipality."""
    require_member(request.user)
    form = forms.PdfForm(request.GET or None)
    if not form.is_valid():
        raise Http404
    municipality = form.cleaned_data["municipality"]
    today = timezone.localdate()
    rows = list(selectors.listings(municipality_nis=municipality.pk, today=today)
                .filter(status__in=selectors.OPEN_STATUSES))
    pdf = render_pdf("rentals/listing_pdf.html", {"municipality": municipality, "rows": rows,
                                                  "today": today})
    return pdf_response(pdf, f"immolijst-{municipality.pk}-{today:%Y%m%d}.pdf")


@require_http_methods(["GET", "POST"])
@login_required
def landlords(request):
    require_member(request.user)
    form = forms.LandlordForm(request.POST or None)
    if request.method == "POST" and not user_can(request.user, Perm.MANAGE_LISTINGS):
        raise PermissionDenied
    done = submit_service_form(request, form, lambda d: services.landlord_save(
        request.user, None, **d), _("De verhuurder is toegevoegd."))
    return done or render(request, "rentals/landlords.html", {
        "form": form, "landlords": selectors.landlords(request.user)})


@require_http_methods(["GET", "POST"])
@login_required
def landlord_detail(request, landlord_id: int):
    landlord = get_object_or_404(selectors.landlords(request.user), pk=landlord_id)
    can_edit = user_can(request.user, Perm.MANAGE_LISTINGS, landlord.organisation_id)
    edit = forms.LandlordForm(request.POST if "edit" in request.POST else None,
                              instance=landlord, prefix="edit")
    agreement = forms.AgreementForm(request.POST if "agreement" in request.POST else None,
                                    initial={"made_on": timezone.localdate()})
    if request.method == "POST":
        if not can_edit:
            raise PermissionDenied
        done = submit_service_form(request, edit, lambda d: services.landlord_save(
            request.user, landlord, **d), _("Bewaard.")) if "edit" in request.POST else \
            submit_service_form(request, agreement, lambda d: services.agreement_add(
                request.user, landlord, **d), _("De afspraak is toegevoegd."))
        if done:
            return done
    return render(request, "rentals/landlord_detail.html", {
        "landlord": landlord, "edit": edit, "agreement": agreement, "can_edit": can_edit,
        "listings": landlord.listings.select_related("municipality").order_by("-pk")[:30]})


@require_http_methods(["GET", "POST"])
@login_required
def case_search(request, case_id: int):
    """A case's search for a home: what it looks for, the support it is
    entitled to, the listings that fit, the search log and the registration."""
    case = case_detail(request.user, case_id, reason="woningzoektocht")
    can_edit = user_can(request.user, Perm.EDIT_PERSONAL_DATA, case.lead_organisation_id) \
        and case.status != "afgesloten"
    profile = getattr(case, "search_profile", None)
    registration = getattr(case, "social_registration", None)
    which = next((k for k in ("profile", "entry", "registration") if k in request.POST), None)
    profile_form = forms.ProfileForm(request.POST if which == "profile" else None, initial={
        "municipalities": list(profile.municipalities.values_list("pk", flat=True))
        if profile else [], "needs_accessible": profile and profile.needs_accessible,
        "has_pets": profile and profile.has_pets,
        "max_share": profile.max_share if profile else "0.35"})
    entry_form = forms.SearchEntryForm(request.POST if which == "entry" else None)
    registration_form = forms.RegistrationForm(
        request.POST if which == "registration" else None, initial={
            f: getattr(registration, f) for f in ("registered_on", "woonmaatschappij",
                                                  "fast_track_applied_on", "update_due_on")}
        if registration else None)
    if request.method == "POST":
        if not can_edit:
            raise PermissionDenied
        calls = {
            "profile": (profile_form, lambda d: services.profile_save(
                request.user, case, municipality_nis=[m.pk for m in d["municipalities"]],
                needs_accessible=d["needs_accessible"], has_pets=d["has_pets"],
                max_share=d["max_share"]), _("Het zoekprofiel is bewaard.")),
            "entry": (entry_form, lambda d: services.search_entry_add(request.user, case, **d),
                      _("De stap staat in het logboek.")),
            "registration": (registration_form, lambda d: services.registration_save(
                request.user, case, **d), _("De inschrijving is bewaard.")),
        }
        form, call, message = calls[which] if which else (None, None, None)
        done = submit_service_form(request, form, call, message) if form else None
        if done:
            return done
    year_form = forms.YearForm(request.GET or None, initial={"year": timezone.localdate().year})
    year = year_form.cleaned_data["year"] if year_form.is_valid() else timezone.localdate().year
    found = selectors.matches(request.user, case.household, year=year)
    return render(request, "rentals/case_search.html", {
        "case": case, "can_edit": can_edit, "profile_form": profile_form,
        "entry_form": entry_form, "registration_form": registration_form,
        "registration": registration, "year": year, "year_form": year_form,
        "confirmed_years": sorted(rules.SOCIAL_HOUSING),
        "support": selectors.support(request.user, case.household, year),
        "matches": found[:25], "match_count": len(found),
        "good": sum(m.affordable and m.suitable for m in found),
        "log": selectors.search_log(request.user, case)})


def _volunteers(organisation_ids):
    return (get_user_model().objects.filter(memberships__organisation_id__in=organisation_ids,
                                            memberships__role="volunteer", is_active=True)
            .distinct().order_by("first_name"))


@require_http_methods(["GET", "POST"])
@login_required
def woonclub(request):
    require_member(request.user)
    actor = actor_for(request.user)
    form = forms.SessionForm(request.POST or None, volunteers=_volunteers(actor.organisation_ids))
    created = {}

    def call(d):
        created["session"] = services.session_create(
            request.user, antenna=d["antenna"], held_on=d["held_on"],
            what_was_done=d["what_was_done"], buddy_ids=[int(b) for b in d["buddies"]])
    if submit_service_form(request, form, call, _("De woonclub is toegevoegd.")):
        return redirect("rentals:session", created["session"].pk)
    year_form = forms.YearForm(request.GET or None, initial={"year": timezone.localdate().year})
    year = year_form.cleaned_data["year"] if year_form.is_valid() else timezone.localdate().year
    page = Paginator(selectors.sessions(request.user), PAGE_SIZE).get_page(
        request.GET.get("pagina"))
    return render(request, "rentals/woonclub.html", {
        "form": form, "page": page, "year_form": year_form, "year": year,
        "figures": selectors.woonclub_figures(request.user, year)})


@require_http_methods(["GET", "POST"])
@login_required
def session_detail(request, session_id: int):
    session = get_object_or_404(selectors.sessions(request.user), pk=session_id)
    form = forms.AttendanceForm(request.POST or None)

    def call(d):
        case = case_detail(request.user, d["case_id"], reason="woonclub")
        services.attendance_add(request.user, session, case, persons=d["persons"],
                                from_loi=d["from_loi"])
    try:
        done = submit_service_form(request, form, call, _("Aanwezigheid genoteerd."))
    except Http404:
        form.add_error("case_id", _("Onbekend dossier."))
        done = None
    return done or render(request, "rentals/session_detail.html", {
        "session": session, "form": form,
        "attendance": selectors.attendance_of(request.user, session)})

