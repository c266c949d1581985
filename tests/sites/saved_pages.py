"""The saved pages outlets are tested on: ``fixtures/<key>/<name>.json`` (+ ``<name>.html``).

A fixture's JSON: ``url``, ``fetched_at``, ``constructed`` (true: a page built for the tests
to the outlet's documented structure; false: a real page), ``kind`` ("article" / "listing"),
``note``, ``expected`` ({field: value}) and optionally ``shared`` (a real page's path under
../shared, read in place, never copied) and ``xfail`` ({field: reason} for known extraction gaps).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import Any

FIXTURES = Path(__file__).resolve().parent / "fixtures"
SHARED = Path(__file__).resolve().parents[2] / ".." / "shared"


@dataclass(frozen=True)
class Fixture:
    key: str  # the outlet
    name: str
    meta: dict[str, Any]

    @property
    def id(self) -> str:
        return f"{self.key}/{self.name}"

    @property
    def path(self) -> Path:
        shared = self.meta.get("shared")
        return SHARED / shared if shared else FIXTURES / self.key / f"{self.name}.html"

    @cached_property
    def body(self) -> bytes:
        return self.path.read_bytes()

    @property
    def url(self) -> str:
        return self.meta["url"]

    @property
    def kind(self) -> str:
        return self.meta.get("kind", "article")

    @property
    def constructed(self) -> bool:
        return bool(self.meta["constructed"])


def fixtures() -> list[Fixture]:
    """Every fixture, sorted by outlet and name."""
    return [
        Fixture(p.parent.name, p.stem, json.loads(p.read_text("utf-8")))
        for p in sorted(FIXTURES.glob("*/*.json"))
    ]
