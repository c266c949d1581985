"""Builders for pages and records, and a fresh archive per test."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from kznews.items import Article, LinkHint, PageItem, PageRecord, TickerQuote
from kznews.storage import Archive

FETCHED = "2024-05-01T06:00:00+00:00"


def check_search_index(conn: sqlite3.Connection) -> None:
    """The search index is sound and holds one document per article, no more.

    FTS5's integrity-check of a contentless index checks its structure only; the
    document sizes it keeps per rowid show which articles it holds.
    """
    conn.execute("INSERT INTO articles_fold(articles_fold) VALUES ('integrity-check')")
    indexed = conn.execute("SELECT id FROM articles_fold_docsize ORDER BY id").fetchall()
    assert indexed == conn.execute("SELECT id FROM articles ORDER BY id").fetchall()


def make_item(
    url: str = "https://kaz.example/news/1",
    *,
    html: str | None = None,
    fetched_at: str = FETCHED,
    site: str | None = "example",
    kind: str = "article",
    tickers: list[TickerQuote] | None = None,
    links: list[LinkHint] | None = None,
    with_article: bool = True,
    **article: Any,
) -> PageItem:
    """A fetched page whose record holds an Article built from ``article`` fields."""
    fields = {"headline": "Тоқаев Астанада сөз сөйледі", "body": "Мемлекет басшысы бүгін сөз сөйледі.", "lang": "kk"}
    fields.update(article)
    record = PageRecord(
        url=url,
        kind=kind,
        article=Article(url=url, site=site, **fields) if with_article else None,
        tickers=tickers or [],
        links=links or [],
    )
    html = html if html is not None else f"<html><h1>{fields['headline']}</h1><p>{fields['body']}</p></html>"
    return PageItem(
        url=url,
        status=200,
        headers={"Content-Type": ["text/html; charset=utf-8"]},
        body=html.encode(),
        fetched_at=fetched_at,
        site=site,
        edition="kk",
        kind=kind,
        record=record,
    )


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "archive.db"


@pytest.fixture
def archive(db_path: Path) -> Iterator[Archive]:
    with Archive(db_path) as archive:
        yield archive
