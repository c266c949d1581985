import gzip

import pytest

from kznews.discover.safexml import DiscoveryError, gunzip, parse_xml, text
from tests.discover.hostile import billion_laughs


def test_gunzip_within_the_limit():
    assert gunzip(gzip.compress(b"<urlset/>"), 100) == b"<urlset/>"


def test_gunzip_over_the_limit_is_refused_or_truncated():
    body = gzip.compress(b"x" * 1000)
    with pytest.raises(DiscoveryError, match="expands beyond 100 bytes"):
        gunzip(body, 100)
    assert gunzip(body, 100, strict=False) == b"x" * 100


def test_gunzip_exactly_at_the_limit():
    assert gunzip(gzip.compress(b"x" * 100), 100) == b"x" * 100


def test_text_leaves_entity_references_out():
    root = parse_xml(billion_laughs("a", "<a>before &lol9; after</a>"), "https://x.kz/")
    assert text(root) in ("before  after", "before")


def test_parse_xml_keeps_the_url_as_base():
    assert parse_xml(b"<a/>", "https://x.kz/feed/").base == "https://x.kz/feed/"
