"""links.py: article links on listing pages with headline and printed time."""

import re
from datetime import datetime, timezone
from urllib.parse import urldefrag, urljoin, urlsplit

import pytest

from kznews import sites
from kznews.extract import extract_page
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


# What a listing shows of each article, read as a reader reads it: the saved homepages, then the families.

def _links(name: str, url: str, fetched_at: str | None = None, outlet=None):
    return {h.url: h for h in find_links(parse(decode(page(name))), url, outlet=outlet, fetched_at=fetched_at)}


def test_kt_gallery_headlines_without_their_view_counts():
    links = _kt_links()
    gallery = [h for u, h in links.items() if "/rus/gallery/" in u]
    assert len(gallery) == 10 and not any("Просмотров" in h.headline for h in gallery)
    assert links["https://www.kt.kz/rus/gallery/komu_i_kak_vruchali_oskar_1153653757.html"].headline == (
        "Кому и как вручали «Оскар»")


def test_kt_item_beside_its_section_link_is_dated_and_a_menu_is_not():
    """The interview block links to its section too and prints the interview's date; a menu holds one
    article link among section links and no date of that article (the page's date is above it)."""
    links = _kt_links()
    interview = links["https://www.kt.kz/rus/interview/"
                      "intervjju_s_vladeljcem_kazahstanskogo_fudproekta_koktalkz_aleksandrom_hodzhanovim_1153654184.html"]
    assert (interview.published_raw, interview.published_at) == ("16.03.2018", "2018-03-16T00:00:00+06:00")
    assert links["http://www.kt.kz/rus/ad/zakon_rk_1153652526.html"].published_at is None


def test_zakon_headlines_without_comment_counts():
    links = _links("zakon.kz/homepage-2018-03-18.html", "https://www.zakon.kz/")
    assert links["https://www.zakon.kz/4909224-v-severnoy-koree-nachali-vybirat.html"].headline == (
        "В Северной Корее начали выбирать президента России")
    news = [h for u, h in links.items() if re.search(r"/\d{7}-", u)]  # ("… Россия 24": a video's channel)
    assert len(news) >= 80 and not any(h.headline[-1].isdigit() for h in news if h.headline)


NUR = ("nur.kz/homepage-2018-03-17.html", "https://www.nur.kz/", "2018-03-17T04:00:00+00:00")


def test_nur_headline_from_its_title_element_not_the_teaser_in_the_same_link():
    hint = _links(*NUR)["https://www.nur.kz/1722053-millioner-iz-spiska-forbes-vmesalsa-v-sudbu-iznasilovannogo-malcika-v-uko.html"]
    assert (hint.headline, hint.published_raw, hint.published_at) == (
        "Миллионер из списка Forbes вмешался в судьбу «изнасилованного» мальчика в ЮКО", "08:13",
        "2018-03-17T08:13:00+06:00")


def test_nur_hand_picked_block_times_each_within_the_last_day():
    """The top block is a selection, not a newest-first run: each clock time is its latest moment before the fetch."""
    links = _links(*NUR)
    assert [links[u].published_at for u in (
        "https://www.nur.kz/1722061-nursultan-nazarbaev-pozdravil-si-czinpina.html",
        "https://www.nur.kz/1722028-nazarbaev-astaninskij-process-vselil-nadezdu-na-prekrasenie-krovoprolitia-v-sirii.html",
    )] == ["2018-03-17T09:42:00+06:00", "2018-03-16T19:30:00+06:00"]


AIKYN = ("aikyn.kz/homepage-2018-03.html", "https://aikyn.kz/", "2018-03-19T07:00:00+00:00")


def test_aikyn_every_article_link_dated():
    links = [h for u, h in _links(*AIKYN, outlet=sites.get("aikyn")).items() if u.startswith("https://aikyn.kz/")]
    assert len(links) == 68 and all(h.published_at for h in links)


def test_aikyn_teaser_word_is_no_date_and_the_url_gives_the_day():
    """The excerpt beside the link starts "Бүгін «Қазақстанның ..." (today): a word of a sentence, not the date."""
    hint = _links(*AIKYN)["https://aikyn.kz/2018/02/19/43257.html"]
    assert (hint.headline, hint.published_raw, hint.published_at) == (
        "Түрген: Аюлы сарқырамасына серуен", None, "2018-02-19")


def _one(html: str, url: str = "https://x.kz/", fetched_at: str | None = "2018-03-19T07:00:00+00:00"):
    hints = find_links(parse(f"<html><body>{html}</body></html>"), url, fetched_at=fetched_at)
    assert len(hints) == 1, hints
    return hints[0]


HEADLINE = "Токаев подписал закон о местном самоуправлении"
LINK = "/news/1234567-tokaev-podpisal-zakon.html"


@pytest.mark.parametrize(("printed", "expected"), [
    ("14 марта 2018 года", "2018-03-14T00:00:00+06:00"), ("14.03.2018, 10:30", "2018-03-14T10:30:00+06:00"),
    ("Наурыз 17, 2018", "2018-03-17T00:00:00+06:00"), ("2018 жылғы 17 наурыз", "2018-03-17T00:00:00+06:00"),
    ("17 naýryz 2018 j.", "2018-03-17T00:00:00+06:00"), ("March 17, 2018", "2018-03-17T00:00:00+06:00"),
    ("Вчера, 23:10", "2018-03-18T23:10:00+06:00"), ("2 сағат бұрын", "2018-03-19T11:00:00+06:00"),
])
def test_date_in_the_link_is_taken_off_its_headline(printed, expected):
    for html in (f'<div><a href="{LINK}">{HEADLINE} <span class="date">{printed}</span></a></div>',
                 f'<div><a href="{LINK}"><time>{printed}</time><b>{HEADLINE}</b></a></div>'):
        hint = _one(html)
        assert (hint.headline, hint.published_at) == (HEADLINE, expected)


@pytest.mark.parametrize("counter", [
    "2688", "👁 2688", "2 688 просмотров", "Просмотров: 32674", "4236 рет көрсетілді", "12 комментариев",
    "Views: 1,204", "Pikirler: 3", "2,6k",
])
def test_counter_is_taken_off_either_end_of_a_headline(counter):
    for html in (f'<a href="{LINK}"><span class="views">{counter}</span> {HEADLINE}</a>',
                 f'<a href="{LINK}">{HEADLINE}<span>{counter}</span></a>'):
        assert _one(html).headline == HEADLINE


def test_a_number_in_the_headline_text_stays():
    """Only a number printed apart (its own element) is a counter; one in the headline's own text is the headline's."""
    assert _one(f'<a href="{LINK}">15 бьюти-трендов, которые нравятся мужчинам <i>2</i></a>').headline == (
        "15 бьюти-трендов, которые нравятся мужчинам")


@pytest.mark.parametrize("more", ["Читать далее →", "Подробнее", "Толығырақ...", "Read more »", "Tolyǵyraq"])
def test_read_more_link_is_no_headline(more):
    teaser = "Глава государства подписал закон, который меняет порядок выборов акимов сел и районов"
    html = (f'<article><a href="{LINK}">{HEADLINE}</a><p>{teaser}</p><a href="{LINK}">{more}</a></article>')
    assert _one(html).headline == HEADLINE


@pytest.mark.parametrize("order", ["title first", "teaser first"])
def test_title_and_teaser_links_to_one_article(order):
    """Linked twice (title and teaser), the headline is the heading's text, wherever the teaser stands."""
    teaser = "Закон вступит в силу через десять календарных дней после дня его первого официального опубликования"
    title, lead = f'<h3 class="title"><a href="{LINK}">{HEADLINE}</a></h3>', f'<a href="{LINK}">{teaser}</a>'
    assert _one(f"<li>{title}{lead}</li>" if order == "title first" else f"<li>{lead}{title}</li>").headline == HEADLINE


def test_unmarked_title_and_teaser_links_the_shorter_is_the_headline():
    teaser = "Закон вступит в силу через десять календарных дней после дня его первого официального опубликования"
    assert _one(f'<li><a href="{LINK}">{teaser}</a><a href="{LINK}">{HEADLINE}</a></li>').headline == HEADLINE


def test_title_element_inside_the_link_over_the_teaser_and_label_in_it():
    html = (f'<a href="{LINK}"><span class="category">Политика</span><div class="news__name">{HEADLINE}</div>'
            f'<p class="news__lead">Глава государства подписал закон</p><span>18:10</span></a>')
    hint = _one(html)
    assert (hint.headline, hint.published_raw) == (HEADLINE, "18:10")


def test_section_label_at_the_start_of_a_link_is_no_headline():
    html = f'<nav><a href="/politics/">Политика</a></nav><a href="{LINK}"><b>Политика</b> {HEADLINE}</a>'
    assert _one(html).headline == HEADLINE


def test_date_set_apart_by_a_separator_inside_the_link_text():
    hint = _one(f'<a href="{LINK}">{HEADLINE} | 14.03.2018</a>')
    assert (hint.headline, hint.published_raw) == (HEADLINE, "14.03.2018")


@pytest.mark.parametrize(("path", "day"), [
    ("/world/20180317/4949875.html", "2018-03-17"), ("/2018/03/17/46260.html", "2018-03-17"),
    ("/2018-03-17/tokaev-podpisal-zakon/", "2018-03-17"), ("/ru/news/tokaev_podpisal-2018_03_17-1258893", "2018-03-17"),
    ("/news/tokaev-podpisal-zakon_2018-03-17.html", "2018-03-17"),
])
def test_clock_time_takes_the_day_its_url_carries(path, day):
    hint = _one(f'<div class="item"><a href="{path}">{HEADLINE}</a><span class="time">18:10</span></div>')
    assert (hint.published_raw, hint.published_at) == ("18:10", f"{day}T18:10:00+06:00")


def test_the_url_day_alone_dates_the_link_to_the_day():
    hint = _one(f'<a href="/world/20180317/4949875.html">{HEADLINE}</a>')
    assert (hint.published_raw, hint.published_at) == (None, "2018-03-17")


@pytest.mark.parametrize("path", ["/news/12345678-tokaev.html", "/news/20181317/4949875.html",
                                  "/2031/03/17/tokaev-podpisal-zakon.html"])
def test_no_day_from_an_id_an_impossible_date_or_the_future(path):
    assert _one(f'<a href="{path}">{HEADLINE}</a>').published_at is None


def test_printed_date_wins_over_the_url_day():
    hint = _one(f'<div><a href="/2018/03/17/46260.html">{HEADLINE}</a><span>Наурыз 18, 2018</span></div>')
    assert hint.published_at == "2018-03-18T00:00:00+06:00"


def test_date_in_a_teaser_sentence_is_not_the_items_date():
    html = (f'<div><a href="{LINK}">{HEADLINE}</a>'
            '<p>Вчера депутаты одобрили поправки, которые вступят в силу 1 апреля 2018 года</p></div>')
    assert _one(html).published_at is None


def test_newest_first_list_crosses_midnight_once():
    items = "".join(f'<li><a href="/news/{n}-novost-dnya.html">Новость дня номер {n} о важном</a><i>{t}</i></li>'
                    for n, t in zip(range(1000001, 1000010), ["09:10", "07:00", "01:20", "00:05", "23:50", "20:00",
                                                              "15:30", "12:10", "10:00"]))
    hints = find_links(parse(f"<html><body><ul>{items}</ul></body></html>"), "https://x.kz/",
                       fetched_at="2018-03-19T04:00:00+00:00")
    assert [h.published_at[:10] for h in hints] == ["2018-03-19"] * 4 + ["2018-03-18"] * 5


@pytest.mark.parametrize("printed", ["ءبۇگىن، 11:20", "Keşe, 09:15", "Búgin, 14:05", "BÜGIN 14:05", "2 sağat būryn"])
def test_a_link_dated_by_a_relative_word_in_any_kazakh_alphabet(printed):
    html = (f'<html><body><ul><li><a href="/kz/jana-mektep-ashyldy_a3725092">Жаңа мектеп ашылды</a>'
            f"<span>{printed}</span></li></ul></body></html>")
    record = extract_page(html, "https://www.inform.kz/kz/", outlet=sites.get("inform"), kind="listing",
                          fetched_at="2024-04-18T10:00:00+00:00")
    (link,) = [link for link in record.links if link.url.endswith("_a3725092")]
    assert link.published_at is not None and link.published_at.startswith("2024-04-1")
