"""Language identification on real Kazakh-media strings: kznews's rules vs py3langid.

    python bench/language.py        # (pip install py3langid for the comparison)

Scores ``kznews.extract.language.guess_from_text`` (the text fallback, after URL,
subdomain and <html lang>) and py3langid, a library that knows Kazakh, on the real
strings of ../shared/texts/cases.jsonl (their ``context``), per language and script.
Prints a table and appends it, dated, to bench/RESULTS.md.
"""

from __future__ import annotations

import json
import time
from collections import Counter
from datetime import UTC, datetime
from pathlib import Path

from kznews.extract.language import guess_from_text

ROOT = Path(__file__).resolve().parents[1]
CASES = ROOT.parent / "shared" / "texts" / "cases.jsonl"


def script(text: str) -> str:
    """cyrl / latn / arab: the script most letters of ``text`` are in."""
    counts = Counter(
        "cyrl" if "\u0400" <= ch <= "\u04ff" else "arab" if "\u0600" <= ch <= "\u06ff" else "latn"
        for ch in text if ch.isalpha()
    )
    return counts.most_common(1)[0][0] if counts else "-"


def main() -> None:
    try:
        import py3langid
    except ImportError:
        py3langid = None
    cases = [json.loads(line) for line in CASES.open(encoding="utf-8")]
    rows: dict[tuple[str, str], Counter] = {}
    spent = Counter()
    for case in cases:
        text = case.get("context") or case["text"]
        key = (case["lang"], script(text) if case["lang"] == "kk" else "")
        tally = rows.setdefault(key, Counter())
        tally["n"] += 1
        started = time.perf_counter()
        tally["kznews"] += guess_from_text(text) == case["lang"]
        spent["kznews"] += time.perf_counter() - started
        if py3langid:
            started = time.perf_counter()
            tally["py3langid"] += py3langid.classify(text)[0] == case["lang"]
            spent["py3langid"] += time.perf_counter() - started
    lines = [
        f"## {datetime.now(UTC):%Y-%m-%d %H:%M} language identification, {len(cases)} real strings",
        "",
        "`python bench/language.py` (text only: URL, subdomain and <html lang> come first in kznews)",
        "",
        "| lang | script | strings | kznews letters | py3langid |",
        "|---|---|---|---|---|",
    ]
    for (lang, scr), t in sorted(rows.items()):
        other = f"{t['py3langid']}/{t['n']}" if py3langid else "not installed"
        lines.append(f"| {lang} | {scr or '-'} | {t['n']} | {t['kznews']}/{t['n']} | {other} |")
    per_ms = {k: 1000 * v / len(cases) for k, v in spent.items()}
    lines += ["", "ms per string: " + ", ".join(f"{k} {v:.3f}" for k, v in per_ms.items()), ""]
    table = "\n".join(lines)
    print(table)
    with (ROOT / "bench" / "RESULTS.md").open("a", encoding="utf-8") as f:
        f.write("\n" + table)


if __name__ == "__main__":
    main()
