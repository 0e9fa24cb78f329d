"""Page understanding on small hand-written pages: list rows, pagination, breadcrumbs, kinds."""
import json
from datetime import date
from urllib.parse import parse_qs, urljoin, urlsplit

import pytest

from crawler.understand import jpaas
from crawler.understand.page import read_page, rows_from_fragments
from crawler.understand.urls import Joiner, same_site

TODAY = date(2020, 1, 5)


def page(body: str, head: str = "") -> str:
    return f"<!DOCTYPE html><html><head><meta charset='utf-8'>{head}<title>t</title></head><body>{body}</body></html>"


NAV = "<div class='nav'><a href='/'>首页</a><a href='/zwgk/'>政务公开</a><a href='/hdjl/'>互动交流</a></div>"


def test_ul_rows_with_spans_and_truncated_titles():
    html = page(NAV + """
      <div class="crumb">当前位置：<a href="/">首页</a> &gt; <a href="/zwgk/">政务公开</a> &gt; <a href="/zwgk/tzgg/">通知公告</a></div>
      <ul class="list">
        <li><a href="./201912/t20191223_1.html" title="罗庄区人民政府关于做好2020年元旦春节期间有关工作的通知">罗庄区人民政府关于做好2020年元旦…</a><span>2019-12-23</span></li>
        <li><a href="./201912/t20191220_2.html">关于开展安全生产检查的通知</a><span>2019-12-20</span></li>
        <li><a href="./201911/t20191101_3.html">关于征求意见的公告</a><span>2019-11-01</span></li>
      </ul>""")
    view = read_page("http://x.gov.cn/zwgk/tzgg/index.html", html, today=TODAY)
    assert view.kind == "column"
    assert [r.date for r in view.rows] == [date(2019, 12, 23), date(2019, 12, 20), date(2019, 11, 1)]
    assert view.rows[0].title == "罗庄区人民政府关于做好2020年元旦春节期间有关工作的通知"
    assert view.rows[0].url == "http://x.gov.cn/zwgk/tzgg/201912/t20191223_1.html"
    assert view.chain == [("政务公开", "http://x.gov.cn/zwgk/"), ("通知公告", "http://x.gov.cn/zwgk/tzgg/")]


def test_table_rows_with_date_cells_and_yearless_dates():
    html = page("""<table><tr><th>标题</th><th>日期</th></tr>
      <tr><td><a href="/a/1.html">区政府常务会议召开</a></td><td>[12-30]</td></tr>
      <tr><td><a href="/a/2.html">区长调研重点项目</a></td><td>[12-23]</td></tr></table>""")
    view = read_page("http://x.gov.cn/ywdt/", html, today=TODAY)
    assert [(r.title, r.date) for r in view.rows] == [
        ("区政府常务会议召开", date(2019, 12, 30)), ("区长调研重点项目", date(2019, 12, 23))]


def test_rows_holding_extra_links_and_dates_inside_the_link():
    html = page("""<ul>
      <li><a href="/p/1.html" title="关于印发某方案的通知">关于印发某方案的通知</a>
          <div class="pop"><a href="/jd/1.html">相关解读</a></div><span>2019年12月02日</span></li>
      <li><a href="/p/2.html">关于印发另一方案的通知</a><span>2019年11月12日</span></li></ul>
      <div class="news"><a href="/n/1.html"><b>镇政府召开会议</b><i>2019-10-09</i></a>
      <a href="/n/2.html"><b>镇政府开展检查</b><i>2019-10-08</i></a></div>""")
    view = read_page("http://x.gov.cn/zcwj/", html, today=TODAY)
    got = {(r.url.rsplit("/", 2)[-2] + "/" + r.url.rsplit("/", 1)[-1], r.date) for r in view.rows}
    assert ("p/1.html", date(2019, 12, 2)) in got
    assert ("p/2.html", date(2019, 11, 12)) in got
    assert ("n/1.html", date(2019, 10, 9)) in got
    assert not any("jd/" in r.url for r in view.rows)


def test_navigation_and_friendly_links_are_not_rows():
    html = page(NAV + "<ul><li><a href='http://www.gov.cn/'>中国政府网</a></li><li><a href='/x'>山东省政府</a></li></ul>")
    view = read_page("http://x.gov.cn/", html, today=TODAY, is_home=True)
    assert view.rows == []


def test_empty_column_says_so():
    html = page(NAV + "<div>当前位置：<a href='/'>首页</a> > <a href='/bmkx/'>部门快讯</a></div><div class='list'>暂无信息</div>")
    view = read_page("http://x.gov.cn/bmkx/", html, today=TODAY)
    assert view.kind == "column" and view.rows == [] and view.empty_marker


@pytest.mark.parametrize("pager, expected", [
    ("""共45条 共3页 <a href="index.html">首页</a> <a href="index.html">上一页</a> <a href="index.html">1</a>
        <a href="index_1.html">2</a> <a href="index_2.html">3</a> <a href="index_1.html">下一页</a> <a href="index_2.html">尾页</a>""",
     ["index_1.html", "index_2.html"]),
    ("""<div class="page"><a href="?page=2">下一页</a><a href="?page=9">尾页</a></div>""", ["list.jsp?page=2", "list.jsp?page=9"]),
    ("""<script>createPageHTML(4, 0, "index", "shtml");</script>""", ["index_1.shtml", "index_2.shtml", "index_3.shtml"]),
    ("""<div id="page_div"></div><script>createPageHTML('page_div', 3, 1, 'xlist', 'shtml', 45);</script>""",
     ["xlist_2.shtml", "xlist_3.shtml"]),
    # only a jump box; the 友情链接 box beside it is no pager
    ("""页次：1/3页 转到 <select onchange="window.location.href=this.options[this.selectedIndex].value">
        <option value="index.html" selected>第1页</option><option value="index_2.html">第2页</option>
        <option value="index_3.html">第3页</option></select>
        <select onchange="window.open(this.value)"><option>友情链接</option><option value="http://www.gov.cn/">中国政府网</option>
        <option value="http://www.sd.gov.cn/">山东省人民政府</option></select>""", ["index_2.html", "index_3.html"]),
])
def test_pagination(pager, expected):
    rows = "".join(f"<li><a href='/a/{i}.html'>标题{i}</a><span>2019-12-{i:02d}</span></li>" for i in range(1, 4))
    html = page(f"<div>当前位置：<a href='/'>首页</a> > <a href='list.jsp'>通知</a></div><ul>{rows}</ul>{pager}")
    base = "http://x.gov.cn/tzgg/"
    view = read_page(base + ("list.jsp" if "page=" in pager else "index.html"), html, today=TODAY)
    assert view.pages == [base + e for e in expected]
    assert len(view.rows) == 3


def test_article_page_dates_fields_and_attachments():
    html = page("""<div>当前位置：<a href="/">首页</a> &gt; <a href="/zfxxgk/">政府信息公开</a> &gt; <a href="/zfxxgk/gfxwj/">规范性文件</a></div>
      <table class="meta"><tr><td>索引号：</td><td>11371311MB2837582X/2019-00123</td><td>发布机构：</td><td>区政府办公室</td></tr>
      <tr><td>成文日期：</td><td>2019年07月23日</td><td>公开日期：</td><td>2019年07月25日</td></tr>
      <tr><td>文号：</td><td>罗政办字〔2019〕27号</td><td>有效性：</td><td>现行有效</td></tr></table>
      <h1>罗庄区人民政府办公室关于印发《2019年罗庄区政务公开工作要点》的通知</h1>
      <div class="info">发布时间：2019-07-26 09:31 来源：区政府办公室</div>
      <div class="content"><p>各街道办事处、镇政府，区政府有关部门：</p><p>现印发给你们，请认真抓好落实。</p>
      附件：<a href="./P020190726.pdf">工作要点.pdf</a></div>""",
                head='<meta name="PubDate" content="2019-07-26 09:31">')
    view = read_page("http://x.gov.cn/zfxxgk/gfxwj/201907/t20190726_9.html", html, today=TODAY)
    assert view.kind == "article"
    assert view.title.startswith("罗庄区人民政府办公室关于印发")
    assert view.dates == {"meta": date(2019, 7, 26), "table": date(2019, 7, 25),
                          "article": date(2019, 7, 26), "url": date(2019, 7, 26)}
    assert view.written_date == date(2019, 7, 23)
    assert view.fields["文号"] == "罗政办字〔2019〕27号"
    assert view.fields["索引号"] == "11371311MB2837582X/2019-00123"
    assert view.attachments == [{"url": "http://x.gov.cn/zfxxgk/gfxwj/201907/P020190726.pdf", "name": "工作要点.pdf"}]
    assert view.chain[-1] == ("规范性文件", "http://x.gov.cn/zfxxgk/gfxwj/")


def test_footer_identity():
    html = page("<div class='footer'>主办单位：罗庄区人民政府办公室 网站标识码：3713110001 "
                "<a href='http://beian.miit.gov.cn'>鲁ICP备05012345号</a> <a href='#'>鲁公网安备 37131102000123号</a></div>")
    view = read_page("http://x.gov.cn/", html, today=TODAY, is_home=True)
    assert view.footer == {"site_id_code": "3713110001", "icp": "鲁ICP备05012345号",
                           "police_record": "鲁公网安备 37131102000123号"}


def test_footer_identity_worded_as_older_sites_word_it():
    html = page("<p>网站识别码3713290012&nbsp;|&nbsp;鲁ICP备05012345号</p>")
    assert read_page("http://x.gov.cn/", html, today=TODAY, is_home=True).footer["site_id_code"] == "3713290012"


def test_an_asp_article_dated_only_by_its_update_time():
    html = page("""<table><tr><td>您现在的位置：<a href="/">首页</a> &gt;&gt; <a href="/channel/57.html">部门动态</a> &gt;&gt; 正文</td></tr>
      <tr><td class="wz_bt">县行政审批服务局扎实推进社会救助各项工作</td></tr>
      <tr><td>【来源：县行政审批服务局】【更新时间：2019/11/4 16:14:00】【点击：<span id="hits">0</span>】</td></tr>
      <tr><td><p>近日，县行政审批服务局召开专题会议。</p></td></tr></table>""")
    view = read_page("http://x.gov.cn/content/2019-11/02/content_4773.html", html, today=TODAY)
    assert view.kind == "article" and view.dates["article"] == date(2019, 11, 4)


def test_a_link_after_a_block_is_not_a_row_of_the_layout_table():
    """A home-page block in a layout table: a dated <ul>, then a lone link in a <p>; the
    table row around both is no list row, so the lone link takes no date from the block."""
    rows = "".join(f"<li><span>[12-{d:02d}]</span>·<a href='/content/{d}.html'>公告{d}</a></li>" for d in (28, 25, 20))
    html = page(f"<table><tr><td><div>公示公告 <a href='/channel/66.html'>更多&gt;&gt;</a></div><ul>{rows}</ul>"
                "<p><img src='/bb.png'> <a href='/content/report.html'>2018年度工作报表</a></p></td><td>其他</td></tr></table>")
    view = read_page("http://x.gov.cn/", html, today=TODAY, is_home=True)
    assert [r.url for r in view.rows] == [f"http://x.gov.cn/content/{d}.html" for d in (28, 25, 20)]


def test_a_letters_list_with_a_cell_for_each_date():
    """信件编号 | 标题 | 来信时间 | 回复时间 | 状态: the cells' dates stay apart, and a page whose
    breadcrumb ends in its own unlinked name is still a list, not an article."""
    letters = "".join(f"<tr><td>XZXX2019120{d}749</td><td><a href='xj_{d}.htm' title='来信{d}'>来信{d}</a></td>"
                      f"<td>2019-12-0{d}</td><td>2019-12-1{d}</td><td>已回复</td></tr>" for d in range(1, 10))
    html = page("<div>当前位置：<a href='/index.html'>网站首页</a> &gt; <a href='/channel/90.html'>互动交流</a> &gt; 县长信箱</div>"
                "<table><tr><td>信件编号</td><td>信件标题</td><td>来信时间</td><td>回复时间</td><td>状态</td></tr>"
                f"{letters}</table>", head="<title>县长信箱-青岚县人民政府</title>")
    view = read_page("http://x.gov.cn/hdjl/xzxx/list.asp?page=2", html, today=TODAY,
                     column_url="http://x.gov.cn/hdjl/xzxx/list.asp")
    assert view.kind == "column" and len(view.rows) == 9
    assert view.rows[0].date == date(2019, 12, 1)
    assert view.chain[-1] == ("县长信箱", "http://x.gov.cn/hdjl/xzxx/list.asp")


def test_a_form_for_the_public_is_neither_a_list_nor_an_item():
    html = page("<div>当前位置：<a href='/'>首页</a> &gt; <a href='/hdjl/xzxx/list.asp'>县长信箱</a> &gt; 我要写信</div>"
                "<form method='post'><table><tr><td>信件标题：</td><td><input name='bt'></td></tr>"
                "<tr><td>信件内容：</td><td><textarea name='nr'></textarea></td></tr></table></form>",
                head="<title>我要写信-县长信箱</title>")
    assert read_page("http://x.gov.cn/hdjl/xzxx/write.asp", html, today=TODAY).kind == "other"
    # an article with a comment box under it is still an article
    commented = page("<h1>区政府召开常务会议</h1><p>会议研究了有关事项。</p><form><textarea name='pl'></textarea></form>",
                     head="<meta name='PubDate' content='2019-12-30 09:00'>")
    assert read_page("http://x.gov.cn/a/t20191230_1.html", commented, today=TODAY).kind == "article"


def test_a_frameset_home_page_and_an_image_map_lead_on():
    html = ("<html><head><meta charset='utf-8'><title>测试县人民政府</title></head><frameset rows='120,*'>"
            "<frame src='top.html'><frame src='main.html'></frameset></html>")
    assert {l.url for l in read_page("http://x.gov.cn/", html, is_home=True).links} == {
        "http://x.gov.cn/top.html", "http://x.gov.cn/main.html"}
    html = page("<img src='nav.png' usemap='#nav'><map name='nav'><area shape='rect' coords='0,0,80,30' "
                "href='/zwgk/index.html' alt='政务公开'></map>")
    assert ("http://x.gov.cn/zwgk/index.html", "政务公开") in {(l.url, l.anchor) for l in read_page("http://x.gov.cn/", html).links}


def test_letter_fields_whose_label_stands_alone():
    html = page("<h2>反映人民路沿街店铺占道经营</h2><dl><dt>来信人：</dt><dd>彭**</dd><dt>来信时间：</dt><dd>2019-07-05 12:38:42</dd>"
                "<dt>办理状态：</dt><dd>已办结</dd></dl><div class='a'><div><span class='lbl'>答复单位：</span><span>区民政局</span></div>"
                "<div><span class='lbl'>答复时间：</span><span>2019-07-07 08:41:40</span></div>"
                "<div><span class='lbl'>答复内容：</span><div class='con'>您反映的问题已收悉。</div></div></div>")
    fields = read_page("http://x.gov.cn/hdjl/qzxx/detail_1.html", html, today=TODAY).fields
    assert fields == {"来信人": "彭**", "来信时间": "2019-07-05 12:38:42", "办理状态": "已办结", "答复单位": "区民政局",
                      "答复时间": "2019-07-07 08:41:40", "答复内容": "您反映的问题已收悉。"}


def test_a_crumb_box_drawn_with_icons_and_a_home_linked_as_its_folder():
    html = page("<div class='crumb'><a href='../../'>首页</a><i class='icon-arrow'></i><a href='../'>专题专栏</a>"
                "<i class='icon-arrow'></i><a href='./'>优化营商环境</a></div><ul>"
                + "".join(f"<li><a href='./a{i}.html'>营商环境信息{i}</a><span>2019-12-0{i}</span></li>" for i in range(1, 4)) + "</ul>")
    view = read_page("http://x.gov.cn/ztzl/yhyshj/index.html", html, today=TODAY, home_url="http://x.gov.cn/index.html")
    assert view.chain == [("专题专栏", "http://x.gov.cn/ztzl/"), ("优化营商环境", "http://x.gov.cn/ztzl/yhyshj/")]
    assert view.kind == "column"


def test_an_undated_page_whose_breadcrumb_ends_at_its_column_is_an_item():
    crumb = "<div>当前位置：<a href='/'>首页</a> &gt; <a href='/zwfw/'>政务服务</a> &gt; <a href='/zwfw/bmfw/'>便民服务</a></div>"
    guide = read_page("http://x.gov.cn/zwfw/bmfw/jtcx.html", page(crumb + "<h1>交通出行</h1><p>服务地点：行政服务中心。</p>"),
                      today=TODAY, home_url="http://x.gov.cn/")
    assert guide.kind == "article" and guide.chain[-1] == ("便民服务", "http://x.gov.cn/zwfw/bmfw/")
    own = read_page("http://x.gov.cn/zwfw/bmfw/index.html", page(crumb + "<div>便民服务</div>"), today=TODAY,
                    home_url="http://x.gov.cn/")
    assert own.kind == "column"


def test_broken_html_is_not_fatal():
    for html in ["", "   ", "<html><body><ul><li><a href='/x'>无结尾", "\x00\x01garbage"]:
        view = read_page("http://x.gov.cn/a.html", html, today=TODAY)
        assert view.kind in ("other", "column")


TITLE = "罗庄区人民政府关于印发2019年政务公开工作要点的通知"


@pytest.mark.parametrize("codec, header, meta", [
    ("gbk", "text/html; charset=GBK", ""),
    ("gb2312", "text/html", '<meta http-equiv="Content-Type" content="text/html; charset=gb2312">'),
    ("gb18030", "text/html", '<meta charset="gb18030">'),
    ("gbk", "text/html", ""),                                   # declared nowhere
    ("gbk", "text/html; charset=utf-8", '<meta charset="utf-8">'),  # mislabelled as UTF-8
    ("utf-8", "text/html; charset=gbk", ""),                    # mislabelled as GBK
])
def test_encodings_never_give_mojibake(codec, header, meta):
    from crawler.understand.encoding import decode
    body = page(f"<h1>{TITLE}</h1><div>发布时间：2019年12月23日</div>", head=meta).encode(codec)
    text, _ = decode(body, header)
    view = read_page("http://x.gov.cn/a/t20191223_1.html", text, today=TODAY)
    assert view.title == TITLE
    assert view.dates["article"] == date(2019, 12, 23)


def test_hanweb_embedded_records_and_dataproxy_requests():
    records = "".join(
        f"<record><![CDATA[<li><a href='/art/2019/12/{d}/art_1_{d}.html' title='标题{d}'>标题{d}</a><span>2019-12-{d:02d}</span></li>]]></record>"
        for d in (23, 20, 18))
    html = page(f"""<div id="4321"><script type="text/xml"><datastore><nextgroup><![CDATA[<a href="/module/web/jpage/dataproxy.jsp?page=1"></a>]]></nextgroup>
      <recordset>{records}</recordset></datastore></script></div>
      <script>var param_4321 = {{col:1,webid:3,path:'/',columnid:1234,unitid:'4321',permissiontype:0}};
      $(function(){{$('#4321').jpage({{totalRecord:10,proxyUrl:'/module/web/jpage/dataproxy.jsp',perPage:3,groupSize:2,ajaxParam:param_4321}});}});</script>""")
    view = read_page("http://x.gov.cn/col/col1234/index.html", html, today=TODAY)
    assert [r.date.day for r in view.rows] == [23, 20, 18]
    assert view.kind == "column" and view.pages == []
    assert [u for u, _ in view.data_requests] == [
        "http://x.gov.cn/module/web/jpage/dataproxy.jsp?startrecord=4&endrecord=9&perpage=3",
        "http://x.gov.cn/module/web/jpage/dataproxy.jsp?startrecord=10&endrecord=10&perpage=3"]
    assert view.data_requests[0][1]["columnid"] == "1234"


def _datastore(records: str) -> str:
    return (f"<div id='4321'><script type='text/xml'><datastore><nextgroup><![CDATA[<a href='/module/web/jpage/"
            f"dataproxy.jsp?page=1'></a>]]></nextgroup><recordset>{records}</recordset></datastore></script></div>")


def test_hanweb_records_are_rows_dated_or_not_and_make_the_page_a_list():
    pictures = "".join(f"<record><![CDATA[<li><a href='/art/2019/12/{d}/art_7_{d}.html' title='图片新闻{d}'>"
                       f"<img src='/picture/0/{d}.jpg'></a><p><a href='/art/2019/12/{d}/art_7_{d}.html'>图片新闻{d}</a></p>"
                       "</li>]]></record>" for d in (23, 20, 18))
    view = read_page("http://x.gov.cn/col/col7/index.html", page(_datastore(pictures)), today=TODAY)
    assert [(r.title, r.date) for r in view.rows] == [("图片新闻23", None), ("图片新闻20", None), ("图片新闻18", None)]
    # three 信息公开 records under a 索引号 | 名称 | 文号 header: still the column's list, not an article
    catalogue = "".join(f"<record><![CDATA[<tr><td>11371311MB2837582X/2019-0000{d}</td><td><a href='/art/2019/12/{d}/"
                        f"art_9_{d}.html'>机构职能{d}</a></td><td>澄政发〔2019〕{d}号</td><td>2019-12-{d}</td></tr>]]></record>"
                        for d in (23, 20, 18))
    html = page("<table><tr><th>索引号</th><th>名称</th><th>文号</th><th>生成日期</th></tr></table>" + _datastore(catalogue))
    view = read_page("http://x.gov.cn/col/col9/index.html", html, today=TODAY)
    assert view.kind == "column" and [r.date.day for r in view.rows] == [23, 20, 18]


def test_jpaas_unit_script_and_its_answer():
    """A 集约化 column shows no rows: its unit script names the API request; the answer's
    pager (count, rows) names the further pages; an answer for a later page names none."""
    script = ("<div class='crumb'>当前位置：<a href='/'>首页</a> &gt; <a href='/col/col77/index.html'>通知公告</a></div>"
              "<script src='/u.js' url='/api-gateway/jpaas-publish-server/front/page/build/unit' "
              "queryData=\"{'webId':'9','tagId':'列表','pageId':'77'}\"></script>")
    view = read_page("http://x.gov.cn/col/col77/index.html", page(NAV + script), today=TODAY)
    unit = "http://x.gov.cn/api-gateway/jpaas-publish-server/front/page/build/unit"
    assert view.kind == "column" and view.rows == []
    assert view.data_requests == [(f"{unit}?webId=9&tagId=%E5%88%97%E8%A1%A8&pageId=77", None)]

    rows = "".join(f"<li><a href='/art/{d}.html' title='标题{d}'>标题{d}</a><span>2019-12-{d:02d}</span></li>" for d in (9, 8))
    pager = """<table rows="2" count="5" pageNo="1" queryData="{'webId':'9','pageId':'77'}"></table>"""
    answer = json.dumps({"success": True, "data": {"html": f"<ul>{rows}</ul>{pager}"}})
    html, more = jpaas.read_answer(answer, view.data_requests[0][0], Joiner(unit))
    assert [r.title for r in rows_from_fragments([html], Joiner(unit), TODAY)] == ["标题9", "标题8"]
    assert [parse_qs(urlsplit(u).query)["paramJson"] for u in more] == \
        [['{"pageNo":2,"pageSize":2}'], ['{"pageNo":3,"pageSize":2}']]
    assert jpaas.read_answer(answer, more[0], Joiner(unit))[1] == []
    assert jpaas.read_answer("<html>error page</html>", unit, Joiner(unit)) == ("", [])


@pytest.mark.parametrize("base", ["http://x.gov.cn/", "http://x.gov.cn/a/", "http://x.gov.cn/a/b/c.html",
                                  "http://x.gov.cn/a/b/list.jsp?page=2", "https://x.gov.cn:8080/a/index.shtml",
                                  "http://x.gov.cn/a//b/c.html", "http://x.gov.cn"])
def test_relative_links_resolve_as_urljoin_does(base):
    hrefs = ["x.html", "./x.html", "../x.html", "../../x.html", "../../../../x.html", "./201912/t20191201_1.html",
             "././x", ".././x", "a/b?c=1", "x/", "../", "./", "..", ".", "?page=3", "a/../b", "a/./b",
             "../a/b.html?x=1", "中文.html", "./a?b=../c", "x.html#top"]
    join = Joiner(base)
    assert [join(h) for h in hrefs] == [urljoin(base, h).split("#")[0] for h in hrefs]


def test_a_link_to_the_site_over_its_other_scheme_is_the_same_page():
    join = Joiner("https://www.x.gov.cn/col/col12/index.html", same_site({"www.x.gov.cn"}, "https"))
    assert join("http://www.x.gov.cn/art/2019/12/30/art_12_1.html") == "https://www.x.gov.cn/art/2019/12/30/art_12_1.html"
    assert join("HTTP://WWW.X.GOV.CN/a.html") == "https://www.x.gov.cn/a.html"
    assert join("http://www.gov.cn/a.html") == "http://www.gov.cn/a.html"
    assert join("./art_1.html") == "https://www.x.gov.cn/col/col12/art_1.html"


def test_links_written_the_old_way_resolve_to_one_url():
    join = Joiner("http://x.gov.cn/col/col12/index.html")
    assert join("HTTP://www.x.gov.cn/a.html") == "http://www.x.gov.cn/a.html"
    assert join("/art/2019/12/30/art_12_345.html;jsessionid=0A1B2C3D?x=1") == "http://x.gov.cn/art/2019/12/30/art_12_345.html?x=1"
    assert join("list.jsp;JSESSIONID=ab12") == "http://x.gov.cn/col/col12/list.jsp"
    assert join("ftp://x.gov.cn/a") is None and join("weixin://x") is None
