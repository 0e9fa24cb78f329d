"""Resolving and classifying link targets, on the hot path of every page.

A portal page carries a hundred links, mostly the same navigation on every page; resolving
them with urljoin alone dominates a naive crawl, so the common shapes take a fast path.
"""
from __future__ import annotations

import re
from functools import lru_cache
from urllib.parse import urljoin, urlsplit

_SKIP = ("javascript:", "mailto:", "tel:", "data:", "#", "about:", "sms:")
ATTACHMENT_EXTS = (".pdf", ".doc", ".docx", ".xls", ".xlsx", ".wps", ".et", ".zip", ".rar",
                   ".7z", ".ppt", ".pptx", ".txt", ".ofd", ".csv")
IMAGE_EXTS = (".jpg", ".jpeg", ".png", ".gif", ".bmp", ".webp", ".svg", ".ico")
MEDIA_EXTS = (".mp4", ".mp3", ".flv", ".avi", ".wmv", ".swf")
_NOT_PAGES = ATTACHMENT_EXTS + IMAGE_EXTS + MEDIA_EXTS + (".css", ".js", ".exe", ".apk")
# Java CMSs (JCMS, WCM) write the session into links until a cookie is set: one page, many URLs.
_SESSION = re.compile(r";jsessionid=[^?#/]*", re.IGNORECASE)


class Joiner:
    """Resolves hrefs against one page's base URL; with `aliases` ({"http://host": "https://host"}),
    a link to the site over its other scheme is the same page (see `same_site`)."""

    __slots__ = ("base", "origin", "scheme", "folders", "aliases")

    def __init__(self, base: str, aliases: dict | None = None):
        parts = urlsplit(base)
        self.aliases = aliases or None
        self.base = base
        self.scheme = parts.scheme
        self.origin = f"{parts.scheme}://{parts.netloc}"
        folders = parts.path.split("/")[1:-1]         # the base's directory, segment by segment
        self.folders = None if "" in folders else folders   # a//b: urljoin's way, the slow one

    def __call__(self, href: str | None) -> str | None:
        if not href:
            return None
        href = href.strip()
        if not href or href.startswith(_SKIP):
            return None
        if "#" in href:
            href = href.split("#", 1)[0]
        if href.startswith(("http://", "https://")):
            url = href
        elif href.startswith("//"):
            url = f"{self.scheme}:{href}"
        elif href.startswith("/") and "/." not in href:
            url = self.origin + href
        elif ":" in href.split("/", 1)[0]:
            scheme = href.split(":", 1)[0].lower()
            if scheme not in ("http", "https"):
                return None  # another scheme (ftp:, weixin:, …)
            url = scheme + href[len(scheme):]   # HTTP://, as older templates write it
        else:
            url = self._relative(href) or _join(self.base, href)
        if " " in url:
            url = url.replace(" ", "%20")
        if ";" in url:
            url = _SESSION.sub("", url)
        if self.aliases is not None and not url.startswith(self.origin):
            head = url.split("/", 3)
            to = self.aliases.get("/".join(head[:3]).lower())
            if to:
                url = to + url[len("/".join(head[:3])):]
        return url

    def _relative(self, href: str) -> str | None:
        """TRS lists link every row relatively (./201912/t….html, ../../zfxxgk/…): resolved
        here by walking the base's folders; None for the rarer shapes urljoin handles."""
        if self.folders is None:
            return None
        ups = 0
        while href.startswith(("./", "../")):
            if href[1] == "/":
                href = href[2:]
            else:
                href, ups = href[3:], ups + 1
        if not href or href.startswith(("?", ".", "/")) or "/." in href:
            return None
        folders = self.folders[:max(len(self.folders) - ups, 0)]
        return "/".join([self.origin, *folders, href])


def same_site(hosts, scheme: str) -> dict[str, str]:
    """The site's pages over the scheme it does not use, mapped to the one it does: portals
    that moved to https still link http:// in old articles, and each such page would be
    fetched twice and counted as two items."""
    other = "http" if scheme == "https" else "https"
    return {f"{other}://{host}": f"{scheme}://{host}" for host in hosts}


_INDEX_FILES = ("index.html", "index.htm", "index.shtml", "index.jsp", "index.asp", "index.aspx", "index.php",
                "default.html", "default.htm", "default.asp", "default.aspx")


@lru_cache(maxsize=64)
def index_forms(url: str) -> frozenset[str]:
    """The URLs of one folder page: a home page linked as /, /index.html and /index.shtml alike
    (TRS links 首页 as ../../ while the crawl starts at index.html). A URL with a query is its
    own page: PHPCMS serves every column from /index.php?…&catid=N."""
    if "?" in url:
        return frozenset({url})
    head, _, last = url.rpartition("/")
    if last and last.lower() not in _INDEX_FILES:
        return frozenset({url})
    folder = head + "/"
    forms = {url, folder, *(folder + name for name in _INDEX_FILES)}
    if folder.count("/") == 3:      # the site's root: http://host/ and http://host
        forms.add(head)
    return frozenset(forms)


@lru_cache(maxsize=65536)
def _join(base: str, href: str) -> str:
    return urljoin(base, href)


def host_of(url: str) -> str:
    rest = url.split("://", 1)[-1]
    return rest.split("/", 1)[0].split("?", 1)[0].lower()


def target_kind(url: str) -> str:
    """page, attachment, image or media: decides whether a target is crawled or only checked."""
    path = url.split("?", 1)[0].split("#", 1)[0].lower()
    if path.endswith(ATTACHMENT_EXTS):
        return "attachment"
    if path.endswith(IMAGE_EXTS):
        return "image"
    if path.endswith(_NOT_PAGES):
        return "media"
    return "page"
