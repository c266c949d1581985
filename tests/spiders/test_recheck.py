"""The recheck spider's requests and its answers that need no page, on a small archive and hand-made responses."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest
from scrapy.http import HtmlResponse, Request
from scrapy.utils.test import get_crawler

from kznews.items import DiscoveryHint
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


def _spider(db: Path, frontier: int = 500, **kwargs: str) -> RecheckSpider:
    crawler = get_crawler(RecheckSpider, {"KZNEWS_DB": str(db), "KZNEWS_FRONTIER_REQUESTS": frontier,
                                          "ITEM_PIPELINES": {"kznews.pipelines.StorePipeline": 800}})
    return RecheckSpider.from_crawler(crawler, site="tengrinews", **kwargs)


def _rechecks(spider: RecheckSpider) -> list[str]:
    """The URLs of the recheck's own start requests (a harvest's start points come first, unfetched here)."""
    async def started() -> list[Request]:
        return [request async for request in spider.start()]
    return [r.url for r in asyncio.run(started()) if r.callback == spider.parse_recheck]


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


NEW = "https://tengrinews.kz/news/not-archived-9/"
HINT = DiscoveryHint(source="sitemap", source_url="https://tengrinews.kz/sitemap.xml", lastmod="2024-06-01")


def test_a_harvests_request_for_an_article_of_the_window_is_the_rechecks_and_the_recheck_does_not_ask_again(
        db: Path) -> None:
    spider = _spider(db, frontier=2, recheck_since="2024-05-02", discover="1")
    for url in (URLS[3], URLS[0], NEW):  # in the window; archived before it; not archived
        spider.frontier.push("tengrinews", url, HINT, "ru")
    taken, before = spider._released()  # two places: the third waits
    assert (taken.url, taken.callback, taken.cb_kwargs["hint"]) == (URLS[3], spider.parse_recheck, HINT)
    assert (taken.headers.get("If-None-Match"), taken.headers.get("Referer")) == (b'"v4"', HINT.source_url.encode())
    assert (before.url, before.callback) == (URLS[0], spider.parse_article)  # the harvest's own, as without recheck
    assert _rechecks(spider) == [URLS[4], URLS[2], URLS[1]]  # not URLS[3] again
    # its answer is the recheck's, and gives its place in the frontier back to the harvest
    sent: list[Check] = []

    def receive(check: Check) -> None:
        sent.append(check)

    spider.crawler.signals.connect(receive, signal=checked)
    (after,) = spider.parse_recheck(HtmlResponse(URLS[3], status=304, request=taken), **taken.cb_kwargs)
    assert [(c.gone, c.status) for c in sent] == [(False, 304)]
    assert (after.url, after.callback) == (NEW, spider.parse_article)
    page = HtmlResponse(URLS[3], body=b"<html></html>", request=taken)
    assert [item.hint for item in spider.parse_recheck(page, **taken.cb_kwargs)] == [HINT]


def test_an_article_the_recheck_asked_for_is_not_asked_for_again_by_the_harvest(db: Path) -> None:
    spider = _spider(db, frontier=1, recheck_since="2024-05-02", discover="1")
    assert _rechecks(spider) == [URLS[4], URLS[3], URLS[2], URLS[1]]
    for url in (URLS[3], URLS[2], NEW):
        spider.frontier.push("tengrinews", url, HINT, "ru")
    # one place: each archived one gives it back at once, and the next is released
    assert [(r.url, r.callback) for r in spider._released()] == [(NEW, spider.parse_article)]
    assert len(spider.frontier) == 0


def test_without_discovery_the_recheck_keeps_no_list(db: Path) -> None:
    spider = _spider(db)
    assert len(_rechecks(spider)) == 5 and spider.asked == set()


def test_an_archive_that_cannot_be_read_lets_the_harvests_requests_go_as_they_are(tmp_path: Path) -> None:
    spider = _spider(tmp_path / "missing.db", discover="1")
    spider.frontier.push("tengrinews", URLS[3], HINT, "ru")
    assert [(r.url, r.callback) for r in spider._released()] == [(URLS[3], spider.parse_article)]
