"""Crawl the sample portal at 10x size, beside wget as the reference, and print the figures.

Everything runs on 127.0.0.1. Figures go to stdout and to var/bench/results.json.
"""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
from contextlib import ExitStack, contextmanager
from datetime import date
from pathlib import Path

from sample.generate import generate_site

ROOT = Path("var/bench")
AS_OF = date(2019, 12, 31)
SCALE = int(os.environ.get("BENCH_SCALE", "10"))


def run(cmd: list[str], **kwargs) -> tuple[float, int, int]:
    """Wall seconds, peak RSS in MB and exit status of one child process."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, **kwargs)
    _, status, usage = os.wait4(proc.pid, 0)
    proc.returncode = os.waitstatus_to_exitcode(status)
    return time.perf_counter() - start, usage.ru_maxrss // 1024, proc.returncode


@contextmanager
def served(site_root: Path):
    proc = subprocess.Popen([sys.executable, "-m", "crawler", "sample", "serve", str(site_root),
                             "--port", "0"], stdout=subprocess.PIPE, text=True)
    try:
        line = proc.stdout.readline()
        url = next(word for word in line.split() if word.startswith("http://"))
        yield url.rstrip("/")
    finally:
        proc.terminate()
        proc.wait()


def fresh_db(path: Path) -> Path:
    for suffix in ("", "-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    return path.resolve()


def fresh_site(name: str, url: str) -> tuple[Path, Path]:
    """An empty database and a site config for the served portal."""
    db = fresh_db(ROOT / f"{name}.db")
    config = ROOT / f"{name}.yml"
    config.write_text(f"name: bench\nstart_url: {url}/index.html\ndb: {db}\n"
                      "politeness:\n  concurrency: 16\n", encoding="utf-8")
    return db, config


def sample_portal() -> tuple[Path, dict]:
    out = ROOT / f"portal-x{SCALE}"
    truth_path = out / "ground_truth.json"
    if not truth_path.exists():
        t = time.perf_counter()
        generate_site(out, seed=1, as_of=AS_OF, scale=SCALE)
        print(f"generated the x{SCALE} sample portal in {time.perf_counter() - t:.1f} s")
    return out / "site", json.loads(truth_path.read_text(encoding="utf-8"))


def bench_crawl(results: dict) -> None:
    site_root, truth = sample_portal()
    pages = truth["counts"]["pages"]
    print(f"sample portal: {pages} pages, {truth['counts']['items']} items, 214 columns")
    with served(site_root) as url:
        if shutil.which("wget"):
            tmp = ROOT / "wget"
            shutil.rmtree(tmp, ignore_errors=True)
            tmp.mkdir(parents=True)
            wall, rss, _ = run(["wget", "--recursive", "--spider", "--level=inf", "--no-verbose",
                                "-e", "robots=off", "--no-parent", "-P", str(tmp), f"{url}/index.html"],
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            results["wget_s"] = round(wall, 1)
            print(f"wget --recursive --spider: {wall:.1f} s ({pages / wall:.0f} pages/s), peak RSS {rss} MB")
        db, config = fresh_site("bench", url)
        wall, rss, status = run([sys.executable, "-m", "crawler", "crawl", str(config), "--today",
                                 AS_OF.isoformat(), "--quiet"])
        floor = subprocess.run([sys.executable, "-m", "bench.floor", str(config), str(db)],
                               capture_output=True, text=True).stdout.split()
    fetched = json.loads(subprocess.run([sys.executable, "-m", "crawler", "status", "--db", str(db), "--json"],
                                        capture_output=True, text=True).stdout)
    results.update(portalwatch_s=round(wall, 1), portalwatch_rss_mb=rss,
                   pages_per_s=round(fetched["pages"] / wall), pages=fetched["pages"])
    print(f"portalwatch crawl: {wall:.1f} s ({fetched['pages'] / wall:.0f} pages/s), peak RSS {rss} MB, "
          f"{fetched['pages']} pages, {fetched['items']} items, {fetched['links']} links, exit {status}")
    if len(floor) == 2:
        fetched_only, floor_s = int(floor[0]), float(floor[1])
        results.update(scrapy_floor_s=round(floor_s, 1))
        print(f"Scrapy alone, same settings, fetching the same {fetched_only} URLs and doing nothing "
              f"(bench/floor.py): {floor_s:.1f} s ({fetched_only / floor_s:.0f} pages/s)")
    if "wget_s" in results:
        print(f"portalwatch / wget wall time: {wall / results['wget_s']:.2f}x (goal: at most 1.5x)")
        if "scrapy_floor_s" in results:
            print(f"Scrapy's floor / wget: {results['scrapy_floor_s'] / results['wget_s']:.2f}x; "
                  f"portalwatch / Scrapy's floor: {wall / results['scrapy_floor_s']:.2f}x")


@contextmanager
def redis_server():
    import redis
    import socket
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    sock.close()
    proc = subprocess.Popen(["redis-server", "--port", str(port), "--bind", "127.0.0.1", "--save", "",
                             "--appendonly", "no"], stdout=subprocess.DEVNULL)
    client = redis.Redis(port=port)
    for _ in range(100):
        try:
            client.ping()
            break
        except redis.ConnectionError:
            time.sleep(0.05)
    try:
        yield f"redis://127.0.0.1:{port}/0", client
    finally:
        proc.terminate()
        proc.wait()


def bench_redis(results: dict) -> None:
    if not shutil.which("redis-server"):
        print("redis-server not installed: skipping the scale-out figures")
        return
    site_root, truth = sample_portal()
    with served(site_root) as url, redis_server() as (redis_url, client):
        db, config = fresh_site("bench-redis", url)
        wall, rss, status = run([sys.executable, "-m", "crawler", "crawl", str(config), "--today",
                                 AS_OF.isoformat(), "--quiet", "--redis", redis_url, "--workers", "2"])
        peak = client.info("memory").get("used_memory_peak_human")
    pages = truth["counts"]["pages"]
    results.update(redis_s=round(wall, 1), redis_pages_per_s=round(pages / wall), redis_peak_memory=peak)
    print(f"portalwatch crawl --redis --workers 2: {wall:.1f} s ({pages / wall:.0f} pages/s), "
          f"Redis peak memory {peak}, exit {status}")


def bench_many_sites(results: dict, count: int = 12) -> None:
    from sample.server import serve
    folder = ROOT / "districts"
    configs = folder / "sites"
    shutil.rmtree(configs, ignore_errors=True)
    configs.mkdir(parents=True)
    roots = []
    for seed in range(1, count + 1):
        out = folder / f"district-{seed}"
        if not (out / "ground_truth.json").exists():
            generate_site(out, seed=seed, as_of=AS_OF, scale=1)
        roots.append(out / "site")
    db = fresh_db(folder / "city.db")
    with ExitStack() as stack:
        for seed, root in enumerate(roots, 1):
            url = stack.enter_context(serve(root))
            (configs / f"district{seed:02d}.yml").write_text(
                f"name: district{seed:02d}\nstart_url: {url}/index.html\ndb: {db}\n", encoding="utf-8")
        wall, rss, status = run([sys.executable, "-m", "crawler", "crawl", "--all", str(configs),
                                 "--parallel", "2", "--today", AS_OF.isoformat(), "--quiet"])
    results.update(districts=count, districts_s=round(wall, 1), districts_rss_mb=rss)
    print(f"{count} district portals, crawl --all --parallel 2: {wall:.1f} s, peak RSS {rss} MB, exit {status}")


def bench_heldout(results: dict) -> None:
    import tempfile
    from bench.heldout import PORTALS, report, run
    results["heldout"] = {}
    for portal in PORTALS:
        print(f"held-out portal sample/{portal} (seed 1), crawled and checked: precision and recall")
        with tempfile.TemporaryDirectory(prefix="heldout-") as tmp:
            figures = run(Path(tmp), 1, portal)
        print("\n".join("  " + line for line in report(figures).splitlines()))
        results["heldout"][portal] = {name: {"precision": round(m["precision"], 3), "recall": round(m["recall"], 3)}
                                      for name, m in figures.items() if isinstance(m, dict)}


def bench_check(results: dict) -> None:
    from crawler.checks.bench import bench
    db = fresh_db(ROOT / "check-100k.db")
    print("portalwatch check on a 100,000-item store:")
    figures = bench(items=100_000, db_path=db, echo=lambda line: print("  " + line))
    results["check_100k"] = {k: v for k, v in figures.items() if k != "steps"}


def bench_report(results: dict) -> None:
    from crawler.reporting.bench import bench
    print("portalwatch report on the 100,000-item store:")
    results["report_100k"] = bench(db_path=ROOT / "check-100k.db", echo=lambda line: print("  " + line))


def bench_review(results: dict) -> None:
    from crawler.review.bench import bench
    print("portalwatch review with 20,000 findings (median ms per page):")
    results["review"] = bench()


def main() -> None:
    ROOT.mkdir(parents=True, exist_ok=True)
    results: dict = {"scale": SCALE}
    for step in (bench_crawl, bench_redis, bench_many_sites, bench_heldout, bench_check, bench_report,
                 bench_review):
        step(results)
    (ROOT / "results.json").write_text(json.dumps(results, indent=1), encoding="utf-8")


if __name__ == "__main__":
    main()
