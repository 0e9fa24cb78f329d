"""Write the county-level city portal: pages (UTF-8), pictures and attachments, static assets, the
server's hooks (``_dataproxy.json`` the jpage records, ``_pages.json`` the 市长信箱 pages
``list.jsp?sysid=6&pageNo=N``, ``_charsets.json`` the ``.jsp`` pages served as HTML, ``_queries.json``
``downfile.jsp?filename=…`` and ``detail.jsp?…&id=…``) and ``ground_truth.json``."""
from __future__ import annotations

import json
from datetime import date
from pathlib import Path

from sample.assets import docx_bytes, pdf_bytes, png_bytes, xls_bytes
from sample.heldout import SiteFolder
from sample.truth import ground_truth

from . import render as R
from .home import HOME, home
from .items import build_portal
from .model import Portal

JPAGE_JS = ("/* jquery.jpage.js: Hanweb jpage paging (stub of the sample portal) */\n"
            "(function($){$.fn.jpage=function(o){var s=o.dataStore||'';var m=s.match(/<record><!\\[CDATA\\[([\\s\\S]*?)\\]\\]><\\/record>/g)||[];"
            "var h=o.dataBefore||'';for(var i=0;i<m.length&&i<o.perPage;i++){h+=m[i].replace(/^<record><!\\[CDATA\\[/,'').replace(/\\]\\]><\\/record>$/,'');}"
            "$(this).html(h+(o.dataAfter||''));return this;};})(jQuery);\n")
JQUERY = ("/*! jQuery v1.7.2 jquery.com | jquery.org/license (stub of the sample portal) */\n"
          "window.jQuery=window.$=function(f){if(typeof f==='function'){return f();}return {html:function(){return '';},"
          "children:function(){return this;},each:function(){return this;},attr:function(){return '';},val:function(){return '';},"
          "jpage:function(){return this;}};};\n")
WEB_FRONT = ("function showToday(id){var d=new Date(),w='日一二三四五六',el=document.getElementById(id);"
             "if(el){el.innerHTML=d.getFullYear()+'年'+(d.getMonth()+1)+'月'+d.getDate()+'日 星期'+w.charAt(d.getDay());}}\n"
             "function toggleToolBar(){}\nfunction zh_tran(t){}\nfunction elderMode(){}\n")
CSS = ("body{margin:0;font:14px/1.8 \"Microsoft YaHei\",SimSun;color:#333}a{color:#333;text-decoration:none}ul,li{margin:0;padding:0;list-style:none}"
       ".bt-box-1200{width:1200px;margin:0 auto}.cf:after{content:'';display:block;clear:both}.fl{float:left}.fr{float:right}"
       ".bt-head,.index-head{background:#0b5fa5}.bt-nav,.index-nav{background:#094c86}.bt-nav li,.index-nav li{float:left}"
       ".bt-nav a,.index-nav a{display:block;padding:0 28px;line-height:50px;color:#fff;font-size:17px}"
       ".main-fl{float:left;width:260px}.main-fr{float:right;width:910px}.bt-col-flm{background:#0b5fa5;color:#fff;margin:0;line-height:50px;text-align:center}"
       ".list-group a{display:block;line-height:44px;border-bottom:1px solid #e5e5e5;padding-left:30px}.list-group a.act{color:#0b5fa5;font-weight:bold}"
       ".bt-list li{line-height:42px;border-bottom:1px dashed #ddd}.bt-data-time{float:right;color:#999}.bt-page{text-align:center;padding:20px 0}"
       ".xxgk_table{border-collapse:collapse;background:#f7fafd}.xxgk_table td{border:1px solid #d6e3f0;padding:8px}.xxgk_label{font-weight:bold;text-align:right}"
       ".con-title{font-size:24px;text-align:center;font-weight:bold}.small-title{text-align:center;color:#888}.small-title span{margin:0 12px}"
       "#zoom p{text-indent:2em;line-height:2}.bt-footer{background:#0b5fa5;color:#fff;padding:20px 0;margin-top:30px}.bt-footer a{color:#fff}"
       ".hdjl-list td,.letter-table td{border-bottom:1px solid #eee;padding:8px}.lbl{background:#f3f7fb;font-weight:bold}.bt-nodata{text-align:center;padding:80px 0;color:#999}\n")


def _assets(p: Portal) -> dict:
    t = R.tpl(p)
    img = lambda w, h, rgb: png_bytes(w, h, rgb, (min(rgb[0] + 25, 255), min(rgb[1] + 25, 255), min(rgb[2] + 25, 255)))
    files = {f"/images/{t}/{n}.css": CSS.encode() for n in ("hanweb", "column", "article", "index")}
    for name, (w, h, rgb) in {"logo": (560, 90, (11, 95, 165)), "dzjg": (56, 68, (200, 20, 20)), "gaba": (18, 20, (40, 80, 160)),
                              "jiucuo": (110, 55, (220, 50, 50)), "nodata": (120, 90, (220, 220, 220)), "ndbb": (290, 80, (11, 95, 165)),
                              "zt0": (380, 110, (170, 30, 30)), "wqzt": (380, 110, (120, 120, 120))}.items():
        files[f"/images/{t}/{name}.png"] = img(w, h, rgb)
    for k in range(1, 7):
        files[f"/images/{t}/gk{k}.png"] = img(60, 60, (11, 80 + 15 * k, 165))
    for c in p.columns:
        if c.banner:
            files[f"/images/{t}/{c.banner}.png"] = img(380, 110, (180, 40 + len(c.banner) * 20, 30))
    files.update({
        "/module/jslib/jquery/jquery.js": JQUERY.encode(), "/module/jslib/urite/urite.min.js": b"/* urite */\n",
        "/module/web/jpage/jquery.jpage.js": JPAGE_JS.encode(), "/module/jslib/datepicker/WdatePicker.js": b"/* WdatePicker */\n",
        "/module/jslib/jquery/cookie/jquery.cookie.js": b"/* jquery.cookie */\n",
        "/module/web/jpage/theme/default/css/jpage.css": b".default_pgToolbar{text-align:center}\n",
        "/module/web/jpage/theme/lucidity/css/jpage.css": b".lucidity_pgToolbar{text-align:center}\n",
        "/module/jslib/accessiblereading/css/barrierfree.css": b"/* barrierfree */\n",
        "/module/visitcount/articlehits.jsp": b"document.write('128');\n",
        "/script/web_front.js": WEB_FRONT.encode(), p.header_js: R.header_js(p).encode("utf-8"),
        "/robots.txt": b"User-agent: *\nDisallow: /manager/\nDisallow: /jcms/\n",
    })
    return files


def _file(p: Portal, url: str, kind: str, label: str) -> bytes:
    if kind == "png":
        return png_bytes(80, 50, (60, 110, 150), (90, 140, 180))
    if kind == "pdf":
        return pdf_bytes(f"{p.domain}{url}", ["Attachment"])
    if kind == "xls":
        return xls_bytes([["序号", "项目", "金额（万元）"], [1, label, 100]])
    return docx_bytes([label])


def _pages(p: Portal):
    """Every HTML document: (file path, html)."""
    yield HOME, home(p)[0]
    for c in p.columns:
        if c.leaf:
            for k in range(1, c.n_pages + 1 if not c.jpage else 2):
                yield c.page_file(k), R.list_page(p, c, k)
        else:
            yield c.page_file(1), R.channel_page(p, c)
        for it in c.items:
            if it.letter:
                yield f"/module/hdjl/detail/{it.art_id}.html", R.letter_page(p, it)
            elif it.kind == "guide":
                yield it.url, R.guide_page(p, it)
            else:
                yield it.url, R.article(p, it)
    for sysid in (6, 7):
        yield f"/module/hdjl/write_{sysid}.html", R.write_page(p, sysid)


def generate_jcms(out_dir, *, seed: int = 1, as_of: date = date(2019, 12, 31)) -> Path:
    """Write OUT/site/ and OUT/ground_truth.json; return the ground truth's path."""
    out = Path(out_dir)
    site = SiteFolder(out)
    p = build_portal(seed, as_of)

    put = site.put
    n_pages = site.put_pages(_pages(p))
    for url, (kind, label) in sorted(p.files.items()):
        put(url, _file(p, url, kind, label))
    for url, data in _assets(p).items():
        put(url, data)
    put("/404.html", R.NOT_FOUND.encode("utf-8"))
    hooks = {
        "_dataproxy.json": {str(c.colid): R.records(c) for c in p.columns if c.jpage and c.items},
        "_pages.json": {"/module/hdjl/list.jsp": {"pages": p.find("互动交流", "市长信箱").n_pages, "clamp": False, "param": "pageNo"}},
        "_charsets.json": {u: "UTF-8" for u in ("/module/hdjl/list.jsp", "/module/visitcount/articlehits.jsp")},
        "_queries.json": {"/module/download/downfile.jsp": {"param": "filename", "file": "/uploadfiles/{}"},
                          "/module/hdjl/detail.jsp": {"param": "id", "file": "/module/hdjl/detail/{}.html"},
                          "/module/hdjl/write.jsp": {"param": "sysid", "file": "/module/hdjl/write_{}.html"}},
    }
    for name, data in hooks.items():
        put("/" + name, json.dumps(data, ensure_ascii=False, indent=1).encode("utf-8"))
    truth = out / "ground_truth.json"
    facts = ground_truth(p, site_name=p.gov, home_url=HOME, home_newest=home(p)[1].isoformat(), n_pages=n_pages,
                         family=lambda c: c.family)
    truth.write_text(json.dumps(facts, ensure_ascii=False, indent=1), encoding="utf-8")
    return truth
