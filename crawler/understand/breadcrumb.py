"""The breadcrumb (当前位置): the column path a page says it sits in."""
from __future__ import annotations

import re

from .dom import squash

_MARKERS = ("当前位置", "您的位置", "您现在的位置", "所在位置", "现在位置", "当前的位置", "位置：", "位置:")
_SEPARATORS = re.compile(r"^[\s>›»→＞/\\|-]*$")
HOME_NAMES = {"首页", "网站首页", "主页", "首 页", "门户首页", "返回首页"}


def find_breadcrumb(doc, join) -> list[tuple[str, str | None]]:
    """[(name, absolute url or None)], home first, as the page shows it.

    Two signs, either suffices: a marker such as 当前位置, or a run of links starting at
    首页 separated only by '>'-like characters.
    """
    box = _marked_box(doc)
    if box is None:
        box = _separator_run(doc)
    if box is None:
        return []
    crumbs = []
    anchors = [a for a in box.iter("a")]
    for a in anchors:
        name = squash(a.text_content())
        if name:
            crumbs.append((name, join(a.get("href"))))
    if anchors:
        tail = squash(anchors[-1].tail or "")
        tail = tail.strip(" >›»→＞/|")
        if tail and not _SEPARATORS.match(tail):
            crumbs.append((tail.strip(), None))
    return crumbs


def _marked_box(doc):
    """The smallest element holding a position marker and at least one link."""
    best = None
    for el in doc.iter():
        if not isinstance(el.tag, str) or el.tag in ("script", "style", "html", "body"):
            continue
        own = (el.text or "") + "".join((c.tail or "") for c in el)
        if any(m in own for m in _MARKERS):
            box = el
            # The marker may sit in its own <span>; the links are then its siblings.
            while box is not None and next(box.iter("a"), None) is None:
                box = box.getparent()
            if box is not None and (best is None or _size(box) < _size(best)):
                best = box
    return best


def _separator_run(doc):
    for a in doc.iter("a"):
        if squash(a.text_content()) not in HOME_NAMES:
            continue
        parent = a.getparent()
        links = [x for x in parent if x.tag == "a"]
        if len(links) >= 2 and all(_SEPARATORS.match(x.tail or "") for x in links[:-1]):
            return parent
    return None


def _size(el) -> int:
    return sum(1 for _ in el.iter())


def column_chain(crumbs, home_url: str | None = None) -> list[tuple[str, str | None]]:
    """The columns in a breadcrumb, first level first: home and separators dropped."""
    chain = [(n, u) for n, u in crumbs if n not in HOME_NAMES and u != home_url]
    return chain
