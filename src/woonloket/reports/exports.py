"""The yearly report as PDF (WeasyPrint) and XLSX (openpyxl: a sheet per
section, numbers as numbers)."""

from __future__ import annotations

import io

from django.utils import timezone

from woonloket.core.pdf import render_pdf
from woonloket.core.xlsx import append_row

from . import charts
from .selectors import Area, Row


def sections(rows: list[Row]) -> list[tuple[str, list[tuple[Row, str]]]]:
    """Rows grouped by section, each with its trend chart, in dictionary order."""
    out: dict[str, list] = {}
    for row in rows:
        out.setdefault(row.figure.section, []).append(
            (row, charts.trend(row.values, f"Verloop van {row.figure.name}")))
    return list(out.items())


def pdf(year: int, where: Area, years: list[int], rows: list[Row], external, texts,
        meetings=()) -> bytes:
    return render_pdf("reports/yearly_pdf.html", {
        "year": year, "area": where, "years": years, "sections": sections(rows),
        "external": external, "texts": texts, "meetings": meetings,
        "today": timezone.localdate()})


def xlsx(year: int, where: Area, years: list[int], rows: list[Row], external, texts,
         meetings=()) -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Font

    book = Workbook()
    book.remove(book.active)
    bold = Font(bold=True)
    for section, items in sections(rows):
        sheet = book.create_sheet(section[:31])
        append_row(sheet, [f"{where.name} – {section}", *[""] * len(years)])
        append_row(sheet, ["Cijfer", "Eenheid", *years, "Definitie"])
        for cell in sheet[2]:
            cell.font = bold
        for row, _chart in items:
            append_row(sheet, [row.figure.name, row.figure.unit, *row.values,
                               row.figure.definition])
        sheet.column_dimensions["A"].width = 44
    sheet = book.create_sheet("Van buiten woonloket")
    append_row(sheet, ["Gemeente", "Jaar", "Cijfer", "Waarde", "Bron"])
    for figure in external:
        append_row(sheet, [figure.municipality.name, figure.year, figure.get_code_display(),
                      float(figure.value), figure.source])
    sheet = book.create_sheet("Beleidsprioriteiten")
    append_row(sheet, ["Prioriteit", "Tekst"])
    for text in texts:
        append_row(sheet, [text.title, text.text])
    sheet = book.create_sheet("Overleg")
    append_row(sheet, ["Datum", "Overleg", "Gemeente of regio"])
    for meeting in meetings:
        append_row(sheet, [timezone.localtime(meeting.starts_at).date(),
                           meeting.get_kind_display(), meeting.area_name])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
