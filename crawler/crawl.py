"""Run one crawl of one site: a row in `crawls`, the Scrapy process(es), the summary.

One process by default (the fastest path on one machine). With Redis, N worker processes
share the queue and this process is the single writer (crawler/distributed.py).
"""
from __future__ import annotations

import gc
import logging
import pickle
import subprocess
import sys
import time
from datetime import date
from pathlib import Path

from scrapy import signals
from scrapy.crawler import CrawlerProcess
from scrapy.settings import Settings

from crawler import settings as default_settings
from crawler import store
from crawler.config import Site
from crawler.pipelines import StorePipeline
from crawler.plan import CrawlPlan, plan_crawl
from crawler.records import WorkerReport
from crawler.spiders.portal import PortalSpider


def scrapy_settings(site: Site, log_file: Path | None, **extra) -> Settings:
    s = Settings()
    s.setmodule(default_settings, priority="project")
    p = site.politeness
    s.setdict({
        "USER_AGENT": site.agent("government website content monitoring"),
        "ROBOTSTXT_OBEY": p.obey_robots,
        "CONCURRENT_REQUESTS": max(p.concurrency * 2, 16),
        "CONCURRENT_REQUESTS_PER_DOMAIN": p.concurrency,
        "DOWNLOAD_DELAY": p.delay,
        "DOWNLOAD_TIMEOUT": p.timeout,
        "AUTOTHROTTLE_ENABLED": p.delay > 0,
        "AUTOTHROTTLE_START_DELAY": max(p.delay, 0.1),
        "AUTOTHROTTLE_MAX_DELAY": p.max_delay,
        "LOG_FILE": str(log_file) if log_file else None,
        "LOG_ENABLED": log_file is not None,
        "LOG_INSTALL_ROOT_HANDLER": log_file is not None,
        **extra,
    }, priority="cmdline")
    return s


def begin(site: Site, db_path: Path, full: bool) -> tuple[int, CrawlPlan]:
    """The run's `crawls` row (a killed run's, when resuming) and its plan."""
    db = store.open_db(db_path)
    crawl_id = store.start_crawl(db, site.name, site.start_url)
    plan, crawl_id = plan_crawl(db, site.name, crawl_id, full=full,
                                full_every_days=site.full_every_days, recheck_days=site.recheck_days)
    db["crawls"].update(crawl_id, {"mode": plan.mode})
    db.close()
    return crawl_id, plan


def finish(db_path: Path, crawl_id: int, plan: CrawlPlan, *, home_error: str | None,
           closed_ok: bool, why: str, counted: dict) -> dict:
    db = store.open_db(db_path)
    if home_error:
        result = store.finish_crawl(db, crawl_id, "failed", home_error, stats=counted)
    elif not closed_ok:
        result = store.finish_crawl(db, crawl_id, "interrupted", f"crawl stopped: {why}", stats=counted)
    else:
        result = store.finish_crawl(db, crawl_id, "ok", base_crawl=plan.base_crawl, stats=counted)
    db.close()
    logging.getLogger(__name__).info("crawl %s finished: %s", crawl_id, result["outcome"])
    return result


def run_spider(settings: Settings, spider_class=PortalSpider, **spider_args) -> tuple[object, str, dict]:
    """Run the spider (PortalSpider unless told) in this process; (spider, close reason, stats)."""
    process = CrawlerProcess(settings)
    # Scrapy logs every response at DEBUG; building those records costs even when unwritten.
    logging.getLogger("scrapy").setLevel(logging.INFO)
    crawler = process.create_crawler(spider_class)
    outcome = {}
    crawler.signals.connect(lambda spider, reason: outcome.setdefault("reason", reason),
                            signal=signals.spider_closed, weak=False)
    process.crawl(crawler, **spider_args)
    _collect_garbage_less_often()
    process.start()
    stats = crawler.stats.get_stats() if crawler.stats else {}
    return crawler.spider, outcome.get("reason", "killed"), stats


def _collect_garbage_less_often() -> None:
    """A crawl allocates millions of short-lived objects (trees, requests, records), so at
    CPython's default thresholds the collector runs thousands of times a minute and its
    full passes walk every long-lived cache of the crawl. Raised thresholds, with what
    start-up made frozen out of the collector's view, cut a crawl's CPU by about 12%
    with the same peak memory (measured on the x3 sample portal)."""
    gc.freeze()
    gc.set_threshold(10_000, 50, 1_000)


def _counted(stats: dict) -> dict:
    return {"requests": stats.get("portalwatch/requests", 0),
            "not_modified": stats.get("portalwatch/not_modified", 0)}


def run_crawl(site: Site, db_path: Path, *, today: date | None = None,
              log_file: Path | None = None, full: bool = False) -> dict:
    """Crawl the site into the store in this process; returns the finished `crawls` row.

    The caller holds the site's lock (crawler/lock.py), so a crawl of this site still
    marked running was killed: this run resumes it.
    """
    crawl_id, plan = begin(site, db_path, full)
    settings = scrapy_settings(site, log_file, PORTALWATCH_DB=str(db_path), PORTALWATCH_SITE=site.name,
                               PORTALWATCH_CRAWL_ID=crawl_id)
    spider, reason, stats = run_spider(settings, site=site, crawl_id=crawl_id, today=today, plan=plan)
    return finish(db_path, crawl_id, plan, home_error=spider.home_error if spider else None,
                  closed_ok=reason == "finished", why=reason, counted=_counted(stats))


# -- distributed ----------------------------------------------------------------------

def worker_settings(site: Site, redis_url: str, run: str, worker: str, log_file: Path | None) -> Settings:
    from crawler.distributed import Keys
    keys = Keys(run)
    return scrapy_settings(
        site, log_file,
        REDIS_URL=redis_url, PORTALWATCH_RUN=run, PORTALWATCH_WORKER=worker,
        SCHEDULER="scrapy_redis.scheduler.Scheduler",
        SCHEDULER_QUEUE_CLASS="crawler.distributed.ReliableQueue",
        SCHEDULER_QUEUE_KEY=keys.requests,
        DUPEFILTER_CLASS="scrapy_redis.dupefilter.RFPDupeFilter",
        SCHEDULER_DUPEFILTER_KEY=keys.dupefilter,
        SCHEDULER_PERSIST=True,             # the run's keys are removed by its writer, at the end
        ITEM_PIPELINES={"crawler.distributed.RedisRecordPipeline": 300},
        EXTENSIONS={"crawler.distributed.WorkerPresence": 500},
    )


def run_worker(redis_url: str, run: str | None = None, *, seed: bool = False,
               log_file: Path | None = None) -> str:
    """Join a distributed crawl run (the one in progress, if not named); returns what happened."""
    from crawler.distributed import RUNS, Keys, RedisRecordPipeline, connect, new_worker_id
    server = connect(redis_url)
    if run is None:
        runs = sorted(r.decode() for r in server.smembers(RUNS))
        if not runs:
            return "no crawl run in progress"
        run = runs[0]
    keys = Keys(run)
    job = server.hgetall(keys.job)
    if not job:
        return f"run {run} has finished"
    site, plan = pickle.loads(job[b"site"]), pickle.loads(job[b"plan"])
    today = date.fromisoformat(job[b"today"].decode()) if job.get(b"today") else None
    worker = new_worker_id()
    settings = worker_settings(site, redis_url, run, worker, log_file)
    spider, reason, stats = run_spider(settings, site=site, crawl_id=int(job[b"crawl_id"]), today=today,
                                       plan=plan, seed=seed)
    RedisRecordPipeline(server, keys, worker).process_item(
        WorkerReport(home_error=spider.home_error if spider else None, **_counted(stats)))
    return f"worker {worker} of run {run} finished ({reason})"


def run_distributed(site: Site, db_path: Path, redis_url: str, workers: int, *,
                    today: date | None = None, log_dir: Path | None = None, full: bool = False) -> dict:
    """Start `workers` local worker processes on a Redis-held run, and write what they find."""
    from crawler.distributed import RUNS, Keys, any_alive, connect, run_name, work_remains
    server = connect(redis_url)
    crawl_id, plan = begin(site, db_path, full)
    run = run_name(site.name, crawl_id)
    keys = Keys(run)
    for key in keys.all(server):          # leftovers of a killed run of this crawl
        server.delete(key)
    server.hset(keys.job, mapping={"site": pickle.dumps(site), "plan": pickle.dumps(plan),
                                   "crawl_id": crawl_id, "today": today.isoformat() if today else ""})
    server.sadd(RUNS, run)

    procs = []
    for n in range(workers):
        cmd = [sys.executable, "-m", "crawler", "worker", "--redis", redis_url, "--run", run]
        if n == 0:
            cmd.append("--seed")
        if log_dir:
            cmd += ["--log", str(log_dir / f"{site.name}-{crawl_id}-worker{n}.log")]
        procs.append(subprocess.Popen(cmd, stdout=subprocess.DEVNULL))

    writer = StorePipeline(str(db_path), site.name, crawl_id)
    writer.open_spider()
    totals, home_error, stalled_since = {"requests": 0, "not_modified": 0}, None, None
    try:
        while True:
            popped = server.blpop([keys.records], timeout=1)
            if popped:
                record = pickle.loads(popped[1])
                if isinstance(record, WorkerReport):
                    totals["requests"] += record.requests
                    totals["not_modified"] += record.not_modified
                    home_error = home_error or record.home_error
                else:
                    writer.process_item(record)
                continue
            writer.flush()
            locals_done = all(p.poll() is not None for p in procs)
            if locals_done and not any_alive(server, keys):
                if not work_remains(server, keys) and not server.llen(keys.records):
                    break
                # Every worker is gone with work left: give a rejoining worker a moment.
                stalled_since = stalled_since or time.monotonic()
                if time.monotonic() - stalled_since > 10:
                    break
            else:
                stalled_since = None
    finally:
        writer.close_spider()
        complete = not work_remains(server, keys)
        for key in keys.all(server):
            server.delete(key)
        server.srem(RUNS, run)
        for p in procs:
            if p.poll() is None:
                p.terminate()
    return finish(db_path, crawl_id, plan, home_error=home_error, closed_ok=complete,
                  why="all workers stopped with work left", counted=totals)
