"""Run a backfill in a process of its own (Scrapy's reactor runs once per process).

    python -m tests.backfill.run DB SPIDER_ARGS_JSON SETTINGS_JSON   -> prints the CrawlSummary as JSON
"""

from __future__ import annotations

import json
import sys
from dataclasses import asdict

from kznews.backfill.spider import ArchiveSpider
from kznews.crawl import run_crawl

if __name__ == "__main__":
    summary = run_crawl(sys.argv[1], json.loads(sys.argv[2]), json.loads(sys.argv[3]), spider=ArchiveSpider)
    print(json.dumps(asdict(summary)))
