"""The `portalwatch` command: parse, call one job, print, exit with a documented status.

Exit statuses: 0 success; 1 the crawl (or check) failed; 2 bad config or usage;
3 another run holds the site's lock.
"""
from __future__ import annotations

import json
import sys
from datetime import datetime
from pathlib import Path

import click

from crawler import store
from crawler.cliutil import EXIT_FAILED, EXIT_LOCKED, fail, parse_day
from crawler.config import ConfigError, load_site


@click.group()
@click.version_option(package_name="portalwatch")
def main():
    """portalwatch: content monitoring for government portals (政府网站内容监测)."""


@main.command()
@click.argument("site_file", type=click.Path(path_type=Path))
@click.option("--all", "every_site", is_flag=True,
              help="SITE_FILE is a folder of site configs: crawl every site, each in its own process.")
@click.option("--parallel", type=click.IntRange(1, 32), default=1, show_default=True,
              help="With --all: sites crawled at once.")
@click.option("--db", "db_path", type=click.Path(dir_okay=False, path_type=Path),
              help="SQLite file (default: the config's `db`, else var/NAME.db).")
@click.option("--today", help="Resolve year-less list dates against this day (YYYY-MM-DD).")
@click.option("--log", "log_file", type=click.Path(dir_okay=False, path_type=Path),
              help="Write the crawl's log here (default: logs/NAME-YYYYmmdd-HHMMSS.log beside the db).")
@click.option("--full", is_flag=True, help="Fetch everything, not only what changed.")
@click.option("--redis", "redis_url", help="Share the crawl among workers through Redis (redis://HOST:PORT/DB).")
@click.option("--workers", type=click.IntRange(1, 64), default=2, show_default=True,
              help="With --redis: local worker processes.")
@click.option("--quiet", is_flag=True, help="Print nothing on success (for cron).")
def crawl(site_file, every_site, parallel, db_path, today, log_file, full, redis_url, workers, quiet):
    """Crawl a site's whole column tree into the store."""
    if every_site:
        _crawl_all(site_file, parallel, db_path, today, full, quiet)
        return
    from crawler.crawl import run_crawl, run_distributed
    from crawler.distributed import RedisUnavailable, connect
    from crawler.lock import LockHeld, site_lock
    try:
        site = load_site(site_file, db=db_path)
    except ConfigError as exc:
        fail(str(exc))
    if log_file is None:
        log_dir = site.db.parent / "logs"
        log_dir.mkdir(parents=True, exist_ok=True)
        log_file = log_dir / f"{site.name}-{datetime.now():%Y%m%d-%H%M%S}.log"
    day = parse_day(today)
    try:
        if redis_url:
            connect(redis_url)
        with site_lock(site.db, site.name):
            if redis_url:
                result = run_distributed(site, site.db, redis_url, workers, today=day,
                                         log_dir=log_file.parent, full=full)
            else:
                result = run_crawl(site, site.db, today=day, log_file=log_file, full=full)
    except LockHeld as exc:
        fail(str(exc), EXIT_LOCKED)
    except RedisUnavailable as exc:
        fail(str(exc))
    if result["outcome"] != "ok":
        fail(f"crawl {result['id']} of {site.name} {result['outcome']}: {result['message']}", EXIT_FAILED)
    if not quiet:
        click.echo(_summary(result, site.db))


def _crawl_all(folder, parallel, db_path, today, full, quiet):
    from crawler.sites import config_files, crawl_all, load_sites
    if not folder.is_dir():
        fail(f"{folder}: --all wants a folder of site configs")
    try:
        load_sites([folder])          # every config valid before any crawl starts
    except ConfigError as exc:
        fail(str(exc))
    files = config_files([folder])
    if not files:
        fail(f"{folder}: no site configs (*.yml) in it")
    args = [*(["--db", str(db_path)] if db_path else []), *(["--today", today] if today else []),
            *(["--full"] if full else []), *(["--quiet"] if quiet else [])]
    statuses = crawl_all(files, parallel, args)
    failed = {f: code for f, code in statuses.items() if code != 0}
    if not quiet:
        click.echo(f"{len(statuses) - len(failed)} of {len(statuses)} sites crawled"
                   + (f"; failed: {', '.join(failed)}" if failed else ""))
    if failed:
        sys.exit(max(failed.values()) if len(set(failed.values())) == 1 else EXIT_FAILED)


@main.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(exists=True, path_type=Path))
@click.option("--json", "as_json", is_flag=True, help="Print a JSON list.")
def sites(paths, as_json):
    """The configured sites (folders of site configs, or config files) and how they stand."""
    from crawler.sites import load_sites, overview
    try:
        rows = [overview(site) for site in load_sites(list(paths))]
    except ConfigError as exc:
        fail(str(exc))
    if as_json:
        click.echo(json.dumps(rows, ensure_ascii=False))
        return
    from rich.console import Console
    from rich.table import Table
    table = Table("site", "start URL", "last crawl", "outcome", "pages", "items", "checked as of", "verdict")
    for r in rows:
        table.add_row(r["site"], r["start_url"], r["last_crawl"] or "—", r["crawl_outcome"] or "—",
                      str(r["pages"] or "—"), str(r["items"] or "—"), r["as_of"] or "—", r["verdict"] or "—")
    Console().print(table)


def _summary(crawl: dict, db_path) -> str:
    return (f"crawl {crawl['id']} of {crawl['site']} ({crawl['mode']}): {crawl['requests']} requests, "
            f"{crawl['not_modified']} not modified (304); {crawl['pages']} pages, {crawl['columns']} columns, "
            f"{crawl['items']} items ({crawl['new_items']} new), {crawl['links']} links, "
            f"{crawl['errors']} errors ({crawl['started']} → {crawl['finished']}); database: {db_path}")


@main.command()
@click.option("--redis", "redis_url", required=True, help="The Redis of the crawl run (redis://HOST:PORT/DB).")
@click.option("--run", help="Which run to join (default: the one in progress).")
@click.option("--seed", is_flag=True, hidden=True, help="Start the run's crawl (the first local worker).")
@click.option("--log", "log_file", type=click.Path(dir_okay=False, path_type=Path), help="Log file.")
def worker(redis_url, run, seed, log_file):
    """Join a crawl run shared through Redis, from this or another machine."""
    from crawler.crawl import run_worker
    from crawler.distributed import RedisUnavailable
    try:
        click.echo(run_worker(redis_url, run, seed=seed, log_file=log_file))
    except RedisUnavailable as exc:
        fail(str(exc))


@main.command()
@click.option("--db", "db_path", type=click.Path(dir_okay=False, path_type=Path), required=True,
              help="SQLite file written by `portalwatch crawl`.")
@click.option("--site", help="Site name (default: the latest crawl of any site).")
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object.")
def status(db_path, site, as_json):
    """The latest crawl: duration, pages, items, columns per level, errors."""
    if not db_path.exists():
        fail(f"{db_path}: no such database")
    db = store.open_db(db_path)
    info = store.crawl_status(db, site)
    if info is None:
        fail(f"{db_path}: no crawl recorded yet", EXIT_FAILED)
    if as_json:
        click.echo(json.dumps(info, ensure_ascii=False))
        return
    levels = " / ".join(str(n) for n in info["columns_by_level"]) or "none"
    click.echo(f"site       {info['site']}\ncrawl      {info['crawl_id']} ({info['outcome']})\n"
               f"started    {info['started']}\nfinished   {info['finished']}\n"
               f"duration   {info['duration_s']} s\npages      {info['pages']}\n"
               f"columns    {info['columns']} (by level: {levels})\nitems      {info['items']}\n"
               f"links      {info['links']}\nerrors     {info['errors']}")
    if info["message"]:
        click.echo(f"message    {info['message']}")


@main.command()
@click.argument("site_file", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--db", "db_path", type=click.Path(dir_okay=False, path_type=Path),
              help="SQLite file (default: the config's `db`).")
@click.option("--every", help="Probe again at this interval (30s, 5m, 1h) until stopped.")
@click.option("--count", type=int, help="With --every: stop after this many rounds.")
@click.option("--quiet", is_flag=True, help="Print nothing (for cron).")
def probe(site_file, db_path, every, count, quiet):
    """Check the site is reachable: the home page and a few key columns."""
    import time
    from crawler.probe import parse_every, probe_once, probe_urls
    try:
        site = load_site(site_file, db=db_path)
        interval = parse_every(every) if every else None
    except (ConfigError, ValueError) as exc:
        fail(str(exc))
    db = store.open_db(site.db)
    rounds = 0
    while True:
        rows = probe_once(probe_urls(site, db), site.politeness.timeout, site.agent("availability probe"))
        store.write_probes(db, site.name, rows)
        rounds += 1
        if not quiet:
            for row in rows:
                state = "ok" if row["ok"] else f"FAILED ({row['error']})"
                click.echo(f"{row['at']}  {row['status'] or '---'}  {row['elapsed_ms']:8.0f} ms  {state}  {row['url']}")
        if interval is None or (count and rounds >= count):
            break
        time.sleep(interval)
    if not all(r["ok"] for r in rows):
        sys.exit(EXIT_FAILED)


@main.command()
@click.argument("url")
@click.option("--config", "site_file", type=click.Path(dir_okay=False, path_type=Path),
              help="The site's config (its start URL marks the home page).")
@click.option("--today", help="Resolve year-less list dates against this day (YYYY-MM-DD).")
def explain(url, site_file, today):
    """Fetch one page and show how portalwatch understands it."""
    from crawler.explain import FetchError, explain as run_explain
    from crawler.understand.overrides import compile_lists
    home, overrides = None, []
    if site_file:
        try:
            site = load_site(site_file)
        except ConfigError as exc:
            fail(str(exc))
        home, overrides = site.start_url, compile_lists(site.overrides.get("lists"))
    try:
        run_explain(url, today=parse_day(today), home_url=home, overrides=overrides)
    except FetchError as exc:
        fail(str(exc), EXIT_FAILED)


def _register():
    from crawler.demo import demo
    from crawler.reporting.cli import report
    from crawler.review.cli import review
    main.add_command(demo)
    main.add_command(review)
    main.add_command(report)
    from crawler.checks.cli import check, findings
    main.add_command(check)
    main.add_command(findings)
    try:
        from sample.cli import sample    # the sample portal ships with the source, not with every install
        main.add_command(sample)
    except ImportError:
        pass


_register()
