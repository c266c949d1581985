"""The outlet registry: entries load, URLs are recognised, mirrors rebase."""

import pytest

from kznews import sites

INFORM_2020 = "https://www.inform.kz/ru/polnost-yu-obespechit-region-myasom-pticy-namereny-v-sko_a3725092"


def test_first_three_outlets_are_registered():
    assert {"ic24", "inform", "tengrinews"} <= set(sites.outlets())


@pytest.mark.parametrize("key", sorted(sites.outlets()))
def test_every_edition_has_a_language(key):
    outlet = sites.get(key)
    assert outlet.editions
    assert all(ed.lang in {"ru", "kk", "en"} for ed in outlet.editions)


def test_unknown_outlet_names_the_known_ones():
    with pytest.raises(sites.UnknownOutlet, match="tengrinews"):
        sites.get("nosuch")


@pytest.mark.parametrize(
    "url",
    [
        INFORM_2020,
        "https://www.inform.kz/kz/some-slug-a1b2c3",
        "https://inform.kz/en/president-visits-astana_a1234567/",
    ],
)
def test_inform_article_urls(url):
    assert sites.get("inform").is_article_url(url)


@pytest.mark.parametrize(
    "url",
    [
        "https://www.inform.kz/ru/",
        "https://www.inform.kz/rss/ru",
        "https://evil.example/ru/x_a3725092",
        "https://inform.kz.evil.example/ru/x_a3725092",
        "ftp://www.inform.kz/ru/x_a3725092",
    ],
)
def test_inform_non_article_urls(url):
    assert not sites.get("inform").is_article_url(url)


def test_is_article_judges_a_split_url_as_is_article_url_does():
    outlet = sites.get("inform")
    assert outlet.is_article("WWW.inform.kz.", "/ru/x_a3725092")
    assert not outlet.is_article("inform.kz.evil.example", "/ru/x_a3725092")
    assert not outlet.is_article("www.inform.kz", "/rss/ru")


def test_tengrinews_article_on_subdomain():
    outlet = sites.get("tengrinews")
    assert outlet.is_article_url("https://kaz.tengrinews.kz/kazakhstan_news/bir-jana-habar-12345/")
    assert not outlet.is_article_url("https://tengrinews.kz/news/page/2/")


def test_ic24_article_url():
    url = "https://ic24.kz/news/u-kazakhstantsev-v-yaponii-poyavilas-sobstvennaya-assotsiatsiya-u45694"
    assert sites.get("ic24").is_article_url(url)


def test_edition_lookup_by_lang_and_label():
    outlet = sites.get("tengrinews")
    assert outlet.edition("kk").lang == "kk"
    assert outlet.edition("kk-cyrl").script == "cyrl"
    with pytest.raises(ValueError, match="no edition 'zh'"):
        outlet.edition("zh")


def test_rebased_moves_start_points_and_domains():
    mirror = sites.get("tengrinews").rebased("http://127.0.0.1:8123")
    assert mirror.domains == ("127.0.0.1",)
    assert mirror.edition("ru").sitemaps == ("http://127.0.0.1:8123/sitemap-index.xml",)
    assert mirror.edition("ru").listings[0].page_url(3) == "http://127.0.0.1:8123/news/page/3/"
    assert mirror.is_article_url("http://127.0.0.1:8123/kazakhstan_news/slug-123/")


def test_listing_without_template_has_no_page_url():
    listing = sites.Listing(url="https://x.kz/news/")
    assert listing.page_url(1) == "https://x.kz/news/"
    assert listing.page_url(2) is None


def test_for_url_finds_the_outlet_by_host():
    assert sites.for_url(INFORM_2020).key == "inform"
    assert sites.for_url("https://example.org/a") is None


def test_adhoc_outlet_uses_generic_patterns():
    outlet = sites.adhoc("http://127.0.0.1:8000/sitemap.xml")
    assert outlet.key == "127.0.0.1"
    assert outlet.is_article_url("http://127.0.0.1:8000/news/some-story-1234/")
    assert outlet.is_article_url("http://127.0.0.1:8000/rus/society/story_12345.html")
    assert not outlet.is_article_url("http://127.0.0.1:8000/about/")
    assert not outlet.is_article_url("http://other.host/news/some-story-1234/")


def test_adhoc_refuses_a_non_http_url():
    with pytest.raises(ValueError, match="not an http"):
        sites.adhoc("file:///etc/passwd")


@pytest.mark.parametrize("url", [
    INFORM_2020, "HTTPS://WWW.Inform.KZ/ru/x_a1?utm=1#top", "http://inform.kz:8080/ru/x_a1?", "http://u:p@inform.kz/ru/a",
    "https://inform.kz", "https://inform.kz?x", "https://inform.kz./ru/x_a1", "https://inform.kz/a??", "https://[::1]/a",
    "https://inform.kz/a b", "https://inform.kz/a#b?c", "ftp://inform.kz/a", "mailto:x@inform.kz", "//inform.kz/a",
])
def test_url_split_for_outlet_tests_agrees_with_urlsplit(url):
    """The fast split behind ``is_article_url`` gives what ``urlsplit`` gives (host, path?query), or None."""
    from urllib.parse import urlsplit

    parts = urlsplit(url)
    expected = None if parts.scheme not in ("http", "https") else (
        (parts.hostname or "").rstrip("."), parts.path + (f"?{parts.query}" if parts.query else ""))
    assert sites._host_and_path(url) == expected


@pytest.mark.parametrize(("key", "url"), [
    # URL shapes the outlets used before their present one, and slugs as they come: real links, and the
    # double-hyphen slug form the issue quotes (kaztag)
    ("sputnik", "https://ru.sputniknews.kz/world/20180317/4949875.html"),
    ("sputnik", "https://sputniknews.kz/society/20190520/10197904/Sakhnany-syylauy-kerek-Belgili-galym-Qabatovtyn-soyleu-manerin-synga-aldy.html"),
    ("inform", "http://www.inform.kz/rus/article/2874214"),
    ("kaztag", "https://kaztag.kz/ru/news/vizovyy-rezhim-dlya-ssha--mid"),
    ("kaztag", "https://kaztag.kz/ru/news/dobycha-nefti-upala"),
    ("egemen", "https://ar.egemen.kz/article/288807-tilim-tilinbesin-elim-bulinbesin!"),
    ("egemen", "http://lat.egemen.kz/article/203769-boldganghan-shyghyn-kolemi-%E2%80%93-20-mlrd-tenhge"),
    ("baq", "https://rus.baq.kz/ego-zaslugi-ochevidny-glava-gosudarstva-o-nazarbaeve_300030470/"),
    ("aikyn", "https://aikyn.kz/218880/dollar-bagamy-3-43-tengege-kymbattady/"),
    ("orda", "https://orda.kz/tokaev-podpisal-zakon/"),
    # AMP copies: the article's path behind /amp/ or followed by /amp
    ("inform", "https://www.inform.kz/en/kazakh-pm-smailov-holds-meeting-on-akmola-region-s-development_a3957144/amp"),
    ("informburo", "https://informburo.kz/amp/novosti/v-almaty-moyut-asfalt-po-kotoromu-proydyot-karim-masimov.html"),
    ("kapital", "https://kapital.kz/amp/finance/46647/kursy-tenge-k-invalyutam-na-30-dekabrya.html"),
    ("zakon", "https://kaz.zakon.kz/amp/kogam-tynysy/6053941-almatyda-tuelszdk-knne-oray-kktbe-telemnarasynda-ttytau-zhary-shouy-krsetld.html"),
    ("ulysmedia", "https://qaz.ulysmedia.kz/news/37392-zhaksylyk-omar-ustaldy-ma-resmi-zhauap/amp"),
])
def test_every_url_shape_of_an_outlet_is_its_article(key, url):
    assert sites.for_url(url).key == key and sites.get(key).is_article_url(url)


@pytest.mark.parametrize(("key", "url"), [
    ("sputnik", "https://ru.sputniknews.kz/archive/"), ("sputnik", "https://ru.sputniknews.kz/world/"),
    ("kaztag", "https://kaztag.kz/ru/news/politika--ekonomika"), ("orda", "https://orda.kz/o-nas/"),
    ("kt", "http://www.kt.kz/rus/ad/zakon_rk_1153652526.html"), ("kt", "http://www.kt.kz/rus/contacts/kontakti_1153576509.html"),
    ("aikyn", "https://aikyn.kz/amp/"), ("informburo", "https://informburo.kz/amp/novosti"),
])
def test_pages_of_an_outlet_that_are_not_articles(key, url):
    assert not sites.get(key).is_article_url(url)


def test_former_domains_belong_to_their_outlet_with_the_years_they_served():
    sputnik = sites.get("sputnik")
    assert [(f.domain, f.since, f.until) for f in sputnik.former] == [("sputniknews.kz", 2015, 2022)]
    assert sputnik.owns_host("ru.sputniknews.kz") and not sputnik.owns_host("sputniknews.kz.example")
    assert sputnik.rebased("http://127.0.0.1:8123").former == ()
