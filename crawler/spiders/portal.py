"""The portal spider: walks one site and yields records; it stores and judges nothing."""
from __future__ import annotations

import functools
from datetime import date, datetime, timezone
from urllib.parse import quote

import scrapy
from scrapy.exceptions import (CannotResolveHostError, DownloadConnectionRefusedError,
                               DownloadFailedError, DownloadTimeoutError, IgnoreRequest,
                               ResponseDataLossError)
from scrapy.spidermiddlewares.httperror import HttpError
from twisted.internet.error import (ConnectionLost, ConnectionRefusedError, DNSLookupError,
                                    TCPTimedOutError, TimeoutError)

from crawler.plan import CrawlPlan
from crawler.records import (NOT_ASKED_ROBOTS, SOFT_404, ColumnRecord, Done, ItemRecord, LinksRecord,
                             ListingsRecord, PageRecord, Seeded, TargetRecord)
from crawler.understand import jpaas
from crawler.understand.breadcrumb import column_name
from crawler.understand.dates import date_from_url, iso
from crawler.understand.encoding import decode
from crawler.understand.hanweb import records_of
from crawler.understand.overrides import compile_lists, compile_skip
from crawler.understand.page import Link, PageView, read_page, rows_from_fragments
from crawler.understand.urls import Joiner, host_of, index_forms, same_site, target_kind

_HTML_TYPES = ("text/html", "application/xhtml")
# Statuses the callbacks read themselves (not modified, and every error, which is a finding);
# redirects are not among them, so Scrapy follows a moved page (http to https, a bare domain
# to www.) to where it went.
_ANSWERED = [304, *range(400, 600)]
# What an operator can do about a start URL that turns the crawl away.
_HINTS = {403: " (a firewall that refuses unknown clients? set user_agent in the site config)",
          412: " (an anti-bot shield that wants a browser: ask the site's operator to let the crawl's "
               "address through)"}
# List pages first: they decide what is stale; link checks last.
_PRIORITY = {"list": 20, "page": 10, "check": 0}


def _closes(callback):
    """Count the answer; pass a callback's requests on as they come; gather its records into
    one Done, carrying the request's queue token, yielded last."""
    @functools.wraps(callback)
    def wrapper(self, result):
        self.crawler.stats.inc_value("portalwatch/requests")
        records = []
        for output in callback(self, result) or ():
            if isinstance(output, scrapy.Request):
                yield output
            else:
                records.append(output)
        request = getattr(result, "request", None)
        yield Done(request.meta.get("_pw_raw") if request is not None else None, records)
    return wrapper


class PortalSpider(scrapy.Spider):
    name = "portal"

    def __init__(self, site, crawl_id: int, today: date | None = None, plan: CrawlPlan | None = None,
                 seed: bool = True, **kwargs):
        super().__init__(**kwargs)
        self.site = site
        self.crawl_id = crawl_id
        self.today = today or date.today()
        self.plan = plan or CrawlPlan()
        self.incremental = self.plan.mode == "incremental"
        self.hosts = {h.lower() for h in site.allowed_hosts} | {host_of(site.start_url)}
        self.home_url = site.start_url
        self.aliases = same_site(self.hosts, site.start_url.split(":", 1)[0].lower())
        self.list_overrides = compile_lists(site.overrides.get("lists"))
        self.skip = compile_skip(site.overrides.get("skip"))
        # A cache in front of the scheduler's duplicate filter (which stays the authority,
        # in Redis too): building and fingerprinting a Request per link costs more than
        # the rest of a page's work, and most links are the same navigation on every page.
        self._requested: set[str] = set(self.plan.done) | index_forms(self.home_url)
        # Each column is announced once a crawl, not once per page whose breadcrumb names it
        # (the store upserts, so a repeat from another worker is harmless).
        self._announced: set[str] = set()
        self.home_error: str | None = None
        self.seed = seed    # False for a distributed worker joining a run another one started

    # -- requests ----------------------------------------------------------

    async def start(self):
        if not self.seed:
            return
        yield self._page_request(self.home_url, "list", home=True)
        # Columns the site may no longer link from a changed page are still visited.
        for url in self.plan.column_pages:
            request = self._follow(url, "page", is_list=True)
            if request:
                yield request
        for url, tag in self.plan.pending:
            request = self._follow(url, "image" if tag == "img" else target_kind(url), due=True)
            if request:
                yield request
        yield Seeded()

    def _page_request(self, url: str, priority: str, home: bool = False, list_of: str | None = None):
        meta = {"handle_httpstatus_list": _ANSWERED}
        if list_of:
            meta["list_of"] = list_of   # the column whose list this page shows or goes on with
        headers = {}
        # The home page is always read whole: its links are checked every night.
        etag, modified = (None, None) if home else self.plan.validators.get(url, (None, None))
        if etag:
            headers["If-None-Match"] = etag
        if modified:
            headers["If-Modified-Since"] = modified
        return scrapy.Request(url, callback=self.parse_page, errback=self.page_failed, meta=meta,
                              headers=headers or None, priority=_PRIORITY[priority], dont_filter=home)

    def _follow(self, url: str, kind: str, is_list: bool = False, from_home: bool = False,
                due: bool = False, list_of: str | None = None):
        if url in self._requested:
            return None
        if self.skip is not None and self.skip(url):
            self._requested.add(url)
            return None
        internal = host_of(url) in self.hosts and (not self.site.scope or url.startswith(self.site.scope))
        if self.incremental and not (is_list or from_home or due) and (
                url in self.plan.fresh_targets or url in self.plan.known_items):
            return None  # checked recently, or an article already stored
        self._requested.add(url)
        known = self.incremental and url in self.plan.known_items
        if kind == "page" and internal and not known:
            return self._page_request(url, "list" if is_list else "page", list_of=list_of)
        if not internal and not self.site.check_external:
            return None
        return scrapy.Request(url, method="HEAD", callback=self.target_checked,
                              errback=self.target_failed, priority=_PRIORITY["check"],
                              meta={"handle_httpstatus_list": _ANSWERED, "dont_obey_robotstxt": True,
                                    "target_kind": kind if internal else "external"})

    # -- pages -------------------------------------------------------------

    @_closes
    def parse_page(self, response):
        url = _requested_url(response)
        is_home = url == self.home_url
        if is_home and response.url != url:
            # The start URL moved (http to https, a bare domain to www.): the site is where it
            # went, and the page it went to is the home page, not another page to read.
            self._requested.add(response.url)
            self.hosts.add(host_of(response.url))
            self.aliases = same_site(self.hosts, response.url.split(":", 1)[0])
            self.logger.info("the start URL redirects to %s", response.url)
        if response.status == 304:
            # Unchanged since the last crawl: what is stored stands, nothing new to follow.
            self.crawler.stats.inc_value("portalwatch/not_modified")
            return
        ctype = response.headers.get(b"Content-Type", b"").decode("latin-1").lower()
        page = PageRecord(
            url=url, status=response.status, content_type=ctype or None, size=len(response.body),
            elapsed_ms=_elapsed(response), fetched_at=_now(),
            etag=_header(response, b"ETag"), last_modified=_header(response, b"Last-Modified"),
        )
        # A link of the site that led off it (to a provincial platform, say) is checked, not read.
        offsite = host_of(response.url) not in self.hosts
        if response.status >= 400 or not ctype.startswith(_HTML_TYPES) or offsite:
            if is_home and response.status >= 400:
                self.home_error = f"the start URL answered HTTP {response.status}" + _HINTS.get(response.status, "")
                return
            yield TargetRecord(url, "page", response.status, checked_at=page.fetched_at)
            yield page
            return

        text, _ = decode(response.body, ctype)
        list_of = response.meta.get("list_of")
        view = read_page(response.url, text, today=self.today, is_home=is_home,
                         home_url=self.home_url, overrides=self.list_overrides, column_url=list_of,
                         aliases=self.aliases)
        page.kind, page.title, page.empty_marker = view.kind, view.title, view.empty_marker
        page.own_text = view.own_text or None
        if view.kind == "missing":
            # Its links are the error template's, relative to a path that is not there: a trap.
            if is_home:
                self.home_error = f"the start URL shows a page saying it does not exist ({view.title})"
                return
            yield TargetRecord(url, "page", response.status, error=SOFT_404, checked_at=page.fetched_at)
            yield page
            return
        yield TargetRecord(url, "page", response.status, checked_at=page.fetched_at)
        page.site_id_code = view.footer.get("site_id_code")
        page.icp = view.footer.get("icp")
        page.police_record = view.footer.get("police_record")
        page.meta = {k: v for k, v in view.metas.items()
                     if k in ("ColumnType", "SiteName", "SiteIDCode", "SiteDomain", "PubDate", "ArticleTitle")}

        # A page with no breadcrumb that shows a list is a column, unless it says it is an
        # article (one with many dated 相关文章 links reads as a list).
        unplaced = not view.chain and not list_of and not view.says_article
        page.column_url, columns = self._columns(view, url, unplaced=unplaced)
        yield from columns
        if list_of and not view.chain:
            page.column_url = list_of   # the list a column page shows in its frame
        if view.kind in ("home", "column") and view.rows:
            yield self._listings(view, url, page.column_url)
            yield from self._changed_items(view)
        if view.kind == "article":
            yield self._article(view, url, page.column_url, response.status)
        if view.kind == "column" and page.column_url and not view.rows and not view.data_requests:
            yield from self._frames(view, page.column_url)
        # The list's own pages first, as list pages; then every other link, once.
        yield from self._next_pages(view, page.column_url)
        yield from self._links(view, url, from_home=is_home)
        # Last, so that a stored page row means all of the page's records are stored
        # (a resumed crawl skips exactly those pages).
        yield page

    def _changed_items(self, view):
        """In an incremental crawl, a known article whose list row changed is fetched again."""
        if not self.incremental:
            return
        for row in view.rows:
            if row.url in self.plan.known_items and not self.plan.is_known_item(row.url, iso(row.date), row.title):
                self._requested.discard(row.url)
                self.plan.known_items.pop(row.url)
                request = self._follow(row.url, "page")
                if request:
                    yield request

    def _frames(self, view, column_url):
        """Older templates show a column's list in an iframe of the column page: that page,
        and the pages after it, list the column's items though no breadcrumb says so."""
        for link in view.links:
            if link.tag == "iframe" and target_kind(link.url) == "page":
                request = self._follow(link.url, "page", is_list=True, list_of=column_url)
                if request:
                    yield request

    def _next_pages(self, view, column_url):
        pages = view.pages
        if self.incremental:
            # Further pages only while this one shows something new.
            fresh = any(not self.plan.is_known_item(r.url, iso(r.date), r.title) for r in view.rows)
            pages = [view.next_page] if fresh and view.next_page else []
        for next_url in pages:
            request = self._follow(next_url, "page", is_list=True, list_of=column_url)
            if request:
                yield request
        for data_url, form in view.data_requests:
            yield self._data_request(data_url, form, column_url, view.url)

    def _data_request(self, url, form, column_url, page_url):
        """Ask a list's data endpoint for its records: Hanweb's dataproxy.jsp (a form, past
        page one) or a jpaas unit (a plain GET, `form` None)."""
        method = str(self.site.overrides.get("data_method", "POST")).upper()
        meta = {"column_url": column_url, "page_url": page_url, "handle_httpstatus_list": _ANSWERED}
        if form is None:
            return scrapy.Request(url, callback=self.parse_records, meta=meta, priority=_PRIORITY["list"])
        if method == "GET":
            query = "&".join(f"{k}={quote(str(v))}" for k, v in form.items())
            return scrapy.Request(f"{url}&{query}", callback=self.parse_records, meta=meta,
                                  priority=_PRIORITY["list"])
        return scrapy.FormRequest(url, formdata=form, callback=self.parse_records, meta=meta,
                                  priority=_PRIORITY["list"], dont_filter=True)

    @_closes
    def parse_records(self, response):
        column_url = response.meta["column_url"]
        yield TargetRecord(response.url, "data", response.status, checked_at=_now())
        if response.status >= 400:
            return
        join = Joiner(response.url, self.aliases)
        more = []
        if jpaas.is_unit_answer(response.url):
            html, more = jpaas.read_answer(response.text, response.url, join)
            fragments = [html] if html else []
        else:
            fragments = records_of(response.text)
        rows = rows_from_fragments(fragments, join, self.today)
        if self.incremental and all(self.plan.is_known_item(r.url, iso(r.date), r.title) for r in rows):
            more = []   # nothing new on the first page: the rest stands as stored
        for url in more:
            yield self._data_request(url, None, column_url, response.meta.get("page_url"))
        yield self._listings(PageView(url=response.url, rows=rows), response.url, column_url)
        # The records are links the column page shows once its script has run.
        shown = PageView(url=response.url, links=[Link(r.url, r.title, "record") for r in rows])
        yield from self._links(shown, response.meta.get("page_url") or response.url)

    def _columns(self, view, url, unplaced: bool = False):
        """The column this page belongs to, and a record for each column in its breadcrumb;
        a list page that shows none (`unplaced`) announces itself, to be placed in the tree
        when the crawl ends (crawler/tree.py)."""
        if unplaced and view.kind == "column":
            if url not in self._announced:
                self._announced.add(url)
                name = column_name(view.title)
                return url, [ColumnRecord(url, name, None, 1, name, view.metas.get("ColumnType"), found_by="page")]
            return url, []
        records = []
        parent, names = None, []
        column_type = view.metas.get("ColumnType") if view.kind == "column" else None
        for level, (name, col_url) in enumerate(view.chain, start=1):
            if col_url is None or col_url == url and view.kind == "article":
                break
            names.append(name)
            last = level == len(view.chain)
            if col_url not in self._announced or (last and column_type):
                self._announced.add(col_url)
                records.append(ColumnRecord(col_url, name, parent, level, " > ".join(names),
                                            column_type if last else None))
            parent = col_url
        if view.kind == "home":
            return None, records
        return parent or (url if view.kind == "column" else None), records

    def _listings(self, view, url, column_url):
        rows = [(row.url, row.title, iso(row.date), row.date_text, row.position + 100 * row.block,
                 iso(date_from_url(row.url))) for row in view.rows]
        return ListingsRecord(url, column_url, rows)

    def _article(self, view, url, column_url, status):
        d = view.dates
        return ItemRecord(
            url=url, title=view.title, column_url=column_url,
            article_date=iso(d.get("article")), meta_date=iso(d.get("meta")),
            table_date=iso(d.get("table")), url_date=iso(d.get("url")),
            written_date=iso(view.written_date), fields=view.fields or None,
            attachments=view.attachments or None, tables=view.tables or None,
            text=view.text, status=status)

    def _links(self, view, url, from_home=False):
        seen, links = set(), []
        for link in view.links:
            if link.url in seen:
                continue
            seen.add(link.url)
            links.append((link.url, link.anchor, link.tag))
            if link.url not in self._requested:
                request = self._follow(link.url, "image" if link.tag == "img" else target_kind(link.url),
                                       from_home=from_home)
                if request:
                    yield request
        yield LinksRecord(url, links)

    @_closes
    def page_failed(self, failure):
        request = failure.request
        error = _error_name(failure)
        url = request.url
        if request.url == self.home_url:
            if error == NOT_ASKED_ROBOTS:
                self.home_error = (f"the site's robots.txt forbids the start URL {url} (where the office "
                                   "owns the site, set politeness.obey_robots: false)")
            else:
                self.home_error = f"could not reach the start URL {url}: {error}"
            return
        yield TargetRecord(url, "page", None, error=error, checked_at=_now())
        yield PageRecord(url=url, status=None, error=error, fetched_at=_now())

    # -- link targets that are only checked -----------------------------------

    @_closes
    def target_checked(self, response):
        url = _requested_url(response)
        kind = response.meta.get("target_kind", "page")
        if response.request.method == "HEAD" and response.status in (405, 501, 400):
            # Some servers refuse HEAD; ask again the long way before calling it broken.
            yield response.request.replace(method="GET", dont_filter=True)
            return
        yield TargetRecord(url, kind, response.status, checked_at=_now())

    @_closes
    def target_failed(self, failure):
        request = failure.request
        yield TargetRecord(request.url, request.meta.get("target_kind", "page"), None,
                           error=_error_name(failure), checked_at=_now())


def _requested_url(response) -> str:
    redirects = response.meta.get("redirect_urls")
    return redirects[0] if redirects else response.url


def _header(response, name: bytes) -> str | None:
    value = response.headers.get(name)
    return value.decode("latin-1") if value else None


def _elapsed(response) -> float | None:
    latency = response.meta.get("download_latency")
    return round(latency * 1000, 1) if latency is not None else None


def _now() -> str:
    return datetime.now(timezone.utc).astimezone().isoformat(timespec="seconds")


def _error_name(failure) -> str:
    if failure.check(IgnoreRequest) and "robots.txt" in str(failure.value):
        return NOT_ASKED_ROBOTS
    if failure.check(HttpError):
        return f"http {failure.value.response.status}"
    if failure.check(DNSLookupError, CannotResolveHostError):
        return "dns"
    if failure.check(TimeoutError, TCPTimedOutError, DownloadTimeoutError):
        return "timeout"
    if failure.check(ConnectionRefusedError, DownloadConnectionRefusedError):
        return "refused"
    if failure.check(ConnectionLost, ResponseDataLossError, DownloadFailedError):
        return "reset"
    return failure.type.__name__ if failure.type else "error"
