"""Common Crawl's index answers, as the doubles give them from the public API description."""

from __future__ import annotations

import json
from datetime import date

import pytest

from kznews.backfill.cdx import BadIndexLine, IndexEntry, parse_num_pages
from kznews.backfill.commoncrawl import Crawl, index_url, parse_collinfo, parse_index, record_request

from .doubles import Archives, Snapshot
from .pages import INFORM, page


@pytest.fixture(scope="module")
def archives() -> Archives:
    inform = page("inform.kz/article-ru-2020-a3725092.html")
    return Archives(crawls={"CC-MAIN-2020-50": [Snapshot(INFORM, "20201201120000", inform)],
                            "CC-MAIN-2018-13": [Snapshot(INFORM, "20180317000000", inform)]})


def test_collinfo_lists_each_crawl_with_its_cdx_api_and_time(archives: Archives) -> None:
    crawls = parse_collinfo(archives.answer("/collinfo.json", {}, None, "http://x")[2])
    assert [(c.id, c.cdx_api) for c in crawls] == [
        ("CC-MAIN-2020-50", "http://x/CC-MAIN-2020-50-index"), ("CC-MAIN-2018-13", "http://x/CC-MAIN-2018-13-index")]
    assert [c.overlaps(date(2019, 1, 1), None) for c in crawls] == [True, False]
    assert [c.overlaps(None, date(2019, 1, 1)) for c in crawls] == [False, True]


@pytest.mark.parametrize("body", [b"<html>", b'{"id": "x"}'])
def test_collinfo_that_is_not_a_list_of_crawls_is_a_bad_index_answer(body: bytes) -> None:
    with pytest.raises(BadIndexLine):
        parse_collinfo(body)


def test_the_index_query_asks_for_the_domain_and_its_subdomains_in_the_window() -> None:
    crawl = Crawl("CC-MAIN-2020-50", "http://x/CC-MAIN-2020-50-index", None, None)
    url = index_url(crawl, "inform.kz", date(2020, 12, 1), date(2020, 12, 31), page=3)
    assert url == ("http://x/CC-MAIN-2020-50-index?url=inform.kz&matchType=domain&output=json&filter=%3Dstatus%3A200"
                   "&from=20201201000000&to=20201231235959&page=3")
    assert index_url(crawl, "inform.kz", None, None).endswith("&showNumPages=true")


def test_pages_and_lines_of_an_index_answer_become_entries_and_bad_lines_are_reported(archives: Archives) -> None:
    query = {"url": "inform.kz", "matchType": "domain", "output": "json"}
    assert parse_num_pages(archives.answer("/CC-MAIN-2020-50-index", {**query, "showNumPages": "true"}, None, "")[2]) == 1
    body = archives.answer("/CC-MAIN-2020-50-index", {**query, "page": "0"}, None, "")[2]
    found = list(parse_index(b"not json\n" + body + b'{"url": "x", "timestamp": "2020", "status": "abc"}\n',
                             "CC-MAIN-2020-50"))
    assert [type(f) for f in found] == [BadIndexLine, IndexEntry, BadIndexLine]
    entry = found[1]
    assert isinstance(entry, IndexEntry)
    line = json.loads(body)
    assert (entry.url, entry.status, entry.offset, entry.length, entry.filename, entry.digest) == (
        INFORM, 200, int(line["offset"]), int(line["length"]), line["filename"], line["digest"])
    assert entry.captured_at == "2020-12-01T12:00:00+00:00" and entry.is_html_page()


def test_no_captures_is_a_404_with_a_json_message(archives: Archives) -> None:
    status, _, body = archives.answer("/CC-MAIN-2020-50-index", {"url": "kt.kz", "page": "0"}, None, "")
    assert status == 404 and "No Captures" in json.loads(body)["message"]


def test_a_record_is_asked_for_by_its_own_byte_range_only() -> None:
    entry = IndexEntry(INFORM, "20201201120000", 200, "text/html", "D", 1000, offset=5000, filename="crawl-data/a.warc.gz")
    assert record_request("https://data.example/", entry) == ("https://data.example/crawl-data/a.warc.gz",
                                                              "bytes=5000-5999")
    with pytest.raises(BadIndexLine):
        record_request("https://data.example", IndexEntry(INFORM, "20201201120000", 200, "text/html", "D", None))
