"""Three districts in one store: crawled with --all, checked, rolled up for the city."""
import csv
import io
from contextlib import ExitStack

import pytest
import sqlite_utils

from conftest import AS_OF, portalwatch
from sample.generate import generate_site
from sample.server import serve


@pytest.fixture(scope="module")
def three_districts(tmp_path_factory):
    work = tmp_path_factory.mktemp("city")
    sites = work / "sites"
    sites.mkdir()
    db = work / "city.db"
    with ExitStack() as stack:
        for seed in (1, 2, 3):
            generate_site(work / f"d{seed}", seed=seed, as_of=AS_OF, scale=0.2)
            url = stack.enter_context(serve(work / f"d{seed}" / "site"))
            (sites / f"district{seed}.yml").write_text(
                f"name: district{seed}\nstart_url: {url}/index.html\ndb: {db}\n", encoding="utf-8")
        result = portalwatch("crawl", "--all", sites, "--parallel", "2", "--today", AS_OF.isoformat())
    return work, sites, db, result


def test_crawl_all_and_the_registry(three_districts):
    work, sites, db, result = three_districts
    assert "3 of 3 sites crawled" in result.stdout
    listed = portalwatch("sites", sites, "--json").stdout
    import json
    rows = json.loads(listed)
    assert [r["site"] for r in rows] == ["district1", "district2", "district3"]
    assert all(r["crawl_outcome"] == "ok" and r["pages"] > 0 for r in rows)
    names = {r["title"] for r in sqlite_utils.Database(db).query("select title from pages where kind = 'home'")}
    assert len(names) == 3                       # three districts, three portals


def test_rollup_verdicts_equal_each_sites_check(three_districts, tmp_path):
    work, sites, db, _ = three_districts
    own = {}
    for seed in (1, 2, 3):
        out = portalwatch("check", "--db", db, "--site", f"district{seed}", "--as-of", AS_OF.isoformat()).stdout
        own[f"district{seed}"] = next(line.split()[1] for line in out.splitlines() if line.startswith("verdict "))
    portalwatch("report", "--quarter", "2019Q4", "--all", "--db", db, "--format", "html,csv,xlsx", "--out", tmp_path)
    table = list(csv.DictReader(io.StringIO((tmp_path / "all-sites-2019Q4-rollup-sites.csv").read_text(encoding="utf-8-sig"))))
    assert {r["站点"]: r["总体结论"] for r in table} == {s: v.rstrip(";") for s, v in own.items()}
    assert sorted(int(r["排名"]) for r in table) == [1, 2, 3]
    db_ = sqlite_utils.Database(db)
    for r in table:
        latest = db_.execute("select max(id) from checks where site = ?", [r["站点"]]).fetchone()[0]
        for v in db_.query("select label, verdict from verdicts where check_id = ? and veto = 1", [latest]):
            assert r[v["label"]] == (v["verdict"] or "未测定")
    html = (tmp_path / "all-sites-2019Q4-rollup.html").read_text(encoding="utf-8")
    assert "政府网站检查汇总" in html and all(f'data-site="district{n}"' in html for n in (1, 2, 3))
    from openpyxl import load_workbook
    assert load_workbook(tmp_path / "all-sites-2019Q4-rollup.xlsx").sheetnames == ["汇总"]


def test_review_app_sites_page(three_districts):
    from crawler.review.app import create_app
    from test_review_app import Analyst
    work, sites, db, _ = three_districts
    for seed in (1, 2, 3):
        portalwatch("check", "--db", db, "--site", f"district{seed}", "--as-of", AS_OF.isoformat(), "--quiet")
    page = Analyst(create_app(db)).get("/sites")
    assert all(f'data-site="district{n}"' in page for n in (1, 2, 3))
    db_ = sqlite_utils.Database(db)
    for n in (1, 2, 3):
        verdict = db_.execute("select verdict from checks where site = ? order by id desc limit 1",
                              [f"district{n}"]).fetchone()[0]
        row = page.split(f'data-site="district{n}"', 1)[1].split("</tr>", 1)[0]
        assert ("不合格" in row) == (verdict == "不合格")
