"""Every date format of standards.md §5, one case each."""
from datetime import date

import pytest

from crawler.understand.dates import date_from_url, labelled_dates, parse_date

TODAY = date(2020, 1, 5)


@pytest.mark.parametrize("text, expected", [
    ("2019-12-23", date(2019, 12, 23)),
    ("2019-12-23 09:31:05", date(2019, 12, 23)),
    ("2019年12月23日", date(2019, 12, 23)),
    ("2019年 12月 3日", date(2019, 12, 3)),
    ("2019/12/23", date(2019, 12, 23)),
    ("2019.12.23", date(2019, 12, 23)),
    ("2019-1-5", date(2019, 1, 5)),
    ("发布时间：2019-12-23 09:31 来源：区政府办公室", date(2019, 12, 23)),
    ("[12-23]", date(2019, 12, 23)),          # no year: last December, not next
    ("01-03", date(2020, 1, 3)),
    ("12月23日", date(2019, 12, 23)),
    ("19-12-23", date(2019, 12, 23)),          # DedeCMS MyDate('y-m-d')
    ("(19-12-23)", date(2019, 12, 23)),
    ("0539-8123-4567", None),                  # a telephone number
    ("2019-02-30", None),                      # not a day
    ("浏览次数：1234", None),
    ("第2019-0012号", None),
])
def test_parse_date(text, expected):
    assert parse_date(text, today=TODAY) == expected


def test_yearless_date_needs_a_reference_day():
    assert parse_date("[12-23]") is None


@pytest.mark.parametrize("url, expected", [
    ("http://x.gov.cn/zwgk/201912/t20191223_123456.html", date(2019, 12, 23)),
    ("http://x.gov.cn/zwgk/201912/t20191223_123456.shtml", date(2019, 12, 23)),
    ("http://x.gov.cn/art/2019/12/23/art_1234_5678.html", date(2019, 12, 23)),
    ("http://x.gov.cn/info/1056/45123.htm", None),
    ("http://x.gov.cn/zwgk/201912/content_9.html", None),
])
def test_date_from_url(url, expected):
    assert date_from_url(url) == expected


def test_labelled_dates_keep_signing_and_publishing_apart():
    found = labelled_dates("成文日期：2019年07月23日 发布日期：2019-07-25 浏览次数：9")
    assert found == {"成文日期": date(2019, 7, 23), "发布日期": date(2019, 7, 25)}
