"""dating.py: publication and modification dates from every source, trust order and sanity checks."""

import pytest

from kznews.extract import extract_page
from kznews.extract.dates import iso
from kznews.extract.dating import _DATEISH, _NOT_HERE, url_date
from kznews.extract.html import parse
from kznews.items import DiscoveryHint
from kznews.sites import adhoc, for_url

FETCHED = "2024-04-18T10:00:00+00:00"  # 15:00 in Almaty
TEXT = "<p>" + "Текст новости. " * 40 + "</p>"


def _article(head="", body="", url="https://x.kz/news/a-1", fetched_at=FETCHED, hint=None):
    html = f"<html><head>{head}</head><body><h1>Заголовок</h1>{body}{TEXT}</body></html>"
    return extract_page(html, url, kind="article", fetched_at=fetched_at, hint=hint).article


def _dated(article):
    return article.published_at, article.provenance.get("published_at")


def test_jsonld_beats_meta():
    head = ('<script type="application/ld+json">{"@type":"NewsArticle","datePublished":"2024-04-17T10:00:00+05:00"}'
            '</script><meta property="article:published_time" content="2024-04-16T10:00:00+05:00">')
    assert _dated(_article(head)) == ("2024-04-17T10:00:00+05:00", "jsonld")


def test_meta_publication_date():
    head = '<meta property="article:published_time" content="2024-04-16T10:00:00+05:00">'
    assert _dated(_article(head)) == ("2024-04-16T10:00:00+05:00", "meta")


def test_time_element_datetime():
    assert _dated(_article(body='<time datetime="2024-04-15T09:30:00+05:00">15 апреля</time>')) == (
        "2024-04-15T09:30:00+05:00", "time")


def test_hint_beats_visible_text_and_url():
    hint = DiscoveryHint(source="feed", published="Mon, 15 Apr 2024 10:35:00 +0500")
    body = '<div class="date">14.04.2024 12:00</div>'
    assert _dated(_article(body=body, url="https://x.kz/2024/04/13/a", hint=hint)) == (
        "2024-04-15T10:35:00+05:00", "hint")


def test_visible_date_line():
    assert _dated(_article(body='<div class="news-date">27 марта 2024 | 20:10</div>')) == (
        "2024-03-27T20:10:00+05:00", "text")


def test_visible_relative_date_uses_fetch_time():
    article = _article(body='<span class="date">Сегодня, 14:35</span>')
    assert (_dated(article), article.published_raw) == (
        ("2024-04-18T14:35:00+05:00", "text:relative"), "Сегодня, 14:35")


def test_visible_kazakh_relative_date():
    assert _dated(_article(body='<span class="time">2 сағат бұрын</span>')) == (
        "2024-04-18T13:00:00+05:00", "text:relative")


def test_relative_date_without_fetch_time_is_not_guessed():
    assert _article(body='<span class="date">Вчера, 10:00</span>', fetched_at=None).published_at is None


def test_visible_day_month_takes_the_year_of_the_fetch():
    assert _dated(_article(body='<span class="date">16:05, 14 марта</span>')) == (
        "2024-03-14T16:05:00+05:00", "text:day-month")


def test_copyright_footer_is_not_a_date():
    body = '<footer><div class="date">© 2024</div><span class="date">01.01.2024</span></footer>'
    assert _article(body=body).published_at is None


@pytest.mark.parametrize("url,printed", [
    ("https://x.kz/2024/03/12/slug", "2024/03/12"),
    ("https://x.kz/news/20240312/slug", "20240312"),
    ("https://x.kz/news/2024-03-12-slug", "2024-03-12"),
])
def test_url_date(url, printed):
    found = url_date(url)
    assert (found[0], iso(found[1])) == (printed, "2024-03-12T00:00:00+05:00")


def test_url_id_is_not_a_date():
    assert url_date("https://www.zakon.kz/4909264-v-kazahstane.html") is None


def test_url_date_is_day_precision():
    assert _dated(_article(url="https://x.kz/2024/03/12/slug")) == ("2024-03-12T00:00:00+05:00", "url:day")


def test_dateline_day_month_with_year_from_fetch_time():
    body = "<p>Алматы. 16 апреля. Центр информации - " + "Текст. " * 80 + "</p>"
    article = _article(body=body)
    assert (_dated(article), article.published_raw) == (
        ("2024-04-16T00:00:00+05:00", "dateline:day"), "Алматы. 16 апреля. Центр информации -")


def test_dateline_never_in_the_future():
    body = "<p>Алматы. 30 декабря. Центр информации - " + "Текст. " * 80 + "</p>"
    assert _article(body=body).published_at == "2023-12-30T00:00:00+06:00"


def test_dateline_year_from_other_evidence():
    body = "<p>Алматы. 30 декабря. Центр информации - " + "Текст. " * 80 + "</p>"
    hint = DiscoveryHint(source="sitemap", lastmod="2020-01-02T10:00:00+06:00")
    assert _article(body=body, hint=hint).published_at == "2019-12-30T00:00:00+06:00"


def test_future_date_rejected_beyond_one_day_of_fetch():
    head = '<meta property="article:published_time" content="2024-04-20T10:00:00+05:00">'
    assert _dated(_article(head, url="https://x.kz/2024/04/17/a")) == ("2024-04-17T00:00:00+05:00", "url:day")


def test_small_clock_skew_accepted():
    head = '<meta property="article:published_time" content="2024-04-18T23:00:00+05:00">'
    assert _dated(_article(head)) == ("2024-04-18T23:00:00+05:00", "meta")


def test_date_before_1991_rejected():
    head = '<meta property="article:published_time" content="1970-01-01T00:00:00Z">'
    assert _article(head).published_at is None


def test_modified_from_jsonld_and_never_before_publication():
    head = ('<script type="application/ld+json">{"@type":"NewsArticle","datePublished":"2024-04-17T10:00:00+05:00",'
            '"dateModified":"2024-04-16T10:00:00+05:00"}</script>')
    assert _article(head).modified_at is None


def test_modified_from_hint_lastmod():
    hint = DiscoveryHint(source="sitemap", lastmod="2024-04-18T11:00:00+05:00")
    article = _article(hint=hint)
    assert (article.modified_at, article.provenance["modified_at"]) == ("2024-04-18T11:00:00+05:00", "hint")


def test_updated_stamp_is_not_publication():
    body = '<span class="updated-date">18.04.2024 12:00</span><span class="date">17.04.2024 09:00</span>'
    assert _article(body=body).published_at == "2024-04-17T09:00:00+05:00"


def test_jsonld_date_of_a_non_article_node():
    head = '<script type="application/ld+json">{"@type":"QAPage","datePublished":"2020-07-13T01:10:40+09:00"}</script>'
    assert _dated(_article(head)) == ("2020-07-13T01:10:40+09:00", "jsonld-other")


@pytest.mark.parametrize("printed,expected", [
    ("22/11/2020 - 04:30", "2020-11-22T04:30:00+06:00"),
    ("2020/07/13 01:10", "2020-07-13T01:10:00+06:00"),
])
def test_more_printed_formats(printed, expected):
    assert _article(body=f'<time>{printed}</time>').published_at == expected


def test_outlet_selector_beats_markup_and_reads_the_inform_2025_line():
    from kznews.sites import Outlet

    outlet = Outlet(key="x", name="X", domains=("x.kz",), articles=(), editions=(), selectors={"date": "div.dt"})
    html = ('<html><body><h1>H</h1><time datetime="2026-02-10T10:00:00+05:00"></time>'
            '<div class="dt">14:38, 11 Февраль 2026 | GMT +5</div>' + TEXT + "</body></html>")
    article = extract_page(html, "https://x.kz/a", outlet=outlet, kind="article",
                           fetched_at="2026-02-12T00:00:00+00:00").article
    assert _dated(article) == ("2026-02-11T14:38:00+05:00", "selector")


def test_broken_jsonld_still_gives_its_date_from_the_script():
    # avaz.ba: two objects in one ld+json block (invalid JSON); the page also prints an older date
    head = ('<script type="application/ld+json">{"@context": "http://schema.org", "@type": "NewsArticle",'
            '"datePublished": "2020-10-26T18:10:00+01:00"} {"@type": "WebPage"}</script>')
    article = _article(head, body='<span class="date">09.08.2020</span>')
    assert (_dated(article), article.published_raw) == (("2020-10-26T18:10:00+01:00", "script"),
                                                        "2020-10-26T18:10:00+01:00")


def test_page_variable_date():
    body = "<script>virtualcmsPageInfo.article.publication_date = '2020-12-06 00:15';</script>"
    assert _dated(_article(body=body)) == ("2020-12-06T00:15:00+06:00", "script")


def test_utc_value_takes_the_offset_of_the_local_time_the_page_states():
    # laprensafl.com: JSON-LD in UTC, the page's own variable in local (Florida) time: the 17th there
    head = '<script type="application/ld+json">{"@type":"NewsArticle","datePublished":"2020-02-18T02:18:11Z"}</script>'
    body = '<script>var publication_date = "2020-02-17 21:18:11";</script>'
    assert _dated(_article(head, body)) == ("2020-02-17T21:18:11-05:00", "jsonld:local")


def test_unrelated_script_time_is_not_an_offset():
    head = '<script type="application/ld+json">{"@type":"NewsArticle","datePublished":"2020-02-18T02:18:11Z"}</script>'
    body = '<script>var publication_date = "2020-02-17 21:10:00";</script>'  # 7 h 8 min 11 s: no zone's offset
    assert _dated(_article(head, body)) == ("2020-02-18T02:18:11+00:00", "jsonld")


def test_utc_value_on_the_day_after_the_url_day_is_shown_on_the_publisher_day():
    # whatever.scalzi.com: 02:41 UTC on the 19th is the evening of the 18th in Ohio
    head = '<meta property="article:published_time" content="2025-12-19T02:41:41+00:00">'
    article = _article(head, url="https://whatever.scalzi.com/2025/12/18/the-december-comfort-watches",
                       fetched_at="2026-01-05T00:00:00+00:00")
    assert (_dated(article), article.published_raw) == (
        ("2025-12-18T23:41:41-03:00", "meta:local-day"), "2025-12-19T02:41:41+00:00")


def test_utc_value_near_the_url_day_prefers_almaty():
    head = '<meta property="article:published_time" content="2024-04-17T20:00:00Z">'
    assert _dated(_article(head, url="https://x.kz/2024/04/18/a")) == ("2024-04-18T01:00:00+05:00", "meta:local-day")


def test_url_day_needing_an_uninhabited_offset_leaves_the_value_alone():
    # washingtonpost.com: the URL keeps the day the story was started; 10:04 UTC is no evening of the 8th
    head = '<script type="application/ld+json">{"@type":"NewsArticle","datePublished":"2020-07-09T10:04:04Z"}</script>'
    article = _article(head, url="https://www.washingtonpost.com/politics/federal-workers/2020/07/08/c3d2_story.html")
    assert _dated(article) == ("2020-07-09T10:04:04+00:00", "jsonld")


def test_date_line_of_glued_elements():
    # health.ucdavis.edu: category, date and "updated" stamp in one wrapper, with no spaces between them
    body = ('<div class="article-dateline-wrapper"><a class="category" href="/c">Mental Health</a>'
            '<span class="dateline">DECEMBER 22, 2022</span><span class="dateline updated">Updated: JANUARY 02, 2026'
            '</span></div>')
    assert _dated(_article(body=body, fetched_at="2026-02-01T00:00:00+00:00")) == ("2022-12-22T00:00:00+06:00", "text")


def test_body_classes_do_not_make_the_whole_page_a_sidebar():
    html = ('<html><body class="single has-sidebar navigation-style-1"><h1>Title</h1>'
            '<time datetime="2025-10-09T13:25:18-04:00">October 9, 2025</time>' + TEXT + "</body></html>")
    article = extract_page(html, "https://x.com/a", kind="article", fetched_at=FETCHED.replace("2024", "2026")).article
    assert _dated(article) == ("2025-10-09T13:25:18-04:00", "time")


def test_htmldate_is_the_last_resort():
    article = _article(body="<p>Posted April 10, 2024 by Jane</p>")
    assert (_dated(article), article.published_raw) == (("2024-04-10T00:00:00+05:00", "htmldate:day"), "2024-04-10")


def test_htmldate_copyright_year_is_not_a_date():
    assert _article(body="<footer>© 2023 Example</footer>").published_at is None


@pytest.mark.parametrize("chrome", [
    "<nav>Today: April 12, 2024</nav>",  # the site's header bar shows the fetch day
    "<script>var build = {date: '2024-04-12', bundle: '" + "x" * 1200 + "'};</script>",  # a script's own data
])
def test_htmldate_does_not_read_page_chrome_or_long_scripts(chrome):
    assert _article(body=chrome).published_at is None
    assert _dated(_article(body=chrome + "<p>Posted April 10, 2024 by Jane</p>"))[0] == "2024-04-10T00:00:00+05:00"


def test_htmldate_last_resort_reads_short_scripts():
    # city.udn.com (MediaCloud): the page prints its date with a script call, nowhere else
    body = '<td class="main-text"><script>showDate("2024/04/10 01:43:09")</script></td>'
    assert _dated(_article(body=body)) == ("2024-04-10T00:00:00+05:00", "htmldate:day")


@pytest.mark.parametrize("source", [
    '<div data-build="2024-04-10"></div>',  # an attribute of no date meaning
    '<a href="/archive/2024/04/10/other-story">Another story</a>',  # a link to another article
])
def test_htmldate_last_resort_does_not_scan_the_page_source(source):
    assert _article(body=source).published_at is None


def test_htmldate_left_as_it_was_found():
    from htmldate import core

    scan = core.search_page
    assert _article(body="<p>Posted April 10, 2024 by Jane</p>").published_at is not None
    assert core.search_page is scan


def test_htmldate_never_past_the_fetch_time():
    assert _article(body="<p>Event on 2024-05-30</p>").published_at is None


def test_pages_with_a_structured_date_never_call_htmldate(monkeypatch):
    import htmldate

    monkeypatch.setattr(htmldate, "find_date", lambda *a, **k: pytest.fail("htmldate called"))
    head = '<meta property="article:published_time" content="2024-04-16T10:00:00+05:00">'
    assert _dated(_article(head, body="<p>Posted April 10, 2024 by Jane</p>")) == ("2024-04-16T10:00:00+05:00", "meta")


def test_scholarly_citation_date_meta():
    head = '<meta name="citation_date" content="2024/03/12">'  # Highwire tags, as on arXiv-like pages
    assert _dated(_article(head)) == ("2024-03-12T00:00:00+05:00", "meta")


def test_date_in_an_author_line_near_the_headline():
    assert _dated(_article(body='<div class="post_author">By Dr. Anna Smith - Mar 27, 2024</div>')) == (
        "2024-03-27T00:00:00+05:00", "text")


def test_script_date_keys_are_found_in_any_letter_case_and_beside_letters_that_lower_to_two():
    from kznews.extract.dating import _script_dates

    for before in ("", "var t = '" + "İ" * 10 + "';"):  # 'İ'.lower() is two characters: positions must not shift
        tree = parse(f"<html><head><script>{before} var meta = {{PUBDATE: '2021-03-04 10:00', "
                     "\"datePublished\": \"2021-03-05T10:00:00Z\"}};</script></head><body></body></html>")
        assert _script_dates(tree) == ["2021-03-04 10:00", "2021-03-05T10:00:00Z"]


@pytest.mark.parametrize("names, dateish, elsewhere", [
    ("Post-DATE entry", True, False), ("article__Meta", True, False), ("Sidebar-Widget", False, True),
    ("main-nav", False, True), ("canvas", False, False),  # "nav" only at a word start
    ("Дата Publish-Time", True, False), ("Bloc-Şirket FOOTER", False, True),  # non-ASCII: the case-blind regex
    ("ſtamp", True, False),  # long s is an s to a case-blind match: the non-ASCII path keeps that
])
def test_class_name_words_are_found_in_any_letter_case(names, dateish, elsewhere):
    assert _DATEISH.search(names) is dateish
    assert _NOT_HERE.search(names) is elsewhere


# --- the page's own date over a template's -----------------------------------------------------------------------

_STAMPED = ('<script type="application/ld+json">{"@type":"NewsArticle","datePublished":"2024-04-17T18:00:00+05:00",'
            '"dateModified":"2024-04-17T18:00:00+05:00"}</script>')
_SHOWN = '<div class="article-date">12 апреля 2024, 09:15</div>'


def test_a_template_stamping_the_last_edit_into_both_dates_loses_to_the_shown_earlier_date():
    assert _dated(_article(_STAMPED, _SHOWN)) == ("2024-04-12T09:15:00+05:00", "text")


def test_a_structured_date_apart_from_the_modification_date_stays():
    head = _STAMPED.replace('"dateModified":"2024-04-17T18:00:00+05:00"', '"dateModified":"2024-04-18T08:00:00+05:00"')
    assert _dated(_article(head, _SHOWN)) == ("2024-04-17T18:00:00+05:00", "jsonld")


def test_a_structured_date_earlier_than_the_shown_one_stays():
    shown = '<div class="article-date">18 апреля 2024, 09:15</div>'
    head = _STAMPED.replace("2024-04-17", "2024-04-16")
    assert _dated(_article(head, shown)) == ("2024-04-16T18:00:00+05:00", "jsonld")


@pytest.mark.parametrize("url_day, expected", [
    ("2024/04/12", ("2024-04-12T09:15:00+05:00", "text")),  # the URL agrees with the shown date
    ("2024/04/17", ("2024-04-17T18:00:00+05:00", "jsonld")),  # with the structured one
])
def test_the_urls_day_decides_between_them(url_day, expected):
    head = _STAMPED.replace('"dateModified":"2024-04-17T18:00:00+05:00"', "")
    head = head.replace('+05:00",}', '+05:00"}')
    assert _dated(_article(head, _SHOWN, url=f"https://x.kz/{url_day}/news-a-1")) == expected


def test_a_shown_date_the_same_day_as_the_structured_one_changes_nothing():
    shown = '<div class="article-date">17 апреля 2024, 09:15</div>'
    assert _dated(_article(_STAMPED, shown)) == ("2024-04-17T18:00:00+05:00", "jsonld")


def test_a_shown_numeric_date_whose_day_and_month_could_be_swapped_does_not_override():
    shown = '<div class="article-date">04/01/2024</div>'  # 4 January or April 1: a guess either way
    head = _STAMPED.replace("2024-04-17", "2024-04-01")
    assert _dated(_article(head, shown)) == ("2024-04-01T18:00:00+05:00", "jsonld")
    assert _dated(_article(head, shown.replace("04/01/2024", "4 января 2024"))) == ("2024-01-04T00:00:00+06:00", "text")


def test_a_registry_outlets_structured_date_is_not_weighed_against_the_shown_one():
    url = "https://www.kt.kz/rus/society/konflikt_s_uchastiem_olimpiyskogo_chempiona_1377987032.html"
    html = f"<html><head>{_STAMPED}</head><body><h1>Заголовок</h1>{_SHOWN}{TEXT}</body></html>"
    article = extract_page(html, url, outlet=for_url(url), kind="article", fetched_at=FETCHED).article
    assert _dated(article) == ("2024-04-17T18:00:00+05:00", "jsonld")
    unknown = extract_page(html, "https://x.kz/news/a-1", outlet=adhoc("https://x.kz/sitemap.xml"),
                         kind="article", fetched_at=FETCHED).article
    assert _dated(unknown) == ("2024-04-12T09:15:00+05:00", "text")  # an ad-hoc site is an unknown site


# --- the floor and the ceiling: no Kazakh outlet before 1991, no listed date after the fetch ----------------------

_HISTORY = '<div class="article-date">28 февраля 1942 г.</div>'  # a date of history printed in a date-classed line


def test_a_historical_date_shown_near_the_headline_never_replaces_the_structured_one():
    assert _dated(_article(_STAMPED, _HISTORY)) == ("2024-04-17T18:00:00+05:00", "jsonld")


def test_a_historical_date_before_the_pages_own_does_not_hide_it():
    body = _HISTORY + '<span class="date">12 апреля 2024, 09:15</span>'
    assert _dated(_article(body=body)) == ("2024-04-12T09:15:00+05:00", "text")


def test_an_archive_page_from_the_1990s_keeps_its_date():
    body = '<div class="article-date">28 февраля 1997 г.</div>'
    assert _dated(_article(body=body)) == ("1997-02-28T00:00:00+06:00", "text")
    head = '<meta property="article:published_time" content="1996-05-14T10:00:00+06:00">'
    assert _dated(_article(head)) == ("1996-05-14T10:00:00+06:00", "meta")


@pytest.mark.parametrize("source", ["feed", "sitemap"])
def test_a_listed_date_after_the_fetch_time_falls_back_to_the_pages_own(source):
    hint = DiscoveryHint(source=source, published="2024-04-18T20:00:00+05:00")  # 5 hours after the fetch
    assert _dated(_article(url="https://x.kz/2024/04/17/a", hint=hint)) == ("2024-04-17T00:00:00+05:00", "url:day")
    before = DiscoveryHint(source=source, published="2024-04-18T14:00:00+05:00")  # an hour before it
    assert _dated(_article(url="https://x.kz/2024/04/17/a", hint=before)) == ("2024-04-18T14:00:00+05:00", "hint")


def test_a_listed_date_after_the_capture_time_of_a_backfilled_page_is_refused():
    hint = DiscoveryHint(source="feed", published="Tue, 05 Mar 2019 18:00:00 +0600")
    body = '<span class="date">5 марта 2019, 10:20</span>'
    captured = "2019-03-05T09:00:00+00:00"  # 15:00 in Almaty
    assert _dated(_article(body=body, fetched_at=captured, hint=hint)) == ("2019-03-05T10:20:00+06:00", "text")
