"""Normalize and validate extracted records before they are stored.

Stored text is plain text without C0/C1 control characters (an article must not be
able to send escape codes to an analyst's terminal); newlines and tabs stay.  An
"article" with neither headline nor body is not kept as an article (its raw page
still is), and the reason is returned so the crawl can count it.
"""

from __future__ import annotations

import re
from dataclasses import fields, is_dataclass
from typing import Any

from kznews.items import PageRecord

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


def clean_text(text: str) -> str:
    """``text`` without control characters other than newline, carriage return and tab."""
    return _CONTROL.sub("", text)


def _clean(value: Any) -> Any:
    if isinstance(value, str):
        return clean_text(value)
    if isinstance(value, list):
        return [_clean(v) for v in value]
    if isinstance(value, dict):
        return {_clean(k): _clean(v) for k, v in value.items()}
    if is_dataclass(value):
        for f in fields(value):
            setattr(value, f.name, _clean(getattr(value, f.name)))
    return value


def normalize(record: PageRecord) -> str | None:
    """Clean ``record`` in place; return why its article was dropped, if it was."""
    _clean(record)
    article = record.article
    if article is not None and not (article.headline or article.body):
        record.article = None
        return "no headline or body"
    return None
