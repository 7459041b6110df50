"""The benchmarks are registered, their data is deterministic, and the batch
engine is at least 50× faster per dwelling than the single-dwelling path."""

from woonloket.core.bench import REGISTRY
from woonloket.neighbourhoods import benchmarks, importing


def test_benchmarks_are_registered():
    assert {"energy.batch_1m", "energy.batch_speedup", "energy.single_scan"} <= set(REGISTRY)


def test_synthetic_file_is_deterministic_and_mostly_good():
    raw = benchmarks.synthetic_csv(5000)
    assert raw == benchmarks.synthetic_csv(5000)
    known = frozenset(nis for nis, _postal in benchmarks.TOWNS)
    result = importing.screen(raw, known_nis=known)
    assert result.rows_rejected == 5 and result.rows == 4995
    assert 250 < len(result.groups) <= 525
    assert 0.03 < result.rows_by_postal_code / result.rows < 0.07


def test_batch_is_at_least_fifty_times_faster_per_dwelling():
    batch_us, single_us, speedup = benchmarks.speedup(batch_rows=20_000, single_rows=200)
    assert speedup >= 50, (batch_us, single_us)
