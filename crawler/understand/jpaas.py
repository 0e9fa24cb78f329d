"""Hanweb jpaas (集约化 platform) lists: the column page holds no rows, a script fetches them.

Provincial 集约化 platforms (Zhejiang's, and many ministries') render a list as a unit script:

    <script src="…/unitbuild.js" url="/api-gateway/jpaas-publish-server/front/page/build/unit"
            queryData="{'webId':'3185','pageId':'1229565788','tagId':'信息列表',…}"></script>

The script asks that URL (GET, the queryData as the query string) and shows the JSON answer's
`data.html`: the rows, and a pager `<… rows="15" count="388" pageNo="1" queryData="…">`.
Further pages are the same request with `paramJson={"pageNo":N,"pageSize":15}`. Read
without it, such a column looks blank.
"""
from __future__ import annotations

import json
import re
from urllib.parse import parse_qsl, urlencode

_UNIT_URL = "/front/page/build/unit"
_QUERY_FIELD = re.compile(r"""['"]?(\w+)['"]?\s*:\s*'([^']*)'""")


def unit_requests(doc, join) -> list[str]:
    """The first-page request of each list unit a page's scripts would fetch."""
    out = []
    for el in doc.iter("script"):
        url, query = el.get("url"), el.get("queryData") or el.get("querydata")
        if url and query and _UNIT_URL in url:
            base = join(url)
            if base:
                out.append(_page_url(base, _fields(query)))
    return out


def is_unit_answer(url: str) -> bool:
    return _UNIT_URL in url


def read_answer(text: str, url: str, join) -> tuple[str, list[str]]:
    """(the list's HTML, the requests for its further pages): the latter only from the
    answer for page one, which names the total."""
    try:
        data = json.loads(text).get("data")
        html = data.get("html") or ""
    except (ValueError, AttributeError):
        return "", []
    if "paramJson" in url:
        return html, []
    pager = re.search(r"<[^>]*\bcount=\"(\d+)\"[^>]*>", html)
    if not pager:
        return html, []
    tag = pager.group(0)
    rows = re.search(r"\brows=\"(\d+)\"", tag)
    unit_url = re.search(r"\bunitUrl=\"([^\"]+)\"", tag, re.I)
    query = re.search(r"\bqueryData=\"([^\"]+)\"", tag, re.I)
    per_page, total = int(rows.group(1)) if rows else 15, int(pager.group(1))
    base = join(unit_url.group(1)) if unit_url else url.split("?", 1)[0]
    fields = _fields(query.group(1)) if query else dict(parse_qsl(url.split("?", 1)[-1]))
    fields.setdefault("parseType", "bulidstatic")
    pages = -(-total // max(per_page, 1))
    more = [_page_url(base, {**fields, "paramJson": json.dumps({"pageNo": n, "pageSize": per_page},
                                                               separators=(",", ":"))})
            for n in range(2, pages + 1)]
    return html, more


def _fields(query_data: str) -> dict[str, str]:
    """queryData is a JavaScript object literal in single quotes, not JSON."""
    return {k: v for k, v in _QUERY_FIELD.findall(query_data)}


def _page_url(base: str, fields: dict) -> str:
    return f"{base}?{urlencode(fields)}"
