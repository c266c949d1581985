"""Cleaning of URLs found in discovery documents (junk characters, relative links, schemes)."""

from __future__ import annotations

import re
import unicodedata
from urllib.parse import quote, urljoin, urlsplit

# Invisible or placeholder characters seen inside <loc> values (orda.kz: U+FFFC, U+FE0F).
_JUNK = {"\ufffc", "\ufffd"}


def _visible(ch: str) -> bool:
    if ch in _JUNK or "\ufe00" <= ch <= "\ufe0f" or "\U000e0100" <= ch <= "\U000e01ef":
        return False
    return unicodedata.category(ch) not in ("Cc", "Cf", "Co", "Cs", "Zl", "Zp")


def clean_url(raw: str | None, base: str) -> str | None:
    """``raw`` without invisible characters, resolved against ``base``; None unless http(s).

    Inner spaces are percent-encoded; a value that still is no http(s) URL with a
    host is dropped rather than guessed at.
    """
    if not raw:
        return None
    value = raw.strip()
    if not (value.isascii() and value.isprintable()):  # the common case needs no per-character look
        value = "".join(ch for ch in value if _visible(ch)).strip()
    value = re.sub(r"\s", lambda m: quote(m.group()), value)
    if not value:
        return None
    try:
        url = urljoin(base, value)
        parts = urlsplit(url)
        host = parts.hostname
    except ValueError:  # e.g. an invalid IPv6 literal
        return None
    if parts.scheme not in ("http", "https") or not host:
        return None
    return url
