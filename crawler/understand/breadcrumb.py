"""The breadcrumb (当前位置): the column path a page says it sits in."""
from __future__ import annotations

import re

from lxml import etree

from .dom import squash, text
from .urls import index_forms

_MARKERS = ("当前位置", "您的位置", "您现在的位置", "所在位置", "现在位置", "当前的位置", "位置：", "位置:")
_SEPARATORS = re.compile(r"^[\s>›»→＞/\\|-]*$")
HOME_NAMES = {"首页", "网站首页", "主页", "首 页", "门户首页", "返回首页"}
_TITLE_PARTS = re.compile(r"\s*(?:_|\||-|—|–|·|::)\s*")
_SITE_WORDS = ("人民政府", "门户网站", "政府网", "网站")


def find_breadcrumb(doc, join, labelled: bool = True) -> list[tuple[str, str | None]]:
    """[(name, absolute url or None)], home first, as the page shows it.

    Either sign suffices: a marker such as 当前位置 (or a box labelled breadcrumb, looked for
    only when `labelled`: the caller knows whether the markup names one), or a run of links
    starting at 首页 with nothing but '>'-like separators between them.
    """
    box = _marked_box(doc, labelled)
    if box is not None:
        anchors = list(box.iter("a"))
        tail = anchors[-1].tail if anchors else ""
    else:
        anchors, tail = _separator_run(doc)
    crumbs = []
    for a in anchors:
        name = text(a)
        if name:
            crumbs.append((name, join(a.get("href"))))
    tail = squash(tail or "").strip(" >›»→＞/|")
    if crumbs and tail and not _SEPARATORS.match(tail):
        crumbs.append((tail, None))
    return crumbs


_MARKED = etree.XPath("//body//text()[contains(., '位置')][not(ancestor::script or ancestor::style)]/..")
# "crumb" covers breadcrumb, crumbs and the bare crumb of TRS 8 templates.
_LABELLED = etree.XPath("//*[contains(@aria-label, 'breadcrumb') or contains(@class, 'crumb')]")


def _marked_box(doc, labelled: bool = True):
    """The smallest element holding a position marker and at least one link."""
    best = None
    for el in _MARKED(doc) + (_LABELLED(doc) if labelled else []):
        own = (el.text or "") + "".join((c.tail or "") for c in el)
        labelled = "crumb" in (el.get("aria-label") or "") + (el.get("class") or "").lower()
        if not labelled and not any(m in own for m in _MARKERS):
            continue
        box = el
        # The marker may sit in its own <span>; the links are then its siblings.
        while box is not None and next(box.iter("a"), None) is None:
            box = box.getparent()
        if box is not None and box.tag not in ("body", "html") and (best is None or _size(box) < _size(best)):
            best = box
    return best


def _separator_run(doc):
    """Links from a 首页 link on, in document order, while only separators stand between."""
    body = doc.find("body")
    if body is None:
        return [], ""
    run, between, best = [], "", ([], "")
    for el in body.iter():
        if not isinstance(el.tag, str) or el.tag in ("script", "style"):
            continue
        if el.tag == "a":
            name = text(el)
            if run and _SEPARATORS.match(between) and between.strip():
                run.append(el)
            elif name in HOME_NAMES:
                run = [el]
            else:
                if len(run) > len(best[0]):
                    best = (run, "")
                run = []
            between = el.tail or ""
        elif not _inside_link(el):
            between += (el.text or "") + (el.tail or "")
    if len(run) > len(best[0]):
        best = (run, "")
    anchors = best[0]
    return (anchors, anchors[-1].tail or "") if len(anchors) >= 2 else ([], "")


def _inside_link(el) -> bool:
    parent = el.getparent()
    while parent is not None:
        if parent.tag == "a":
            return True
        parent = parent.getparent()
    return False


def _size(el) -> int:
    return sum(1 for _ in el.iter())


def column_chain(crumbs, home_url: str | None = None) -> list[tuple[str, str | None]]:
    """The columns in a breadcrumb, first level first: home and separators dropped."""
    homes = index_forms(home_url) if home_url else frozenset()
    chain = [(n, u) for n, u in crumbs if n not in HOME_NAMES and (u is None or u not in homes)]
    return chain


def column_name(title: str) -> str:
    """The name a list page without a breadcrumb gives itself: the part of its <title>
    that is not the site's name (通知公告 in 通知公告_XX区人民政府门户网站)."""
    parts = [p for p in _TITLE_PARTS.split(title or "") if p]
    own = [p for p in parts if not any(w in p for w in _SITE_WORDS)]
    return (own or parts or ["栏目"])[0][:40]
