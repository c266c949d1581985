import gzip
import re
import time

import pytest

from kznews.discover import DiscoveryError, parse_sitemap
from tests.discover.hostile import billion_laughs, xxe

URL = "https://tengrinews.kz/sitemap-index.xml"

INDEX = b"""<?xml version="1.0" encoding="UTF-8"?>
<?xml-stylesheet type="text/xsl" href="/sitemap.xsl"?>
<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
  <sitemap>
    <loc>https://tengrinews.kz/sitemap-news.xml</loc>
    <lastmod>2024-03-27T20:10:00+05:00</lastmod>
  </sitemap>
  <sitemap>
    <loc>
      https://tengrinews.kz/sitemap-2024-03.xml.gz
    </loc>
  </sitemap>
  <sitemap><loc>/sitemap-relative.xml</loc></sitemap>
</sitemapindex>
"""

NEWS = """<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"
        xmlns:news="http://www.google.com/schemas/sitemap-news/0.9"
        xmlns:xhtml="http://www.w3.org/1999/xhtml">
  <url>
    <loc>https://tengrinews.kz/kazakhstan_news/tokaev-podpisal-zakon-531234/</loc>
    <lastmod>2024-03-27T20:15:00+05:00</lastmod>
    <news:news>
      <news:publication>
        <news:name>Tengrinews.kz</news:name>
        <news:language>ru</news:language>
      </news:publication>
      <news:publication_date>2024-03-27T20:10:00+05:00</news:publication_date>
      <news:title>Токаев подписал закон о СМИ</news:title>
    </news:news>
    <xhtml:link rel="alternate" hreflang="ru"
      href="https://tengrinews.kz/kazakhstan_news/tokaev-podpisal-zakon-531234/"/>
    <xhtml:link rel="alternate" hreflang="kk"
      href="https://kaz.tengrinews.kz/kazakhstan_news/tokaev-zanga-kol-qoydy-531235/"/>
  </url>
  <url>
    <loc>https://tengrinews.kz/world_news/plain-page-531200/</loc>
  </url>
</urlset>
""".encode()


def test_index_lists_child_sitemaps_with_lastmod():
    sitemap = parse_sitemap(INDEX, URL)
    assert sitemap.kind == "index"
    assert [e.loc for e in sitemap.entries] == [
        "https://tengrinews.kz/sitemap-news.xml",
        "https://tengrinews.kz/sitemap-2024-03.xml.gz",
        "https://tengrinews.kz/sitemap-relative.xml",
    ]
    assert sitemap.entries[0].lastmod == "2024-03-27T20:10:00+05:00"
    assert sitemap.entries[1].lastmod is None


def test_news_sitemap_fields_and_hreflang_alternates():
    sitemap = parse_sitemap(NEWS, "https://tengrinews.kz/sitemap-news.xml")
    assert sitemap.kind == "urlset"
    first, second = sitemap.entries
    assert first.news_title == "Токаев подписал закон о СМИ"
    assert first.news_publication_date == "2024-03-27T20:10:00+05:00"
    assert first.news_language == "ru"
    assert first.lastmod == "2024-03-27T20:15:00+05:00"
    assert first.alternates == {
        "ru": "https://tengrinews.kz/kazakhstan_news/tokaev-podpisal-zakon-531234/",
        "kk": "https://kaz.tengrinews.kz/kazakhstan_news/tokaev-zanga-kol-qoydy-531235/",
    }
    assert (second.news_title, second.lastmod, second.alternates) == (None, None, {})


def test_gzipped_body_is_detected_by_magic_bytes():
    sitemap = parse_sitemap(gzip.compress(NEWS), "https://tengrinews.kz/sitemap-2024-03.xml.gz")
    assert len(sitemap.entries) == 2


def test_bom_and_leading_whitespace():
    sitemap = parse_sitemap(b"\xef\xbb\xbf\n\n  " + NEWS, URL)
    assert len(sitemap.entries) == 2


def test_orda_junk_locs_are_cleaned_or_dropped():
    body = """<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
<url><loc>https://orda.kz/kak-izmenitsya-zhizn-v-2024-godu-393123/\ufffc</loc></url>
<url><loc>\u200bhttps://orda.kz/\ufe0fprezident-vstretilsya-s-akimami-393124/</loc></url>
<url><loc>https://orda.kz/__trashed-17/</loc></url>
<url><loc>https://orda.kz/proekt-zakona__trashed/</loc></url>
<url><loc>javascript:alert(1)</loc></url>
<url><loc>mailto:info@orda.kz</loc></url>
<url><loc></loc></url>
<url><lastmod>2024-01-01</lastmod></url>
<url><loc>https://orda.kz/kak-izmenitsya-zhizn-v-2024-godu-393123/</loc></url>
</urlset>""".encode()
    sitemap = parse_sitemap(body, "https://orda.kz/sitemap/sitemap_news1.xml")
    assert [e.loc for e in sitemap.entries] == [
        "https://orda.kz/kak-izmenitsya-zhizn-v-2024-godu-393123/",
        "https://orda.kz/prezident-vstretilsya-s-akimami-393124/",
    ]


def test_sitemap_without_namespace_is_accepted():
    body = b"<urlset><url><loc>https://kazpravda.kz/n/novost/</loc></url></urlset>"
    assert parse_sitemap(body, "https://kazpravda.kz/sitemap.xml").entries[0].loc == (
        "https://kazpravda.kz/n/novost/"
    )


def test_truncated_document_returns_what_was_recovered():
    cut = NEWS[: NEWS.index(b"<loc>https://tengrinews.kz/world_news")]
    sitemap = parse_sitemap(cut, URL)
    assert [e.news_title for e in sitemap.entries] == ["Токаев подписал закон о СМИ"]


@pytest.mark.parametrize(
    ("body", "message"),
    [
        (b"", "not XML"),
        (b"   \n", "not XML"),
        (b"Service Unavailable", "not XML"),
        (b"<html><body>404</body></html>", "not a sitemap (root element <html>)"),
        (b'<rss version="2.0"><channel/></rss>', "not a sitemap (root element <rss>)"),
        (b"\x1f\x8b\x08\x00garbage", "truncated or corrupt gzip"),
        (gzip.compress(NEWS)[:200], "truncated or corrupt gzip"),
    ],
)
def test_unusable_bodies_raise_a_one_line_error(body, message):
    with pytest.raises(DiscoveryError, match=re.escape(message)) as info:
        parse_sitemap(body, URL)
    assert "\n" not in str(info.value)


def test_byte_cap_applies_before_parsing():
    with pytest.raises(DiscoveryError, match="exceeds the 1000-byte cap"):
        parse_sitemap(NEWS + b" " * 1000, URL, max_bytes=1000)


def test_gzip_bomb_is_refused():
    bomb = gzip.compress(b"<urlset>" + b" " * (20 * 1024 * 1024))
    assert len(bomb) < 100_000
    with pytest.raises(DiscoveryError, match="gzip body expands beyond"):
        parse_sitemap(bomb, URL, max_bytes=1024 * 1024)


def test_gzip_bomb_is_refused_at_the_default_cap():
    bomb = gzip.compress(b"\0" * (51 * 1024 * 1024), compresslevel=1)
    with pytest.raises(DiscoveryError, match="gzip body expands beyond 52428800 bytes"):
        parse_sitemap(bomb, URL)


def test_billion_laughs_is_not_expanded():
    body = billion_laughs(
        "urlset",
        "<urlset><url><loc>https://orda.kz/a-1/</loc><lastmod>&lol9;</lastmod></url>"
        "<url><loc>https://orda.kz/&lol9;/</loc></url></urlset>",
    )
    started = time.monotonic()
    sitemap = parse_sitemap(body, URL)
    assert time.monotonic() - started < 1
    assert [e.loc for e in sitemap.entries] == ["https://orda.kz/a-1/"]
    assert "lol" not in (sitemap.entries[0].lastmod or "")


def test_xxe_does_not_read_local_files(tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET-41")
    body = xxe(
        "urlset",
        "<urlset><url><loc>https://orda.kz/a-1/&xxe;</loc></url>"
        "<url><loc>https://orda.kz/b-2/</loc><lastmod>&xxe;</lastmod>"
        '<link rel="alternate" hreflang="&xxe;" href="https://orda.kz/&xxe;"/></url></urlset>',
        secret,
    )
    sitemap = parse_sitemap(body, URL)
    assert "TOP-SECRET" not in repr(sitemap)
    assert [e.loc for e in sitemap.entries] == ["https://orda.kz/b-2/"]
