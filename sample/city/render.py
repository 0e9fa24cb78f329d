"""HTML of the district portal: TRS WCM 8 templates on a div/flex layout, UTF-8.

The portal part links relatively (``../../``, ``./201912/t….html``) as TRS publishes it; the
政府信息公开 platform and the letters system link from the root."""
from __future__ import annotations

import posixpath
from html import escape

from . import text
from .model import City, Column, Item

E = lambda s: escape(str(s), quote=True)


def cut(title: str, n: int) -> str:
    return title if len(title) <= n else title[:n - 1] + "…"


def relurl(frm: str, to: str) -> str:
    """``to`` as TRS writes it on the page ``frm``: relative to the page's folder."""
    fdir = frm if frm.endswith("/") else frm.rsplit("/", 1)[0] + "/"
    folder, name = (to, "") if to.endswith("/") else to.rsplit("/", 1)
    r = posixpath.relpath(folder.rstrip("/") + "/" if folder else "/", fdir)
    r = "./" if r == "." else (r + "/" if r.startswith("..") else "./" + r + "/")
    return r + name


def href(cty: City, frm: str, to, relative: bool) -> str:
    url = to.url if hasattr(to, "url") else to
    return relurl(frm, url) if relative and not url.startswith("/art/") else url


def ymd(it: Item) -> str:
    return it.when.strftime("%Y-%m-%d")


# -- the frame ----------------------------------------------------------------------------------

def head(cty: City, title: str, metas: list = ()) -> str:
    m = "".join(f'<meta name="{k}" content="{E(v)}">\n' for k, v in metas)
    return f"""<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta http-equiv="X-UA-Compatible" content="IE=edge,chrome=1">
<meta name="renderer" content="webkit">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<title>{E(title)}</title>
<meta name="SiteName" content="{E(cty.site_name)}">
<meta name="SiteDomain" content="{cty.domain}">
<meta name="SiteIDCode" content="{cty.site_id}">
{m}<link rel="stylesheet" href="/images/css/base.css">
<link rel="stylesheet" href="/images/css/style.css">
<script src="/images/js/jquery-1.12.4.min.js"></script>
<script src="/images/js/common.js"></script>
</head>
"""


def top(cty: City, current: Column | None) -> str:
    prov, platform, zwfw = text.PROVINCES[cty.prov]
    nav = ['<li class="g-nav__item"><a href="/">首页</a></li>']
    for r in cty.roots:
        on = " g-nav__item--on" if current is not None and (current is r or r in current.ancestors) else ""
        nav.append(f'<li class="g-nav__item{on}"><a href="{r.url}">{r.name}</a></li>')
    return f"""<body>
<div class="g-top">
  <div class="w1200 flex-between">
    <div class="g-top__l">欢迎访问{cty.site_name}！今天是<span id="today"></span></div>
    <div class="g-top__r"><a href="javascript:void(0);" id="wza" class="js-wza">无障碍浏览</a><a href="javascript:void(0);" class="js-elder">长者模式</a><a href="https://{zwfw}/" target="_blank">{prov}政务服务网</a><a href="https://www.{platform}/" target="_blank">{prov}人民政府</a></div>
  </div>
</div>
<div class="g-header">
  <div class="w1200 flex-between">
    <a class="g-header__logo" href="/"><img src="/images/logo.png" alt="{cty.city}{cty.name}人民政府"></a>
    <div class="g-search">
      <form id="searchForm" action="https://search.{platform}/jsearchfront/search.do" method="get" target="_blank">
        <input type="hidden" name="websiteid" value="{cty.region}000000000">
        <input type="text" name="q" class="g-search__ipt" placeholder="请输入关键字">
        <button type="submit" class="g-search__btn">搜索</button>
      </form>
    </div>
  </div>
</div>
<div class="g-nav"><ul class="w1200 g-nav__list flex">
{''.join(nav)}
</ul></div>
"""


def footer(cty: City) -> str:
    code = cty.police.split()[1].rstrip("号")
    return f"""<div class="g-footer">
  <div class="w1200 g-footer__inner flex">
    <div class="g-footer__dzjg"><a href="http://bszs.conac.cn/sitename?method=show&amp;id={cty.site_id}A7F3" target="_blank"><img src="/images/dzjg.png" alt="党政机关"></a></div>
    <div class="g-footer__txt">
      <p>主办单位：{cty.name}人民政府办公室　　承办单位：{cty.name}大数据发展管理中心　　联系电话：{cty.area}-8{cty.site_id[-7:]}</p>
      <p>网站标识码：{cty.site_id}　　<a href="https://beian.miit.gov.cn/" target="_blank">{cty.icp}</a>　　<a href="http://www.beian.gov.cn/portal/registerSystemInfo?recordcode={code}" target="_blank" class="gaba"><img src="/images/gaba.png" alt="">{cty.police}</a></p>
      <p>建议使用1366×768以上分辨率，IE10及以上版本浏览器浏览本站</p>
    </div>
    <div class="g-footer__jc"><a href="https://zfwzgl.www.gov.cn/exposure/jiucuo.html?site_code={cty.site_id}" target="_blank"><img src="/images/jiucuo.png" alt="政府网站找错"></a></div>
  </div>
</div>
<script>$(function(){{showToday("today");}});</script>
</body>
</html>
"""


def page(cty: City, title: str, body: str, *, current: Column | None = None, metas: list = ()) -> str:
    return head(cty, title, metas) + top(cty, current) + body + footer(cty)


# -- breadcrumbs and side menus --------------------------------------------------------------------

def crumb(cty: City, col: Column, frm: str, tail: str = "") -> str:
    chain = col.ancestors + [col]
    root = chain[0]
    if root.family == "xxgk":
        links = "".join(f'<i class="icon-arrow"></i><a href="{c.url}">{c.name}</a>' for c in chain)
        return f'<div class="wzy">您所在的位置：<a href="/">首页</a>{links}{tail}</div>'
    if col.family == "letters" or root.slug == "hdjl":
        links = "".join(f' &gt; <a href="{c.url}">{c.name}</a>' for c in chain)
        return f'<div class="crumb crumb--hd"><span class="crumb__lbl">当前位置：</span><a href="/">首页</a>{links}{tail}</div>'
    rel = not frm.startswith("/art/")
    sep = '<i class="icon-arrow"></i>' if root.slug == "ztzl" else "<span>&gt;</span>"
    links = "".join(f'{sep}<a href="{href(cty, frm, c, rel)}">{c.name}</a>' for c in chain)
    return f'<div class="crumb"><a href="{relurl(frm, "/") if rel else "/"}">首页</a>{links}{tail}</div>'


def side(cty: City, col: Column, frm: str) -> str:
    group = col if not col.leaf and col.level == 1 else (col.parent or col)
    rel = col.family == "portal"
    lis = "".join(f'<li class="side-nav__item{" side-nav__item--on" if c is col else ""}">'
                  f'<a href="{href(cty, frm, c, rel)}">{c.name}</a></li>' for c in group.children)
    return f'<div class="side-nav"><h2 class="side-nav__hd">{group.name}</h2><ul>{lis}</ul></div>'


# -- lists ----------------------------------------------------------------------------------------

def rows(cty: City, col: Column, items: list, frm: str) -> str:
    rel = col.family == "portal"
    h = lambda it: href(cty, frm, it, rel)
    lay = col.layout
    if lay == "rowlink":
        tag = '<i class="tag">解读</i>' if col.cls == "interpretation" else ""
        lis = "".join(f'<li class="news-list__item"><a href="{h(it)}" title="{E(it.title)}" target="_blank">{tag}'
                      f'<span class="tit">{E(cut(it.title, 30))}</span><span class="time">{ymd(it)}</span></a></li>\n'
                      for it in items)
        return f'<ul class="news-list">\n{lis}</ul>'
    if lay == "daybox":
        out = []
        for it in items:
            summ = it.summary or it.paras[1][:40] + "…"
            out.append(f'<div class="lmlb-item flex"><div class="date"><b>{it.when:%d}</b><span>{it.when:%Y-%m}</span></div>'
                       f'<div class="lmlb-item__txt"><h3><a href="{h(it)}" title="{E(it.title)}" target="_blank">{E(cut(it.title, 36))}</a></h3>'
                       f'<p>{E(summ)}</p></div></div>\n')
        return f'<div class="lmlb">\n{"".join(out)}</div>'
    if lay == "dot":
        if col.family == "xxgk":
            lis = "".join(f'<li><span class="fr">{ymd(it)}</span><a href="{h(it)}" title="{E(it.title)}" target="_blank">'
                          f'{E(cut(it.title, 34))}</a></li>\n' for it in items)
        else:
            lis = "".join(f'<li><a href="{h(it)}" title="{E(it.title)}" target="_blank">{E(cut(it.title, 32))}</a>'
                          f'<em>{it.when:%Y.%m.%d}</em></li>\n' for it in items)
        return f'<ul class="list-dot">\n{lis}</ul>'
    if lay == "card":
        out = []
        for it in items:
            img = relurl(frm, it.url.rsplit("/", 1)[0] + "/" + it.image) if rel else it.url.rsplit("/", 1)[0] + "/" + it.image
            out.append(f'<div class="card"><a class="card__img" href="{h(it)}" target="_blank"><img src="{img}" alt="{E(it.title)}"></a>'
                       f'<div class="card__bd"><h3 class="card__tit"><a href="{h(it)}" title="{E(it.title)}" target="_blank">{E(cut(it.title, 24))}</a></h3>'
                       f'<p class="card__sum">{E(it.summary)}</p><span class="card__date">{ymd(it)}</span></div></div>\n')
        return f'<div class="card-list flex-wrap">\n{"".join(out)}</div>'
    if lay == "doctable":
        start = col.items.index(items[0]) if items else 0
        trs = "".join(f'<tr><td>{start + k + 1}</td><td>{it.doc_no}</td><td class="tl"><a href="{h(it)}" title="{E(it.title)}" target="_blank">'
                      f'{E(it.title)}</a></td><td>{ymd(it)}</td></tr>\n' for k, it in enumerate(items))
        return ('<table class="zcwj-table" width="100%"><thead><tr><th width="6%">序号</th><th width="20%">文号</th>'
                f'<th>标题</th><th width="14%">发布日期</th></tr></thead>\n<tbody>\n{trs}</tbody></table>')
    if lay == "leaders":
        lis = "".join(f'<li class="leader"><a class="leader__img" href="{h(it)}" target="_blank">'
                      f'<img src="{relurl(frm, it.url.rsplit("/", 1)[0] + "/" + it.image)}" alt="{E(it.title)}"></a>'
                      f'<div class="leader__info"><h3><a href="{h(it)}" target="_blank">{E(it.title)}</a></h3>'
                      f'<p>{it.extra["role"]}</p></div></li>\n' for it in items)
        return f'<ul class="leader-list flex-wrap">\n{lis}</ul>'
    if lay == "guide":
        lis = "".join(f'<a class="bmfw-grid__item" href="{h(it)}" target="_blank"><img src="/images/icon/bm{k + 1}.png" alt="">'
                      f'<span>{E(it.title)}</span></a>\n' for k, it in enumerate(items))
        return f'<div class="bmfw-grid flex-wrap">\n{lis}</div>'
    if lay == "consult":
        out = []
        for it in items:
            until = it.extra["until"]
            on = until >= cty.as_of
            out.append(f'<li><a href="{h(it)}" title="{E(it.title)}" target="_blank">{E(cut(it.title, 30))}</a>'
                       f'<span class="zt{" zt--on" if on else ""}">{"进行中" if on else "已结束"}</span>'
                       f'<span class="time">征集时间：{ymd(it)} 至 {until:%Y-%m-%d}</span></li>\n')
        return f'<ul class="yjzj-list">\n{"".join(out)}</ul>'
    if lay == "letters":
        out = []
        for it in items:
            lt = it.letter
            st = "st--done" if lt.status == "已办结" else "st--ing"
            out.append(f'<li class="xx-list__row flex"><span class="c1"><a href="{it.url.rsplit("/", 1)[1]}" title="{E(it.title)}" target="_blank">'
                       f'{E(cut(it.title, 26))}</a></span><span class="c2">{ymd(it)}</span>'
                       f'<span class="c3"><em class="st {st}">{lt.status}</em></span></li>\n')
        return ('<div class="xx-list"><div class="xx-list__hd flex"><span class="c1">信件标题</span><span class="c2">来信时间</span>'
                f'<span class="c3">办理状态</span></div>\n<ul>\n{"".join(out)}</ul></div>')
    raise ValueError(lay)


def pager(col: Column, k: int) -> str:
    n, ext = col.n_pages, col.ext
    if col.pager == "trs":
        return f'<div class="page"><script type="text/javascript">createPageHTML({n}, {k - 1}, "index", "{ext}");</script></div>'
    if col.pager == "trsnew":
        return (f"<div id=\"page_div\" class=\"page\"></div>\n<script type=\"text/javascript\">"
                f"createPageHTML('page_div', {n}, {k}, 'index', '{ext}', {len(col.items)});</script>")
    if col.pager == "pidx":
        a = lambda p, label: f'<a href="?pageIndex={p}">{label}</a>'
        parts = [f'<span class="total">共{len(col.items)}条 第{k}/{n}页</span>']
        if k > 1:
            parts += [a(1, "首页"), a(k - 1, "上一页")]
        for p in range(max(1, k - 2), min(n, k + 2) + 1):
            parts.append(f'<span class="cur">{p}</span>' if p == k else a(p, p))
        if k < n:
            parts += [a(k + 1, "下一页"), a(n, "尾页")]
        return f'<div class="pagination">{" ".join(parts)}</div>'
    return ""


def list_page(cty: City, col: Column, k: int) -> str:
    frm = col.page_url(k)
    chunk = col.items[(k - 1) * col.per_page:k * col.per_page]
    if chunk:
        listing = rows(cty, col, chunk, frm)
    elif col.empty == "暂无数据":
        listing = '<div class="no-data"><img src="/images/nodata.png" alt=""><p>暂无数据</p></div>'
    else:
        listing = f'<p class="empty">{col.empty}</p>'
    extra = ""
    if col.family == "letters":
        extra = ('<div class="xx-tools flex-between"><a class="btn-write" href="write.html">我要写信</a>'
                 '<a class="btn-query" href="javascript:void(0);" onclick="openQuery()">信件查询</a></div>')
    metas = [("ColumnName", col.name)] + ([("ColumnType", col.ctype)] if col.ctype else [])
    return _column_page(cty, col, frm, f"""{extra}
  {listing}
  {pager(col, k) if chunk else ""}""", metas)


# -- channel pages (columns with children) --------------------------------------------------------

def _block(cty: City, col: Column, frm: str, n: int = 6, yearless: bool = False) -> str:
    rel = col.family == "portal"
    items = [it for c in col.walk() if c.leaf for it in c.items if it.when][:n] if col.leaf else \
        sorted((it for c in col.walk() if c.leaf for it in c.items if it.when), key=lambda it: it.when, reverse=True)[:n]
    fmt = "%m-%d" if yearless else "%Y-%m-%d"
    if col.layout in ("leaders", "guide"):          # names only, as their lists show them
        items = col.items[:n]
        lis = "".join(f'<li><a href="{href(cty, frm, it, rel)}" target="_blank">{E(it.title)}</a></li>' for it in items)
    else:
        lis = "".join(f'<li><a href="{href(cty, frm, it, rel)}" title="{E(it.title)}" target="_blank">{E(cut(it.title, 26))}</a>'
                      f'<span>{it.when.strftime(fmt)}</span></li>' for it in items)
    return (f'<div class="m-block"><div class="m-block__hd flex-between"><h3>{col.name}</h3>'
            f'<a class="more" href="{href(cty, frm, col, rel)}">更多&gt;&gt;</a></div><ul class="m-block__bd">{lis}</ul></div>\n')


def _topics(cty: City, col: Column, frm: str) -> str:
    out = []
    for k, c in enumerate(col.children):
        if c.slug == "lszt":
            continue
        out.append(f'<a class="zt-item" href="{relurl(frm, c.url)}"><img src="/images/zt/zt{k + 1}.png" alt="{c.name}"><p>{c.name}</p></a>')
    hist = next((c for c in col.children if c.slug == "lszt"), None)
    more = f'<div class="zt-more"><a href="{relurl(frm, hist.url)}">历史专题&gt;&gt;</a></div>' if hist else ""
    return f'<div class="zt-list flex-wrap">{"".join(out)}</div>{more}'


def channel_page(cty: City, col: Column) -> str:
    frm = col.url
    if col.layout == "topics":
        inner = _topics(cty, col, frm)
    elif col.layout == "group":
        lis = "".join(f'<li><a href="{c.url}">{c.name}</a></li>' for c in col.children)
        inner = f'<ul class="unit-grid flex-wrap">{lis}</ul>'
    elif col.layout == "xxgkhome":
        gov = col.children[0]
        entries = "".join(f'<a class="gk-entry" href="{e.url}"><img src="/images/icon/gk{k + 1}.png" alt=""><span>{e.name}</span></a>'
                          for k, e in enumerate(gov.children))
        units = "".join(f'<div class="gk-units"><h4><a href="{g.url}">{g.name}</a></h4><p>'
                        + "".join(f'<a href="{u.url}">{u.name}</a>' for u in g.children) + "</p></div>"
                        for g in col.children if g.layout == "group")
        blocks = "".join(_block(cty, c, frm) for c in col.children
                         if c.layout not in ("unit", "group") and any(True for x in c.walk() if x.items))
        inner = f'<div class="gk-entries flex">{entries}</div>\n{units}\n<div class="m-blocks flex-wrap">{blocks}</div>'
    else:
        yearless = col.slug == "xwzx"
        inner = '<div class="m-blocks flex-wrap">' + "".join(
            _block(cty, c, frm, yearless=yearless) for c in col.children if c.items or not c.leaf) + "</div>"
    return _column_page(cty, col, frm, inner, [("ColumnName", col.name)])


def _column_page(cty: City, col: Column, frm, content: str, metas: list) -> str:
    """A column's page: breadcrumb, side menu, the column's name over `content`."""
    body = f"""<div class="g-main w1200">
{crumb(cty, col, frm)}
<div class="g-main__bd flex">
{side(cty, col, frm)}
<div class="g-main__con">
  <div class="con-hd"><h2>{col.name}</h2></div>
  {content}
</div>
</div>
</div>
"""
    return page(cty, f"{col.name}-{cty.site_name}", body, current=col, metas=metas)


# -- articles -----------------------------------------------------------------------------------

def _xxgk_table(it: Item) -> str:
    doc = it.doc_no or ""
    return f"""<div class="xxgk-table"><table>
<tr><th>索引号</th><td>{it.index_no}</td><th>发布机构</th><td>{it.publisher}</td></tr>
<tr><th>主题分类</th><td>{it.subject}</td><th>成文日期</th><td>{it.written:%Y-%m-%d}</td></tr>
<tr><th>发布日期</th><td>{it.when:%Y-%m-%d}</td><th>文号</th><td>{doc}</td></tr>
<tr><th>名称</th><td colspan="3">{E(it.title)}</td></tr>
<tr><th>有效性</th><td>{"现行有效" if it.doc_no else ""}</td><th>统一编号</th><td></td></tr>
</table></div>
"""


def _body(cty: City, it: Item) -> str:
    ps = [f"<p>{E(p)}</p>" for p in it.paras]
    if it.image and it.column.layout != "leaders":
        ps.insert(0, f'<p style="text-align:center"><img src="./{it.image}" alt=""></p>')
    for label, target in it.links:
        url = target.url if hasattr(target, "url") else target
        ps.append(f'<p>详见《<a href="{url}" target="_blank">{E(label)}</a>》。</p>')
    return "\n".join(ps)


def _files(it: Item) -> str:
    if not it.attachments:
        return ""
    lis = "".join(f'<li><a href="./{name}" target="_blank">{E(label)}</a></li>' for label, name in it.attachments)
    return f'<div class="article__fj"><p>附件：</p><ul>{lis}</ul></div>\n'


def _related(it: Item) -> str:
    out = []
    for label, other in it.related:
        out.append(f'<div class="article__rel"><span class="lbl">{label}：</span><a href="{other.url}" target="_blank">{E(other.title)}</a></div>')
    return "\n".join(out)


def _prevnext(it: Item, prev: Item | None, nxt: Item | None, frm: str, rel: bool) -> str:
    link = lambda x: f'<a href="{relurl(frm, x.url) if rel and not x.url.startswith("/art/") else x.url}">{E(x.title)}</a>' if x else "没有了"
    return f'<div class="article__pn"><p>上一篇：{link(prev)}</p><p>下一篇：{link(nxt)}</p></div>'


def article(cty: City, it: Item, prev: Item | None, nxt: Item | None) -> str:
    col = it.column
    if col.art:
        return art_article(cty, it, prev, nxt)
    frm = it.url
    rel = col.family == "portal"
    pub = it.when.strftime("%Y-%m-%d %H:%M")
    metas = [("ColumnName", col.name)] + ([("ColumnType", col.ctype)] if col.ctype else []) + [
        ("ArticleTitle", it.title), ("PubDate", pub), ("ContentSource", it.source or f"{cty.name}人民政府")]
    if col.layout == "leaders":
        inner = (f'<div class="leader-detail flex"><img src="./{it.image}" alt="{E(it.title)}">'
                 f'<div class="leader-detail__txt"><h1>{E(it.title)}</h1><p class="role">{it.extra["role"]}</p>'
                 f'{"".join(f"<p>{E(p)}</p>" for p in it.paras)}</div></div>')
    else:
        box = _xxgk_table(it) if it.index_no else ""
        zoom = ('字号：[<a href="javascript:doZoom(18)">大</a> <a href="javascript:doZoom(16)">中</a> '
                '<a href="javascript:doZoom(14)">小</a>]')
        info = f'<span>发布时间：{pub}</span>&nbsp;&nbsp;<span>来源：{it.source or cty.name + "人民政府"}</span>&nbsp;&nbsp;<span class="zh">{zoom}</span>'
        content = f'<div class="TRS_Editor">\n{_body(cty, it)}\n</div>'
        if col.family == "portal":
            content = f'<div class="article-con">{content}</div>'
        inner = f"""{box}<div class="article">
<h1 class="article__tit">{E(it.title)}</h1>
<div class="article__info">{info}</div>
{content}
{_files(it)}{_related(it)}
{_prevnext(it, prev, nxt, frm, rel)}
<div class="article__tools"><a href="javascript:window.print();">【打印本页】</a><a href="javascript:window.close();">【关闭窗口】</a></div>
</div>"""
    body = f"""<div class="g-main w1200">
{crumb(cty, col, frm)}
<div class="g-main__art">
{inner}
</div>
</div>
"""
    return page(cty, f"{it.title}-{cty.site_name}", body, current=col, metas=metas)


def art_article(cty: City, it: Item, prev: Item | None, nxt: Item | None) -> str:
    """Articles kept from the towns' old Hanweb sites (/art/…): no metas, 发布日期 without a time."""
    col = it.column
    box = _xxgk_table(it) if it.index_no else ""
    body = f"""<div class="g-main w1200">
{crumb(cty, col, it.url)}
<div class="main-txt">
{box}<div class="main-txt__tit">{E(it.title)}</div>
<div class="main-txt__info"><span>发布日期：{it.when:%Y-%m-%d}</span><span>信息来源：{it.source}</span><span>浏览次数：<script src="/module/visitcount/articlehits.js"></script></span></div>
<div class="main-txt__con" id="zoom">
{_body(cty, it)}
</div>
{_files(it)}{_prevnext(it, prev, nxt, it.url, False)}
</div>
</div>
"""
    return page(cty, f"{it.title} - {col.name} - {cty.site_name}", body, current=col)


def letter_page(cty: City, it: Item) -> str:
    col, lt = it.column, it.letter
    if lt.replied:
        ans = (f'<div class="letter__a"><div class="letter__row"><span class="lbl">答复单位：</span><span>{lt.unit}</span></div>'
               f'<div class="letter__row"><span class="lbl">答复时间：</span><span>{lt.replied:%Y-%m-%d %H:%M:%S}</span></div>'
               f'<div class="letter__row letter__row--con"><span class="lbl">答复内容：</span><div class="con">{E(lt.answer)}</div></div></div>')
    else:
        ans = '<div class="letter__a letter__a--none"><p>该信件正在办理中，请耐心等待。</p></div>'
    body = f"""<div class="g-main w1200">
{crumb(cty, col, it.url, ' &gt; <span>信件详情</span>')}
<div class="letter">
<h2 class="letter__tit">{E(it.title)}</h2>
<dl class="letter__q">
<dt>来信标题：</dt><dd>{E(it.title)}</dd>
<dt>来信人：</dt><dd>{E(lt.writer)}</dd>
<dt>来信时间：</dt><dd>{it.when:%Y-%m-%d %H:%M:%S}</dd>
<dt>办理状态：</dt><dd>{lt.status}</dd>
<dt>来信内容：</dt><dd>{E(lt.question)}</dd>
</dl>
{ans}
</div>
</div>
"""
    return page(cty, f"{it.title}-{col.name}-{cty.site_name}", body, current=col)


def write_page(cty: City, col: Column) -> str:
    body = f"""<div class="g-main w1200">
{crumb(cty, col, col.dir + "write.html", ' &gt; <span>我要写信</span>')}
<div class="xx-form">
<h2>{col.name} · 我要写信</h2>
<p class="tip">请如实填写以下信息，带 * 号为必填项。信件办理时限为15个工作日。</p>
<form id="letterForm" action="/hdjl/letter/submit" method="post" onsubmit="return checkForm();">
<div class="xx-form__row"><label>* 姓名：</label><input type="text" name="name"></div>
<div class="xx-form__row"><label>* 手机号码：</label><input type="text" name="mobile"></div>
<div class="xx-form__row"><label>* 信件标题：</label><input type="text" name="title"></div>
<div class="xx-form__row"><label>* 信件内容：</label><textarea name="content" rows="10"></textarea></div>
<div class="xx-form__row"><label>是否公开：</label><input type="radio" name="open" value="1" checked>是 <input type="radio" name="open" value="0">否</div>
<div class="xx-form__row"><button type="submit">提交</button></div>
</form>
</div>
</div>
"""
    return page(cty, f"我要写信-{col.name}-{cty.site_name}", body, current=col)


def guide_page(cty: City, it: Item) -> str:
    col = it.column
    body = f"""<div class="g-main w1200">
{crumb(cty, col, it.url)}
<div class="bmfw-detail">
<h1>{E(it.title)}</h1>
{"".join(f"<p>{E(p)}</p>" for p in it.paras)}
</div>
</div>
"""
    return page(cty, f"{it.title}-{cty.site_name}", body, current=col)
