"""The archive: one SQLite file holding raw pages, articles and their versions.

``Archive`` is the only writer, and only one at a time per archive (a second
one raises ``ArchiveBusy``); ``connect_readonly``, ``search``, ``stats``
and ``run_sql`` are readers that never write; ``ArticleFilter`` is the outlet, language and date window
every reader filters articles with.
"""

from kznews.storage.archive import Archive, StoreResult
from kznews.storage.errors import ArchiveBusy, ArchiveError, QueryError
from kznews.storage.filters import ArticleFilter
from kznews.storage.query import (
    archived_captures,
    article_fetch_info,
    connect_readonly,
    editions_of,
    run_sql,
    search,
    stats,
    stories_of,
)

__all__ = [
    "Archive",
    "ArchiveBusy",
    "ArchiveError",
    "ArticleFilter",
    "QueryError",
    "StoreResult",
    "archived_captures",
    "article_fetch_info",
    "connect_readonly",
    "editions_of",
    "run_sql",
    "search",
    "stats",
    "stories_of",
]
