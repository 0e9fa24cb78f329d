"""The review app through Flask's test client, on the crawled sample portal checked by the
real `portalwatch check`: screens, filters, decisions, bulk, exports, escaping, CSRF, login,
and the `review` command's refusal to serve beyond this machine without a password."""
from __future__ import annotations

import csv
import io
import json
import re
import subprocess
import sys
from urllib.parse import quote

import openpyxl
import pytest

from conftest import portalwatch
from crawler import decisions, store
from crawler.review import create_app
from review_helpers import copy_db, next_crawl

SCRIPT_TITLE = "关于“网站安全”测试信息<script>alert(1)</script>的\"说明\""


@pytest.fixture(scope="module")
def checked(crawled_sample, tmp_path_factory):
    """The crawled sample checked once (never written to afterwards)."""
    path = copy_db(crawled_sample.db_path, tmp_path_factory.mktemp("review") / "sample.db")
    portalwatch("check", "--db", path, "--as-of", crawled_sample.as_of.isoformat(), "--quiet")
    return path


@pytest.fixture
def db_path(checked, tmp_path):
    return copy_db(checked, tmp_path / "sample.db")


def csrf_of(html: str) -> str:
    return re.search(r'name="csrf_token" value="([^"]+)"', html).group(1)


class Analyst:
    """A browser session on the app: remembers its CSRF token."""

    def __init__(self, app, name="王晓明"):
        self.client = app.test_client()
        page = self.client.get("/reviewer").get_data(as_text=True)
        self.csrf = csrf_of(page)
        resp = self.client.post("/reviewer", data={"name": name, "next": "/", "csrf_token": self.csrf})
        assert resp.status_code == 302

    def get(self, path, **kw):
        resp = self.client.get(path, **kw)
        assert resp.status_code == 200, (path, resp.status_code)
        return resp.get_data(as_text=True)

    def post(self, path, data, **kw):
        return self.client.post(path, data={**data, "csrf_token": self.csrf}, **kw)


@pytest.fixture
def app(db_path):
    return create_app(db_path, secret_key="test-key")


@pytest.fixture
def analyst(app):
    return Analyst(app)


def db_of(path):
    return store.open_db(path)


def first_id(path, where="1", args=()):
    return db_of(path).execute(f"select id from findings where {where} order by id limit 1", list(args)).fetchone()[0]


def list_ids(html: str) -> list[int]:
    return [int(i) for i in re.findall(r'<tr data-id="(\d+)"', html)]


# -- reviewer, overview -------------------------------------------------------------------------


def test_first_visit_asks_the_reviewers_name_once(app):
    client = app.test_client()
    resp = client.get("/")
    assert resp.status_code == 302 and "/reviewer" in resp.headers["Location"]
    page = client.get("/reviewer").get_data(as_text=True)
    assert "请填写审核人" in page
    resp = client.post("/reviewer", data={"name": "  李 娜 ", "next": "/findings", "csrf_token": csrf_of(page)})
    assert resp.status_code == 302 and resp.headers["Location"].endswith("/findings")
    assert "李 娜" in client.get("/").get_data(as_text=True)
    # an outside `next` is not followed
    resp = client.post("/reviewer", data={"name": "李娜", "next": "//evil.example/", "csrf_token": csrf_of(page)})
    assert resp.headers["Location"] == "/"


def test_overview_shows_verdicts_units_and_the_column_tree(analyst, db_path):
    page = analyst.get("/")
    db = db_of(db_path)
    for v in db.query("select * from verdicts where veto = 1"):
        assert v["label"] in page
    # 互动回应差 fails the site, 栏目不更新① warns, 首页不更新 passes
    assert re.search(r"互动回应差.*?badge lv-veto\">不合格", page, re.S)
    assert re.search(r"栏目不更新①动态/通知.*?badge lv-warning\">预警", page, re.S)
    assert re.search(r"首页不更新.*?badge lv-ok\">合格", page, re.S)
    assert 'id="overall-verdict">不合格' in page
    for unit in ("区医保局", "褚墩镇"):
        assert f">{unit}</a>" in page
    # the column tree: names, newest dates, item counts, staleness badges
    col = next(db.query("select * from columns where url like '%/bmkx/ybj/index.html'"))
    assert f'{quote(col["url"], safe="/")}">区医保局</a>' in page
    assert col["newest_date"][:10] in page and f"{col['item_count']} 条" in page
    assert "动态类栏目不更新" in page and "age-fresh" in page and "age-old" in page
    assert "首次访问" in page


def test_new_findings_since_the_last_visit(app, db_path, crawled_sample):
    Analyst(app).get("/")                                   # the visit ends on check 1
    broken = db_of(db_path).execute("select url from targets where status = 200 and kind = 'attachment' "
                                    "order by url limit 1").fetchone()[0]
    next_crawl(db_path, "sample", statuses={broken: 404})
    portalwatch("check", "--db", db_path, "--as-of", crawled_sample.as_of.isoformat(), "--quiet")
    fresh = Analyst(app)                                    # a later visit by the same person
    page = fresh.get("/")
    assert re.search(r'id="new-since" href="[^"]*new_after=1[^"]*">\s*<span class="stat-n">1</span>', page)
    listed = fresh.get("/findings?new_after=1&status=all")
    (fid,) = list_ids(listed)
    assert db_of(db_path)["findings"].get(fid)["url"] == broken


# -- the list ---------------------------------------------------------------------------------------


def test_list_is_veto_first_and_filters(analyst, db_path):
    db = db_of(db_path)
    total = db["findings"].count
    assert total > 20
    page = analyst.get("/findings?per=20")
    ids = list_ids(page)
    assert len(ids) == 20 and f'id="total">{total}<' in page
    severities = [db["findings"].get(i)["severity"] for i in ids + list_ids(analyst.get("/findings?per=200"))]
    assert severities[20:] == sorted(severities[20:], key=["veto", "deduct", "warning"].index)
    assert severities[:20] == severities[20:40]
    # the next page goes on where this one stopped
    assert list_ids(analyst.get("/findings?per=20&page=2")) == list_ids(analyst.get("/findings?per=200"))[20:40]
    # by kind
    n = db.execute("select count(*) from findings where kind = 'broken_link'").fetchone()[0]
    ids = list_ids(analyst.get("/findings?kind=broken_link"))
    assert len(ids) == n and {db["findings"].get(i)["kind"] for i in ids} == {"broken_link"}
    # by unit, column subtree, severity, text, first-seen dates
    ids = list_ids(analyst.get("/findings?unit=" + quote("褚墩镇")))
    assert ids and all(db["findings"].get(i)["unit"] == "褚墩镇" for i in ids)
    ids = list_ids(analyst.get("/findings?column=" + quote("政务公开 > 政府信息公开")))
    assert ids and all(db["findings"].get(i)["column_name"].startswith("政务公开 > 政府信息公开 > ") for i in ids)
    assert set(list_ids(analyst.get("/findings?severity=veto"))) == {
        r[0] for r in db.execute("select id from findings where severity = 'veto'")}
    ids = list_ids(analyst.get("/findings?q=" + quote("条列")))
    assert ids and all("条列" in db["findings"].get(i)["detail"] for i in ids)
    assert list_ids(analyst.get("/findings?seen_from=2020-01-01")) == []
    assert len(list_ids(analyst.get("/findings?seen_from=2019-12-31&seen_to=2019-12-31&per=200"))) == total
    # sorting by unit
    ids = list_ids(analyst.get("/findings?sort=unit&per=200"))
    units = [db["findings"].get(i)["unit"] for i in ids]
    assert units == sorted(units)
    # junk in the query string is ignored, not an error
    analyst.get("/findings?page=abc&sort=drop%20table&status=x&seen_from=yesterday")


def test_decisions_from_the_detail_page(analyst, db_path):
    fid = first_id(db_path, "kind = 'stale_dynamic'")
    page = analyst.get(f"/findings/{fid}")
    assert "部门快讯" in page and "栏目最新信息" in page and 'id="btn-confirm"' in page
    resp = analyst.post(f"/findings/{fid}/decide", {"decision": "confirmed", "note": "已电话通知", "back": ""})
    assert resp.status_code == 302
    page = analyst.get(f"/findings/{fid}")
    assert 'badge st-confirmed">已确认' in page and "已电话通知" in page and "王晓明" in page
    # dismissing needs a reason
    analyst.post(f"/findings/{fid}/decide", {"decision": "dismissed", "reason": "", "reason_text": ""})
    assert decisions.effective_status(db_of(db_path), fid) == "confirmed"
    assert "排除（误报）需要填写理由" in analyst.get(f"/findings/{fid}")
    analyst.post(f"/findings/{fid}/decide", {"decision": "dismissed", "reason": "其他", "reason_text": "专题栏目"})
    (row, *_) = decisions.history(db_of(db_path), fid)
    assert (row["decision"], row["reason"], row["by"]) == ("dismissed", "专题栏目", "王晓明")
    # "then next" moves along the list the analyst came from
    back = "kind=stale_dynamic"
    ids = list_ids(analyst.get("/findings?" + back))
    resp = analyst.post(f"/findings/{ids[0]}/decide", {"decision": "fixed", "then": "next", "back": back})
    assert resp.headers["Location"].endswith(f"/findings/{ids[1]}?{back}")
    # also when the decided finding leaves the list (only pending ones shown)
    back = "status=open&kind=broken_link"
    ids = list_ids(analyst.get("/findings?" + back))
    resp = analyst.post(f"/findings/{ids[0]}/decide", {"decision": "confirmed", "then": "next", "back": back})
    assert resp.headers["Location"].endswith(f"/findings/{ids[1]}?{back}")
    assert analyst.client.get("/findings/999999").status_code == 404


def test_bulk_decisions_on_a_filtered_selection(analyst, db_path):
    db = db_of(db_path)
    n = db.execute("select count(*) from findings where kind = 'policy_interpretation_link'").fetchone()[0]
    resp = analyst.post("/findings/bulk", {"scope": "filter", "kind": "policy_interpretation_link",
                                           "decision": "dismissed", "reason": "规则不适用于本站"})
    assert resp.status_code == 302 and "kind=policy_interpretation_link" in resp.headers["Location"]
    assert f"已对 {n} 条问题执行" in analyst.get(resp.headers["Location"])
    rows = list(db.query("select * from decisions"))
    assert len(rows) == n and len({r["batch"] for r in rows}) == 1
    assert len(list_ids(analyst.get("/findings?status=dismissed"))) == n
    # selected rows only; ids of another site or nonsense are ignored
    picked = list_ids(analyst.get("/findings?kind=broken_link"))[:2]
    analyst.post("/findings/bulk", {"scope": "selected", "ids": [*map(str, picked), "99999", "x"],
                                    "decision": "confirmed"})
    assert {i for i, s in decisions.effective_statuses(db).items() if s == "confirmed"} == set(picked)
    # a bulk dismissal without reason records nothing
    analyst.post("/findings/bulk", {"scope": "filter", "kind": "typo", "decision": "dismissed"})
    assert db["decisions"].count == n + 2


def test_csrf_token_is_required_on_every_post(app, db_path):
    analyst = Analyst(app)
    fid = first_id(db_path)
    for data in ({"decision": "confirmed"}, {"decision": "confirmed", "csrf_token": "forged"}):
        resp = analyst.client.post(f"/findings/{fid}/decide", data=data)
        assert resp.status_code == 400 and "安全校验失败" in resp.get_data(as_text=True)
    resp = analyst.client.post("/findings/bulk", data={"scope": "filter", "decision": "confirmed"})
    assert resp.status_code == 400
    resp = analyst.client.post("/reviewer", data={"name": "mallory"})
    assert resp.status_code == 400
    assert db_of(db_path)["decisions"].count == 0
    # the token travels in a header too (for scripts)
    resp = analyst.client.post(f"/findings/{fid}/decide", data={"decision": "confirmed"},
                               headers={"X-CSRF-Token": analyst.csrf})
    assert resp.status_code == 302 and db_of(db_path)["decisions"].count == 1


def test_password_protects_every_page(db_path):
    app = create_app(db_path, password="s3cret", secret_key="k")
    client = app.test_client()
    for path in ("/", "/findings", "/findings.csv", "/reviewer"):
        resp = client.get(path)
        assert resp.status_code == 302 and "/login" in resp.headers["Location"], path
    page = client.get("/login").get_data(as_text=True)
    assert client.post("/login", data={"password": "s3cret"}).status_code == 400      # no CSRF token
    resp = client.post("/login", data={"password": "wrong", "csrf_token": csrf_of(page)})
    assert resp.status_code == 200 and "密码不正确" in resp.get_data(as_text=True)
    resp = client.post("/login", data={"password": "s3cret", "csrf_token": csrf_of(page), "next": "/findings"})
    assert resp.status_code == 302 and resp.headers["Location"].endswith("/findings")
    assert "/reviewer" in client.get("/").headers["Location"]          # logged in; now the name


def test_security_headers(analyst):
    resp = analyst.client.get("/findings")
    csp = resp.headers["Content-Security-Policy"]
    assert "script-src 'self'" in csp and "frame-ancestors 'none'" in csp
    assert resp.headers["X-Content-Type-Options"] == "nosniff"
    assert "HttpOnly" in resp.headers.get("Set-Cookie", "HttpOnly")


# -- crawled text is text -------------------------------------------------------------------------


def add_finding(db_path, **row):
    db = db_of(db_path)
    base = {"site": "sample", "fingerprint": f"test-{row.get('url')}", "kind": "typo", "severity": "deduct",
            "indicator": "typos", "status": "open", "first_seen": "2019-12-31", "last_seen": "2019-12-31",
            "first_check": 1, "last_check": 1, "crawl_id": 1, "seen_count": 1, "unit": "本级"}
    table = db["findings"]
    table.insert({**base, **row})
    return table.last_rowid


def test_markup_in_crawled_titles_is_shown_as_text_everywhere(analyst, db_path):
    db = db_of(db_path)
    item = next(db.query("select * from items where title like '%<script>%'"))
    assert item["title"] == SCRIPT_TITLE
    escaped = "关于“网站安全”测试信息&lt;script&gt;alert(1)&lt;/script&gt;的&#34;说明&#34;"
    fid = add_finding(db_path, url=item["url"], column_url=item["column_url"], column_name="通知公告",
                      detail=f"错别字「测试」：{item['title']}",
                      evidence=json.dumps({"wrong": "<script>", "right": "x", "context": item["title"],
                                           "title": item["title"]}, ensure_ascii=False))
    pages = {
        "column": analyst.get("/column?url=" + quote(item["column_url"])),
        "snapshot": analyst.get("/page?url=" + quote(item["url"])),
        "list": analyst.get("/findings?q=" + quote("网站安全")),
        "detail": analyst.get(f"/findings/{fid}"),
    }
    for name, page in pages.items():
        assert "<script>alert(1)" not in page, name
        assert escaped in page, name
        assert len(re.findall(r"<script\b", page)) == 1, name          # only the app's own app.js
    # the attribute-breaking quote stays inside its attribute
    assert f'title="{escaped}"' in pages["column"]
    # the typo sentence highlights the "wrong form" as text
    assert "<mark>&lt;script&gt;</mark>" in pages["detail"]
    # exports carry the text as it is, never as markup or formula
    text = analyst.client.get("/findings.csv?q=" + quote("网站安全")).get_data().decode("utf-8-sig")
    (row,) = csv.DictReader(io.StringIO(text))
    assert row["问题说明"].endswith(item["title"])


def test_links_only_to_web_addresses(analyst, db_path):
    fid = add_finding(db_path, url="javascript:alert(1)", detail="奇怪的链接", evidence="{}")
    page = analyst.get(f"/findings/{fid}")
    assert 'href="javascript:' not in page and "javascript:alert(1)" in page


# -- exports ---------------------------------------------------------------------------------------


def test_exports_are_the_filtered_list(analyst, db_path):
    db = db_of(db_path)
    unit = "区司法局"
    want = [r[0] for r in db.execute("select id from findings where unit = ?", [unit])]
    add_finding(db_path, url="http://x/formula", unit=unit, detail="=HYPERLINK(\"http://evil\",\"点我\")",
                evidence="{}")
    resp = analyst.client.get("/findings.csv?unit=" + quote(unit))
    assert resp.status_code == 200 and resp.mimetype == "text/csv"
    assert "filename*=UTF-8''" in resp.headers["Content-Disposition"]
    assert resp.data.startswith("\ufeff".encode())
    rows = list(csv.DictReader(io.StringIO(resp.data.decode("utf-8-sig"))))
    assert len(rows) == len(want) + 1 and {r["单位"] for r in rows} == {unit}
    assert {int(r["编号"]) for r in rows} >= set(want)
    assert any(r["问题说明"].startswith("'=HYPERLINK") for r in rows)
    resp = analyst.client.get("/findings.xlsx?unit=" + quote(unit))
    assert resp.status_code == 200
    ws = openpyxl.load_workbook(io.BytesIO(resp.data)).active
    assert unit in ws["A1"].value
    header = [c.value for c in ws[3]]
    assert header[:4] == ["编号", "单位", "栏目", "问题类型"]
    body = list(ws.iter_rows(min_row=4, values_only=True))
    assert len(body) == len(want) + 1
    formula = next(c for r in ws.iter_rows(min_row=4) for c in r if str(c.value).startswith("=HYPERLINK"))
    assert formula.data_type == "s"


# -- persistence across crawls ---------------------------------------------------------------------


def test_decisions_survive_the_next_crawl_and_check(analyst, db_path, crawled_sample):
    db = db_of(db_path)
    stale = first_id(db_path, "kind = 'stale_dynamic'")
    link = next(db.query("select id, url from findings where kind = 'broken_link' "
                         "and json_extract(evidence, '$.status') = 404 order by id limit 1"))
    analyst.post(f"/findings/{stale}/decide", {"decision": "dismissed", "reason": "误报：日期识别有误"})
    analyst.post(f"/findings/{link['id']}/decide", {"decision": "fixed"})
    # the unit fixes the link; a week later the next crawl and check (the column is older now)
    next_crawl(db_path, "sample", statuses={link["url"]: 200})
    portalwatch("check", "--db", db_path, "--as-of", "2020-01-07", "--quiet")
    assert decisions.effective_status(db, stale) == "dismissed"
    assert decisions.effective_status(db, link["id"]) == "fixed"
    assert db["findings"].get(link["id"])["status"] == "resolved"
    # the link breaks again
    next_crawl(db_path, "sample", statuses={link["url"]: 404})
    portalwatch("check", "--db", db_path, "--as-of", "2020-01-08", "--quiet")
    assert decisions.effective_status(db, stale) == "dismissed"
    (row,) = decisions.review_rows(db, [link["id"]])
    assert row["review_status"] == "open" and row["came_back"] == 1
    page = analyst.get(f"/findings/{link['id']}")
    assert "整改后再次发现" in page and 'badge st-open">待审核' in page


# -- the command ------------------------------------------------------------------------------------


def review_cmd(*args, env=None):
    import os
    full_env = {k: v for k, v in os.environ.items() if k != "PORTALWATCH_PASSWORD"}
    full_env.update(env or {})
    return subprocess.run([sys.executable, "-m", "crawler.review", *map(str, args)],
                          capture_output=True, text=True, env=full_env, timeout=60)


def test_review_refuses_other_hosts_without_a_password(db_path, tmp_path):
    result = review_cmd("--db", db_path, "--host", "0.0.0.0")
    assert result.returncode == 2
    assert result.stderr.strip().count("\n") == 0 and "password" in result.stderr
    assert result.stdout == ""
    # with a password the gate opens (stopped here by the missing database, before binding)
    result = review_cmd("--db", tmp_path / "none.db", "--host", "0.0.0.0", env={"PORTALWATCH_PASSWORD": "x"})
    assert result.returncode == 2 and "no such database" in result.stderr
    config = tmp_path / "site.yml"
    config.write_text(f"name: sample\nstart_url: http://127.0.0.1/\ndb: {tmp_path / 'none.db'}\n"
                      "review:\n  password: s3cret\n", encoding="utf-8")
    result = review_cmd("--config", config, "--host", "0.0.0.0")
    assert result.returncode == 2 and "no such database" in result.stderr
    assert review_cmd().returncode == 2


def test_review_serves_on_loopback(db_path):
    import os
    import urllib.request
    env = {k: v for k, v in os.environ.items() if k != "PORTALWATCH_PASSWORD"}
    proc = subprocess.Popen([sys.executable, "-m", "crawler.review", "--db", str(db_path), "--port", "0"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)
    try:
        line = proc.stdout.readline()
        url = re.search(r"http://127\.0\.0\.1:\d+/", line).group(0)
        with urllib.request.urlopen(url + "reviewer", timeout=10) as resp:
            assert resp.status == 200 and "审核人" in resp.read().decode("utf-8")
    finally:
        proc.terminate()
        proc.wait(10)


def test_bench_runs_small(tmp_path):
    from crawler.review.bench import bench
    result = bench(n_findings=300, rounds=2, workdir=tmp_path, quiet=True)
    assert result["store"]["findings"] == 300
    assert set(result["idle_ms"]) == set(result["busy_ms"]) and all(v > 0 for v in result["busy_ms"].values())
