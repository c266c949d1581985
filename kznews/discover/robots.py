"""The ``Sitemap:`` lines of a robots.txt (the registry's "robots" sitemap start point)."""

from __future__ import annotations

from kznews.discover.urls import clean_url


def sitemaps_from_robots(text: str, base_url: str) -> list[str]:
    """Sitemap URLs named in robots.txt ``text``, resolved against ``base_url``, deduplicated.

    The field name is matched case-insensitively, ``#`` comments are ignored,
    and values that are no http(s) URL are dropped.
    """
    found: list[str] = []
    for line in text.removeprefix("\ufeff").splitlines():
        key, sep, value = line.split("#", 1)[0].partition(":")
        if not sep or key.strip().lower() != "sitemap":
            continue
        url = clean_url(value.strip(), base_url)
        if url and url not in found:
            found.append(url)
    return found
