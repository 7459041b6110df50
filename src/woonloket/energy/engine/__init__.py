"""The scan engine (pure Python, no ORM): TABULA/EPISCOPE seasonal method on
the Belgian residential typology, measures with premiums, and a NumPy batch.

Entry points:
- `dwelling_from(data) -> Dwelling` validates loose input (InputError with a
  Dutch message per field).
- `scan(dwelling, year=None) -> ScanResult`: need, delivered energy, primary
  energy, label, CO2 and cost of one dwelling.
- `measures(dwelling, income_category=None, year=None) -> list[MeasureResult]`
  ranked, and `packages(...)` reaching label D, C and A.
- `evaluate(dwelling, income_category=None, year=None) -> dict`: all of it as
  JSON-ready data (what the API answers and a saved scan keeps).
- `scan_batch(columns) -> dict of arrays`: the same engine on NumPy arrays.
"""

from .inputs import Dwelling, InputError, dwelling_from  # noqa: F401
