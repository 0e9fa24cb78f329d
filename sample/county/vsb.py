"""HTML of the 政务公开 platform, a 博达 VSB (Visual SiteBuilder 9) site in UTF-8.

As VSB writes it: every link relative to the page (``../../info/1061/22345.htm``), later list
pages numbered downward (``xzfwj/2.htm`` is page 2 of 3, ``xzfwj/1.htm`` the last), the pager
``共38条 1/3 首页 上页 下页 尾页``, and the government-site metas (``SiteIDCode``,
``ColumnName``, ``ArticleTitle``, ``PubDate`` …) the 2017 guideline asked for.  Catalogue and
policy articles carry a 索引号 / 发布机构 / 生成日期 / 文号 table."""
from __future__ import annotations

import posixpath

from .model import Column, County, Item
from .render import cn, cut, esc, ymd


def rel(frm: str, to: str) -> str:
    """``to`` (root-relative) as a link from page ``frm``."""
    return posixpath.relpath(to, posixpath.dirname(frm))


def _shell(cty: County, here: str, title: str, metas: dict, body: str) -> str:
    up = rel(here, "/")
    up = "" if up == "." else up + "/"
    meta = "".join(f'<meta name="{k}" content="{esc(v)}" />\n' for k, v in metas.items())
    navs = [("网站首页", "/index.html"), ("政务公开首页", "/zwgk.htm"), ("政府信息公开", "/zwgk/zfxxgk.htm"),
            ("政策文件", "/zwgk/zcwj.htm"), ("政策解读", "/zwgk/zcjd.htm"), ("人事信息", "/zwgk/rsxx.htm"),
            ("财政信息", "/zwgk/czxx.htm")]
    nav = "".join(f'<li><a href="{rel(here, u)}">{n}</a></li>' for n, u in navs)
    return f"""<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">
<html xmlns="http://www.w3.org/1999/xhtml"><head>
<meta http-equiv="Content-Type" content="text/html; charset=UTF-8" />
<title>{esc(title)}</title>
<meta name="SiteName" content="{cty.name}人民政府" />
<meta name="SiteDomain" content="{cty.domain}" />
<meta name="SiteIDCode" content="{cty.site_id}" />
{meta}<!--Announced by Visual SiteBuilder 9-->
<link rel="stylesheet" type="text/css" href="{up}_sitegray/_sitegray_d.css" />
<script language="javascript" src="{up}_sitegray/_sitegray.js"></script>
<!-- CustomerNO:77656262657232307e7a47525356574200030000425a -->
<link rel="stylesheet" type="text/css" href="{up}zwgk.vsb.css" />
<script type="text/javascript" src="{up}system/resource/js/counter.js"></script>
</head>
<body>
<div class="xxgk_head"><div class="w1000"><img src="{up}images/xxgk_logo.png" width="520" height="90" /></div></div>
<div class="xxgk_nav"><div class="w1000"><ul>{nav}</ul></div></div>
<div class="w1000 main clearfix">
{body}
</div>
<div class="xxgk_foot"><div class="w1000">
<p>版权所有：{cty.name}人民政府&nbsp;&nbsp;|&nbsp;&nbsp;管理维护：{cty.name}人民政府办公室</p>
<p>网站识别码{cty.site_id}&nbsp;&nbsp;|&nbsp;&nbsp;{cty.icp}&nbsp;&nbsp;|&nbsp;&nbsp;鲁公网安备{cty.police}号</p>
</div></div>
</body></html>
"""


def _crumb(here: str, col: Column, tail: str = "") -> str:
    chain, c = [], col
    while c:
        chain.insert(0, c)
        c = c.parent
    parts = [f'<a href="{rel(here, "/index.html")}">首页</a>'] + [f'<a href="{rel(here, c.url)}">{esc(c.name)}</a>' for c in chain]
    return '<div class="dqwz">当前位置：' + "&nbsp;&raquo;&nbsp;".join(parts + ([tail] if tail else [])) + "</div>"


def _left(here: str, col: Column) -> str:
    group = col if not col.leaf else col.parent
    on = ' class="on"'
    links = "".join(f'<li{on if c is col else ""}><a href="{rel(here, c.url)}">{esc(c.name)}</a></li>'
                    for c in group.children)
    return f'<div class="left_nav"><div class="left_tit">{esc(group.name)}</div><ul>{links}</ul></div>'


def _metas(col: Column) -> dict:
    return {"ColumnName": col.name, "ColumnDescription": col.name, "ColumnKeywords": col.name, "ColumnType": "政务公开"}


def _rows(here: str, col: Column, items: list) -> str:
    o = col.ident
    if col.layout == "cat":
        rows = "".join(f'<tr><td>{it.index_no}</td><td align="left"><a href="{rel(here, it.url)}" title="{esc(it.title)}" '
                       f'target="_blank">{cut(it.title, 28)}</a></td><td>{ymd(it.day)}</td></tr>\n' for it in items)
        return ('<table class="xxgk_list" width="100%" cellspacing="0" cellpadding="0">\n<tr class="list_head"><td width="30%">索引号</td>'
                f'<td>信息名称</td><td width="14%">生成日期</td></tr>\n{rows}</table>')
    fmt = cn if col.layout == "wincn" else ymd
    rows = "".join(f'<tr height="32"><td width="1%"><img src="{rel(here, "/images/dian.png")}" /></td><td><a href="{rel(here, it.url)}" '
                   f'class="c{o}" title="{esc(it.title)}" target="_blank">{cut(it.title, 30)}</a></td><td width="1%" nowrap="nowrap" '
                   f'align="right"><span class="timestyle{o}">{fmt(it.day)}&nbsp;</span></td></tr>\n' for it in items)
    return f'<table width="100%" class="winstyle{o}" cellspacing="0" cellpadding="0">\n{rows}</table>'


def _pager(here: str, col: Column, k: int) -> str:
    n, o = col.n_pages, col.ident
    go = lambda j, label: (f'<a href="{rel(here, col.page_url(j))}" class="Next">{label}</a>' if j != k and 1 <= j <= n
                           else f'<span class="Disabled">{label}</span>')
    return f"""<div align="center"><table cellspacing="0" cellpadding="0" border="0"><tr><td colspan="2" align="center"><table cellspacing="0" cellpadding="0" border="0"><tr>
<td nowrap="nowrap" align="center" width="1%" id="fanye{o}">共{len(col.items)}条&nbsp;&nbsp;{k}/{n}&nbsp;</td>
<td nowrap="nowrap" align="center" width="1%">{go(1, "首页")}&nbsp;{go(k - 1, "上页")}&nbsp;{go(k + 1, "下页")}&nbsp;{go(n, "尾页")}&nbsp;<input type="TEXT" value="" id="u{o}_goto" style="width:22px" /><input type="button" value="Go" class="defaultButtonStyle" onclick="_simple_list_gotopage_fun({n},'u{o}_goto',2)" /></td>
</tr></table></td></tr></table></div>"""


def list_page(cty: County, col: Column, k: int) -> str:
    here = col.page_url(k)
    items = col.items[(k - 1) * col.per_page:k * col.per_page]
    body = (f'{_left(here, col)}<div class="right_con">{_crumb(here, col)}<div class="list_box">'
            f'{_rows(here, col, items)}{_pager(here, col, k) if col.pager else ""}</div></div>')
    return _shell(cty, here, f"{col.name}-{cty.name}人民政府", _metas(col), body)


def _box(here: str, col: Column, n: int = 6) -> str:
    items = sorted((it for c in col.walk() for it in c.items), key=lambda it: it.when, reverse=True)[:n]
    rows = "".join(f'<li><a href="{rel(here, it.url)}" title="{esc(it.title)}" target="_blank">{cut(it.title, 24)}</a>'
                   f'<span>{ymd(it.day)}</span></li>' for it in items)
    return (f'<div class="gk_box"><div class="gk_tit"><h3>{esc(col.name)}</h3><a href="{rel(here, col.url)}" class="more">更多</a>'
            f'</div><ul>{rows}</ul></div>')


def blocks_page(cty: County, col: Column) -> str:
    """政务公开 and the folders under it: a box of newest items per child; the catalogue root lists units."""
    here = col.url
    if col.layout == "units":
        towns = [c for c in col.children if c.name.endswith(("乡", "镇", "街道"))]
        groups = [("县政府", col.children[:1]), ("县政府部门", [c for c in col.children[1:] if c not in towns]),
                  ("乡镇（街道）", towns)]
        inner = "".join(f'<div class="ml_tit">{g}</div><ul class="ml_list">'
                        + "".join(f'<li><a href="{rel(here, u.url)}">{esc(u.name)}</a></li>' for u in units) + "</ul>"
                        for g, units in groups)
        inner = f'<div class="ml_box"><p class="ml_intro">政府信息公开目录</p>{inner}</div>'
    elif col.layout == "unit":
        inner = "".join(_box(here, c, 5) for c in col.children)
    else:
        inner = "".join(_box(here, c) for c in col.children if c.layout != "units")
        if col.parent is None:     # the platform's home: a way into the catalogue
            inner = (f'<div class="gk_rk"><a href="{rel(here, col.children[0].url)}"><img src="{rel(here, "/images/gkml.png")}" '
                     f'width="230" height="70" alt="政府信息公开目录" /></a></div>') + inner
    left = _left(here, col) if col.parent else ""
    body = f'{left}<div class="right_con">{_crumb(here, col)}{inner}</div>'
    return _shell(cty, here, f"{col.name}-{cty.name}人民政府", _metas(col), body)


def _meta_table(it: Item) -> str:
    sp = "&nbsp;&nbsp;&nbsp;&nbsp;"
    rows = [("索 引 号：", it.index_no, "发布机构：", it.source), ("主题分类：", it.subject, "生成日期：", ymd(it.day))]
    if it.doc_no:
        rows.append(("成文日期：", ymd(it.written), f"文{sp}号：", it.doc_no))
    rows.append((f"名{sp}称：", it.title, None, None))
    html = ""
    for a, b, c, d in rows:
        tail = f'<td class="t1" width="12%">{c}</td><td>{esc(d)}</td>' if c else ""
        span = "" if c else ' colspan="3"'
        html += f'<tr><td class="t1" width="12%">{a}</td><td width="38%"{span}>{esc(b)}</td>{tail}</tr>'
    return f'<table class="xxgk_table" width="100%" border="0" cellspacing="1" cellpadding="0" bgcolor="#C4D8EC">{html}</table>'


def article(cty: County, it: Item) -> str:
    here, col = it.url, it.column
    nid = it.url.rsplit("/", 1)[1].split(".")[0]
    paras = "".join(f'<p style="text-indent:2em;line-height:150%">{esc(p)}</p>' for p in it.paras)
    if col.name == "政府信息公开年报":
        paras += _report_table(it)
    for label, target in it.links:
        paras += f'<p>{label}：<a href="{rel(here, target.url)}" target="_blank">{esc(target.title)}</a></p>'
    files = "".join(f'<li>附件【<a href="{rel(here, u)}" target="_blank">{esc(n)}</a>】已下载<span id="nattach{nid}{k}">'
                    f'<script language="javascript">getClickTimes({nid}{k},{nid},"wbnews","wbnewsfile","attach")</script></span>次</li>'
                    for k, (n, u) in enumerate(it.attachments))
    metas = _metas(col) | {"ArticleTitle": it.title, "PubDate": f"{it.when:%Y-%m-%d %H:%M}", "ContentSource": it.source}
    body = f"""{_crumb(here, col, "正文")}
<div class="content_box">{_meta_table(it)}
<form name="_newscontent_fromname">
<div class="con_tit">{esc(it.title)}</div>
<div class="con_xx">发布时间：{it.when:%Y-%m-%d %H:%M}&nbsp;&nbsp;&nbsp;来源：{esc(it.source)}&nbsp;&nbsp;&nbsp;浏览次数：<script>_showDynClicks("wbnews", 1624524552, {nid})</script></div>
<div id="vsb_content"><div class="v_news_content">{paras}</div></div>
{f'<ul style="list-style-type:none;">{files}</ul>' if files else ""}
</form></div>"""
    return _shell(cty, here, f"{it.title}-{cty.name}人民政府", metas, body)


def _report_table(it: Item) -> str:
    """The pre-2019 年报 statistics: applications received = granted + partly + refused + other."""
    n = sum(map(ord, it.title))
    granted, partly, refused, other = n % 9 + 2, n % 3, n % 2, n % 4
    rows = [("主动公开政府信息数", "条", n % 300 + 120), ("其中：主动公开规范性文件数", "条", n % 7 + 1),
            ("收到政府信息公开申请数", "件", granted + partly + refused + other), ("同意公开答复数", "件", granted),
            ("同意部分公开答复数", "件", partly), ("不同意公开答复数", "件", refused), ("其他情况", "件", other)]
    body = "".join(f"<tr><td>{a}</td><td>{b}</td><td>{c}</td></tr>" for a, b, c in rows)
    return f'<table border="1" cellspacing="0" cellpadding="4" width="80%" align="center"><tr><td>统计指标</td><td>单位</td><td>数量</td></tr>{body}</table>'
