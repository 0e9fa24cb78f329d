"""Write the district portal: pages (UTF-8), attachments and pictures, static assets, the server's
``_pages.json`` (the letters lists, paged with ``?pageIndex=N``), and ``ground_truth.json``."""
from __future__ import annotations

import json
from datetime import date
from pathlib import Path

from sample.assets import docx_bytes, pdf_bytes, png_bytes, xls_bytes
from sample.heldout import SiteFolder
from sample.truth import ground_truth

from . import render
from .home import HOME, home
from .items import build_city
from .model import City

NOT_FOUND = ("<!DOCTYPE html>\n<html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><title>404 页面不存在</title>"
             "<link rel=\"stylesheet\" href=\"/images/css/base.css\"></head><body><div class=\"err404\">"
             "<img src=\"/images/404.png\" alt=\"\"><p>抱歉，您访问的页面不存在或已被删除！</p>"
             "<p><a href=\"/\">返回首页</a></p></div></body></html>\n")

COMMON_JS = r"""/* common.js */
function showToday(id){var d=new Date(),w="日一二三四五六";var el=document.getElementById(id);if(el){el.innerHTML=d.getFullYear()+"年"+(d.getMonth()+1)+"月"+d.getDate()+"日 星期"+w.charAt(d.getDay());}}
function tabs(id){$("#"+id+" .tab__hd-item").on("mouseover",function(){var t=$(this).data("tab");$(this).addClass("on").siblings().removeClass("on");$("#"+t).show().siblings(".tab__bd").hide();});}
function doZoom(size){$(".TRS_Editor, .TRS_Editor p, #zoom, #zoom p").css("font-size",size+"px");}
function openQuery(){alert("请输入信件查询码");}
function checkForm(){return true;}
/* TRS WCM 分页 */
function createPageHTML(){
  var a=arguments,html="",i,divId=null,n,cur,name,ext,total;
  if(typeof a[0]==="string"&&isNaN(a[0])){divId=a[0];n=a[1];cur=a[2];name=a[3];ext=a[4];total=a[5];}
  else{n=a[0];cur=a[1]+1;name=a[2];ext=a[3];}
  if(n<=1){html="<span class='page-total'>共1页</span>";}
  else{
    var url=function(p){if(p<=1)return name+"."+ext;return divId?name+"_"+p+"."+ext:name+"_"+(p-1)+"."+ext;};
    html+="<span class='page-total'>"+(total?"共"+total+"条 ":"")+"共"+n+"页</span>";
    html+=cur>1?"<a href='"+url(1)+"'>首页</a><a href='"+url(cur-1)+"'>上一页</a>":"<span>首页</span><span>上一页</span>";
    for(i=Math.max(1,cur-2);i<=Math.min(n,cur+2);i++){html+=i==cur?"<span class='cur'>"+i+"</span>":"<a href='"+url(i)+"'>"+i+"</a>";}
    html+=cur<n?"<a href='"+url(cur+1)+"'>下一页</a><a href='"+url(n)+"'>尾页</a>":"<span>下一页</span><span>尾页</span>";
  }
  if(divId){document.getElementById(divId).innerHTML=html;}else{document.write(html);}
}
"""
JQUERY = "/*! jQuery v1.12.4 | (c) jQuery Foundation | jquery.org/license (stub for the sample portal) */\n" \
         "window.jQuery=window.$=function(f){if(typeof f==='function'){return f();}return {on:function(){return this;},show:function(){return this;},hide:function(){return this;},siblings:function(){return this;},addClass:function(){return this;},removeClass:function(){return this;},css:function(){return this;},slide:function(){return this;},data:function(){return '';}};};\n"
BASE_CSS = ("*{margin:0;padding:0;box-sizing:border-box}body{font:14px/1.6 \"Microsoft YaHei\",sans-serif;color:#333}"
            "a{color:#333;text-decoration:none}ul,li{list-style:none}.w1200{width:1200px;margin:0 auto}"
            ".flex{display:flex}.flex-between{display:flex;justify-content:space-between;align-items:center}"
            ".flex-wrap{display:flex;flex-wrap:wrap}\n")
STYLE_CSS = (".g-top{background:#f5f5f5;height:36px;line-height:36px}.g-header{height:140px;background:#0c5bb5}"
             ".g-nav{background:#0a4e9c}.g-nav__item a{display:block;padding:0 38px;line-height:52px;color:#fff;font-size:18px}"
             ".g-nav__item--on a{background:#073b78}.crumb,.wzy{line-height:48px;color:#666}.crumb span{margin:0 6px}"
             ".icon-arrow{display:inline-block;width:6px;height:10px;margin:0 8px;border-right:2px solid #999}"
             ".side-nav{width:240px}.g-main__con{flex:1;margin-left:24px}"
             ".news-list__item a{display:flex;justify-content:space-between;line-height:44px;border-bottom:1px dashed #ddd}"
             ".lmlb-item{padding:16px 0;border-bottom:1px solid #eee}.lmlb-item .date{width:72px;text-align:center;background:#0c5bb5;color:#fff}"
             ".lmlb-item .date b{display:block;font-size:28px}.list-dot li{line-height:40px}.list-dot em,.list-dot .fr{float:right;font-style:normal;color:#999}"
             ".card{width:280px;margin:0 20px 20px 0}.card__img img{width:280px;height:180px}.zcwj-table{border-collapse:collapse}"
             ".zcwj-table td,.zcwj-table th{border:1px solid #ddd;padding:8px}.xxgk-table table{width:100%;border-collapse:collapse;background:#f7f9fc}"
             ".xxgk-table th,.xxgk-table td{border:1px solid #dde4ee;padding:8px 12px}.article__tit{font-size:26px;text-align:center}"
             ".article__info{text-align:center;color:#999;border-bottom:1px solid #eee;padding:12px 0}.TRS_Editor p{text-indent:2em;line-height:2}"
             ".g-footer{background:#0a3f7d;color:#d6e2f3;padding:30px 0;margin-top:30px}.g-footer a{color:#d6e2f3}"
             ".xx-list__row span{padding:10px}.c1{flex:1}.c2,.c3{width:140px;text-align:center}.st--ing{color:#e60}.st--done{color:#090}"
             ".letter dt{float:left;width:100px;font-weight:bold}.letter dd{margin-left:110px;line-height:36px}"
             ".no-data,.empty{text-align:center;padding:60px 0;color:#999}\n")


def _assets(cty: City) -> dict:
    img = lambda w, h, rgb: png_bytes(w, h, rgb, (min(rgb[0] + 30, 255), min(rgb[1] + 30, 255), min(rgb[2] + 30, 255)))
    files = {"/images/css/base.css": BASE_CSS.encode(), "/images/css/style.css": STYLE_CSS.encode(),
             "/images/js/jquery-1.12.4.min.js": JQUERY.encode(), "/images/js/common.js": COMMON_JS.encode(),
             "/module/visitcount/articlehits.js": b"document.write('1');\n",
             "/robots.txt": b"User-agent: *\nDisallow: /hdjl/letter/\n"}
    for name, (w, h, rgb) in {"logo": (520, 86, (12, 91, 181)), "dzjg": (56, 68, (200, 20, 20)), "gaba": (18, 20, (40, 80, 160)),
                              "jiucuo": (110, 55, (230, 60, 60)), "nodata": (120, 90, (220, 220, 220)),
                              "ndbb": (280, 90, (12, 91, 181)), "404": (300, 200, (200, 200, 200))}.items():
        files[f"/images/{name}.png"] = img(w, h, rgb)
    for k in range(1, 5):
        files[f"/images/icon/gk{k}.png"] = img(48, 48, (12, 91 + 20 * k, 181))
    for k in range(1, 9):
        files[f"/images/icon/fw{k}.png"] = img(56, 56, (20 * k, 120, 200))
    for k in range(1, 11):
        files[f"/images/icon/bm{k}.png"] = img(48, 48, (200, 12 * k, 60))
    for k in range(1, 4):
        files[f"/images/zt/zt{k}.png"] = img(380, 120, (180, 30 * k, 40))
        files[f"/images/zt/banner{k}.png"] = img(390, 90, (190, 40 * k, 30))
    return files


def _attachment(cty: City, url: str, kind: str, label: str) -> bytes:
    if kind == "png":
        return png_bytes(64, 40, (40, 120, 90), (70, 150, 120))
    if kind == "pdf":
        return pdf_bytes(f"{cty.domain}{url}", ["Attachment"])
    if kind == "xls":
        return xls_bytes([["序号", "项目", "内容"], [1, label, ""]])
    return docx_bytes([label])


def _pages(cty: City):
    """Every HTML document: (file path, html)."""
    page, _ = home(cty)
    yield HOME, page
    for col in cty.columns:
        if col.leaf:
            for k in range(1, col.n_pages + 1):
                yield col.page_file(k), render.list_page(cty, col, k)
        else:
            yield col.page_file(1), render.channel_page(cty, col)
        if col.family == "letters":
            yield col.dir + "write.html", render.write_page(cty, col)
        dated = [it for it in col.items if it.when]
        for i, it in enumerate(col.items):
            if it.letter:
                yield it.url, render.letter_page(cty, it)
            elif not it.when:
                yield it.url, render.guide_page(cty, it)
            else:
                k = dated.index(it)
                prev = dated[k - 1] if k else None
                nxt = dated[k + 1] if k + 1 < len(dated) else None
                yield it.url, render.article(cty, it, prev, nxt)


def generate_city(out_dir, *, seed: int = 1, as_of: date = date(2019, 12, 31)) -> Path:
    """Write OUT/site/ and OUT/ground_truth.json; return the ground truth's path."""
    out = Path(out_dir)
    site = SiteFolder(out)
    cty = build_city(seed, as_of)

    put = site.put
    n_pages = site.put_pages(_pages(cty))
    for url, (kind, label) in sorted(cty.files.items()):
        put(url, _attachment(cty, url, kind, label))
    for url, data in _assets(cty).items():
        put(url, data)
    put("/404.html", NOT_FOUND.encode("utf-8"))
    letters = [c for c in cty.columns if c.pager == "pidx"]
    put("/_pages.json", json.dumps({c.url: {"pages": c.n_pages, "clamp": False, "param": "pageIndex"} for c in letters},
                                   indent=1).encode("utf-8"))
    truth = out / "ground_truth.json"
    facts = ground_truth(cty, site_name=f"{cty.city}{cty.name}人民政府", home_url=HOME,
                        home_newest=home(cty)[1].isoformat(), n_pages=n_pages, family=lambda c: c.family)
    truth.write_text(json.dumps(facts, ensure_ascii=False, indent=1), encoding="utf-8")
    return truth
