"""Pages of the portal: the public energy scan (no login), its result under
an unguessable link, the request for a renovation coach, and the back
office's list of those requests."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from woonloket.core import audit
from woonloket.core.access import require_member, user_can
from woonloket.core.errors import Conflict, ServiceError
from woonloket.core.forms import show_service_error
from woonloket.core.roles import Perm
from woonloket.energy import labels
from woonloket.energy.api_public import RATE_LIMIT_DETAIL, scan_rate_exceeded
from woonloket.energy.engine.parameters import DEFAULT_INCOME_CATEGORY
from woonloket.energy.engine.report import SOURCE
from woonloket.energy.models import CoachRequest, Scan
from woonloket.energy.selectors import defaults_used, scan_by_token
from woonloket.energy.services import scan_save

from . import charts, forms, selectors, services

PAGE_SIZE = 50


@require_http_methods(["GET", "POST"])
def scan_start(request):
    """The questions: at most ten, three required, the rest with defaults."""
    form = forms.ScanForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        retry_after = scan_rate_exceeded(request)
        if retry_after is not None:
            form.add_error(None, RATE_LIMIT_DETAIL.format(seconds=retry_after))
            response = render(request, "portal/scan_form.html", {"form": form}, status=429)
            response["Retry-After"] = str(retry_after)
            return response
        d = form.cleaned_data
        scan = scan_save(form.dwelling, origin="citizen",
                         municipality_nis=d["municipality"].pk,
                         income_category=d.get("income_category"))
        return redirect("portal:scan_result", token=scan.token)
    status = 422 if form.is_bound else 200
    return render(request, "portal/scan_form.html", {"form": form}, status=status)


def _scan(token: str):
    return scan_by_token(token, Scan.Origin.CITIZEN)


def scan_result(request, token: str):
    scan = _scan(token)
    result = scan.result
    names = {m["code"]: m.get("name", m["code"]) for m in result.get("measures", [])}
    unconfirmed = set(result.get("parameters", {}).get("unconfirmed", []))
    measures = [{**m, "investment_confirmed": f"investering {m['code']}" not in unconfirmed}
                for m in result.get("measures", [])]
    # when no investment figure is confirmed, one note says so instead of every cell
    investments_unconfirmed = bool(measures) and not any(m["investment_confirmed"]
                                                         for m in measures)
    packages = [{**p, "names": [names.get(c, c) for c in p.get("codes", [])]}
                for p in result.get("packages", [])]
    defaults = defaults_used(scan)
    return render(request, "portal/scan_result.html", {
        "scan": scan, "r": result, "chart": charts.energy_chart(result),
        "scale": labels.scale_rows(result),
        "packages": packages, "measures": measures,
        "investments_unconfirmed": investments_unconfirmed,
        "prices_unconfirmed": any(u.startswith("energieprijs") for u in unconfirmed),
        "defaults": defaults,
        "source_note": SOURCE, "default_category": DEFAULT_INCOME_CATEGORY,
    })




@require_http_methods(["GET", "POST"])
def coach_ask(request, token: str):
    """"Vraag een renovatiecoach": contact details with explicit consent."""
    scan = _scan(token)
    organisation = (services.coach_organisation(scan.municipality_id)
                    if scan.municipality_id else None)
    form = forms.CoachRequestForm(request.POST if request.method == "POST" else None)
    retry_after = None
    if organisation is not None and request.method == "POST" and form.is_valid():
        # the same budget per IP address as the scans: no flood of requests
        retry_after = scan_rate_exceeded(request)
        if retry_after is not None:
            form.add_error(None, RATE_LIMIT_DETAIL.format(seconds=retry_after))
        else:
            try:
                services.coach_request_create(scan, **form.cleaned_data)
            except ServiceError as exc:
                show_service_error(form, exc)
            else:
                return redirect("portal:coach_thanks", token=scan.token)
    response = render(request, "portal/coach_form.html", {
        "scan": scan, "form": form, "organisation": organisation,
        "consent_text": services.consent_text(organisation) if organisation else "",
    }, status=429 if retry_after else 422 if form.is_bound and form.errors else 200)
    if retry_after:
        response["Retry-After"] = str(retry_after)
    return response


def coach_thanks(request, token: str):
    scan = _scan(token)
    return render(request, "portal/coach_thanks.html", {"scan": scan})


# --- back office -----------------------------------------------------------------

@login_required
def coach_requests(request):
    require_member(request.user)
    form = forms.CoachFilterForm(request.GET or None)
    status = form.cleaned_data.get("status") if form.is_valid() else None
    page = Paginator(selectors.coach_requests(request.user, status=status or None),
                     PAGE_SIZE).get_page(request.GET.get("pagina"))
    if page.object_list:
        audit.record_list(request.user, CoachRequest, [r.pk for r in page.object_list],
                          reason="lijst vragen renovatiecoach")
    return render(request, "portal/coach_requests.html", {"form": form, "page": page})


_MEMBER_FIELDS = {"members.0.first_name": "first_name", "members.0.last_name": "last_name"}


@require_http_methods(["GET", "POST"])
@login_required
def coach_request_detail(request, request_id: int):
    coach_request = selectors.coach_request_detail(request.user, request_id,
                                                   reason="vraag renovatiecoach")
    can_edit = user_can(request.user, Perm.EDIT_PERSONAL_DATA, coach_request.organisation_id)
    can_handle = services.may_handle(request.user, coach_request)
    first, last = services.split_name(coach_request.name)
    open_form = forms.OpenCaseForm(request.POST if "open_case" in request.POST else None,
                                   initial={"first_name": first, "last_name": last})
    if request.method == "POST":
        if not (can_edit if "open_case" in request.POST else can_handle):
            raise PermissionDenied
        try:
            if "status" in request.POST:
                services.coach_request_set_status(request.user, coach_request,
                                                  request.POST["status"])
                messages.success(request, _("De status is bijgewerkt."))
                return redirect(request.path)
            if "open_case" in request.POST and open_form.is_valid():
                case = services.coach_request_open_case(request.user, coach_request,
                                                        **open_form.cleaned_data)
                messages.success(request, _("Het dossier is geopend."))
                return redirect(reverse("cases:detail", args=[case.pk]))
        except ServiceError as exc:
            if "open_case" in request.POST and not isinstance(exc, Conflict):
                exc.errors = {_MEMBER_FIELDS.get(k, k): v for k, v in exc.errors.items()}
                show_service_error(open_form, exc)
            else:
                messages.error(request, exc.message)
                return redirect(request.path)
    return render(request, "portal/coach_request_detail.html", {
        "r": coach_request, "can_edit": can_edit, "can_handle": can_handle,
        "open_form": open_form,
        "Status": CoachRequest.Status,
    })
