"""Tests for the sample portal: generator, ground truth, CMS families and HTTP server."""
from __future__ import annotations

import hashlib
import html
import http.client
import json
import math
import os
import re
import time
from collections import Counter
from datetime import date, timedelta
from email.utils import formatdate
from pathlib import Path
from urllib.parse import urlencode, urljoin, urlsplit

import pytest
from click.testing import CliRunner

from sample.cli import sample
from sample.generate import generate_site
from sample.model import FAMILIES, build_site
from sample.server import serve

LEVELS = [15, 31, 59, 109]
# a list row: a titled link (attributes in any order) and the date beside it (span or table cell)
ROW = re.compile(r'<a ((?:[\w-]+=(?:"[^"]*"|\'[^\']*\')\s*)+)>[^<]*</a>'
                 r'(?:<span[^>]*>([^<]*)</span>|</td><td class="[nod]">(?:[^<]*</td><td class="d">)?([^<]*)</td>)?')
ATTR = re.compile(r'([\w-]+)=(?:"([^"]*)"|\'([^\']*)\')')
HREF = re.compile(r'(?:href|src)="([^"]*)"')
PAGE_EXT = (".html", ".htm", ".shtml")


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
    charsets = json.loads((root / "_charsets.json").read_text(encoding="utf-8"))
    proxy = json.loads((root / "_dataproxy.json").read_text(encoding="utf-8"))
    qpages = json.loads((root / "_pages.json").read_text(encoding="utf-8"))
    units = json.loads((root / "_jpaas.json").read_text(encoding="utf-8"))
    return {"out": out, "root": root, "gt": gt, "gt_path": gt_path, "files": files, "charsets": charsets,
            "dataproxy": proxy, "query_pages": qpages, "jpaas": units}


def _decode(data: bytes) -> str:
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("gbk")


def _read(site, url: str) -> str:
    """A page's text, whatever its encoding (the GBK subtree is GBK)."""
    return _decode((site["root"] / url.lstrip("/")).read_bytes())


def _list_date(text: str | None, as_of: date) -> str | None:
    """A list's date as ISO: 2019-12-23, 2019/12/23, 2019.12.23, 2019年12月23日, or [12-23] (as_of's year,
    or the year before when that would be later than as_of)."""
    if not text:
        return None
    m = re.fullmatch(r"(\d{4})(?:[-/.]|年)(\d\d)(?:[-/.]|月)(\d\d)日?", text)
    if m:
        return date(*map(int, m.groups())).isoformat()
    m = re.fullmatch(r"\[(\d\d)-(\d\d)\]", text)
    assert m, text
    d = date(as_of.year, int(m.group(1)), int(m.group(2)))
    if d > as_of:
        d = date(as_of.year - 1, d.month, d.day)
    return d.isoformat()


def _rows(text: str, page_url: str, as_of: date) -> list:
    """(url, full title, ISO list date) of every list row in a page's (or fragment's) content box."""
    if '<div class="content-box">' in text:
        text = text.split('<div class="content-box">', 1)[1].split('<div class="footer">', 1)[0]
    out = []
    for m in ROW.finditer(text):
        attrs = {k: html.unescape(a if a else b) for k, a, b in ATTR.findall(m.group(1))}
        if attrs.get("target") != "_blank" or "title" not in attrs:
            continue
        url = urljoin("http://x" + page_url, attrs["href"])[len("http://x"):]
        out.append((url, attrs["title"], _list_date(m.group(2) or m.group(3), as_of)))
    return out


def _static_docs(c: dict) -> int:
    """HTML documents a column writes (a Hanweb or jpaas list is one page; the rest comes from
    dataproxy or the unit API)."""
    return 1 if (not c["leaf"] or c["family"] in ("hanweb", "jpaas")) else c["list_pages"]


def _list_pages(site, c: dict) -> list:
    """[(page url, text)] of a leaf column's list, found the way each family spells it;
    for Hanweb one page whose text is the page followed by every dataproxy record."""
    url, n, pages = c["url"], c["item_count"], c["list_pages"]
    files = site["files"]
    d = url.rsplit("/", 1)[0] + "/"
    fam = c["family"]
    first = _read(site, url)
    out = [(url, first)]
    if fam == "hanweb":
        assert '<div class="pager">' not in first and d + "index_1.html" not in files
        colid = re.fullmatch(r"/col/col(\d+)/index.html", url).group(1)
        calls = re.findall(r"\.jpage\(\{(.*?)\}\)", first)
        assert len(calls) == 2 and f"totalRecord:{n}," in calls[-1] and "dataStore:" in calls[-1]
        per, group = (int(re.search(rf"{k}:(\d+)", calls[-1]).group(1)) for k in ("perPage", "groupSize"))
        assert pages == max(1, math.ceil(n / per))
        embedded = re.findall(r"<record><!\[CDATA\[\n(.*?)\]\]></record>", first, re.S)
        records = site["dataproxy"][colid]
        assert len(records) == n and embedded == records[:len(embedded)] and len(embedded) <= per * group
        assert len(embedded) == min(n, per * group) or len(embedded) == 0
        return [(url, first.split("<recordset>", 1)[0] + "".join(records))]
    if fam == "jpaas":
        page_id = re.search(r"'pageId':'(\d+)'", first).group(1)
        unit = site["jpaas"][page_id]
        assert "<li" not in first.split('class="bt-column-cen"', 1)[1] and len(unit["rows"]) == n
        assert pages == max(1, math.ceil(n / unit["per_page"]))
        return [(url, first.replace('class="bt-column-cen">', 'class="bt-column-cen">' + "".join(unit["rows"])))]
    if n == 0:
        assert "暂无信息" in first or fam == "hanweb"
        return out
    if fam == "vsb":
        assert f"共{n}条&nbsp;&nbsp;1/{pages}&nbsp;" in first
        page = first
        for k in range(1, pages):
            nxt = re.search(r'<a href="([^"]+)" class="Next">下页</a>', page).group(1)
            cur = out[-1][0]
            nurl = urljoin("http://x" + cur, nxt)[len("http://x"):]
            assert nurl == f"{url[:-4]}/{pages - k}.htm", (cur, nurl)
            page = _read(site, nurl)
            assert f"共{n}条&nbsp;&nbsp;{k + 1}/{pages}&nbsp;" in page
            out.append((nurl, page))
        assert "下页&nbsp;&nbsp;尾页" in page and f"{url[:-4]}/{pages}.htm" not in files
        assert f"{url[:-4]}/0.htm" not in files
        return out
    if url.endswith("/list.html"):
        for k in range(1, pages):
            out.append((f"{url}?page={k + 1}", _read(site, f"{d}list_p{k + 1}.html")))
        assert f"{d}list_p{pages + 1}.html" not in files and d + "index.html" not in files
        for k, (_, text) in enumerate(out):
            if pages > 1:
                assert f"共{n}条 共{pages}页 当前第{k + 1}页" in text and "?page=" in text
                assert "countPage" not in text
        return out
    ext = url.rsplit(".", 1)[1]
    for k in range(1, pages):
        out.append((f"{d}index_{k}.{ext}", _read(site, f"{d}index_{k}.{ext}")))
    assert f"{d}index_{pages}.{ext}" not in files
    for k, (_, text) in enumerate(out):
        if fam == "trs":
            assert '<div class="pager">' not in text   # the pager is drawn by script only
            assert (f'createPageHTML({pages}, {k}, "index", "{ext}");' in text or
                    (f"var countPage = {pages}//" in text and f"var currentPage = {k};" in text))
        elif pages > 1:
            assert f"共{n}条 共{pages}页 当前第{k + 1}页" in text
            assert "下一页" in text and "尾页" in text
    return out


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
                        "newest_date", "list_pages", "family"}
    assert set(gt["items"][0]) == {"url", "column", "title", "publish_date", "list_date"}
    # pages = home + list documents + articles, and exactly those HTML files exist (plus 404.html)
    pages = 1 + sum(_static_docs(c) for c in gt["columns"]) + len(gt["items"])
    assert gt["counts"]["pages"] == pages
    html_files = {f for f in site1["files"] if f.endswith(PAGE_EXT)} - {"/404.html"}
    assert len(html_files) == pages
    assert Counter(c["family"] for c in gt["columns"]).keys() == set(FAMILIES)


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
    shapes = {"generic": r"/[\w/]+/(index|list)\.html", "gbk": r"/[\w/]+/index\.html",
              "trs": r"/[\w/]+/index\.s?html", "hanweb": r"/col/col\d+/index\.html", "vsb": r"/[\w/]+\.htm",
              "jpaas": r"/[\w/]+/index\.html"}
    for c in cols:
        assert c["class"] in {"dynamic", "notice_policy", "longterm", "static", "interaction", "catalogue"}
        assert c["family"] in FAMILIES
        assert re.fullmatch(shapes[c["family"]], c["url"]), c["url"]
        assert c["url"] in site1["files"]
        if c["parent"] is None:
            assert c["level"] == 1 and c["path"] == [c["name"]]
        else:
            p = by_url[c["parent"]]
            assert p["level"] == c["level"] - 1 and not p["leaf"]
            assert c["path"] == p["path"] + [c["name"]]
            if c["family"] != "hanweb":
                assert c["url"].startswith(c["parent"].rsplit("/", 1)[0] + "/")
        if not c["leaf"]:
            assert c["item_count"] == 0 and c["newest_date"] is None and c["list_pages"] == 1
        elif c["url"].endswith("/index.html") and c["family"] in ("generic", "gbk"):
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
    as_of = date.fromisoformat(gt["as_of"])
    items_by_col = {}
    for it in gt["items"]:
        items_by_col.setdefault(it["column"], []).append(it)
    for c in gt["columns"]:
        if not c["leaf"]:
            continue
        rows = []
        for page_url, text in _list_pages(site1, c):
            rows += _rows(text, page_url, as_of)
        assert len(rows) == c["item_count"], c["url"]
        expected = [(i["url"], i["title"], i["list_date"]) for i in items_by_col.get(c["url"], [])]
        assert rows == expected, c["url"]
        dated = [i["publish_date"] for i in items_by_col.get(c["url"], []) if i["publish_date"]]
        assert c["newest_date"] == (max(dated) if dated else None)


def _crumb_links(text: str, family: str) -> list:
    if family == "hanweb":
        box = text.split('<nav aria-label="breadcrumb"', 1)[1].split("</nav>", 1)[0]
    else:
        box = text.split('<div class="position w">', 1)[1].split("</div>", 1)[0]
    return re.findall(r'<a href="([^"]+)"', box)


def test_articles_show_their_dates(site1):
    gt = site1["gt"]
    fam = {c["url"]: c["family"] for c in gt["columns"]}
    late_urls = 0
    for k, it in enumerate(gt["items"]):
        f = fam[it["column"]]
        if f == "generic" and k % 7:
            continue
        text = _read(site1, it["url"])
        assert "<h1>" + html.escape(it["title"], quote=True) + "</h1>" in text
        pd = it["publish_date"]
        if f == "hanweb":
            m = re.fullmatch(r"/art/(\d{4})/([1-9]\d?)/([1-9]\d?)/art_(\d+)_\d+\.html", it["url"])
            assert m and date(*map(int, m.groups()[:3])).isoformat() == pd
            assert it["column"] == f"/col/col{m.group(4)}/index.html"
            assert f"发布日期：{pd}" in text and f'<meta name="PubDate" content="{pd} ' in text
        elif f == "vsb":
            assert re.fullmatch(r"/info/\d{4}/\d+\.htm", it["url"])
            assert (f"发布时间：{pd}" in text) if pd else ("发布时间" not in text)
            assert "PubDate" not in text and text.count("&nbsp;&gt;&gt;&nbsp;正文</div>") == 1
        elif pd:
            assert f"发布时间：{pd}" in text
            m = re.search(r"/t(\d{4})(\d\d)(\d\d)_\d+\.html$", it["url"])
            url_date = date(*map(int, m.groups()))
            if f == "trs":
                # the URL carries the creation day; PubDate the publish day, up to 3 days later
                assert f'<meta name="PubDate" content="{pd} ' in text and '<meta name="ArticleTitle"' in text
                assert timedelta(0) <= date.fromisoformat(pd) - url_date <= timedelta(days=3)
                late_urls += url_date.isoformat() != pd
            else:
                assert url_date.isoformat() == pd
        else:
            assert "发布时间" not in text and "/content_" in it["url"]
        last = _crumb_links(text, f)[-1]
        assert urljoin("http://x" + it["url"], last) == "http://x" + it["column"]
    assert late_urls >= 3


def test_links_and_seeded_broken_links(site1):
    gt = site1["gt"]
    files = site1["files"]
    found = set()
    for f in files:
        if not f.endswith(PAGE_EXT) or f == "/404.html":
            continue
        for h in HREF.findall(_read(site1, f)):
            h = html.unescape(h)
            if h.startswith(("javascript:", "#")) or "/module/web/jpage/dataproxy.jsp?" in h:
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
    qfiles = {}
    for url, q in site1["query_pages"].items():
        for n in range(2, q["pages"] + 1):
            qfiles[url.rsplit("/", 1)[0] + f"/list_p{n}.html"] = f"{url}?page={n}"
    for f in site1["files"]:
        if not f.endswith(PAGE_EXT):
            continue
        text = _read(site1, f)
        assert text.startswith("<!DOCTYPE html>") and "<title>" in text
        assert ('<meta charset="utf-8">' in text) == (f not in site1["charsets"]), f
        assert "<nav" in text and "网站标识码：3713110001" in text and "鲁ICP备05012345号" in text
        assert "党政机关网站标识" in text and "我为政府网站找错" in text and "主办单位" in text
        assert ("鲁公网安备 37131102000123号" in text) == (qfiles.get(f, f) not in missing), f
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


# ------------------------------------------------------------------------- CMS families

@pytest.mark.parametrize("seed,scale", [(s, 0.2) for s in range(1, 9)] + [(1, 1), (5, 3)])
def test_every_seed_renders_every_family(seed, scale):
    site = build_site(seed=seed, scale=scale)
    cols = site.columns()
    levels = Counter(c.level for c in cols)
    assert [levels[n] for n in (1, 2, 3, 4)] == LEVELS
    for f in FAMILIES:
        assert any(c.family == f and c.leaf and c.items for c in cols), f
    trs = [c for c in cols if c.family == "trs" and c.leaf]
    assert {c.fam["pager"] for c in trs} == {"call", "count"} and any(c.fam.get("ext") == "shtml" for c in trs)
    assert sum(1 for c in trs if c.fam.get("coltype")) == 2
    hanweb = [c for c in cols if c.family == "hanweb" and c.leaf]
    assert len(hanweb) == 4 and any(c.fam.get("embed") == 0 and c.items for c in hanweb)
    assert all(it.dt is not None for c in hanweb for it in c.items)     # a Hanweb URL carries a date
    vsb = [c for c in cols if c.family == "vsb"]
    assert sorted(c.fam["date"] for c in vsb) == ["cn", "short"]
    short = next(c for c in vsb if c.fam["date"] == "short")
    for it in short.items:   # [12-23] is unambiguous: within a year before as_of
        if it.list_date:
            assert site.as_of - timedelta(days=364) <= it.list_date <= site.as_of
            assert (it.list_date.month, it.list_date.day) != (2, 29)
    gbk_items = [it for c in cols if c.family == "gbk" for it in c.items]
    assert Counter(it.charset for it in gbk_items)["mislabel"] == 1
    assert sum(1 for it in gbk_items if set("镕堃喆") & set(it.title)) == 2
    query = [c for c in cols if c.fam.get("query")]
    assert sorted(c.fam["clamp"] for c in query) == [False, True] and all(c.list_pages() >= 2 for c in query)


def test_trs_pages(site1):
    gt = site1["gt"]
    trs = [c for c in gt["columns"] if c["family"] == "trs"]
    leaves = [c for c in trs if c["leaf"]]
    assert len({c["unit"] for c in trs}) == 1 and len(leaves) >= 4
    assert any(c["url"].endswith(".shtml") and c["list_pages"] >= 3 for c in leaves)
    calls = counts = typed = 0
    for c in leaves:
        text = _read(site1, c["url"])
        calls += "createPageHTML(" in text
        counts += "var countPage = " in text
        typed += '<meta name="ColumnType" content="' in text
        box = text.split('<div class="content-box">', 1)[1]
        assert "index_1" not in re.sub(r"<script.*?</script>", "", box, flags=re.S)   # no pager links
        assert re.search(r'href="\./\d{6}/t\d{8}_\d+\.html"', box) or c["item_count"] == 0
        assert re.search(r"<(?:span|td class=\"d\")>\d{4}[/.]\d\d[/.]\d\d<", box) or c["item_count"] == 0
    assert calls and counts and typed == 2


def test_hanweb_pages(site1):
    gt = site1["gt"]
    leaves = [c for c in gt["columns"] if c["family"] == "hanweb" and c["leaf"]]
    assert len(leaves) == 4
    empty_store = 0
    for c in leaves:
        text = _read(site1, c["url"])
        unit = re.search(r'<div id="(\d+)"><script type="text/xml"><datastore>\n<nextgroup>', text).group(1)
        assert f"var param_{unit} = {{col:1,appid:'1',webid:" in text and f"unitid:'{unit}'" in text
        assert f"$('#{unit}').jpage({{themeName:'default'" in text
        assert "proxyUrl:'/module/web/jpage/dataproxy.jsp'" in text
        colid = c["url"].split("/col/col", 1)[1].split("/", 1)[0]
        assert f"&columnid={colid}&unitid={unit}&" in text and f"columnid:{colid}," in text
        crumb = text.split('<nav aria-label="breadcrumb"', 1)[1].split("</nav>", 1)[0]
        assert '<td><a href="/index.html"class="bt_link">首页</a></td>' in crumb
        assert f'<td>><a href="{c["url"]}"class="bt_link">{c["name"]}</a></td>' in crumb
        records = re.findall(r"<record>", text)
        empty_store += c["item_count"] > 0 and not records
        assert c["url"].rsplit("/", 1)[0] + "/index_1.html" not in site1["files"]
    assert empty_store == 1
    arts = [i["url"] for i in gt["items"] if i["column"] in {c["url"] for c in leaves}]
    assert any(re.search(r"/art/\d{4}/[1-9]/", u) or re.search(r"/art/\d{4}/\d+/[1-9]/", u) for u in arts)


def test_vsb_pages(site1):
    gt = site1["gt"]
    leaves = [c for c in gt["columns"] if c["family"] == "vsb"]
    assert len(leaves) == 2 and all(c["list_pages"] >= 3 for c in leaves)
    styles = set()
    for c in leaves:
        text = _read(site1, c["url"])
        styles |= {"cn" for _ in re.finditer(r'<span class="time">\d{4}年\d\d月\d\d日</span>', text)}
        styles |= {"short" for _ in re.finditer(r'<span class="time">\[\d\d-\d\d\]</span>', text)}
        assert "首页&nbsp;&nbsp;上页&nbsp;&nbsp;<a href=" in text          # page 1: no first/previous links
        assert re.search(r'href="\.\./info/\d{4}/\d+\.htm"', text)
    assert styles == {"cn", "short"}


def test_gbk_pages(site1):
    gt = site1["gt"]
    gbk = {c["url"] for c in gt["columns"] if c["family"] == "gbk"}
    pages = {p for p in site1["charsets"]}
    expected = set(gbk) | {i["url"] for i in gt["items"] if i["column"] in gbk}
    assert pages == expected
    kinds = Counter()
    for path, header in site1["charsets"].items():
        data = (site1["root"] / path.lstrip("/")).read_bytes()
        with pytest.raises(UnicodeDecodeError):
            data.decode("utf-8")
        text = data.decode("gbk")
        meta = '<meta http-equiv="Content-Type" content="text/html; charset=gb2312">' in text
        assert "charset=utf-8" not in text.lower() and "<meta charset" not in text
        kinds[{"GBK": "header", "UTF-8": "mislabel"}.get(header, "meta" if meta else "none")] += 1
        assert not (meta and header)
    assert kinds["mislabel"] == 1 and kinds["header"] and kinds["meta"] and kinds["none"]
    rare = [i for i in gt["items"] if set("镕堃喆") & set(i["title"])]
    assert len(rare) == 2 and all(i["url"] in pages for i in rare)
    for i in rare:
        data = (site1["root"] / i["url"].lstrip("/")).read_bytes()
        assert html.escape(i["title"]).encode("gbk") in data
        with pytest.raises(UnicodeEncodeError):
            i["title"].encode("gb2312")
    assert {site1["charsets"][i["url"]] for i in rare} == {"", "UTF-8"}


def test_query_pages(site1):
    gt = site1["gt"]
    q = {c["url"]: c for c in gt["columns"] if c["url"].endswith("/list.html")}
    assert set(q) == set(site1["query_pages"]) and len(q) == 2
    assert sorted(v["clamp"] for v in site1["query_pages"].values()) == [False, True]
    for url, v in site1["query_pages"].items():
        assert v["pages"] == q[url]["list_pages"] >= 2
        text = _read(site1, url)
        assert re.search(r'<a href="(list\.html)?\?page=2">', text)


# --------------------------------------------------------------------------- server

def _req(conn, method, path, headers=None, body=None):
    conn.request(method, path, body=body, headers=headers or {})
    r = conn.getresponse()
    return r, r.read()


def _conn(base):
    return http.client.HTTPConnection(urlsplit(base).hostname, urlsplit(base).port, timeout=10)


def test_server(site1):
    with serve(site1["root"]) as base:
        assert re.fullmatch(r"http://127\.0\.0\.1:\d+", base)
        conn = _conn(base)
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
        r, b = _req(conn, "POST", "/index.html", {"Content-Type": "application/x-www-form-urlencoded"}, b"a=1")
        assert r.status == 405
        for name in ("_charsets.json", "_pages.json", "_dataproxy.json"):   # the server's own data
            r, b = _req(conn, "GET", "/" + name)
            assert r.status == 404
        r, b = _req(conn, "GET", "/index.html")        # the connection survived the POST bodies
        assert r.status == 200
        conn.close()


def _xml_records(data: bytes) -> tuple[int, list]:
    text = data.decode("utf-8")
    assert text.startswith('<?xml version="1.0" encoding="UTF-8"?>\n<datastore>')
    total = int(re.search(r"<totalrecord>(\d+)</totalrecord>", text).group(1))
    return total, re.findall(r"<record><!\[CDATA\[\n(.*?)\]\]></record>", text, re.S)


def test_server_dataproxy(site1):
    gt = site1["gt"]
    cols = {c["url"].split("/col/col", 1)[1].split("/", 1)[0]: c
            for c in gt["columns"] if c["family"] == "hanweb" and c["leaf"]}
    proxy = "/module/web/jpage/dataproxy.jsp"
    with serve(site1["root"]) as base:
        conn = _conn(base)
        for colid, c in cols.items():
            records = site1["dataproxy"][colid]
            assert len(records) == c["item_count"]
            text = _read(site1, c["url"])
            unit = re.search(r'<div id="(\d+)"><script type="text/xml">', text).group(1)
            webid = re.search(r"webid:(\d+),", text).group(1)
            form = {"col": "1", "appid": "1", "webid": webid, "path": "/", "columnid": colid, "unitid": unit,
                    "permissiontype": "0"}
            q = "startrecord=4&endrecord=12&perpage=3"
            r, posted = _req(conn, "POST", f"{proxy}?{q}", {"Content-Type": "application/x-www-form-urlencoded"},
                             urlencode(form).encode())
            assert r.status == 200 and r.getheader("Content-Type").startswith("text/xml")
            r, got = _req(conn, "GET", f"{proxy}?{q}&{urlencode(form)}")
            assert r.status == 200 and got == posted
            total, recs = _xml_records(posted)
            assert total == c["item_count"] and recs == records[3:12]
            r, everything = _req(conn, "GET",
                                 f"{proxy}?startrecord=1&endrecord={total + 50}&perpage=15&columnid={colid}")
            assert _xml_records(everything) == (total, records)
            r, b = _req(conn, "GET", c["url"].rsplit("/", 1)[0] + "/index_1.html")   # never a static page 2
            assert r.status == 404
        r, b = _req(conn, "GET", f"{proxy}?startrecord=1&endrecord=45&perpage=15")
        assert r.status == 400
        r, b = _req(conn, "POST", f"{proxy}?startrecord=1&endrecord=45&perpage=15",
                    {"Content-Type": "application/x-www-form-urlencoded"}, b"col=1&webid=3&unitid=1")
        assert r.status == 400
        r, b = _req(conn, "GET", f"{proxy}?startrecord=1&endrecord=45&perpage=15&columnid=1")   # no such column
        assert r.status == 200 and _xml_records(b) == (0, [])
        conn.close()


def test_server_charsets(site1):
    with serve(site1["root"]) as base:
        conn = _conn(base)
        seen = Counter()
        for path, header in sorted(site1["charsets"].items()):
            r, b = _req(conn, "GET", path)
            assert r.status == 200 and b == (site1["root"] / path.lstrip("/")).read_bytes()
            ctype = r.getheader("Content-Type")
            meta = b'<meta http-equiv="Content-Type" content="text/html; charset=gb2312">' in b
            if header == "GBK":
                assert ctype == "text/html; charset=GBK" and not meta
                seen["header"] += 1
            elif header == "UTF-8":                       # mislabelled: says UTF-8, sends GBK
                assert ctype == "text/html; charset=UTF-8" and not meta
                with pytest.raises(UnicodeDecodeError):
                    b.decode("utf-8")
                b.decode("gbk")
                seen["mislabel"] += 1
            else:
                assert ctype == "text/html"
                seen["meta" if meta else "none"] += 1
        assert seen["mislabel"] == 1 and seen["header"] and seen["meta"] and seen["none"]
        conn.close()


def test_server_query_pages(site1):
    with serve(site1["root"]) as base:
        conn = _conn(base)
        for url, q in site1["query_pages"].items():
            d = url.rsplit("/", 1)[0]
            pages = q["pages"]
            first = (site1["root"] / url.lstrip("/")).read_bytes()
            last = (site1["root"] / f"{d}/list_p{pages}.html".lstrip("/")).read_bytes()
            for query, want in (("", first), ("?page=1", first), (f"?page={pages}", last)):
                r, b = _req(conn, "GET", url + query)
                assert r.status == 200 and b == want, query
            r, b = _req(conn, "GET", f"{url}?page=2")
            assert b == (site1["root"] / f"{d}/list_p2.html".lstrip("/")).read_bytes()
            for past in (pages + 1, 99):
                r, b = _req(conn, "GET", f"{url}?page={past}")
                if q["clamp"]:
                    assert r.status == 200 and b == last     # past the end: the last page again
                else:
                    assert r.status == 404
            r, b = _req(conn, "GET", f"{url}?page=abc")
            assert r.status == 404
        conn.close()


def test_cli(tmp_path):
    r = CliRunner().invoke(sample, ["generate", str(tmp_path / "out"), "--seed", "3", "--as-of", "2020-02-15",
                                    "--scale", "0.2"])
    assert r.exit_code == 0, r.output
    assert "[15, 31, 59, 109]" in r.output and "ground_truth.json" in r.output
    gt = json.loads((tmp_path / "out" / "ground_truth.json").read_text(encoding="utf-8"))
    assert gt["as_of"] == "2020-02-15" and gt["seed"] == 3
    assert {c["family"] for c in gt["columns"]} == set(FAMILIES)
    r = CliRunner().invoke(sample, ["generate", str(tmp_path / "x"), "--as-of", "2020-13-01"])
    assert r.exit_code != 0
    r = CliRunner().invoke(sample, ["serve", "--help"])
    assert r.exit_code == 0 and "--port" in r.output
