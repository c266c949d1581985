"""The Wayback Machine's CDX search answers (a list of lists) and raw playback URLs."""

from __future__ import annotations

from datetime import date

from kznews.backfill.cdx import BadIndexLine, IndexEntry
from kznews.backfill.wayback import parse_search, playback_target, playback_url, search_url

from .doubles import Archives, Snapshot
from .pages import IC24, ic24_article


def test_the_search_asks_for_200_captures_of_the_domain_collapsed_by_digest() -> None:
    assert search_url("https://web.archive.org/", "ic24.kz", date(2024, 4, 1), None) == (
        "https://web.archive.org/cdx/search/cdx?url=ic24.kz&matchType=domain&output=json&collapse=digest"
        "&filter=statuscode%3A200&from=20240401000000")


def test_a_list_of_lists_becomes_entries_by_its_header_row() -> None:
    body = ic24_article()
    archives = Archives(wayback=[Snapshot(IC24, "20240417063000", body), Snapshot(IC24, "20240418000000", body),
                                 Snapshot(IC24, "20240419000000", body + b" ")])
    answer = archives.answer("/cdx/search/cdx", {"url": "ic24.kz", "output": "json", "collapse": "digest"}, None, "")[2]
    entries = list(parse_search(answer))
    assert [(e.url, e.timestamp, e.status, e.length) for e in entries if isinstance(e, IndexEntry)] == [
        (IC24, "20240417063000", 200, len(body)), (IC24, "20240419000000", 200, len(body) + 1)]


def test_rows_that_are_not_captures_are_reported_and_the_others_kept() -> None:
    header = b'[["urlkey","timestamp","original","mimetype","statuscode","digest","length"],'
    found = list(parse_search(header + b'["kz,ic24)/", "20240417063000", "https://ic24.kz/", "text/html", "-", "D", "9"],'
                              b'["short"]]'))
    assert isinstance(found[0], IndexEntry) and found[0].status is None
    assert isinstance(found[1], BadIndexLine)
    assert list(parse_search(b"[]")) == [] and list(parse_search(b"")) == []
    assert [type(f) for f in parse_search(b"<html>busy</html>")] == [BadIndexLine]


def test_playback_is_the_raw_capture_and_a_redirect_names_its_own_time() -> None:
    entry = IndexEntry(IC24, "20240417063000", 200, "text/html", None, None)
    url = playback_url("https://web.archive.org", entry)
    assert url == f"https://web.archive.org/web/20240417063000id_/{IC24}"
    assert playback_target(url) == ("20240417063000", IC24)
    assert playback_target(f"https://web.archive.org/web/20240417063000/{IC24}") is None
