"""List rows: the items (信息) a column page or home-page block shows, with their dates.

A row is the largest element around a title link that holds no other link; rows under
one parent form a list, and a list counts when most of its rows carry a date. This finds
<ul><li>, <table><tr>, <dl><dd> and <div> lists alike without knowing the template.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from lxml import etree

from .dates import has_date, parse_date
from .dom import squash, text, text_without_links
from .urls import target_kind

_MORE = {"更多", "更多>>", "更多>", "more", "more>>", ">>", "更多+", "+更多", "查看更多", "MORE", "More"}
_ELLIPSIS = ("…", "...", "..", "．．．")


@dataclass(slots=True)
class ListRow:
    url: str
    title: str
    date: date | None
    date_text: str
    position: int
    block: int          # which list on the page (home pages have several)


def find_rows(anchors, *, today: date | None, skip: set | None = None) -> list[ListRow]:
    """Every dated list on the page, flattened in document order."""
    skip = skip or set()
    # Links under each element, counted up to 2: rows only ask "one link, or more?". Once an
    # element holds two, so do all its ancestors, and the walk up can stop there.
    link_count: dict = {}
    linked = []
    for anchor in anchors:
        a = anchor.el
        if a.get("href") is None:
            continue
        linked.append(anchor)
        el = a
        while el is not None:
            seen = link_count.get(el, 0)
            if seen == 2:
                break
            link_count[el] = seen + 1
            el = el.getparent()

    groups: dict = {}
    order = []
    claimed = set()
    for anchor in linked:
        a, url, label = anchor.el, anchor.url, anchor.label
        if a in skip or not url:
            continue
        if not label or label in _MORE or label.isdigit():
            continue
        row = _row_of(a, link_count)
        parent = row.getparent()
        if parent is None or row in claimed:
            continue  # a row's first link is its title; the rest (解读, tags) are not items
        claimed.add(row)
        key = (parent, row.tag)
        if key not in groups:
            groups[key] = []
            order.append(key)
        groups[key].append((row, a, url, label))

    rows: list[ListRow] = []
    block = 0
    for key in order:
        members = groups[key]
        if not has_date(" ".join(key[0].itertext())):
            continue  # menus and link lists: nothing dated anywhere under them
        dated = []
        for row, a, url, label in members:
            date_text = _date_text(row, a, link_count)
            dated.append((row, a, url, label, date_text, parse_date(date_text, today=today)))
        with_date = sum(1 for d in dated if d[5] is not None)
        if with_date == 0 or with_date * 2 < len(dated):
            continue
        for position, (row, a, url, label, date_text, when) in enumerate(dated):
            if target_kind(url) == "image":
                continue
            rows.append(ListRow(url, title_of(a, label), when, date_text, position, block))
        block += 1
    return rows


_ROW_TAGS = {"li", "tr", "dd", "dt"}
_HOLDS_LIST = etree.XPath("boolean(.//ul | .//ol | .//table | .//dl)")


def _row_of(a, link_count):
    """The row around a title link: a list element near it, else its largest single-link box.

    Rows may hold more links than the title (a 解读 pop-up, a tag), so a nearby <li>/<tr>
    wins over the single-link rule.
    """
    el = a.getparent()
    for _ in range(3):
        if el is None or el.tag in ("body", "html", "ul", "ol", "table", "tbody", "dl"):
            break
        if el.tag in _ROW_TAGS:
            if next(el.iter("a")) is not a and _HOLDS_LIST(el):
                break   # a layout table's row around a whole block and a link after it
            return el
        el = el.getparent()
    row, parent = a, a.getparent()
    while parent is not None and link_count.get(parent, 0) == 1 and parent.tag not in ("body", "html"):
        row, parent = parent, parent.getparent()
    return row


def _date_text(row, a, link_count) -> str:
    """Row text outside its links: where lists put the date.

    When the date sits inside the title link (<a><span>title</span><i>date</i></a>), it is
    read from the link's own small children.
    """
    if row is a:
        outside = a.tail or ""
    elif link_count.get(row) == 1:
        # The common row: one link; its text minus the link's is what lies outside it. Cells
        # are joined apart: <td>2019-12-20</td><td>2019-12-24</td> holds two dates, not one.
        outside = squash(" ".join(row.itertext()).replace(" ".join(a.itertext()), " ", 1))
    else:
        outside = text_without_links(row)
    if has_date(outside):
        return outside
    for child in a.iter():
        if child is not a and len(text(child)) <= 25 and has_date(text(child)):
            return text(child)
    return outside


def title_of(a, label: str) -> str:
    """The full title: `title=""` when the link text is a truncated form of it."""
    full = squash(a.get("title") or "")
    if full:
        stem = label.rstrip("".join(_ELLIPSIS)).strip()
        if label.endswith(_ELLIPSIS) or (len(full) > len(label) and full.startswith(stem[:8])):
            return full
    return label
