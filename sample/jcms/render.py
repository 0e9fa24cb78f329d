"""HTML of the Hanweb JCMS portal: column pages (jpage units, static lists, channel pages, the 信息公开
tree), articles (plain and with the 信息公开 metadata table), letters, guides, the 404 page.

Inner pages get their header (logo and menu) from a ``/script/0/….js`` that writes it, as Hanweb sites
do; breadcrumbs, the left column menu and the footer are in the HTML."""
from __future__ import annotations

from datetime import timedelta
from html import escape
from urllib.parse import quote

from .model import Column, Item, Portal

DATAPROXY = "/module/web/jpage/dataproxy.jsp"


PROVINCE_SITES = {"苏": ("http://www.jiangsu.gov.cn/", "http://www.jszwfw.gov.cn/"),
                  "浙": ("http://www.zj.gov.cn/", "http://www.zjzwfw.gov.cn/"),
                  "鲁": ("http://www.shandong.gov.cn/", "http://zwfw.sd.gov.cn/")}


def zwfw(p: Portal) -> str:
    return PROVINCE_SITES[p.abbr][1]


def e(s) -> str:
    return escape(str(s), quote=True)


def tpl(p: Portal) -> str:
    """The template's picture folder (/images/<id>/)."""
    return str(3000 + p.webid * 37)


def short(t: str, n: int) -> str:
    return t if len(t) <= n else t[:n] + "..."


def maketime(p: Portal) -> str:
    return f"{p.as_of.isoformat()} 06:{p.webid % 50 + 10:02d}:{p.seed * 7 % 60:02d}"


def href(url: str) -> str:
    return e(url)


# -- page frame -----------------------------------------------------------------------------------

def head(p: Portal, title: str, metas: list, css: str = "column") -> str:
    m = "\n".join(f'<meta name="{k}" content="{e(v)}">' for k, v in metas)
    t = tpl(p)
    return f"""<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">
<html xmlns="http://www.w3.org/1999/xhtml">
<head>
<meta http-equiv="Content-Type" content="text/html; charset=utf-8" /><script language="javascript" src="/module/jslib/jquery/jquery.js"></script>
<script language="javascript" src="/module/jslib/urite/urite.min.js"></script>
<meta name='WebId' content='{p.webid}'>

<meta http-equiv="X-UA-Compatible" content="IE=edge,chrome=1">
<title>{e(title)}</title>
<link href="/images/{t}/hanweb.css" rel="stylesheet" type="text/css" />
<link href="/images/{t}/{css}.css" rel="stylesheet" type="text/css" />
{m}
</head>
"""


def site_metas(p: Portal, when: str | None = None) -> list:
    return [("Maketime", when or maketime(p)), ("SiteName", p.gov), ("SiteDomain", p.domain), ("SiteIDCode", p.site_id)]


def column_metas(c: Column) -> list:
    return [("ColumnName", c.name), ("ColumnDescription", ""), ("ColumnKeywords", ""), ("ColumnType", c.ctype or "")]


def footer(p: Portal) -> str:
    t = tpl(p)
    code = p.police.split()[-1].rstrip("号")
    return f"""<!--通用底部开始-->
<div class="bt-footer">
  <table width="1200" border="0" cellspacing="0" cellpadding="0" align="center" class="bt-box-1200">
    <tr>
      <td width="160" align="center"><a href="http://bszs.conac.cn/sitename?method=show&amp;id={p.site_id}0E053022E1AAC62CE" target="_blank"><img src="/images/{t}/dzjg.png" alt="党政机关" border="0" /></a></td>
      <td align="center" class="bt-footer-txt">
        <p>主办单位：{p.gov}办公室&nbsp;&nbsp;&nbsp;&nbsp;承办单位：{p.name}大数据管理中心</p>
        <p>地址：{p.name}{p.towns[0][:2]}路1号&nbsp;&nbsp;联系电话：{p.area}-86{p.webid:02d}1234&nbsp;&nbsp;邮箱：zfbgs@{p.pinyin}.gov.cn</p>
        <p>网站标识码：{p.site_id}&nbsp;&nbsp;<a href="http://beian.miit.gov.cn/" target="_blank">{p.icp}</a>&nbsp;&nbsp;<a href="http://www.beian.gov.cn/portal/registerSystemInfo?recordcode={code}" target="_blank"><img src="/images/{t}/gaba.png" border="0" />{p.police}</a></p>
        <p>建议使用1366*768分辨率&nbsp;&nbsp;IE9以上版本浏览器</p>
      </td>
      <td width="160" align="center"><a href="https://zfwzzc.www.gov.cn/check_web/errorInfo_querySiteId.action?sitecode={p.site_id}" target="_blank"><img src="/images/{t}/jiucuo.png" alt="我为政府网站找错" border="0" /></a></td>
    </tr>
  </table>
</div>
<!--通用底部结束-->"""


def page(p: Portal, title: str, metas: list, body: str, css: str = "column", inner: bool = True) -> str:
    top = f'<script src="{p.header_js}"></script>\n' if inner else ""
    return (head(p, title, metas, css) + '<body>\n<div id="barrierfree_container">\n' + top + body + "\n" + footer(p)
            + '\n</div>\n<a href="http://www.hanweb.com" style="display:none">Produced By 大汉网络 大汉版通发布系统</a>\n'
            '<script language="javascript" src="/script/web_front.js"></script>\n'
            '<link href="/module/jslib/accessiblereading/css/barrierfree.css" rel="stylesheet" type="text/css">'
            "</body>\n</html>\n")


def header_js(p: Portal) -> str:
    """The script that writes every inner page's header: logo, search and the menu."""
    t = tpl(p)
    lines = ['<div class="bt-head">', '<div class="bt-top bt-box-1200"><span>欢迎访问' + p.gov + '门户网站</span>'
             '<span class="fr"><a href="javascript:void(0)" onclick="toggleToolBar();">无障碍浏览</a> | '
             '<a href="javascript:zh_tran(\'t\');">繁体</a></span></div>',
             f'<div class="bt-logo bt-box-1200"><a href="/index.html"><img src="/images/{t}/logo.png" alt="{p.gov}" /></a>'
             f'<form action="/jrobot/search.do" method="get" target="_blank"><input type="hidden" name="webid" value="{p.webid}" />'
             '<input type="text" name="q" class="bt-search-input" /><input type="submit" value="搜索" /></form></div>',
             '<div class="bt-nav"><ul class="bt-box-1200"><li><a href="/index.html">首页</a></li>']
    for c in p.roots:
        lines.append(f'<li><a href="{c.url}">{c.name}</a></li>')
    lines += ["</ul></div>", "</div>"]
    return "".join(f'document.writeln("{ln.replace(chr(34), chr(92) + chr(34))}");\n' for ln in lines)


# -- breadcrumbs and the left menu ----------------------------------------------------------------

def crumb(c: Column) -> str:
    chain = c.ancestors + [c]
    if c.crumb == "dqwz":
        links = " &gt; ".join(f'<a href="{href(x.url)}">{e(x.name)}</a>' for x in chain)
        return ('<table class="dqwz" width="100%" border="0" cellspacing="0" cellpadding="0"><tr>'
                f'<td>您当前的位置：<a href="/index.html">首页</a> &gt; {links}</td></tr></table>')
    if c.crumb == "span":
        links = " &gt;&gt; ".join(f'<a href="{href(x.url)}">{e(x.name)}</a>' for x in chain)
        return f'<span class="bt-position">当前位置：<a href="/index.html">首页</a> &gt;&gt; {links}</span>'
    cells = "".join(f'<td> &gt;<a href="{href(x.url)}" class="bt_link">{e(x.name)}</a></td>' for x in chain)
    return ('<div class="bt-position"><table cellspacing="0" cellpadding="0" border="0"><tr>'
            '<td>当前位置：</td><td><a href="/index.html" class="bt_link">首页</a></td><td class="shouye">'
            f'<table width="100%" cellspacing="0" cellpadding="0" border="0">\n<tr>\n{cells}\n</tr></table></td></tr></table></div>')


def left_menu(c: Column) -> str:
    owner = c.parent or c
    kids = owner.children or [c]
    links = "\n".join(f'<a href="{href(k.url)}" class="list-group-item{" act" if k is c else ""}">{e(k.name)}</a>' for k in kids)
    return f'<div class="main-fl"><h4 class="bt-col-flm">{e(owner.name)}</h4>\n<div class="list-group">\n{links}\n</div></div>'


def frame(p: Portal, c: Column, inner_html: str, title: str | None = None) -> str:
    body = (f'<div class="bt-place bt-box-1200">{crumb(c)}</div>\n'
            f'<div class="bt-box bt-box-1200 cf">\n{left_menu(c)}\n<div class="main-fr">\n'
            f'<div class="bt-col-title"><span>{e(c.name)}</span></div>\n{inner_html}\n</div>\n</div>')
    metas = site_metas(p) + column_metas(c)
    return page(p, title or f"{p.gov} {c.name}", metas, body)


# -- list rows ---------------------------------------------------------------------------------------

def bracket(c: Column) -> bool:
    return c.name == "政务动态" or (c.name == "工作动态" and c.layout == "jp_table")


def row(c: Column, it: Item) -> str:
    d = it.day.isoformat() if it.day else ""
    t = e(it.title)
    if c.layout == "jp_table":
        shown = f"[{d}]" if bracket(c) else d
        return ('<table width="100%" border="0" cellspacing="0" cellpadding="0" class="tb_list"><tr>'
                f'<td width="12" class="dian">·</td><td align="left"><a href="{href(it.url)}" title="{t}" target="_blank">'
                f'{e(short(it.title, 28))}</a></td><td width="100" align="right" class="bt_time">{shown}</td></tr></table>')
    if c.layout == "jp_tr":
        return (f'<tr><td class="xxgk_sy">{e(it.index_no or "")}</td><td class="xxgk_bt"><a href="{href(it.url)}" title="{t}" '
                f'target="_blank">{e(short(it.title, 36))}</a></td><td class="xxgk_wh">{e(it.doc_no or "")}</td>'
                f'<td class="xxgk_rq">{d}</td></tr>')
    if c.layout == "jp_pic":
        return (f'<li class="pic-item"><a href="{href(it.url)}" title="{t}" target="_blank"><img src="{it.images[0]}" width="230" '
                f'height="160" border="0" /></a><p><a href="{href(it.url)}" title="{t}" target="_blank">{e(short(it.title, 16))}</a></p></li>')
    return (f'<li class="clearfix"><a href="{href(it.url)}" title="{t}" target="_blank">            {e(short(it.title, 30))}</a>'
            f'<span class="bt-data-time">{d}</span>    </li>')


def jpage_unit(p: Portal, c: Column, unitid: int, records: list, *, mobile: bool = False, per_page: int | None = None,
               group: int | None = None, total: int | None = None, column_id: int | None = None) -> str:
    per = per_page or c.per_page
    grp = group or c.group
    colid = column_id or c.colid
    total = len(records) if total is None else total
    webname = quote(quote(p.gov))
    embedded = records[:per * grp]
    recs = "\n".join(f"<record><![CDATA[\n{r}]]></record>" for r in embedded)
    if c.layout == "jp_tr":
        before, after = '<table width="100%" class="xxgk_list">', "</table>"
    elif c.layout == "jp_table":
        before, after = '<div class="bt-list-table">', "</div>"
    elif c.layout == "jp_pic":
        before, after = '<ul class="pic-list cf">', "</ul>"
    else:
        before, after = '<ul class="bt-list">', "</ul>"
    stray = f"\n{before}\n    \n{after}" if c.layout == "jp_li" and not mobile else ""
    theme, mode = ("lucidity", "mini") if mobile else ("default", "full")
    u = unitid
    param = (f"var param_{u} = {{col:1,appid:'1',webid:{p.webid},path:'/',columnid:{colid},sourceContentType:1,"
             f"unitid:'{u}',webname:'{p.gov}',permissiontype:0}};")
    common = (f"openCookies:false,dataBefore:'{before}',{{store}}dataAfter:'{after}',groupSize:{grp},"
              f"proxyUrl:'{DATAPROXY}',perPage:{per},barPosition:'bottom',ajaxParam:param_{u}")
    decoy = ""
    if c.decoy:
        decoy = (f" function jpage_{u}(){{$('#jpageform_{u} :input').each(function(){{param_{u}[$(this).attr('name')]=$(this).val();}});"
                 f"$('#{u}').jpage({{themeName:'{theme}',showMode:'{mode}',totalRecord:1000,"
                 + common.replace("{store}", "") + "});};")
    live = (f"$(function(){{$('#{u}').jpage({{themeName:'{theme}',showMode:'{mode}',totalRecord:{total},"
            + common.replace("{store}", f"dataStore:$('#{u}').children('script').html(),") + "});});")
    return (f'<div id="{u}"><script type="text/xml"><datastore>\n'
            f'<nextgroup><![CDATA[<a href="{DATAPROXY}?page=1&appid=1&appid=1&webid={p.webid}&path=/&columnid={colid}'
            f'&unitid={u}&webname={webname}&permissiontype=0"></a>]]></nextgroup>\n<recordset>{stray}\n{recs}\n</recordset>\n'
            '</datastore></script></div>'
            f'<link rel="stylesheet" type="text/css" href="/module/web/jpage/theme/{theme}/css/jpage.css"/>'
            '<script language="javascript" src="/module/jslib/datepicker/WdatePicker.js"></script>'
            '<script language="javascript" src="/module/jslib/jquery/cookie/jquery.cookie.js"></script>'
            '<script language="javascript" src="/module/web/jpage/jquery.jpage.js"></script>'
            f"<script>{param}{decoy}{live}</script>")


def records(c: Column) -> list:
    return [row(c, it) for it in c.items]


def static_pager(c: Column, k: int, n: int) -> str:
    if n <= 1:
        return f'<div class="bt-page">共{len(c.items)}条记录 第1/1页</div>'
    link = lambda j, label: f'<a href="{href(c.page_url(j))}">{label}</a>'
    parts = [f"共{len(c.items)}条记录 第{k}/{n}页"]
    parts += [link(1, "首页"), link(k - 1, "上一页")] if k > 1 else ["首页", "上一页"]
    parts += [link(k + 1, "下一页"), link(n, "尾页")] if k < n else ["下一页", "尾页"]
    return '<div class="bt-page">' + "&nbsp;".join(parts) + "</div>"


# -- column pages ---------------------------------------------------------------------------------------

def list_page(p: Portal, c: Column, k: int) -> str:
    lay = c.layout
    if c.jpage:
        recs = records(c)
        html = ""
        if lay == "jp_tr":
            html += ('<table width="100%" class="xxgk_th"><tr><td width="24%">索引号</td><td>名称</td><td width="16%">文号</td>'
                     '<td width="12%">生成日期</td></tr></table>\n')
        html += f'<div class="pclist">{jpage_unit(p, c, c.unitid, recs, total=len(recs))}</div>'
        if c.mobile:
            html += f'\n<div class="moblist">{jpage_unit(p, c, c.mobile_unitid, recs, mobile=True)}</div>'
        return frame(p, c, html)
    n = c.n_pages
    chunk = c.items[(k - 1) * c.per_page:k * c.per_page]
    if lay == "st_li":
        html = '<ul class="bt-list">\n' + "\n".join(
            f'<li><a href="{href(it.url)}" title="{e(it.title)}" target="_blank">{e(it.title)}</a>'
            f'<span class="bt-data-time">[{it.day.isoformat()}]</span></li>' for it in chunk) + "\n</ul>\n" + static_pager(c, k, n)
    elif lay == "st_video":
        html = '<div class="video-list cf">\n' + "\n".join(
            f'<div class="video-item"><a href="{href(it.url)}" target="_blank"><img src="{it.images[0]}" width="270" height="180" />'
            f'<span class="play"></span></a><h4><a href="{href(it.url)}" title="{e(it.title)}" target="_blank">'
            f'{e(short(it.title, 18))}</a></h4><p class="video-date">{it.day.isoformat()}</p></div>' for it in chunk) \
            + "\n</div>\n" + static_pager(c, k, n)
    elif lay == "st_empty":
        html = f'<div class="bt-nodata"><img src="/images/{tpl(p)}/nodata.png" /><p>{c.says}</p></div>'
    elif lay == "leaders":
        html = '<div class="ldzc">\n' + "\n".join(
            f'<div class="ld-item cf"><a href="{href(it.url)}" target="_blank"><img src="{it.images[0]}" width="120" height="160" /></a>'
            f'<dl><dt><a href="{href(it.url)}" target="_blank">{e(it.title)}</a></dt><dd class="zw">{e(it.extra["post"])}</dd>'
            f'<dd class="fg">{e(it.extra["duty"])}</dd></dl></div>' for it in c.items) + "\n</div>"
    elif lay == "guide":
        rows, seen = [], set()
        for it in c.items:
            dept = "" if it.source in seen else f'<td class="bm" rowspan="{sum(1 for x in c.items if x.source == it.source)}">{e(it.source)}</td>'
            seen.add(it.source)
            rows.append(f'<tr>{dept}<td class="sx"><a href="{href(it.url)}" target="_blank">{e(it.title)}</a></td>'
                        f'<td class="cz"><a href="{href(it.url)}" target="_blank">办事指南</a>&nbsp;'
                        f'<a href="{zwfw(p)}" target="_blank">在线办理</a></td></tr>')
        html = ('<table class="bszn-table" width="100%" border="0" cellspacing="1" cellpadding="0">'
                '<tr class="th"><td width="25%">实施部门</td><td>事项名称</td><td width="22%">操作</td></tr>\n'
                + "\n".join(rows) + "\n</table>")
    elif lay == "letters_st":
        html = (f'<div class="zx-top"><a href="/module/hdjl/write.jsp?sysid={c.sysid}" target="_blank" class="btn-zx">我要咨询</a></div>\n'
                '<ul class="zx-list">\n' + "\n".join(
                    f'<li><span class="zx-zt">[{"已回复" if it.letter.replied else "待回复"}]</span>'
                    f'<a href="{href(it.url)}" title="{e(it.title)}" target="_blank">{e(short(it.title, 26))}</a>'
                    f'<span class="zx-date">{it.day.isoformat()}</span></li>' for it in chunk) + "\n</ul>\n" + static_pager(c, k, n))
    elif lay == "letters_jsp":
        html = letters_table(p, c, k, chunk)
    else:
        raise ValueError(lay)
    return frame(p, c, html)


def letters_table(p: Portal, c: Column, k: int, chunk: list) -> str:
    n = c.n_pages
    start = (k - 1) * c.per_page
    rows = "\n".join(
        f'<tr><td class="xh">{start + i + 1}</td><td class="bt"><a href="{href(it.url)}" title="{e(it.title)}" target="_blank">'
        f'{e(short(it.title, 24))}</a></td><td class="sj">{it.day.isoformat()}</td><td class="zt">'
        + ('<font color="#008000">已办结</font>' if it.letter.replied else '<font color="#ff0000">办理中</font>') + "</td></tr>"
        for i, it in enumerate(chunk))
    link = lambda j, label: f'<a href="{href(c.page_url(j))}">{label}</a>'
    pager = [f"共{len(c.items)}条记录&nbsp;第{k}/{n}页&nbsp;"]
    pager += [link(1, "首页"), link(k - 1, "上一页")] if k > 1 else ["首页", "上一页"]
    pager += [link(k + 1, "下一页"), link(n, "尾页")] if k < n else ["下一页", "尾页"]
    options = "".join(f'<option value="{j}"{" selected" if j == k else ""}>第{j}页</option>' for j in range(1, n + 1))
    return (f'<div class="hdjl-top"><a href="/module/hdjl/write.jsp?sysid={c.sysid}" target="_blank" class="btn-write">我要写信</a>'
            f'<span class="hdjl-tip">来信须知：市长信箱受理涉及{p.name}行政区域内的咨询、建议、投诉等事项。</span></div>\n'
            '<table class="hdjl-list" width="100%" border="0" cellspacing="0" cellpadding="0">\n'
            '<tr class="th"><td width="8%">序号</td><td>信件标题</td><td width="16%">来信时间</td><td width="12%">处理状态</td></tr>\n'
            f"{rows}\n</table>\n"
            '<div class="hdjl-page">' + "&nbsp;".join(pager)
            + f'&nbsp;转到<select onchange="location.href=\'/module/hdjl/list.jsp?sysid={c.sysid}&pageNo=\'+this.value">{options}</select></div>')


def block(c: Column, n: int = 6, yearless: bool = True) -> str:
    """A child's box on a channel page: its newest items (MM-DD) and a 更多 link."""
    if c.leaf:
        items = c.items[:n]
        if c.layout == "guide":
            lis = [f'<li><a href="{href(it.url)}" target="_blank">{e(it.title)}</a></li>' for it in items]
        else:
            lis = [f'<li><a href="{href(it.url)}" title="{e(it.title)}" target="_blank">{e(short(it.title, 24))}</a>'
                   f'<span>{it.when:%m-%d}</span></li>' for it in items]
        inner = "\n".join(lis) if lis else '<li class="nodata">暂无信息</li>'
    else:
        inner = "\n".join(f'<li><a href="{href(k.url)}">{e(k.name)}</a></li>' for k in c.children)
    return (f'<div class="bt-box-list"><div class="bt-box-title"><h3><a href="{href(c.url)}">{e(c.name)}</a></h3>'
            f'<a class="more" href="{href(c.url)}">更多&gt;&gt;</a></div>\n<ul>\n{inner}\n</ul></div>')


def channel_page(p: Portal, c: Column) -> str:
    if c.layout == "xxgkhome":
        return xxgk_home(p, c)
    if c.layout == "group":
        grid = "\n".join(f'<li><a href="{href(u.url)}">{e(u.name)}</a></li>' for u in c.children)
        return frame(p, c, f'<ul class="unit-grid cf">\n{grid}\n</ul>')
    if c.layout == "unit":
        icons = "\n".join(f'<li><a href="{href(k.url)}"><img src="/images/{tpl(p)}/gk{i + 1}.png" /><span>{e(k.name)}</span></a></li>'
                          for i, k in enumerate(c.children))
        fd = next(k for k in c.children if k.name == "法定主动公开内容")
        newest = "\n".join(f'<tr><td><a href="{href(it.url)}" title="{e(it.title)}" target="_blank">{e(short(it.title, 32))}</a></td>'
                           f'<td width="100">{it.day.isoformat()}</td></tr>' for it in fd.items[:8])
        return frame(p, c, f'<ul class="gk-icons cf">\n{icons}\n</ul>\n<div class="gk-newest"><h3>最新公开</h3>'
                           f'<table width="100%">\n{newest}\n</table></div>')
    if c.layout == "topics":
        t = tpl(p)
        grid = "\n".join(f'<li><a href="{href(k.url)}" target="_blank"><img src="/images/{t}/{k.banner}.png" alt="{e(k.name)}" />'
                         f'</a><p><a href="{href(k.url)}" target="_blank">{e(k.name)}</a></p></li>' for k in c.children)
        return frame(p, c, f'<ul class="zt-list cf">\n{grid}\n</ul>')
    banner = f'<div class="zt-banner"><img src="/images/{tpl(p)}/{c.banner}.png" /></div>\n' if c.banner else ""
    return frame(p, c, banner + '<div class="channel cf">\n' + "\n".join(block(k) for k in c.children) + "\n</div>")


def _tree_html(c: Column) -> str:
    kids = "".join(_tree_html(k) for k in c.children)
    return f'<li><a href="{href(c.url)}">{e(c.name)}</a>' + (f"<ul>{kids}</ul>" if kids else "") + "</li>"


def xxgk_home(p: Portal, c: Column) -> str:
    tree = "<ul class=\"xxgk-tree\">" + "".join(_tree_html(k) for k in c.children) + "</ul>"
    fd = next(k for k in c.children if k.name == "法定主动公开内容")
    latest = sorted((it for k in fd.children for it in k.items), key=lambda it: it.when, reverse=True)[:10]
    rows = "\n".join(f'<tr><td><a href="{href(it.url)}" title="{e(it.title)}" target="_blank">{e(short(it.title, 34))}</a></td>'
                     f'<td width="110">{it.day.isoformat()}</td></tr>' for it in latest)
    entries = [k for k in c.children if k.leaf]
    icons = "\n".join(f'<li><a href="{href(k.url)}"><img src="/images/{tpl(p)}/gk{i + 1}.png" /><span>{e(k.name)}</span></a></li>'
                      for i, k in enumerate(entries + [fd]))
    body = (f'<div class="bt-place bt-box-1200">{crumb(c)}</div>\n<div class="bt-box bt-box-1200 cf">\n'
            f'<div class="main-fl xxgk-left"><h4 class="bt-col-flm">政府信息公开目录</h4>\n{tree}\n</div>\n'
            f'<div class="main-fr"><ul class="gk-icons cf">\n{icons}\n</ul>\n'
            '<form class="xxgk-search" action="/jrobot/search.do" method="get"><input type="hidden" name="webid" '
            f'value="{p.webid}" />索引号：<input type="text" name="indexno" /> 标题：<input type="text" name="q" />'
            '<input type="submit" value="检索" /></form>\n'
            f'<div class="gk-newest"><h3>最新信息</h3><table width="100%">\n{rows}\n</table></div></div>\n</div>')
    return page(p, f"{p.gov} {c.name}", site_metas(p) + column_metas(c), body)


# -- articles -------------------------------------------------------------------------------------------

def art_maketime(it: Item) -> str:
    """When the page was generated: minutes after publishing, or at a later template change."""
    if it.art_id % 5 == 0 and it.when.year == 2019 and it.when.month < 11:
        return f"2019-11-{it.art_id % 20 + 5:02d} 10:{it.art_id % 60:02d}:12"
    return (it.when + timedelta(minutes=it.art_id % 30 + 1)).strftime("%Y-%m-%d %H:%M:%S")


def hidden_location(p: Portal, c: Column) -> str:
    chain = list(reversed(c.ancestors + [c]))[:3]
    spans = "".join(f'<span id="col{i + 1}_name">{e(x.name)}</span><span id="col{i + 1}_url">{href(x.url)}</span>'
                    for i, x in enumerate(chain))
    return f'<div id="hiddenLocation" style="display:none;"><span id="ss_webid">{p.webid}</span>{spans}</div>'


def xxgk_table(it: Item) -> str:
    w = it.written.isoformat() if it.written else ""
    return f"""<table class="xxgk_table" width="100%" border="0" cellspacing="0" cellpadding="0">
<tr><td class="xxgk_label" width="12%">索引号：</td><td width="38%">{e(it.index_no or "")}</td><td class="xxgk_label" width="12%">发布机构：</td><td>{e(it.publisher)}</td></tr>
<tr><td class="xxgk_label">生成日期：</td><td>{it.day.isoformat()}</td><td class="xxgk_label">文号：</td><td>{e(it.doc_no or "")}</td></tr>
<tr><td class="xxgk_label">主题分类：</td><td>{e(it.subject)}</td><td class="xxgk_label">成文日期：</td><td>{w}</td></tr>
<tr><td class="xxgk_label">名称：</td><td colspan="3">{e(it.title)}</td></tr>
</table>"""


def article(p: Portal, it: Item) -> str:
    c = it.column
    old_xxgk = it.kind == "xxgk" and c.unit_type == "town"       # the towns' older 信息公开 template: no metas
    metas = site_metas(p, art_maketime(it))
    if not old_xxgk:
        metas += [("Image", it.images[0] if it.images else ""), ("ColumnName", c.name), ("ColumnType", c.ctype or ""),
                  ("ArticleTitle", it.title), ("PubDate", f"{it.when:%Y-%m-%d %H:%M}"), ("author", ""),
                  ("description", (it.paras[0] if it.paras else "")[:80]), ("keywords", ""), ("contentSource", it.source),
                  ("url", f"http://{p.domain}{it.url}")]
    body_parts = []
    for img in it.images:
        body_parts.append(f'<p style="text-align:center"><img src="{img}" border="0" title="" /></p>')
    body_parts += [f"<p>　　{e(x)}</p>" for x in it.paras]
    for label, url in it.links:
        body_parts.append(f'<p>　　<a href="{href(url)}" target="_blank">{e(label)}</a></p>')
    body = "\n".join(body_parts)
    att = ""
    if it.attachments:
        att = '<div class="fujian"><p>附件：</p>' + "".join(
            f'<p><a href="{href(url)}" target="_blank">{e(label)}</a></p>' for label, url in it.attachments) + "</div>"
    meta_table = xxgk_table(it) if it.kind == "xxgk" else ""
    info = "" if old_xxgk else (
        f'<div class="small-title clearfix">\n<span>发布日期：{it.day.isoformat()}</span>\n'
        f'<span>信息来源：<!--<$[信息来源]>begin-->{e(it.source)}<!--<$[信息来源]>end--></span>\n'
        f'<span>浏览次数：<script language="javascript" src="/module/visitcount/articlehits.jsp?colid={it.column.colid}&artid={it.art_id}" '
        'charset="UTF-8"></script></span>\n</div>')
    html = f"""{hidden_location(p, c)}
<div class="position"><div class="position-txt bt-box-1200">{crumb(c)}</div></div>
<div class="wz-con bt-box-1200">
{meta_table}
<div class="con">
<p class="con-title"><!--<$[标题]>begin-->{e(it.title)}<!--<$[标题]>end--></p>
{info}
<div class="main-txt" id="zoom">
<!--<$[信息内容]>begin--><meta name="ContentStart">{body}<meta name="ContentEnd"><!--<$[信息内容]>end-->
</div>
{att}
<div class="main-word"><span class="printer" onclick="javascrpit:window.print()">【打印本页】</span><span class="close" onclick="javascrpit:window.close()">【关闭窗口】</span></div>
</div>
</div>"""
    return page(p, it.title, metas, html, css="article")


def letter_page(p: Portal, it: Item) -> str:
    c, L = it.column, it.letter
    rows = [f'<tr><td class="lbl" width="15%">信件标题</td><td colspan="3">{e(it.title)}</td></tr>',
            f'<tr><td class="lbl">来信人</td><td width="35%">{e(L.writer)}</td><td class="lbl" width="15%">来信时间</td>'
            f'<td>{it.when:%Y-%m-%d %H:%M:%S}</td></tr>',
            f'<tr><td class="lbl">信件类型</td><td>{"咨询" if c.sysid == 7 else "建议投诉"}</td><td class="lbl">处理状态</td>'
            f"<td>{L.status}</td></tr>",
            f'<tr><td class="lbl">信件内容</td><td colspan="3" class="nr">{e(L.question)}</td></tr>']
    if L.replied:
        rows += [f'<tr><td class="lbl">回复单位</td><td>{e(L.unit)}</td><td class="lbl">回复时间</td><td>{L.replied:%Y-%m-%d %H:%M:%S}</td></tr>',
                 f'<tr><td class="lbl">回复内容</td><td colspan="3" class="nr">{e(L.answer)}</td></tr>']
    html = (f'<div class="bt-place bt-box-1200">{crumb(c)}</div>\n<div class="hdjl-detail bt-box-1200">\n'
            '<table class="letter-table" width="100%" border="0" cellspacing="1" cellpadding="0">\n'
            '<tr><th colspan="4" class="letter-title">信件详情</th></tr>\n' + "\n".join(rows) + "\n</table>\n</div>")
    return page(p, f"{c.name}-{it.title}", site_metas(p), html)


def guide_page(p: Portal, it: Item) -> str:
    c = it.column
    fields = [("事项名称", it.title), ("实施主体", it.source), ("设定依据", f"《{it.title[:4]}管理办法》等法律法规"),
              ("申请条件", "符合相关规定条件的申请人"), ("办理材料", "1.申请表；2.申请人身份证明；3.其他相关证明材料"),
              ("办理地点", f"{p.name}政务服务中心{len(it.title) % 3 + 1}楼综合窗口"), ("办理时间", "工作日上午8:30-12:00，下午13:30-17:30"),
              ("联系电话", f"{p.area}-86{len(it.title):02d}5678"), ("办理流程", "申请—受理—审查—决定—送达")]
    rows = "\n".join(f'<tr><td class="lbl" width="18%">{k}</td><td>{e(v)}</td></tr>' for k, v in fields)
    html = (f'<div class="bt-place bt-box-1200">{crumb(c)}</div>\n<div class="bszn-detail bt-box-1200">\n'
            f'<h2>{e(it.title)}</h2>\n<table class="bszn-info" width="100%" border="0" cellspacing="1" cellpadding="0">\n{rows}\n</table>\n</div>')
    return page(p, f"{it.title}-办事指南", site_metas(p), html)


def write_page(p: Portal, sysid: int) -> str:
    name = "市长信箱" if sysid == 6 else "网上咨询"
    html = (f'<div class="hdjl-write bt-box-1200"><h2>{name} · 我要写信</h2>\n'
            '<form action="/module/hdjl/submit.jsp" method="post">'
            f'<input type="hidden" name="sysid" value="{sysid}" />\n<table width="100%">'
            '<tr><td>姓名：</td><td><input type="text" name="name" /></td></tr>'
            '<tr><td>联系电话：</td><td><input type="text" name="phone" /></td></tr>'
            '<tr><td>信件标题：</td><td><input type="text" name="title" /></td></tr>'
            '<tr><td>信件内容：</td><td><textarea name="content" rows="10" cols="80"></textarea></td></tr>'
            '<tr><td></td><td><input type="submit" value="提交" /></td></tr></table></form></div>')
    return page(p, f"{p.gov} {name}", site_metas(p), html)


NOT_FOUND = ("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>404错误页面</title></head>"
             "<body style=\"text-align:center;padding-top:120px\"><div class=\"err\"><h2>很抱歉，您要访问的页面不存在！</h2>"
             "<p>可能是网址输入有误，或该页面已被删除。</p><p><a href=\"/index.html\">返回首页</a></p></div></body></html>\n")

