"""The home page: a static header and menu, the headline, a picture slider, news tabs (year-less
dates), a 公告公示 jpage unit with its records embedded, static policy and letters blocks, topic
banners (one to a topic since removed: 404), the 往期专题 banner and the 政府网站工作年度报表."""
from __future__ import annotations

from . import render as R
from .model import Portal

HOME = "/index.html"


def _lis(items, fmt: str, n: int = 7, cut: int = 26) -> str:
    return "\n".join(f'<li><a href="{R.href(it.url)}" title="{R.e(it.title)}" target="_blank">{R.e(R.short(it.title, cut))}</a>'
                     f'<span class="date">{it.when.strftime(fmt)}</span></li>' for it in items[:n])


def home(p: Portal) -> tuple:
    """(html, the newest date the home page shows)."""
    t = R.tpl(p)
    f = p.find
    yw, zw = f("新闻中心", f"{p.short}要闻"), f("新闻中心", "政务动态")
    bm, zj = f("新闻中心", "部门动态"), f("新闻中心", "镇街动态")
    tp, gg = f("新闻中心", "图片新闻"), f("新闻中心", "公告公示")
    docs = sorted(f("政务公开", "政策法规", "市政府文件").items + f("政务公开", "政策法规", "市政府办公室文件").items,
                  key=lambda it: it.when, reverse=True)
    jd = f("政务公开", "政策解读")
    mail, zx = f("互动交流", "市长信箱"), f("互动交流", "网上咨询")
    gk = f("政府信息公开")
    topics = f("专题专栏")
    shown = [yw.items[0]] + tp.items[:5] + yw.items[1:8] + zw.items[:7] + bm.items[:7] + zj.items[:7] + gg.items[:7] \
        + docs[:6] + jd.items[:6] + mail.items[:5]
    newest = max(it.day for it in shown)

    nav = "\n".join(f'<li><a href="{R.href(c.url)}">{R.e(c.name)}</a></li>' for c in p.roots)
    head = yw.items[0]
    slide = "\n".join(f'<li><a href="{R.href(it.url)}" target="_blank"><img src="{it.images[0]}" width="560" height="340" /></a>'
                      f'<p><a href="{R.href(it.url)}" target="_blank">{R.e(R.short(it.title, 28))}</a></p></li>' for it in tp.items[:5])
    home_unit = p.webid * 1000 + 7
    notice = R.jpage_unit(p, gg, home_unit, R.records(gg)[:7], per_page=7, group=1, total=7)
    letters = "\n".join(f'<tr><td><a href="{R.href(it.url)}" title="{R.e(it.title)}" target="_blank">{R.e(R.short(it.title, 20))}</a></td>'
                        f'<td>{it.day.isoformat()}</td><td>{it.letter.status}</td></tr>' for it in mail.items[:5])
    current = [k for k in topics.children if k.cls != "exempt"]
    archive = next(k for k in topics.children if k.cls == "exempt")
    banners = "\n".join(f'<li><a href="{R.href(k.url)}" target="_blank"><img src="/images/{t}/{k.banner}.png" alt="{R.e(k.name)}" /></a></li>'
                        for k in current)
    banners += (f'\n<li><a href="{p.removed_topic}" target="_blank"><img src="/images/{t}/zt0.png" alt="“两学一做”学习教育" /></a></li>'
                f'\n<li class="wqzt"><a href="{R.href(archive.url)}" target="_blank"><img src="/images/{t}/wqzt.png" alt="往期专题" /></a></li>')
    gk_links = "\n".join(f'<li><a href="{R.href(k.url)}"><img src="/images/{t}/gk{i + 1}.png" /><span>{R.e(k.name)}</span></a></li>'
                         for i, k in enumerate(gk.children[:5]))
    form = p.annual_form
    body = f"""<div class="index-top"><div class="bt-box-1200"><span id="today"></span><span class="fr"><a href="javascript:void(0)" onclick="toggleToolBar();">无障碍浏览</a> | <a href="javascript:void(0)" onclick="elderMode();">长者模式</a> | <a href="javascript:zh_tran('t');">繁体</a></span></div></div>
<div class="index-head bt-box-1200"><a href="/index.html"><img src="/images/{t}/logo.png" alt="{p.gov}" /></a>
<form action="/jrobot/search.do" method="get" target="_blank"><input type="hidden" name="webid" value="{p.webid}" /><input type="text" name="q" class="bt-search-input" value="请输入关键字" /><input type="submit" value="搜索" /></form></div>
<div class="index-nav"><ul class="bt-box-1200"><li class="on"><a href="/index.html">首页</a></li>
{nav}
</ul></div>
<div class="bt-box-1200 index-main">
  <div class="toutiao"><h1><a href="{R.href(head.url)}" target="_blank" title="{R.e(head.title)}">{R.e(head.title)}</a></h1><p>{R.e(head.paras[0][:60])}……<a href="{R.href(head.url)}" target="_blank">[详细]</a></p></div>
  <div class="row cf">
    <div class="index-slide fl"><ul>
{slide}
    </ul></div>
    <div class="index-news fr">
      <div class="tab-hd"><span class="on"><a href="{yw.url}">{yw.name}</a></span><span><a href="{zw.url}">政务动态</a></span><span><a href="{bm.url}">部门动态</a></span><span><a href="{zj.url}">镇街动态</a></span></div>
      <div class="tab-bd"><ul class="news-list">
{_lis(yw.items[1:], "%Y-%m-%d")}
      </ul></div>
      <div class="tab-bd" style="display:none"><ul class="news-list">
{_lis(zw.items, "%m-%d")}
      </ul></div>
      <div class="tab-bd" style="display:none"><ul class="news-list">
{_lis(bm.items, "%m-%d")}
      </ul></div>
      <div class="tab-bd" style="display:none"><ul class="news-list">
{_lis(zj.items, "%m-%d")}
      </ul></div>
    </div>
  </div>
  <div class="row cf">
    <div class="index-box fl"><div class="bt-box-title"><h3><a href="{gg.url}">公告公示</a></h3><a class="more" href="{gg.url}">更多&gt;&gt;</a></div>
{notice}
    </div>
    <div class="index-box fl"><div class="bt-box-title"><h3><a href="{f("政务公开", "政策法规").url}">政策法规</a></h3><a class="more" href="{f("政务公开", "政策法规").url}">更多&gt;&gt;</a></div>
      <ul class="news-list">
{_lis(docs, "[%Y-%m-%d]", 6)}
      </ul></div>
    <div class="index-box fr"><div class="bt-box-title"><h3><a href="{jd.url}">政策解读</a></h3><a class="more" href="{jd.url}">更多&gt;&gt;</a></div>
      <ul class="news-list">
{_lis(jd.items, "%m-%d", 6, 20)}
      </ul></div>
  </div>
  <div class="index-gk cf"><div class="bt-box-title"><h3><a href="{gk.url}">政府信息公开</a></h3></div><ul class="gk-icons cf">
{gk_links}
  </ul></div>
  <div class="row cf">
    <div class="index-hd fl"><div class="bt-box-title"><h3><a href="{f("互动交流").url}">互动交流</a></h3></div>
      <div class="hd-links"><a href="{R.href(mail.url)}">市长信箱</a><a href="{zx.url}">网上咨询</a><a href="{f("互动交流", "在线访谈").url}">在线访谈</a><a href="{f("互动交流", "征集调查").url}">征集调查</a></div>
      <table class="hd-table" width="100%"><tr class="th"><td>信件标题</td><td width="90">来信时间</td><td width="60">状态</td></tr>
{letters}
      </table></div>
    <div class="index-fw fr"><div class="bt-box-title"><h3><a href="{f("政务服务").url}">政务服务</a></h3></div>
      <ul class="fw-links"><li><a href="{f("政务服务", "办事指南").url}">办事指南</a></li><li><a href="{f("政务服务", "便民服务").url}">便民服务</a></li><li><a href="{R.zwfw(p)}" target="_blank">政务服务网</a></li></ul>
      <div class="ndbb"><a href="{form.url}" target="_blank"><img src="/images/{t}/ndbb.png" alt="政府网站工作年度报表" /></a></div></div>
  </div>
  <div class="index-zt"><div class="bt-box-title"><h3><a href="{topics.url}">专题专栏</a></h3></div><ul class="zt-banners cf">
{banners}
  </ul></div>
  <div class="index-links"><select onchange="if(this.value)window.open(this.value)"><option value="">--国家部委网站--</option><option value="http://www.gov.cn/">中国政府网</option></select>
  <select onchange="if(this.value)window.open(this.value)"><option value="">--省市网站--</option><option value="{R.PROVINCE_SITES[p.abbr][0]}">{p.province}人民政府</option></select></div>
</div>
<script>showToday("today");</script>"""
    metas = R.site_metas(p) + [("ColumnName", "首页"), ("ColumnDescription", ""), ("ColumnKeywords", ""), ("ColumnType", "")]
    return R.page(p, p.gov, metas, body, css="index", inner=False), newest
