"""Pagination: the other pages of the same list, however the CMS spells them."""
from __future__ import annotations

import re
from urllib.parse import urlsplit

from .dom import squash


_WORDS = {"下一页", "下页", "后页", "尾页", "末页", "最后一页", "上一页", "上页", "前页", "首页",
          "第一页", "next", "next>", ">", ">>", "»", "›", "<", "<<", "«", "‹", "prev", "last", "first"}
_NEXT = {"下一页", "下页", "后页", "next", "next>", ">", "›"}
_TOTAL_PAGES = re.compile(r"共\s*(\d+)\s*页|\d+\s*/\s*(\d+)\s*页|页次\s*[:：]?\s*\d+\s*/\s*(\d+)")
# TRS: createPageHTML(9, 0, "index", "html") or var countPage = 17
_TRS_CALL = re.compile(r"createPageHTML\(\s*(\d+)\s*,\s*(\d+)\s*,\s*[\"']([\w-]+)[\"']\s*,\s*[\"'](\w+)[\"']")
# Its newer form names the pager's box and counts from 1, page N being stem_N:
# createPageHTML('page_div', 10, 1, 'xlist', 'shtml', 189)
_TRS_BOX_CALL = re.compile(r"createPageHTML\(\s*[\"'][\w-]+[\"']\s*,\s*(\d+)\s*,\s*(\d+)\s*,"
                           r"\s*[\"']([\w-]+)[\"']\s*,\s*[\"'](\w+)[\"']")
_TRS_COUNT = re.compile(r"var\s+countPage\s*=\s*(\d+)")


def pager_links(anchors) -> tuple[list[str], set, str | None]:
    """URLs of the list's other pages, the pager anchors themselves (not list rows), and
    the next page's URL where a 下一页-like link names it."""
    labels = {x.el: x.label for x in anchors}
    urls, found, next_url = [], set(), None
    for anchor in anchors:
        label = anchor.label
        if not label:
            continue
        is_word = label.lower() in _WORDS
        is_number = label.isdigit() and len(label) <= 4 and _among_pager(anchor.el, labels)
        if not (is_word or is_number):
            continue
        if is_word and label in ("首页", "第一页") and not _among_pager(anchor.el, labels):
            continue  # a home link, not a pager
        found.add(anchor.el)
        if anchor.url:
            urls.append(anchor.url)
            if next_url is None and label.lower() in _NEXT:
                next_url = anchor.url
    return urls, found, next_url


_PAGE_OPTION = re.compile(r"^(第\s*)?\d+(\s*页)?$")


def jump_pages(doc, join) -> list[str]:
    """Pages named only by a jump box (转到 <select onchange="location…"><option value="57_2.html">第2页),
    as older ASP/JSP templates draw their pager. A box counts when most of its options read
    as page numbers and their values are addresses (not numbers a script turns into one)."""
    urls = []
    for select in doc.iter("select"):
        options = [(squash("".join(o.itertext())), (o.get("value") or "").strip()) for o in select.iter("option")]
        pages = [value for label, value in options if _PAGE_OPTION.match(label)]
        if len(pages) < 2 or len(pages) * 2 < len(options):
            continue
        for value in pages:
            if value and not value.isdigit():
                url = join(value)
                if url:
                    urls.append(url)
    return urls


def _among_pager(a, labels) -> bool:
    """Beside other pager links, in a small box made mostly of them (not the whole page)."""
    box = a.getparent()
    for _ in range(2):
        if box is None or box.tag in ("body", "html"):
            return False
        texts = [labels.get(x, "") for x in box.iter("a")]
        pagerish = sum(1 for t in texts if t.isdigit() or t.lower() in _WORDS)
        if pagerish >= 2 and pagerish * 2 >= len(texts):
            return True
        box = box.getparent()
    return False


def total_pages(page_text: str) -> int | None:
    m = _TOTAL_PAGES.search(page_text)
    if not m:
        return None
    return int(next(g for g in m.groups() if g))


def scripted_pages(html: str, url: str) -> list[str]:
    """TRS pages whose pager is drawn by script: index_1.html … index_{n-1}.html (or, in the
    newer form, xlist_2.shtml … xlist_{n}.shtml)."""
    base = url.split("?", 1)[0].rsplit("/", 1)[0]
    m = _TRS_BOX_CALL.search(html)
    if m:
        count, current, stem, ext = int(m.group(1)), int(m.group(2)), m.group(3), m.group(4)
        pages = [f"{base}/{stem}_{n}.{ext}" for n in range(2, count + 1)]
        return pages[current - 1:] + pages[:max(current - 1, 0)]
    m = _TRS_CALL.search(html)
    if m:
        count, stem, ext = int(m.group(1)), m.group(3), m.group(4)
        current = int(m.group(2))
    else:
        m = _TRS_COUNT.search(html)
        if not m:
            return []
        count, current = int(m.group(1)), 0
        path = urlsplit(url).path.rsplit("/", 1)[-1] or "index.html"
        stem, _, ext = path.partition(".")
        stem = stem.split("_", 1)[0] or "index"
        ext = ext or "html"
    pages = [f"{base}/{stem}_{n}.{ext}" for n in range(1, count)]
    # The page after the current one first, so that an incremental crawl can stop early.
    return pages[current:] + pages[:current]
