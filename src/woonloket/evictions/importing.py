"""Reading a CSV batch of petitions: one row per petition, each row stored
or reported with its line number and reason; a row already in woonloket
(same canton and roll number) is skipped, so importing a file twice adds
nothing. Delimiter `;` or `,`, UTF-8 (with or without BOM) or Windows-1252,
dates as 2026-12-03 or 03/12/2026, amounts as 1234,56 or 1234.56."""

from __future__ import annotations

import csv
from dataclasses import dataclass, field

from django.db import transaction

from woonloket.core import csvfile
from woonloket.core.errors import Conflict, ServiceError

from .models import Petition
from .services import PetitionIn, petition_register

REQUIRED = ("canton", "roll_number", "received_on", "hearing_at", "landlord_kind",
            "landlord_name", "first_name", "last_name", "street", "number", "postal_code",
            "municipality_nis", "arrears_eur", "monthly_rent_eur")
OPTIONAL = ("landlord_contact", "birth_date", "box", "reason")
MAX_ROWS = 5000


@dataclass
class ImportResult:
    created: int = 0
    skipped_duplicates: int = 0
    errors: list[dict] = field(default_factory=list)
    petition_ids: list[int] = field(default_factory=list)


def _petition_in(row: dict[str, str], organisation_id: int | None) -> PetitionIn:
    csvfile.missing(row, REQUIRED)
    birth = row.get("birth_date", "")
    return PetitionIn(
        canton=row["canton"].lower(), roll_number=row["roll_number"],
        received_on=csvfile.parse_date(row["received_on"], "received_on"),
        hearing_at=csvfile.parse_datetime(row["hearing_at"], "hearing_at"),
        landlord_kind=row["landlord_kind"].lower(), landlord_name=row["landlord_name"],
        landlord_contact=row.get("landlord_contact", ""),
        first_name=row["first_name"], last_name=row["last_name"],
        birth_date=csvfile.parse_date(birth, "birth_date") if birth else None,
        street=row["street"], number=row["number"], box=row.get("box", ""),
        postal_code=row["postal_code"], municipality_nis=row["municipality_nis"],
        arrears_eur=csvfile.parse_amount(row["arrears_eur"], "arrears_eur"),
        monthly_rent_eur=csvfile.parse_amount(row["monthly_rent_eur"], "monthly_rent_eur"),
        reason=row.get("reason") or Petition.Reason.ARREARS,
        lead_organisation_id=organisation_id)


@transaction.atomic
def petitions_import(user, raw: bytes, organisation_id: int | None = None) -> ImportResult:
    """Store the good rows, report the bad ones with their line number and reason."""
    reader = csvfile.reader(raw, REQUIRED, OPTIONAL)
    result = ImportResult()
    try:
        _import_rows(user, reader, organisation_id, result)
    except csv.Error:
        result.errors.append({"line": reader.line_num + 1, "message": csvfile.BROKEN_LINE})
    return result


def _import_rows(user, reader: csv.DictReader, organisation_id: int | None,
                 result: ImportResult) -> None:
    for row in reader:
        line = reader.line_num
        if line > MAX_ROWS + 1:
            result.errors.append({"line": line, "message": f"Hoogstens {MAX_ROWS} rijen per "
                                                           f"bestand; de rest is niet gelezen."})
            break
        values = csvfile.cells(row)
        if not any(values.values()):
            continue
        try:
            data = _petition_in(values, organisation_id)
            petition = petition_register(user, data, source=Petition.Source.CSV)
        except csvfile.RowError as exc:
            result.errors.append({"line": line, "message": str(exc)})
        except Conflict:
            result.skipped_duplicates += 1
        except ServiceError as exc:
            result.errors.append({"line": line, "message": csvfile.service_message(exc)})
        else:
            result.created += 1
            result.petition_ids.append(petition.pk)
