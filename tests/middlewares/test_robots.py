"""robots.txt failing closed: what each answer of /robots.txt means."""

from __future__ import annotations

import asyncio
from typing import Any

import pytest
from scrapy import Request
from scrapy.http import Response
from twisted.internet.defer import Deferred

from kznews.middlewares import (
    RobotsFailClosedMiddleware,
)
from tests.conftest import crawler_with_defaults
from tests.policy_spider import PolicySpider


def _robots(**settings: Any) -> RobotsFailClosedMiddleware:
    crawler = crawler_with_defaults(PolicySpider, {"ROBOTSTXT_OBEY": True, **settings})
    crawler.spider = PolicySpider(urls=[], domains=["kaz.example"])
    return RobotsFailClosedMiddleware.from_crawler(crawler)


async def _parsed(mw: RobotsFailClosedMiddleware, status: int, body: bytes) -> None:
    netloc = "kaz.example"
    mw._parsers[netloc] = Deferred()
    request = Request("https://kaz.example/news/1")
    await mw._parse_robots(Response("https://kaz.example/robots.txt", status=status, body=body), netloc, request)


@pytest.mark.parametrize(
    ("status", "allowed"),
    [(200, False), (503, False), (500, False), (429, False), (404, True), (403, True), (301, True)],
)
def test_robots_status_semantics(status: int, allowed: bool) -> None:
    mw = _robots()
    body = b"User-agent: *\nDisallow: /news/\n" if status == 200 else b"<html>oops</html>"
    asyncio.run(_parsed(mw, status, body))
    parser = mw._parsers["kaz.example"]
    assert parser.allowed("https://kaz.example/news/1", "kznews") is allowed


def test_robots_download_error_disallows_all() -> None:
    mw = _robots()
    mw._parsers["kaz.example"] = waiting = Deferred()
    mw._robots_error(TimeoutError("timed out"), "kaz.example")
    assert waiting.called and not waiting.result.allowed("https://kaz.example/", "kznews")
    assert mw.crawler.stats.get_value("kznews/robots/unreachable") == 1
