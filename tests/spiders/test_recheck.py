"""The recheck spider's requests and its answers that need no page, on a small archive and hand-made responses."""

from __future__ import annotations

from pathlib import Path

import pytest
from scrapy.http import HtmlResponse, Request
from scrapy.utils.test import get_crawler

from kznews.recheck import checked
from kznews.spiders.recheck import RecheckSpider
from kznews.storage import Archive
from kznews.storage.removals import Check
from tests.storage.conftest import make_item

URLS = [f"https://tengrinews.kz/news/story-{n}-u{n}/" for n in range(1, 6)]


@pytest.fixture
def db(tmp_path: Path) -> Path:
    """Five tengrinews articles published on 1-5 May, the fourth's page served with an ETag; one of another outlet."""
    path = tmp_path / "a.db"
    items = [make_item(url, site="tengrinews", published_at=f"2024-05-0{n}T10:00:00+05:00")
             for n, url in enumerate(URLS, 1)]
    items[3].headers = {"ETag": ['"v4"'], "Last-Modified": ["Sat, 04 May 2024 05:00:00 GMT"]}
    items.append(make_item("https://kursiv.media/2024-05-03/other/", site="kursiv",
                           published_at="2024-05-03T10:00:00+05:00"))
    with Archive(path) as archive:
        archive.store(items)
    return path


def _spider(db: Path, **kwargs: str) -> RecheckSpider:
    crawler = get_crawler(RecheckSpider, {"KZNEWS_DB": str(db),
                                          "ITEM_PIPELINES": {"kznews.pipelines.StorePipeline": 800}})
    return RecheckSpider.from_crawler(crawler, site="tengrinews", **kwargs)


def test_the_archived_articles_of_the_window_newest_first_conditional_where_validators_were_kept(db: Path) -> None:
    spider = _spider(db, recheck_since="2024-05-02", recheck_until="2024-05-04")
    requests = [spider._recheck(archived) for archived in spider._archived()]
    assert [r.url for r in requests] == [URLS[3], URLS[2], URLS[1]]
    assert requests[0].headers.get("If-None-Match") == b'"v4"'
    assert requests[0].headers.get("If-Modified-Since") == b"Sat, 04 May 2024 05:00:00 GMT"
    assert b"If-None-Match" not in requests[1].headers
    assert all(r.dont_filter and r.meta["handle_httpstatus_list"] == [304, 404, 410, 451] for r in requests)


def test_max_articles_bounds_each_outlet(db: Path) -> None:
    spider = _spider(db, max_articles="2")
    assert [a.url for a in spider._archived()] == [URLS[4], URLS[3]]


def test_the_recheck_judge_and_writer_stand_in_for_the_store(db: Path) -> None:
    pipelines = _spider(db).settings.getdict("ITEM_PIPELINES")
    assert pipelines == {"kznews.recheck.RecheckPipeline": 700, "kznews.recheck.RecheckStorePipeline": 800}


@pytest.mark.parametrize(("status", "gone"), [(304, False), (404, True), (410, True), (451, True)])
def test_answers_without_a_page(db: Path, status: int, gone: bool) -> None:
    spider = _spider(db)
    archived = next(iter(spider._archived()))
    sent: list[Check] = []

    def receive(check: Check) -> None:
        sent.append(check)

    spider.crawler.signals.connect(receive, signal=checked)
    request = Request(archived.url)
    assert list(spider.parse_recheck(HtmlResponse(archived.url, status=status, request=request), archived)) == []
    (check,) = sent
    assert (check.article_id, check.gone, check.status, check.final_url) == (archived.id, gone, status, archived.url)
    assert check.reason == ("status" if gone else None)


def test_a_page_goes_on_to_extraction_and_a_redirected_one_as_a_page_of_undecided_kind(db: Path) -> None:
    spider = _spider(db)
    archived = next(iter(spider._archived()))
    same = HtmlResponse(archived.url, body=b"<html></html>", request=Request(archived.url))
    moved = HtmlResponse("https://tengrinews.kz/", body=b"<html></html>", request=Request(archived.url))
    ((page,), (redirected,)) = (list(spider.parse_recheck(r, archived)) for r in (same, moved))
    assert (page.kind, page.redirected, page.archived) == ("article", False, archived)
    assert (redirected.kind, redirected.redirected, redirected.url) == ("page", True, "https://tengrinews.kz/")
