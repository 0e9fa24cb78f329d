"""Scale-out on scrapy-redis: many worker processes, one request queue, one writer.

The same PortalSpider runs in every worker; scrapy-redis keeps the request queue and the
duplicate filter in Redis, under keys of this crawl run (so the next night starts clean:
a dupefilter that outlives its run would make the next run fetch nothing). Records travel
through a Redis list to the single writer, which stores them with the same StorePipeline
as a one-process crawl; SQLite keeps its one writer.

A worker that dies must not lose what it was doing: popping a request moves it into the
worker's in-flight hash, and only the `Done` that carries the request's records takes it
out, once they are pushed. A worker's presence is a key
that expires 5 s after its last heartbeat; in-flight requests of an absent worker go back to
the queue. A worker stays while the queue or anyone's in-flight hash holds work.
"""
from __future__ import annotations

import os
import pickle
import uuid

import redis
from scrapy import signals
from scrapy.exceptions import DontCloseSpider
from scrapy_redis.queue import PriorityQueue
from twisted.internet import task

from crawler.records import Done, Seeded

RUNS = "portalwatch:runs"          # the set of runs in progress: "site:crawl_id"
ALIVE_MS = 5000


class RedisUnavailable(Exception):
    pass


def connect(url: str) -> redis.Redis:
    """A client for the URL, or a one-line error when Redis cannot be reached."""
    try:
        server = redis.Redis.from_url(url, socket_connect_timeout=3, socket_timeout=30)
        server.ping()
    except (redis.RedisError, ValueError, OSError) as exc:
        raise RedisUnavailable(f"cannot reach Redis at {url}: {exc}") from None
    return server


class Keys:
    """Every key of one crawl run."""

    def __init__(self, run: str):
        self.run = run
        self.prefix = f"portalwatch:{run}"
        self.requests = f"{self.prefix}:requests"
        self.dupefilter = f"{self.prefix}:dupefilter"
        self.records = f"{self.prefix}:records"
        self.seeded = f"{self.prefix}:seeded"
        self.job = f"{self.prefix}:job"

    def inflight(self, worker: str) -> str:
        return f"{self.prefix}:inflight:{worker}"

    def alive(self, worker: str) -> str:
        return f"{self.prefix}:alive:{worker}"

    def all(self, server) -> list:
        return list(server.scan_iter(f"{self.prefix}:*"))


def run_name(site: str, crawl_id: int) -> str:
    return f"{site}:{crawl_id}"


# -- queue ---------------------------------------------------------------------------

_POP = """
local item = redis.call('ZRANGE', KEYS[1], 0, 0, 'WITHSCORES')
if #item == 0 then return nil end
redis.call('ZREM', KEYS[1], item[1])
redis.call('HSET', KEYS[2], item[1], item[2])
return item[1]
"""


class ReliableQueue(PriorityQueue):
    """scrapy-redis's priority queue, with each popped request kept in flight until done."""

    @property
    def inflight(self) -> str:
        return self.key.rsplit(":", 1)[0] + f":inflight:{self.spider.settings.get('PORTALWATCH_WORKER')}"

    def push(self, request):
        # A retry, redirect or HEAD→GET of an in-flight request hands its work back to
        # the queue: the old entry is done with once the new one is queued.
        handed_over = request.meta.pop("_pw_raw", None)
        super().push(request)
        if handed_over is not None:
            self.server.hdel(self.inflight, handed_over)

    def pop(self, timeout=0):
        if not hasattr(self, "_pop"):
            self._pop = self.server.register_script(_POP)
        raw = self._pop(keys=[self.key, self.inflight])
        if raw is None:
            return None
        request = self._decode_request(raw)
        request.meta["_pw_raw"] = raw
        return request


# -- records -------------------------------------------------------------------------

class RedisRecordPipeline:
    """Pushes each callback's records to the run's list, then acknowledges its request."""

    def __init__(self, server, keys: Keys, worker: str):
        self.server, self.keys, self.worker = server, keys, worker

    @classmethod
    def from_crawler(cls, crawler):
        s = crawler.settings
        return cls(connect(s.get("REDIS_URL")), Keys(s.get("PORTALWATCH_RUN")), s.get("PORTALWATCH_WORKER"))

    def process_item(self, record):
        if isinstance(record, Seeded):
            self.server.set(self.keys.seeded, 1)
            return record
        if not isinstance(record, Done) or record.records:
            self.server.rpush(self.keys.records, pickle.dumps(record, protocol=pickle.HIGHEST_PROTOCOL))
        if isinstance(record, Done) and record.token is not None:
            self.server.hdel(self.keys.inflight(self.worker), record.token)
        return record


# -- presence ------------------------------------------------------------------------

class WorkerPresence:
    """Heartbeat, hand-back of absent workers' requests, and staying while work remains."""

    def __init__(self, crawler):
        s = crawler.settings
        self.crawler = crawler
        self.server = connect(s.get("REDIS_URL"))
        self.keys = Keys(s.get("PORTALWATCH_RUN"))
        self.worker = s.get("PORTALWATCH_WORKER")
        self.beat = task.LoopingCall(self.heartbeat)
        crawler.signals.connect(self.opened, signal=signals.spider_opened)
        crawler.signals.connect(self.idle, signal=signals.spider_idle)
        crawler.signals.connect(self.closed, signal=signals.spider_closed)

    @classmethod
    def from_crawler(cls, crawler):
        return cls(crawler)

    def opened(self, spider):
        self.heartbeat()
        self.beat.start(0.5, now=False)

    def heartbeat(self):
        self.server.set(self.keys.alive(self.worker), os.getpid(), px=ALIVE_MS)
        hand_back_absent(self.server, self.keys)
        # An idle engine looks at its scheduler only every 5 s; work queued by the other
        # workers meanwhile should not wait that long. (Scrapy has no public call for it.)
        slot = getattr(self.crawler.engine, "_slot", None)
        if slot is not None and self.server.zcard(self.keys.requests):
            slot.nextcall.schedule()

    def idle(self, spider):
        if work_remains(self.server, self.keys):
            raise DontCloseSpider

    def closed(self, spider, reason):
        if self.beat.running:
            self.beat.stop()
        self.server.delete(self.keys.alive(self.worker))


def work_remains(server, keys: Keys) -> bool:
    if not server.exists(keys.seeded) or server.zcard(keys.requests):
        return True
    return any(server.hlen(key) for key in server.scan_iter(f"{keys.prefix}:inflight:*"))


def hand_back_absent(server, keys: Keys) -> int:
    """Requests held by workers that stopped beating go back to the queue."""
    returned = 0
    for key in server.scan_iter(f"{keys.prefix}:inflight:*"):
        worker = key.decode().rsplit(":", 1)[1]
        if server.exists(keys.alive(worker)):
            continue
        held = server.hgetall(key)
        if held:
            server.zadd(keys.requests, {raw: float(score) for raw, score in held.items()})
            returned += len(held)
        server.delete(key)
    return returned


def any_alive(server, keys: Keys) -> bool:
    return next(server.scan_iter(f"{keys.prefix}:alive:*"), None) is not None


def new_worker_id() -> str:
    return f"{os.uname().nodename}-{os.getpid()}-{uuid.uuid4().hex[:6]}"
