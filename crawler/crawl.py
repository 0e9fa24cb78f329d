"""Run one crawl of one site: a row in `crawls`, the Scrapy process, the summary."""
from __future__ import annotations

import logging
from datetime import date
from pathlib import Path

from scrapy.crawler import CrawlerProcess
from scrapy.settings import Settings

from crawler import settings as default_settings
from crawler import store
from crawler.config import Site
from crawler.plan import plan_crawl
from crawler.spiders.portal import PortalSpider


def scrapy_settings(site: Site, db_path: Path, crawl_id: int, log_file: Path | None) -> Settings:
    s = Settings()
    s.setmodule(default_settings, priority="project")
    p = site.politeness
    contact = f"; +{site.contact}" if site.contact else ""
    s.setdict({
        "USER_AGENT": f"portalwatch/0.1 (government website content monitoring{contact})",
        "ROBOTSTXT_OBEY": p.obey_robots,
        "CONCURRENT_REQUESTS": max(p.concurrency * 2, 16),
        "CONCURRENT_REQUESTS_PER_DOMAIN": p.concurrency,
        "DOWNLOAD_DELAY": p.delay,
        "DOWNLOAD_TIMEOUT": p.timeout,
        "AUTOTHROTTLE_ENABLED": p.delay > 0,
        "AUTOTHROTTLE_START_DELAY": max(p.delay, 0.1),
        "AUTOTHROTTLE_MAX_DELAY": p.max_delay,
        "PORTALWATCH_DB": str(db_path),
        "PORTALWATCH_SITE": site.name,
        "PORTALWATCH_CRAWL_ID": crawl_id,
        "LOG_FILE": str(log_file) if log_file else None,
        "LOG_ENABLED": log_file is not None,
        "LOG_INSTALL_ROOT_HANDLER": log_file is not None,
    }, priority="cmdline")
    return s


def run_crawl(site: Site, db_path: Path, *, today: date | None = None,
              log_file: Path | None = None, full: bool = False) -> dict:
    """Crawl the site into the store; returns the finished `crawls` row.

    The caller holds the site's lock (crawler/lock.py), so a crawl of this site still
    marked running was killed: this run resumes it.
    """
    db = store.open_db(db_path)
    crawl_id = store.start_crawl(db, site.name, site.start_url)
    plan, crawl_id = plan_crawl(db, site.name, crawl_id, full=full,
                                full_every_days=site.full_every_days,
                                recheck_days=site.recheck_days)
    db["crawls"].update(crawl_id, {"mode": plan.mode})
    db.close()

    process = CrawlerProcess(scrapy_settings(site, db_path, crawl_id, log_file))
    # Scrapy logs every response at DEBUG; building those records costs even when unwritten.
    logging.getLogger("scrapy").setLevel(logging.INFO)
    crawler = process.create_crawler(PortalSpider)
    outcome = {"interrupted": False}

    def on_close(spider, reason):
        outcome["reason"] = reason

    from scrapy import signals
    crawler.signals.connect(on_close, signal=signals.spider_closed)
    process.crawl(crawler, site=site, crawl_id=crawl_id, today=today, plan=plan)
    process.start()

    spider = crawler.spider
    db = store.open_db(db_path)
    reason = outcome.get("reason", "killed")
    stats = crawler.stats.get_stats() if crawler.stats else {}
    counted = {"requests": stats.get("downloader/request_count", 0),
               "not_modified": stats.get("portalwatch/not_modified", 0)}
    if spider is not None and spider.home_error:
        result = store.finish_crawl(db, crawl_id, "failed", spider.home_error, stats=counted)
    elif reason != "finished":
        result = store.finish_crawl(db, crawl_id, "interrupted", f"crawl stopped: {reason}", stats=counted)
    else:
        result = store.finish_crawl(db, crawl_id, "ok", base_crawl=plan.base_crawl, stats=counted)
    db.close()
    logging.getLogger(__name__).info("crawl %s finished: %s", crawl_id, result["outcome"])
    return result
