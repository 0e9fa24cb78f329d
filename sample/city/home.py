"""The home page: a headline slider, tabbed news and notice blocks with 更多 links, the
政府信息公开 entries and policy tabs, the 年度报表 badge, a services grid, the letters and the
topic banners (one of them to a topic since removed)."""
from __future__ import annotations

from . import text
from .model import City
from .render import E, cut, page

HOME = "/index.html"


def _tab(cty: City, tab_id: str, cols: list, n: int, fmt: str, width: int = 28) -> tuple:
    heads, bodies, shown = [], [], []
    for k, col in enumerate(cols, 1):
        items = [it for it in col.items if it.when][:n]
        shown += items
        lis = "".join(f'<li><a href="{it.url}" title="{E(it.title)}" target="_blank">{E(cut(it.title, width))}</a>'
                      f'<span class="date">{it.when.strftime(fmt)}</span></li>' for it in items)
        heads.append(f'<li class="tab__hd-item{" on" if k == 1 else ""}" data-tab="{tab_id}-{k}">{col.name}</li>')
        hide = "" if k == 1 else ' style="display:none"'
        bodies.append(f'<div class="tab__bd" id="{tab_id}-{k}"{hide}>'
                      f'<ul class="list-home">{lis}</ul><a class="more" href="{col.url}" target="_blank">更多</a></div>')
    html = (f'<div class="tab" id="{tab_id}"><ul class="tab__hd flex">{"".join(heads)}</ul>'
            f'{"".join(bodies)}</div>')
    return html, shown


def home(cty: City) -> tuple:
    """The page and the newest date it shows."""
    f = cty.find
    _, platform, zwfw = text.PROVINCES[cty.prov]
    today = f("新闻中心", f"今日{cty.short}")
    slides = today.items[:5]
    slider = "".join(f'<li><a href="{it.url}" target="_blank"><img src="{it.url.rsplit("/", 1)[0]}/{it.image}" alt="{E(it.title)}">'
                     f'<p class="slider__tit">{E(it.title)}</p></a></li>' for it in slides)
    lead = f("新闻中心", "区内要闻").items[0]
    news, shown = _tab(cty, "tab-news", [today, f("新闻中心", "区内要闻"), f("新闻中心", "部门信息"),
                                         f("新闻中心", "街道信息")], 7, "%m-%d")
    notices, s2 = _tab(cty, "tab-tz", [f("新闻中心", "通知公告"), f("新闻中心", "公示公告")], 6, "%Y-%m-%d", 24)
    policies, s3 = _tab(cty, "tab-zc", [f("政府信息公开", "政策文件", "区政府文件"),
                                        f("政府信息公开", "政策文件", "区政府办公室文件"),
                                        f("政府信息公开", "政策解读")], 6, "%Y-%m-%d", 26)
    gov = f("政府信息公开", "区政府")
    entries = "".join(f'<a class="gk-entry" href="{e.url}" target="_blank"><img src="/images/icon/gk{k + 1}.png" alt=""><span>{e.name}</span></a>'
                      for k, e in enumerate(gov.children))
    box = f("互动交流", "区长信箱")
    letters = box.items[:6]
    s4 = letters
    lrows = "".join(f'<li class="flex"><a href="{it.url}" title="{E(it.title)}" target="_blank">{E(cut(it.title, 22))}</a>'
                    f'<em class="st">{it.letter.status}</em><span class="date">{it.when:%Y-%m-%d}</span></li>' for it in letters)
    services = [("个人办事", f"https://{zwfw}/col/col1229/index.html?areacode={cty.region}000000", 1),
                ("法人办事", f"https://{zwfw}/col/col1230/index.html?areacode={cty.region}000000", 2),
                ("办事指南", f("政务服务", "办事指南").url, 3), ("便民服务", f("政务服务", "便民服务").url, 4),
                ("好差评", f"https://{zwfw}/hcp/index.html", 5), ("政策兑现", f"https://{zwfw}/zcdx/", 6),
                ("证照查询", f"https://{zwfw}/zzcx/", 7), ("在线咨询", f("互动交流", "咨询投诉").url, 8)]
    grid = "".join(f'<a class="fw-grid__item" href="{u}" target="_blank"><img src="/images/icon/fw{k}.png" alt=""><span>{n}</span></a>'
                   for n, u, k in services)
    zt = f("专题专栏")
    banners = [(c.name, c.url) for c in zt.children if c.slug != "lszt"] + [("生活垃圾分类 从我做起", cty.removed_topic)]
    bn = "".join(f'<a class="zt-banner" href="{u}" target="_blank"><img src="/images/zt/banner{k + 1}.png" alt="{E(n)}"></a>'
                 for k, (n, u) in enumerate(banners))
    form = cty.annual_form
    body = f"""<div class="g-main w1200 home">
<div class="home-top flex">
  <div class="slider" id="slider"><ul class="slider__list">{slider}</ul><div class="slider__dots"></div></div>
  <div class="home-news">
    <div class="headline"><h2><a href="{lead.url}" title="{E(lead.title)}" target="_blank">{E(cut(lead.title, 26))}</a></h2>
    <p>{E(lead.paras[1][:60])}……<a href="{lead.url}" target="_blank">[详细]</a></p></div>
    {news}
  </div>
</div>
<script type="text/javascript">$(function(){{ $("#slider").slide({{mainCell:".slider__list",titCell:".slider__dots",effect:"fold",autoPlay:true,interTime:4000,autoPage:"<span></span>"}}); tabs("tab-news"); tabs("tab-tz"); tabs("tab-zc"); }});</script>
<div class="home-zt flex">{bn}</div>
<div class="home-mid flex">
  <div class="home-tz">{notices}</div>
  <div class="home-gk">
    <div class="home-gk__hd flex-between"><h3>政府信息公开</h3><a class="more" href="{f("政府信息公开").url}" target="_blank">更多</a></div>
    <div class="gk-entries flex">{entries}</div>
    {policies}
  </div>
</div>
<div class="home-fw">
  <div class="home-fw__hd flex-between"><h3>政务服务</h3><a class="more" href="{f("政务服务").url}" target="_blank">更多</a></div>
  <div class="fw-grid flex-wrap">{grid}</div>
</div>
<div class="home-bottom flex">
  <div class="home-hd">
    <div class="home-hd__hd flex-between"><h3>区长信箱</h3><a class="more" href="{box.url}" target="_blank">更多</a></div>
    <ul class="list-letter">{lrows}</ul>
    <div class="home-hd__btns"><a href="{box.dir}write.html" target="_blank">我要写信</a><a href="{f("互动交流", "意见征集").url}" target="_blank">意见征集</a></div>
  </div>
  <div class="home-ndbb"><a href="{form.url}" target="_blank"><img src="/images/ndbb.png" alt="政府网站工作年度报表"><span>政府网站工作年度报表</span></a></div>
</div>
</div>
"""
    newest = max(it.day for it in shown + s2 + s3 + s4)
    return page(cty, cty.site_name, body), newest
