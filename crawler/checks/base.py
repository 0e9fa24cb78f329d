"""What every rule shares: the finding it returns and the context it reads."""
from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from datetime import date

from .rulepack import RulePack

# The rows a check sees are those of the crawl it checks. A later run may have touched a
# row since (a crawl still running, or one that failed), so "seen in crawl N" means:
ITEM_SEEN = "{a}.last_crawl >= :crawl and {a}.first_crawl <= :crawl"
ROW_SEEN = "{a}.crawl_id >= :crawl"


def item_seen(alias: str = "i") -> str:
    return ITEM_SEEN.format(a=alias)


def row_seen(alias: str) -> str:
    return ROW_SEEN.format(a=alias)


@dataclass
class Finding:
    kind: str
    key: str                    # what the finding is about, stable across runs (URL, unit|entry …)
    severity: str               # veto, deduct, warning
    indicator: str
    detail: str                 # one line for a person
    url: str | None = None      # the page, item, link target or column concerned
    column_url: str | None = None
    column: str | None = None   # the column's path (breadcrumb) as the site shows it
    unit: str | None = None
    evidence: dict = field(default_factory=dict)

    def fingerprint(self, site: str) -> str:
        raw = f"{site}\x1f{self.kind}\x1f{self.key}"
        return hashlib.sha1(raw.encode("utf-8")).hexdigest()[:20]

    def evidence_json(self) -> str:
        return json.dumps(self.evidence, ensure_ascii=False, sort_keys=True, default=str)


@dataclass
class Column:
    url: str
    name: str
    path: str
    level: int
    parent_url: str | None
    column_type: str | None
    cls: str = "other"
    cls_source: str = "default"     # pin, meta, name, path, catalogue, default
    unit: str = ""
    unit_type: str = "government"
    unit_url: str | None = None
    in_catalogue: bool = False
    is_leaf: bool = True
    n_items: int = 0
    n_dated: int = 0
    newest: str | None = None       # newest publish date on or before the as-of date
    n_listed: int = 0
    n_linked: int = 0               # of a column with no items: content links its page shows
    own_text: int = 0               # Chinese characters its list-less page shows of its own
    page_ok: bool = False           # the column's own page (or a list page of it) answered
    page_kind: str | None = None
    empty_marker: bool = False


@dataclass
class Context:
    db: object                      # sqlite_utils.Database
    site: str
    crawl_id: int
    as_of: date
    rules: RulePack
    home_url: str | None = None
    columns: dict = field(default_factory=dict)        # url -> Column
    units: dict = field(default_factory=dict)          # name -> {"type", "url", "columns": set}
    measures: dict = field(default_factory=dict)       # indicator -> value shown in the verdict
    unmeasured: set = field(default_factory=set)       # indicators a rule had no data for

    @property
    def args(self) -> dict:
        return {"site": self.site, "crawl": self.crawl_id, "as_of": self.as_of.isoformat()}

    def query(self, sql: str, **extra) -> list[dict]:
        cursor = self.db.execute(sql, {**self.args, **extra})
        names = [d[0] for d in cursor.description]
        return [dict(zip(names, row)) for row in cursor.fetchall()]

    def params(self, kind: str) -> dict:
        return self.rules.kind(kind)

    def column(self, url: str | None) -> Column | None:
        return self.columns.get(url) if url else None

    def unit_of(self, column_url: str | None) -> str:
        col = self.column(column_url)
        return col.unit if col else self.government_name

    @property
    def government_name(self) -> str:
        return (self.rules.section("units") or {}).get("government_name") or "本级"


def iso_to_date(text: str | None) -> date | None:
    if not text:
        return None
    try:
        return date.fromisoformat(text[:10])
    except ValueError:
        return None


def age_days(as_of: date, text: str | None) -> int | None:
    day = iso_to_date(text)
    return (as_of - day).days if day else None
