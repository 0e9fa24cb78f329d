"""What a report reads: the period's check run, its crawl, the site's identity, the column
classes and units (through `crawler.checks.classify`, as the checks saw them) and the
period's findings with their effective review status (through `crawler.decisions`).
"""
from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from urllib.parse import urlsplit

from crawler import decisions
from crawler.checks import schema as check_schema
from crawler.checks.base import Context
from crawler.checks.classify import load_columns
from crawler.checks.rulepack import RulePack, RulePackError, load_rules

from .period import Period

NO_DATA, USAGE = 1, 2


class ReportError(Exception):
    """A report that cannot be made; one line for the operator, and the exit status."""

    def __init__(self, message: str, status: int = NO_DATA):
        super().__init__(message)
        self.status = status


@dataclass
class Source:
    db: object
    site: str
    period: Period
    check: dict                      # the latest check run with its as-of day in the period
    crawl: dict
    rules: RulePack
    ctx: Context
    checks: list = field(default_factory=list)     # every check run of the site, oldest first

    @property
    def as_of(self) -> date:
        return date.fromisoformat(self.check["as_of"])

    @property
    def crawl_id(self) -> int:
        return self.check["crawl_id"]


def sites_in_period(db, period: Period, site: str | None = None) -> list[str]:
    """The sites with a check run whose as-of day falls in the period."""
    check_schema.ensure_schema(db)
    args = [period.start.isoformat(), period.end.isoformat()]
    sql = "select distinct site from checks where as_of between ? and ? and finished is not null"
    if site:
        sql += " and site = ?"
        args.append(site)
    found = [r[0] for r in db.execute(sql + " order by site", args)]
    if found:
        return found
    crawled = db.execute("select count(*) from crawls where outcome = 'ok'" + (" and site = ?" if site else ""),
                         [site] if site else []).fetchone()[0]
    who = f"site '{site}'" if site else "this database"
    if not crawled:
        raise ReportError(f"no crawl data for {who} (run `portalwatch crawl` and `portalwatch check` first)")
    raise ReportError(f"no check run of {who} with an as-of day in {period.tag} "
                      f"({period.start} to {period.end}): no crawl data for that period")


def open_source(db, site: str, period: Period, *, rules_path=None, site_config=None) -> Source:
    checks = list(db.query("select * from checks where site = ? and finished is not null order by as_of, id",
                           [site]))
    inside = [c for c in checks if period.contains(date.fromisoformat(c["as_of"]))]
    if not inside:
        raise ReportError(f"no check run of site '{site}' in {period.tag}")
    check = max(inside, key=lambda c: (c["as_of"], c["id"]))
    crawl = db["crawls"].get(check["crawl_id"])
    rules = _rules(check, rules_path, site_config)
    ctx = Context(db=db, site=site, crawl_id=check["crawl_id"], as_of=date.fromisoformat(check["as_of"]),
                  rules=rules)
    load_columns(ctx)
    return Source(db=db, site=site, period=period, check=check, crawl=crawl, rules=rules, ctx=ctx,
                  checks=checks)


def _rules(check: dict, rules_path, site_config) -> RulePack:
    """The rule pack the check used (its recorded paths) unless told otherwise."""
    from crawler.config import ConfigError, load_site
    path = rules_path or (check.get("rules_path") if check.get("rules_path") and
                          Path(check["rules_path"]).exists() else None)
    config = site_config or (check.get("site_config") if check.get("site_config") and
                             Path(check["site_config"]).exists() else None)
    try:
        rules = load_rules(path)
        if config:
            site = load_site(config)
            rules = rules.for_site(site.rules, site.source)
    except (RulePackError, ConfigError) as exc:
        raise ReportError(str(exc), USAGE) from None
    return rules


# -- the site's identity -----------------------------------------------------------

def identity(src: Source) -> dict:
    db, site, crawl = src.db, src.site, src.crawl_id
    home = db.execute("select url, title, meta, site_id_code from pages where site = ? and kind = 'home' "
                      "order by crawl_id >= ? desc, crawl_id desc limit 1", [site, crawl]).fetchone()
    meta = {}
    if home and home[2]:
        try:
            meta = json.loads(home[2]) or {}
        except ValueError:
            meta = {}
    code = (home[3] if home else None) or meta.get("SiteIDCode")
    if not code:
        row = db.execute("select site_id_code, count(*) n from pages where site = ? and site_id_code is not null "
                         "group by site_id_code order by n desc limit 1", [site]).fetchone()
        code = row[0] if row else None
    home_url = home[0] if home else src.crawl.get("start_url")
    return {
        "site": site,
        "site_name": meta.get("SiteName") or (home[1] if home and home[1] else site),
        "site_id_code": code or "（未识别）",
        "domain": meta.get("SiteDomain") or (urlsplit(home_url).hostname if home_url else ""),
        "home_url": home_url,
    }


# -- findings ----------------------------------------------------------------------

OUTSTANDING = ("open", "confirmed")
DONE = ("fixed", "resolved")


def period_findings(src: Source, start: date | None = None, end: date | None = None) -> list[dict]:
    """Findings seen during the period (first seen on or before its end, last seen on or
    after its start), each with `review_status` by the one rule in `crawler.decisions`."""
    decisions.ensure_schema(src.db)
    start = (start or src.period.start).isoformat()
    end = (end or src.period.end).isoformat()
    rows = list(src.db.query(
        f"select * from {decisions.VIEW} where site = ? and first_seen <= ? and last_seen >= ? order by id",
        [src.site, end, start]))
    for r in rows:
        try:
            r["evidence"] = json.loads(r["evidence"]) if r["evidence"] else {}
        except ValueError:
            r["evidence"] = {}
        r["present"] = r["last_seen"] >= src.check["as_of"]      # still seen by the period's last check
    return rows


def status_counts(rows: list[dict]) -> Counter:
    return Counter(r["review_status"] for r in rows)
