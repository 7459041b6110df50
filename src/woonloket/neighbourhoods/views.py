"""Pages of the neighbourhood screening: the imports, a new import, one
import's neighbourhoods ranked for a campaign, and its XLSX. Thin: parse,
check access, call a service or selector, render."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from woonloket.core import csvfile
from woonloket.core.access import require_member, user_can
from woonloket.core.errors import ServiceError
from woonloket.core.forms import show_service_error
from woonloket.core.roles import Perm
from woonloket.energy import labels

from . import exports, importing, rules, selectors, services
from .forms import ImportForm

PAGE_SIZE = 50
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
BAR_WIDTH = 200


@login_required
def import_list(request):
    require_member(request.user)
    page = Paginator(selectors.imports(request.user), PAGE_SIZE).get_page(
        request.GET.get("pagina"))
    return render(request, "neighbourhoods/import_list.html", {
        "page": page, "can_import": user_can(request.user, Perm.EDIT_PERSONAL_DATA)})


@require_http_methods(["GET", "POST"])
@login_required
def import_new(request):
    if not user_can(request.user, Perm.EDIT_PERSONAL_DATA):
        raise PermissionDenied
    form = ImportForm(request.POST or None, request.FILES or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        organisation = form.cleaned_data.get("organisation")
        try:
            dwelling_import = services.dwellings_import(
                request.user, csvfile.upload_bytes(upload, importing.MAX_BYTES),
                file_name=upload.name, organisation_id=organisation.pk if organisation else None)
        except ServiceError as exc:
            show_service_error(form, exc)
            if exc.extra.get("row_errors"):
                form.add_error(None, " ".join(
                    f"Regel {e['line']}: {e['message']}" for e in exc.extra["row_errors"][:5]))
        else:
            messages.success(request, _("De woningen zijn verwerkt: %(rows)s gebruikt, "
                                        "%(rejected)s geweigerd.") % {
                "rows": dwelling_import.rows, "rejected": dwelling_import.rows_rejected})
            return redirect("neighbourhoods:import", import_id=dwelling_import.pk)
    return render(request, "neighbourhoods/import_new.html", {
        "form": form, "required": importing.REQUIRED, "grouping": importing.GROUPING,
        "engine": [f for f in importing.ENGINE_OPTIONAL if f != "occupants"],
        "occupant": importing.OCCUPANT,
        "programs": rules.VULNERABLE_PROGRAMS, "min_dwellings": rules.MIN_CAMPAIGN_DWELLINGS})


@login_required
def import_detail(request, import_id: int):
    dwelling_import = selectors.import_detail(request.user, import_id)
    rows = [(r, rules.label_bar(r.label_counts, BAR_WIDTH))
            for r in selectors.results(dwelling_import)]
    return render(request, "neighbourhoods/import_detail.html", {
        "import": dwelling_import, "rows": rows, "bar_width": BAR_WIDTH,
        "legend": [(label, labels.COLOURS[label]) for label in rules.LABELS],
        "min_dwellings": rules.MIN_CAMPAIGN_DWELLINGS, "programs": rules.VULNERABLE_PROGRAMS})


@login_required
def import_xlsx(request, import_id: int):
    dwelling_import = selectors.import_detail(request.user, import_id)
    content = exports.xlsx(dwelling_import, list(selectors.results(dwelling_import)))
    services.export_recorded(request.user, dwelling_import)
    response = HttpResponse(content, content_type=XLSX)
    response["Content-Disposition"] = (f'attachment; filename="wijkscreening-'
                                       f'{dwelling_import.pk}.xlsx"')
    return response
