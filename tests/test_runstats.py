"""The figures read from a crawl's stats."""

from kznews.runstats import crawl_figures, site_figures


def test_crawl_figures_sum_every_kind_of_error():
    stats = {"response_received_count": 7, "kznews/new_articles": 5, "kznews/failed_requests": 2,
             "kznews/extract_errors": 1, "kznews/bad_documents": 1}
    figures = crawl_figures(stats)
    assert (figures["pages"], figures["new"], figures["errors"]) == (7, 5, 4)


def test_site_figures_default_to_zero():
    assert site_figures({}, "x") == {"pages": 0, "failed_requests": 0, "new_articles": 0}
    assert site_figures({"kznews/site/x/pages": 3, "kznews/site/y/pages": 9}, "x")["pages"] == 3
