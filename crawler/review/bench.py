"""Benchmark of the review app: a store with 20,000 findings, the app served by waitress in
its own process, the main pages timed (median ms), then timed again while another process
writes to the same database the way a crawl does.

    python -m crawler.review.bench [--findings 20000] [--rounds 15]
    from crawler.review.bench import bench; bench()

The store is built through the real tables: a crawl written by crawler.store (columns,
items, listings, links, targets), a check run with its verdicts, findings rows inserted
directly (as the check engine would leave them), and a few thousand decisions through
crawler.decisions.
"""
from __future__ import annotations

import http.cookiejar
import json
import multiprocessing
import random
import re
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.parse
import urllib.request
from pathlib import Path

from crawler import decisions, store
from crawler.checks import schema as check_schema

UNITS = ["本级"] + [f"区{n}" for n in (
    "发改局", "教育局", "科技局", "工信局", "公安分局", "民政局", "司法局", "财政局", "人社局", "自然资源局",
    "生态环境分局", "住建局", "交通运输局", "水利局", "农业农村局", "商务局", "文旅局", "卫健委", "退役军人事务局",
    "应急局", "审计局", "市场监管局", "统计局", "医保局", "城管局", "行政审批服务局", "综合行政执法局",
    "信访局", "大数据局", "档案馆", "融媒体中心", "残联")] + [f"{n}街道" for n in (
    "罗庄", "傅庄", "盛庄", "册山", "高都")] + [f"{n}镇" for n in ("褚墩", "黄山", "沂堂")]
KINDS = [("stale_dynamic", "veto", "columns_not_updated_1"), ("stale_longterm", "veto", "columns_not_updated_2"),
         ("blank_column", "veto", "columns_not_updated_3"), ("broken_link", "deduct", "broken_links"),
         ("broken_link", "warning", "broken_links"), ("typo", "deduct", "typos"),
         ("policy_interpretation_link", "deduct", "policy_interpretation"),
         ("missing_catalogue", "deduct", "catalogue"), ("date_suspicious", "warning", "serious_errors"),
         ("overdue_reply", "veto", "poor_response")]
BASE = "http://bench.example.gov.cn"


def build_store(path, n_findings: int = 20000, *, site: str = "bench", seed: int = 1,
                n_columns: int = 1200, items_per_column: int = 10) -> dict:
    """Write a store with one finished crawl, one check and `n_findings` findings."""
    rng = random.Random(f"{seed}:review-bench")
    path = Path(path)
    if path.exists():
        path.unlink()
    db = store.open_db(path)
    crawl_id = store.start_crawl(db, site, BASE + "/")
    columns, items, listings, links, targets = [], [], [], [], []
    for c in range(n_columns):
        unit = UNITS[c % len(UNITS)]
        parent = f"{BASE}/c{c // 20}/" if c >= 20 else None
        url = f"{BASE}/c{c}/"
        columns.append({"url": url, "name": f"{unit}栏目{c}", "parent_url": parent, "level": 1 if parent is None else 2,
                        "path": (f"{UNITS[(c // 20) % len(UNITS)]}栏目{c // 20} > " if parent else "") + f"{unit}栏目{c}"})
        for i in range(items_per_column):
            day = f"2019-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
            item_url = f"{url}t{day.replace('-', '')}_{c}_{i}.html"
            items.append({"url": item_url, "column_url": url, "title": f"{unit}关于第{i}项工作的通知",
                          "list_date": day, "meta_date": day,
                          "text": f"{unit}关于第{i}项工作的通知。" + "为进一步做好政务公开工作，现将有关事项通知如下。" * 20})
            listings.append({"page_url": url, "item_url": item_url, "column_url": url,
                             "title": f"{unit}关于第{i}项工作的通知", "date": day, "position": i})
            links.append({"source_url": item_url, "target_url": f"{BASE}/missing/{c}_{i}.html", "anchor": "相关链接"})
        targets.append({"url": f"{BASE}/missing/{c}_0.html", "kind": "page", "status": 404})
    for start in range(0, len(items), 2000):
        store.write_records(db, site, crawl_id, {
            "columns": columns if start == 0 else [], "items": items[start:start + 2000],
            "listings": listings[start:start + 2000], "links": links[start:start + 2000],
            "targets": targets if start == 0 else []})
    store.finish_crawl(db, crawl_id, "ok")

    check_schema.ensure_schema(db)
    checks = db["checks"]
    checks.insert({"site": site, "crawl_id": crawl_id, "as_of": "2019-12-31", "started": store.now(),
                   "finished": store.now(), "rules_hash": "bench", "open": n_findings, "new": n_findings,
                   "resolved": 0, "verdict": "不合格"})
    check_id = checks.last_pk
    verdicts = [("homepage_not_updated", "首页不更新", 1, 0, 1, None, "ok"),
                ("columns_not_updated_1", "栏目不更新①动态/通知", 1, 4, 5, 3, "warning"),
                ("columns_not_updated_2", "栏目不更新②长期未更新", 1, 12, 10, 6, "veto"),
                ("columns_not_updated_3", "栏目不更新③空白栏目", 1, 1, 5, 2, "ok"),
                ("poor_response", "互动回应差", 1, 2, 1, None, "veto"),
                ("broken_links", "错链断链", 0, 900, None, None, "ok")]
    db["verdicts"].insert_all([{"check_id": check_id, "site": site, "indicator": k, "label": label, "veto": veto,
                                "count": n, "threshold": th, "warn_at": warn, "value": str(n),
                                "verdict": None if not veto else ("不合格" if level == "veto" else "合格"),
                                "level": level} for k, label, veto, n, th, warn, level in verdicts],
                              pk=("check_id", "indicator"))
    rows = []
    for n in range(n_findings):
        kind, severity, indicator = KINDS[n % len(KINDS)]
        c = rng.randrange(n_columns)
        col = columns[c]
        item = items[c * items_per_column + rng.randrange(items_per_column)]
        url = col["url"] if kind.startswith(("stale", "blank")) else item["url"]
        evidence = {"newest": "2019-10-01", "age_days": 91, "class": "dynamic"} if kind.startswith("stale") else \
            {"status": 404, "confirmed": True, "failed_crawls": [crawl_id],
             "sources": [{"url": item["url"], "anchor": "相关链接", "tag": "a"}], "sources_count": 1} \
            if kind == "broken_link" else {"wrong": "条列", "right": "条例", "context": item["title"] + "条列"} \
            if kind == "typo" else {"title": item["title"]}
        seen = f"2019-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
        rows.append({"site": site, "fingerprint": f"bench{n}", "kind": kind, "severity": severity,
                     "indicator": indicator, "status": "open" if n % 17 else "resolved", "url": url,
                     "column_url": col["url"], "column_name": col["path"], "unit": UNITS[c % len(UNITS)],
                     "detail": f"{col['path']}：第 {n} 号问题（{kind}）", "evidence": json.dumps(evidence, ensure_ascii=False, sort_keys=True),
                     "first_seen": seen, "last_seen": "2019-12-31", "resolved_on": None if n % 17 else "2019-12-31",
                     "first_check": check_id, "last_check": check_id, "crawl_id": crawl_id, "seen_count": 1})
    db["findings"].insert_all(rows, batch_size=2000)
    decisions.ensure_schema(db)
    ids = [r[0] for r in db.execute("select id from findings where site = ? order by id", [site])]
    decisions.decide(db, ids[::7], "confirmed", by="基准测试")
    decisions.decide(db, ids[3::11], "dismissed", by="基准测试", reason="误报")
    decisions.decide(db, ids[5::13], "fixed", by="基准测试")
    out = {"path": str(path), "site": site, "findings": len(ids), "items": len(items), "columns": len(columns),
           "decisions": db["decisions"].count, "sample_id": ids[len(ids) // 2], "unit": UNITS[3]}
    db.conn.close()
    return out


# -- the app in its own process ------------------------------------------------------------


class Served:
    """`python -m crawler.review --db PATH --port 0` in a child process."""

    def __init__(self, db_path):
        self.proc = subprocess.Popen([sys.executable, "-m", "crawler.review", "--db", str(db_path), "--port", "0"],
                                     stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        line = self.proc.stdout.readline()
        match = re.search(r"http://[\d.]+:\d+", line)
        if not match:
            self.stop()
            raise RuntimeError(f"the review app did not start: {line}{self.proc.stderr.read()}")
        self.url = match.group(0)

    def stop(self):
        if self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(10)
            except subprocess.TimeoutExpired:
                self.proc.kill()


class Client:
    """A browser-like client: keeps the session cookie, sends the CSRF token."""

    def __init__(self, base: str, reviewer: str = "基准测试"):
        self.base = base
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()))
        page = self.get("/reviewer")
        self.csrf = re.search(r'name="csrf_token" value="([^"]+)"', page).group(1)
        self.post("/reviewer", {"name": reviewer, "next": "/"})

    def get(self, path: str) -> str:
        with self.opener.open(self.base + path, timeout=60) as resp:
            return resp.read().decode("utf-8")

    def post(self, path: str, form: dict) -> int:
        body = urllib.parse.urlencode({**form, "csrf_token": self.csrf}).encode()
        with self.opener.open(urllib.request.Request(self.base + path, data=body), timeout=60) as resp:
            resp.read()
            return resp.status


def _writer(db_path: str, stop, counter, pause: float = 0.0) -> None:
    """Write like a crawl: batches of 200 items with their listings and links, one short
    transaction each, `pause` seconds apart (0: flat out)."""
    db = store.open_db(db_path)
    site = "bench-writer"
    crawl_id = store.start_crawl(db, site, BASE + "/w/")
    n = 0
    while not stop.is_set():
        batch = {"items": [], "listings": [], "links": []}
        for _ in range(200):
            url = f"{BASE}/w/{n}.html"
            batch["items"].append({"url": url, "column_url": f"{BASE}/w/", "title": f"写入测试{n}",
                                   "list_date": "2019-12-30", "text": "正文" * 200})
            batch["listings"].append({"page_url": f"{BASE}/w/", "item_url": url, "column_url": f"{BASE}/w/",
                                      "title": f"写入测试{n}", "date": "2019-12-30", "position": n})
            batch["links"].append({"source_url": url, "target_url": f"{BASE}/w/{n + 1}.html", "anchor": "下一篇"})
            n += 1
        store.write_records(db, site, crawl_id, batch)
        counter.value = n
        if pause:
            stop.wait(pause)
    db.conn.close()


def _time(fn, rounds: int) -> float:
    fn()     # warm up
    times = []
    for _ in range(rounds):
        start = time.perf_counter()
        fn()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def pages(info: dict) -> dict:
    unit = urllib.parse.quote(info["unit"])
    return {
        "overview": "/",
        "list page 1": "/findings",
        "list filtered": f"/findings?kind=broken_link&unit={unit}&q=%E9%97%AE%E9%A2%98&sort=newest&page=2",
        "list page 200": "/findings?status=all&page=200",
        "detail": f"/findings/{info['sample_id']}",
        "export csv (filtered)": f"/findings.csv?kind=typo&unit={unit}",
    }


def measure(client: Client, info: dict, rounds: int) -> dict:
    out = {name: _time(lambda p=path: client.get(p), rounds) for name, path in pages(info).items()}
    fid = info["sample_id"]
    out["decide (POST + redirect)"] = _time(lambda: client.post(f"/findings/{fid}/decide",
                                                                {"decision": "note", "note": "bench"}), rounds)
    # a decision that changes a status empties the cache: the next pages are computed afresh
    flip = iter(["confirmed", "reopened"] * (rounds + 2))
    for name, path in (("overview, after a decision", "/"), ("list page 1, after a decision", "/findings")):
        def cold(path=path):
            client.post(f"/findings/{fid + 1}/decide", {"decision": next(flip)})
            start = time.perf_counter()
            client.get(path)
            return time.perf_counter() - start
        cold()
        out[name] = statistics.median(cold() * 1000 for _ in range(rounds))
    return out


def _with_writer(info: dict, client: Client, rounds: int, pause: float) -> tuple[dict, float]:
    """Time the pages while another process writes to the same database."""
    ctx = multiprocessing.get_context("spawn")
    stop, counter = ctx.Event(), ctx.Value("i", 0)
    proc = ctx.Process(target=_writer, args=(info["path"], stop, counter, pause), daemon=True)
    proc.start()
    try:
        while counter.value == 0 and proc.is_alive():
            time.sleep(0.05)
        began, rows0 = time.perf_counter(), counter.value
        timings = measure(client, info, rounds)
        rate = (counter.value - rows0) / (time.perf_counter() - began)
    finally:
        stop.set()
        proc.join(30)
        if proc.is_alive():
            proc.terminate()
    return timings, rate


def bench(n_findings: int = 20000, rounds: int = 15, *, workdir=None, quiet: bool = False) -> dict:
    """Build the store, serve it, time the pages idle and under a concurrent writer; print and return."""
    say = (lambda *a: None) if quiet else print
    tmp = tempfile.TemporaryDirectory() if workdir is None else None
    base = Path(workdir or tmp.name)
    try:
        start = time.perf_counter()
        info = build_store(base / "review-bench.db", n_findings)
        say(f"store: {info['findings']} findings, {info['decisions']} decisions, {info['items']} items, "
            f"{info['columns']} columns ({time.perf_counter() - start:.1f} s)")
        served = Served(info["path"])
        try:
            client = Client(served.url)
            idle = measure(client, info, rounds)
            busy, rates = {}, {}
            for label, pause in (("crawl", 0.05), ("flat out", 0.0)):
                busy[label], rates[label] = _with_writer(info, client, rounds, pause)
        finally:
            served.stop()
        say(f"\nmedian of {rounds} requests (ms)       idle   writer: crawl-like   flat out")
        say(f"{'':40}{rates['crawl']:>8,.0f}/s {rates['flat out']:>8,.0f}/s items")
        for name in idle:
            say(f"  {name:<32} {idle[name]:>7.1f} {busy['crawl'][name]:>12.1f} {busy['flat out'][name]:>10.1f}")
        return {"store": info, "idle_ms": idle, "busy_ms": busy["flat out"], "crawl_like_ms": busy["crawl"],
                "writer_items_per_s": rates}
    finally:
        if tmp is not None:
            tmp.cleanup()


def main(argv=None):
    import argparse
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--findings", type=int, default=20000)
    parser.add_argument("--rounds", type=int, default=15)
    args = parser.parse_args(argv)
    bench(args.findings, args.rounds)


if __name__ == "__main__":
    main()
