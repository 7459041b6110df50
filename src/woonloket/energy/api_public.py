"""The public energy scan API under /api/v1/energy/ (no authentication).

- `POST /scan` runs the scan engine on one dwelling, saves the result (origin
  "citizen") and answers it with the `token` and `url` of the saved scan.
- `GET /scan/{token}` answers a saved scan again.

Rate limit: `POST /scan` allows `settings.WOONLOKET_SCAN_RATE` scans (default
60) per client IP address (`REMOTE_ADDR`) per fixed window of one minute,
counted in Django's cache; above it the answer is 429 with a `Retry-After`
header (seconds until the next window). The web wizard (/energiescan/) shares
the same budget.
"""

from __future__ import annotations

import time

from django.conf import settings
from django.core.cache import cache
from django.http import JsonResponse
from django.urls import reverse
from ninja import Field, Router, Schema
from pydantic import BaseModel, ConfigDict

from woonloket.api.errors import body as error_body
from woonloket.core.errors import ServiceError
from woonloket.core.models import Municipality

from .engine import InputError, dwelling_from
from .models import Scan
from .schemas import DwellingIn
from .selectors import scan_by_token
from .services import scan_save

RATE_LIMIT_DESCRIPTION = (
    "Zonder authenticatie. Rate limit: standaard 60 scans per minuut per IP-adres "
    "(instelling `WOONLOKET_SCAN_RATE`, vast venster van 60 s); daarboven antwoordt de API "
    "429 met een `Retry-After`-header."
)

router = Router(tags=["energiescan"])

RATE_WINDOW_SECONDS = 60
DEFAULT_SCAN_RATE = 60


def scan_rate_exceeded(request) -> int | None:
    """Count one scan for the client's IP address in the current one-minute
    window; the seconds until the next window when the client is over the
    limit (`WOONLOKET_SCAN_RATE`, 0 or None switches the limit off), else None."""
    limit = getattr(settings, "WOONLOKET_SCAN_RATE", DEFAULT_SCAN_RATE)
    if not limit:
        return None
    now = time.time()
    window = int(now // RATE_WINDOW_SECONDS)
    key = f"woonloket:scan-rate:{request.META.get('REMOTE_ADDR', '')}:{window}"
    cache.add(key, 0, timeout=RATE_WINDOW_SECONDS + 5)
    try:
        count = cache.incr(key)
    except ValueError:  # the key expired between add() and incr()
        cache.set(key, 1, timeout=RATE_WINDOW_SECONDS + 5)
        count = 1
    if count <= limit:
        return None
    return max(1, int((window + 1) * RATE_WINDOW_SECONDS - now + 0.999))


RATE_LIMIT_DETAIL = ("U vroeg te veel energiescans na elkaar. Probeer het over "
                     "{seconds} seconden opnieuw.")


class ScanIn(DwellingIn):
    """One dwelling: exactly the engine's fields (only the first two are
    required; a field left out is filled from the archetype), plus the income
    category for Mijn VerbouwPremie and the municipality."""

    income_category: int | None = Field(
        None, ge=1, le=4, description="Mijn VerbouwPremie: 4 = laagste inkomens (hoogste premie), "
        "1 = hoogste inkomens; leeg = 1")
    municipality_nis: str | None = Field(None, pattern=r"^\d{5}$",
                                         description="NIS-code van een Vlaamse gemeente")


class MeasureOut(BaseModel):
    model_config = ConfigDict(extra="allow")

    code: str
    investment_eur: float
    saving_eur: float
    premium_eur: float
    payback_years: float | None
    co2_saving_kg: float


class ScanOut(BaseModel):
    """The engine's result (every key of `evaluate()`), with the saved scan's
    `token` and the `url` of its result page. (A plain pydantic model: ninja's
    Schema reads attributes and would drop the keys not declared here.)"""

    model_config = ConfigDict(extra="allow")

    token: str
    url: str
    heat_need_kwh_m2: float
    heat_need_kwh: float
    primary_energy_kwh_m2: float
    label: str
    co2_kg: float
    cost_eur: float
    archetype: str
    measures: list[MeasureOut]


class ErrorItem(Schema):
    field: str
    message: str


class ErrorOut(Schema):
    detail: str
    errors: list[ErrorItem]


def _answer(request, scan) -> dict:
    url = request.build_absolute_uri(reverse("portal:scan_result", args=[scan.token]))
    return {**scan.result, "token": scan.token, "url": url}


@router.post("/scan", auth=None, response={200: ScanOut, 404: ErrorOut, 422: ErrorOut,
                                           429: ErrorOut},
             summary="Energiescan van één woning", description=RATE_LIMIT_DESCRIPTION)
def scan_create(request, payload: ScanIn):
    retry_after = scan_rate_exceeded(request)
    if retry_after is not None:
        response = JsonResponse(error_body(RATE_LIMIT_DETAIL.format(seconds=retry_after)),
                                status=429)
        response["Retry-After"] = str(retry_after)
        return response
    data = payload.model_dump(exclude_unset=True)
    income_category = data.pop("income_category", None)
    municipality_nis = data.pop("municipality_nis", None)
    if municipality_nis is not None and not Municipality.objects.filter(
            nis_code=municipality_nis, region_nis=Municipality.FLEMISH_REGION_NIS).exists():
        raise ServiceError("De gegevens zijn niet geldig.", {
            "municipality_nis": "Onbekende of geen Vlaamse gemeente: de scan rekent met "
                                "Vlaamse premies."})
    try:
        dwelling = dwelling_from({k: v for k, v in data.items() if v is not None})
    except InputError as exc:
        raise ServiceError("De gegevens zijn niet geldig.", exc.errors) from exc
    scan = scan_save(dwelling, origin="citizen", municipality_nis=municipality_nis,
                     income_category=income_category)
    return _answer(request, scan)


@router.get("/scan/{token}", auth=None, response={200: ScanOut, 404: ErrorOut},
            summary="Een bewaarde energiescan opnieuw opvragen")
def scan_get(request, token: str):
    return _answer(request, scan_by_token(token, Scan.Origin.CITIZEN))
