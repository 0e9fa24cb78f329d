"""The home page (GBK): a script-driven focus picture box, 政务要闻 with a headline, 公示公告,
乡镇动态/部门动态 behind mouse-over tabs, the 政务公开 entrance, the newest letters, the
topics (one of them removed long ago, its banner still linked) and a 友情链接 jump box."""
from __future__ import annotations

from .model import County
from .render import cut, esc, page, picture


def _dated(items: list, n: int, bracket: bool) -> str:
    return "".join(f'<li><span>{"[" if bracket else ""}{it.day:%m-%d}{"]" if bracket else ""}</span>·<a href="{it.url}" '
                   f'title="{esc(it.title)}" target="_blank">{cut(it.title, 22)}</a></li>' for it in items[:n])


def _title(name: str, url: str, width: str = "100%") -> str:
    return (f'<table width="{width}" border="0" cellspacing="0" cellpadding="0" class="sy_tit"><tr><td class="tit_txt">{name}</td>'
            f'<td align="right" class="tit_more"><a href="{url}">更多&gt;&gt;</a></td></tr></table>')


def home(cty: County) -> str:
    f = cty.find
    news, notice = f("新闻中心", "政务要闻"), f("新闻中心", "公示公告")
    towns, depts, pics = f("新闻中心", "乡镇动态"), f("新闻中心", "部门动态"), f("新闻中心", "图片新闻")
    mailbox, zfxxgk = f("互动交流", "县长信箱"), f("政务公开", "政府信息公开")
    gov = zfxxgk.children[0]
    head, rest = news.items[0], news.items[1:]
    focus = pics.items[:5]
    js = lambda xs: "|".join(xs)
    letters = "".join(f'<li><a href="{it.url}" target="_blank" title="{esc(it.title)}">{cut(it.title, 18)}</a>'
                      f'<span>{"已回复" if it.letter.replied else "办理中"}</span></li>' for it in mailbox.items[:5])
    entrance = [("政府信息公开指南", gov.children[0].url), ("政府信息公开制度", gov.children[1].url),
                ("政府信息公开目录", zfxxgk.url), ("政府信息公开年报", gov.children[3].url),
                ("政策文件", f("政务公开", "政策文件").url), ("政策解读", f("政务公开", "政策解读").url)]
    gk = "".join(f'<li><a href="{u}">{n}</a></li>' for n, u in entrance)
    service = "".join(f'<li><a href="{c.url}">{esc(c.name)}</a></li>'
                      for c in (f("办事服务", "办事指南", "个人办事"), f("办事服务", "办事指南", "法人办事"), f("办事服务", "便民服务")))
    topics = f("专题专栏")
    banners = "".join(f'<td align="center"><a href="{c.url}" target="_blank"><img src="/images/zt/zt{k + 1}.png" width="320" '
                      f'height="80" border="0" alt="{esc(c.name)}" /></a></td>' for k, c in enumerate(topics.children))
    banners += (f'<td align="center"><a href="{cty.removed_topic}" target="_blank"><img src="/images/zt/zt9.png" width="320" '
                f'height="80" border="0" alt="“不忘初心、牢记使命”主题教育" /></a></td>')
    friends = "".join(f'<option value="{u}">{n}</option>' for n, u in (
        ("中国政府网", "http://www.gov.cn/"), ("山东省人民政府", "http://www.shandong.gov.cn/"),
        (f"{cty.city}人民政府", "http://www.linyue.gov.cn/")))
    body = f"""<table width="1002" border="0" align="center" cellpadding="0" cellspacing="0" class="sy_row">
  <tr>
    <td width="400" valign="top"><div id="focus"><script type="text/javascript">
var focus_width=400; var focus_height=280; var text_height=24;
var pics="{js(picture(cty, it) for it in focus)}";
var links="{js(it.url for it in focus)}";
var texts="{js(esc(it.title) for it in focus)}";
showFocus(pics, links, texts, focus_width, focus_height, text_height);
</script></div></td>
    <td width="12"></td>
    <td valign="top">{_title("政务要闻", news.url)}
      <div class="toutiao"><a href="{head.url}" target="_blank" title="{esc(head.title)}"><b>{esc(head.title)}</b></a>
      <p>{esc(head.paras[0][:60])}…<a href="{head.url}" target="_blank">[详细]</a></p></div>
      <ul class="sy_list">{_dated(rest, 7, False)}</ul></td>
  </tr>
</table>
<table width="1002" border="0" align="center" cellpadding="0" cellspacing="0" class="sy_row">
  <tr>
    <td width="400" valign="top">{_title("公示公告", notice.url)}<ul class="sy_list">{_dated(notice.items, 7, True)}</ul>
      <p class="ndbb"><img src="/images/bb.png" width="16" height="16" /> <a href="{cty.annual_form.url}" target="_blank">{esc(cty.annual_form.title)}</a></p></td>
    <td width="12"></td>
    <td valign="top"><table width="100%" border="0" cellspacing="0" cellpadding="0" class="tab_tit"><tr>
      <td id="tab_1" class="tab_on" onmouseover="setTab(1,2)">乡镇动态</td><td id="tab_2" class="tab_off" onmouseover="setTab(2,2)">部门动态</td>
      <td align="right"><a href="{towns.url}" id="more_1">更多&gt;&gt;</a><a href="{depts.url}" id="more_2" style="display:none">更多&gt;&gt;</a></td></tr></table>
      <div id="con_1"><ul class="sy_list">{_dated(towns.items, 8, False)}</ul></div>
      <div id="con_2" style="display:none"><ul class="sy_list">{_dated(depts.items, 8, False)}</ul></div></td>
  </tr>
</table>
<table width="1002" border="0" align="center" cellpadding="0" cellspacing="0" class="sy_row">
  <tr>
    <td width="330" valign="top">{_title("政务公开", f("政务公开").url)}<ul class="gk_rk">{gk}</ul></td>
    <td width="12"></td>
    <td width="330" valign="top">{_title("县长信箱", mailbox.url)}<ul class="xx_list">{letters}</ul>
      <p align="center"><a href="/hdjl/xzxx/write.asp"><img src="/images/xx_btn.png" border="0" alt="我要写信" /></a></p></td>
    <td width="12"></td>
    <td valign="top">{_title("办事服务", f("办事服务").url)}<ul class="bs_list">{service}</ul></td>
  </tr>
</table>
<table width="1002" border="0" align="center" cellpadding="0" cellspacing="6" class="zt_row"><tr>{banners}</tr></table>
<table width="1002" border="0" align="center" cellpadding="0" cellspacing="0" class="yqlj"><tr>
  <td width="90" class="yqlj_tit">友情链接</td>
  <td><select onchange="if(this.value!='')window.open(this.value)"><option value="">---政府网站---</option>{friends}</select></td>
</tr></table>
"""
    return page(cty, f"{cty.name}人民政府", body)
