"""Discovery: pure parsers for what leads to articles (sitemaps, feeds, robots.txt).

No Scrapy and no I/O here: each function takes the bytes or text a response
carried and returns plain records; the spider decides what to fetch.
"""

from kznews.discover.feeds import FeedEntry, parse_feed
from kznews.discover.robots import sitemaps_from_robots
from kznews.discover.safexml import DiscoveryError
from kznews.discover.sitemaps import Sitemap, SitemapEntry, parse_sitemap
from kznews.discover.sniff import sniff

__all__ = [
    "DiscoveryError",
    "FeedEntry",
    "Sitemap",
    "SitemapEntry",
    "parse_feed",
    "parse_sitemap",
    "sitemaps_from_robots",
    "sniff",
]
