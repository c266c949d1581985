"""Takedowns: how the recheck's stub rule tells an edited article from a stub put in its place, on real bodies.

A recheck takes the page at an archived article's URL for a stub when it holds less than
``KZNEWS_RECHECK_STUB_SHARE`` of the archived body's words (``kznews.recheck.words_left``).  Each real body (those of
``bench/stories.py``: evaldata's ground truth, the Russian and Kazakh texts of ``bench/wordforms``) is compared, as
the archive holds it, with:

- edits, which must stay above the share (else an edit is taken for a takedown): the copies ``bench/stories.py``
  makes (a sentence dropped, the lead rewritten, the dateline changed, or all three), and a heavy edit, every other
  sentence dropped;
- stubs, which must fall under it (else a takedown is missed): a takedown notice with what extraction picks up
  around it on a stub page, the first sentences of five other bodies (a "related news" block).

Printed per share: edits taken for stubs and stubs missed, and the lowest edit and highest stub shares.

Usage: ``python bench/recheck.py [--no-append]``
"""

from __future__ import annotations

import argparse
import random
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.results import append  # noqa: E402
from bench.stories import _SENTENCE, bodies, edited  # noqa: E402
from kznews.recheck import words_left  # noqa: E402
from kznews.settings import KZNEWS_RECHECK_STUB_SHARE  # noqa: E402

NOTICES = ["Материал удалён по требованию правообладателя.", "Страница не найдена или была удалена.",
           "Бұл материал жойылды.", "This article has been removed."]
SHARES = (0.05, 0.1, KZNEWS_RECHECK_STUB_SHARE, 0.3, 0.5)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--no-append", action="store_true", help="Print only; do not append to bench/RESULTS.md.")
    args = parser.parse_args(argv)
    rng = random.Random(19)
    pool = bodies()
    edits, stubs = [], []
    for n, (_, body) in enumerate(pool):
        others = [pool[(n + k) % len(pool)][1] for k in range(1, 6)]
        sentences = _SENTENCE.split(body)
        for copy in (edited(body, others[0], rng), " ".join(sentences[::2])):
            edits.append(words_left(None, body, copy))
        related = " ".join(_SENTENCE.split(other)[0] for other in others)
        stubs.append(words_left(None, body, f"{rng.choice(NOTICES)} {related}"))
    edit_shares = [s for s in edits if s is not None]
    stub_shares = [s for s in stubs if s is not None]
    lines = [f"{len(pool)} real bodies: {len(edit_shares)} edits (the copies of bench/stories.py, and every other "
             f"sentence dropped), {len(stub_shares)} stubs (a notice and five other bodies' first sentences).",
             f"Lowest share of an edit {min(edit_shares):.3f}, highest of a stub {max(stub_shares):.3f}.", "",
             "| share | edits taken for stubs | stubs missed |", "|---|---|---|"]
    for share in SHARES:
        mark = " (KZNEWS_RECHECK_STUB_SHARE)" if share == KZNEWS_RECHECK_STUB_SHARE else ""
        lines.append(f"| {share}{mark} | {sum(s < share for s in edit_shares)} | {sum(s >= share for s in stub_shares)} |")
    report = "\n".join(lines)
    print(report)
    if not args.no_append:
        append("recheck: the stub rule on real bodies", report, __file__, argv)
    return 0


if __name__ == "__main__":
    sys.exit(main())
