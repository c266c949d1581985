"""The Wayback Machine's CDX search answers (a list of lists) and raw playback URLs."""

from __future__ import annotations

from datetime import date

import pytest

from kznews.backfill.cdx import BadIndexLine, IndexEntry, parse_num_pages
from kznews.backfill.wayback import NUM_PAGES, parse_search, playback_target, playback_url, search_url

from .doubles import Archives, Snapshot
from .pages import IC24, ic24_article


def test_the_search_asks_for_200_captures_of_the_domain_collapsed_by_digest() -> None:
    assert search_url("https://web.archive.org/", "ic24.kz", date(2024, 4, 1), None) == (
        "https://web.archive.org/cdx/search/cdx?url=ic24.kz&matchType=domain&output=json&collapse=digest"
        "&filter=statuscode%3A200&from=20240401000000&showResumeKey=true")
    assert search_url("https://web.archive.org", "ic24.kz", None, None, page=NUM_PAGES).endswith(
        "&filter=statuscode%3A200&showNumPages=true")
    assert search_url("https://web.archive.org", "ic24.kz", None, None, page=2, resume_key="kz%2Cic24%29%2F+2024%21"
                      ).endswith("&page=2&showResumeKey=true&resumeKey=kz%252Cic24%2529%252F%2B2024%2521")


def test_a_list_of_lists_becomes_entries_by_its_header_row() -> None:
    body = ic24_article()
    archives = Archives(wayback=[Snapshot(IC24, "20240417063000", body), Snapshot(IC24, "20240418000000", body),
                                 Snapshot(IC24, "20240419000000", body + b" ")])
    answer = archives.answer("/cdx/search/cdx", {"url": "ic24.kz", "output": "json", "collapse": "digest"}, None, "")[2]
    entries, resume_key = parse_search(answer)
    assert [(e.url, e.timestamp, e.status, e.length) for e in entries if isinstance(e, IndexEntry)] == [
        (IC24, "20240417063000", 200, len(body)), (IC24, "20240419000000", 200, len(body) + 1)]
    assert resume_key is None


def test_rows_that_are_not_captures_are_reported_and_the_others_kept() -> None:
    header = b'[["urlkey","timestamp","original","mimetype","statuscode","digest","length"],'
    found, _ = parse_search(header + b'["kz,ic24)/", "20240417063000", "https://ic24.kz/", "text/html", "-", "D", "9"],'
                            b'["short"]]')
    assert isinstance(found[0], IndexEntry) and found[0].status is None
    assert isinstance(found[1], BadIndexLine)
    assert parse_search(b"[]") == ([], None) and parse_search(b"") == ([], None)
    assert [type(f) for f in parse_search(b"<html>busy</html>")[0]] == [BadIndexLine]


def _ic24_stories(n: int) -> list[Snapshot]:
    body = ic24_article()
    return [Snapshot(IC24.replace("u45694", f"u4569{i}"), f"2024041{i}063000", body + b" " * i) for i in range(n)]


def test_a_domain_over_several_pages_is_read_page_by_page_and_each_page_to_its_end_by_resumption_keys() -> None:
    archives = Archives(wayback=_ic24_stories(7), wayback_page_size=3, wayback_max_rows=2)
    query = {"url": "ic24.kz", "matchType": "domain", "output": "json", "collapse": "digest"}
    pages = parse_num_pages(archives.answer("/cdx/search/cdx", {**query, "showNumPages": "true"}, None, "")[2])
    assert pages == 3
    listed = []
    for page in range(pages):
        resume_key: str | None = None
        while True:
            asked = {**query, "page": str(page), "showResumeKey": "true"} | ({"resumeKey": resume_key} if resume_key else {})
            entries, resume_key = parse_search(archives.answer("/cdx/search/cdx", asked, None, "")[2])
            assert len(entries) <= 2
            listed += [e.url for e in entries if isinstance(e, IndexEntry)]
            if resume_key is None:
                break
    assert sorted(listed) == sorted(s.url for s in archives.wayback)  # every capture once


def test_a_server_that_cannot_page_answers_400_and_a_cut_page_is_one_bad_answer() -> None:
    archives = Archives(wayback=_ic24_stories(4), wayback_page_size=2, broken_pages={1})
    query = {"url": "ic24.kz", "output": "json"}
    entries, _ = parse_search(archives.answer("/cdx/search/cdx", {**query, "page": "1"}, None, "")[2])
    assert [type(e) for e in entries] == [BadIndexLine]
    assert Archives(wayback=_ic24_stories(1)).answer("/cdx/search/cdx", {**query, "showNumPages": "true"}, None, "")[0] == 400
    with pytest.raises(BadIndexLine):
        parse_num_pages(b"<html>")


def test_playback_is_the_raw_capture_and_a_redirect_names_its_own_time() -> None:
    entry = IndexEntry(IC24, "20240417063000", 200, "text/html", None, None)
    url = playback_url("https://web.archive.org", entry)
    assert url == f"https://web.archive.org/web/20240417063000id_/{IC24}"
    assert playback_target(url) == ("20240417063000", IC24)
    assert playback_target(f"https://web.archive.org/web/20240417063000/{IC24}") is None
