"""Tests for the sample portal: generator, ground truth and HTTP server."""
from __future__ import annotations

import hashlib
import html
import http.client
import json
import os
import re
import time
from collections import Counter
from email.utils import formatdate
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest
from click.testing import CliRunner

from sample.cli import sample
from sample.generate import generate_site
from sample.server import serve

LEVELS = [15, 31, 59, 109]
ROW = re.compile(r'<a href="([^"]+)" title="([^"]*)" target="_blank">[^<]*</a>'
                 r'(?:<span>([^<]*)</span>|</td><td class="[nod]">(?:[^<]*</td><td class="d">)?([^<]*)</td>)?')
HREF = re.compile(r'(?:href|src)="([^"]*)"')


def _tree_digest(root: Path) -> str:
    h = hashlib.sha256()
    for dp, dn, fn in sorted(os.walk(root)):
        dn.sort()
        for f in sorted(fn):
            p = Path(dp) / f
            h.update(str(p.relative_to(root)).encode())
            h.update(p.read_bytes())
    return h.hexdigest()


@pytest.fixture(scope="session")
def site1(tmp_path_factory):
    out = tmp_path_factory.mktemp("sample_seed1")
    gt_path = generate_site(out, seed=1)
    gt = json.loads(gt_path.read_text(encoding="utf-8"))
    files = set()
    root = out / "site"
    for dp, dn, fn in os.walk(root):
        for f in fn:
            files.add("/" + os.path.relpath(os.path.join(dp, f), root).replace(os.sep, "/"))
    return {"out": out, "root": root, "gt": gt, "gt_path": gt_path, "files": files}


def _read(site, url: str) -> str:
    return (site["root"] / url.lstrip("/")).read_text(encoding="utf-8")


# --------------------------------------------------------------------- generation

def test_ground_truth_shape(site1):
    gt = site1["gt"]
    assert list(gt) == ["seed", "as_of", "scale", "site", "home", "counts", "columns", "items", "problems",
                        "not_problems"]
    assert gt["seed"] == 1 and gt["as_of"] == "2019-12-31" and gt["scale"] == 1
    assert gt["site"] == {"name": "罗庄区人民政府", "site_id_code": "3713110001"}
    assert re.fullmatch(r"\d{10}", gt["site"]["site_id_code"])
    assert gt["home"]["url"] == "/index.html" and gt["home"]["newest_date"] <= gt["as_of"]
    assert 3000 <= gt["counts"]["items"] <= 4000
    assert gt["counts"]["items"] == len(gt["items"])
    col = gt["columns"][0]
    assert set(col) == {"url", "name", "parent", "level", "path", "class", "unit", "leaf", "item_count",
                        "newest_date", "list_pages"}
    assert set(gt["items"][0]) == {"url", "column", "title", "publish_date", "list_date"}
    # pages = home + list pages + articles, and exactly those HTML files exist (plus 404.html)
    pages = 1 + sum(c["list_pages"] for c in gt["columns"]) + len(gt["items"])
    assert gt["counts"]["pages"] == pages
    html_files = {f for f in site1["files"] if f.endswith(".html")} - {"/404.html"}
    assert len(html_files) == pages


def test_deterministic_and_seeded(site1, tmp_path_factory):
    again = tmp_path_factory.mktemp("sample_seed1_again")
    p2 = generate_site(again, seed=1)
    assert p2.read_bytes() == site1["gt_path"].read_bytes()
    assert _tree_digest(again / "site") == _tree_digest(site1["root"])
    other = tmp_path_factory.mktemp("sample_seed2")
    gt2 = json.loads(generate_site(other, seed=2, scale=0.3).read_text(encoding="utf-8"))
    assert gt2["site"]["name"] != site1["gt"]["site"]["name"]
    assert gt2["site"]["site_id_code"] != site1["gt"]["site"]["site_id_code"]
    assert gt2["counts"]["columns_by_level"] == LEVELS
    home2 = (other / "site" / "index.html").read_text(encoding="utf-8")
    assert gt2["site"]["name"] in home2 and "罗庄" not in home2


def test_column_tree(site1):
    gt = site1["gt"]
    cols = gt["columns"]
    assert gt["counts"]["columns_by_level"] == LEVELS
    assert Counter(c["level"] for c in cols) == dict(zip(range(1, 5), LEVELS))
    by_url = {c["url"]: c for c in cols}
    assert len(by_url) == 214
    for c in cols:
        assert c["class"] in {"dynamic", "notice_policy", "longterm", "static", "interaction", "catalogue"}
        assert c["url"].endswith("/index.html") and c["url"] in site1["files"]
        if c["parent"] is None:
            assert c["level"] == 1 and c["path"] == [c["name"]]
        else:
            p = by_url[c["parent"]]
            assert p["level"] == c["level"] - 1 and not p["leaf"]
            assert c["path"] == p["path"] + [c["name"]]
            assert c["url"].startswith(c["parent"][: -len("index.html")])
        if not c["leaf"]:
            assert c["item_count"] == 0 and c["newest_date"] is None and c["list_pages"] == 1
        else:
            assert c["list_pages"] == max(1, -(-c["item_count"] // 20))
    top = [c["name"] for c in cols if c["level"] == 1]
    for name in ("政务公开", "要闻动态", "通知公告", "部门快讯", "街镇动态", "政策文件", "政策解读", "互动交流"):
        assert name in top
    assert sorted(c["name"] for c in cols if c["parent"] == "/zcjd/index.html") == \
        sorted(["文字解读", "图片解读", "视频解读", "专家解读", "媒体解读"])
    units = [c for c in cols if c["parent"] == "/zwgk/zfxxgk/index.html"]
    assert units and all(c["unit"] and c["level"] == 3 for c in units)
    for u in units:
        for c in cols:
            if c["parent"] == u["url"]:
                assert c["unit"] == u["unit"] and c["level"] == 4
    assert by_url["/zwgk/zfxxgk/fgj/index.html"]["unit"] == "区发改局"


def test_list_pages_match_items(site1):
    gt = site1["gt"]
    items_by_col = {}
    for it in gt["items"]:
        items_by_col.setdefault(it["column"], []).append(it)
    for c in gt["columns"]:
        if not c["leaf"]:
            continue
        d = c["url"][: -len("index.html")]
        rows = []
        for k in range(c["list_pages"]):
            page = d + ("index.html" if k == 0 else f"index_{k}.html")
            text = _read(site1, page)
            box = text.split('<div class="content-box">', 1)[1].split('<div class="footer">', 1)[0]
            rows += [(urljoin("http://x" + page, m.group(1))[len("http://x"):], html.unescape(m.group(2)),
                      m.group(3) or m.group(4) or None) for m in ROW.finditer(box)]
            if c["list_pages"] > 1:
                assert f"共{c['item_count']}条 共{c['list_pages']}页 当前第{k + 1}页" in box
                assert "下一页" in box and "尾页" in box
        assert d + f"index_{c['list_pages']}.html" not in site1["files"]
        assert len(rows) == c["item_count"], c["url"]
        if c["item_count"] == 0:
            assert "暂无信息" in _read(site1, c["url"])
        expected = [(i["url"], i["title"], i["list_date"]) for i in items_by_col.get(c["url"], [])]
        assert rows == expected, c["url"]
        dated = [i["publish_date"] for i in items_by_col.get(c["url"], []) if i["publish_date"]]
        assert c["newest_date"] == (max(dated) if dated else None)


def test_articles_show_their_dates(site1):
    gt = site1["gt"]
    for it in gt["items"][::7]:
        text = _read(site1, it["url"])
        assert "<h1>" + html.escape(it["title"], quote=True) + "</h1>" in text
        if it["publish_date"]:
            assert f"发布时间：{it['publish_date']}" in text
            assert f"/t{it['publish_date'].replace('-', '')}_" in it["url"]
        else:
            assert "发布时间" not in text and "/content_" in it["url"]
        crumb = text.split('<div class="position w">', 1)[1].split("</div>", 1)[0]
        last = re.findall(r'<a href="([^"]+)">', crumb)[-1]
        assert urljoin("http://x" + it["url"], last) == "http://x" + it["column"]


def test_links_and_seeded_broken_links(site1):
    gt = site1["gt"]
    files = site1["files"]
    found = set()
    for f in files:
        if not f.endswith(".html") or f == "/404.html":
            continue
        for h in HREF.findall(_read(site1, f)):
            h = html.unescape(h)
            if h.startswith(("javascript:", "#")):
                continue
            sp = urlsplit(urljoin("http://site" + f, h))
            if sp.netloc != "site":
                assert sp.hostname.startswith("127."), h   # nothing on the real internet
                found.add((f"{sp.scheme}://{sp.netloc}{sp.path}", f))
                continue
            target = sp.path + ("index.html" if sp.path.endswith("/") else "")
            if target not in files:
                found.add((sp.path, f))
    expected = {(p["url"], p["detail"]["source"]) for p in gt["problems"] if p["kind"] == "broken_link"}
    assert found == expected
    statuses = Counter(p["detail"]["status"] for p in gt["problems"] if p["kind"] == "broken_link")
    assert statuses[403] >= 1 and statuses[404] >= 3 and statuses["refused"] >= 2


def test_footer_and_escaping(site1):
    gt = site1["gt"]
    fm = [p for p in gt["problems"] if p["kind"] == "footer_missing"]
    assert len(fm) == 1
    missing = set(fm[0]["detail"]["urls"])
    assert fm[0]["column"] in missing
    for f in site1["files"]:
        if not f.endswith(".html"):
            continue
        text = _read(site1, f)
        assert text.startswith("<!DOCTYPE html>") and '<meta charset="utf-8">' in text and "<title>" in text
        assert "<nav" in text and "网站标识码：3713110001" in text and "鲁ICP备05012345号" in text
        assert "党政机关网站标识" in text and "我为政府网站找错" in text and "主办单位" in text
        assert ("鲁公网安备 37131102000123号" in text) == (f not in missing), f
        assert "<script>alert" not in text
    xss = [i for i in gt["items"] if "<script>alert(1)</script>" in i["title"]]
    assert len(xss) == 1 and '"' in xss[0]["title"]
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in _read(site1, xss[0]["url"])


def test_seeded_problems(site1):
    gt = site1["gt"]
    kinds = Counter(p["kind"] for p in gt["problems"])
    for k in ("stale_dynamic", "stale_notice_policy", "stale_longterm", "blank_column", "missing_catalogue",
              "broken_link", "typo", "overdue_reply", "policy_interpretation_link", "annual_report_arithmetic",
              "date_suspicious", "footer_missing"):
        assert kinds[k] >= 1, k
    assert "homepage_stale" not in kinds
    stale = {p["column"]: p["detail"]["days"] for p in gt["problems"] if p["kind"] == "stale_dynamic"}
    assert 15 in stale.values() and all(d > 14 for d in stale.values())
    border = sorted(p["detail"]["days"] for p in gt["not_problems"]
                    if p["kind"] == "stale_dynamic" and p["detail"]["reason"] == "borderline")
    assert border == [13, 14]
    by_url = {i["url"]: i for i in gt["items"]}
    for p in gt["problems"]:
        if p["kind"] == "typo":
            assert p["detail"]["wrong"] in _read(site1, p["url"])
        if p["kind"] == "date_suspicious":
            it = by_url[p["url"]]
            if p["detail"]["reason"] == "future_date":
                assert it["publish_date"] > gt["as_of"]
            else:
                assert it["list_date"] > it["publish_date"]
        if p["kind"] == "overdue_reply":
            text = _read(site1, p["url"])
            assert ("未回复" in text) == (p["detail"]["reply_date"] is None)
    for wrong in ("中华人民共合国", "政府信息公开条列", "国务院办公厅厅"):
        hits = [i for i in gt["items"] if wrong in _read(site1, i["url"])]
        assert {i["url"] for i in hits} <= {p["url"] for p in gt["problems"] if p["kind"] == "typo"}


def test_annual_report_table(site1):
    gt = site1["gt"]
    (p,) = [p for p in gt["problems"] if p["kind"] == "annual_report_arithmetic"]
    reports = [i for i in gt["items"] if i["title"].endswith("政府信息公开工作年度报告")]
    assert len(reports) > 20
    for it in reports[:15] + [{"url": p["url"]}]:
        text = _read(site1, it["url"])
        table = text.split('<table class="nb-table"', 1)[1].split("</table>", 1)[0]
        rows = [[int(x) for x in re.findall(r"<td>(\d+)</td>", r)] for r in table.split("<tr>")]
        rows = [r for r in rows if len(r) == 7]
        assert len(rows) == 2 + 19 + 1 + 1
        new, carried, results, total, out = rows[0], rows[1], rows[2:21], rows[21], rows[22]
        bad = [j for j in range(7) if new[j] + carried[j] != total[j] + out[j]]
        assert all(sum(r[j] for r in results) == total[j] for j in range(7))
        if it["url"] == p["url"]:
            assert bad and p["detail"]["failing_columns"] == ["自然人"]
        else:
            assert not bad


def test_home_page(site1):
    gt = site1["gt"]
    text = _read(site1, "/index.html")
    assert text.count('class="more"') >= 6
    assert re.search(r"<span>\[\d\d-\d\d\]</span>", text)
    dates = re.findall(r"<span>(\d{4}-\d\d-\d\d)</span>", text)
    assert dates and max(dates) == gt["home"]["newest_date"]
    nav = text.split("<nav", 1)[1].split("</nav>", 1)[0]
    assert len(re.findall(r"<li>", nav)) == 16   # 首页 + 15 first-level columns
    assert (site1["root"] / "robots.txt").read_text().startswith("User-agent: *")


# --------------------------------------------------------------------------- server

def _req(conn, method, path, headers=None):
    conn.request(method, path, headers=headers or {})
    r = conn.getresponse()
    return r, r.read()


def test_server(site1):
    with serve(site1["root"]) as base:
        assert re.fullmatch(r"http://127\.0\.0\.1:\d+", base)
        conn = http.client.HTTPConnection(urlsplit(base).hostname, urlsplit(base).port, timeout=10)
        r, body = _req(conn, "GET", "/index.html")
        assert r.status == 200 and r.getheader("Content-Type") == "text/html; charset=utf-8"
        assert int(r.getheader("Content-Length")) == len(body) == (site1["root"] / "index.html").stat().st_size
        etag, lm = r.getheader("ETag"), r.getheader("Last-Modified")
        assert etag and lm
        r, hbody = _req(conn, "HEAD", "/index.html")           # same keep-alive connection
        assert r.status == 200 and hbody == b"" and int(r.getheader("Content-Length")) == len(body)
        r, b = _req(conn, "GET", "/index.html", {"If-None-Match": etag})
        assert r.status == 304 and b == b""
        r, b = _req(conn, "GET", "/index.html", {"If-Modified-Since": lm})
        assert r.status == 304
        old = formatdate(time.time() - 10 * 365 * 86400, usegmt=True)
        r, b = _req(conn, "GET", "/index.html", {"If-Modified-Since": old})
        assert r.status == 200 and b == body
        r, b = _req(conn, "GET", "/zwgk/")
        assert r.status == 200 and b == (site1["root"] / "zwgk" / "index.html").read_bytes()
        r, b = _req(conn, "GET", "/zwgk")
        assert r.status == 301 and r.getheader("Location") == "/zwgk/"
        r, b = _req(conn, "GET", "/no/such/page.html")
        assert r.status == 404 and b"<html" in b and r.getheader("Content-Type").startswith("text/html")
        r, b = _req(conn, "GET", "/forbidden/anything.html")
        assert r.status == 403 and b
        r, b = _req(conn, "GET", "/../../etc/passwd")
        assert r.status == 404
        att = next(f for f in site1["files"] if f.endswith(".pdf"))
        r, b = _req(conn, "GET", att)
        assert r.status == 200 and r.getheader("Content-Type") == "application/pdf" and b.startswith(b"%PDF-")
        r, b = _req(conn, "POST", "/index.html")
        assert r.status == 405
        conn.close()


def test_cli(tmp_path):
    r = CliRunner().invoke(sample, ["generate", str(tmp_path / "out"), "--seed", "3", "--as-of", "2020-02-15",
                                    "--scale", "0.2"])
    assert r.exit_code == 0, r.output
    assert "[15, 31, 59, 109]" in r.output and "ground_truth.json" in r.output
    gt = json.loads((tmp_path / "out" / "ground_truth.json").read_text(encoding="utf-8"))
    assert gt["as_of"] == "2020-02-15" and gt["seed"] == 3
    r = CliRunner().invoke(sample, ["generate", str(tmp_path / "x"), "--as-of", "2020-13-01"])
    assert r.exit_code != 0
    r = CliRunner().invoke(sample, ["serve", "--help"])
    assert r.exit_code == 0 and "--port" in r.output
