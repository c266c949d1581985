"""article_fetch_info: what the incremental crawl asks of the archive."""

from __future__ import annotations

from pathlib import Path

from kznews.storage import Archive, article_fetch_info, connect_readonly
from tests.storage.conftest import make_item


def _item(url: str, fetched_at: str, headers: dict[str, list[str]] | None = None, **fields):
    item = make_item(url, fetched_at=fetched_at, **fields)
    if headers:
        item.headers = {**item.headers, **headers}
    return item


def test_fetch_info_gives_latest_fetch_and_validators(archive: Archive, db_path: Path) -> None:
    a, b = "https://kaz.example/a", "https://kaz.example/b"
    archive.store([_item(a, "2024-05-01T06:00:00+00:00", {"Etag": ['"v1"'], "Last-Modified": ["Wed, 01 May 2024 05:00:00 GMT"]})])
    # The same article fetched again later with a changed body and new validators.
    archive.store([_item(a, "2024-05-02T06:00:00+00:00", {"ETag": ['"v2"']}, body="Жаңа мәтін.")])
    archive.store([_item(b, "2024-05-01T07:00:00+00:00")])
    conn = connect_readonly(db_path)
    info = article_fetch_info(conn, [a, b, "https://kaz.example/none"])
    assert info == {
        a: ("2024-05-02T06:00:00+00:00", '"v2"', None),
        b: ("2024-05-01T07:00:00+00:00", None, None),
    }
    assert article_fetch_info(conn, []) == {}
    assert not conn.in_transaction  # no read snapshot held between calls


def test_fetch_info_knows_canonical_urls(archive: Archive, db_path: Path) -> None:
    archive.store([_item("https://kaz.example/a?utm=x", "2024-05-01T06:00:00+00:00", {"ETag": ['"e"']},
                         canonical_url="https://kaz.example/a")])
    info = article_fetch_info(connect_readonly(db_path), ["https://kaz.example/a"])
    assert info == {"https://kaz.example/a": ("2024-05-01T06:00:00+00:00", '"e"', None)}


def test_pages_without_an_article_are_not_archived_articles(archive: Archive, db_path: Path) -> None:
    archive.store([_item("https://kaz.example/about", "2024-05-01T06:00:00+00:00", with_article=False)])
    assert article_fetch_info(connect_readonly(db_path), ["https://kaz.example/about"]) == {}
