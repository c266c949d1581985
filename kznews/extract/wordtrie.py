"""One regex for many words: their shared beginnings written once, so ``re`` reads each letter of a text once
however many words (every spelling of a name in every Kazakh alphabet) the pattern holds."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable


def trie_regex(words: Iterable[str], piece: Callable[[str], str] = re.escape) -> str:
    """A regex matching any of ``words``, longer words first (greedy); ``piece`` writes one character's regex
    (``re.escape`` by default; a caller may let a space stand for any run of spaces, say).  No boundaries: the
    caller adds the ones its words need."""
    root: dict[str, dict] = {}
    for word in set(words):
        node = root
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}
    return _emit(root, piece)


def _emit(node: dict[str, dict], piece: Callable[[str], str]) -> str:
    branches = [piece(ch) + _emit(child, piece) for ch, child in sorted(node.items()) if ch]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    if "" in node:  # a word ends here; a longer one may go on
        return f"(?:{body})?" if len(branches) == 1 else body + "?"
    return body
