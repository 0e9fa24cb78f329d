"""The review workspace in a real browser: Debian's chromium driven by playwright (never a
browser build of playwright's own; `scripts/setup-system.sh` installs chromium and the CJK
fonts). An analyst's morning on the checked sample portal, then the next crawls.

Screenshots go to $REVIEW_SCREENSHOTS if set, else to a temporary folder (printed with -s).
"""
from __future__ import annotations

import io
import os
import re
import shutil
from pathlib import Path
from urllib.parse import quote, urlsplit

import pytest

sync_api = pytest.importorskip("playwright.sync_api")

from conftest import portalwatch, write_site_config  # noqa: E402
from crawler import decisions, store  # noqa: E402
from crawler.review import create_app  # noqa: E402
from review_helpers import copy_db, serve  # noqa: E402
from sample.server import serve as serve_portal  # noqa: E402
from test_nightly import rebase  # noqa: E402

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"]

pytestmark = pytest.mark.skipif(not Path(CHROMIUM).exists(),
                                reason="needs Debian's chromium: run scripts/setup-system.sh")


@pytest.fixture(scope="module")
def shots(tmp_path_factory):
    out = Path(os.environ.get("REVIEW_SCREENSHOTS") or tmp_path_factory.mktemp("screenshots"))
    out.mkdir(parents=True, exist_ok=True)
    print(f"\nreview screenshots: {out}")
    return out


@pytest.fixture(scope="module")
def site(crawled_sample, tmp_path_factory):
    """The crawled sample, with a portal of its own (a copy, served) for the next nights' crawls."""
    work = tmp_path_factory.mktemp("review-browser")
    root = work / "site"
    shutil.copytree(crawled_sample.site_root, root)
    path = copy_db(crawled_sample.db_path, work / "sample.db")
    with serve_portal(root) as portal:
        rebase(path, crawled_sample.site_url, portal)
        config = write_site_config(work / "sample.yml", portal, path)
        portalwatch("check", "--db", path, "--as-of", crawled_sample.as_of.isoformat(), "--quiet")
        with serve(create_app(path, secret_key="browser-test")) as url:
            yield path, url, root, config


@pytest.fixture(scope="module")
def browser():
    with sync_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(locale="zh-CN", viewport={"width": 1366, "height": 900}, accept_downloads=True)
    page = context.new_page()
    page.set_default_timeout(10000)
    page.dialogs = []

    def on_dialog(dialog):
        page.dialogs.append((dialog.type, dialog.message))
        dialog.accept()
    page.on("dialog", on_dialog)
    yield page
    context.close()


def sign_in(page, url, name="王晓明"):
    page.goto(url + "/")
    assert "/reviewer" in page.url
    page.fill("#name", name)
    page.click("text=开始审核")
    page.wait_for_url(url + "/")


def status_text(page) -> str:
    return page.locator("#status-badge").inner_text()


def test_an_analysts_morning_and_the_next_crawls(page, site, shots):
    db_path, url, root, config = site
    db = store.open_db(db_path)
    sign_in(page, url)

    # the overview: veto indicators with their badges, units, the column tree
    assert page.locator("#overall-verdict").inner_text() == "不合格"
    verdicts = page.locator("table.verdicts")
    assert verdicts.locator("tr", has_text="互动回应差").locator(".badge").inner_text() == "不合格"
    assert verdicts.locator("tr", has_text="栏目不更新①").locator(".badge").inner_text() == "预警"
    assert verdicts.locator("tr", has_text="首页不更新").locator(".badge").inner_text() == "合格"
    assert page.locator("#column-tree").get_by_text("区医保局").first.is_visible()
    page.screenshot(path=shots / "01-overview.png", full_page=True)

    # filter the list to broken links
    page.click("nav.main-nav >> text=问题清单")
    page.select_option("#f-kind", "broken_link")
    page.wait_for_url(re.compile(r"kind=broken_link"))
    n_links = db.execute("select count(*) from findings where kind = 'broken_link'").fetchone()[0]
    rows = page.locator("#findings-table tbody tr")
    assert rows.count() == n_links and page.locator("#total").inner_text() == str(n_links)
    assert set(page.locator("#findings-table .kind").all_inner_texts()) == {"错链断链"}
    page.screenshot(path=shots / "02-list-broken-links.png", full_page=True)

    # open one and confirm it
    rows.first.locator("a.detail-link").click()
    page.wait_for_url(re.compile(r"/findings/\d+"))
    confirmed = int(re.search(r"/findings/(\d+)", page.url).group(1))
    assert "链接所在页面" in page.inner_text("#evidence")
    page.click("#btn-confirm")
    page.wait_for_selector("#status-badge >> text=已确认")

    # dismiss a typo: the reason is required, then given
    page.goto(url + "/findings?kind=typo")
    page.locator("#findings-table a.detail-link").first.click()
    page.wait_for_url(re.compile(r"/findings/\d+"))
    dismissed = int(re.search(r"/findings/(\d+)", page.url).group(1))
    assert page.locator("#typo-sentence mark").count() >= 1
    page.screenshot(path=shots / "03-detail-typo.png", full_page=True)
    page.click("#btn-dismiss")
    assert page.locator("#reason-hint").is_visible() and status_text(page) == "待审核"
    page.select_option("#reason-choice", "其他")
    page.fill("#reason-text", "该词为文件原文引用，不属错别字")
    page.click("#btn-dismiss")
    page.wait_for_selector("#status-badge >> text=已排除")
    assert "该词为文件原文引用" in page.inner_text("#history") and "王晓明" in page.inner_text("#history")

    # mark a 404 link fixed (the unit says so on the phone)
    fixed = next(db.query("select id, url from findings where kind = 'broken_link' and id <> ? "
                          "and json_extract(evidence, '$.status') = 404 order by id limit 1", [confirmed]))
    page.goto(f"{url}/findings/{fixed['id']}")
    page.fill("#note", "单位电话告知已恢复页面")
    page.click("#btn-fixed")
    page.wait_for_selector("#status-badge >> text=已整改")

    # reload: every decision is still there
    for fid, label in ((confirmed, "已确认"), (dismissed, "已排除"), (fixed["id"], "已整改")):
        page.goto(f"{url}/findings/{fid}")
        page.reload()
        assert status_text(page).startswith(label), fid
    page.goto(f"{url}/findings/{dismissed}")
    page.screenshot(path=shots / "04-detail-dismissed.png", full_page=True)
    page.goto(url + "/findings?status=confirmed")
    assert f"#{confirmed}" in page.inner_text("#findings-table")

    # bulk-dismiss a filtered selection
    page.goto(url + "/findings")
    page.select_option("#f-kind", "policy_interpretation_link")
    page.wait_for_url(re.compile(r"kind=policy_interpretation_link"))
    n_policy = int(page.locator("#total").inner_text())
    assert n_policy > 1
    page.check("#scope-filter")
    page.select_option("#bulk-decision", "dismissed")
    page.select_option("#bulk-reason select", "规则不适用于本站")
    page.click("#bulk-apply")
    page.wait_for_selector(f"text=已对 {n_policy} 条问题执行")
    assert page.dialogs and page.dialogs[-1][0] == "confirm"
    assert page.locator("a.tab-dismissed span").inner_text() == str(n_policy)
    page.screenshot(path=shots / "05-bulk-dismissed.png", full_page=True)

    # export the screen's list
    page.goto(url + "/findings?unit=" + quote("区司法局"))
    with page.expect_download() as download:
        page.click("#export-xlsx")
    import openpyxl
    sheet = openpyxl.load_workbook(io.BytesIO(Path(download.value.path()).read_bytes())).active
    want = db.execute("select count(*) from findings where unit = '区司法局' and status = 'open'").fetchone()[0]
    assert sheet.max_row - 3 == want and "区司法局" in sheet["A1"].value

    # the next nights, really crawled: the unit restores the page, later it is gone again
    restored = root / urlsplit(fixed["url"]).path.lstrip("/")
    restored.parent.mkdir(parents=True, exist_ok=True)
    restored.write_bytes(b"%PDF-1.4 restored" if restored.suffix == ".pdf" else
                         "<html><head><meta charset='utf-8'><title>已恢复</title></head><body>已恢复</body></html>".encode())
    portalwatch("crawl", config, "--today", "2020-01-07", "--quiet")
    portalwatch("check", "--db", db_path, "--as-of", "2020-01-07", "--quiet")
    assert db.execute("select status from findings where id = ?", [fixed["id"]]).fetchone()[0] == "resolved"
    restored.unlink()
    portalwatch("crawl", config, "--today", "2020-01-08", "--full", "--quiet")   # the weekly full sweep
    portalwatch("check", "--db", db_path, "--as-of", "2020-01-08", "--quiet")
    page.goto(f"{url}/findings/{dismissed}")
    assert status_text(page) == "已排除"
    page.goto(f"{url}/findings/{fixed['id']}")
    assert status_text(page).startswith("待审核") and "整改后再次发现" in status_text(page)
    assert "之后的抓取再次发现" in page.inner_text("main")
    page.screenshot(path=shots / "06-fixed-link-broken-again.png", full_page=True)
    page.goto(url + "/findings?status=dismissed")
    assert page.locator("#total").inner_text() == str(n_policy + 1)
    assert decisions.effective_status(db, confirmed) == "confirmed"
    page.goto(url + "/")
    page.screenshot(path=shots / "07-overview-after-next-crawls.png", full_page=True)
    assert not [d for d in page.dialogs if d[0] == "alert"]


def test_a_title_with_script_is_text_in_the_browser(page, site, shots):
    db_path, url, _, _ = site
    db = store.open_db(db_path)
    item = next(db.query("select * from items where title like '%<script>%'"))
    sign_in(page, url, name="李娜")
    page.goto(url + "/column?url=" + quote(item["column_url"]))
    link = page.locator("#column-items a.item-title", has_text="网站安全")
    assert link.inner_text() == item["title"]
    assert link.get_attribute("title") == item["title"]
    assert page.locator("script").count() == 1              # the app's own app.js, nothing else
    page.screenshot(path=shots / "08-column-with-script-title.png", full_page=True)
    link.click()
    page.wait_for_url(re.compile(r"/page\?url="))
    assert page.locator("#snap-title").inner_text() == item["title"]
    assert "<script>alert(1)</script>" in page.inner_text("#snapshot-text")
    assert page.locator("script").count() == 1
    page.screenshot(path=shots / "09-snapshot-with-script-title.png", full_page=True)
    assert page.dialogs == []
