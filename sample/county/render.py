"""HTML of the old home-grown CMS (GBK, table layout): shell, home page, channel lists and
blocks, articles, static guide pages, and the letters system (``list.asp``).

Markup imitates county templates of the late 2000s: fixed-width tables, ``background=`` cells,
a dotted line row between list rows, a 热点排行 box beside every list, breadcrumbs in a
``<td>``.  Links are root-relative, except the numbered pager's, which are relative."""
from __future__ import annotations

from html import escape

from .model import Column, County, Item

SEP = {"chan": " &gt;&gt; ", "topic": " → ", "asp": " &gt; "}
SELECTED = ' selected="selected"'


def esc(s: str) -> str:
    return escape(s, quote=True)


def cut(title: str, n: int, dots: str = "…") -> str:
    """List text as the CMS cuts it; the full title stays in title=""."""
    return esc(title if len(title) <= n else title[:n] + dots)


def ymd(d) -> str:
    return f"{d:%Y-%m-%d}"


def cn(d, pad: bool = True) -> str:
    return f"{d:%Y年%m月%d日}" if pad else f"{d.year}年{d.month}月{d.day}日"


def _section(col: Column) -> str:
    top = col
    while top.parent:
        top = top.parent
    return "topic" if top.layout == "topics" else "chan"


def crumb(col: Column, tail: str | None = None, link_last: bool = True) -> str:
    """您现在的位置：首页 >> 新闻中心 >> 政务要闻 (专题 pages use →, the letters system >)."""
    sep = SEP["asp" if col.cms == "asp" else _section(col)]
    chain, c = [], col
    while c:
        chain.insert(0, c)
        c = c.parent
    parts = ['<a href="/index.html">' + ("网站首页" if col.cms == "asp" else "首页") + "</a>"]
    for c in chain:
        last = c is col and tail is None
        parts.append(esc(c.name) if last and not link_last else f'<a href="{c.url}">{esc(c.name)}</a>')
    if tail:
        parts.append(tail)
    label = "当前位置：" if col.cms == "asp" or _section(col) == "topic" else "您现在的位置："
    return label + sep.join(parts)


# -- shell -----------------------------------------------------------------------------------------

def header(cty: County) -> str:
    nav = "".join(f'<td class="dh_td"><a href="{r.url}" class="dh">{esc(r.name)}</a></td>'
                  '<td width="2"><img src="/images/nav_line.png" width="2" height="38" /></td>' for r in cty.roots)
    return f"""<table width="1002" border="0" align="center" cellpadding="0" cellspacing="0" id="top_bg">
  <tr>
    <td height="158" valign="top" background="/images/top_banner.png"><table width="100%" border="0" cellspacing="0" cellpadding="0">
      <tr>
        <td height="28" align="right" class="top_link"><a href="#" onclick="this.style.behavior='url(#default#homepage)';this.setHomePage('http://{cty.domain}/');">设为首页</a> | <a href="javascript:window.external.AddFavorite('http://{cty.domain}/','{cty.name}人民政府')">加入收藏</a>&nbsp;&nbsp;</td>
      </tr>
    </table></td>
  </tr>
</table>
<table width="1002" border="0" align="center" cellpadding="0" cellspacing="0" id="nav_bg">
  <tr>
    <td class="dh_td"><a href="/index.html" class="dh">网站首页</a></td><td width="2"><img src="/images/nav_line.png" width="2" height="38" /></td>{nav}
  </tr>
</table>
<table width="1002" border="0" align="center" cellpadding="0" cellspacing="0" class="ss_bg">
  <tr>
    <td width="380" class="rq">&nbsp;今天是：<script type="text/javascript">showDate();</script></td>
    <td align="right"><form name="searchform" method="get" action="/search/search.asp" target="_blank">站内搜索：<input type="text" name="keyword" class="ss_k" size="20" /> <input type="image" src="/images/ss_an.png" align="absmiddle" /></form></td>
  </tr>
</table>
"""


def footer(cty: County) -> str:
    return f"""<table width="1002" border="0" align="center" cellpadding="0" cellspacing="0" id="bottom">
  <tr><td height="5" colspan="3" bgcolor="#1860A8"></td></tr>
  <tr>
    <td width="130" align="center"><a href="javascript:void(0);" onclick="window.open('http://bszs.conac.cn/sitename?method=show&amp;id=3A1C7E5F0D2B4E6A')"><img src="/images/red.png" width="56" height="68" border="0" alt="党政机关" /></a></td>
    <td class="bottom_txt" align="center">主办单位：{cty.name}人民政府办公室&nbsp;&nbsp;&nbsp;承办：{cty.name}大数据中心&nbsp;&nbsp;&nbsp;联系电话：0539-6221234<br />
      政府网站标识码：{cty.site_id}&nbsp;&nbsp;&nbsp;ICP备案：{cty.icp}&nbsp;&nbsp;&nbsp;<img src="/images/ga.png" width="16" height="16" align="absmiddle" />鲁公网安备 {cty.police}号<br />
      建议使用1024×768分辨率 IE8.0以上版本浏览本站</td>
    <td width="130" align="center"><a href="javascript:void(0);" onclick="window.open('http://zfwzzc.www.gov.cn/check_web/errorInfo_querySiteInfo.action?sitecode={cty.site_id}')"><img src="/images/jiucuo.png" width="110" height="55" border="0" alt="政府网站找错" /></a></td>
  </tr>
</table>
"""


def page(cty: County, title: str, body: str) -> str:
    return f"""<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">
<html xmlns="http://www.w3.org/1999/xhtml">
<head>
<meta http-equiv="Content-Type" content="text/html; charset=gb2312" />
<title>{esc(title)}</title>
<meta name="keywords" content="{cty.name},{cty.name}人民政府,{cty.name[:-1]}政府网" />
<link href="/css/style.css" rel="stylesheet" type="text/css" />
<script type="text/javascript" src="/js/common.js"></script>
</head>
<body>
{header(cty)}{body}{footer(cty)}</body>
</html>
"""


# -- lists -----------------------------------------------------------------------------------------

def _row(it: Item, layout: str) -> str:
    t, d = it.title, it.day
    if layout == "table":
        return (f'<tr><td class="lb_bt" height="28">·<a href="{it.url}" title="{esc(t)}" target="_blank">{cut(t, 26)}</a></td>'
                f'<td width="100" class="lb_rq" align="right">[{ymd(d)}]</td></tr>\n'
                '<tr><td colspan="2" height="1" background="/images/xx_line.png"></td></tr>\n')
    if layout == "md":
        return f'<li><a href="{it.url}" title="{esc(t)}" target="_blank">{cut(t, 22, "...")}</a><em>{d:%m-%d}</em></li>\n'
    if layout == "cn":
        return f'<li><span class="rq">{cn(d)}</span><a href="{it.url}" target="_blank" title="{esc(t)}">{cut(t, 24)}</a></li>\n'
    if layout == "slash":
        return f'<li><a href="{it.url}" target="_blank" title="{esc(t)}">{cut(t, 26)}</a><span class="date">{d:%Y/%m/%d}</span></li>\n'
    if layout == "plain":
        return f'<li><a href="{it.url}" target="_blank">{esc(t)}</a></li>\n'
    raise ValueError(layout)


def _pic_cells(items: list, cty: County) -> str:
    rows = []
    for k in range(0, len(items), 3):
        cells = "".join(
            f'<td width="33%" align="center" valign="top"><a href="{it.url}" target="_blank"><img src="{picture(cty, it)}" '
            f'width="200" height="140" border="0" /></a><br /><a href="{it.url}" target="_blank" title="{esc(it.title)}">'
            f'{cut(it.title, 14)}</a></td>' for it in items[k:k + 3])
        rows.append(f"<tr>{cells}</tr>")
    return '<table width="100%" border="0" cellspacing="8" cellpadding="0" class="pic_list">\n' + "\n".join(rows) + "\n</table>"


def picture(cty: County, it: Item) -> str:
    return f"/images/pic/tp{sum(map(ord, it.url)) % 6 + 1}.png"


def list_body(cty: County, col: Column, items: list) -> str:
    if not items:
        return (f'<table width="100%" border="0" cellspacing="0" cellpadding="0"><tr><td height="200" align="center" '
                f'class="nodata">{esc(col.empty)}</td></tr></table>')
    if col.layout == "pic":
        return _pic_cells(items, cty)
    if col.layout == "leaders":
        rows = "".join(f'<tr><td width="110" height="130" align="center"><a href="{it.url}"><img src="/images/ld/ld{k + 1}.png" '
                       f'width="90" height="120" border="0" /></a></td><td class="ld_txt"><a href="{it.url}"><b>{esc(it.title)}</b></a>'
                       f'<br />{esc(it.source)}</td></tr>\n' for k, it in enumerate(items))
        return f'<table width="96%" border="0" align="center" cellspacing="0" cellpadding="4" class="ld_list">\n{rows}</table>'
    rows = "".join(_row(it, col.layout) for it in items)
    if col.layout == "table":
        return f'<table width="96%" border="0" align="center" cellpadding="0" cellspacing="0" class="lm_list">\n{rows}</table>'
    cls = {"md": "list_ul", "cn": "news_list", "slash": "zt_list", "plain": "bszn_list"}[col.layout]
    return f'<ul class="{cls}">\n{rows}</ul>'


def pager(col: Column, k: int) -> str:
    """Four pagers of the same CMS, as different template authors drew them."""
    n, total = col.n_pages, len(col.items)
    if n == 1 and col.pager in ("", "num", "select", "topic"):
        return ""
    link = lambda j, label: f'<a href="{col.page_url(j)}">{label}</a>' if j != k and 1 <= j <= n else label
    opts = "".join(f'<option value="{col.page_url(j)}"{SELECTED if j == k else ""}>第{j}页</option>' for j in range(1, n + 1))
    if col.pager == "full":
        return (f"共{total}条记录&nbsp;&nbsp;第{k}页/共{n}页&nbsp;&nbsp;{link(1, '首页')}&nbsp;{link(k - 1, '上一页')}&nbsp;"
                f"{link(k + 1, '下一页')}&nbsp;{link(n, '尾页')}&nbsp;&nbsp;转到：<select name=\"page\" "
                f"onchange=\"javascript:window.location=this.options[this.selectedIndex].value;\">{opts}</select>")
    if col.pager == "num":       # relative links, as this template wrote them
        nums = " ".join(f"<b>[{j}]</b>" if j == k else f'<a href="{col.page_url(j).rsplit("/", 1)[1]}">[{j}]</a>'
                        for j in range(1, n + 1))
        return f"第{k}页/共{n}页&nbsp;&nbsp;{nums}"
    if col.pager == "select":    # only a jump box
        return (f"页次：{k}/{n}页&nbsp;&nbsp;每页{col.per_page}条&nbsp;&nbsp;共{total}条&nbsp;&nbsp;转到 <select name=\"select\" "
                f"onchange=\"javascript:window.location.href=this.options[this.selectedIndex].value\">{opts}</select>")
    if col.pager == "pic":
        return (f"共{total}条&nbsp;每页{col.per_page}条&nbsp;页次：{k}/{n}&nbsp;&nbsp;[{link(1, '首页')}]&nbsp;"
                f"[{link(k - 1, '上一页')}]&nbsp;[{link(k + 1, '下一页')}]&nbsp;[{link(n, '末页')}]")
    if col.pager == "topic":
        nums = " ".join(str(j) if j == k else f'<a href="{col.page_url(j)}">{j}</a>' for j in range(1, n + 1))
        prev = f'<a href="{col.page_url(k - 1)}">上一页</a>' if k > 1 else '<span class="dis">上一页</span>'
        nxt = f'<a href="{col.page_url(k + 1)}">下一页</a>' if k < n else '<span class="dis">下一页</span>'
        return f'<div class="fy">{prev} {nums} {nxt}</div>'
    return ""


def _left(cty: County, col: Column) -> str:
    """The left column of every channel page: the section's menu and the 热点排行 box."""
    group = col if not col.leaf else col.parent
    menu = "".join(f'<tr><td class="lm_menu_td"><img src="/images/jt.png" width="7" height="7" /> '
                   f'<a href="{c.url}">{esc(c.name)}</a></td></tr>' for c in group.children)
    hot = "".join(f'<li><a href="{it.url}" title="{esc(it.title)}" target="_blank">{cut(it.title, 15)}</a></li>' for it in cty.hot)
    return f"""<td width="240" valign="top" class="left">
      <table width="100%" border="0" cellspacing="0" cellpadding="0" class="lm_tit"><tr><td class="lm_tit_txt">{esc(group.name)}</td></tr></table>
      <table width="100%" border="0" cellspacing="0" cellpadding="0" class="lm_menu">{menu}</table>
      <table width="100%" border="0" cellspacing="0" cellpadding="0" class="rdph">
        <tr><td class="rdph_tit">热点排行</td></tr>
        <tr><td><ul class="rd_list">{hot}</ul></td></tr>
      </table>
    </td>"""


def _frame(cty: County, col: Column, inner: str) -> str:
    return f"""<table width="1002" border="0" align="center" cellpadding="0" cellspacing="0" class="main_bg">
  <tr>
    {_left(cty, col)}
    <td width="12"></td>
    <td valign="top" class="right">
      <table width="100%" border="0" cellspacing="0" cellpadding="0" class="dqwz"><tr><td height="32"><img src="/images/home.png" width="14" height="14" align="absmiddle" /> {crumb(col)}</td></tr></table>
      {inner}
    </td>
  </tr>
</table>
"""


def list_page(cty: County, col: Column, k: int) -> str:
    items = col.items[(k - 1) * col.per_page:k * col.per_page]
    inner = (f'<table width="100%" border="0" cellspacing="0" cellpadding="0" class="lm_list_bg"><tr><td valign="top" height="560">\n'
             f'{list_body(cty, col, items)}\n</td></tr>\n<tr><td class="fenye" align="center" height="40">{pager(col, k)}</td></tr></table>')
    return page(cty, f"{col.name}-{cty.name}人民政府", _frame(cty, col, inner))


def _block_rows(child: Column, n: int) -> str:
    items = [it for c in child.walk() for it in c.items]
    items = sorted(items, key=lambda it: it.when or 0, reverse=True)[:n] if items and items[0].when else items[:n]
    if not items:
        return f'<li class="nodata">{esc(child.empty or "暂无信息")}</li>'
    if items[0].when is None:
        return "".join(f'<li>·<a href="{it.url}" target="_blank">{esc(it.title)}</a></li>' for it in items)
    return "".join(f'<li><span>[{it.day:%m-%d}]</span>·<a href="{it.url}" title="{esc(it.title)}" target="_blank">'
                   f'{cut(it.title, 20)}</a></li>' for it in items)


def blocks_page(cty: County, col: Column) -> str:
    """A channel without a list of its own: one block per child, its newest items and 更多."""
    if col.layout == "topics":
        cells = "".join(f'<td align="center"><a href="{c.url}"><img src="/images/zt/zt{k + 1}.png" width="340" height="90" '
                        f'border="0" alt="{esc(c.name)}" /></a></td>' for k, c in enumerate(col.children))
        inner = f'<table width="100%" border="0" cellspacing="10" cellpadding="0" class="zt_box"><tr>{cells}</tr></table>'
    else:
        banner = (f'<table width="100%"><tr><td><img src="/images/zt/zt{col.parent.children.index(col) + 1}.png" width="730" '
                  f'height="120" /></td></tr></table>' if col.layout == "topic" else "")
        boxes = "".join(f"""<table width="100%" border="0" cellspacing="0" cellpadding="0" class="lm_kuai">
        <tr><td class="kuai_bt"><span class="kuai_name">{esc(c.name)}</span></td><td class="kuai_more" align="right"><a href="{c.url}">更多&gt;&gt;</a></td></tr>
        <tr><td colspan="2"><ul class="kuai_list">{_block_rows(c, 7)}</ul></td></tr>
      </table>""" for c in col.children)
        inner = banner + boxes
    return page(cty, f"{col.name}-{cty.name}人民政府", _frame(cty, col, inner))


# -- articles ----------------------------------------------------------------------------------------

def _info_line(it: Item, ident: str) -> str:
    col, t = it.column, it.when
    hits = f'<span id="hits">0</span><script type="text/javascript">getHits({ident});</script>'
    if col.layout == "md":
        return f"来源：{esc(it.source)}　　日期：{cn(t, pad=False)}　　点击：{hits}"
    if col.layout == "cn":
        return f"【来源：{esc(it.source)}】【更新时间：{t.year}/{t.month}/{t.day} {t.hour}:{t:%M:%S}】【点击：{hits}】"
    if _section(col) == "topic":
        return f"发布日期：{ymd(t)}　　来源：{esc(it.source)}"
    return f"信息来源：{esc(it.source)}&nbsp;&nbsp;&nbsp;发布时间：{t:%Y-%m-%d %H:%M}&nbsp;&nbsp;&nbsp;浏览次数：{hits}"


def _guide_table(cty: County, it: Item) -> str:
    n = sum(map(ord, it.title))
    rows = [("事项名称", it.title.removesuffix("办事指南")), ("设定依据", "《中华人民共和国行政许可法》及相关法律法规"),
            ("申请条件", "符合法律法规规定条件的申请人"), ("办理材料", "1.申请表；2.申请人有效身份证件；3.其他相关材料"),
            ("办理地点", f"{cty.name}政务服务中心一楼{n % 30 + 1}号窗口"),
            ("办理时间", "周一至周五 上午9:00-12:00 下午13:30-17:00（法定节假日除外）"),
            ("联系电话", f"0539-62{n % 90000 + 10000}"), ("办理流程", "申请→受理→审查→决定→办结")]
    body = "".join(f'<tr><th width="18%" bgcolor="#EEF4FB">{k}</th><td>{esc(v)}</td></tr>' for k, v in rows)
    return f'<table width="96%" border="1" cellspacing="0" cellpadding="6" bordercolor="#C9D8E8" class="bszn_table">{body}</table>'


def article(cty: County, it: Item, prev: Item | None, nxt: Item | None) -> str:
    col = it.column
    paras = "".join(f"<p>　　{esc(p)}</p>" for p in it.paras)
    for label, target in it.links:
        href = target if isinstance(target, str) else target.url
        paras += f'<p>{esc(label.split("：")[0])}：<a href="{href}" target="_blank">{esc(label.split("：")[-1])}</a></p>'
    if it.attachments:
        paras += "<p>附件：" + "<br />".join(f'<a href="{u}" target="_blank">{esc(n)}</a>' for n, u in it.attachments) + "</p>"
    if it.when is None:
        info = esc(it.source) if col.name == "领导之窗" else ""
        if col.name in ("个人办事", "法人办事"):
            paras = _guide_table(cty, it)
        elif col.name == "领导之窗":
            paras = f'<p align="center"><img src="/images/ld/ld{col.items.index(it) + 1}.png" width="150" height="200" /></p>' + paras
        elif not paras:
            paras = f"<p>　　{esc(it.title)}相关信息请咨询{cty.name}便民服务热线12345。</p>"
    else:
        info = _info_line(it, it.url.rsplit("_", 1)[-1].split(".")[0])
    near = "".join(f'{label}：<a href="{x.url}">{esc(x.title)}</a><br />' if x else f"{label}：没有了<br />"
                   for label, x in (("上一篇", prev), ("下一篇", nxt)))
    inner = f"""<table width="1002" border="0" align="center" cellpadding="0" cellspacing="0" class="wz_bg">
  <tr><td class="dqwz" height="32"><img src="/images/home.png" width="14" height="14" align="absmiddle" /> {crumb(col, "正文")}</td></tr>
  <tr><td><table width="94%" border="0" align="center" cellpadding="0" cellspacing="0" class="wz_table">
    <tr><td class="wz_bt" align="center" height="60">{esc(it.title)}</td></tr>
    <tr><td class="wz_xx" align="center" height="30">{info}</td></tr>
    <tr><td height="1" bgcolor="#CCCCCC"></td></tr>
    <tr><td class="wz_nr" id="zoom">{paras}</td></tr>
    <tr><td class="sxp" height="60">{near}</td></tr>
    <tr><td align="right">【<a href="javascript:window.print()">打印本页</a>】【<a href="javascript:window.close()">关闭窗口</a>】</td></tr>
  </table></td></tr>
</table>
"""
    return page(cty, f"{it.title}-{cty.name}人民政府", inner)


# -- letters system (list.asp) ----------------------------------------------------------------------------

def _asp_frame(cty: County, col: Column, crumbs: str, inner: str) -> str:
    return f"""<table width="1002" border="0" align="center" cellpadding="0" cellspacing="0" class="hd_bg">
  <tr><td class="dqwz" height="32">&nbsp;{crumbs}</td><td align="right"><a href="write.asp"><img src="/images/xx_btn.png" border="0" alt="我要写信" /></a>&nbsp;</td></tr>
  <tr><td colspan="2" valign="top">{inner}</td></tr>
</table>
"""


def letter_list(cty: County, col: Column, k: int) -> str:
    items = col.items[(k - 1) * col.per_page:k * col.per_page]
    rows = []
    for it in items:
        r = it.letter.replied
        state = '<font color="#008000">已回复</font>' if r else '<font color="#FF0000">办理中</font>'
        number = f"{col.slug.upper()}{it.when:%Y%m%d}{it.url[-7:-4]}"
        rows.append(f'<tr bgcolor="#FFFFFF" align="center" height="28"><td>{number}</td>'
                    f'<td align="left">&nbsp;<a href="{it.url.rsplit("/", 1)[1]}" target="_blank" title="{esc(it.title)}">{cut(it.title, 22)}</a></td>'
                    f'<td>{ymd(it.day)}</td><td>{ymd(r) if r else "&nbsp;"}</td><td>{state}</td></tr>')
    n = col.n_pages
    # one template links list.asp?page=N, the other a bare ?page=N
    href = lambda j: col.page_url(j).rsplit("/", 1)[1] if col.pager == "asp" else f"?page={j}"
    link = lambda j, label: f'<a href="{href(j)}">{label}</a>' if j != k and 1 <= j <= n else label
    pages = (f"共 {len(col.items)} 条信件&nbsp;&nbsp;页次：{k}/{n}页&nbsp;&nbsp;每页{col.per_page}条&nbsp;&nbsp;"
             f"{link(1, '首页')} {link(k - 1, '上一页')} {link(k + 1, '下一页')} {link(n, '尾页')}")
    inner = f"""<table width="96%" border="0" align="center" cellpadding="0" cellspacing="1" bgcolor="#CCDDEE" class="xj_list">
<tr bgcolor="#E8F1FA" align="center" height="30"><td width="16%"><b>信件编号</b></td><td><b>信件标题</b></td><td width="12%"><b>来信时间</b></td><td width="12%"><b>回复时间</b></td><td width="9%"><b>状态</b></td></tr>
{chr(10).join(rows)}
</table>
<table width="96%" align="center"><tr><td align="center" height="40" class="fenye">{pages}</td></tr></table>"""
    return page(cty, f"{col.name}-{cty.name}人民政府", _asp_frame(cty, col, crumb(col, link_last=False), inner))


def letter_page(cty: County, it: Item) -> str:
    col, lt = it.column, it.letter
    cell = lambda k, v, w="": f'<td width="15%" align="right" bgcolor="#E8F1FA">{k}</td><td{w}>{v}</td>'
    answer = esc(lt.answer) if lt.replied else "该信件正在办理中。"
    inner = f"""<table width="90%" border="0" align="center" cellpadding="6" cellspacing="1" bgcolor="#CCDDEE" class="xj_show">
<tr bgcolor="#FFFFFF">{cell("信件标题：", esc(it.title), ' colspan="3"')}</tr>
<tr bgcolor="#FFFFFF">{cell("来 信 人：", esc(lt.writer), ' width="35%"')}{cell("来信时间：", f"{it.when:%Y-%m-%d %H:%M}:{len(lt.question) % 60:02d}")}</tr>
<tr bgcolor="#FFFFFF">{cell("信件内容：", esc(lt.question), ' colspan="3"')}</tr>
<tr bgcolor="#FFFFFF">{cell("回复单位：", esc(lt.unit) if lt.replied else "&nbsp;")}{cell("回复时间：", ymd(lt.replied) if lt.replied else "&nbsp;")}</tr>
<tr bgcolor="#FFFFFF">{cell("回复内容：", answer, ' colspan="3"')}</tr>
</table>"""
    crumbs = crumb(col, "信件详情")
    return page(cty, f"{it.title}-{col.name}", _asp_frame(cty, col, crumbs, inner))


def asp_form(cty: County, col: Column) -> str:
    inner = """<form name="form1" method="post" action="write.asp"><table width="90%" align="center" cellpadding="6" class="xj_show">
<tr><td align="right">姓名：</td><td><input name="xm" type="text" /></td></tr>
<tr><td align="right">联系电话：</td><td><input name="dh" type="text" /></td></tr>
<tr><td align="right">信件标题：</td><td><input name="bt" type="text" size="50" /></td></tr>
<tr><td align="right">信件内容：</td><td><textarea name="nr" cols="60" rows="10"></textarea></td></tr>
<tr><td></td><td><input type="submit" value="提交" /></td></tr></table></form>"""
    return page(cty, f"我要写信-{col.name}", _asp_frame(cty, col, crumb(col, "我要写信"), inner))


def search_page(cty: County) -> str:
    inner = '<table width="1002" align="center"><tr><td height="300" align="center">请输入关键字进行检索。</td></tr></table>'
    return page(cty, f"站内搜索-{cty.name}人民政府", inner)
