"""What the spider yields: plain records, one per fact, stored by the pipeline.

Links and list rows come one record per page (not per link) because a portal page carries
a hundred of them and per-link objects would dominate the crawl. For the same reason a
callback's records reach the pipeline together, in one `Done`: Scrapy's cost per yielded
item (middlewares, signals, stats) is paid once per response, not once per fact.
"""
from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(slots=True)
class PageRecord:
    url: str
    status: int | None
    content_type: str | None = None
    size: int | None = None
    elapsed_ms: float | None = None
    kind: str = "other"
    title: str | None = None
    column_url: str | None = None
    etag: str | None = None
    last_modified: str | None = None
    site_id_code: str | None = None
    icp: str | None = None
    police_record: str | None = None
    meta: dict | None = None
    error: str | None = None
    fetched_at: str | None = None
    empty_marker: bool | None = None
    own_text: int | None = None


@dataclass(slots=True)
class ColumnRecord:
    url: str
    name: str
    parent_url: str | None
    level: int
    path: str
    column_type: str | None = None
    # "breadcrumb", or "page": a list page that shows no breadcrumb, placed in the tree when
    # the crawl ends (crawler/tree.py)
    found_by: str = "breadcrumb"


@dataclass(slots=True)
class ItemRecord:
    url: str
    title: str | None = None
    column_url: str | None = None
    list_date: str | None = None
    article_date: str | None = None
    meta_date: str | None = None
    table_date: str | None = None
    url_date: str | None = None
    written_date: str | None = None
    fields: dict | None = None
    attachments: list | None = None
    tables: list | None = None
    text: str | None = None
    status: int | None = None


@dataclass(slots=True)
class ListingsRecord:
    page_url: str
    column_url: str | None
    rows: list = field(default_factory=list)    # (item_url, title, date, date_text, position, url_date)


@dataclass(slots=True)
class LinksRecord:
    source_url: str
    links: list = field(default_factory=list)   # (target_url, anchor, tag)


# A target's `error` when the site's robots.txt kept the crawl from asking: not checked, not broken.
NOT_ASKED_ROBOTS = "robots.txt"
# A target's `error` when it answered 200 with a page saying it is not there: broken, as an
# inspector clicking the link sees it.
SOFT_404 = "soft 404"


@dataclass(slots=True)
class TargetRecord:
    url: str
    kind: str
    status: int | None
    error: str | None = None
    checked_at: str | None = None


@dataclass(slots=True)
class Done:
    """A callback's records, yielded after every request it led to.

    A distributed worker acknowledges its request (`token`) with it; one process ignores
    the token.
    """
    token: bytes | None = None
    records: list = field(default_factory=list)


@dataclass(slots=True)
class Seeded:
    """The crawl's start requests are all queued: until then, a worker with nothing to do
    waits for them rather than calling the run finished."""


@dataclass(slots=True)
class WorkerReport:
    """What a distributed worker counted, sent to the writer when it stops."""
    requests: int = 0
    not_modified: int = 0
    home_error: str | None = None
