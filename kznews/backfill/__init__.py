"""Backfill from web archives and WARC files: an outlet's past, captured by others.

- ``cdx``: what an index says of one capture (``IndexEntry``), whichever archive's index;
- ``commoncrawl``: Common Crawl's list of crawls, CDX API and byte-range records;
- ``wayback``: the Wayback Machine's CDX search and raw playback;
- ``records``: WARC/ARC records read with warcio (one fetched by range, or every record of a file);
- ``spider``: ``ArchiveSpider``, the Scrapy spider that fetches captures into the extract and store
  pipelines (``kznews backfill``);
- ``importer``: WARC/ARC files from any crawler into the archive (``kznews import``).

Every page so archived carries a ``Capture`` (``kznews.items``): its origin, payload digest and the
archive's record; its capture time is its ``fetched_at``.
"""
