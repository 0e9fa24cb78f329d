"""HTML rendering of the sample portal: plain f-strings, no I/O.

``render_all(site)`` yields ``(path, html)`` pairs (root-relative paths) for the
home page, every list page and every article; :func:`static_files` yields the
style sheet, images, robots.txt and the 404 page.
"""
from __future__ import annotations

import posixpath
from html import escape

from urllib.parse import quote

from .model import APPLICANTS, RESULT_ROWS, Column, Item, Site

TRUNC = 28

CSS = """*{margin:0;padding:0;box-sizing:border-box}body{font:14px/1.7 "Microsoft YaHei",SimSun,sans-serif;color:#333;background:#f3f5f8}
a{color:#333;text-decoration:none}a:hover{color:#c00}ul{list-style:none}.w{width:1200px;margin:0 auto}
.topbar{background:#eef2f7;border-bottom:1px solid #dde3ea;font-size:12px;line-height:32px}.topbar .w{display:flex;justify-content:space-between}
.header{background:linear-gradient(#1b5fae,#2f7fd6);height:130px}.header .w{display:flex;align-items:center;justify-content:space-between;height:130px}
.logo a{color:#fff;font-size:36px;font-weight:bold;letter-spacing:4px}.logo small{display:block;font-size:12px;letter-spacing:1px;opacity:.8}
.search input{width:220px;height:32px;border:0;padding:0 8px}.search button{height:32px;width:60px;border:0;background:#f5a623;color:#fff}
.nav{background:#0f4a8f}.nav ul{display:flex;flex-wrap:wrap}.nav li a{display:block;color:#fff;padding:0 13px;line-height:44px;font-size:15px}
.nav li a:hover,.nav li.on a{background:#f5a623}.banner{margin:12px auto}.banner img{width:100%;height:120px;display:block}
.position{line-height:40px;font-size:13px;color:#666}.main{display:flex;gap:16px;margin-bottom:20px}
.leftmenu{width:240px;background:#fff}.leftmenu h3{background:#1b5fae;color:#fff;padding:10px 16px;font-size:17px}
.leftmenu li a{display:block;padding:8px 16px;border-bottom:1px dashed #e3e3e3}.leftmenu li.on>a{color:#1b5fae;font-weight:bold}
.leftmenu ul ul a{padding-left:32px;font-size:13px}.leftmenu ul ul ul a{padding-left:48px}
.content-box{flex:1;background:#fff;padding:16px 20px}.col-title{border-bottom:2px solid #1b5fae;margin-bottom:10px}
.col-title h2{display:inline-block;background:#1b5fae;color:#fff;padding:4px 18px;font-size:16px}
.list li{display:flex;justify-content:space-between;border-bottom:1px dashed #ddd;line-height:36px}.list li span{color:#888}
.list-table{width:100%;border-collapse:collapse}.list-table th{background:#eef3fa}.list-table td,.list-table th{border:1px solid #e1e6ee;padding:6px 8px}
.list-empty{padding:60px 0;text-align:center;color:#999}.pager{text-align:center;margin:18px 0;color:#666}.pager a{margin:0 3px;padding:2px 8px;border:1px solid #ddd}
.blocks{display:grid;grid-template-columns:1fr 1fr;gap:14px}.block{background:#fff;padding:10px 14px}.block-title{display:flex;justify-content:space-between;border-bottom:2px solid #1b5fae;margin-bottom:6px}
.block-title h2,.block-title h3{font-size:16px;color:#1b5fae}.block li{display:flex;justify-content:space-between;line-height:32px}.block li span{color:#999}
.article{background:#fff;padding:24px 48px;margin-bottom:20px}.article h1{font-size:24px;text-align:center;color:#1b5fae;margin:16px 0}
.info{text-align:center;color:#888;font-size:13px;border-bottom:1px solid #e5e5e5;padding-bottom:10px;margin-bottom:16px}
.xxgk-table{width:100%;border-collapse:collapse;margin-bottom:12px;font-size:13px}.xxgk-table td{border:1px solid #cfd8e6;padding:5px 8px}.xxgk-table td.l{background:#eef3fa;width:12%}
#zoom p{text-indent:2em;margin-bottom:12px;font-size:16px;line-height:2}.nb-table{border-collapse:collapse;margin:12px 0;font-size:13px}.nb-table td{border:1px solid #999;padding:3px 6px;text-align:center}
.attach,.related,.extra{margin-top:12px}.letter-table{width:100%;border-collapse:collapse}.letter-table th{width:15%;background:#eef3fa}.letter-table td,.letter-table th{border:1px solid #dde;padding:8px}
.links{background:#fff;padding:10px 14px;margin:14px auto}.links a{margin-right:18px}
.footer{background:#0f4a8f;color:#dbe6f5;font-size:13px;padding:18px 0;line-height:2}.footer .w{display:flex;align-items:center;gap:24px}.footer a{color:#fff}
.notfound{background:#fff;padding:80px;text-align:center;margin:20px auto}"""

ROBOTS = "User-agent: *\nDisallow:\n"

COLTYPE = {"dynamic": "工作动态", "notice_policy": "通知公告", "longterm": "信息公开", "static": "概况信息",
           "interaction": "互动交流", "catalogue": "信息公开目录"}


# How a page declares its encoding in the HTML: UTF-8 pages in a meta charset; GBK pages in
# a gb2312 http-equiv meta ("meta") or not at all (the header says so, or nothing does).
CHARSET_HEAD = {None: '<meta charset="utf-8">\n',
                "meta": '<meta http-equiv="Content-Type" content="text/html; charset=gb2312">\n',
                "header": "", "none": "", "mislabel": ""}
# ... and what the server's Content-Type says for the GBK ones (``_charsets.json``)
CHARSET_HEADER = {"header": "GBK", "meta": "", "none": "", "mislabel": "UTF-8"}

TRS_COUNT_SCRIPT = """<script language="JavaScript">
var currentPage = {k};//所在页从0开始
var prevPage = currentPage-1//上一页
var nextPage = currentPage+1//下一页
var countPage = {pages}//共多少页
//设置上一页代码
if(countPage>1&&currentPage!=0&&currentPage!=1)
	document.write("<a href=\\"index"+"_" + prevPage + "."+"{ext}\\">上一页</a>&nbsp;");
else if(countPage>1&&currentPage!=0&&currentPage==1)
	document.write("<a href=\\"index.{ext}\\">上一页</a>&nbsp;");
else
	document.write("上一页&nbsp;");
//设置下一页代码
if(countPage>1&&currentPage!=(countPage-1))
	document.write("<a href=\\"index"+"_" + nextPage + "."+"{ext}\\" >下一页</a>&nbsp;");
else
	document.write("下一页&nbsp;");
</script>"""

JPAAS_UNIT = "/api-gateway/jpaas-publish-server/front/page/build/unit"
JS_FILES = {
    "/js/unitbuild.js": "/* jpaas unit: GET the unit URL with queryData, show data.html */\n",
    "/js/createPageHTML.js": """function createPageHTML(_nPageCount, _nCurrIndex, _sPageName, _sPageExt){
if(_nPageCount == null || _nPageCount<=1){ return; }
var nCurrIndex = _nCurrIndex || 0;
if(nCurrIndex == 0) document.write("<span>首页</span>&nbsp;<span>上一页</span>&nbsp;");
else document.write("<a href=\\""+_sPageName+"."+_sPageExt+"\\">首页</a>&nbsp;<a href=\\""+_sPageName+(nCurrIndex>1?"_"+(nCurrIndex-1):"")+"."+_sPageExt+"\\">上一页</a>&nbsp;");
if(nCurrIndex == _nPageCount-1) document.write("<span>下一页</span>&nbsp;<span>尾页</span>");
else document.write("<a href=\\""+_sPageName+"_"+(nCurrIndex+1)+"."+_sPageExt+"\\">下一页</a>&nbsp;<a href=\\""+_sPageName+"_"+(_nPageCount-1)+"."+_sPageExt+"\\">尾页</a>");
}
""",
    "/module/web/jpage/jquery.jpage.js": "/* jpage (sample stub): draws the pager and asks dataproxy.jsp for later groups */\n",
    "/module/jslib/jquery/cookie/jquery.cookie.js": "/* jquery.cookie (sample stub) */\n",
    "/module/web/jpage/theme/default/css/jpage.css": ".jpage{text-align:center;margin:18px 0}\n",
}


def e(s: str) -> str:
    return escape(s, quote=True)


def trunc(s: str) -> str:
    return s if len(s) <= TRUNC else s[:TRUNC] + "…"


def vrel(from_dir: str, target: str) -> str:
    """Relative href without a leading ./ (博达 VSB writes ``lzjd/15.htm``, ``../info/1056/1.htm``)."""
    return posixpath.relpath(target, from_dir.rstrip("/") or "/")


def rel(from_dir: str, target: str) -> str:
    """Relative href from a directory (ending in /) to a root-relative path."""
    r = posixpath.relpath(target, from_dir.rstrip("/") or "/")
    if target.endswith("/") and not r.endswith("/"):
        r += "/"
    if not r.startswith("."):
        r = "./" + r
    return r


class Renderer:
    def __init__(self, site: Site):
        self.site = site
        d = site.district
        self.d = d
        self.sitename = e(d.site_name)
        self.nav = self._nav()
        self.footer_full = self._footer(True)
        self.footer_nogongan = self._footer(False)
        self.header = self._header()
        self.menu_cache = {}

    # ------------------------------------------------------------------ chrome
    def _header(self) -> str:
        d = self.d
        return (f'<div class="topbar"><div class="w"><span>欢迎访问{self.sitename}门户网站</span>'
                f'<span><a href="/zwgk/zfxxgk/index.html">政府信息公开</a> | <a href="/hdjl/qzxx/index.html">区长信箱</a> | '
                f'<a href="/zwfw/index.html">政务服务</a></span></div></div>\n'
                f'<div class="header"><div class="w"><div class="logo"><a href="/index.html">{self.sitename}'
                f'<small>{e(d.domain)}</small></a></div>'
                f'<form class="search" action="/jsearchfront/search.do" method="get">'
                f'<input type="text" name="q" placeholder="请输入关键字"><input type="hidden" name="websiteid" '
                f'value="{d.site_id_code}"><button type="submit">搜索</button></form></div></div>\n')

    def _nav(self) -> str:
        lis = ['<li><a href="/index.html">首页</a></li>'] + \
            [f'<li><a href="{c.url}">{e(c.name)}</a></li>' for c in self.site.roots]
        return '<nav class="nav"><div class="w"><ul>' + "".join(lis) + "</ul></div></nav>\n"

    def _footer(self, gongan: bool) -> str:
        d = self.d
        g = (f'<span class="gongan"><img src="/images/gongan.png" alt="公安备案" width="16" height="16"> '
             f'{e(d.gongan)}</span> ') if gongan else ""
        return (f'<div class="footer"><div class="w">'
                f'<a class="dzjg" title="党政机关"><img src="/images/dzjg.png" alt="党政机关网站标识" width="54" height="64"></a>'
                f'<div class="footer-text"><p>主办单位：{e(d.office)}　承办单位：{e(d.name)}大数据中心　'
                f'地址：{e(d.name)}{e(d.road)}　邮编：{d.postcode}</p>'
                f'<p>联系方式：{d.phone}　电子邮箱：{d.py}qzfb@{d.py}.gov.cn　'
                f'网站标识码：{d.site_id_code}</p>'
                f'<p><span class="icp">{e(d.icp)}</span> {g}'
                f'<a href="/hdjl/zwzx/index.html" class="jiucuo"><img src="/images/jiucuo.png" alt="我为政府网站找错" '
                f'width="110" height="50">我为政府网站找错</a></p>'
                f'</div></div></div>\n')

    def page(self, title: str, body: str, metas: str = "", gongan: bool = True, charset: str | None = None) -> str:
        d = self.d
        return (f'<!DOCTYPE html>\n<html lang="zh-CN">\n<head>\n{CHARSET_HEAD[charset]}'
                f'<meta http-equiv="X-UA-Compatible" content="IE=edge">\n'
                f'<meta name="viewport" content="width=device-width, initial-scale=1">\n'
                f'<title>{e(title)}</title>\n'
                f'<meta name="SiteName" content="{self.sitename}">\n<meta name="SiteDomain" content="{d.domain}">\n'
                f'<meta name="SiteIDCode" content="{d.site_id_code}">\n{metas}'
                f'<link rel="stylesheet" href="/css/style.css">\n</head>\n<body>\n'
                f'{self.header}{self.nav}{body}'
                f'{self.footer_full if gongan else self.footer_nogongan}</body>\n</html>\n')

    # -------------------------------------------------------------- helpers
    def href(self, target: str, from_dir: str, style: str) -> str:
        return rel(from_dir, target) if style == "relative" else target

    def breadcrumb(self, col: Column, from_dir: str, article: bool = False) -> str:
        chain = col.ancestors + [col]
        if col.family == "hanweb":
            # the real JCMS shape: a table of cells, each "><a ...>name</a>"
            tds = "".join(f'<td>><a href="{c.url}"class="bt_link">{e(c.name)}</a></td>' for c in chain)
            return ('<div class="bt-place"><nav aria-label="breadcrumb" class="dangq w">\n'
                    '<table cellspacing="0"cellpadding="0"border="0"><tr><td><a href="/index.html"class="bt_link">首页</a>'
                    '</td><td class="shouye"><table width="100%" cellspacing="0" cellpadding="0" border="0">\n<tr>\n'
                    f'{tds}\n</tr></table></td></tr></table>\n</nav></div>\n')
        if col.family == "vsb":
            parts = [f'<a href="{vrel(from_dir, "/index.html")}">首页</a>']
            parts += [f'<a href="{vrel(from_dir, c.url)}">{e(c.name)}</a>' for c in chain]
            tail = "&nbsp;&gt;&gt;&nbsp;正文" if article else ""
            return '<div class="position w">当前位置: ' + "&nbsp;&gt;&gt;&nbsp;".join(parts) + tail + "</div>\n"
        if col.family == "trs":
            parts = [f'<a href="{rel(from_dir, "/index.html")}" title="首页" class="CurrChnlCls">首页</a>']
            parts += [f'<a href="{rel(from_dir, c.url)}" title="{e(c.name)}" class="CurrChnlCls">{e(c.name)}</a>'
                      for c in chain]
            return '<div class="position w">当前位置：' + "&nbsp;&gt;&nbsp;".join(parts) + "</div>\n"
        style = col.link_style
        parts = [f'<a href="{self.href("/index.html", from_dir, style)}">首页</a>']
        for c in col.ancestors + [col]:
            parts.append(f'<a href="{self.href(c.url, from_dir, style)}">{e(c.name)}</a>')
        return '<div class="position w">当前位置：' + " &gt; ".join(parts) + "</div>\n"

    def leftmenu(self, col: Column) -> str:
        if col in self.menu_cache:
            return self.menu_cache[col]
        top = col.top
        path = set(id(c) for c in col.ancestors + [col])

        def ul(children) -> str:
            out = []
            for c in children:
                on = id(c) in path
                sub = ul(c.children) if (on and c.children) else ""
                cls = ' class="on"' if on else ""
                out.append(f'<li{cls}><a href="{c.url}">{e(c.name)}</a>{sub}</li>')
            return "<ul>" + "".join(out) + "</ul>"

        items = top.children if top.children else [top]
        html = f'<div class="leftmenu"><h3>{e(top.name)}</h3>{ul(items)}</div>\n'
        self.menu_cache[col] = html
        return html

    def col_metas(self, col: Column) -> str:
        if not col.meta or col.family == "vsb" or (col.family == "trs" and not col.fam.get("coltype")):
            return ""
        return (f'<meta name="ColumnName" content="{e(col.name)}">\n'
                f'<meta name="ColumnType" content="{COLTYPE[col.cls]}">\n'
                f'<meta name="ColumnDescription" content="{e(col.name)}栏目">\n')

    def item_href(self, it: Item, from_dir: str, style: str) -> str:
        return self.href(it.url, from_dir, style)

    # ---------------------------------------------------------------- lists
    @staticmethod
    def fmt_date(it: Item, style: str = "full") -> str:
        """full 2019-12-23, short [12-23], cn 2019年12月23日, or a strftime format."""
        d = it.list_date
        if d is None:
            return ""
        if style == "full":
            return f"{d:%Y-%m-%d}"
        if style == "short":
            return f"[{d:%m-%d}]"
        if style == "cn":
            return f"{d.year}年{d.month:02d}月{d.day:02d}日"
        return d.strftime(style)

    def rows_span(self, items, from_dir: str, style: str, dstyle: str = "full") -> str:
        out = []
        for it in items:
            ds = self.fmt_date(it, dstyle)
            span = f"<span>{ds}</span>" if ds else ""
            out.append(f'<li><a href="{self.item_href(it, from_dir, style)}" title="{e(it.title)}" '
                       f'target="_blank">{e(trunc(it.title))}</a>{span}</li>')
        return "\n".join(out)

    def rows_table(self, col: Column, items, from_dir: str, dstyle: str = "full") -> str:
        style = col.link_style
        kind = col.kind
        if kind == "letter":
            head = "<tr><th>信件标题</th><th>来信时间</th><th>处理状态</th></tr>"
        elif kind in ("xxgk_fd", "xxgk_key"):
            head = "<tr><th>索引号</th><th>标题</th><th>发布机构</th><th>公开日期</th></tr>"
        elif kind == "policy":
            head = "<tr><th>标题</th><th>文号</th><th>发布日期</th></tr>"
        else:
            head = "<tr><th>标题</th><th>发布日期</th></tr>"
        out = [head]
        for it in items:
            a = (f'<a href="{self.item_href(it, from_dir, style)}" title="{e(it.title)}" target="_blank">'
                 f'{e(trunc(it.title))}</a>')
            ds = self.fmt_date(it, dstyle)
            if kind == "letter":
                st = "已回复" if it.letter["reply_dt"] else "未回复"
                out.append(f'<tr><td class="t">{a}</td><td class="d">{ds}</td><td class="s">{st}</td></tr>')
            elif kind in ("xxgk_fd", "xxgk_key"):
                idx = dict(it.meta_rows or []).get("索引号", "")
                org = dict(it.meta_rows or []).get("发布机构", "")
                out.append(f'<tr><td class="i">{e(idx)}</td><td class="t">{a}</td><td class="o">{e(org)}</td>'
                           f'<td class="d">{ds}</td></tr>')
            elif kind == "policy":
                out.append(f'<tr><td class="t">{a}</td><td class="n">{e(it.doc_no or "")}</td><td class="d">{ds}</td></tr>')
            else:
                out.append(f'<tr><td class="t">{a}</td><td class="d">{ds}</td></tr>')
        return '<table class="list-table">\n' + "\n".join(out) + "\n</table>"

    def pager(self, col: Column, k: int, pages: int, n: int) -> str:
        def link(j, text):
            return f'<a href="{"index.html" if j == 0 else f"index_{j}.html"}">{text}</a>'
        return (_pager(k, pages, n, link, gaps=True)
                + f'<script type="text/javascript">var countPage = {pages};//共多少页\n'
                f'var currentPage = {k};//当前页\n</script>\n')

    def query_pager(self, col: Column, k: int, pages: int, n: int) -> str:
        """A generic pager whose pages are ``list.html?page=N`` (or a bare ``?page=N``); no script."""
        stem = "list.html" if col.fam.get("href") == "list" else ""

        def link(j, text):
            return f'<a href="{stem}?page={j + 1}">{text}</a>'
        return _pager(k, pages, n, link, gaps=False)

    # ---------------------------------------------------------------- pages
    def frame(self, col: Column, from_dir: str, inner: str, charset: str | None = None) -> str:
        """A column page: breadcrumb, left menu, the column's title and ``inner``."""
        body = (f'{self.breadcrumb(col, from_dir)}<div class="main w">{self.leftmenu(col)}<div class="content-box">'
                f'<div class="col-title"><h2>{e(col.name)}</h2></div>\n{inner}</div></div>\n')
        return self.page(f"{col.name}_{self.d.site_name}", body, self.col_metas(col), col.footer_gongan, charset)

    def column_pages(self, col: Column):
        """Yield (file path, html, charset) for each list page of a column (charset None: UTF-8)."""
        if not col.leaf:
            yield col.url, self.block_page(col), col.fam.get("charset")
        elif col.family == "hanweb":
            yield col.url, self.hanweb_list(col), None
        elif col.family == "jpaas":
            yield col.url, self.jpaas_page(col), None
        elif col.family == "vsb":
            yield from self.vsb_pages(col)
        elif col.family == "trs":
            yield from self.trs_pages(col)
        else:
            yield from self.generic_pages(col)

    def block_page(self, col: Column) -> str:
        from .model import latest
        from_dir = col.dir
        blocks = []
        for ch in col.children:
            rows = self.rows_span(latest(ch, 5), from_dir, "root")
            blocks.append(f'<div class="block"><div class="block-title"><h3><a href="{ch.url}">{e(ch.name)}</a></h3>'
                          f'<a class="more" href="{ch.url}">更多&gt;&gt;</a></div><ul>\n{rows}\n</ul></div>')
        return self.frame(col, from_dir, '<div class="blocks">\n' + "\n".join(blocks) + "\n</div>",
                          col.fam.get("charset"))

    def list_rows(self, col: Column, chunk, from_dir: str, dstyle: str = "full") -> str:
        if col.list_style == "table":
            return self.rows_table(col, chunk, from_dir, dstyle)
        return '<ul class="list">\n' + self.rows_span(chunk, from_dir, col.link_style, dstyle) + "\n</ul>"

    def generic_pages(self, col: Column):
        """index.html, index_1.html … with a visible pager (or list.html?page=N); GBK subtrees too."""
        cs = col.fam.get("charset")
        n = len(col.items)
        if n == 0:
            yield col.url, self.frame(col, col.dir, '<div class="list-empty">暂无信息</div>', cs), cs
            return
        pages, pp = col.list_pages(), col.per_page
        for k in range(pages):
            lst = self.list_rows(col, col.items[k * pp:(k + 1) * pp], col.dir)
            pg = ""
            if pages > 1:
                pg = self.query_pager(col, k, pages, n) if col.fam.get("query") else self.pager(col, k, pages, n)
            yield col.page_file(k), self.frame(col, col.dir, f"{lst}\n{pg}", cs), cs

    def trs_pages(self, col: Column):
        """TRS WCM: no pager links in the HTML; the page count only in script."""
        n, pages, pp = len(col.items), col.list_pages(), col.per_page
        ext = col.fam.get("ext", "html")
        for k in range(pages):
            chunk = col.items[k * pp:(k + 1) * pp]
            lst = self.list_rows(col, chunk, col.dir, col.fam["date"]) if n else '<div class="list-empty">暂无信息</div>'
            if col.fam["pager"] == "count":
                script = TRS_COUNT_SCRIPT.format(k=k, pages=pages, ext=ext)
            else:
                script = (f'<script type="text/javascript" src="/js/createPageHTML.js"></script>'
                          f'<script>createPageHTML({pages}, {k}, "index", "{ext}");</script>')
            yield col.page_file(k), self.frame(col, col.dir, f'{lst}\n<div class="page">{script}</div>\n'), None

    def hanweb_record(self, it: Item) -> str:
        ds = self.fmt_date(it)
        span = f'<span class="bt-list-time">{ds}</span>' if ds else ""
        return (f'<li class="clearfix bt-list-new"><a title=\'{e(it.title)}\' target="_blank" href="{it.url}">'
                f'{e(trunc(it.title))}</a>{span}</li>')

    def jpaas_page(self, col: Column) -> str:
        """A 集约化 (jpaas) column: no rows in the page, a unit script that fetches them."""
        f = col.fam
        query = (f"{{'parseType':'bulidstatic','webId':'{f['web_id']}','tplSetId':'{f['tpl']}',"
                 f"'pageType':'column','tagId':'信息列表','editType':'null','pageId':'{f['page_id']}'}}")
        script = (f'<script id="u{f["page_id"]}" src="/js/unitbuild.js" webId="{f["web_id"]}" '
                  f'parseType="bulidstatic" url="{JPAAS_UNIT}" queryData="{query}"></script>')
        return self.frame(col, col.dir, f'<div class="bt-column-cen">{script}</div>\n')

    def jpaas_unit(self, col: Column) -> dict:
        """What the platform's unit API serves for the column: its rows and the pager's fields."""
        f = col.fam
        query = (f"{{'webId':'{f['web_id']}','pageId':'{f['page_id']}','parseType':'bulidstatic',"
                 f"'pageType':'column','tagId': '信息列表', 'tplSetId': '{f['tpl']}'}}")
        rows = [self.hanweb_record(it).replace("bt-list-time", "bt-right") for it in col.items]
        return {"rows": rows, "per_page": f["per_page"], "query": query}

    def hanweb_list(self, col: Column) -> str:
        """Hanweb JCMS: the first records embedded as a jpage datastore; the rest from dataproxy.jsp."""
        f = col.fam
        unit, cid, webid = f["unitid"], f["colid"], f["webid"]
        total = len(col.items)
        embed = min(total, f.get("embed", f["per_page"] * f["group"]))
        webname = quote(quote(self.d.site_name))
        records = "".join(f"<record><![CDATA[\n{self.hanweb_record(it)}]]></record>\n" for it in col.items[:embed])
        store = (f'<div id="{unit}"><script type="text/xml"><datastore>\n'
                 f'<nextgroup><![CDATA[<a href="/module/web/jpage/dataproxy.jsp?page=1&appid=1&webid={webid}&path=/'
                 f'&columnid={cid}&unitid={unit}&webname={webname}&permissiontype=0"></a>]]></nextgroup>\n'
                 f'<recordset>\n{records}</recordset>\n</datastore></script></div>')
        opts = (f"themeName:'default',showMode:'full',totalRecord:{{total}},openCookies:false,"
                f"dataBefore:'<ul class=\"column-list\">',{{store}}dataAfter:'</ul>',groupSize:{f['group']},"
                f"proxyUrl:'/module/web/jpage/dataproxy.jsp',perPage:{f['per_page']},barPosition:'bottom',"
                f"ajaxParam:param_{unit}")
        script = (f'<link rel="stylesheet" type="text/css" href="/module/web/jpage/theme/default/css/jpage.css"/>'
                  f'<script language="javascript" src="/module/jslib/jquery/cookie/jquery.cookie.js"></script>'
                  f'<script language="javascript" src="/module/web/jpage/jquery.jpage.js"></script>'
                  f"<script>var param_{unit} = {{col:1,appid:'1',webid:{webid},path:'/',columnid:{cid},"
                  f"sourceContentType:1,unitid:'{unit}',webname:'{e(self.d.site_name)}',permissiontype:0}}; "
                  f"function jpage_{unit}(){{$('#jpageform_{unit} :input').each(function(){{param_{unit}"
                  f"[$(this).attr('name')]=$(this).val();}});$('#{unit}').jpage({{"
                  + opts.format(total=1000, store="") + "});};$(function(){$('#" + str(unit) + "').jpage({"
                  + opts.format(total=total, store=f"dataStore:$('#{unit}').children('script').html(),")
                  + "});});</script>")
        return self.frame(col, col.dir, f'<div class="bt-list">{store}{script}\n</div>\n')

    def vsb_pages(self, col: Column):
        """博达 VSB: tzgg.htm, then tzgg/15.htm … tzgg/1.htm (numbered downward), 共N条 1/P 首页 上页 下页 尾页."""
        f = col.fam
        n, pages, pp, uid = len(col.items), col.list_pages(), col.per_page, f["uid"]
        for k in range(pages):
            path = col.page_url(k)
            from_dir = posixpath.dirname(path) + "/"
            rows = []
            for i, it in enumerate(col.items[k * pp:(k + 1) * pp]):
                ds = self.fmt_date(it, f["date"])
                span = f'<span class="time">{ds}</span>' if ds else ""
                rows.append(f'<li id="line_u{uid}_{i}"><a href="{vrel(from_dir, it.url)}" target="_blank" '
                            f'title="{e(it.title)}">{e(trunc(it.title))}</a>{span}</li>')
            lst = ('<ul class="list">\n' + "\n".join(rows) + "\n</ul>") if rows else '<div class="list-empty">暂无信息</div>'

            def a(j, label):
                return f'<a href="{vrel(from_dir, col.page_url(j))}" class="Next">{label}</a>'
            first, prev = (a(0, "首页"), a(k - 1, "上页")) if k > 0 else ("首页", "上页")
            nxt, last = (a(k + 1, "下页"), a(pages - 1, "尾页")) if k < pages - 1 else ("下页", "尾页")
            pager = (f'<div class="pb_sys_common pb_sys_normal pb_sys_style1"><table cellspacing="0" cellpadding="0" '
                     f'border="0"><tr><td nowrap align="left" width="1%" id="fanye{f["colid"]}">共{n}条&nbsp;&nbsp;'
                     f'{k + 1}/{pages}&nbsp;</td><td nowrap align="left"><div>&nbsp;&nbsp;{first}&nbsp;&nbsp;{prev}'
                     f'&nbsp;&nbsp;{nxt}&nbsp;&nbsp;{last}&nbsp;&nbsp;<input type="TEXT" value="{k + 1}" '
                     f'id="u{uid}_goto" size="2">&nbsp;<a href="javascript:;" '
                     f'onclick="_simple_list_gotopage_fun({pages},\'u{uid}_goto\',2)">转到</a></div></td></tr></table>'
                     f'</div>\n')
            yield path, self.frame(col, from_dir, f"{lst}\n{pager}"), None

    def article(self, it: Item) -> str:
        col = it.column
        from_dir = posixpath.dirname(it.url) + "/"
        style = col.link_style
        fam = col.family
        crumb = self.breadcrumb(col, from_dir, article=True)
        parts = []
        if it.meta_rows:
            cells = []
            rows = it.meta_rows
            for i in range(0, len(rows), 2):
                pair = rows[i:i + 2]
                cells.append("<tr>" + "".join(f'<td class="l">{e(k)}：</td><td>{e(v)}</td>' for k, v in pair) +
                             ("<td></td><td></td>" if len(pair) == 1 else "") + "</tr>")
            parts.append('<table class="xxgk-table">\n' + "\n".join(cells) + "\n</table>\n")
        parts.append(f"<h1>{e(it.title)}</h1>\n")
        info = []
        if it.dt is not None:
            info.append(f"{'发布日期' if fam == 'hanweb' else '发布时间'}：{it.dt:%Y-%m-%d %H:%M}")
        if fam == "vsb":
            info += ["作者：", f"来源：{e(it.source)}",
                     f'点击数：<script>_showDynClicks("wbnews", {col.fam["colid"] * 1000 + 913}, {it.id})</script>']
        else:
            info.append(f"{'信息来源' if fam == 'hanweb' else '来源'}：{e(it.source)}")
            info.append(f"浏览次数：{it.views}")
        parts.append('<div class="info">' + "　".join(info) + "</div>\n")
        body = "".join(f"<p>{e(p)}</p>\n" for p in it.paras)
        if it.guide:
            body += '<table class="xxgk-table">\n' + "\n".join(
                f'<tr><td class="l">{e(k)}</td><td>{e(v)}</td></tr>' for k, v in it.guide) + "\n</table>\n"
        if it.letter:
            body += self.letter_table(it)
        if it.report:
            body += self.report_html(it)
        if fam == "vsb":
            parts.append(f'<div id="vsb_content"><div class="v_news_content">\n{body}</div></div>\n')
        else:
            parts.append(f'<div class="TRS_Editor" id="zoom">\n{body}</div>\n')
        if it.attachments:
            links = "<br>".join(
                f'<a href="{self.href(a.url, from_dir, style)}" target="_blank">{e(a.name)}</a>' for a in it.attachments)
            parts.append(f'<div class="attach">附件：<br>{links}</div>\n')
        for prefix, text, href in it.extra_links:
            parts.append(f'<div class="extra">{e(prefix)}<a href="{e(href)}" target="_blank">{e(text)}</a></div>\n')
        if it.related is not None:
            target = it.related_href or it.related.url
            parts.append(f'<div class="related">{e(it.related_label)}：<a href="{self.href(target, from_dir, style)}" '
                         f'target="_blank">{e(it.related.title)}</a></div>\n')
        parts.append('<div class="share">【<a href="javascript:window.print()">打印本页</a>】'
                     '【<a href="javascript:window.close()">关闭窗口</a>】</div>\n')
        metas = ""
        if col.meta and fam != "vsb":
            metas = self.col_metas(col) + f'<meta name="ArticleTitle" content="{e(it.title)}">\n'
            if it.dt is not None:
                metas += f'<meta name="PubDate" content="{it.dt:%Y-%m-%d %H:%M}">\n'
            metas += f'<meta name="ContentSource" content="{e(it.source)}">\n'
        html_body = f'{crumb}<div class="article w">\n{"".join(parts)}</div>\n'
        return self.page(f"{it.title}_{self.d.site_name}", html_body, metas, col.footer_gongan, it.charset)

    def letter_table(self, it: Item) -> str:
        L = it.letter
        rows = [("信件标题", e(it.title)), ("来信人", e(L["sender"])), ("来信时间", f"{it.dt:%Y-%m-%d %H:%M}"),
                ("信件内容", e(L["content"]))]
        if L["reply_dt"]:
            rows += [("回复单位", e(L["unit"])), ("回复时间", f"{L['reply_dt']:%Y-%m-%d %H:%M}"),
                     ("回复内容", e(L["reply"]))]
        else:
            rows += [("处理状态", "未回复")]
        return '<table class="letter-table">\n' + "\n".join(
            f"<tr><th>{k}</th><td>{v}</td></tr>" for k, v in rows) + "\n</table>\n"

    def report_html(self, it: Item) -> str:
        cols = it.report["cols"]
        y = it.report["year"]

        def vals(key, k=None):
            return "".join(f"<td>{c[key] if k is None else c[key][k]}</td>" for c in cols)
        nres = len(RESULT_ROWS) + 1
        t = ['<table class="nb-table" border="1" cellspacing="0">',
             '<tr><td colspan="3" rowspan="3">（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）</td>'
             '<td colspan="7">申请人情况</td></tr>',
             '<tr><td rowspan="2">自然人</td><td colspan="5">法人或其他组织</td><td rowspan="2">总计</td></tr>',
             "<tr>" + "".join(f"<td>{a}</td>" for a in APPLICANTS[1:6]) + "</tr>",
             f'<tr><td colspan="3">一、本年新收政府信息公开申请数量</td>{vals("new")}</tr>',
             f'<tr><td colspan="3">二、上年结转政府信息公开申请数量</td>{vals("carried")}</tr>']
        first = True
        k = 0
        groups = {}
        for label, sub in RESULT_ROWS:
            groups.setdefault(label, []).append(sub)
        for label, subs in groups.items():
            for j, sub in enumerate(subs):
                cells = ""
                if first:
                    cells += f'<td rowspan="{nres}">三、本年度办理结果</td>'
                    first = False
                if sub is None:
                    cells += f'<td colspan="2">{label}</td>'
                else:
                    if j == 0:
                        cells += f'<td rowspan="{len(subs)}">{label}</td>'
                    cells += f"<td>{sub}</td>"
                t.append(f"<tr>{cells}{vals('results', k)}</tr>")
                k += 1
        t.append(f'<tr><td colspan="2">（七）总计</td>{vals("total")}</tr>')
        t.append(f'<tr><td colspan="3">四、结转下年度继续办理</td>{vals("out")}</tr>')
        t.append("</table>")
        tot = cols[-1]
        intro = (f"<p>{y}年，共收到政府信息公开申请{tot['new']}件，上年结转{tot['carried']}件；"
                 f"办结{tot['total']}件，结转下年度继续办理{tot['out']}件。</p>\n")
        return ("<p><strong>一、总体情况</strong></p>\n<p>（略）</p>\n"
                "<p><strong>二、主动公开政府信息情况</strong></p>\n<p>（略）</p>\n"
                "<p><strong>三、收到和处理政府信息公开申请情况</strong></p>\n" + intro + "\n".join(t) +
                "\n<p><strong>四、政府信息公开行政复议、行政诉讼情况</strong></p>\n<p>本年度未发生因政府信息公开引起的行政复议、行政诉讼。</p>\n"
                "<p><strong>五、存在的主要问题及改进情况</strong></p>\n<p>一是公开内容的深度仍需加强；二是政策解读形式有待丰富。</p>\n"
                "<p><strong>六、其他需要报告的事项</strong></p>\n<p>无。</p>\n")

    def home(self) -> str:
        site = self.site
        blocks = []
        for title, col, its, dstyle in site.home_blocks:
            rows = self.rows_span(its, "/", "root", dstyle)
            blocks.append(f'<div class="block"><div class="block-title"><h2>{e(title)}</h2>'
                          f'<a class="more" href="{col.url}">更多&gt;&gt;</a></div><ul>\n{rows}\n</ul></div>')
        links = " ".join(f'<a href="{e(h)}" target="_blank">{e(n)}</a>' for n, h in site.friendly_links)
        lead = ", ".join(f"{p}{n}" for p, n in site.leaders[:1])
        body = (f'<div class="banner w"><img src="/images/banner.png" alt="{self.sitename}"></div>\n'
                f'<div class="w blocks">\n' + "\n".join(blocks) + "\n</div>\n"
                f'<div class="w blocks"><div class="block"><div class="block-title"><h2>政务服务</h2>'
                f'<a class="more" href="/zwfw/index.html">更多&gt;&gt;</a></div><ul>'
                f'<li><a href="/zwfw/bszn/grbs/index.html">个人办事</a></li><li><a href="/zwfw/bszn/frbs/index.html">法人办事</a></li>'
                f'<li><a href="/zwfw/bmfw/index.html">便民服务</a></li></ul></div>'
                f'<div class="block"><div class="block-title"><h2>互动交流</h2>'
                f'<a class="more" href="/hdjl/index.html">更多&gt;&gt;</a></div><ul>'
                f'<li><a href="/hdjl/qzxx/index.html">区长信箱（{e(lead)}）</a></li>'
                f'<li><a href="/hdjl/zwzx/index.html">政务咨询</a></li></ul></div></div>\n'
                f'<div class="links w">友情链接：{links}</div>\n')
        metas = '<meta name="ColumnName" content="首页">\n<meta name="ColumnType" content="首页">\n'
        return self.page(self.d.site_name, body, metas)

    def not_found(self) -> str:
        body = ('<div class="notfound w"><h2>404 抱歉，您访问的页面不存在或已被删除！</h2>'
                '<p><a href="/index.html">返回首页</a></p></div>\n')
        return self.page(f"页面不存在_{self.d.site_name}", body)


def render_all(site: Site):
    """Yield (root-relative file path, html, charset) for home, list pages and articles.

    charset None: UTF-8; otherwise the GBK page's declaration (see ``CHARSET_HEAD``).
    """
    r = Renderer(site)
    yield "/index.html", r.home(), None
    for c in site.columns():
        yield from r.column_pages(c)
    for it in site.items:
        yield it.url, r.article(it), it.charset


def _pager(k: int, pages: int, n: int, link, gaps: bool) -> str:
    """A visible pager on page k (0-based) of `pages`: totals, first/previous, nine page
    numbers around k (with … where the run is cut when `gaps`), next/last."""
    parts = [f"共{n}条 共{pages}页 当前第{k + 1}页"]
    parts.append(link(0, "首页") if k > 0 else "<span>首页</span>")
    parts.append(link(k - 1, "上一页") if k > 0 else "<span>上一页</span>")
    lo, hi = max(0, k - 4), min(pages, k + 5)
    if gaps and lo > 0:
        parts.append("…")
    for j in range(lo, hi):
        parts.append(f"<b>{j + 1}</b>" if j == k else link(j, str(j + 1)))
    if gaps and hi < pages:
        parts.append("…")
    parts.append(link(k + 1, "下一页") if k < pages - 1 else "<span>下一页</span>")
    parts.append(link(pages - 1, "尾页") if k < pages - 1 else "<span>尾页</span>")
    return f'<div class="pager">{" ".join(parts)}</div>\n'


def server_maps(site: Site) -> dict:
    """What the server needs beyond files: ``?page=N`` lists, the Hanweb dataproxy records and
    the jpaas units."""
    r = Renderer(site)
    pages, proxy, units = {}, {}, {}
    for c in site.columns():
        if c.fam.get("query"):
            pages[c.url] = {"pages": c.list_pages(), "clamp": bool(c.fam.get("clamp"))}
        if c.family == "hanweb" and c.leaf:
            proxy[str(c.fam["colid"])] = [r.hanweb_record(it) for it in c.items]
        if c.family == "jpaas":
            units[str(c.fam["page_id"])] = r.jpaas_unit(c)
    return {"pages": pages, "dataproxy": proxy, "jpaas": units}


def static_files(site: Site):
    """Yield (path, bytes) for assets that are not pages."""
    from . import assets
    r = Renderer(site)
    yield "/css/style.css", CSS.encode("utf-8")
    yield "/robots.txt", ROBOTS.encode("ascii")
    yield "/404.html", r.not_found().encode("utf-8")
    yield "/images/banner.png", assets.png_bytes(240, 24, (27, 95, 174), (47, 127, 214))
    yield "/images/dzjg.png", assets.png_bytes(27, 32, (200, 16, 16))
    yield "/images/jiucuo.png", assets.png_bytes(55, 25, (230, 120, 20))
    yield "/images/gongan.png", assets.png_bytes(16, 16, (40, 90, 160))
    for path, text in JS_FILES.items():
        yield path, text.encode("utf-8")
