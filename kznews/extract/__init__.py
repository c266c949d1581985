"""Extraction: pure functions from a fetched page to a ``PageRecord``; no Scrapy, no I/O.

``extract_page`` (``page.py``) parses a page once and hands the tree to one module per concern (``html``,
``structured``, ``body``, ``dates``, ``relative``, ``dating``, ``pagetype``, ``datelines``, ``attribution``,
``tickers``, ``links``, ``language``; ``article`` assembles an article's fields with their provenance).
"""
from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .page import extract_item, extract_page

__all__ = ["extract_item", "extract_page"]


def __getattr__(name: str) -> Any:
    """``extract_page`` and ``extract_item``, imported on first use: a submodule alone (``kznews.extract.kazakh``
    for the search index's folding) does not pay for compiling every extraction pattern."""
    if name in __all__:
        from . import page

        return getattr(page, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
