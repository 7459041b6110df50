"""API of the reports under /api/v1/reports/ (contract in issue 7)."""

from django.http import HttpResponse
from ninja import Field, Query, Router, Schema

from woonloket.core.access import require
from woonloket.core.errors import ServiceError
from woonloket.core.pdf import pdf_response
from woonloket.core.roles import Perm

from . import exports, selectors
from .dictionary import BY_CODE, FIGURES

router = Router(tags=["rapportering"])
SOURCE = "woonloket (berekend uit de gegevens)"


class AreaQuery(Schema):
    year: int = Field(..., ge=2000, le=2100)
    municipality_nis: str | None = Field(None, pattern=r"^\d{5}$")
    region: str | None = Field(None, max_length=40)


def _area(request, query: AreaQuery):
    require(request.user, Perm.VIEW_REPORTS)
    if not query.municipality_nis and not query.region:
        raise ServiceError("Kies een gemeente of een regio.",
                           {"municipality_nis": "Geef municipality_nis of region."})
    return selectors.area(municipality_nis=query.municipality_nis, region=query.region)


class Item(Schema):
    code: str
    name: str
    value: float | None
    unit: str
    source: str


class FiguresOut(Schema):
    year: int
    area: str
    items: list[Item]


@router.get("/figures", response=FiguresOut)
def figures(request, query: Query[AreaQuery]):
    where = _area(request, query)
    values = selectors.figures(query.year, where)
    items = [{"code": code, "name": BY_CODE[code].name, "value": value,
              "unit": BY_CODE[code].unit, "source": SOURCE} for code, value in values.items()]
    items += [{"code": f.code, "name": f"{f.get_code_display()} ({f.municipality.name})",
               "value": float(f.value), "unit": "aantal", "source": f.source}
              for f in selectors.external(query.year, where) if f.year == query.year]
    return {"year": query.year, "area": where.name, "items": items}


class DefinitionOut(Schema):
    code: str
    name: str
    definition: str
    unit: str
    section: str


@router.get("/figures/definitions", response=list[DefinitionOut])
def definitions(request):
    return [f.__dict__ for f in FIGURES]


def _report(request, query: AreaQuery):
    where = _area(request, query)
    years, rows = selectors.report(query.year, where)
    return (query.year, where, years, rows, selectors.external(query.year, where),
            selectors.priority_texts(query.year, where),
            selectors.meetings_held(request.user, query.year, where))


@router.get("/yearly.pdf", response={200: None},
            openapi_extra={"responses": {200: {"content": {"application/pdf": {}}}}})
def yearly_pdf(request, query: Query[AreaQuery]):
    args = _report(request, query)
    return pdf_response(exports.pdf(*args), f"jaarrapport-{args[1].key}-{query.year}.pdf")


XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


@router.get("/yearly.xlsx", response={200: None},
            openapi_extra={"responses": {200: {"content": {XLSX: {}}}}})
def yearly_xlsx(request, query: Query[AreaQuery]):
    args = _report(request, query)
    response = HttpResponse(exports.xlsx(*args), content_type=XLSX)
    response["Content-Disposition"] = (f'attachment; filename="jaarrapport-{args[1].key}-'
                                       f'{query.year}.xlsx"')
    return response
