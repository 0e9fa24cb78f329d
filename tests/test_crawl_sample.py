"""End to end: the served sample portal crawled into SQLite equals its ground truth."""
import json

import sqlite_utils

from conftest import portalwatch


def _path(url: str) -> str:
    return "/" + url.split("://", 1)[1].split("/", 1)[1]


def test_column_tree_equals_ground_truth(crawled_sample):
    truth = crawled_sample.ground_truth
    db = sqlite_utils.Database(crawled_sample.db_path)
    got = {_path(r["url"]): r for r in db.query(
        "select * from columns where last_crawl = (select max(id) from crawls)")}
    want = {c["url"]: c for c in truth["columns"]}
    assert sorted(got) == sorted(want)
    levels = [sum(1 for c in got.values() if c["level"] == n) for n in (1, 2, 3, 4)]
    assert levels == [15, 31, 59, 109] == truth["counts"]["columns_by_level"]
    wrong = []
    for url, w in want.items():
        g = got[url]
        facts = (g["name"], g["parent_url"] and _path(g["parent_url"]), g["level"], g["item_count"], g["newest_date"])
        expected = (w["name"], w["parent"], w["level"], w["item_count"], w["newest_date"])
        if facts != expected:
            wrong.append((url, facts, expected))
    assert not wrong, f"{len(wrong)} columns differ, e.g. {wrong[:3]}"


def test_every_item_and_its_dates(crawled_sample):
    truth = crawled_sample.ground_truth
    db = sqlite_utils.Database(crawled_sample.db_path)
    got = {_path(r["url"]): r for r in db.query("select url, column_url, title, publish_date from items")}
    missing = [i["url"] for i in truth["items"] if i["url"] not in got]
    assert not missing, f"{len(missing)} items not found, e.g. {missing[:3]}"
    wrong = [(i["url"], got[i["url"]]["publish_date"], i["publish_date"]) for i in truth["items"]
             if got[i["url"]]["publish_date"] != i["publish_date"]]
    assert not wrong, f"{len(wrong)} publish dates differ, e.g. {wrong[:3]}"
    titles = [(i["title"], got[i["url"]]["title"]) for i in truth["items"] if got[i["url"]]["title"] != i["title"]]
    assert not titles, f"{len(titles)} titles differ, e.g. {titles[:3]}"


def test_status_json(crawled_sample):
    out = portalwatch("status", "--db", crawled_sample.db_path, "--json").stdout
    info = json.loads(out)
    truth = crawled_sample.ground_truth
    assert info["columns_by_level"] == [15, 31, 59, 109]
    assert info["columns"] == 214
    assert info["items"] == truth["counts"]["items"]
    db = sqlite_utils.Database(crawled_sample.db_path)
    assert info["pages"] == db["pages"].count
    assert info["started"] and info["finished"] and info["errors"] >= 0


def test_every_document_of_the_site_is_fetched(crawled_sample):
    """Every HTML file the portal serves is reached: through links, script-drawn pagers,
    Hanweb's data proxy; the files the server maps ?page=N to are fetched by that URL."""
    root = crawled_sample.site_root
    mapped = json.loads((root / "_pages.json").read_text(encoding="utf-8")) if (root / "_pages.json").exists() else {}
    stems = tuple(name.rsplit(".", 1)[0] + "_p" for name in mapped)
    served = {"/" + str(p.relative_to(root)) for p in root.rglob("*") if p.suffix in (".html", ".htm", ".shtml")}
    served = {p for p in served if p != "/404.html" and not p.startswith(stems)}
    db = sqlite_utils.Database(crawled_sample.db_path)
    fetched = {_path(r[0]) for r in db.execute("select url from pages where status = 200")}
    assert not served - fetched, sorted(served - fetched)[:5]


def test_links_record_source_anchor_and_status(crawled_sample):
    db = sqlite_utils.Database(crawled_sample.db_path)
    broken = [p for p in crawled_sample.ground_truth["problems"] if p["kind"] == "broken_link"]
    assert broken
    for problem in broken:
        rows = list(db.query(
            "select l.source_url, l.anchor, t.status, t.error from links l join targets t "
            "on t.site = l.site and t.url = l.target_url where l.target_url like ?", ["%" + problem["url"]]))
        assert rows, problem
        status = problem["detail"].get("status")
        if status in (404, 403):
            assert {r["status"] for r in rows} == {status}
        else:
            assert all(r["status"] is None and r["error"] for r in rows)


def test_recrawl_updates_without_duplicating(crawled_sample, tmp_path):
    import shutil
    db_copy = tmp_path / "again.db"
    shutil.copy(crawled_sample.db_path, db_copy)
    before = sqlite_utils.Database(db_copy)
    counts = {t: before[t].count for t in ("columns", "items", "pages", "listings")}
    before.close()
    portalwatch("crawl", crawled_sample.config_path, "--db", db_copy, "--today",
                crawled_sample.as_of.isoformat(), "--quiet")
    after = sqlite_utils.Database(db_copy)
    assert {t: after[t].count for t in counts} == counts
    assert [r["outcome"] for r in after.query("select outcome from crawls order by id")] == ["ok", "ok"]
