"""Reading CSV files that people make by hand or export from Excel: UTF-8
(with or without BOM) or Windows-1252, `;` or `,`, Belgian dates and amounts.
Each importer checks its own columns and rows; a bad value raises RowError
with a Dutch message that names the column."""

from __future__ import annotations

import csv
import io
import re
from datetime import date, datetime
from decimal import Decimal, InvalidOperation

from .errors import ServiceError

MAX_BYTES = 5_000_000
TOO_BIG = "Het bestand is te groot (hoogstens 5 MB)."


class RowError(ValueError):
    """A value in one row that cannot be read; the message is Dutch."""


def reader(raw: bytes, required: tuple[str, ...], optional: tuple[str, ...]) -> csv.DictReader:
    """A reader over the file, its header lowercased; a missing column refuses
    the whole file (422) naming the columns it expects."""
    if not raw.strip():
        raise ServiceError("Het bestand is leeg.", {"file": "Het bestand is leeg."})
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = raw.decode("cp1252", errors="replace")
    first_line = text.split("\n", 1)[0]
    delimiter = ";" if first_line.count(";") >= first_line.count(",") else ","
    rows = csv.DictReader(io.StringIO(text, newline=""), delimiter=delimiter)
    header = [h.strip().lower() for h in (rows.fieldnames or [])]
    missing = [name for name in required if name not in header]
    if missing:
        raise ServiceError("Het bestand mist kolommen.",
                           {"file": f"Ontbrekende kolommen: {', '.join(missing)}. Verwacht: "
                                    f"{';'.join(required + optional)}."})
    rows.fieldnames = header
    return rows


def cells(row: dict) -> dict[str, str]:
    """The row's values as stripped text (cells beyond the header are dropped)."""
    return {k: (v or "").strip() for k, v in row.items() if k and isinstance(v, str)}


def missing(row: dict[str, str], required: tuple[str, ...]) -> None:
    absent = [name for name in required if not row.get(name)]
    if absent:
        raise RowError(f"Ontbrekend: {', '.join(absent)}.")


def parse_date(value: str, name: str) -> date:
    for fmt in ("%Y-%m-%d", "%d/%m/%Y", "%d-%m-%Y"):
        try:
            return datetime.strptime(value.strip(), fmt).date()
        except ValueError:
            continue
    raise RowError(f"{name}: geen geldige datum ({value!r}).")


def parse_datetime(value: str, name: str) -> datetime:
    for fmt in ("%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M", "%d/%m/%Y %H:%M", "%d-%m-%Y %H:%M",
                "%Y-%m-%dT%H:%M:%S", "%Y-%m-%d %H:%M:%S"):
        try:
            return datetime.strptime(value.strip(), fmt)
        except ValueError:
            continue
    raise RowError(f"{name}: geen geldig tijdstip ({value!r}, verwacht 2026-12-03 09:30).")


def parse_amount(value: str, name: str) -> Decimal:
    """1234,56 or 1.234,56 or 1234.56, with or without €."""
    text = value.strip().replace("€", "").replace(" ", "")
    if "," in text or re.fullmatch(r"\d{1,3}(\.\d{3})+", text):
        text = text.replace(".", "").replace(",", ".")  # Belgian: 1.250 and 1.250,00
    try:
        amount = Decimal(text)
    except InvalidOperation as exc:
        raise RowError(f"{name}: geen geldig bedrag ({value!r}).") from exc
    if not amount.is_finite() or amount != amount.quantize(Decimal("0.01")):
        raise RowError(f"{name}: geen geldig bedrag op de cent ({value!r}).")
    return amount


def service_message(exc: ServiceError) -> str:
    details = "; ".join(f"{f}: {m}" for f, m in exc.errors.items())
    return f"{exc.message} {details}".strip()


BROKEN_LINE = ("Deze regel is geen geldige CSV (een veld is te lang of een aanhalingsteken "
               "sluit niet); de rest van het bestand is niet gelezen.")


def upload_bytes(upload, max_bytes: int = MAX_BYTES) -> bytes:
    """The content of an uploaded file, refused (422) above `max_bytes` (5 MB)."""
    if upload.size > max_bytes:
        message = TOO_BIG if max_bytes == MAX_BYTES else (
            f"Het bestand is te groot (hoogstens {max_bytes // 1_000_000} MB).")
        raise ServiceError(message, {"file": message})
    return upload.read()


def request_bytes(request, upload, max_bytes: int = MAX_BYTES) -> bytes:
    """An API upload: the multipart field `file`, or the body sent as text/csv."""
    from django.core.exceptions import RequestDataTooBig

    if upload is not None:
        return upload_bytes(upload, max_bytes)
    if request.content_type not in ("text/csv", "text/plain"):
        raise ServiceError("Stuur een CSV-bestand mee (veld 'file').",
                           {"file": "Dit veld is verplicht."})
    try:
        return request.body
    except RequestDataTooBig as exc:
        message = "Het bestand is te groot voor de body: stuur het als multipart-veld 'file'."
        raise ServiceError(message, {"file": message}) from exc
