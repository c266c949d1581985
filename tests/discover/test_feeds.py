import gzip
import time

import pytest

from kznews.discover import DiscoveryError, parse_feed
from tests.discover.hostile import billion_laughs, xxe

RSS2 = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom"
     xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel>
  <title>Казинформ</title>
  <link>https://www.inform.kz/ru</link>
  <language>ru</language>
  <atom:link href="https://www.inform.kz/rss/ru" rel="self" type="application/rss+xml"/>
  <item>
    <title><![CDATA[Полностью обеспечить регион мясом птицы намерены в СКО]]></title>
    <atom:link href="https://www.inform.kz/ru/not-this" rel="related"/>
    <link>https://www.inform.kz/ru/polnost-yu-obespechit-region-myasom-pticy-namereny-v-sko_a3725092</link>
    <pubDate>Tue, 01 Dec 2020 14:02:00 +0600</pubDate>
    <guid>https://www.inform.kz/ru/article/3725092</guid>
  </item>
  <item>
    <title>Relative &amp; escaped</title>
    <link> /ru/relative_a3725093 </link>
    <dc:date>2020-12-01T15:00:00+06:00</dc:date>
    <dc:language>kk</dc:language>
  </item>
  <item>
    <title>Only a permalink guid</title>
    <guid isPermaLink="true">https://www.inform.kz/ru/guid-only_a3725094</guid>
  </item>
  <item>
    <title>Not a permalink</title>
    <guid isPermaLink="false">3725095</guid>
  </item>
  <item><title>Javascript</title><link>javascript:void(0)</link></item>
  <item>
    <title>Duplicate</title>
    <link>https://www.inform.kz/ru/polnost-yu-obespechit-region-myasom-pticy-namereny-v-sko_a3725092</link>
  </item>
</channel>
</rss>
""".encode()

RSS1 = b"""<?xml version="1.0" encoding="UTF-8"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"
         xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">
  <channel rdf:about="https://kt.kz/rus/rss/">
    <title>Kazakhstan Today</title>
    <dc:language>ru</dc:language>
    <items><rdf:Seq><rdf:li rdf:resource="https://kt.kz/rus/society/a_1.html"/></rdf:Seq></items>
  </channel>
  <item rdf:about="https://kt.kz/rus/society/a_1.html">
    <title>Item with link</title>
    <link>https://kt.kz/rus/society/a_1.html</link>
    <dc:date>2018-03-21T10:15:00+06:00</dc:date>
  </item>
  <item rdf:about="https://kt.kz/rus/economy/b_2.html">
    <title>Item with rdf:about only</title>
  </item>
</rdf:RDF>
"""

ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="en"
      xml:base="https://astanatimes.com/">
  <title>The Astana Times</title>
  <entry>
    <title type="html">Kazakhstan &amp; Uzbekistan sign accord</title>
    <link rel="self" href="https://astanatimes.com/feed/entry/1"/>
    <link rel="alternate" type="application/pdf" href="/2024/03/accord.pdf"/>
    <link rel="alternate" type="text/html" href="/2024/03/kazakhstan-uzbekistan-accord/"/>
    <published>2024-03-27T10:00:00+05:00</published>
    <updated>2024-03-27T12:30:00+05:00</updated>
  </entry>
  <entry xml:lang="kk" xml:base="https://astanatimes.com/kk/">
    <title>Қазақстан жаңалықтары</title>
    <link href="zhanalyq-2/"/>
    <updated>2024-03-28T09:00:00+05:00</updated>
  </entry>
  <entry><title>No link</title></entry>
</feed>
""".encode()


def test_rss2_links_titles_dates_and_language():
    entries = parse_feed(RSS2, "https://www.inform.kz/rss/ru")
    assert [(e.link, e.title, e.published, e.lang) for e in entries] == [
        (
            "https://www.inform.kz/ru/polnost-yu-obespechit-region-myasom-pticy-namereny-v-sko_a3725092",
            "Полностью обеспечить регион мясом птицы намерены в СКО",
            "Tue, 01 Dec 2020 14:02:00 +0600",
            "ru",
        ),
        (
            "https://www.inform.kz/ru/relative_a3725093",
            "Relative & escaped",
            "2020-12-01T15:00:00+06:00",
            "kk",
        ),
        ("https://www.inform.kz/ru/guid-only_a3725094", "Only a permalink guid", None, "ru"),
    ]


def test_rss1_rdf():
    entries = parse_feed(RSS1, "https://kt.kz/rus/rss/")
    assert [(e.link, e.published, e.lang) for e in entries] == [
        ("https://kt.kz/rus/society/a_1.html", "2018-03-21T10:15:00+06:00", "ru"),
        ("https://kt.kz/rus/economy/b_2.html", None, "ru"),
    ]


def test_atom_alternate_html_link_xml_base_and_lang():
    entries = parse_feed(ATOM, "https://astanatimes.com/feed/atom/")
    assert [(e.link, e.title, e.published, e.updated, e.lang) for e in entries] == [
        (
            "https://astanatimes.com/2024/03/kazakhstan-uzbekistan-accord/",
            "Kazakhstan & Uzbekistan sign accord",
            "2024-03-27T10:00:00+05:00",
            "2024-03-27T12:30:00+05:00",
            "en",
        ),
        (
            "https://astanatimes.com/kk/zhanalyq-2/",
            "Қазақстан жаңалықтары",
            None,
            "2024-03-28T09:00:00+05:00",
            "kk",
        ),
    ]


def test_gzip_bom_and_whitespace():
    body = gzip.compress(b"\xef\xbb\xbf \r\n" + RSS2)
    assert len(parse_feed(body, "https://www.inform.kz/rss/ru")) == 3


def test_undefined_html_entity_is_recovered():
    body = (
        b"<rss><channel><item><title>A&nbsp;B &laquo;C&raquo;</title>"
        b"<link>https://zakon.kz/4912345-a.html</link></item></channel></rss>"
    )
    (entry,) = parse_feed(body, "https://zakon.kz/rss.xml")
    assert entry.link == "https://zakon.kz/4912345-a.html"
    assert entry.title is not None and "&" not in entry.title


@pytest.mark.parametrize(
    ("body", "message"),
    [
        (b"", "not XML"),
        (b"<html><head><title>x</title></head></html>", "not a feed (root element <html>)"),
        (b"<urlset/>", "not a feed (root element <urlset>)"),
    ],
)
def test_unusable_bodies_raise(body, message):
    with pytest.raises(DiscoveryError, match=message.replace("(", r"\(").replace(")", r"\)")):
        parse_feed(body, "https://kt.kz/rus/rss/")


def test_gzip_bomb_is_refused():
    bomb = gzip.compress(b"<rss>" + b" " * (8 * 1024 * 1024))
    with pytest.raises(DiscoveryError, match="expands beyond"):
        parse_feed(bomb, "https://kt.kz/rus/rss/", max_bytes=1024 * 1024)


def test_billion_laughs_is_not_expanded():
    body = billion_laughs(
        "rss",
        "<rss><channel><item><link>https://kt.kz/rus/a_1.html</link><title>&lol9;</title>"
        "</item></channel></rss>",
    )
    # libxml2 stops at the unexpanded reference; what came before it is recovered.
    started = time.monotonic()
    (entry,) = parse_feed(body, "https://kt.kz/rus/rss/")
    assert time.monotonic() - started < 1
    assert "lol" not in (entry.title or "")


def test_xxe_does_not_read_local_files(tmp_path):
    secret = tmp_path / "passwd"
    secret.write_text("root:x:0:0:TOP-SECRET-42")
    body = xxe(
        "rss",
        "<rss><channel><language>&xxe;</language><item><title>&xxe;</title>"
        "<link>https://kt.kz/rus/a_1.html</link><pubDate>&xxe;</pubDate></item>"
        "<item><link>https://kt.kz/rus/b_2.html&xxe;</link></item>"
        "</channel></rss>",
        secret,
    )
    entries = parse_feed(body, "https://kt.kz/rus/rss/")
    assert [e.link for e in entries] == ["https://kt.kz/rus/a_1.html"]
    assert "TOP-SECRET" not in repr(entries)
