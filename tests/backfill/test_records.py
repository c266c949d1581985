"""WARC records read with warcio: one fetched by byte range, or every response of a file."""

from __future__ import annotations

import gzip
import io

import pytest

from kznews.backfill.records import BadRecord, iter_responses, payload_digest, read_record

from .doubles import Snapshot, _warc
from .pages import INFORM, page

KT = "https://www.kt.kz/"


@pytest.fixture(scope="module")
def warc() -> tuple[bytes, list]:
    return _warc("CC-MAIN-2020-50", [Snapshot(INFORM, "20201201120000", page("inform.kz/article-ru-2020-a3725092.html")),
                                     Snapshot(KT, "20180321101500", page("kt.kz/homepage-2018-03-21.html"),
                                              content_type="text/html")])


def test_a_record_read_by_its_range_gives_the_page_as_served(warc: tuple[bytes, list]) -> None:
    data, records = warc
    first = records[0]
    response = read_record(data[first.offset:first.offset + first.length])
    assert response.body == page("inform.kz/article-ru-2020-a3725092.html")
    assert (response.url, response.status, response.date, response.digest) == (
        INFORM, 200, "2020-12-01T12:00:00+00:00", first.digest)
    assert response.digest == payload_digest(response.body) and response.is_html()


def test_a_record_cut_short_or_of_another_type_is_a_bad_record(warc: tuple[bytes, list]) -> None:
    data, records = warc
    first = records[0]
    with pytest.raises(BadRecord, match="truncated"):
        read_record(data[first.offset:first.offset + first.length // 2])
    with pytest.raises(BadRecord, match="request record"):
        read_record(data[:first.offset])  # the request record written before it
    with pytest.raises(BadRecord):
        read_record(b"<html>not a record</html>")


@pytest.mark.parametrize("compressed", [True, False])
def test_a_file_gives_every_response_with_its_offset(warc: tuple[bytes, list], compressed: bool) -> None:
    data, records = warc
    stream = io.BytesIO(data if compressed else gzip.decompress(data))
    responses = list(iter_responses(stream))
    assert [(r.url, r.body) for r in responses] == [(r.snapshot.url, r.snapshot.body) for r in records]
    if compressed:
        assert [r.offset for r in responses] == [r.offset for r in records]


def test_a_file_cut_short_ends_with_a_bad_record(warc: tuple[bytes, list]) -> None:
    data, records = warc
    for cut in (data[:records[1].offset + 100], gzip.decompress(data)[:-5000]):
        found = list(iter_responses(io.BytesIO(cut)))
        assert [type(f).__name__ for f in found] == ["Response", "BadRecord"]
