"""Real Russian and Kazakh texts, and base-form queries over them whose answers were decided by reading.

The texts (``documents``) are real: the contexts of the cases in ``bench/cases`` (strings copied from Kazakh news
pages), the Russian article bodies of ``../shared/evaldata`` (Zyte's ground truth; the MediaCloud pages through
trafilatura), the inform.kz and ic24.kz article texts of ``../shared/pages`` and the Kazakh headlines and teasers of
the aikyn.kz homepage there.

``queries.jsonl`` holds one base-form query a line: ``{query, lang, forms}``.  ``forms`` are the word forms of
the query's word, listed by reading every word of the texts that shares its first letters (never by a stemmer);
a text answers the query when it holds one of them.  Each query belongs to a rule-writing half or a test-only
half by a hash of the query (``bench.cases.half``): the Kazakh suffix rules were written from the rule half.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from lxml import html as lxml_html

from bench.cases import half
from bench.cases import load as load_cases

HERE = Path(__file__).resolve().parent
SHARED = HERE.parents[2] / "shared"
_KAZAKH_LETTERS = re.compile(r"[әғқңөұүһіÄäĞğÑñÖöŪūÜüŞşİıǴǵŃńÓóÚúÝýÁá]")
_CYRILLIC = re.compile(r"[а-яё]", re.IGNORECASE)


@dataclass(frozen=True)
class Document:
    """One real text: where it comes from, its language (``ru`` or ``kk``) and the text."""

    id: str
    lang: str
    text: str


def _cases() -> Iterator[Document]:
    seen: set[str] = set()
    for case in load_cases():
        if case["lang"] in ("ru", "kk") and case["context"] not in seen:
            seen.add(case["context"])
            yield Document(case["id"], case["lang"], case["context"])


def _russian(text: str) -> bool:
    """Russian: mostly Cyrillic, none of the Kazakh letters, none of Ukrainian's or Bulgarian's tells."""
    return (len(_CYRILLIC.findall(text)) > 300 and not _KAZAKH_LETTERS.search(text)
            and not re.search(r"[іїєґ]|\bсъ|\bщe\b|\bне е\b|ът\b", text))


def _evaldata() -> Iterator[Document]:
    import trafilatura

    zyte = json.loads((SHARED / "evaldata/zyte/ground-truth.json").read_text("utf-8"))
    for key, truth in sorted(zyte.items()):
        if _russian(body := truth.get("articleBody") or ""):
            yield Document(f"zyte-{key[:12]}", "ru", body)
    folder = SHARED / "evaldata/htmldate-mediacloud-2020"
    for url, entry in sorted(json.loads((folder / "eval_mediacloud_2020.json").read_text("utf-8")).items()):
        page = (folder / "test_set" / entry["file"]).read_text("utf-8", errors="replace")
        if _russian(body := trafilatura.extract(page) or ""):
            yield Document(f"mediacloud-{entry['file']}", "ru", body)


def _pages() -> Iterator[Document]:
    import trafilatura

    inform = (SHARED / "pages/inform.kz/article-ru-2020-a3725092.html").read_text("utf-8")
    yield Document("inform.kz-a3725092", "ru", trafilatura.extract(inform) or "")
    yield Document("ic24.kz-u45694", "ru", (SHARED / "pages/ic24.kz/article-ru-u45694.txt").read_text("utf-8"))
    tree = lxml_html.fromstring((SHARED / "pages/aikyn.kz/homepage-2018-03.html").read_bytes())
    seen: set[str] = set()
    for element in tree.iter("a", "p"):  # headlines (links) and teasers, each once
        text = " ".join(element.text_content().split())
        if len(text) >= 25 and _KAZAKH_LETTERS.search(text) and text not in seen:
            seen.add(text)
            yield Document(f"aikyn.kz-{len(seen)}", "kk", text)


@cache
def documents() -> tuple[Document, ...]:
    """Every text, in a fixed order."""
    return (*_cases(), *_evaldata(), *_pages())


def queries(which: str | None = None) -> list[dict[str, Any]]:
    """The queries (of half ``which`` when given), each with its ``half``."""
    out = []
    with open(HERE / "queries.jsonl", encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                query = json.loads(line)
                query["half"] = half(f"wordforms:{query['lang']}:{query['query']}", frozenset())
                if which is None or query["half"] == which:
                    out.append(query)
    return out
