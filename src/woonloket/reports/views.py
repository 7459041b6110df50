"""Pages of the reports: the yearly report of a municipality or region (with
its PDF and XLSX), and the figure dictionary."""

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from woonloket.core.access import require
from woonloket.core.forms import submit_service_form
from woonloket.core.pdf import pdf_response
from woonloket.core.roles import Perm

from . import exports, forms, selectors, services
from .api import XLSX
from .dictionary import FIGURES


@require_http_methods(["GET", "POST"])
@login_required
def report(request):
    require(request.user, Perm.VIEW_REPORTS)
    form = forms.AreaForm(request.GET or None)
    context = {"form": form}
    if form.is_valid() and (form.cleaned_data["municipality"] or form.cleaned_data["region"]):
        d = form.cleaned_data
        year = d["year"]
        where = selectors.area(municipality_nis=d["municipality"].pk if d["municipality"]
                               else None, region=d["region"].code if d["region"] else None)
        external_form = forms.ExternalForm(request.POST if "external" in request.POST else None,
                                           municipalities=where.municipalities)
        priority_form = forms.PriorityForm(request.POST if "priority" in request.POST else None)
        if request.method == "POST":
            done = submit_service_form(
                request, external_form, lambda v: services.external_figure_save(
                    request.user, municipality_nis=v["municipality"].pk, year=year,
                    code=v["code"], value=v["value"], source=v["source"]),
                _("Het cijfer is bewaard."), redirect_to=request.get_full_path()) \
                if "external" in request.POST else submit_service_form(
                request, priority_form, lambda v: services.priority_text_save(
                    request.user, where, year=year, **v), _("De tekst is bewaard."),
                redirect_to=request.get_full_path())
            if done:
                return done
        years, rows = selectors.report(year, where)
        external = selectors.external(year, where)
        texts = selectors.priority_texts(year, where)
        held = selectors.meetings_held(request.user, year, where)
        if request.GET.get("formaat") == "pdf":
            return pdf_response(exports.pdf(year, where, years, rows, external, texts, held),
                                f"jaarrapport-{where.key}-{year}.pdf")
        if request.GET.get("formaat") == "xlsx":
            response = HttpResponse(exports.xlsx(year, where, years, rows, external, texts, held),
                                    content_type=XLSX)
            response["Content-Disposition"] = (f'attachment; filename="jaarrapport-'
                                               f'{where.key}-{year}.xlsx"')
            return response
        context.update(year=year, area=where, years=years, sections=exports.sections(rows),
                       external=external, texts=texts, meetings=held,
                       external_form=external_form,
                       priority_form=priority_form)
    return render(request, "reports/report.html", context)


@login_required
def definitions(request):
    return render(request, "reports/definitions.html", {"figures": FIGURES})


@login_required
def infographic(request, region: str):
    """One printable page per region: demand, supply, what the services did, the goals."""
    require(request.user, Perm.VIEW_REPORTS)
    where = selectors.area(region=region)
    form = forms.YearForm(request.GET or None)
    year = form.cleaned_data["year"] if form.is_valid() else timezone.localdate().year - 1
    values = selectors.figures(year, where)
    external = selectors.external_totals(year, where)
    return render(request, "reports/infographic.html", {
        "area": where, "year": year, "v": values, "external": external,
        "homes": selectors.crisis_homes(where), "texts": selectors.priority_texts(year, where),
        "form": form})
