"""The registry against its saved pages: every outlet tested, fixture URLs recognised, patterns strict."""

from __future__ import annotations

import pytest

from kznews import sites

from .saved_pages import fixtures

FIXTURES = fixtures()
IDS = [f.id for f in FIXTURES]



def test_at_least_25_outlets():
    assert len(sites.outlets()) >= 25


@pytest.mark.parametrize("key", sorted(sites.outlets()))
def test_every_outlet_has_a_saved_page(key):
    assert any(f.key == key for f in FIXTURES), f"no fixture under tests/sites/fixtures/{key}/"


@pytest.mark.parametrize("fixture", FIXTURES, ids=IDS)
def test_fixture_is_of_a_registered_outlet(fixture):
    assert fixture.key in sites.outlets()


@pytest.mark.parametrize("fixture", FIXTURES, ids=IDS)
def test_fixture_says_what_it_is(fixture):
    meta = fixture.meta
    assert {"url", "fetched_at", "constructed", "note", "expected"} <= set(meta)
    assert meta["kind"] in ("article", "listing")
    assert set(meta.get("xfail", {})) <= set(meta["expected"])
    if fixture.constructed:
        assert "shared" not in meta and b"CONSTRUCTED fixture, not a real page" in fixture.body[:400]
    else:
        assert meta["shared"].startswith("pages/") and fixture.path.is_file()  # read in place, never copied


@pytest.mark.parametrize("fixture", [f for f in FIXTURES if f.kind == "article"], ids=lambda f: f.id)
def test_article_fixture_url_is_an_article_of_its_outlet(fixture):
    assert sites.get(fixture.key).is_article_url(fixture.url)


@pytest.mark.parametrize("fixture", FIXTURES, ids=IDS)
def test_fixture_url_belongs_to_no_other_outlet(fixture):
    others = [o.key for o in sites.outlets().values()
              if o.key != fixture.key and (o.owns_host(fixture.url.split("/")[2]) or o.is_article_url(fixture.url))]
    assert others == []
    assert sites.for_url(fixture.url).key == fixture.key


@pytest.mark.parametrize(
    ("key", "url"), [(o.key, u) for o in sites.outlets().values() for u in o.not_articles], ids=lambda v: str(v)[:60]
)
def test_non_article_urls_are_not_articles(key, url):
    """Each entry's not_articles (sections, tags, feeds, search): the loader checks them too."""
    assert not sites.get(key).is_article_url(url)


def test_domains_do_not_overlap():
    owners = {d: o.key for o in sites.outlets().values() for d in o.hosts}
    assert len(owners) == sum(len(o.hosts) for o in sites.outlets().values())
    for domain, key in owners.items():
        assert [k for d, k in owners.items() if k != key and domain.endswith("." + d)] == []


@pytest.mark.parametrize("key", sorted(sites.outlets()))
def test_every_edition_has_a_start_point(key):
    for ed in sites.get(key).editions:
        assert ed.feeds or ed.sitemaps or ed.listings or ed.archives, f"{key} {ed.label}"
        assert ed.lang != "kk" or ed.script in ("cyrl", "latn"), f"{key}: a Kazakh edition names its script"


@pytest.mark.parametrize("key", sorted(sites.outlets()))
def test_start_points_are_on_the_outlets_hosts(key):
    outlet = sites.get(key)
    for ed in outlet.editions:
        urls = [*ed.feeds, *ed.sitemaps, *(ls.url for ls in ed.listings), *(ls.next or ls.url for ls in ed.listings)]
        urls += [template.replace("{date:%Y-%m-%d}", "2024-03-27").replace("{date:%Y%m%d}", "20240327")
                 for template in ed.archives]
        for url in urls:
            assert url.startswith("https://") and outlet.owns_host(url.split("/")[2]), url


def test_kazakh_editions_in_both_scripts_are_separate():
    for key in ("inform", "egemen"):
        labels = [ed.label for ed in sites.get(key).editions]
        assert {"kk-cyrl", "kk-latn"} <= set(labels)
        assert sites.get(key).edition("kk-latn").script == "latn"


def test_offset_listing_pages():
    listing = sites.get("khabar").edition("ru").listings[0]
    assert [listing.page_url(n) for n in (1, 2, 3)] == [
        "https://24.kz/ru/news", "https://24.kz/ru/news?start=20", "https://24.kz/ru/news?start=40"]


def test_page_template_listings_unchanged_by_step():
    listing = sites.get("zakon").edition("ru").listings[0]
    assert listing.page_url(3) == "https://www.zakon.kz/news/?handler=LoadMoreNews&p=3&type=list"


def test_daily_archives():
    from datetime import date

    def archive_urls(key: str, day: date) -> list[str]:
        points = sites.get(key).edition("ru").start_points()
        return [url for p in points if p.kind == "archive" for url in p.first_urls([day])]

    assert archive_urls("kt", date(2018, 3, 21)) == ["https://www.kt.kz/rus/archive/2018-03-21/"]
    assert archive_urls("sputnik", date(2016, 12, 1)) == ["https://ru.sputnik.kz/20161201/"]


def test_rebased_offset_listing_keeps_its_step():
    mirror = sites.get("khabar").rebased("http://127.0.0.1:8123")
    assert mirror.edition("kk").listings[0].page_url(2) == "http://127.0.0.1:8123/kk/news?start=20"
