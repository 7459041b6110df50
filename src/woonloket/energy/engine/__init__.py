"""The scan engine (pure Python and NumPy, no ORM): TABULA/EPISCOPE seasonal
method on the Belgian residential typology, measures with premiums, and a
batch over arrays.

Entry points:
- `dwelling_from(data) -> Dwelling` validates loose input (InputError with a
  Dutch message per field).
- `scan(dwelling, year) -> ScanResult`: need, delivered energy, primary
  energy, label, CO2 and cost of one dwelling (scan.py, physics.py).
- `measures(...)` ranked and `packages(...)` reaching label D, C and A
  (measures.py).
- `evaluate(dwelling, income_category, year) -> dict`: all of it as
  JSON-ready data (report.py): what the API answers and a saved scan keeps.
- `scan_batch(columns) -> dict of arrays`: the same engine on NumPy arrays
  (batch.py).
"""

from .batch import scan_batch
from .inputs import Dwelling, InputError, dwelling_from
from .measures import measures, packages
from .report import evaluate
from .scan import scan

__all__ = ["Dwelling", "InputError", "dwelling_from", "evaluate", "measures", "packages",
           "scan", "scan_batch"]
