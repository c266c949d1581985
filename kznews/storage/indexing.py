"""What the archive derives from an article's text for search: its folded index row, the words it files under
their word-form keys (``word_forms``), and the story it belongs to (``stories``, ``story_bands``).

What one article's text alone gives (``derive``: the folded texts, the words and their keys, the body's MinHash
bands) is computed beside extraction, in the crawl's worker processes, and carried on the record
(``ArticleIndex``); the writer derives it itself only when none is carried or the text changed since.  The writer
(for every batch of new articles) and the schema's upgrade (for every article already archived) then write it with
the functions below, so every path into the archive gives the same rows.  A story is the story of the archived (or
earlier in the batch) article whose body shares the most MinHash bands with this one
(``kznews.storage.stories``), else the story of an edition of it (a shared story key or an edition link: the
ru/kk/en editions of one story), else its own id.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from kznews.items import Article, ArticleIndex, PageRecord
from kznews.storage import stories, wordforms
from kznews.storage.folding import fold

INSERT_FOLD = "INSERT INTO articles_fold (rowid, headline, lead, body) VALUES (?, ?, ?, ?)"
_INSERT_WORD = "INSERT OR IGNORE INTO word_forms (key, word) VALUES (?, ?)"
_INSERT_STORY = "INSERT INTO stories (article_id, story, bands) VALUES (?, ?, ?)"
_INSERT_STORY_V13 = "INSERT INTO stories (article_id, story) VALUES (?, ?)"  # before v15 filed the keys in stories
_INSERT_BAND = "INSERT OR IGNORE INTO story_bands (key, article_id) VALUES (?, ?)"
# The earliest articles of a band a new body is compared with: a band many articles share (a boilerplate paragraph)
# costs no more than this, and the earliest are the first publishers a copy belongs with.
MAX_HOLDERS = 20
VOCABULARY_MEMORY = 500_000  # (language, word) pairs a writer remembers as filed; past it, it starts again


def derive(lang: str | None, headline: str | None, lead: str | None, body: str | None) -> ArticleIndex:
    """The search index of an article's text: what the writer inserts for it, from this text alone."""
    folded = (fold(headline), fold(lead), fold(body))
    forms = "\n".join(" ".join((word, *wordforms.keys(word, lang))) for word in sorted(wordforms.words(folded)))
    (bands,) = stories.keys_of([folded[2]])
    return ArticleIndex((lang, headline, lead, body), folded, forms, tuple(bands))


def index_of(article: Article, carried: ArticleIndex | None = None) -> ArticleIndex:
    """The search index of ``article`` as it is now: ``carried`` if it was derived from this text, else derived."""
    text = (article.lang, article.headline, article.lead, article.body)
    if carried is not None and carried.of == text:  # the same string objects when carried: no comparing of texts
        return carried
    return derive(*text)


def index_record(record: PageRecord) -> None:
    """Attach the search index of the record's article, as the extraction worker does."""
    if record.article is not None:
        record.index = index_of(record.article)


def fold_row(article_id: int, index: ArticleIndex) -> tuple[int, str | None, str | None, str | None]:
    """The ``articles_fold`` row of an article: its id and folded headline, lead and body."""
    return (article_id, *index.folded)


class Vocabulary:
    """Files the words of articles in ``word_forms``; remembers what it filed so a word is keyed once per writer."""

    def __init__(self) -> None:
        self.filed: dict[str | None, set[str]] = {}  # language -> lines of ``ArticleIndex.forms`` filed

    def file(self, conn: sqlite3.Connection, indexes: Iterable[ArticleIndex]) -> None:
        """File the words of articles (their indexes)."""
        if sum(len(lines) for lines in self.filed.values()) > VOCABULARY_MEMORY:
            self.filed.clear()
        rows = []
        for index in indexes:
            if not index.forms:
                continue
            filed = self.filed.setdefault(index.of[0], set())
            new = set(index.forms.split("\n")) - filed
            filed |= new
            for line in new:
                word, *keys = line.split(" ")
                rows += [(key, word) for key in keys]
        conn.executemany(_INSERT_WORD, rows)


@dataclass
class StoryInput:
    """What places an article in a story: its id, URL, body's band keys and edition story key."""

    article_id: int
    url: str
    bands: Sequence[int]
    edition_key: str | None


def _json(values: Iterable[object]) -> str:
    return json.dumps(list(values), ensure_ascii=False)


def assign_stories(conn: sqlite3.Connection, batch: Sequence[StoryInput], *, file_keys: bool = True) -> list[int]:
    """The story of each article of ``batch`` (in order, ids ascending); writes its ``stories`` and ``story_bands``
    rows.  The ``editions`` rows of the batch must be written before.  ``file_keys``: the ``stories`` row keeps the
    article's band keys (``stories.bands``, schema v15: what deletes its ``story_bands`` rows); False for the v13
    upgrade, which runs before that column exists."""
    keys = [item.bands for item in batch]
    holders: dict[int, list[int]] = {
        key: [int(i) for i in ids.split(",")]
        for key, ids in conn.execute(
            "SELECT value, (SELECT group_concat(article_id) FROM (SELECT article_id FROM story_bands WHERE key = value"
            " ORDER BY article_id LIMIT ?)) AS ids FROM json_each(?) WHERE ids IS NOT NULL",
            (MAX_HOLDERS, _json({k for ks in keys for k in ks})),
        )
    }
    story_of = dict(conn.execute(
        "SELECT article_id, story FROM stories WHERE article_id IN (SELECT value FROM json_each(?))",
        (_json({i for ids in holders.values() for i in ids}),),
    ).fetchall())
    urls = [item.url for item in batch]
    linked: dict[str, set[str]] = {}
    for url, other in conn.execute(
        "SELECT url, edition_url FROM editions WHERE url IN (SELECT value FROM json_each(:u))"
        " UNION SELECT edition_url, url FROM editions WHERE edition_url IN (SELECT value FROM json_each(:u))",
        {"u": _json(urls)},
    ):
        linked.setdefault(url, set()).add(other)
    by_url = dict(conn.execute(
        "SELECT a.url, s.story FROM articles a JOIN stories s ON s.article_id = a.id"
        " WHERE a.url IN (SELECT value FROM json_each(?))",
        (_json({u for us in linked.values() for u in us}),),
    ).fetchall())
    by_key = dict(conn.execute(
        "SELECT a.story, min(s.story) FROM articles a JOIN stories s ON s.article_id = a.id"
        " WHERE a.story IN (SELECT value FROM json_each(?)) GROUP BY a.story",
        (_json({item.edition_key for item in batch if item.edition_key}),),
    ).fetchall())
    out = []
    for item, item_keys in zip(batch, keys, strict=True):
        match = stories.best_match(item_keys, holders)
        editions = [by_url[u] for u in linked.get(item.url, ()) if u in by_url]
        if match is not None:
            story = story_of[match]
        elif item.edition_key and item.edition_key in by_key:
            story = by_key[item.edition_key]
        elif editions:
            story = min(editions)
        else:
            story = item.article_id
        out.append(story)
        story_of[item.article_id] = story
        by_url.setdefault(item.url, story)
        if item.edition_key:
            by_key.setdefault(item.edition_key, story)
        for key in item_keys:
            held = holders.setdefault(key, [])
            if len(held) < MAX_HOLDERS:
                held.append(item.article_id)
    if file_keys:
        conn.executemany(_INSERT_STORY, [(item.article_id, story, _json(ks) if ks else None)
                                         for item, ks, story in zip(batch, keys, out, strict=True)])
    else:
        conn.executemany(_INSERT_STORY_V13, [(item.article_id, story) for item, story in zip(batch, out, strict=True)])
    conn.executemany(_INSERT_BAND, [(key, item.article_id) for item, ks in zip(batch, keys, strict=True) for key in ks])
    return out
