"""Paths to the read-only shared material beside the repo (../shared) and loaders for it."""

from __future__ import annotations

import json
from pathlib import Path

SHARED = Path(__file__).resolve().parents[2].parent / "shared"
PAGES = SHARED / "pages"
INFORM_URL = "https://www.inform.kz/ru/polnost-yu-obespechit-region-myasom-pticy-namereny-v-sko_a3725092"
NUR_URL = (
    "https://www.nur.kz/politics/kazakhstan/"
    "2086925-bolshe-17-mlrd-tenge-hoteli-neratsionalno-potratit-na-borbu-s-pavodkami-v-kazahstane/"
)


def page(name: str) -> bytes:
    """A saved page's raw bytes, e.g. ``page("kt.kz/homepage-2018-03-21.html")``."""
    return (PAGES / name).read_bytes()


def cases(category: str) -> list[dict]:
    """The cases of ``texts/cases.jsonl`` in ``category`` (each: text, expected, ...)."""
    with open(SHARED / "texts" / "cases.jsonl", encoding="utf-8") as fh:
        return [c for c in map(json.loads, fh) if c["category"] == category]


def ids(items: list[dict]) -> list[str]:
    """Readable test ids: case id plus the start of the text."""
    return [f"{c['id']}:{c['text'][:30]}" for c in items]
