"""Scrapy settings for portalwatch; a site's config adjusts them per crawl (crawler/crawl.py)."""

BOT_NAME = "portalwatch"
SPIDER_MODULES = ["crawler.spiders"]
NEWSPIDER_MODULE = "crawler.spiders"

USER_AGENT = "portalwatch/0.1 (government website content monitoring)"
ROBOTSTXT_OBEY = True
CONCURRENT_REQUESTS = 32
CONCURRENT_REQUESTS_PER_DOMAIN = 8
DOWNLOAD_DELAY = 0
DOWNLOAD_TIMEOUT = 15
RETRY_TIMES = 1
RETRY_HTTP_CODES = [500, 502, 503, 504, 522, 524, 408, 429]
REDIRECT_MAX_TIMES = 5
COOKIES_ENABLED = True
TELNETCONSOLE_ENABLED = False
REMOTE_CONTROL_ENABLED = False   # no listening port on an office server
LOG_LEVEL = "INFO"
REQUEST_FINGERPRINTER_IMPLEMENTATION = "2.7"
TWISTED_REACTOR = "twisted.internet.asyncioreactor.AsyncioSelectorReactor"
# The spider gives list pages, other pages and link checks their priorities (in that order),
# and the FIFO queues keep each breadth-first; Scrapy's depth bookkeeping would only add cost.
SCHEDULER_DISK_QUEUE = "scrapy.squeues.PickleFifoDiskQueue"
SCHEDULER_MEMORY_QUEUE = "scrapy.squeues.FifoMemoryQueue"

# Scrapy reads each new callback object's source (inspect, ast) to warn about generators that
# return a value; every request binds its callback anew, so that cost 2-3% of a crawl's CPU.
WARN_ON_GENERATOR_RETURN_VALUE = False

# Per-request costs that buy nothing here: the offsite filter (the spider keeps to the site's
# hosts itself), byte counts per request (the spider counts what it asked), the depth pass.
DOWNLOADER_STATS = False
DOWNLOADER_MIDDLEWARES = {
    "scrapy.downloadermiddlewares.offsite.OffsiteMiddleware": None,
    "scrapy.downloadermiddlewares.redirect.MetaRefreshMiddleware": None,
    "crawler.middlewares.MetaRefreshWhenDeclared": 580,
}
SPIDER_MIDDLEWARES = {"scrapy.spidermiddlewares.depth.DepthMiddleware": None}

# The store pipeline is synchronous: processing a page's records in parallel only costs tasks.
CONCURRENT_ITEMS = 1
ITEM_PIPELINES = {"crawler.pipelines.StorePipeline": 300}
