"""The county portal as data: the classes, the column tree and its URLs.

Three systems make up the portal, as on many county sites that grew over the years:
``chan`` an old home-grown CMS in GBK (``/channel/N.html``, articles
``/content/YYYY-MM/DD/content_N.html``), ``vsb`` a 博达 VSB 政务公开 platform added later, in UTF-8
(``/zwgk/….htm``, later pages numbered downward, articles ``/info/OWNER/N.htm``), and ``asp`` the
old letters system (``list.asp?page=N``)."""
from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import date, datetime

from sample.heldout import Dated, Node, Tree

from . import text


@dataclass(eq=False)
class Letter:
    writer: str
    question: str
    replied: date | None
    unit: str | None
    answer: str | None


@dataclass(eq=False)
class Item(Dated):
    column: "Column"
    title: str
    when: datetime | None            # publish time; None: an undated static page
    source: str = ""
    url: str = ""
    made: date | None = None         # the day the CMS created it (chan URLs carry it, not the publish day)
    doc_no: str | None = None
    written: date | None = None      # 成文日期
    index_no: str | None = None
    subject: str = ""
    paras: list = field(default_factory=list)
    attachments: list = field(default_factory=list)   # (label, url)
    links: list = field(default_factory=list)         # (label, Item or url) in the body
    letter: Letter | None = None


@dataclass(eq=False)
class Column(Node):
    name: str
    cls: str                  # ground-truth class
    cms: str                  # chan | vsb | asp
    layout: str               # how its list (or, for a parent, its blocks) is drawn
    pager: str = ""
    per_page: int = 15
    empty: str | None = None  # text an empty list shows
    slug: str = ""
    ident: int = 0            # chan channel id, VSB owner id
    unit: str | None = None
    parent: "Column | None" = None
    children: list = field(default_factory=list)
    items: list = field(default_factory=list)
    url: str = ""

    def page_url(self, k: int) -> str:
        """URL of list page k (1-based) as the site links it."""
        if k == 1:
            return self.url
        if self.cms == "chan":
            return f"/channel/{self.ident}_{k}.html"
        if self.cms == "vsb":             # VSB numbers later pages downward: the last page is 1.htm
            return f"{self.url[:-4]}/{self.n_pages - k + 1}.htm"
        return f"{self.url}?page={k}"


@dataclass(eq=False)
class County(Tree):
    seed: int
    as_of: date
    name: str
    pinyin: str
    abbr: str
    city: str
    site_id: str
    icp: str
    police: str
    secretary: str
    magistrate: str
    deputies: list
    roots: list = field(default_factory=list)
    hot: list = field(default_factory=list)          # 热点排行: items shown undated beside every list
    files: dict = field(default_factory=dict)        # attachment url -> (ext, title)
    removed_topic: str = ""                          # a home-page link to a channel that no longer exists
    annual_form: "Item | None" = None                # 政府网站工作年度报表, linked from the home page
    problems: list = field(default_factory=list)
    not_problems: list = field(default_factory=list)

    @property
    def domain(self) -> str:
        return f"www.{self.pinyin}.gov.cn"


# -- the tree ------------------------------------------------------------------------------------

def _col(name, cls, cms, layout, **kw) -> Column:
    children = kw.pop("children", [])
    c = Column(name, cls, cms, layout, **kw)
    for ch in children:
        ch.parent = c
        c.children.append(ch)
    return c


def tree(cty: County) -> list:
    chan = lambda name, cls, layout, **kw: _col(name, cls, "chan", layout, **kw)
    vsb = lambda name, slug, cls, layout, **kw: _col(name, cls, "vsb", layout, slug=slug, **kw)
    entries = lambda unit: [vsb("政府信息公开指南", "gkzn", "static", "win", unit=unit),
                            vsb("政府信息公开制度", "gkzd", "static", "win", unit=unit),
                            vsb("法定主动公开内容", "fdzdgk", "longterm", "cat", pager="vsb", unit=unit),
                            vsb("政府信息公开年报", "gknb", "catalogue", "win", unit=unit)]
    units = [("县政府", "xzf")] + text.DEPARTMENTS[:3] + text.TOWNS[:2]
    catalogue = []
    for name, slug in units:
        kids = entries(name)
        if slug == "xzf":
            kids.append(vsb("重点领域信息公开", "zdly", "longterm", "cat", pager="vsb", unit=name))
        catalogue.append(vsb(name, slug, "catalogue", "unit", unit=name, children=kids))
    short = cty.name[:-1]
    return [
        chan(f"走进{short}", "static", "blocks", children=[
            chan("县情概况", "static", "table"),
            chan("领导之窗", "static", "leaders"),
            chan("招商引资", "static", "table", empty="暂无信息"),
        ]),
        chan("新闻中心", "dynamic", "blocks", children=[
            chan("政务要闻", "dynamic", "table", pager="full", per_page=20),
            chan("乡镇动态", "dynamic", "md", pager="num", per_page=16),
            chan("部门动态", "dynamic", "cn", pager="select", per_page=18),
            chan("图片新闻", "dynamic", "pic", pager="pic", per_page=12),
            chan(f"媒体看{short}", "dynamic", "slash", pager="full"),
            chan("公示公告", "notice_policy", "table", pager="full", per_page=20),
        ]),
        vsb("政务公开", "zwgk", "static", "blocks", children=[
            vsb("政府信息公开", "zfxxgk", "catalogue", "units", children=catalogue),
            vsb("政策文件", "zcwj", "notice_policy", "blocks", children=[
                vsb("县政府文件", "xzfwj", "notice_policy", "win", pager="vsb"),
                vsb("县政府办公室文件", "xzfbwj", "notice_policy", "win", pager="vsb"),
                vsb("部门文件", "bmwj", "notice_policy", "win", pager="vsb"),
            ]),
            vsb("政策解读", "zcjd", "notice_policy", "win", pager="vsb"),
            vsb("人事信息", "rsxx", "longterm", "wincn", pager="vsb"),
            vsb("财政信息", "czxx", "longterm", "blocks", children=[
                vsb("预决算公开", "yjsgk", "longterm", "win", pager="vsb"),
                vsb("三公经费", "sgjf", "longterm", "win", pager="vsb"),
            ]),
            vsb("规划计划", "ghjh", "longterm", "win", pager="vsb"),
            vsb("建议提案办理", "jytabl", "longterm", "win", pager="vsb"),
        ]),
        chan("办事服务", "static", "blocks", children=[
            chan("办事指南", "static", "blocks", children=[
                chan("个人办事", "static", "plain", slug="grbs"),
                chan("法人办事", "static", "plain", slug="frbs"),
            ]),
            chan("便民服务", "static", "plain", slug="bmfw"),
            chan("表格下载", "static", "table", empty="没有记录！"),
        ]),
        chan("互动交流", "interaction", "blocks", children=[
            _col("县长信箱", "interaction", "asp", "letters", pager="asp", slug="xzxx"),
            _col("网上咨询", "interaction", "asp", "letters", pager="aspq", slug="wszx"),
        ]),
        chan("专题专栏", "static", "topics", children=[
            chan("扫黑除恶专项斗争", "static", "topic", children=[
                chan("工作动态", "dynamic", "slash", pager="topic"),
                chan("应知应会", "static", "slash", pager="topic"),
            ]),
            chan("脱贫攻坚", "static", "topic", children=[
                chan("工作动态", "dynamic", "slash", pager="topic"),
                chan("政策措施", "notice_policy", "slash", pager="topic"),
            ]),
        ]),
    ]


def assign_urls(cty: County, rng: random.Random) -> None:
    """Channel ids and VSB owner ids grow in tree order with gaps, as a CMS hands them out."""
    chan_id, owner = rng.randint(11, 40), rng.randint(1040, 1090)
    for c in cty.columns:
        if c.cms == "chan":
            chan_id += rng.randint(1, 6)
            c.ident, c.url = chan_id, f"/channel/{chan_id}.html"
        elif c.cms == "vsb":
            owner += rng.randint(1, 9)
            c.ident = owner
            parent_dir = c.parent.url[:-4] + "/" if c.parent else "/"
            c.url = f"{parent_dir}{c.slug}.htm"
        else:
            c.url = f"/hdjl/{c.slug}/list.asp"
    cty.removed_topic = f"/channel/{chan_id + rng.randint(3, 9)}.html"
