from kznews.discover import sitemaps_from_robots

ROBOTS = """\ufeffUser-agent: *
Disallow: /search/
Sitemap: https://tengrinews.kz/sitemap-index.xml
sitemap:/sitemap-news.xml   # relative, lower-case
SITEMAP : https://tengrinews.kz/sitemap-index.xml
Sitemap: ftp://tengrinews.kz/sitemap.xml
Sitemap:
# Sitemap: https://tengrinews.kz/commented-out.xml
Host: tengrinews.kz
Crawl-delay: 3
"""


def test_sitemap_lines_are_resolved_and_deduplicated():
    assert sitemaps_from_robots(ROBOTS, "https://tengrinews.kz/robots.txt") == [
        "https://tengrinews.kz/sitemap-index.xml",
        "https://tengrinews.kz/sitemap-news.xml",
    ]


def test_crlf_and_no_sitemaps():
    text = "User-agent: *\r\nSitemap: https://orda.kz/sitemap.xml\r\n"
    assert sitemaps_from_robots(text, "https://orda.kz/") == ["https://orda.kz/sitemap.xml"]
    assert sitemaps_from_robots("User-agent: *\nDisallow:\n", "https://orda.kz/") == []
    assert sitemaps_from_robots("", "https://orda.kz/") == []
