"""Nightly operation: incremental re-crawls, resume after kill -9, one run per site."""
import json
import re
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import sqlite_utils

from conftest import portalwatch, write_site_config

CONTENT_QUERIES = {
    "columns": "select url, name, parent_url, level, path, item_count, undated_count, newest_date, is_leaf from columns",
    "items": "select url, column_url, title, publish_date, date_source, list_date, article_date, fields from items",
    "listings": "select page_url, item_url, column_url, title, date from listings",
    "links": "select source_url, target_url, anchor, tag from links",
    "targets": "select url, kind, status, error from targets",
    "pages": "select url, status, kind, title, column_url from pages",
}


def content(db_path: Path) -> dict:
    db = sqlite_utils.Database(db_path)
    return {table: sorted(tuple(row) for row in db.execute(sql).fetchall())
            for table, sql in CONTENT_QUERIES.items()}


def differences(got: dict, want: dict) -> str:
    """What two stores' contents disagree on, table by table, for an assertion message."""
    lines = []
    for table in want:
        extra, missing = set(got[table]) - set(want[table]), set(want[table]) - set(got[table])
        if extra or missing:
            lines.append(f"{table}: {len(extra)} extra, e.g. {sorted(extra)[:2]}; "
                         f"{len(missing)} missing, e.g. {sorted(missing)[:2]}")
    return "\n".join(lines)


def last_crawl(db_path: Path) -> dict:
    return list(sqlite_utils.Database(db_path).query("select * from crawls order by id desc limit 1"))[0]


def test_unchanged_portal_recrawl_is_cheap_and_new_items_are_found(crawled_sample, tmp_path):
    site = tmp_path / "site"
    shutil.copytree(crawled_sample.site_root, site)
    db = tmp_path / "night.db"
    shutil.copy(crawled_sample.db_path, db)
    from sample.server import serve
    with serve(site) as url:
        config = write_site_config(tmp_path / "night.yml", url, db)
        first = sqlite_utils.Database(db)["crawls"].get(1)
        # The stored crawl was made against another port: make its URLs this server's.
        rebase(db, crawled_sample.site_url, url)
        portalwatch("crawl", config, "--today", "2019-12-31", "--quiet")
        second = last_crawl(db)
        print(f"first crawl: {first['requests']} requests; second: {second['requests']} requests")
        assert second["mode"] == "incremental" and second["outcome"] == "ok"
        assert second["requests"] <= 0.10 * first["requests"]
        assert second["new_items"] == 0 and second["items"] == first["items"]
        # links a list script fetched (Hanweb, jpaas) stand though the script's fetches are not made again
        assert second["links"] == first["links"]

        added = _add_items(site, "/ywdt/index.html", 2)
        portalwatch("crawl", config, "--today", "2020-01-02", "--quiet")
        third = last_crawl(db)
        new = {r[0] for r in sqlite_utils.Database(db).execute(
            "select url from items where first_crawl = ?", [third["id"]])}
        assert new == {url + path for path in added}
        got = list(sqlite_utils.Database(db).query(
            "select item_count, newest_date from columns where url = ?", [url + "/ywdt/index.html"]))[0]
        assert got["newest_date"] == "2020-01-02"


def test_a_new_item_in_a_jpaas_column_is_found_the_next_night(crawled_sample, tmp_path):
    """A 集约化 column page does not change when its list does (a script fetches the list):
    the next night asks its unit API again rather than trusting the page's 304."""
    site = tmp_path / "site"
    shutil.copytree(crawled_sample.site_root, site)
    db = tmp_path / "jpaas.db"
    shutil.copy(crawled_sample.db_path, db)
    column = next(c["url"] for c in crawled_sample.ground_truth["columns"]
                  if c["family"] == "jpaas" and c["item_count"])
    units_file = site / "_jpaas.json"
    units = json.loads(units_file.read_text(encoding="utf-8"))
    page_id = re.search(r"'pageId':'(\d+)'", (site / column.lstrip("/")).read_text(encoding="utf-8")).group(1)
    template = re.search(r'href="([^"]+)"', units[page_id]["rows"][0]).group(1)
    path = f"{column.rsplit('/', 1)[0]}/202001/t20200102_999990.html"
    (site / path.lstrip("/")).parent.mkdir(parents=True, exist_ok=True)
    published = next(it["publish_date"] for it in crawled_sample.ground_truth["items"] if it["url"] == template)
    article = (site / template.lstrip("/")).read_text(encoding="utf-8")
    (site / path.lstrip("/")).write_text(article.replace(published, "2020-01-02"), encoding="utf-8")
    title = "关于印发区级部门规范性文件清理结果的通知"
    units[page_id]["rows"].insert(0, f'<li class="clearfix"><a title="{title}" target="_blank" href="{path}">'
                                     f'{title}</a><span class="bt-right">2020-01-02</span></li>')
    units_file.write_text(json.dumps(units, ensure_ascii=False), encoding="utf-8")
    from sample.server import serve
    with serve(site) as url:
        config = write_site_config(tmp_path / "jpaas.yml", url, db)
        rebase(db, crawled_sample.site_url, url)
        portalwatch("crawl", config, "--today", "2020-01-02", "--quiet")
    crawl = last_crawl(db)
    assert crawl["mode"] == "incremental" and crawl["outcome"] == "ok"
    listed = {r[0] for r in sqlite_utils.Database(db).execute(
        "select item_url from listings where column_url = ?", [url + column])}
    assert url + path in listed
    got = list(sqlite_utils.Database(db).query("select newest_date from columns where url = ?", [url + column]))[0]
    assert got["newest_date"] == "2020-01-02"


def rebase(db_path, old, new):
    """Point a copied store at the same portal served at another address."""
    db = sqlite_utils.Database(db_path)
    with db.conn:
        for table, cols in {"pages": ["url", "column_url"], "columns": ["url", "parent_url"],
                            "items": ["url", "column_url"], "listings": ["page_url", "item_url", "column_url"],
                            "links": ["source_url", "target_url"], "targets": ["url"],
                            "crawls": ["start_url"]}.items():
            for col in cols:
                db.execute(f"update {table} set {col} = replace({col}, ?, ?)", [old, new])


def _add_items(site: Path, column: str, count: int) -> list[str]:
    """Publish `count` new items at the top of a column, as the CMS would."""
    index = site / column.lstrip("/")
    html = index.read_text(encoding="utf-8")
    row = re.search(r'<li><a href="([^"]+/t\d{8}_\d+\.html)"', html)
    first_row, template_href = row.start(), row.group(1)
    article = (site / template_href.lstrip("/")).read_text(encoding="utf-8")
    paths, rows = [], []
    for n in range(count):
        title = f"区政府召开新春工作部署会议第{n + 1}次"
        path = f"{column.rsplit('/', 1)[0]}/202001/t20200102_99900{n}.html"
        target = site / path.lstrip("/")
        target.parent.mkdir(parents=True, exist_ok=True)
        page = article.replace("2019-12-31", "2020-01-02")
        old_title = page.split("<h1>", 1)[1].split("</h1>", 1)[0]
        target.write_text(page.replace(old_title, title), encoding="utf-8")
        rows.append(f'<li><a href="{path}" title="{title}" target="_blank">{title}</a><span>2020-01-02</span></li>\n')
        paths.append(path)
    index.write_text(html[:first_row] + "".join(rows) + html[first_row:], encoding="utf-8")
    return paths


def test_killed_crawl_resumes_to_the_same_database(small_sample, tmp_path):
    db = tmp_path / "killed.db"
    config = write_site_config(tmp_path / "killed.yml", small_sample.site_url, db)
    cmd = [sys.executable, "-m", "crawler", "crawl", str(config), "--today", "2019-12-31", "--quiet"]
    proc = subprocess.Popen(cmd)
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        time.sleep(0.5)
        if db.exists() and _count(db, "pages") >= 400:
            break
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    assert last_crawl(db)["outcome"] == "running"   # killed: nobody closed it
    stored = _count(db, "pages")
    assert 0 < stored < small_sample.ground_truth["counts"]["pages"]

    portalwatch("crawl", config, "--today", "2019-12-31", "--quiet")
    crawls = list(sqlite_utils.Database(db).query("select id, mode, outcome, requests from crawls"))
    assert [(c["id"], c["mode"], c["outcome"]) for c in crawls] == [(1, "resume", "ok")]
    assert crawls[0]["requests"] < small_sample.ground_truth["counts"]["pages"] - stored + 600
    assert not differences(content(db), content(small_sample.db_path))


def _count(db_path, table):
    try:
        return sqlite_utils.Database(db_path).execute(f"select count(*) from {table}").fetchone()[0]
    except Exception:
        return 0


def test_second_run_of_a_site_exits_with_the_lock_status(small_sample, tmp_path):
    db = tmp_path / "locked.db"
    config = write_site_config(tmp_path / "locked.yml", small_sample.site_url, db)
    proc = subprocess.Popen([sys.executable, "-m", "crawler", "crawl", str(config), "--today", "2019-12-31",
                             "--quiet"])
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and not (db.exists() and _count(db, "pages") > 0):
        time.sleep(0.2)
    second = portalwatch("crawl", config, check=False)
    assert second.returncode == 3
    assert "is being crawled" in second.stderr and len(second.stderr.strip().splitlines()) == 1
    assert proc.wait(timeout=300) == 0
    assert [r["outcome"] for r in sqlite_utils.Database(db).query("select outcome from crawls")] == ["ok"]
    assert not differences(content(db), content(small_sample.db_path))
