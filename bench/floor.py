"""The floor under any Scrapy crawl of a site: Scrapy alone, with portalwatch's settings,
fetching the URLs a crawl stored and doing nothing with the answers.

    python -m bench.floor SITE.yml DB

It knows every URL up front, so it parses nothing, follows nothing and stores nothing:
what it takes is Scrapy's own cost per request (engine, scheduler, middlewares, HTTP
client), which no work in portalwatch's spider or pipeline can go below.
"""
from __future__ import annotations

import sys
import time

import scrapy
import sqlite_utils

from crawler.config import load_site
from crawler.crawl import run_spider, scrapy_settings


class FetchOnly(scrapy.Spider):
    name = "fetch-only"

    def __init__(self, urls, **kwargs):
        super().__init__(**kwargs)
        self.urls = urls

    async def start(self):
        for url in self.urls:
            yield scrapy.Request(url, callback=self.parse, meta={"handle_httpstatus_all": True})

    def parse(self, response):
        return None


def main(config: str, db_path: str) -> None:
    site = load_site(config)
    urls = [row[0] for row in sqlite_utils.Database(db_path).execute("select url from pages")]
    settings = scrapy_settings(site, None)
    settings.set("ITEM_PIPELINES", {}, priority="cmdline")
    started = time.perf_counter()
    run_spider(settings, spider_class=FetchOnly, urls=urls)
    wall = time.perf_counter() - started
    print(f"{len(urls)} {wall:.2f}")


if __name__ == "__main__":
    main(*sys.argv[1:])
