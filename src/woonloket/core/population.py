"""Reading Statbel's open-data population file "TF_SOC_POP_STRUCT_<year>".

The file (pipe-delimited, one row per municipality × sex × nationality ×
civil status × age) is summed per CD_REFNIS over MS_POPULATION. Its reference
date is 1 January of the year in the file name, unless given. The reader only
parses; it raises PopulationFileError with a Dutch message and never stores.
"""

import csv
import io
import re
import zipfile
from dataclasses import dataclass
from datetime import date
from pathlib import Path

YEAR_IN_NAME = re.compile(r"TF_SOC_POP_STRUCT_(\d{4})", re.IGNORECASE)
REQUIRED = ("CD_REFNIS", "MS_POPULATION")


class PopulationFileError(ValueError):
    """The file cannot be used; the message says why, in Dutch."""


@dataclass(frozen=True)
class PopulationFile:
    name: str
    reference_date: date
    totals: dict[str, int]

    @property
    def source(self) -> str:
        return f"Statbel, {self.name} (bevolking op {self.reference_date:%d-%m-%Y})"


def _text_of(path: Path) -> tuple[str, str]:
    """The file's name and decoded text, from a .txt or the .txt inside a .zip."""
    raw_name = path.name
    try:
        if zipfile.is_zipfile(path):
            with zipfile.ZipFile(path) as archive:
                members = [n for n in archive.namelist() if n.lower().endswith((".txt", ".csv"))]
                if len(members) != 1:
                    raise PopulationFileError(
                        "Het zip-bestand moet precies één .txt-bestand van Statbel bevatten."
                    )
                raw_name, data = members[0], archive.read(members[0])
        else:
            data = path.read_bytes()
    except OSError as exc:
        raise PopulationFileError(f"Het bestand kan niet gelezen worden: {exc.strerror}.") from exc
    except zipfile.BadZipFile as exc:
        raise PopulationFileError("Het zip-bestand is beschadigd.") from exc
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            return Path(raw_name).name, data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise PopulationFileError("De tekens in het bestand zijn niet te lezen.")  # pragma: no cover


def read_population_file(path: Path, reference_date: date | None = None) -> PopulationFile:
    name, text = _text_of(path)
    if reference_date is None:
        match = YEAR_IN_NAME.search(name) or YEAR_IN_NAME.search(path.name)
        if not match:
            raise PopulationFileError(
                "Het jaar staat niet in de bestandsnaam (TF_SOC_POP_STRUCT_<jaar>): "
                "geef de referentiedatum op met --date."
            )
        reference_date = date(int(match.group(1)), 1, 1)
    reader = csv.reader(io.StringIO(text), delimiter="|")
    header = [h.strip().upper() for h in next(reader, [])]
    missing = [col for col in REQUIRED if col not in header]
    if missing:
        raise PopulationFileError(
            f"Dit is geen Statbel-bevolkingsbestand: kolom {', '.join(missing)} ontbreekt "
            "(verwacht: scheidingsteken '|', kolommen CD_REFNIS en MS_POPULATION)."
        )
    i_nis, i_pop = header.index("CD_REFNIS"), header.index("MS_POPULATION")
    totals: dict[str, int] = {}
    for line_no, row in enumerate(reader, start=2):
        if not row or all(not cell.strip() for cell in row):
            continue
        if len(row) != len(header):
            raise PopulationFileError(
                f"Regel {line_no}: {len(row)} kolommen in plaats van {len(header)}."
            )
        nis, pop = row[i_nis].strip(), row[i_pop].strip()
        if not re.fullmatch(r"\d{5}", nis):
            raise PopulationFileError(f"Regel {line_no}: '{nis}' is geen NIS-code van 5 cijfers.")
        if not pop.isdigit():
            raise PopulationFileError(
                f"Regel {line_no}: '{pop}' is geen aantal inwoners (MS_POPULATION)."
            )
        totals[nis] = totals.get(nis, 0) + int(pop)
    if not totals:
        raise PopulationFileError("Het bestand bevat geen enkele rij met inwoners.")
    return PopulationFile(name=name, reference_date=reference_date, totals=totals)
