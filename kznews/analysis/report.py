"""A one-file HTML report of the archive: coverage, languages, sources, gaps, ticker series.

The file is self-contained (inline CSS and SVG drawn here, no script, no
network) so it can be mailed or opened offline.  Every string that comes from
the archive is HTML-escaped.
"""

from __future__ import annotations

import sqlite3
from collections import defaultdict
from datetime import UTC, date, datetime, timedelta
from html import escape
from typing import Any

from kznews import __version__, sites
from kznews.analysis.series import pairs, series
from kznews.storage.filters import ArticleFilter
from kznews.storage.removals import CONFIRMED

WIDTH = 960  # the chart width in px
LABEL = 110  # room for outlet labels on the left
PALETTE = ("#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e", "#17becf", "#8c564b", "#e377c2",
           "#7f7f7f", "#bcbd22")
CSS = """
body{font:14px/1.4 system-ui,sans-serif;margin:24px;color:#222;max-width:1000px}
h1{font-size:22px}h2{font-size:18px;margin-top:32px;border-bottom:1px solid #ddd}
table{border-collapse:collapse;margin:8px 0}td,th{padding:2px 8px;border-bottom:1px solid #eee;text-align:left}
td.n{text-align:right;font-variant-numeric:tabular-nums}svg{display:block;margin:8px 0}
svg text{font:11px system-ui,sans-serif;fill:#333}.muted{color:#777}
"""


_DAY = "substr(coalesce(published_at, fetched_at), 1, 10)"


def _days(first: str, last: str) -> list[str]:
    start, end = date.fromisoformat(first), date.fromisoformat(last)
    return [(start + timedelta(days=i)).isoformat() for i in range((end - start).days + 1)]


def gaps(per_day: dict[str, dict[str, int]]) -> dict[str, list[tuple[str, str, int]]]:
    """Per outlet, the runs of days with no article between its first and last day: (from, to, days)."""
    found: dict[str, list[tuple[str, str, int]]] = {}
    for site, counts in per_day.items():
        runs: list[tuple[str, str, int]] = []
        start: str | None = None
        days = _days(min(counts), max(counts))
        for i, day in enumerate(days):
            if day not in counts and start is None:
                start = day
            elif day in counts and start is not None:
                runs.append((start, days[i - 1], (date.fromisoformat(day) - date.fromisoformat(start)).days))
                start = None
        found[site] = runs
    return found


def _bars(rows: list[tuple[str, int]], title: str, color: str = PALETTE[0]) -> str:
    """A horizontal bar chart of labelled counts."""
    if not rows:
        return '<p class="muted">none</p>'
    top = max(n for _, n in rows)
    height = 20 * len(rows) + 10
    label_w = 330
    parts = [f'<svg class="chart" role="img" aria-label="{escape(title)}" width="{WIDTH}" height="{height}">']
    for i, (label, n) in enumerate(rows):
        y = 5 + 20 * i
        w = (WIDTH - label_w - 60) * n / top
        parts.append(f'<text x="{label_w - 6}" y="{y + 13}" text-anchor="end">{escape(label[:50])}</text>'
                     f'<rect x="{label_w}" y="{y + 2}" width="{w:.1f}" height="14" fill="{color}"/>'
                     f'<text x="{label_w + w + 4:.1f}" y="{y + 13}">{n}</text>')
    parts.append("</svg>")
    return "".join(parts)


def _coverage_chart(per_day: dict[str, dict[str, int]], found_gaps: dict[str, list[tuple[str, str, int]]]) -> str:
    """One row per outlet: a bar per day's article count, gaps underlined in red."""
    if not per_day:
        return '<p class="muted">no articles in this window</p>'
    days = _days(min(min(c) for c in per_day.values()), max(max(c) for c in per_day.values()))
    index = {day: i for i, day in enumerate(days)}
    step = (WIDTH - LABEL - 10) / len(days)
    row_h = 24
    top = max(max(c.values()) for c in per_day.values())
    sites = sorted(per_day, key=lambda s: -sum(per_day[s].values()))
    height = row_h * len(sites) + 24
    parts = [(f'<svg class="chart" id="coverage" role="img" aria-label="articles per outlet per day" '
             f'width="{WIDTH}" height="{height}">')]
    for r, site in enumerate(sites):
        base = row_h * (r + 1) - 4
        bars = "".join(
            f"M{LABEL + index[day] * step:.1f} {base}v-{max(1.0, (row_h - 8) * n / top):.1f}"
            for day, n in per_day[site].items()
        )
        holes = "".join(
            f'<rect x="{LABEL + index[a] * step:.1f}" y="{base + 1}" width="{max(step, 1) * n:.1f}" height="2" fill="#d62728"/>'
            for a, _, n in found_gaps.get(site, [])
        )
        parts.append(f'<text x="{LABEL - 6}" y="{base}" text-anchor="end">{escape(site)}</text>'
                     f'<path d="{bars}" stroke="{PALETTE[0]}" stroke-width="{max(step * 0.8, 0.6):.2f}"/>{holes}')
    parts.append(f'<text x="{LABEL}" y="{height - 4}">{days[0]}</text>'
                 f'<text x="{WIDTH - 10}" y="{height - 4}" text-anchor="end">{days[-1]}</text></svg>')
    return "".join(parts)


def _line_chart(pair: str, points: dict[str, list[tuple[str, float]]]) -> str:
    """A pair's daily value per outlet, one line each, with its range and dates."""
    days = _days(min(p[0][0] for p in points.values()), max(p[-1][0] for p in points.values()))
    index = {day: i for i, day in enumerate(days)}
    low = min(v for p in points.values() for _, v in p)
    high = max(v for p in points.values() for _, v in p)
    span = (high - low) or 1.0
    plot_h, left, top_pad = 200, 60, 10
    step = (WIDTH - left - 10) / max(1, len(days) - 1)
    legend_h = 18 * ((len(points) + 5) // 6)
    height = plot_h + top_pad + 24 + legend_h
    parts = [(f'<svg class="chart ticker" role="img" aria-label="{escape(pair)} per outlet" '
             f'width="{WIDTH}" height="{height}">'),
             f'<text x="{left - 6}" y="{top_pad + 10}" text-anchor="end">{high:g}</text>',
             f'<text x="{left - 6}" y="{top_pad + plot_h}" text-anchor="end">{low:g}</text>',
             f'<path d="M{left} {top_pad}V{top_pad + plot_h}H{WIDTH - 10}" stroke="#999" fill="none"/>']
    for k, (site, values) in enumerate(sorted(points.items())):
        color = PALETTE[k % len(PALETTE)]
        xy = [(left + index[day] * step, top_pad + plot_h * (high - v) / span) for day, v in values]
        if len(xy) == 1:  # one day's value: a point, where a line of one point would draw nothing
            parts.append(f'<circle cx="{xy[0][0]:.1f}" cy="{xy[0][1]:.1f}" r="3" fill="{color}"/>')
        else:
            coords = " ".join(f"{x:.1f},{y:.1f}" for x, y in xy)
            parts.append(f'<polyline points="{coords}" fill="none" stroke="{color}" stroke-width="1.2"/>')
        lx, ly = left + 150 * (k % 6), plot_h + top_pad + 40 + 18 * (k // 6)
        parts.append(f'<rect x="{lx}" y="{ly - 9}" width="10" height="10" fill="{color}"/>'
                     f'<text x="{lx + 14}" y="{ly}">{escape(site)}</text>')
    parts.append(f'<text x="{left}" y="{top_pad + plot_h + 16}">{days[0]}</text>'
                 f'<text x="{WIDTH - 10}" y="{top_pad + plot_h + 16}" text-anchor="end">{days[-1]}</text></svg>')
    return "".join(parts)


def _table(headers: list[str], rows: list[list[Any]]) -> str:
    head = "".join(f"<th>{escape(h)}</th>" for h in headers)
    body = "".join(
        "<tr>" + "".join(f'<td class="n">{v}</td>' if isinstance(v, int | float) else f"<td>{escape(str(v))}</td>"
                         for v in row) + "</tr>"
        for row in rows
    )
    return f"<table><tr>{head}</tr>{body}</table>"


def render(conn: sqlite3.Connection, window: ArticleFilter, archive_label: str) -> str:
    """The report as one HTML document."""
    params, where = window.params(), window.where("articles")
    per_day: dict[str, dict[str, int]] = defaultdict(dict)
    for site, day, n in conn.execute(
        f"SELECT coalesce(site, ''), {_DAY} AS day, count(*) FROM articles WHERE {where}"
        " GROUP BY 1, 2 ORDER BY 1, 2", params):
        per_day[site][day] = n
    langs = conn.execute(
        f"SELECT coalesce(lang, '?'), count(*) FROM articles WHERE {where} GROUP BY 1 ORDER BY 2 DESC",
        params).fetchall()
    # every attribution, one outlet however its name is printed (Источник: КазТАГ, Source: KazTAG)
    registry = sites.outlets()
    sources = [
        (registry[who].name if who in registry else who, n, k) for who, n, k in conn.execute(
            "SELECT coalesce(s.outlet, s.name), count(DISTINCT a.id), count(DISTINCT a.site) FROM sources AS s"
            f" JOIN (SELECT id, site FROM articles WHERE {where}) a ON a.id = s.article_id"
            " GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT 20", params)]
    republished = conn.execute(
        "SELECT s.outlet, a.site, count(DISTINCT a.id), count(DISTINCT l.article_id),"
        " count(DISTINCT CASE WHEN l.matched_by = 'body' THEN l.article_id END), min(l.lag_minutes),"
        " CAST(round(avg(l.lag_minutes)) AS INTEGER), max(l.lag_minutes)"
        " FROM (SELECT DISTINCT article_id, outlet FROM sources WHERE outlet IS NOT NULL) s"
        f" JOIN (SELECT id, site FROM articles WHERE {where}) a ON a.id = s.article_id"
        " LEFT JOIN republication_lags l ON l.article_id = a.id AND l.source_outlet = s.outlet"
        " WHERE s.outlet IS NOT a.site"
        " GROUP BY 1, 2 ORDER BY 3 DESC, 1, 2", params).fetchall()
    # stories told by more than one outlet: republished wire copy, rewrites, editions (schema v13)
    stories = conn.execute(
        "SELECT min(coalesce(a.published_at, a.fetched_at)), a.site, a.headline, count(DISTINCT a.site), count(*),"
        " group_concat(DISTINCT a.site)"
        " FROM (SELECT DISTINCT story FROM stories WHERE story <> article_id) multi"
        " JOIN stories m ON m.story = multi.story"
        f" JOIN (SELECT id, site, headline, published_at, fetched_at FROM articles WHERE {where}) a"
        " ON a.id = m.article_id"
        " GROUP BY m.story HAVING count(DISTINCT a.site) > 1 ORDER BY 4 DESC, 5 DESC, 1 LIMIT 20", params).fetchall()
    # takedowns (`kznews recheck`): per outlet, and the latest removals, of the window's articles
    removal_rows = conn.execute(
        f"SELECT a.site, count(CASE WHEN {CONFIRMED} THEN 1 END),"
        " count(CASE WHEN r.confirmed_at IS NOT NULL AND r.restored_at IS NOT NULL THEN 1 END),"
        " count(CASE WHEN r.confirmed_at IS NULL AND r.restored_at IS NULL THEN 1 END)"
        f" FROM removals AS r JOIN (SELECT id, site FROM articles WHERE {where}) a ON a.id = r.article_id"
        " WHERE r.confirmed_at IS NOT NULL OR r.restored_at IS NULL GROUP BY 1 ORDER BY 2 DESC, 3 DESC, 1",
        params).fetchall()
    latest_removals = conn.execute(
        "SELECT r.removed_at, a.site, a.headline, r.evidence, a.url FROM removals AS r"
        f" JOIN (SELECT id, site, headline, url FROM articles WHERE {where}) a ON a.id = r.article_id"
        f" WHERE {CONFIRMED} ORDER BY r.removed_at DESC LIMIT 20", params).fetchall()
    found_gaps = gaps(per_day)
    total = sum(sum(c.values()) for c in per_day.values())

    gap_rows = []
    for site in sorted(per_day):
        runs = found_gaps[site]
        longest = sorted(runs, key=lambda g: -g[2])[:3]
        gap_rows.append([site, min(per_day[site]), max(per_day[site]), len(per_day[site]),
                         sum(g[2] for g in runs), len(runs),
                         "; ".join(f"{a}…{b} ({n} d)" if n > 1 else a for a, b, n in longest)])

    ticker_parts = []
    for pair in pairs(conn):
        points: dict[str, list[tuple[str, float]]] = defaultdict(list)
        for point in series(conn, pair, window):
            points[point.site].append((point.day, point.value))
        if points:
            ticker_parts.append(f"<h3>{escape(pair)} <span class=muted>(tenge per unit, last quote of the day)"
                                f"</span></h3>{_line_chart(pair, points)}")

    scope = ", ".join(f"{k} {v}" for k, v in params.items() if v) or "whole archive"
    return "".join([
        '<!doctype html><html lang="en"><head><meta charset="utf-8">',
        f"<title>kznews report: {escape(archive_label)}</title><style>{CSS}</style></head><body>",
        (f"<h1>kznews archive report</h1><p>{escape(archive_label)} · {escape(scope)} · {total} articles in "
        f"{len(per_day)} outlets · generated {datetime.now(UTC):%Y-%m-%d %H:%M} UTC by kznews {__version__}</p>"),
        ("<h2>Articles per outlet per day</h2><p class=muted>Days as published (local date); "
        "red: days without an article between the outlet's first and last day.</p>"),
        _coverage_chart(per_day, found_gaps),
        _table(["outlet", "articles"], [[s, sum(per_day[s].values())] for s in
                                       sorted(per_day, key=lambda s: -sum(per_day[s].values()))]),
        "<h2>Languages</h2>", _bars([(lang, n) for lang, n in langs], "articles per language", PALETTE[2]),
        "<h2>Top sources</h2><p class=muted>Who the articles name as their source (one outlet however its name is"
        " printed), with how many outlets carried it.</p>",
        _bars([(f"{s} ({k} outlets)", n) for s, n, k in sources], "top sources", PALETTE[3]),
        ("<h2>Republications</h2><p class=muted>Articles of one outlet attributed to another (an outlet of the "
         "registry), and how soon they followed the source's own article when it is in the archive (same "
         "headline, folded, or, headline rewritten, the same body).</p>"),
        _table(["source", "republisher", "articles", "original found", "of which by body", "min lag (min)",
                "avg lag (min)", "max lag (min)"], [["" if v is None else v for v in row] for row in republished]),
        ("<h2>Stories across outlets</h2><p class=muted>The stories told by the most outlets: near-duplicate bodies "
         "(republished wire copy, rewrites) and the language editions of one story, with who published first.</p>"),
        _table(["first published", "first publisher", "headline", "outlets", "articles", "told by"],
               [list(row) for row in stories]),
        ("<h2>Takedowns</h2><p class=muted>Articles an outlet took down (404, 410 or 451, a redirect to a page "
         "that is no article, a stub in its place), as two rechecks in a row found them (<code>kznews recheck</code>); "
         "restored: seen again since; suspected: found gone once. The archive keeps every one of them.</p>"),
        _table(["outlet", "removed", "restored", "suspected"], [list(row) for row in removal_rows]),
        _table(["first seen gone", "outlet", "headline", "evidence", "url"], [list(row) for row in latest_removals])
        if latest_removals else "",
        "<h2>Coverage gaps</h2>",
        _table(["outlet", "first day", "last day", "days with articles", "days without", "gaps", "longest gaps"],
               gap_rows),
        "<h2>Currency tickers</h2>",
        "".join(ticker_parts) or '<p class="muted">no ticker quotes in this window</p>',
        "</body></html>",
    ])
