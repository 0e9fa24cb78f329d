"""Benchmark: `portalwatch report` on a synthetic store of 100,000 items.

    python -m crawler.reporting.bench [--items N] [--db PATH] [--formats html,pdf,xlsx,csv]

or from code (`make bench`): `bench(items=100_000)` prints and returns the timings. The store
is the checks' benchmark portal (`crawler.checks.bench.build`: 52 departments and 8 towns,
stale, blank and broken things), crawled once and checked on three days of 2019Q4, then
the quarterly report, the monthly bulletin and the annual statistics are timed per format.
A `--db` that already holds a checked store is reused as it is.
"""
from __future__ import annotations

import argparse
import tempfile
import time
from datetime import date
from pathlib import Path

from crawler.store import open_db

from .generate import FORMATS, generate
from .period import Period

CHECK_DAYS = (date(2019, 12, 17), date(2019, 12, 24), date(2019, 12, 31))


def build_store(db, items: int, echo=print) -> None:
    from crawler.checks.bench import build
    from crawler.checks.engine import run_check
    from crawler.checks.rulepack import load_rules

    start = time.perf_counter()
    build(db, items).write_crawl()
    echo(f"built a store of {items} items in {time.perf_counter() - start:.1f} s")
    rules = load_rules()
    start = time.perf_counter()
    for day in CHECK_DAYS:
        result = run_check(db, rules, as_of=day)[0]
    echo(f"checked it on {len(CHECK_DAYS)} days in {time.perf_counter() - start:.1f} s "
         f"({len(result.findings)} open findings)")


def bench(items: int = 100_000, db_path: str | Path | None = None, formats=FORMATS, echo=print) -> dict:
    own = db_path is None
    tmp = tempfile.TemporaryDirectory()
    path = Path(tmp.name) / "bench.db" if own else Path(db_path)
    out = Path(tmp.name) / "reports"
    results = {"items": items}
    try:
        db = open_db(path)
        fresh = not db["checks"].exists() or not db.execute("select count(*) from checks").fetchone()[0]
        if fresh:
            build_store(db, items, echo)
        for kind, period in (("quarterly", Period("quarter", 2019, 4)), ("monthly", Period("month", 2019, 12)),
                             ("annual", Period("year", 2019, 2019))):
            timings: dict = {}
            start = time.perf_counter()
            paths = generate(db, kind, period, formats=formats, out=out, by="bench", timings=timings)
            total = time.perf_counter() - start
            parts = ", ".join(f"{k} {v:.2f} s" for k, v in timings.items())
            pages = ""
            pdf = [p for p in paths if p.suffix == ".pdf"]
            if pdf:
                pages = f"; PDF {pdf[0].stat().st_size // 1024} KB"
            echo(f"report {kind} {period.tag}: {total:.2f} s ({parts}{pages})")
            results[kind] = {"total_s": round(total, 2), **{k: round(v, 2) for k, v in timings.items()}}
        db.close()
        return results
    finally:
        tmp.cleanup()


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--items", type=int, default=100_000)
    parser.add_argument("--db", help="keep (or reuse) the store here (default: a temporary file)")
    parser.add_argument("--formats", default=",".join(FORMATS))
    args = parser.parse_args(argv)
    bench(args.items, args.db, formats=[f.strip() for f in args.formats.split(",") if f.strip()])


if __name__ == "__main__":
    main()
