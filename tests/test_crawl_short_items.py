"""A crawl of short news items (one real paragraph each) that a sitemap lists: every one is stored as an article."""

from __future__ import annotations

import pytest

from tests.conftest import FAST, run_kznews, stored_articles
from tests.extract.test_pagetype import RU, _short_item
from tests.middlewares.loopback import NO_ROBOTS, LoopbackServer

N = 20


@pytest.fixture(scope="module")
def server():
    paths = [f"/news/2024/03/{12 + i % 5}/item-{1000 + i}" for i in range(N)]
    routes = {path: (200, {"Content-Type": "text/html; charset=utf-8"},
                     _short_item(f"Новость {i}", RU[i % len(RU)]).encode()) for i, path in enumerate(paths)}
    loopback = LoopbackServer(routes)
    base = f"http://127.0.0.1:{loopback.port}"
    sitemap = ('<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
               + "".join(f"<url><loc>{base}{path}</loc></url>" for path in paths) + "</urlset>")
    routes["/sitemap.xml"] = (200, {"Content-Type": "application/xml"}, sitemap.encode())
    routes["/robots.txt"] = NO_ROBOTS
    yield loopback, base, paths
    loopback.close()


def test_every_short_item_a_sitemap_lists_is_stored_as_an_article(server, tmp_path):
    loopback, base, paths = server
    db = tmp_path / "k.db"
    result = run_kznews("crawl", "--url", f"{base}/sitemap.xml", *FAST, db=db)
    assert result.returncode == 0, result.stderr[-2000:]
    stored = stored_articles(db)
    assert set(stored) == {base + path for path in paths}
    assert {row["body"] for row in stored.values()} <= set(RU)
