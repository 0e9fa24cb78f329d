"""Availability probes against an injected slow/failing server, and the 站点无法访问 verdict."""
import json
import time
from datetime import date, datetime, timedelta
from http.server import BaseHTTPRequestHandler

import pytest
import sqlite_utils

from conftest import portalwatch, send_html, serving, write_site_config
from crawler import store

HOME = ("<html><head><meta charset='utf-8'><title>测试区人民政府</title></head><body>"
        "<ul><li><a href='/a.html'>区政府召开常务会议</a><span>{today}</span></li></ul></body></html>")
ARTICLE = ("<html><head><meta charset='utf-8'><title>区政府召开常务会议</title></head><body>"
           "<h1>区政府召开常务会议</h1><p>发布时间：2019-12-30</p></body></html>")


class Flaky(BaseHTTPRequestHandler):
    """The home page, too slow on the requests numbered in `slow`."""
    served = 0
    slow: set = set()

    def do_GET(self):
        Flaky.served += 1
        if Flaky.served in Flaky.slow:
            time.sleep(1.0)
        page = HOME.format(today=date.today().isoformat()) if self.path in ("/", "/index.html") else ARTICLE
        try:
            send_html(self, 200, page)
        except (BrokenPipeError, ConnectionResetError):
            pass


@pytest.fixture
def flaky_site(tmp_path):
    with serving(Flaky) as url:
        db = tmp_path / "flaky.db"
        config = write_site_config(tmp_path / "flaky.yml", url, db, name="flaky",
                                   politeness={"timeout": 0.4, "obey_robots": False})
        yield config, db


def test_probe_failures_give_the_availability_verdict(flaky_site):
    config, db = flaky_site
    portalwatch("crawl", config, "--quiet")
    Flaky.served = 0
    Flaky.slow = {3, 11}                       # 2 of 25 probes time out: 8 % ≥ 5 %
    result = portalwatch("probe", config, "--every", "0.02s", "--count", "25", check=False)
    rows = list(sqlite_utils.Database(db).query("select ok, error, elapsed_ms from probes"))
    assert len(rows) == 25
    assert sum(1 - r["ok"] for r in rows) == 2
    assert {r["error"] for r in rows if not r["ok"]} == {"timeout"}
    assert result.returncode in (0, 1)

    portalwatch("check", "--db", db)
    findings = json.loads(portalwatch("findings", "--db", db, "--format", "json", "--kind", "site_unreachable").stdout)
    assert [(f["kind"], f["severity"]) for f in findings] == [("site_unreachable", "veto")]
    assert "8.0 %" in findings[0]["detail"]


@pytest.mark.parametrize("failed, severity", [(2, None), (3, "warning"), (4, "warning"), (5, "veto")])
def test_failure_ratio_thresholds(tmp_path, failed, severity):
    from crawler.checks.base import Context
    from crawler.checks.rulepack import load_rules
    from crawler.checks import site_unreachable
    db = store.open_db(tmp_path / "p.db")
    now = datetime(2019, 12, 31, 12, 0).astimezone()
    rows = [{"url": "http://x/", "at": (now - timedelta(minutes=30 * n)).isoformat(), "status": 200,
             "elapsed_ms": 10.0, "ok": int(n >= failed), "error": None} for n in range(100)]
    rows.append({"url": "http://x/", "at": (now - timedelta(days=30)).isoformat(), "status": None,
                 "elapsed_ms": 15000.0, "ok": 0, "error": "timeout"})   # outside the period
    store.write_probes(db, "x", rows)
    ctx = Context(db=db, site="x", crawl_id=1, as_of=date(2019, 12, 31), rules=load_rules(), home_url="http://x/")
    found = site_unreachable.run(ctx)
    assert [f.severity for f in found] == ([severity] if severity else [])
    assert ctx.measures["site_unreachable"] == f"{failed:.1f} %"
