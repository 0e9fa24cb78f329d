"""What an article page (信息) says about itself: title, dates, metadata, attachments."""
from __future__ import annotations

import re

from lxml import etree

from .dom import squash, text
from .urls import target_kind

# Labels of the metadata table (政府信息公开) and of letters (信箱): a label cell is
# short and usually one of these; any short cell ending in a colon counts too.
KNOWN_LABELS = {
    "索引号", "发布机构", "发文机关", "发文单位", "成文日期", "发布日期", "公开日期", "文号", "发文字号",
    "主题分类", "主题词", "有效性", "公开方式", "公开范围", "生成日期", "信息来源", "体裁分类",
    "来信人", "来信时间", "来信日期", "来信标题", "来信内容", "信件标题", "信件内容", "留言内容", "留言时间",
    "留言日期", "提问时间", "咨询时间", "写信时间", "提交时间", "回复单位", "答复单位", "办理单位", "处理单位",
    "回复时间", "回复日期", "答复时间", "答复日期", "办结时间", "处理时间", "回复内容", "答复内容", "回复意见",
    "处理结果", "处理状态", "办理状态", "回复状态", "信件编号", "受理单位",
}
_LABEL_TEXT = re.compile(r"(%s)\s*[:：]\s*" % "|".join(sorted(KNOWN_LABELS, key=len, reverse=True)))
_COLON_HOLDERS = etree.XPath("//body//text()[contains(., '：') or contains(., ':')]"
                             "[not(ancestor::script or ancestor::style)]/..")
_SITE_CODE = re.compile(r"网站(?:标识|识别)码\s*[:：]?\s*([0-9A-Za-z]{10})")
_ICP = re.compile(r"([\u4e00-\u9fa5]\s*ICP\s*备\s*[\d\-]+\s*号(?:-\d+)?)")
_POLICE = re.compile(r"([\u4e00-\u9fa5]\s*公网安备\s*\d+\s*号?)")


_HEADLINE_TAGS = ("h1", "h2", "h3", "h4", "div", "td", "p", "span", "strong", "b", "font")
_NO_SPACE = re.compile(r"\s+")


def document_title(doc) -> str:
    head = doc.find(".//title")
    return text(head) if head is not None else ""


def title_of(doc, metas: dict) -> str:
    """The headline as a person reads it.

    The ArticleTitle meta when declared; else the longest short element whose text stands
    inside the page's <title> (CMSs build <title> as headline + site name, and the visible
    headline may be a <div class="title">, not an <h1>); else the first <h1>/<h2>; else
    <title> up to its first separator.
    """
    if metas.get("ArticleTitle"):
        return squash(metas["ArticleTitle"])
    page_title = document_title(doc)
    flat = _NO_SPACE.sub("", page_title)
    best = ""
    if flat:
        body = doc.find("body")
        for el in (body if body is not None else doc).iter(*_HEADLINE_TAGS):
            if len(el) > 3:
                continue
            candidate = text(el)
            if len(best) < len(candidate) <= 200 and len(candidate) >= 4 and _NO_SPACE.sub("", candidate) in flat:
                best = candidate
    if best:
        return best
    for tag in ("h1", "h2"):
        for el in doc.iter(tag):
            title = text(el)
            if len(title) >= 4:
                return title
    return re.split(r"_|\||——| - ", page_title, maxsplit=1)[0].strip()


def fields_of(doc) -> dict[str, str]:
    """Label → value pairs from metadata tables and 'label：value' text."""
    fields: dict[str, str] = {}
    for tr in doc.iter("tr"):
        cells = [c for c in tr if c.tag in ("td", "th")]
        for i in range(len(cells) - 1):
            label = text(cells[i]).rstrip(":：").replace(" ", "").replace("\u3000", "")
            if label in KNOWN_LABELS or (0 < len(label) <= 6 and "位置" not in label
                                         and text(cells[i]).endswith(("：", ":"))):
                value = text(cells[i + 1])
                if value and value.rstrip(":：") not in KNOWN_LABELS:
                    fields.setdefault(label, value)
    for el in _COLON_HOLDERS(doc):
        own = squash((el.text or "") + "".join(text(c) + (c.tail or "") for c in el if c.tag in ("span", "b", "em", "strong", "font", "label")))
        if not own or len(own) > 400:
            continue
        matches = list(_LABEL_TEXT.finditer(own))
        for m, nxt in zip(matches, matches[1:] + [None]):
            value = own[m.end(): nxt.start() if nxt else len(own)].strip()
            if not value and nxt is None:
                value = _next_value(el)
            if value:
                fields.setdefault(m.group(1), value)
    return fields


def _next_value(label_el) -> str:
    """The value beside a label that stands alone in its element: <dt>来信时间：</dt><dd>…</dd>,
    <span class="lbl">答复时间：</span><span>…</span>."""
    value_el = label_el.getnext()
    value = text(value_el) if value_el is not None else ""
    return "" if len(value) > 400 or _LABEL_TEXT.match(value) else value


def attachments_of(anchors) -> list[dict]:
    """The page's links to files (附件), from its anchors (dom.Anchor), first mention each."""
    out, seen = [], set()
    for a in anchors:
        if a.url and a.url not in seen and target_kind(a.url) == "attachment":
            seen.add(a.url)
            out.append({"url": a.url, "name": a.label})
    return out


def data_tables(doc, skip_labels=True) -> list[list[list[str]]]:
    """Innermost tables with figures in them (年报 statistics), as rows of cell texts."""
    tables = []
    for table in doc.iter("table"):
        if table.find(".//table") is not None:
            continue
        rows = []
        for tr in table.iter("tr"):
            cells = [text(c) for c in tr if c.tag in ("td", "th")]
            if cells:
                rows.append(cells)
        digits = sum(1 for r in rows for c in r if c.isdigit())
        if len(rows) >= 3 and digits >= 4:
            if skip_labels and all(len(r) == 2 and r[0].rstrip("：:") in KNOWN_LABELS for r in rows):
                continue
            tables.append(rows)
    return tables


_TAG = re.compile(r"<[^>]*>")
_FOOTER_SPAN = 12000


def footer_identity(html: str) -> dict[str, str | None]:
    """The identity every page's footer should show (网站标识码, ICP备案号, 公安机关备案号).

    Read from the end of the page's markup with tags stripped: footers put these in links
    as often as in text, and parsing the whole page again for them would cost more.
    """
    tail = html[-_FOOTER_SPAN:]
    tail = _TAG.sub(" ", tail[tail.find("<"):] if "<" in tail else tail)

    def first(pattern):
        m = pattern.search(tail)
        return squash(m.group(1)) if m else None
    return {"site_id_code": first(_SITE_CODE), "icp": first(_ICP), "police_record": first(_POLICE)}
