"""The per-neighbourhood results of an import as XLSX (openpyxl; numbers as
numbers, shares as percentages)."""

from __future__ import annotations

import io

from django.utils import timezone

from woonloket.core.xlsx import append_row

from . import rules
from .models import DwellingImport, NeighbourhoodResult

COLUMNS = ["Rang", "Code", "Wijk", "Gemeente (NIS)", "Gemeente", "Woningen",
           *[f"Label {label}" for label in rules.LABELS], "Aandeel E/F",
           "Gemiddeld primair energieverbruik (kWh/m²)", "Geleverde energie nu (kWh/jaar)",
           "Besparingspotentieel (kWh/jaar)", "Besparingspotentieel (€/jaar)",
           "Besparing per woning (kWh/jaar)", "Laagste inkomenscategorie (bestand)",
           "Gekende kwetsbare gezinnen", "Aandeel kwetsbare gezinnen", "Score",
           "Gegroepeerd op postcode"]


def xlsx(dwelling_import: DwellingImport, results: list[NeighbourhoodResult]) -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Font

    book = Workbook()
    sheet = book.active
    sheet.title = "Wijken"
    bold = Font(bold=True)
    created = timezone.localtime(dwelling_import.created_at)
    append_row(sheet, [f"Wijkscreening {dwelling_import.file_name} ({created:%d/%m/%Y %H:%M}) – "
                  "schatting met de energiescan, geen EPC"])
    append_row(sheet, COLUMNS)
    for cell in sheet[2]:
        cell.font = bold
    for r in results:
        append_row(sheet, [
            r.rank, r.code, r.name, r.municipality_id or "",
            r.municipality.name if r.municipality else "", r.dwellings,
            *[count for _label, count in r.labels], r.share_ef, r.mean_primary_energy_kwh_m2,
            r.delivered_kwh, r.saving_kwh, r.saving_eur, round(r.saving_kwh_per_dwelling),
            r.low_income, r.vulnerable_known if r.vulnerable_shown else None,
            r.vulnerable_share if r.vulnerable_shown else None, r.score,
            "ja" if r.by_postal_code else "nee"])
    share_columns = (COLUMNS.index("Aandeel E/F") + 1, COLUMNS.index("Aandeel kwetsbare gezinnen")
                     + 1)
    for row in sheet.iter_rows(min_row=3):
        for col in share_columns:
            row[col - 1].number_format = "0.0%"
    sheet.column_dimensions["C"].width = 30
    sheet.freeze_panes = "D3"
    about = book.create_sheet("Uitleg")
    about.append(["Gebruikte rijen", dwelling_import.rows])
    about.append(["Geweigerde rijen", dwelling_import.rows_rejected])
    about.append(["Score", "besparing per woning (kWh/jaar) × (1 + aandeel E/F) × "
                           "(1 + aandeel gekende kwetsbare gezinnen); rang 1 = eerst aanpakken; "
                           f"wijken met minder dan {rules.MIN_CAMPAIGN_DWELLINGS} woningen "
                           "achteraan"])
    about.append(["Kwetsbaar gezin", "open dossier dat de opladende gebruiker mag zien, "
                                     "prioritaire doelgroep of lopend traject "
                                     + ", ".join(rules.VULNERABLE_PROGRAMS)])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
