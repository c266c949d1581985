"""The real strings kznews's parsers are measured on, split into a rule-writing half and a test-only half.

Cases come from ``../shared/texts/cases.jsonl`` and from this folder's ``*.jsonl`` files (real strings
found in public sources, each line naming its ``source``); every line has the same fields:
``{id, url, site, lang, category, text, context, expected}``.

The half of a case is fixed by a hash of its id, so it never depends on the order, the number or the
content of the cases: rules are written from the ``rules`` half only, and the ``test`` half is read
by nothing but the benchmark and the tests.  A test-only case that failed and whose family has been
fixed is moved to the rule-writing half by naming its id in ``moved.txt`` (one id a line, ``#``
comments), and a new real case takes its place.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Collection, Iterator
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
SHARED_CASES = HERE.parents[1].parent / "shared" / "texts" / "cases.jsonl"
HALVES = ("rules", "test")


def _moved() -> frozenset[str]:
    path = HERE / "moved.txt"
    if not path.exists():
        return frozenset()
    lines = (line.split("#", 1)[0].strip() for line in path.read_text("utf-8").splitlines())
    return frozenset(line for line in lines if line)


def half(case_id: str, moved: frozenset[str] | None = None) -> str:
    """``"rules"`` or ``"test"``: the half the case with this id belongs to."""
    if case_id in (_moved() if moved is None else moved):
        return "rules"
    return HALVES[int(hashlib.sha256(case_id.encode("utf-8")).hexdigest(), 16) % 2]


def _files() -> list[Path]:
    return [SHARED_CASES, *sorted(HERE.glob("*.jsonl"))]


def load(category: str | None = None, which: str | None = None,
         batch: str | Collection[str] | None = None) -> list[dict[str, Any]]:
    """Every case (of ``category``, in half ``which``, from file ``batch`` or one of several, when given), each
    with its ``half`` and ``batch`` added."""
    batches = {batch} if isinstance(batch, str) else batch
    moved = _moved()
    out = []
    for case in _read():
        case["half"] = half(case["id"], moved)
        if ((category is None or case["category"] == category) and (which is None or case["half"] == which)
                and (batches is None or case["batch"] in batches)):
            out.append(case)
    return out


def _read() -> Iterator[dict[str, Any]]:
    """Every case, with ``batch`` naming the file it came from (``cases``, ``found``, ``found2``...)."""
    for path in _files():
        if path.exists():
            with open(path, encoding="utf-8") as fh:
                yield from ({**json.loads(line), "batch": path.stem} for line in fh if line.strip())
