"""Coverage alerts for unattended harvesting: outlets that went quiet or error-prone.

Read from the archive alone (the ``runs`` rows and their stats), so ``harvest``
and ``stats`` report the same thing: an outlet with no new article in its last
N runs (markup or feed changed? blocked?), or whose error rate in its last run
exceeds a threshold.
"""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass
from typing import Any

from kznews.runstats import site_figures


@dataclass(frozen=True)
class Alert:
    """One outlet that needs a look, and why (one line for a human)."""

    site: str
    kind: str  # "stale" | "errors"
    message: str


def _runs_by_site(conn: sqlite3.Connection, limit: int) -> dict[str, list[dict[str, Any]]]:
    """The finished runs' stats per outlet they crawled, newest first."""
    by_site: dict[str, list[dict[str, Any]]] = {}
    rows = conn.execute(
        "SELECT args, stats FROM runs WHERE ended_at IS NOT NULL ORDER BY id DESC LIMIT :n",
        {"n": limit},
    )
    for args, stats in rows:
        stats_d = json.loads(stats or "{}")
        for site in json.loads(args or "{}").get("sites") or ():
            by_site.setdefault(site, []).append(stats_d)
    return by_site


def alerts(
    conn: sqlite3.Connection, *, stale_runs: int = 3, max_error_rate: float = 0.2,
    sites: list[str] | None = None, history: int = 200,
) -> list[Alert]:
    """Alerts over the last ``history`` runs, for ``sites`` (default: every outlet crawled)."""
    found = []
    for site, runs in sorted(_runs_by_site(conn, history).items()):
        if sites is not None and site not in sites:
            continue
        last = site_figures(runs[0], site)
        attempts = last["pages"] + last["failed_requests"]
        if attempts and last["failed_requests"] / attempts > max_error_rate:
            found.append(Alert(site, "errors", (
                f"{site}: {last['failed_requests']} of {attempts} requests failed in its last run "
                f"(over {max_error_rate:.0%})"
            )))
        recent = runs[:stale_runs]
        if len(recent) == stale_runs and not any(site_figures(r, site)["new_articles"] for r in recent):
            found.append(Alert(site, "stale", f"{site}: no new articles in its last {stale_runs} runs"))
    return found
