"""Reading a CSV batch of petitions: one row per petition, each row stored
or reported with its line number and reason; a row already in woonloket
(same canton and roll number) is skipped, so importing a file twice adds
nothing. Delimiter `;` or `,`, UTF-8 (with or without BOM) or Windows-1252,
dates as 2026-12-03 or 03/12/2026, amounts as 1234,56 or 1234.56."""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal, InvalidOperation

from django.db import transaction

from woonloket.core.errors import Conflict, ServiceError

from .models import Petition
from .services import PetitionIn, petition_register

REQUIRED = ("canton", "roll_number", "received_on", "hearing_at", "landlord_kind",
            "landlord_name", "first_name", "last_name", "street", "number", "postal_code",
            "municipality_nis", "arrears_eur", "monthly_rent_eur")
OPTIONAL = ("landlord_contact", "birth_date", "box", "reason")
MAX_ROWS = 5000
MAX_BYTES = 5_000_000


@dataclass
class ImportResult:
    created: int = 0
    skipped_duplicates: int = 0
    errors: list[dict] = field(default_factory=list)
    petition_ids: list[int] = field(default_factory=list)


class RowError(ValueError):
    pass


def _decode(raw: bytes) -> str:
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        return raw.decode("cp1252", errors="replace")


def _date(value: str, name: str) -> date:
    for fmt in ("%Y-%m-%d", "%d/%m/%Y", "%d-%m-%Y"):
        try:
            return datetime.strptime(value.strip(), fmt).date()
        except ValueError:
            continue
    raise RowError(f"{name}: geen geldige datum ({value!r}).")


def _datetime(value: str, name: str) -> datetime:
    for fmt in ("%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M", "%d/%m/%Y %H:%M", "%d-%m-%Y %H:%M",
                "%Y-%m-%dT%H:%M:%S", "%Y-%m-%d %H:%M:%S"):
        try:
            return datetime.strptime(value.strip(), fmt)
        except ValueError:
            continue
    raise RowError(f"{name}: geen geldig tijdstip ({value!r}, verwacht 2026-12-03 09:30).")


def _amount(value: str, name: str) -> Decimal:
    text = value.strip().replace("€", "").replace(" ", "")
    if "," in text:
        text = text.replace(".", "").replace(",", ".")
    try:
        amount = Decimal(text)
    except InvalidOperation as exc:
        raise RowError(f"{name}: geen geldig bedrag ({value!r}).") from exc
    if not amount.is_finite():
        raise RowError(f"{name}: geen geldig bedrag ({value!r}).")
    return amount


def _petition_in(row: dict[str, str], organisation_id: int | None) -> PetitionIn:
    missing = [name for name in REQUIRED if not (row.get(name) or "").strip()]
    if missing:
        raise RowError(f"Ontbrekend: {', '.join(missing)}.")
    birth = (row.get("birth_date") or "").strip()
    return PetitionIn(
        canton=row["canton"].strip().lower(), roll_number=row["roll_number"].strip(),
        received_on=_date(row["received_on"], "received_on"),
        hearing_at=_datetime(row["hearing_at"], "hearing_at"),
        landlord_kind=row["landlord_kind"].strip().lower(),
        landlord_name=row["landlord_name"], landlord_contact=row.get("landlord_contact") or "",
        first_name=row["first_name"], last_name=row["last_name"],
        birth_date=_date(birth, "birth_date") if birth else None,
        street=row["street"], number=row["number"], box=row.get("box") or "",
        postal_code=row["postal_code"].strip(), municipality_nis=row["municipality_nis"].strip(),
        arrears_eur=_amount(row["arrears_eur"], "arrears_eur"),
        monthly_rent_eur=_amount(row["monthly_rent_eur"], "monthly_rent_eur"),
        reason=(row.get("reason") or "").strip() or Petition.Reason.ARREARS,
        lead_organisation_id=organisation_id)


def _message(exc: ServiceError) -> str:
    details = "; ".join(f"{f}: {m}" for f, m in exc.errors.items())
    return f"{exc.message} {details}".strip()


def _reader(raw: bytes) -> csv.DictReader:
    text = _decode(raw)
    first_line = text.split("\n", 1)[0]
    delimiter = ";" if first_line.count(";") >= first_line.count(",") else ","
    reader = csv.DictReader(io.StringIO(text, newline=""), delimiter=delimiter)
    header = [h.strip().lower() for h in (reader.fieldnames or [])]
    missing = [name for name in REQUIRED if name not in header]
    if missing:
        raise ServiceError("Het bestand mist kolommen.",
                           {"file": f"Ontbrekende kolommen: {', '.join(missing)}. Verwacht: "
                                    f"{';'.join(REQUIRED + OPTIONAL)}."})
    reader.fieldnames = header
    return reader


@transaction.atomic
def petitions_import(user, raw: bytes, organisation_id: int | None = None) -> ImportResult:
    """Store the good rows, report the bad ones with their line number and reason."""
    if not raw.strip():
        raise ServiceError("Het bestand is leeg.", {"file": "Het bestand is leeg."})
    reader = _reader(raw)
    result = ImportResult()
    try:
        _import_rows(user, reader, organisation_id, result)
    except csv.Error:
        result.errors.append({"line": reader.line_num + 1, "message": (
            "Deze regel is geen geldige CSV (een veld is te lang of een aanhalingsteken "
            "sluit niet); de rest van het bestand is niet gelezen.")})
    return result


def _import_rows(user, reader: csv.DictReader, organisation_id: int | None,
                 result: ImportResult) -> None:
    for row in reader:
        line = reader.line_num
        if line > MAX_ROWS + 1:
            result.errors.append({"line": line, "message": f"Hoogstens {MAX_ROWS} rijen per "
                                                           f"bestand; de rest is niet gelezen."})
            break
        if not any((v or "").strip() for v in row.values() if isinstance(v, str)):
            continue
        try:
            data = _petition_in({k: v for k, v in row.items() if k}, organisation_id)
            petition = petition_register(user, data, source=Petition.Source.CSV)
        except RowError as exc:
            result.errors.append({"line": line, "message": str(exc)})
        except Conflict:
            result.skipped_duplicates += 1
        except ServiceError as exc:
            result.errors.append({"line": line, "message": _message(exc)})
        else:
            result.created += 1
            result.petition_ids.append(petition.pk)
