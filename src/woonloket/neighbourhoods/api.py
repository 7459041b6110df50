"""API of the neighbourhood screening under /api/v1/energy/ (issue 6):
`GET /neighbourhoods?import_id=`, `POST /neighbourhoods/import`,
`GET /neighbourhoods/imports`."""

from datetime import datetime

from django.utils import timezone
from ninja import File, Query, Router, Schema, Status, UploadedFile
from ninja.pagination import paginate

from woonloket.api.pagination import BoundedLimitOffset
from woonloket.core import csvfile

from . import importing, selectors, services
from .models import DwellingImport, NeighbourhoodResult

router = Router(tags=["energie"])


class LineError(Schema):
    line: int
    message: str


class ImportOut(Schema):
    import_id: int
    rows: int
    rows_rejected: int
    errors: list[LineError]
    neighbourhoods: int
    rows_by_postal_code: int
    duration_ms: int


class ImportListOut(Schema):
    id: int
    organisation_id: int
    uploaded_by: str | None
    file_name: str
    created_at: datetime
    rows: int
    rows_rejected: int
    neighbourhoods: int
    duration_ms: int

    @staticmethod
    def resolve_uploaded_by(obj: DwellingImport) -> str | None:
        return obj.uploaded_by.get_username() if obj.uploaded_by else None

    @staticmethod
    def resolve_created_at(obj: DwellingImport) -> datetime:
        return timezone.localtime(obj.created_at)


class NeighbourhoodOut(Schema):
    import_id: int
    rank: int
    code: str
    name: str
    municipality_nis: str | None
    municipality: str | None
    by_postal_code: bool
    dwellings: int
    labels: dict[str, int]
    share_ef: float
    mean_primary_energy_kwh_m2: float
    delivered_kwh: int
    saving_kwh: int
    saving_eur: int
    saving_kwh_per_dwelling: float
    low_income: int
    vulnerable_known: int | None
    vulnerable_share: float | None
    score: float

    @staticmethod
    def resolve_import_id(obj: NeighbourhoodResult) -> int:
        return obj.dwelling_import_id

    @staticmethod
    def resolve_municipality_nis(obj: NeighbourhoodResult) -> str | None:
        return obj.municipality_id

    @staticmethod
    def resolve_municipality(obj: NeighbourhoodResult) -> str | None:
        return obj.municipality.name if obj.municipality else None

    @staticmethod
    def resolve_labels(obj: NeighbourhoodResult) -> dict[str, int]:
        return dict(obj.labels)

    @staticmethod
    def resolve_saving_kwh_per_dwelling(obj: NeighbourhoodResult) -> float:
        return round(obj.saving_kwh_per_dwelling, 1)

    @staticmethod
    def resolve_vulnerable_known(obj: NeighbourhoodResult) -> int | None:
        return obj.vulnerable_known if obj.vulnerable_shown else None

    @staticmethod
    def resolve_vulnerable_share(obj: NeighbourhoodResult) -> float | None:
        return obj.vulnerable_share if obj.vulnerable_shown else None


class NeighbourhoodFilter(Schema):
    import_id: int


@router.get("/neighbourhoods", response=list[NeighbourhoodOut])
@paginate(BoundedLimitOffset)
def neighbourhood_list(request, filters: Query[NeighbourhoodFilter]):
    """The neighbourhoods of one import, rank 1 (act first) first; 404 for an
    import the caller may not see, 422 without import_id."""
    dwelling_import = selectors.import_detail(request.user, filters.import_id)
    return selectors.results(dwelling_import).select_related("dwelling_import")


@router.post("/neighbourhoods/import", response={201: ImportOut})
def neighbourhood_import(request, file: UploadedFile | None = File(None),  # noqa: B008 - ninja
                         organisation_id: int | None = None):
    """A CSV of dwellings as multipart field `file` (or the body with
    Content-Type text/csv); columns as on the import page."""
    raw = csvfile.request_bytes(request, file, importing.MAX_BYTES)
    dwelling_import = services.dwellings_import(
        request.user, raw, file_name=file.name if file is not None else "api.csv",
        organisation_id=organisation_id)
    return Status(201, {"import_id": dwelling_import.pk, "rows": dwelling_import.rows,
                 "rows_rejected": dwelling_import.rows_rejected,
                 "errors": dwelling_import.errors,
                 "neighbourhoods": dwelling_import.neighbourhoods,
                 "rows_by_postal_code": dwelling_import.rows_by_postal_code,
                 "duration_ms": dwelling_import.duration_ms})


@router.get("/neighbourhoods/imports", response=list[ImportListOut])
@paginate(BoundedLimitOffset)
def import_list(request):
    """The imports of the caller's organisations, newest first."""
    return selectors.imports(request.user)
