"""The record schema: what `kznews extract` prints of a record."""

from __future__ import annotations

from kznews.items import Article, PageRecord
from kznews.storage.indexing import index_record


def test_a_record_prints_without_the_search_index_it_carries() -> None:
    url = "https://kaz.example/news/1"
    record = PageRecord(url=url, kind="article", article=Article(url=url, lang="ru", headline="Новости", body="Текст."))
    printed = record.to_dict()
    index_record(record)
    assert record.index is not None
    assert record.to_dict() == printed
    assert "index" not in printed and printed["article"]["headline"] == "Новости"
