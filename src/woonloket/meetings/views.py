"""Pages of the meetings: the list with the LWO flag, a meeting with its
minutes, decisions, actions and files, the yearly overview per body (PDF)
and the calendar feeds."""

import io
import re

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.db.models import Q
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from woonloket.core import icsfeed
from woonloket.core.access import actor_for, require_member
from woonloket.core.errors import ServiceError
from woonloket.core.forms import submit_service_form
from woonloket.core.models import Municipality
from woonloket.core.pdf import pdf_response, render_pdf

from . import forms, selectors, services
from .models import Kind, MeetingAction, MeetingFile

AREA_CODE = re.compile(r"[a-z0-9-]{1,40}")  # a NIS code or a region code


@require_http_methods(["GET", "POST"])
@login_required
def meeting_list(request):
    require_member(request.user)
    filters = forms.FilterForm(request.GET or None)
    d = filters.cleaned_data if filters.is_valid() else {}
    year = d.get("year") or timezone.localdate().year
    form = forms.MeetingForm(request.POST or None, user=request.user)
    created = {}

    def call(v):
        created["meeting"] = services.meeting_create(
            request.user, kind=v["kind"], starts_at=v["starts_at"],
            municipality_nis=v["municipality"].pk if v["municipality"] else None,
            region=v["region"].code if v["region"] else None, place=v["place"],
            online=v["online"], agenda=v["agenda"],
            organisation_id=v["organisation"].pk if v["organisation"] else None,
            invited_organisation_ids=[o.pk for o in v["invited_organisations"]])
    if submit_service_form(request, form, call, _("Het overleg is gepland.")):
        return redirect("meetings:detail", created["meeting"].pk)
    actor = actor_for(request.user)
    area = list(Municipality.objects.filter(organisations__in=actor.organisation_ids)
                .distinct().values_list("pk", "name"))
    flags = selectors.lwo_flags(year, [nis for nis, _name in area])
    names = dict(area)
    page = Paginator(selectors.meetings(request.user, kind=d.get("kind") or None, year=year),
                     50).get_page(request.GET.get("pagina"))
    return render(request, "meetings/list.html", {
        "filters": filters, "form": form, "page": page, "year": year,
        "flags": sorted((names[nis], n) for nis, n in flags.items()),
        "person_feed": request.build_absolute_uri(reverse("meetings:feed_person", args=[
            icsfeed.token_for(request.user, "meetings")]))})


def _people():
    return get_user_model().objects.filter(is_active=True, memberships__isnull=False) \
        .distinct().order_by("first_name", "last_name")


@require_http_methods(["GET", "POST"])
@login_required
def meeting_detail(request, meeting_id: int):
    meeting = selectors.meeting_detail(request.user, meeting_id)
    people = list(meeting.invited_people.all()) or list(
        _people().filter(memberships__organisation=meeting.organiser_id))
    organisations = [meeting.organiser, *meeting.invited_organisations.all()]
    report = forms.ReportForm(request.POST if "report" in request.POST else None, initial={
        "minutes": meeting.minutes, "decisions": meeting.decisions,
        "present_organisations": [o.pk for o in meeting.present_organisations.all()],
        "present_people": [str(u.pk) for u in meeting.present_people.all()]},
        organisations=organisations, people=people)
    action = forms.ActionForm(request.POST if "action" in request.POST else None, people=people)
    upload = forms.FileForm(request.POST if "upload" in request.POST else None,
                            request.FILES or None)
    if request.method == "POST":
        if "report" in request.POST:
            done = submit_service_form(request, report, lambda v: services.meeting_report(
                request.user, meeting, minutes=v["minutes"], decisions=v["decisions"],
                present_organisation_ids=[o.pk for o in v["present_organisations"]],
                present_people_ids=[int(p) for p in v["present_people"]]),
                _("Het verslag is bewaard."))
        elif "action" in request.POST:
            done = submit_service_form(request, action, lambda v: services.action_add(
                request.user, meeting, description=v["description"], owner_id=int(v["owner"]),
                due_on=v["due_on"]), _("De actie is toegevoegd."))
        else:
            done = submit_service_form(request, upload, lambda v: services.file_add(
                request.user, meeting, v["file"]), _("Het bestand is toegevoegd."))
        if done:
            return done
    area = meeting.municipality_id or (meeting.region.code if meeting.region else "")
    return render(request, "meetings/detail.html", {
        "meeting": meeting, "report": report, "action": action, "upload": upload,
        "actions": meeting.actions.select_related("owner"),
        "files": meeting.files.defer("data").select_related("uploaded_by"),
        "can_edit": request.user.is_superuser
        or meeting.organiser_id in actor_for(request.user).organisation_ids,
        "body_feed": request.build_absolute_uri(reverse("meetings:feed_body", args=[
            meeting.kind, area, icsfeed.token_for(request.user, f"body:{meeting.kind}:{area}")]))
        if area else ""})


@login_required
def file_download(request, meeting_id: int, file_id: int):
    meeting = selectors.meeting_detail(request.user, meeting_id)
    item = get_object_or_404(MeetingFile, pk=file_id, meeting=meeting)
    return FileResponse(io.BytesIO(bytes(item.data)), as_attachment=True, filename=item.name,
                        content_type=item.content_type or "application/octet-stream")


@require_POST
@login_required
def action_done(request, action_id: int):
    action = get_object_or_404(MeetingAction.objects.select_related("meeting"), pk=action_id)
    selectors.meeting_detail(request.user, action.meeting_id)  # 404 when not visible
    try:
        services.action_done(request.user, action)
        messages.success(request, _("Actie afgevinkt."))
    except ServiceError as exc:
        messages.error(request, exc.message)
    target = request.POST.get("next", "")
    if not url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}):
        target = reverse("meetings:detail", args=[action.meeting_id])
    return redirect(target)


@login_required
def overview_pdf(request):
    """The yearly overview of one body: meetings, who attended, decisions, open actions."""
    require_member(request.user)
    kind, area = request.GET.get("kind", ""), request.GET.get("area", "")
    year = request.GET.get("year", "")
    if kind not in Kind.values or not AREA_CODE.fullmatch(area) or not (
            year.isascii() and year.isdigit() and 2000 <= int(year) <= 2100):
        raise Http404
    year = int(year)
    found = list(selectors.meetings(request.user, kind=kind, year=year).filter(
        Q(municipality_id=area) | Q(region__code=area)))
    items = [(m, list(m.present_people.all()), list(m.present_organisations.all()),
              list(m.actions.filter(done_on__isnull=True).select_related("owner")))
             for m in sorted(found, key=lambda m: m.starts_at)]
    pdf = render_pdf("meetings/overview_pdf.html", {
        "kind": Kind(kind).label, "area": found[0].area_name if found else area, "year": year,
        "items": items, "today": timezone.localdate()})
    return pdf_response(pdf, f"jaaroverzicht-{kind}-{area}-{year}.pdf")


def feed_body(request, kind: str, area: str, token: str):
    user = icsfeed.user_for(token, f"body:{kind}:{area}")
    if user is None or kind not in Kind.values:
        raise Http404
    return icsfeed.response(f"woonloket – {Kind(kind).label} {area}",
                            selectors.body_events(user, kind, area))


def feed_person(request, token: str):
    user = icsfeed.user_for(token, "meetings")
    if user is None:
        raise Http404
    return icsfeed.response("woonloket – mijn overleg", selectors.person_events(user))
