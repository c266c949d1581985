"""Item pipelines: extraction failures keep the raw page; the store batches and records the run."""

from __future__ import annotations

import asyncio
import sqlite3

from scrapy.utils.test import get_crawler
from twisted.internet.task import Clock

from kznews.items import PageItem
from kznews.pipelines import ExtractPipeline, StorePipeline
from kznews.spiders.news import NewsSpider
from kznews.storage import Archive
from kznews.storage.indexing import derive
from kznews.storage.packing import pack, unpack
from tests.conftest import SHARED

INFORM_URL = "https://www.inform.kz/ru/polnost-yu-obespechit-region-myasom-pticy-namereny-v-sko_a3725092"


def crawler_with_spider(db, **settings):
    crawler = get_crawler(NewsSpider, {"KZNEWS_DB": str(db), **settings})
    crawler.spider = NewsSpider.from_crawler(crawler, site="inform")
    return crawler


def page(url: str, body: bytes, kind: str = "article") -> PageItem:
    return PageItem(
        url=url, status=200, headers={"Content-Type": ["text/html; charset=utf-8"]}, body=body,
        fetched_at="2020-12-01T09:00:00+00:00", site="inform", edition="ru", kind=kind,
    )


def test_extract_fills_the_record(tmp_path):
    crawler = crawler_with_spider(tmp_path / "a.db")
    body = (SHARED / "pages/inform.kz/article-ru-2020-a3725092.html").read_bytes()
    item = asyncio.run(ExtractPipeline(crawler).process_item(page(INFORM_URL, body)))
    assert item.record.article.published_at == "2020-12-01T14:02:00+06:00"
    assert item.record.article.site == "inform"
    article = item.record.article  # the article's search index comes with it, for the writer to insert
    assert item.record.index == derive(article.lang, article.headline, article.lead, article.body)
    assert item.record.index.bands


def test_a_broken_page_is_kept_and_counted(tmp_path):
    crawler = crawler_with_spider(tmp_path / "a.db")
    item = asyncio.run(ExtractPipeline(crawler).process_item(page(INFORM_URL, b"<html")))
    assert item.record is None
    assert crawler.stats.get_value("kznews/extract_errors") == 1


def test_store_writes_in_batches_and_closes_the_run(tmp_path):
    db = tmp_path / "a.db"
    crawler = crawler_with_spider(db, KZNEWS_BATCH_SIZE=2)
    store = StorePipeline(crawler)
    store.open_spider()
    extract = ExtractPipeline(crawler)
    body = (SHARED / "pages/inform.kz/article-ru-2020-a3725092.html").read_bytes()
    for i in range(3):
        store.process_item(asyncio.run(extract.process_item(page(f"{INFORM_URL}{i}", body))))
    conn = sqlite3.connect(db)
    assert conn.execute("SELECT count(*) FROM articles").fetchone()[0] == 2  # one batch written
    store.close_spider()
    assert conn.execute("SELECT count(*) FROM articles").fetchone()[0] == 3
    crawler.stats.set_value("response_received_count", 3)  # the three pages were fetched
    store.spider_closed(crawler.spider, "finished")
    run = conn.execute("SELECT outcome, ended_at IS NOT NULL, stats FROM runs").fetchone()
    assert run[:2] == ("finished", 1) and '"kznews/new_articles": 3' in run[2]
    assert '"kznews/site/inform/new_articles": 3' in run[2]  # counted batch by batch (2, then 1)


def test_a_batch_is_also_bounded_by_the_bytes_of_its_pages(tmp_path):
    """Big pages fill a batch before its item count does (KZNEWS_BATCH_MIB): packed size once extracted, raw otherwise."""
    db = tmp_path / "a.db"
    crawler = crawler_with_spider(db, KZNEWS_BATCH_SIZE=100, KZNEWS_BATCH_MIB=1, KZNEWS_FLUSH_SECONDS=0)
    store = StorePipeline(crawler)
    store.open_spider()
    conn = sqlite3.connect(db)
    raw = b"<html><body>" + b"x" * 400_000 + b"</body></html>"  # extraction fails on nothing; packs to ~1 KiB
    store.process_item(page(f"{INFORM_URL}-raw1", raw, kind="page"))
    store.process_item(page(f"{INFORM_URL}-raw2", raw, kind="page"))
    assert conn.execute("SELECT count(*) FROM pages").fetchone()[0] == 0  # 0.8 MiB held
    store.process_item(page(f"{INFORM_URL}-raw3", raw, kind="page"))
    assert conn.execute("SELECT count(*) FROM pages").fetchone()[0] == 3  # 1.2 MiB: written
    extract = ExtractPipeline(crawler)
    for i in range(5):  # packed, the same pages weigh ~1 KiB each: the batch waits
        store.process_item(asyncio.run(extract.process_item(page(f"{INFORM_URL}-packed{i}", raw, kind="page"))))
    assert conn.execute("SELECT count(*) FROM pages").fetchone()[0] == 3
    store.close_spider()
    assert conn.execute("SELECT count(*) FROM pages").fetchone()[0] == 8


def test_a_batch_not_yet_full_is_written_after_the_flush_interval(tmp_path):
    """A slow crawl's pages reach the archive within KZNEWS_FLUSH_SECONDS, not only when a batch fills."""
    db = tmp_path / "a.db"
    crawler = crawler_with_spider(db, KZNEWS_BATCH_SIZE=100, KZNEWS_FLUSH_SECONDS=10)
    clock = Clock()
    store = StorePipeline(crawler, clock=clock)
    store.open_spider()
    body = (SHARED / "pages/inform.kz/article-ru-2020-a3725092.html").read_bytes()
    store.process_item(asyncio.run(ExtractPipeline(crawler).process_item(page(INFORM_URL, body))))
    conn = sqlite3.connect(db)
    clock.advance(9)
    assert conn.execute("SELECT count(*) FROM articles").fetchone()[0] == 0
    clock.advance(1)
    assert conn.execute("SELECT count(*) FROM articles").fetchone()[0] == 1
    store.close_spider()
    assert not store.timer.running and not clock.getDelayedCalls()


def test_extraction_in_a_worker_process_gives_the_same_record(tmp_path):
    body = (SHARED / "pages/inform.kz/article-ru-2020-a3725092.html").read_bytes()
    here = asyncio.run(ExtractPipeline(crawler_with_spider(tmp_path / "a.db")).process_item(page(INFORM_URL, body)))
    pipeline = ExtractPipeline(crawler_with_spider(tmp_path / "b.db", KZNEWS_EXTRACT_WORKERS=1))

    async def in_worker():
        try:
            return await pipeline.process_item(page(INFORM_URL, body))
        finally:
            pipeline.spider_closed(None, "finished")

    there = asyncio.run(in_worker())
    assert there.record == here.record
    assert there.packed == here.packed == pack(body)  # packed beside extraction, off the writer
    assert there.body == here.body == b""  # the raw copy is let go: the archive stores the packed one


def test_a_page_that_fails_extraction_is_left_for_the_writer_to_pack(tmp_path):
    crawler = crawler_with_spider(tmp_path / "a.db")
    item = asyncio.run(ExtractPipeline(crawler).process_item(page(INFORM_URL, b"<html")))
    assert item.packed is None
    archive = Archive(tmp_path / "a.db")
    try:
        archive.store([item])
        assert unpack(archive._conn.execute("SELECT body FROM pages").fetchone()[0]) == b"<html"
    finally:
        archive.close()


def test_a_run_that_fetched_nothing_is_recorded_as_failed_as_it_exits(tmp_path):
    """The runs row and the exit code come from one rule: a run with no page fetched is "failed" (exit 4)."""
    db = tmp_path / "a.db"
    crawler = crawler_with_spider(db)
    store = StorePipeline(crawler)
    store.open_spider()
    crawler.stats.set_value("kznews/failed_requests", 3)
    store.close_spider()
    store.spider_closed(crawler.spider, "finished")
    assert sqlite3.connect(db).execute("SELECT outcome FROM runs").fetchone() == ("failed",)
