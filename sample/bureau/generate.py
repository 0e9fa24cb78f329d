"""Write the bureau site: GBK pages, attachments and pictures, static assets, the server's
``_queries.json`` (PHPCMS ``/index.php?…&a=lists&catid=N[&page=K]`` and ``…&a=show&catid=N&id=M``, the
hit counters) and ``_charsets.json`` (the PHP pages send ``charset=gbk``, the static ones no charset),
and ``ground_truth.json``."""
from __future__ import annotations

import json
from datetime import date
from pathlib import Path

from sample.assets import docx_bytes, pdf_bytes, png_bytes, xls_bytes
from sample.heldout import SiteFolder
from sample.truth import ground_truth

from . import render
from .model import Bureau, build_bureau

NOT_FOUND = ("<html><head><meta charset=\"utf-8\"><title>404 Not Found</title></head><body>"
             "<div style=\"text-align:center;padding:80px\"><h2>404 您访问的页面不存在！</h2>"
             "<p><a href=\"/\">返回首页</a></p></div></body></html>\n")
CSS = (b"body{margin:0;font:12px/1.8 \"SimSun\";}.wrap{width:1000px;margin:0 auto}.menu{background:#1d5fa8}"
       b".menu li{float:left}.menu a{color:#fff;display:block;padding:0 18px;line-height:40px}.left{float:left;width:220px}"
       b".right{float:right;width:760px}.list_news li,.list_news2 li,.e2 li{line-height:30px;border-bottom:1px dashed #ccc}"
       b".list_news .date{float:right;color:#999}.pages a,.pages span{padding:2px 6px;border:1px solid #ccc;margin:0 2px}"
       b".footer{background:#1d5fa8;color:#fff;text-align:center;padding:12px 0}.gk_meta span{display:inline-block;padding:4px}\n")
COMMON = (b"function showDate(id){var d=new Date();document.getElementById(id).innerHTML=d.getFullYear()+'-'+(d.getMonth()+1)+'-'+d.getDate();}\n"
          b"function SetHome(o,u){try{o.style.behavior='url(#default#homepage)';o.setHomePage(u);}catch(e){}}\n"
          b"function AddFavorite(t,u){try{window.external.addFavorite(u,t);}catch(e){}}\n"
          b"function slideFocus(id,ms){}\n")


def _pages(b: Bureau):
    page, _ = render.home(b)
    yield "/index.html", page
    for c in b.columns:
        if c.rows == "text":
            yield c.page_file(1), render.text_page(b, c)
        elif c.leaf:
            for k in range(1, c.n_pages + 1):
                html = render.list_page(b, c, k)
                yield c.page_file(k), html
                if c.family == "dede" and k == 1 and c.items:
                    yield f"{c.dir}list_{c.catid}_1.html", html     # DedeCMS writes page 1 twice
        else:
            yield c.page_file(1), render.channel_page(b, c)
        for i, it in enumerate(c.items):
            if it.letter:
                html = render.letter_page(b, it)
            else:
                prev = c.items[i + 1] if i + 1 < len(c.items) else None
                nxt = c.items[i - 1] if i else None
                html = render.article(b, it, prev, nxt)
            if c.family == "php":
                yield f"/caches/html/show/{c.catid}/{it.aid}_1.html", html
            else:
                yield it.url, html


def generate_bureau(out_dir, *, seed: int = 1, as_of: date = date(2019, 12, 31)) -> Path:
    """Write OUT/site/ and OUT/ground_truth.json; return the ground truth's path."""
    out = Path(out_dir)
    site = SiteFolder(out)
    b = build_bureau(seed, as_of)
    charsets = {}
    n_pages = 0
    for path, html in _pages(b):
        site.put(path, html.encode("gbk"))
        charsets[path] = "gbk" if path.startswith("/caches/") else ""
        n_pages += 1
    for url, kind in sorted(b.files.items()):
        data = {"png": lambda: png_bytes(400, 260, (30, 90, 160), (60, 120, 190)),
                "pdf": lambda: pdf_bytes(f"{b.domain}{url}", ["Attachment"]),
                "xls": lambda: xls_bytes([["序号", "姓名", "学校"], [1, "", ""]]),
                "docx": lambda: docx_bytes(["附件"])}[kind]()
        site.put(url, data)
    img = lambda w, h, rgb: png_bytes(w, h, rgb, (min(rgb[0] + 40, 255), min(rgb[1] + 40, 255), min(rgb[2] + 40, 255)))
    for name, size in {"logo": (560, 90), "gaba": (20, 20), "dzjg": (60, 72), "jzxx": (220, 70), "cjwt": (220, 70),
                       "zt_jyfp": (480, 80), "zt_shce": (480, 80)}.items():
        site.put(f"/statics/images/{name}.png", img(*size, (29, 95, 168)))
    site.put("/statics/css/jtj.css", CSS)
    site.put("/templets/default/style/dedecms.css", CSS)
    site.put("/statics/js/jquery.min.js", b"/*! jQuery v1.7.2 jquery.com | jquery.org/license (stub) */\n"
                                         b"window.$=window.jQuery=function(f){if(typeof f==='function')f();return{};};\n")
    site.put("/statics/js/common.js", COMMON)
    site.put("/statics/js/api_count.js", b"$('#hits').html('1');\n")
    site.put("/plus/count_yes.js", b"document.write('1');\n")
    site.put("/robots.txt", b"User-agent: *\nDisallow: /caches/\nDisallow: /phpsso_server/\n")
    site.put("/404.html", NOT_FOUND.encode("utf-8"))
    site.put("/_queries.json", json.dumps({
        "/index.php": {"params": ["a", "catid", "id", "page"], "defaults": {"id": "0", "page": "1"},
                       "file": "/caches/html/{a}/{catid}/{id}_{page}.html"},
        "/api.php": {"param": "op", "file": "/statics/js/api_{}.js"},
        "/plus/count.php": {"param": "view", "file": "/plus/count_{}.js"}}, indent=1).encode("utf-8"))
    site.put("/_charsets.json", json.dumps(charsets, indent=0).encode("utf-8"))
    truth = out / "ground_truth.json"
    facts = ground_truth(b, site_name=b.name, home_url="/index.html", home_newest=render.home(b)[1].isoformat(),
                         n_pages=n_pages, family=lambda c: c.family)
    truth.write_text(json.dumps(facts, ensure_ascii=False, indent=1), encoding="utf-8")
    return truth
