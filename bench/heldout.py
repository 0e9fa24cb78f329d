"""Held-out evaluation: crawl and check a held-out portal (designed apart from portalwatch's
heuristics: ``sample/county`` …) and score the store against its ground truth.

    python -m bench.heldout [--portal county] [--seed 1] [--keep DIR]

Prints precision and recall per measure with the first misses (expected vs got) and false hits;
``main()`` returns the same figures as a dict.  Everything runs on 127.0.0.1.
"""
from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from collections import Counter
from datetime import date
from pathlib import Path

import sqlite_utils

from sample.bureau import generate_bureau
from sample.city import generate_city
from sample.county import generate_county
from sample.jcms import generate_jcms
from sample.server import serve

AS_OF = date(2019, 12, 31)
# Held-out portals by name: generate(out_dir, *, seed, as_of) -> the ground truth file.
PORTALS = {"county": generate_county, "city": generate_city, "jcms": generate_jcms, "bureau": generate_bureau}
SHOW = 5


def portalwatch(*args) -> str:
    exe = Path(sys.executable).with_name("portalwatch")
    cmd = [str(exe)] if exe.exists() else [sys.executable, "-m", "crawler"]
    done = subprocess.run(cmd + [str(a) for a in args], capture_output=True, text=True)
    if done.returncode != 0:
        raise SystemExit(f"portalwatch {' '.join(map(str, args))} exited {done.returncode}:\n{done.stdout}{done.stderr}")
    return done.stdout


def rel(url: str | None, base: str) -> str | None:
    """Site URLs as root-relative paths (the ground truth's form); other hosts stay absolute."""
    return url[len(base):] if url and url.startswith(base + "/") else url


def measure(want: dict, got: dict) -> dict:
    """A hit is a key in both with equal values; precision over `got`, recall over `want`."""
    hits = [k for k in want if k in got and want[k] == got[k]]
    return {"precision": len(hits) / len(got) if got else 1.0, "recall": len(hits) / len(want) if want else 1.0,
            "want": len(want), "got": len(got), "hits": len(hits),
            "missed": [(k, want[k], got.get(k, "—absent—")) for k in want if k not in hits][:SHOW],
            "false": [(k, got[k], want.get(k, "—not in truth—")) for k in got if k not in hits and k not in want][:SHOW]}


def by_kind(rows: list, base: str) -> dict:
    out: dict = {}
    for r in rows:
        out.setdefault(r["kind"], Counter())[rel(r["url"], base)] += 1
    return out


def score(db_path: Path, truth: dict, base: str, found: list) -> dict:
    db = sqlite_utils.Database(db_path)
    crawl = next(db.query("select max(id) as id from crawls where outcome = 'ok'"))["id"]
    cols = {rel(r["url"], base): r for r in db.query("select * from columns")}
    items = {rel(r["url"], base): r for r in db.query("select * from items")}
    tc, ti = truth["columns"], truth["items"]
    figures = {
        "crawl": crawl,
        "columns": measure({c["url"]: True for c in tc}, {u: True for u in cols}),
        "columns parent+level": measure({c["url"]: (c["parent"], c["level"]) for c in tc},
                                        {u: (rel(r["parent_url"], base), r["level"]) for u, r in cols.items()}),
        "columns item_count": measure({c["url"]: c["item_count"] for c in tc}, {u: r["item_count"] for u, r in cols.items()}),
        "columns newest_date": measure({c["url"]: c["newest_date"] for c in tc}, {u: r["newest_date"] for u, r in cols.items()}),
        "items": measure({i["url"]: True for i in ti}, {u: True for u in items}),
        "items publish_date": measure({i["url"]: i["publish_date"] for i in ti},
                                      {u: r["publish_date"] for u, r in items.items()}),
        "items column": measure({i["url"]: i["column"] for i in ti}, {u: rel(r["column_url"], base) for u, r in items.items()}),
    }
    want, got = by_kind(truth["problems"], base), by_kind(found, base)
    for kind in sorted(set(want) | set(got)):
        w, g = want.get(kind, Counter()), got.get(kind, Counter())
        hits = sum((w & g).values())
        figures[f"findings {kind}"] = {
            "precision": hits / sum(g.values()) if g else 1.0, "recall": hits / sum(w.values()) if w else 1.0,
            "want": sum(w.values()), "got": sum(g.values()), "hits": hits,
            "missed": [(u, next(p["detail"] for p in truth["problems"] if p["kind"] == kind and p["url"] == u), "—")
                       for u in sorted((w - g).elements())][:SHOW],
            "false": [(u, next(f["detail"] for f in found if f["kind"] == kind and rel(f["url"], base) == u), "—")
                      for u in sorted((g - w).elements())][:SHOW]}
    flagged = {(f["kind"], rel(f["url"], base)) for f in found}
    figures["not_problems flagged"] = [(p["kind"], p["url"], p["detail"]) for p in truth["not_problems"]
                                       if (p["kind"], p["url"]) in flagged]
    return figures


def report(figures: dict) -> str:
    lines = [f"{'measure':34} {'precision':>9} {'recall':>7} {'want':>6} {'got':>6}"]
    for name, m in figures.items():
        if not isinstance(m, dict):
            continue
        lines.append(f"{name:34} {m['precision']:9.3f} {m['recall']:7.3f} {m['want']:6} {m['got']:6}")
        lines += [f"    missed {k}: expected {w!r}, got {g!r}" for k, w, g in m["missed"]]
        lines += [f"    false  {k}: got {g!r}" + (f", expected {w!r}" if w != "—" else "") for k, g, w in m["false"]]
    lines.append(f"not_problems flagged: {figures['not_problems flagged'] or 'none'}")
    return "\n".join(lines)


def run(out: Path, seed: int, portal: str = "county") -> dict:
    truth = json.loads(PORTALS[portal](out, seed=seed, as_of=AS_OF).read_text(encoding="utf-8"))
    db = out / "county.db"
    for suffix in ("", "-wal", "-shm"):
        Path(f"{db}{suffix}").unlink(missing_ok=True)
    with serve(out / "site") as base:
        config = out / "county.yml"
        config.write_text(f"name: county\nstart_url: {base}/index.html\ndb: {db}\ncheck_external: false\n", encoding="utf-8")
        portalwatch("crawl", config, "--today", AS_OF, "--quiet")
    portalwatch("check", "--db", db, "--config", config, "--as-of", AS_OF, "--quiet")
    found = json.loads(portalwatch("findings", "--db", db, "--format", "json", "--status", "open"))
    return score(db, truth, base, found)


def main(argv: list | None = None) -> dict:
    parser = argparse.ArgumentParser(prog="python -m bench.heldout", description=__doc__.split("\n\n")[0])
    parser.add_argument("--portal", choices=sorted(PORTALS), default="county")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--keep", metavar="DIR", help="generate, crawl and keep everything in DIR")
    args = parser.parse_args(argv)
    if args.keep:
        Path(args.keep).mkdir(parents=True, exist_ok=True)
        figures = run(Path(args.keep), args.seed, args.portal)
    else:
        with tempfile.TemporaryDirectory(prefix="heldout-") as tmp:
            figures = run(Path(tmp), args.seed, args.portal)
    print(report(figures))
    return figures


if __name__ == "__main__":
    main()
