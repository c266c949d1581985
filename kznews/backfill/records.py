"""WARC (and ARC) records: one record fetched by byte range, or every record of a file.

Read with warcio: it reads ARC too (FastWARC does not), and reading is a small part of a record's cost
beside its extraction (``bench/backfill.py`` measures both readers).  A record's HTTP body is given
decoded (chunked transfer and gzip/deflate content coding undone), as a live fetch gives it.
"""

from __future__ import annotations

import base64
import hashlib
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from io import BytesIO
from typing import IO, Any

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed

from kznews.backfill.cdx import HTML_TYPES

# Headers that describe the transfer of the body, not the decoded body a record gives.
_TRANSFER_HEADERS = {"content-encoding", "transfer-encoding", "content-length"}


class BadRecord(ValueError):
    """A record that cannot be read (truncated, not a WARC response): counted, never fatal."""


@dataclass
class Response:
    """An HTTP response as a WARC record holds it."""

    url: str
    status: int
    headers: dict[str, list[str]]
    body: bytes
    date: str  # the capture time, ISO 8601 UTC
    digest: str  # base32 SHA-1 of the payload, as CDX indexes write it (no "sha1:")
    record_id: str | None = None
    offset: int = 0  # where the record starts in its file
    kznews: dict[str, str] | None = None  # the KZNews-* headers of a kznews export

    def is_html(self) -> bool:
        """Declared HTML, or undeclared and looking like it."""
        declared = next((v for k, vs in self.headers.items() if k.lower() == "content-type" for v in vs), None)
        if declared is not None:
            return declared.split(";")[0].strip().lower() in HTML_TYPES
        start = self.body[:1024].lstrip().lower()
        return start.startswith((b"<!doctype html", b"<html"))


def _iso(warc_date: str | None) -> str:
    if not warc_date:
        raise BadRecord("record has no WARC-Date")
    try:
        moment = datetime.fromisoformat(warc_date.replace("Z", "+00:00"))
    except ValueError:
        raise BadRecord(f"bad WARC-Date {warc_date!r}") from None
    moment = moment if moment.tzinfo else moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC).isoformat(timespec="seconds")


def payload_digest(body: bytes) -> str:
    """Base32 SHA-1 of a payload, the digest CDX indexes and ``WARC-Payload-Digest`` carry."""
    return base64.b32encode(hashlib.sha1(body).digest()).decode("ascii")


def _response(record: Any, offset: int) -> Response | None:
    """The response a record holds, or None for any other record (request, metadata, warcinfo...)."""
    if record.rec_type != "response" or record.http_headers is None:
        return None
    http = record.http_headers
    try:
        status = int(http.get_statuscode())
    except (TypeError, ValueError):
        raise BadRecord(f"bad HTTP status line {http.statusline!r}") from None
    headers: dict[str, list[str]] = {}
    for name, value in http.headers:
        if name.lower() not in _TRANSFER_HEADERS:
            headers.setdefault(name, []).append(value)
    try:
        body = record.content_stream().read()
    except (OSError, EOFError, zlib.error) as exc:
        raise BadRecord(f"unreadable payload: {exc}") from None
    if getattr(record.raw_stream, "limit", 0) > 0:  # the file ended before the record's Content-Length
        raise BadRecord(f"truncated record at offset {offset}")
    warc = record.rec_headers
    declared = (warc.get_header("WARC-Payload-Digest") or "").partition(":")[2]
    kznews = {k[len("KZNews-"):].lower(): v for k, v in warc.headers if k.startswith("KZNews-")}
    return Response(
        url=warc.get_header("WARC-Target-URI") or "", status=status, headers=headers, body=body,
        date=_iso(warc.get_header("WARC-Date")), digest=declared or payload_digest(body),
        record_id=warc.get_header("WARC-Record-ID"), offset=offset, kznews=kznews or None,
    )


def read_record(data: bytes) -> Response:
    """The response in one gzip-member record fetched by byte range (a Common Crawl record).

    ``BadRecord`` when the member is cut short, or holds anything but a response.
    """
    inflate = zlib.decompressobj(16 + zlib.MAX_WBITS)
    try:
        raw = inflate.decompress(data)
    except zlib.error as exc:
        raise BadRecord(f"not a gzip member: {exc}") from None
    if not inflate.eof:
        raise BadRecord(f"truncated record ({len(data)} bytes, its gzip member unfinished)")
    try:
        for record in ArchiveIterator(BytesIO(raw)):
            response = _response(record, 0)
            if response is None:
                raise BadRecord(f"a {record.rec_type} record, not a response")
            return response
    except ArchiveLoadFailed as exc:
        raise BadRecord(f"not a WARC record: {exc}") from None
    raise BadRecord("no record in the answer")


def iter_responses(stream: IO[bytes]) -> Iterator[Response | BadRecord]:
    """Every response record of a WARC or ARC file (gzip or not), with its offset; other records are skipped.

    ``stream`` must be seekable.  A record that cannot be read is yielded as ``BadRecord``; so is a file cut
    short (warcio ends quietly at a gzip member cut short: the bytes after the last whole record tell).
    """
    records = ArchiveIterator(stream, arc2warc=True)
    end = 0
    try:
        for record in records:
            try:  # the record's content first: asking warcio for its offset reads it to its end
                response = _response(record, end)
            except BadRecord as exc:
                yield exc
                continue
            finally:
                records.read_to_end(record)
                end = records.get_record_offset() + records.get_record_length()
            if response is not None:
                response.offset = records.get_record_offset()
                yield response
    except (ArchiveLoadFailed, OSError, EOFError, zlib.error) as exc:
        yield BadRecord(f"unreadable from offset {end}: {exc}")
        return
    stream.seek(end)
    if stream.read(64).strip():  # blank lines may follow the last record of an uncompressed file
        yield BadRecord(f"unreadable from offset {end}: the file ends inside a record")
