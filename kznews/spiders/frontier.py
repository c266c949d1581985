"""The crawl frontier: article URLs found but not yet requested, held compactly per outlet.

A sitemap lists up to 50,000 URLs. Yielded as Requests at once they would all wait in Scrapy's
scheduler, each a full Request with its discovery hint; held here, each is one marshalled tuple
and becomes a Request only when its outlet has fewer than ``bound`` article requests
released and not yet finished (``KZNEWS_FRONTIER_REQUESTS``).  Each outlet has its own window,
so a slow or large outlet never holds back the others; within an outlet, URLs go out in the
order they were found (a news sitemap's newest first).
"""

from __future__ import annotations

import marshal
from collections import Counter, deque
from collections.abc import Iterator
from dataclasses import fields

from kznews.items import DiscoveryHint

_HINT_FIELDS = tuple(f.name for f in fields(DiscoveryHint))


class Frontier:
    """Per-outlet FIFO queues of (url, hint, lang), released under a bound of outstanding requests."""

    def __init__(self, bound: int) -> None:
        if bound < 1:
            raise ValueError(f"the frontier needs room for at least one request, not {bound}")
        self.bound = bound
        self._pending: dict[str, deque[bytes]] = {}
        self._outstanding: Counter[str] = Counter()

    def push(self, key: str, url: str, hint: DiscoveryHint, lang: str | None) -> None:
        """Hold ``url`` (found with ``hint`` by edition ``lang``) for outlet ``key``."""
        entry = marshal.dumps((url, lang, *(getattr(hint, name) for name in _HINT_FIELDS)))
        self._pending.setdefault(key, deque()).append(entry)

    def release(self) -> Iterator[tuple[str, str, DiscoveryHint, str | None]]:
        """(key, url, hint, lang) of the URLs that fit in their outlet's window, each counted as outstanding."""
        for key, pending in self._pending.items():
            while pending and self._outstanding[key] < self.bound:
                self._outstanding[key] += 1
                url, lang, *hint = marshal.loads(pending.popleft())
                yield key, url, DiscoveryHint(*hint), lang

    def done(self, key: str) -> None:
        """A request released for outlet ``key`` finished (answered, failed or dropped)."""
        self._outstanding[key] -= 1

    def idle(self) -> None:
        """The crawl is idle, so nothing released is outstanding any more.

        Resets the counts: a request dropped where no one is told (an offsite redirect
        refused when it is scheduled, a URL too long for UrlLengthMiddleware) never reports done.
        """
        self._outstanding.clear()

    def __len__(self) -> int:
        """URLs held, not yet released."""
        return sum(map(len, self._pending.values()))
