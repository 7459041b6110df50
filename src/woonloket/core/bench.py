"""The benchmark harness behind `manage.py bench`.

A benchmark is registered with a stable name and a `prepare` function that
returns (call, rows): `call()` does the measured work once, `rows` says how
many rows are in play. An optional `floor` function does the same data fetch
in the simplest hand-written SQL, for a ratio to the floor. A benchmark whose
one call takes seconds (a million-row import) caps its repetitions with
`repeat`.
"""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable
from dataclasses import dataclass

from django.db import connection, reset_queries
from django.test.utils import CaptureQueriesContext


@dataclass(frozen=True)
class Benchmark:
    name: str
    prepare: Callable[[], tuple[Callable[[], object], int]]
    floor: Callable[[], object] | None = None
    repeat: int | None = None


REGISTRY: dict[str, Benchmark] = {}


def benchmark(name: str, floor: Callable[[], object] | None = None, repeat: int | None = None):
    def wrap(prepare):
        REGISTRY[name] = Benchmark(name, prepare, floor, repeat)
        return prepare
    return wrap


def _timings(fn: Callable[[], object], repeat: int) -> list[float]:
    for _ in range(min(3, repeat)):
        fn()
    out = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        out.append((time.perf_counter() - start) * 1000)
    return out


def _percentile(values: list[float], pct: float) -> float:
    if len(values) == 1:
        return values[0]
    return statistics.quantiles(values, n=100, method="inclusive")[int(pct) - 1]


def run(bench: Benchmark, repeat: int) -> dict:
    repeat = min(repeat, bench.repeat or repeat)
    call, rows = bench.prepare()
    reset_queries()  # a request resets the query log; start from an empty one
    with CaptureQueriesContext(connection) as ctx:
        call()
    queries = len(ctx.captured_queries)  # read now: later requests reset the log
    timings = _timings(call, repeat)
    result = {
        "name": bench.name,
        "rows": rows,
        "p50_ms": round(_percentile(timings, 50), 2),
        "p95_ms": round(_percentile(timings, 95), 2),
        "queries": queries,
    }
    if bench.floor is not None:
        floor = _percentile(_timings(bench.floor, repeat), 50)
        result["floor_ms"] = round(floor, 2)
        result["ratio_to_floor"] = round(result["p50_ms"] / floor, 1) if floor else None
    return result


# Clients for benchmarks that measure a whole request -------------------------------

def api_client(user):
    from django.test import Client

    from .services import api_token_create

    return Client(HTTP_AUTHORIZATION=f"Bearer {api_token_create(None, for_user=user)}")


def page_client(user):
    from django.test import Client

    client = Client()
    client.force_login(user)
    return client


def get_ok(client, url: str) -> Callable[[], object]:
    """A call that GETs the url and insists on a 200."""
    def call():
        response = client.get(url)
        assert response.status_code == 200, (url, response.status_code)
        return response
    return call
