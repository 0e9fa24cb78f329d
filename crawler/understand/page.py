"""One page, understood: the single entry point the spider and `explain` call."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from . import article, breadcrumb, dates, hanweb, jpaas, lists, pagination
from .dom import anchors, meta_tags, parse, text_without_links
from .overrides import next_by_override, rows_by_override
from .urls import Joiner, index_forms, target_kind

# A page that answers 200 but says it is not there (a soft 404): its <title>, or the whole of a
# short page, says so. Phrases, not words: an article may well mention "找不到".
_NOT_FOUND = ("页面不存在", "页面未找到", "页面找不到", "找不到该页面", "找不到页面", "页面已删除",
              "页面已被删除", "无法找到该页", "页面无法访问", "Not Found", "not found")
_TITLED_404 = re.compile(r"\s*(HTTP\s*)?404(\s|$|[-_|:：!！]|错误|页面)")
_NOT_FOUND_SHORT = 400     # characters of text outside links on an error page, at most
_EMPTY_MARKERS = ("暂无信息", "暂无数据", "暂无内容", "暂无记录", "没有信息", "没有记录", "无相关信息")
_ARTICLE_CRUMBS = {"正文", "详情", "内容", "正文内容", "文章", "详细内容", "信息详情", "查看"}
_ARTICLE_METAS = {"PubDate", "ArticleTitle", "firstpublishedtime"}
_FOOTER_WORDS = ("主办单位", "主办：", "承办单位", "版权所有", "网站标识码", "网站识别码", "ICP备", "Copyright",
                 "copyright")
_ARTICLE_MIN_ROWS = 8   # an article may show a few related links with dates; a list shows more


@dataclass
class Link:
    url: str
    anchor: str
    tag: str            # a, img, iframe


@dataclass
class PageView:
    url: str
    kind: str = "other"                 # home, column, article, missing (a soft 404), other
    title: str = ""
    metas: dict = field(default_factory=dict)
    crumbs: list = field(default_factory=list)      # [(name, url|None)] as shown
    chain: list = field(default_factory=list)       # columns in the breadcrumb, level 1 first
    rows: list = field(default_factory=list)        # lists.ListRow
    pages: list = field(default_factory=list)       # other pages of this list
    next_page: str | None = None                    # the one after this, when known
    data_requests: list = field(default_factory=list)  # (url, form fields or None for GET) of script-fed lists
    total_pages: int | None = None
    empty_marker: bool = False
    says_article: bool = False                      # a PubDate, 发布时间 or 索引号 of its own
    own_text: int = 0                               # a list-less column page's own text (Chinese characters)
    links: list = field(default_factory=list)
    fields: dict = field(default_factory=dict)
    attachments: list = field(default_factory=list)
    tables: list = field(default_factory=list)
    text: str = ""
    footer: dict = field(default_factory=dict)
    dates: dict = field(default_factory=dict)       # source → date, for articles
    written_date: date | None = None


def read_page(url: str, html: str, *, today: date | None = None, is_home: bool = False,
              home_url: str | None = None, overrides: list | None = None,
              column_url: str | None = None, aliases: dict | None = None) -> PageView:
    """Everything portalwatch reads from one page. `overrides` are the site config's list
    corrections (crawler/understand/overrides.py); the first whose pattern matches wins.
    `column_url` is the column whose list this page goes on with, when the crawl knows it
    (page 2 of a list whose breadcrumb does not link its own column). `aliases` map the site's
    other scheme to its own (urls.same_site)."""
    view = PageView(url=url)
    doc = parse(html)
    if doc is None:
        return view
    join = Joiner(url, aliases)
    base = doc.find(".//base")
    if base is not None and base.get("href"):
        join = Joiner(join(base.get("href")) or url, aliases)

    view.metas = meta_tags(doc)
    links = anchors(doc, join)
    view.links = _links(doc, join, links)
    # Scanning every element for a breadcrumb class costs more than the rest of the
    # breadcrumb: only when the markup says the word.
    view.crumbs = breadcrumb.find_breadcrumb(doc, join, labelled="crumb" in html)
    view.chain = breadcrumb.column_chain(view.crumbs, home_url)

    pager_urls, pager_anchors, next_url = pagination.pager_links(links)
    view.rows = lists.find_rows(links, today=today, skip=pager_anchors)
    unit_rows = []
    if hanweb.is_hanweb_list(html):
        unit_rows = _hanweb_rows(view, html, join, today)
        view.rows += unit_rows
    if "queryData" in html or "querydata" in html:
        view.data_requests += [(url, None) for url in jpaas.unit_requests(doc, join)]
    rule = next((o for o in overrides or () if o.applies(url)), None)
    if rule is not None:
        view.rows = rows_by_override(rule, doc, join, today)
    body = doc.find("body")
    body = body if body is not None else doc
    loose_text = text_without_links(body)
    view.footer = article.footer_identity(html)
    view.title = article.title_of(doc, view.metas)
    view.empty_marker = any(m in loose_text for m in _EMPTY_MARKERS)

    # A page carrying a CMS list unit (a datastore) is that list's page, however few its rows.
    listed = rule is not None or column_url or (unit_rows and not _ARTICLE_METAS & view.metas.keys())
    view.kind = "home" if is_home else ("column" if listed else _kind(view, loose_text, html))
    if _says_not_found(article.document_title(doc), loose_text):
        view.kind = "missing"
    if view.kind != "article":
        view.title = article.document_title(doc) or view.title
    if view.kind in ("column", "home"):
        scripted = pagination.scripted_pages(html, url) if "createPageHTML" in html or "countPage" in html else []
        jumps = pagination.jump_pages(doc, join) if "<option" in html else []
        view.pages = _dedupe(scripted + pager_urls + jumps, url)
        view.next_page = next_url if next_url in view.pages else (view.pages[0] if view.pages else None)
        if rule is not None and rule.next is not None:
            found = next_by_override(rule, doc, join)
            view.pages = [found] if found and found != url else []
            view.next_page = view.pages[0] if view.pages else None
        view.total_pages = pagination.total_pages(loose_text)
        if view.kind == "column" and view.crumbs and not view.rows:
            view.own_text = _own_text(view, loose_text)
        if view.kind == "column" and view.chain and view.chain[-1][1] is None:
            view.chain[-1] = (view.chain[-1][0], column_url or url)
    elif view.kind == "article":
        _read_article(view, doc, links, loose_text, today)
        view.rows, view.data_requests = [], []
    return view


def _hanweb_rows(view: PageView, html: str, join, today) -> list:
    """Rows of embedded Hanweb lists, and the dataproxy requests for the rest of them."""
    rows, seen = [], set()
    for unit in hanweb.jpage_units(html):
        key = tuple(unit.records)
        if key in seen:
            continue  # the same list rendered again for mobile
        seen.add(key)
        found = rows_from_fragments(unit.records, join, today)
        rows += found
        # The records' links are on the page once its script has run: they count as its links.
        view.links += [Link(r.url, r.title, "a") for r in found]
        proxy = join(unit.proxy_url)
        view.data_requests += [(f"{proxy}?{query}", form) for query, form in unit.remaining_requests()]
    return rows


def rows_from_fragments(fragments: list[str], join, today) -> list:
    """List rows from HTML fragments (a datastore's records, an API's answer)."""
    doc = parse(f"<html><body><ul>{''.join(fragments)}</ul></body></html>")
    rows = lists.find_rows(anchors(doc, join), today=today) if doc is not None else []
    if len(rows) < len(fragments) > 1:
        rows = _record_rows(fragments, join, rows)
    return rows


def _record_rows(records: list[str], join, dated: list) -> list:
    """A datastore's records are list rows by the CMS's own word, dated or not (a picture
    list shows none): each record's first titled link, with its date where it has one."""
    by_url = {row.url: row for row in dated}
    rows = []
    for n, record in enumerate(records):
        doc = parse(f"<html><body>{record}</body></html>")
        link = next((a for a in anchors(doc, join) if a.url and (a.label or a.el.get("title"))), None) \
            if doc is not None else None
        if link is not None:
            rows.append(by_url.get(link.url) or lists.ListRow(link.url, lists.title_of(link.el, link.label),
                                                              None, "", n, 0))
    return rows


def _kind(view: PageView, loose_text: str, html: str) -> str:
    labelled = dates.labelled_dates(loose_text[:4000])
    signals = any(view.metas.get(k) for k in _ARTICLE_METAS)
    signals = signals or any(k in labelled for k in (*dates.PUBLISH_LABELS, "发文日期") if k not in ("日期", "时间"))
    signals = signals or len([k for k in ("索引号", "来信时间", "来信人", "回复内容", "文号") if k in loose_text]) >= 2
    view.says_article = signals
    dated_rows = sum(1 for r in view.rows if r.date is not None)
    if not signals and not dated_rows and "<textarea" in html:
        return "other"   # a form for the public (我要写信, 在线申请): neither a list nor an item
    # A breadcrumb ending in unlinked 正文 (or the headline itself) marks an article, dated or not.
    tail, tail_url = view.crumbs[-1] if view.crumbs else ("", "")
    signals = signals or (tail_url is None and not view.empty_marker
                          and (tail in _ARTICLE_CRUMBS or (len(tail) >= 4 and tail in view.title)))
    if signals and dated_rows < _ARTICLE_MIN_ROWS:
        return "article"
    if view.rows or view.data_requests or view.empty_marker:
        return "column"
    if view.crumbs:
        # A page whose breadcrumb ends at another page is that column's content (a service
        # guide, a leader's page: undated, still 信息); a column's own page ends at itself.
        last = view.crumbs[-1][1]
        return "article" if last and last not in index_forms(view.url) else "column"
    return "other"


def _own_text(view: PageView, loose_text: str) -> int:
    """Chinese characters a column's page shows, outside links, between its breadcrumb's last
    name and its footer: a single-page column's content (联系方式, 单位简介); 0 when the page
    does not say where its breadcrumb ends."""
    name = view.crumbs[-1][0]
    start = loose_text.find(name)
    if start < 0:
        return 0
    start += len(name)
    ends = [i for i in (loose_text.find(w, start) for w in _FOOTER_WORDS) if i >= 0]
    body = loose_text[start:min(ends, default=len(loose_text))]
    return sum(1 for ch in body if "\u4e00" <= ch <= "\u9fff")


def _says_not_found(title: str, loose_text: str) -> bool:
    if any(p in title for p in _NOT_FOUND) or _TITLED_404.match(title):
        return True
    return len(loose_text) <= _NOT_FOUND_SHORT and any(p in loose_text for p in _NOT_FOUND)


def _read_article(view: PageView, doc, links, loose_text: str, today):
    view.fields = article.fields_of(doc)
    view.attachments = article.attachments_of(links)
    view.tables = article.data_tables(doc)
    view.text = loose_text
    labelled = dates.labelled_dates(loose_text[:4000])
    meta = dates.parse_date(view.metas.get("PubDate") or view.metas.get("pubdate")
                            or view.metas.get("firstpublishedtime"))
    table = next((dates.parse_date(view.fields[k]) for k in ("发布日期", "公开日期") if k in view.fields), None)
    shown = next((labelled[k] for k in dates.PUBLISH_LABELS if k in labelled), None)
    view.dates = {"meta": meta, "table": table, "article": shown, "url": dates.date_from_url(view.url)}
    written = view.fields.get("成文日期") or view.fields.get("印发日期")
    view.written_date = dates.parse_date(written) if written else labelled.get("成文日期")


def _links(doc, join, links) -> list[Link]:
    out = [Link(a.url, a.label[:200] or (a.el.get("title") or "").strip()[:200], "a")
           for a in links if a.url]
    # Older portals: a home page that is a <frameset>, a menu drawn as an image map.
    for el in doc.iter("img", "iframe", "frame", "area"):
        url = join(el.get("href") if el.tag == "area" else el.get("src"))
        if url:
            out.append(Link(url, (el.get("alt") or "")[:200], "a" if el.tag == "area" else el.tag))
    return out


def _dedupe(urls, own):
    seen, out = {own}, []
    for u in urls:
        if u not in seen and target_kind(u) == "page":
            seen.add(u)
            out.append(u)
    return out
