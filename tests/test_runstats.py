"""The figures read from a crawl's stats."""

from kznews.runstats import crawl_figures, run_target, site_figures


def test_crawl_figures_sum_every_kind_of_error():
    stats = {"response_received_count": 7, "kznews/new_articles": 5, "kznews/failed_requests": 2,
             "kznews/extract_errors": 1, "kznews/bad_documents": 1}
    figures = crawl_figures(stats)
    assert (figures["pages"], figures["new"], figures["errors"]) == (7, 5, 4)


def test_site_figures_default_to_zero():
    assert site_figures({}, "x") == {"pages": 0, "failed_requests": 0, "new_articles": 0}
    assert site_figures({"kznews/site/x/pages": 3, "kznews/site/y/pages": 9}, "x")["pages"] == 3


def test_run_target_names_the_outlets_and_a_backfills_archive_and_window():
    assert run_target({"sites": ["inform", "kt"], "url": None}) == "inform kt"
    assert run_target({"url": "https://example.kz/sitemap.xml", "sites": ["example.kz"]}) == "https://example.kz/sitemap.xml"
    assert run_target({"sites": ["inform"], "archive": "commoncrawl", "since": "2016-01-01", "until": "2016-12-31"}) == (
        "inform from commoncrawl 2016-01-01..2016-12-31")
    assert run_target({"sites": ["ic24"], "archive": "wayback", "since": None, "until": "2020-01-31"}) == (
        "ic24 from wayback .....2020-01-31")
    assert run_target({"sites": ["ic24"], "archive": "wayback"}) == "ic24 from wayback"
    assert run_target({"archive": "warc", "files": ["/data/a.warc.gz", "b.arc"], "all": False}) == "a.warc.gz b.arc from warc"
