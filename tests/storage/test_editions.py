"""Language editions of one story: linked by hreflang/alternates or by a shared story key."""

from __future__ import annotations

from pathlib import Path

from kznews.storage import Archive, connect_readonly, editions_of
from tests.storage.conftest import make_item

KK = "https://www.inform.kz/kz/zhana-zan_a3725092"
RU = "https://www.inform.kz/ru/novyj-zakon_a3725092"
EN = "https://www.inform.kz/en/new-law_a3725092"


def _store(db: Path, *items) -> None:
    with Archive(db) as archive:
        archive.store(list(items))


def test_a_link_from_one_edition_joins_both(tmp_path: Path) -> None:
    db = tmp_path / "e.db"
    _store(
        db,
        make_item(KK, headline="Жаңа заң", editions={"ru": RU}, provenance={"editions": "hreflang"}),
        make_item(RU, headline="Новый закон", lang="ru"),
    )
    found = editions_of(connect_readonly(db), [KK, RU])
    assert found[KK] == [{"url": RU, "lang": "ru", "headline": "Новый закон", "evidence": "hreflang"}]
    assert [e["url"] for e in found[RU]] == [KK]  # the link counts both ways


def test_a_shared_story_key_joins_editions_without_links(tmp_path: Path) -> None:
    db = tmp_path / "e.db"
    _store(
        db,
        make_item(KK, story="inform:3725092"),
        make_item(EN, lang="en", headline="New law", story="inform:3725092"),
        make_item("https://www.inform.kz/ru/other_a1", lang="ru", story="inform:1"),
    )
    found = editions_of(connect_readonly(db), [KK])
    assert found[KK] == [{"url": EN, "lang": "en", "headline": "New law", "evidence": "story"}]


def test_an_edition_not_archived_yet_is_not_shown(tmp_path: Path) -> None:
    db = tmp_path / "e.db"
    _store(db, make_item(KK, editions={"ru": RU}))
    assert editions_of(connect_readonly(db), [KK]) == {KK: []}


def test_links_are_stored_once(tmp_path: Path) -> None:
    db = tmp_path / "e.db"
    item = make_item(KK, editions={"ru": RU, "kk": KK})  # a page's hreflang lists itself too
    _store(db, item)
    _store(db, item)
    conn = connect_readonly(db)
    assert conn.execute("SELECT url, lang, edition_url FROM editions").fetchall() == [(KK, "ru", RU)]
