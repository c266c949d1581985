"""How the archive keeps raw pages: zlib-compressed, identified by the SHA-256 of the raw bytes.

Packing is a pure function of the body, so it can run wherever a core is free: the
crawl packs each page in the extraction worker, beside extraction, and the writer
packs only what arrives unpacked (a page whose extraction failed, ``kznews reextract``).
"""

from __future__ import annotations

import hashlib
import zlib

from kznews.items import PackedBody, PageItem

LEVEL = 1  # level 1 is several times faster than the default 6, for a few % more bytes


def pack(body: bytes) -> PackedBody:
    """``body`` as the ``pages`` table stores it."""
    return PackedBody(hashlib.sha256(body).hexdigest(), zlib.compress(body, LEVEL))


def packed(item: PageItem) -> PackedBody:
    """The item's packed body: the one packed beside extraction, or packed now."""
    return item.packed or pack(item.body)


def unpack(compressed: bytes) -> bytes:
    """The raw page of a ``pages.body``."""
    return zlib.decompress(compressed)
