"""HTML of the bureau site: PHPCMS v9 templates (``php`` columns) and the older DedeCMS ones (``dede``),
sharing one header and footer. Every page is written in GBK and says so in a meta tag."""
from __future__ import annotations

from html import escape

from .model import Bureau, Column, Item


def cut(t: str, n: int = 24) -> str:
    return t if len(t) <= n else t[:n] + "..."


def head(b: Bureau, title: str, dede: bool = False) -> str:
    cs = "gb2312" if dede else "gbk"
    css = '<link href="/templets/default/style/dedecms.css" rel="stylesheet" media="screen" type="text/css" />\n' \
        if dede else ""
    return (f'<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" '
            f'"http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">\n'
            f'<html xmlns="http://www.w3.org/1999/xhtml">\n<head>\n'
            f'<meta http-equiv="Content-Type" content="text/html; charset={cs}" />\n'
            f'<title>{escape(title)}</title>\n<meta name="keywords" content="{b.name},{b.county}教育,{b.county}体育" />\n'
            f'<meta name="description" content="{b.name}官方网站" />\n'
            f'<link href="/statics/css/jtj.css" rel="stylesheet" type="text/css" />\n{css}'
            f'<script type="text/javascript" src="/statics/js/jquery.min.js"></script>\n'
            f'<script type="text/javascript" src="/statics/js/common.js"></script>\n</head>\n<body>\n')


def top(b: Bureau, on: Column | None = None) -> str:
    on_ = ' class="on"'
    nav = "".join(f'<li{on_ if on is r else ""}><a href="{r.url}">{r.name}</a></li>' for r in b.roots)
    return (f'<div class="topbar"><div class="wrap"><span class="fl">欢迎访问{b.name}网站！今天是：'
            f'<span id="today"></span><script>showDate("today");</script></span>'
            f'<span class="fr"><a href="javascript:void(0)" onclick="SetHome(this,\'http://{b.domain}\');">设为首页</a> | '
            f'<a href="javascript:void(0)" onclick="AddFavorite(\'{b.name}\',location.href)">加入收藏</a></span></div></div>\n'
            f'<div class="header"><div class="wrap"><a href="/" class="logo"><img src="/statics/images/logo.png" '
            f'alt="{b.name}" /></a><div class="search"><form action="/index.php" method="get" target="_blank">'
            f'<input type="hidden" name="m" value="search" /><input type="text" name="q" class="sinput" value="" />'
            f'<input type="submit" class="sbtn" value="搜索" /></form></div></div></div>\n'
            f'<div class="menu"><ul class="wrap"><li><a href="/">网站首页</a></li>{nav}</ul></div>\n')


def foot(b: Bureau) -> str:
    code = b.police.split()[-1][:-1]
    return (f'<div class="footer"><div class="wrap">\n'
            f'<p>主办单位：{b.name}　承办：{b.name}办公室　地址：{b.county}人民路88号　邮编：{b.site_id[:2]}2350</p>\n'
            f'<p>联系电话：0311-8692{b.site_id[-4:]}　电子邮箱：{b.pinyin}jtj@163.com　建议使用1024×768分辨率浏览</p>\n'
            f'<p>网站标识码：{b.site_id}　<a href="http://www.beian.miit.gov.cn/" target="_blank">{b.icp}</a>　'
            f'<a href="http://www.beian.gov.cn/portal/registerSystemInfo?recordcode={code}" target="_blank">'
            f'<img src="/statics/images/gaba.png" />{b.police}</a></p>\n'
            f'<p><span id="_ideConac"><a href="http://bszs.conac.cn/sitename?method=show&amp;id=08F1{b.site_id}" '
            f'target="_blank"><img src="/statics/images/dzjg.png" alt="党政机关" /></a></span>'
            f'<script id="_jiucuo_" sitecode="{b.site_id}" src="http://pucha.kaipuyun.cn/exposure/jiucuo.js"></script></p>\n'
            f'</div></div>\n</body>\n</html>\n')


def lineage(c: Column) -> list:
    return ([] if c.parent is None else lineage(c.parent)) + [c]


def crumb(c: Column, tail: str = "") -> str:
    if c.family == "php":
        links = " &gt; ".join(f'<a href="{x.url}">{x.name}</a>' for x in lineage(c))
        return f'<div class="position">当前位置：<a href="/">首页</a> &gt; {links} &gt; {tail}</div>\n'
    sep = "&nbsp;&gt;&nbsp;"
    links = sep.join(f"<a href='{x.url}'>{x.name}</a>" for x in lineage(c))
    return f'<div class="place"><strong>您的位置：</strong><a href=\'/\'>主页</a>{sep}{links}{sep}{tail}</div>\n'


def side(c: Column) -> str:
    root = lineage(c)[0]
    kids = root.children or [root]
    cur = ' class="cur"'
    lis = "".join(f'<li{cur if c in list(k.walk()) else ""}><a href="{k.url}">{k.name}</a></li>' for k in kids)
    return f'<div class="left"><div class="lm_title"><h2>{root.name}</h2></div><ul class="lm_list">{lis}</ul></div>\n'


def hits(it: Item) -> int:
    return 37 + it.aid * 7 % 900


def rows(c: Column, items: list, first: int = 1) -> str:
    if not items:
        return '<ul class="list_news"><li class="nodata">暂无内容</li></ul>\n'
    if c.rows == "span":
        return '<ul class="list_news">\n' + "".join(
            f'<li><span class="date">{it.when:%Y-%m-%d}</span><a href="{it.url}" title="{escape(it.title)}" '
            f'target="_blank">{escape(cut(it.title))}</a></li>\n' for it in items) + "</ul>\n"
    if c.rows == "paren":
        return '<ul class="list_news2">\n' + "".join(
            f'<li><a href="{it.url}" target="_blank">{escape(cut(it.title, 28))}</a>({it.when:%Y-%m-%d})</li>\n'
            for it in items) + "</ul>\n"
    if c.rows == "yy":
        return '<ul class="e2">\n' + "".join(
            f'<li><a href="{it.url}" class="title">{escape(cut(it.title, 20))}</a><span class="info">'
            f'<small>日期：</small>{it.when:%y-%m-%d}<small>点击：</small>{hits(it)}</span></li>\n'
            for it in items) + "</ul>\n"
    if c.rows == "table":
        return ('<table class="gkml" width="100%" cellspacing="0"><tr><th width="50">序号</th><th>标题</th>'
                '<th width="140">文号</th><th width="100">发布日期</th></tr>\n' + "".join(
                    f'<tr><td>{first + k}</td><td><a href="{it.url}" title="{escape(it.title)}" target="_blank">'
                    f'{escape(cut(it.title, 30))}</a></td><td>{it.doc_no}</td><td>{it.when:%Y-%m-%d}</td></tr>\n'
                    for k, it in enumerate(items)) + "</table>\n")
    if c.rows == "letters":
        return ('<table class="xx_list" width="100%"><tr><th>编号</th><th>信件标题</th><th>来信日期</th><th>状态</th></tr>\n'
                + "".join(f'<tr><td>{it.aid}</td><td><a href="{it.url}" target="_blank">{escape(it.title)}</a></td>'
                          f'<td>{it.letter.asked:%Y-%m-%d}</td>'
                          f'<td>{"<font color=green>已回复</font>" if it.letter.replied else "<font color=red>办理中</font>"}</td>'
                          f'</tr>\n' for it in items) + "</table>\n")
    raise ValueError(c.rows)


def php_pager(c: Column, k: int) -> str:
    n = c.n_pages
    if n <= 1:
        return ""
    out = [f'<a class="a1">{len(c.items)}条</a>', f'<a href="{c.page_url(1)}">首页</a>']
    out.append(f'<a href="{c.page_url(k - 1)}" class="a1">上一页</a>' if k > 1 else '<a class="a1">上一页</a>')
    for p in range(max(1, k - 4), min(n, k + 5) + 1):
        out.append(f"<span>{p}</span>" if p == k else f'<a href="{c.page_url(p)}">{p}</a>')
    out.append(f'<a href="{c.page_url(k + 1)}" class="a1">下一页</a>' if k < n else '<a class="a1">下一页</a>')
    out.append(f'<a href="{c.page_url(n)}">末页</a>')
    return '<div class="pages">' + " ".join(out) + "</div>\n"


def dede_pager(c: Column, k: int) -> str:
    n = c.n_pages
    rule = lambda p: f"list_{c.catid}_{p}.html"      # relative, as DedeCMS writes them
    li = []
    if k == 1:
        li += ["<li><a>首页</a></li>"]
    else:
        li += [f"<li><a href='{rule(1)}'>首页</a></li>", f"<li><a href='{rule(k - 1)}'>上一页</a></li>"]
    for p in range(max(1, k - 3), min(n, k + 3) + 1):
        li.append(f'<li class="thisclass">{p}</li>' if p == k else f"<li><a href='{rule(p)}'>{p}</a></li>")
    if k < n:
        li += [f"<li><a href='{rule(k + 1)}'>下一页</a></li>", f"<li><a href='{rule(n)}'>末页</a></li>"]
    else:
        li += ["<li><a>末页</a></li>"]
    return ('<div class="dede_pages"><ul class="pagelist">\n' + "\n".join(li) +
            f'\n<span class="pageinfo">共 <strong>{n}</strong>页<strong>{len(c.items)}</strong>条记录</span>\n</ul></div>\n')


def list_page(b: Bureau, c: Column, k: int) -> str:
    root = lineage(c)[0]
    page = c.items[(k - 1) * c.per_page:k * c.per_page]
    body = rows(c, page, (k - 1) * c.per_page + 1)
    if c.family == "php":
        inner = (crumb(c) + f'<div class="list_title"><h3>{c.name}</h3></div>\n' + body + php_pager(c, k))
    else:
        inner = crumb(c) + f'<div class="listbox">\n{body}</div>\n' + (dede_pager(c, k) if c.items else "")
    title = f"{c.name}_{b.name}" if k == 1 else f"{c.name}_第{k}页_{b.name}"
    return (head(b, title, c.family == "dede") + top(b, root) + '<div class="main wrap clearfix">\n' + side(c) +
            f'<div class="right">\n{inner}</div>\n</div>\n' + foot(b))


def text_page(b: Bureau, c: Column) -> str:
    root = lineage(c)[0]
    inner = (crumb(c) + f'<div class="page_content"><h2>{c.name}</h2>\n'
             f'<p>单位名称：{b.name}</p>\n<p>办公地址：{b.county}人民路88号教育大厦</p>\n'
             f'<p>办公电话：0311-8692{b.site_id[-4:]}（办公室）　0311-8692{int(b.site_id[-4:]) + 7:04d}（基础教育股）</p>\n'
             f'<p>传真：0311-8692{b.site_id[-4:]}</p>\n<p>电子邮箱：{b.pinyin}jtj@163.com</p>\n'
             '<p>办公时间：周一至周五 上午8:30—12:00，下午14:30—17:30（法定节假日除外）</p>\n</div>\n')
    return (head(b, f"{c.name}_{b.name}") + top(b, root) + '<div class="main wrap clearfix">\n' + side(c) +
            f'<div class="right">\n{inner}</div>\n</div>\n' + foot(b))


def channel_page(b: Bureau, c: Column) -> str:
    root = lineage(c)[0]
    boxes = []
    for ch in c.children:
        if ch.leaf and ch.rows != "text":
            lis = "".join(f'<li><span class="date">{it.when:%m-%d}</span><a href="{it.url}" title="{escape(it.title)}">'
                          f'{escape(cut(it.title, 20))}</a></li>' for it in ch.items[:6]) or "<li>暂无内容</li>"
        else:
            lis = "".join(f'<li><a href="{g.url}">{g.name}</a></li>' for g in ch.children) or \
                f'<li><a href="{ch.url}">{ch.name}</a></li>'
        boxes.append(f'<div class="cat_box"><div class="hd"><h3>{ch.name}</h3><a href="{ch.url}" class="more">更多&gt;&gt;</a>'
                     f'</div><ul>{lis}</ul></div>\n')
    inner = crumb(c) + "".join(boxes)
    return (head(b, f"{c.name}_{b.name}", c.family == "dede") + top(b, root) + '<div class="main wrap clearfix">\n' +
            side(c) + f'<div class="right">\n{inner}</div>\n</div>\n' + foot(b))


PARAS = ["为深入贯彻落实县委、县政府决策部署，进一步推动全县教育体育事业高质量发展，近日，{t}。",
         "会议强调，各学校要提高政治站位，压实工作责任，细化工作措施，确保各项任务落到实处。",
         "下一步，我局将持续加强督导检查，建立长效机制，切实办好人民满意的教育。"]


def article(b: Bureau, it: Item, prev: Item | None, nxt: Item | None) -> str:
    c = it.column
    root = lineage(c)[0]
    paras = "".join(f"<p>{p.format(t=escape(it.title))}</p>\n" for p in PARAS)
    if it.image:
        paras = f'<p style="text-align:center"><img src="{it.image}" alt="" /></p>\n' + paras
    att = "".join(f'<p>附件：<a href="{u}" target="_blank">{escape(label)}</a></p>\n' for label, u in it.attachments)
    link = lambda x: f'<a href="{x.url}">{escape(x.title)}</a>' if x else "没有了"
    pn = f'<div class="prev_next"><p>上一篇：{link(prev)}</p><p>下一篇：{link(nxt)}</p></div>\n'
    if c.family == "php":
        meta = ""
        if it.index_no:
            meta = ('<div class="gk_meta">'
                    f'<span class="lab">索引号：</span><span class="val">{it.index_no}</span>'
                    f'<span class="lab">发布机构：</span><span class="val">{b.name}</span>'
                    f'<span class="lab">生成日期：</span><span class="val">{it.when:%Y-%m-%d}</span>'
                    + (f'<span class="lab">文号：</span><span class="val">{it.doc_no}</span>' if it.doc_no else "")
                    + (f'<span class="lab">成文日期：</span><span class="val">{it.written:%Y-%m-%d}</span>'
                       if it.written else "") + '</div>\n')
        inner = (crumb(c, "正文") + '<div class="article">\n' + meta + f'<h1>{escape(it.title)}</h1>\n'
                 f'<div class="info">发布时间：{it.when:%Y-%m-%d %H:%M:%S}&nbsp;&nbsp;来源：{it.source}&nbsp;&nbsp;'
                 f'作者：{it.author}&nbsp;&nbsp;点击：<span id="hits"></span><script language="JavaScript" '
                 f'src="/api.php?op=count&id={it.aid}&modelid=1"></script></div>\n'
                 f'<div class="content" id="Article">\n{paras}{att}</div>\n{pn}</div>\n')
    else:
        inner = (crumb(c, "正文") + '<div class="viewbox">\n'
                 f'<div class="title"><h2>{escape(it.title)}</h2></div>\n'
                 f'<div class="info"><small>发布时间：</small>{it.when:%Y-%m-%d %H:%M}&nbsp;<small>来源：</small>{it.source}'
                 f'&nbsp;<small>作者：</small>{it.author}&nbsp;<small>点击：</small><script src="/plus/count.php?view=yes'
                 f'&aid={it.aid}&mid=1" type="text/javascript" language="javascript"></script>次</div>\n'
                 f'<div class="content">\n{paras}{att}</div>\n{pn}</div>\n')
    return (head(b, f"{it.title}_{c.name}_{b.name}", c.family == "dede") + top(b, root) +
            '<div class="main wrap clearfix">\n' + side(c) + f'<div class="right">\n{inner}</div>\n</div>\n' + foot(b))


def letter_page(b: Bureau, it: Item) -> str:
    c, lt = it.column, it.letter
    root = lineage(c)[0]
    inner = (crumb(c, "信件详情") + '<div class="xx_detail">\n<table class="letter" width="100%" cellpadding="8">\n'
             f'<tr><th width="100">信件编号</th><td>{it.aid}</td><th width="100">办理状态</th>'
             f'<td>{"已回复" if lt.replied else "办理中"}</td></tr>\n'
             f'<tr><th>信件标题</th><td colspan="3">{escape(it.title)}</td></tr>\n'
             f'<tr><th>来信人</th><td>{lt.writer}</td><th>来信日期</th><td>{lt.asked:%Y-%m-%d}</td></tr>\n'
             f'<tr><th>来信内容</th><td colspan="3">局长您好，{escape(it.title)}，希望有关部门能够尽快处理，谢谢！</td></tr>\n'
             f'<tr><th>回复单位</th><td>{lt.unit}</td><th>回复日期</th><td>{f"{lt.replied:%Y-%m-%d}" if lt.replied else ""}</td></tr>\n'
             f'<tr><th>回复内容</th><td colspan="3">{lt.answer}</td></tr>\n</table>\n</div>\n')
    return (head(b, f"{it.title}_{c.name}_{b.name}") + top(b, root) + '<div class="main wrap clearfix">\n' + side(c) +
            f'<div class="right">\n{inner}</div>\n</div>\n' + foot(b))


def home(b: Bureau) -> tuple:
    col = {c.name: c for c in b.columns if c.parent is None or c.name != "工作动态"}
    shown = []

    def box(title, c, items, fmt, cls="index_box"):
        shown.extend(items)
        lis = "".join(f'<li><a href="{it.url}" title="{escape(it.title)}" target="_blank">{escape(cut(it.title, 22))}</a>'
                      f'<span class="date">{it.when.strftime(fmt)}</span></li>\n' for it in items)
        return (f'<div class="{cls}"><div class="hd"><span>{title}</span><a class="more" href="{c.url}">更多</a></div>\n'
                f'<ul>\n{lis}</ul></div>\n')

    gz = col["工作动态"]
    pics = [it for it in gz.items if it.image][:5]
    shown.extend(pics)
    focus = "".join(f'<li><a href="{it.url}" target="_blank"><img src="{it.image}" alt="{escape(it.title)}" /></a>'
                    f'<p>{escape(cut(it.title, 18))}</p></li>' for it in pics)
    jc = col["基层动态"]
    grass = sorted((it for ch in jc.children for it in ch.items), key=lambda i: i.when, reverse=True)[:8]
    gk = col["政府信息公开"]
    gklinks = "".join(f'<li><a href="{c.url}">{c.name}</a></li>' for c in gk.children)
    bs = "".join(f'<li><a href="{it.url}" target="_blank">{escape(cut(it.title, 16))}</a></li>'
                 for it in col["办事指南"].items[:6])
    fp = col["教育扶贫"]
    body = (
        '<div class="wrap index_row1 clearfix">\n'
        f'<div class="focus" id="focus"><ul class="pic">{focus}</ul><div class="num"></div></div>\n'
        '<script type="text/javascript">$(function(){ slideFocus("#focus", 4000); });</script>\n'
        + box("工作动态", gz, gz.items[:8], "%Y-%m-%d", "index_box news") +
        '</div>\n<div class="wrap index_row2 clearfix">\n'
        + box("通知公告", col["通知公告"], col["通知公告"].items[:8], "%m-%d")
        + box("基层动态", jc, grass, "%m-%d")
        + box("政策法规", col["政策法规"], col["法律法规"].items[:4], "%Y-%m-%d")
        + box("政策解读", col["政策解读"], col["政策解读"].items[:5], "%Y-%m-%d") +
        '</div>\n<div class="wrap index_row3 clearfix">\n'
        f'<div class="index_box gk"><div class="hd"><span>政府信息公开</span><a class="more" href="{gk.url}">更多</a></div>'
        f'<ul class="gk_links">{gklinks}</ul></div>\n'
        f'<div class="index_box bs"><div class="hd"><span>办事服务</span><a class="more" href="{col["办事服务"].url}">更多</a>'
        f'</div><ul>{bs}</ul><p class="xz"><a href="{col["表格下载"].url}">表格下载</a></p></div>\n'
        f'<div class="index_box hd"><div class="hd"><span>互动交流</span></div><ul class="hd_links">'
        f'<li><a href="{col["局长信箱"].url}"><img src="/statics/images/jzxx.png" alt="局长信箱" /></a></li>'
        f'<li><a href="{col["常见问题"].url}"><img src="/statics/images/cjwt.png" alt="常见问题" /></a></li></ul></div>\n'
        '</div>\n<div class="wrap zt_banner">\n'
        f'<a href="{fp.url}" target="_blank"><img src="/statics/images/zt_jyfp.png" alt="教育扶贫" /></a>\n'
        f'<a href="{b.removed}" target="_blank"><img src="/statics/images/zt_shce.png" alt="扫黑除恶专项斗争" /></a>\n'
        '</div>\n<div class="wrap links"><span>友情链接：</span>'
        '<select onchange="if(this.value!=\'\')window.open(this.value);"><option value="">--国家部委--</option>'
        '<option value="http://www.moe.gov.cn/">教育部</option><option value="http://www.sport.gov.cn/">国家体育总局</option>'
        '</select> <a href="http://www.gov.cn/" target="_blank">中国政府网</a> '
        f'<a href="http://www.{b.pinyin}.gov.cn/" target="_blank">{b.county}人民政府</a></div>\n')
    page = head(b, f"{b.name}") + top(b) + body + foot(b)
    return page, max(it.day for it in shown)
