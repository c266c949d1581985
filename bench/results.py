"""bench/RESULTS.md: where every benchmark appends its table, dated, with the command that printed it."""

from __future__ import annotations

import sys
from datetime import datetime
from pathlib import Path

RESULTS = Path(__file__).resolve().with_name("RESULTS.md")


def append(title: str, report: str, script: str, argv: list[str] | None = None) -> None:
    """Append ``report`` under ``## <now> <title>`` and the command line (``script`` with ``argv``) behind it."""
    args = " ".join(argv if argv is not None else sys.argv[1:])
    command = f"python bench/{Path(script).name} {args}".strip()
    with open(RESULTS, "a", encoding="utf-8") as fh:
        fh.write(f"\n## {datetime.now().strftime('%Y-%m-%d %H:%M')} {title}\n\n`{command}`\n\n{report}\n")
