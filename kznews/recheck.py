"""What a recheck's answers say of archived articles, and the components that judge and record them.

The recheck spider (``kznews.spiders.recheck``) fetches archived articles again.  An answer that needs no page
(304; 404, 410, 451) it judges itself; a page (a 200, maybe after redirects) goes through extraction as any
crawled page does, as a ``RecheckedPage``, and ``RecheckPipeline`` judges it against what the archive held:

- the article is there: the page goes on to the archive, where a changed text becomes a new version;
- the URL now redirects to a page that is not an article (a homepage, a section, a search page: extraction's page
  type, which follows the registry's URL patterns, decides), or a stub stands in the article's place (its
  headline gone, or its text gone: less than ``KZNEWS_RECHECK_STUB_SHARE`` of the words of the archived body, those
  not in its headline, are left on the page, where an edit, even a heavy one, keeps most of them): it is gone, and
  the page is dropped, so that a stub never becomes the article's current text.

Each definite answer is a ``Check`` sent with the ``checked`` signal; ``RecheckStorePipeline``, the archive's
writer for a recheck, records them (``kznews.storage.removals``) with each batch it writes.  What says nothing of
the article (a 5xx, a timeout, a host that cannot be reached, a page extraction failed on) is counted as
``kznews/recheck/unknown`` and recorded nowhere: it can neither start nor confirm a removal.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass, replace

from scrapy.crawler import Crawler
from scrapy.exceptions import DropItem
from twisted.internet.interfaces import IReactorTime

from kznews.items import PageItem
from kznews.pipelines import StorePipeline
from kznews.storage import ArchiveError
from kznews.storage.removals import Archived, Check

logger = logging.getLogger(__name__)

checked = object()  # the signal of a definite answer: sent with ``check`` (a ``Check``)
STAT = "kznews/recheck/"


@dataclass
class RecheckedPage(PageItem):
    """A page fetched by a recheck: ``archived`` is the article it was asked for (its URL may have redirected)."""

    archived: Archived | None = None

    @property
    def redirected(self) -> bool:
        return self.archived is not None and self.url != self.archived.url


_WORD = re.compile(r"\w{4,}")  # words of four letters or more: particles and numbers say little of a text


def _words(text: str | None) -> set[str]:
    return set(_WORD.findall(text.casefold())) if text else set()


def words_left(headline: str | None, body: str | None, text: str | None) -> float | None:
    """The share of the words of an archived ``body`` (those not in its ``headline``: a stub keeps the headline) that
    ``text`` still holds; None for a body with no word of its own."""
    words = _words(body) - _words(headline)
    return len(words & _words(text)) / len(words) if words else None


def judge(page: RecheckedPage, stub_share: float) -> Check | None:
    """What ``page`` says of the archived article: there or gone (a ``Check``), or nothing (None: no record)."""
    record, archived = page.record, page.archived
    if record is None or archived is None:  # extraction failed: the page says nothing yet
        return None
    there = Check(archived.id, page.fetched_at, gone=False, status=page.status, final_url=page.url)
    article = record.article
    if page.redirected:
        if record.kind == "article" and article is not None:
            return replace(there, evidence=f"moved to {page.url}")
        return replace(there, gone=True, reason="redirect",
                       evidence=f"redirected to a {record.kind} ({record.kind_evidence or 'page type'})")
    stub = []
    if archived.headline and not (article and article.headline):
        stub.append("headline gone")
    left = words_left(archived.headline, archived.body, " ".join(filter(None, (article.lead, article.body)))
                      if article else None)
    if left is not None and left < stub_share:
        stub.append(f"{left:.0%} of the archived text's words left")
    if stub:
        return replace(there, gone=True, reason="stub", evidence="stub: " + ", ".join(stub))
    return there


class RecheckPipeline:
    """Judge each rechecked page after extraction (``judge``): send its ``Check``; drop it when the article is gone."""

    def __init__(self, crawler: Crawler) -> None:
        self.crawler = crawler
        self.stub_share = crawler.settings.getfloat("KZNEWS_RECHECK_STUB_SHARE")

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> RecheckPipeline:
        return cls(crawler)

    def process_item(self, item: PageItem) -> PageItem:
        if not isinstance(item, RecheckedPage):
            return item  # a harvest's own page
        check = judge(item, self.stub_share)
        if check is None:
            self.crawler.stats.inc_value(f"{STAT}unknown")
            return item
        self.crawler.signals.send_catch_log(signal=checked, check=check)
        if check.gone:
            raise DropItem(f"gone: {item.archived.url if item.archived else item.url} ({check.evidence})",
                           log_level="INFO")
        return item


class RecheckStorePipeline(StorePipeline):
    """The archive's writer for a recheck: pages and articles as ``StorePipeline`` writes them, and with each batch the
    ``Check``s sent since the last one (``Archive.record_checks``), counted as ``kznews/recheck/*``."""

    def __init__(self, crawler: Crawler, clock: IReactorTime | None = None) -> None:
        super().__init__(crawler, clock)
        self.checks: list[Check] = []
        crawler.signals.connect(self.take, signal=checked)

    def take(self, check: Check) -> None:
        self.checks.append(check)

    def flush(self) -> None:
        super().flush()
        if not self.checks or self.archive is None:
            return
        checks, self.checks = self.checks, []
        try:
            done = self.archive.record_checks(checks, self.run_id)
        except ArchiveError as exc:  # rolled back: the next recheck asks again
            self.crawler.stats.inc_value("kznews/store_errors", len(checks))
            logger.error("%s", exc)
            return
        for key, n in done.items():
            self.crawler.stats.inc_value(f"{STAT}{key}", n)
