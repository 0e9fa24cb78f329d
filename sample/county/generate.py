"""Write the county portal: pages (GBK for the old CMS and the letters system, UTF-8 for the
VSB platform), attachments, static assets, the server's ``_charsets.json`` / ``_pages.json``,
and ``ground_truth.json``."""
from __future__ import annotations

import json
from datetime import date
from pathlib import Path

from sample.assets import pdf_bytes, png_bytes, xls_bytes
from sample.heldout import SiteFolder
from sample.truth import ground_truth

from . import render, vsb
from .home import home
from .items import build_county
from .model import County

NOT_FOUND = ("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>404</title></head><body>"
             "<h2>对不起，您访问的页面不存在！</h2><p><a href=\"/index.html\">返回首页</a></p></body></html>\n")
JS = """function showDate(){var d=new Date();document.write(d.getFullYear()+"年"+(d.getMonth()+1)+"月"+d.getDate()+"日");}
function getHits(id){}
function setTab(n,c){for(var i=1;i<=c;i++){document.getElementById("con_"+i).style.display=(i==n?"block":"none");}}
function showFocus(p,l,t,w,h,th){}
"""


def _rtf(text: str) -> bytes:
    """An RTF file, which old sites upload as .doc and Word opens as one."""
    body = "".join(c if ord(c) < 128 else "".join(f"\\'{b:02x}" for b in c.encode("gbk")) for c in text)
    return ("{\\rtf1\\ansi\\ansicpg936\\deff0{\\fonttbl{\\f0\\fnil\\fcharset134 SimSun;}}\\f0\\fs24 " + body + "\\par}").encode("ascii")


def _attachment(cty: County, url: str, ext: str, label: str) -> bytes:
    if ext == "pdf":            # the PDF helper writes ASCII text only
        return pdf_bytes(f"{cty.domain}{url}", ["Attachment"])
    if ext == "xls":
        return xls_bytes([["序号", "项目", "金额（万元）"], [1, label, 120], [2, "合计", 120]])
    return _rtf(label)


def _assets() -> dict:
    img = lambda w, h, rgb: png_bytes(w, h, rgb, (min(rgb[0] + 30, 255), min(rgb[1] + 30, 255), 255))
    files = {"/css/style.css": b"body{margin:0;font-size:12px;font-family:\"SimSun\"}\n.lm_list td{font-size:14px}\n",
             "/js/common.js": JS.encode("utf-8"),
             "/zwgk.vsb.css": b".w1000{width:1000px;margin:0 auto}\n", "/_sitegray/_sitegray_d.css": b"\n",
             "/_sitegray/_sitegray.js": b"\n", "/system/resource/js/counter.js": b"function _showDynClicks(){}\nfunction getClickTimes(){}\n",
             "/robots.txt": b"User-agent: *\nDisallow: /admin/\n"}
    for name, (w, h, rgb) in {"top_banner": (1002, 158, (24, 96, 168)), "nav_line": (2, 38, (200, 220, 240)),
                              "home": (14, 14, (24, 96, 168)), "jt": (7, 7, (200, 40, 40)), "xx_line": (4, 1, (200, 200, 200)),
                              "red": (56, 68, (200, 20, 20)), "ga": (16, 16, (40, 80, 160)), "jiucuo": (110, 55, (230, 60, 60)),
                              "ss_an": (50, 22, (24, 96, 168)), "xx_btn": (100, 30, (24, 96, 168)), "bb": (16, 16, (240, 160, 0)),
                              "dian": (5, 5, (24, 96, 168)), "xxgk_logo": (520, 90, (20, 80, 150)),
                              "gkml": (230, 70, (20, 120, 200))}.items():
        files[f"/images/{name}.png"] = img(w, h, rgb)
    for k in range(1, 10):
        files[f"/images/zt/zt{k}.png"] = img(32, 8, (180, 20 * k, 40))
    for k in range(1, 7):
        files[f"/images/pic/tp{k}.png"] = img(40, 28, (40 * k, 120, 80))
    for k in range(1, 9):
        files[f"/images/ld/ld{k}.png"] = img(30, 40, (90, 90, 20 * k))
    return files


def _pages(cty: County):
    """Every HTML document: (path, html, encoding, header charset or None: the server's default)."""
    yield "/index.html", home(cty), "gbk", ""
    yield "/search/search.asp", render.search_page(cty), "gbk", "gb2312"
    for col in cty.columns:
        if col.cms == "vsb":
            if col.leaf:
                for k in range(1, col.n_pages + 1):
                    yield col.page_url(k), vsb.list_page(cty, col, k), "utf-8", None
            else:
                yield col.url, vsb.blocks_page(cty, col), "utf-8", None
            for it in col.items:
                yield it.url, vsb.article(cty, it), "utf-8", None
        elif col.cms == "asp":        # list.asp?page=N is served from list_pN.html
            folder = col.url.rsplit("/", 1)[0]
            for k in range(1, col.n_pages + 1):
                path = col.url if k == 1 else f"{folder}/list_p{k}.html"
                yield path, render.letter_list(cty, col, k), "gbk", "gb2312"
            yield f"{folder}/write.asp", render.asp_form(cty, col), "gbk", "gb2312"
            for it in col.items:
                yield it.url, render.letter_page(cty, it), "gbk", ""
        elif col.leaf:
            for k in range(1, col.n_pages + 1):
                yield col.page_url(k), render.list_page(cty, col, k), "gbk", ""
            for i, it in enumerate(col.items):
                prev = col.items[i - 1] if i else None
                nxt = col.items[i + 1] if i + 1 < len(col.items) else None
                yield it.url, render.article(cty, it, prev, nxt), "gbk", ""
        else:
            yield col.url, render.blocks_page(cty, col), "gbk", ""


def _home_newest(cty: County) -> str:
    f = cty.find
    shown = [it for c in (f("新闻中心", "政务要闻"), f("新闻中心", "公示公告"), f("新闻中心", "乡镇动态"),
                          f("新闻中心", "部门动态"), f("新闻中心", "图片新闻"), f("互动交流", "县长信箱")) for it in c.items[:8]]
    return max(it.day for it in shown).isoformat()


def generate_county(out_dir, *, seed: int = 1, as_of: date = date(2019, 12, 31)) -> Path:
    """Write OUT/site/ and OUT/ground_truth.json; return the ground truth's path."""
    out = Path(out_dir)
    site = SiteFolder(out)
    cty = build_county(seed, as_of)

    put = site.put
    charsets, n_pages = {}, 0
    for path, html, encoding, header in _pages(cty):
        put(path, html.encode(encoding))
        n_pages += 1
        if header is not None:
            charsets[path] = header
    for url, (ext, label) in sorted(cty.files.items()):
        put(url, _attachment(cty, url, ext, label))
    for url, data in _assets().items():
        put(url, data)
    put("/404.html", NOT_FOUND.encode("utf-8"))
    letters = [c for c in cty.columns if c.cms == "asp"]
    put("/_pages.json", json.dumps({c.url: {"pages": c.n_pages, "clamp": c.pager == "asp"} for c in letters},
                                   indent=1).encode("utf-8"))
    put("/_charsets.json", json.dumps(charsets, ensure_ascii=False, indent=0, sort_keys=True).encode("utf-8"))
    truth = out / "ground_truth.json"
    facts = ground_truth(cty, site_name=f"{cty.name}人民政府", home_url="/index.html",
                        home_newest=_home_newest(cty), n_pages=n_pages, family=lambda c: c.cms)
    truth.write_text(json.dumps(facts, ensure_ascii=False, indent=1), encoding="utf-8")
    return truth
