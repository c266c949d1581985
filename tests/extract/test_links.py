"""links.py: article links on listing pages with headline and printed time."""

import re
from datetime import datetime, timezone
from urllib.parse import urldefrag, urljoin, urlsplit

import pytest

from kznews.extract.html import decode, parse
from kznews.extract.links import _may_be_whole_date, _resolver, _when, find_links, looks_like_article
from kznews.sites import Outlet

from .shared import cases, ids, page

KT = Outlet(key="kt", name="Kazakhstan Today", domains=("kt.kz",), articles=(r"^/rus/[a-z_]+/[^/]+_\d+\.html$",), editions=())
KT_URL = "https://www.kt.kz/rus/"
FEED_ITEM = re.compile(rb'<div class="feed_item">.*?<a href="(/rus/[^"]+)"', re.S)


def _kt_feed_paths() -> list[str]:
    """Link targets of the 30 feed items, straight from the saved bytes."""
    return [m.decode() for m in FEED_ITEM.findall(page("kt.kz/homepage-2018-03-21.html"))]


def _kt_links(outlet=KT):
    return {h.url: h for h in find_links(parse(decode(page("kt.kz/homepage-2018-03-21.html"))), KT_URL, outlet=outlet)}


def test_kt_page_has_30_feed_items_one_broken():
    paths = _kt_feed_paths()
    assert len(paths) == 30 and paths.count("/rus/society/.html") == 1


def test_kt_feed_items_found_with_outlet():
    links = _kt_links()
    wanted = {"https://www.kt.kz" + p for p in _kt_feed_paths() if p != "/rus/society/.html"}
    assert wanted <= set(links)


def test_kt_broken_link_skipped_with_outlet():
    assert not any(u.endswith("/rus/society/.html") for u in _kt_links())


def test_kt_broken_link_skipped_without_outlet():
    assert not any(u.endswith("/rus/society/.html") for u in _kt_links(None))


def test_kt_feed_items_found_without_outlet():
    wanted = {"https://www.kt.kz" + p for p in _kt_feed_paths() if p != "/rus/society/.html"}
    assert wanted <= set(_kt_links(None))


def test_kt_feed_item_time_as_printed():
    hint = _kt_links()["https://www.kt.kz/rus/politics/nazarbaev_pribil_v_samarkand_1153654429.html"]
    assert hint.published_raw == "21.03.2018 18:27"


def test_kt_feed_item_time_parsed():
    hint = _kt_links()["https://www.kt.kz/rus/politics/nazarbaev_pribil_v_samarkand_1153654429.html"]
    assert hint.published_at == "2018-03-21T18:27:00+06:00"


def test_kt_feed_item_headline():
    hint = _kt_links()["https://www.kt.kz/rus/politics/nazarbaev_pribil_v_samarkand_1153654429.html"]
    assert hint.headline == "Назарбаев прибыл в Самарканд"


def test_kt_every_feed_item_has_full_date():
    links = _kt_links()
    feed = ["https://www.kt.kz" + p for p in _kt_feed_paths() if p != "/rus/society/.html"]
    assert all(links[u].published_at for u in feed)


def test_kt_links_deduplicated_across_http_and_https():
    keys = [u.split("://")[1] for u in _kt_links()]
    assert len(keys) == len(set(keys))


def test_kt_generic_mode_drops_short_headlines():
    assert "http://www.kt.kz/rus/ad/zakon_rk_1153652526.html" not in _kt_links(None)


def test_zakon_time_inside_link_is_split_from_headline():
    links = {h.url: h for h in find_links(parse(decode(page("zakon.kz/homepage-2018-03-18.html"))), "https://www.zakon.kz/")}
    hint = links["https://www.zakon.kz/4909244-kazahstan-napravil-203-nablyudatelya-na.html"]
    assert (hint.headline, hint.published_raw, hint.published_at) == (
        "Казахстан направил 203 наблюдателя на президентские выборы в России", "15:43", None)


def test_generic_url_rule_accepts_slug_with_id():
    assert looks_like_article("https://www.zakon.kz/4909244-kazahstan-napravil.html", "https://zakon.kz/")


def test_generic_url_rule_rejects_other_host():
    assert not looks_like_article("https://other.kz/4909244-kazahstan-napravil.html", "https://zakon.kz/")


def test_generic_url_rule_rejects_section_page():
    assert not looks_like_article("https://www.zakon.kz/politics/", "https://zakon.kz/")


def _zakon_times():
    html = page("zakon.kz/homepage-2018-03-18.html")
    links = find_links(parse(decode(html)), "https://www.zakon.kz/", fetched_at="2018-03-18T14:00:00+00:00")
    return {h.published_raw: h.published_at for h in links if h.published_raw and ":" in h.published_raw}


def test_zakon_clock_times_resolved_against_fetch_time():
    assert _zakon_times()["19:18"] == "2018-03-18T19:18:00+06:00"


def test_zakon_clock_times_cross_midnight_into_the_day_before():
    times = _zakon_times()
    assert (times["00:04"], times["23:57"], times["17:55"]) == (
        "2018-03-18T00:04:00+06:00", "2018-03-17T23:57:00+06:00", "2018-03-17T17:55:00+06:00")


def test_clock_times_stay_unresolved_without_fetch_time():
    links = find_links(parse(decode(page("zakon.kz/homepage-2018-03-18.html"))), "https://www.zakon.kz/")
    assert all(h.published_at is None for h in links if h.published_raw == "19:18")


def test_relative_listing_time():
    html = ('<html><body><div class="item"><a href="/news/123456-novost-o-vazhnom-sobytii.html">'
            'Новость о важном событии в городе</a><span>Вчера, 23:10</span></div></body></html>')
    hint = find_links(parse(html), "https://x.kz/", fetched_at="2024-04-18T10:00:00+00:00")[0]
    assert (hint.published_raw, hint.published_at) == ("Вчера, 23:10", "2024-04-17T23:10:00+05:00")


HREF = re.compile(rb'href\s*=\s*["\']([^"\']*)["\']', re.I)
ODD_HREFS = ["//cdn.kt.kz/a.html", "/rus/../eng/x_1.html", "/rus//x_1.html", "/rus/./x_1.html", "/rus/.", "?page=2",
             "x_1.html", "../x_1.html", "/x?", "/x;p=1", "HTTP://KT.KZ/A", "https://kt.kz/a#frag", "https://kt.kz/a?",
             " /rus/x_1.html ", "/новости/123", "https://kt.kz:8080/a?b=1#c", "/a\tb", "/a b", "https://[::1]/a", "#top"]


@pytest.mark.parametrize("name", ["kt.kz/homepage-2018-03-21.html", "zakon.kz/homepage-2018-03-18.html",
                                  "nur.kz/homepage-2018-03-17.html"])
def test_hrefs_resolve_as_urljoin_does(name):
    """The string fast path gives urljoin's URL and urlsplit's host and path for every href of a real listing and
    the odd shapes."""
    hrefs = [h.decode("utf-8", "replace") for h in HREF.findall(page(name))] + ODD_HREFS
    for base in ("https://www.kt.kz/rus/", "http://zakon.kz", ""):
        resolve = _resolver(base)
        for href in hrefs:
            if href.strip() and not href.strip().startswith(("#", "javascript:", "mailto:", "tel:")):
                url = urldefrag(urljoin(base, href.strip()))[0]
                parts = urlsplit(url)
                path = f"{parts.path}?{parts.query}" if parts.query else parts.path
                assert resolve(href) == (url, parts.hostname or "", path), (base, href)


@pytest.mark.parametrize("printed, expected", [
    ("Сегодня, 14:35", "2024-04-18T14:35:00+05:00"), ("Вчера", "2024-04-17T00:00:00+05:00"),
    ("Бүгін", "2024-04-18T00:00:00+05:00"), ("Кеше", "2024-04-17T00:00:00+05:00"),
    ("2 сағат бұрын", "2024-04-18T13:00:00+05:00"), ("5 минут назад", "2024-04-18T14:55:00+05:00"),
    ("5 hours 42 min ago", "2024-04-18T09:18:00+05:00"), ("YESTERDAY", "2024-04-17T00:00:00+05:00"),
    ("только что", "2024-04-18T15:00:00+05:00"), ("2 SAǴAT BURIN", "2024-04-18T13:00:00+05:00"),
])
def test_relative_times_beside_and_inside_links(printed, expected):
    """Every relative form gets past the cheap word test, beside a link and inside it."""
    beside = (f'<div><a href="/news/123456-novost.html">Новость о важном событии в городе</a>'
              f'<span>{printed}</span></div>')
    inside = f'<div><a href="/news/654321-novost.html">Другая новость о важном событии <i>{printed}</i></a></div>'
    hints = find_links(parse(f"<html><body>{beside}{inside}</body></html>"), "https://x.kz/",
                       fetched_at="2024-04-18T10:00:00+00:00")
    assert [(h.published_raw, h.published_at) for h in hints] == [(printed, expected)] * 2


@pytest.mark.parametrize("case", cases("date"), ids=ids(cases("date")))
def test_a_date_printed_alone_passes_the_cheap_test(case):
    """Every real printed date the date search reads in full gets past the test that spares headlines it."""
    text = " ".join(case["text"].split())
    found = _when(text, datetime(2026, 1, 1, tzinfo=timezone.utc))
    assert found is None or found[0] != text or _may_be_whole_date(text)


def test_kt_headlines_skip_the_date_search():
    """What the cheap test is for: nearly all headlines of a real listing are spared the date search (only
    those naming a relative day, "сегодня", "Kazakstan Today", get through)."""
    headlines = [h.headline for h in _kt_links().values() if h.headline]
    assert len(headlines) >= 30 and sum(map(_may_be_whole_date, headlines)) <= len(headlines) // 20
