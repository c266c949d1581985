"""The outlet registry as a markdown table: `kznews sites --format markdown`, and README's "## Outlets" block,
which `kznews sites --write-readme README.md` rewrites."""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from pathlib import Path

from . import Outlet

MARK_START = "<!-- outlets:start -->"
MARK_END = "<!-- outlets:end -->"


def discovery_kinds(outlet: Outlet) -> list[str]:
    """The kinds of start points the outlet's editions use, in a fixed order."""
    kinds = {"daily archive" if p.kind == "archive" else p.kind for ed in outlet.editions for p in ed.start_points()}
    order = ("feed", "sitemap", "robots.txt", "listing", "daily archive")
    return [k for k in order if k in kinds]


def _cell(text: str) -> str:
    return text.replace("|", "\\|")


def markdown_table(outlets: Iterable[Outlet], tested: Mapping[str, Iterable[str]] | None = None) -> str:
    """A markdown table of ``outlets``: key, name, editions, discovery and, given ``tested``
    (key -> "real"/"constructed" fixture kinds), what each is tested on."""
    head = ["key", "name", "editions", "discovery"] + (["tested on"] if tested is not None else [])
    lines = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    for o in outlets:
        row = [f"`{o.key}`", _cell(o.name), ", ".join(e.label for e in o.editions), ", ".join(discovery_kinds(o))]
        if tested is not None:
            kinds = set(tested.get(o.key, ()))
            row.append(" + ".join(k for k in ("real", "constructed") if k in kinds) or "—")
        lines.append("| " + " | ".join(row) + " |")
    return "\n".join(lines) + "\n"


README_INTRO = (
    "Generated from `kznews/sites/outlets.toml` and the saved pages each outlet is tested on "
    "(`tests/sites/fixtures/`: *real* pages read from `../shared/pages`, or pages *constructed* to the "
    "outlet's documented structure) by `kznews sites --write-readme README.md`; a test fails when it is out "
    "of date. A `robots.txt` start point means the sitemaps its `Sitemap:` lines name at run time."
)


def readme_block(outlets: Iterable[Outlet], tested: Mapping[str, Iterable[str]] | None = None) -> str:
    """The README block between the markers, markers included."""
    return f"{MARK_START}\n{README_INTRO}\n\n{markdown_table(outlets, tested)}{MARK_END}"


def saved_page_kinds(fixtures: Path) -> dict[str, list[str]]:
    """Outlet key -> the kinds of saved page it is tested on ("real", "constructed"), from a fixtures directory
    (``<key>/<name>.json``, as ``kznews fixture save`` writes them)."""
    out: dict[str, list[str]] = {}
    for meta in sorted(fixtures.glob("*/*.json")):
        kind = "constructed" if json.loads(meta.read_text("utf-8"))["constructed"] else "real"
        if kind not in out.setdefault(meta.parent.name, []):
            out[meta.parent.name].append(kind)
    return out


def rewrite_readme(text: str, outlets: Iterable[Outlet], tested: Mapping[str, Iterable[str]]) -> str:
    """``text`` (a README) with the block between the outlet markers made anew; a ``ValueError`` without them."""
    start, end = text.find(MARK_START), text.find(MARK_END)
    if start < 0 or end < start:
        raise ValueError(f"no {MARK_START} ... {MARK_END} block to rewrite")
    return text[:start] + readme_block(outlets, tested) + text[end + len(MARK_END):]

