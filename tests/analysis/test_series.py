"""kznews tickers: one row per outlet per Asia/Almaty day, the day's last value, with counts."""

from __future__ import annotations

import json
from collections.abc import Callable
from contextlib import closing
from pathlib import Path

import pytest
from click.testing import Result

from kznews.analysis import series
from kznews.items import PageItem, PageRecord, TickerQuote
from kznews.storage import Archive, connect_readonly
from kznews.storage.filters import ArticleFilter

Cli = Callable[..., Result]


def homepage(site: str, fetched_at: str, usd: float) -> PageItem:
    url = f"https://{site}.example/"
    quote = TickerQuote(pair="USD/KZT", value=usd, url=url, site=site, observed_at=fetched_at)
    return PageItem(url=url, status=200, headers={}, body=f"{site} {fetched_at}".encode(), fetched_at=fetched_at,
                    site=site, edition=None, kind="listing", record=PageRecord(url=url, kind="listing", tickers=[quote]))


@pytest.fixture
def quotes(tmp_path: Path) -> Path:
    db = tmp_path / "quotes.db"
    with Archive(db) as archive:
        archive.store([
            # 2024-02-29 in Almaty (UTC+6): 18:00 UTC on the 28th is already the 29th there.
            homepage("kt", "2024-02-28T18:30:00+00:00", 450.0),
            homepage("kt", "2024-02-29T10:00:00+00:00", 451.0),
            # On 2024-03-01 at 00:00 (+06) clocks went back to 23:00 (+05): 18:30 UTC is 23:30 on the 29th.
            homepage("kt", "2024-02-29T18:30:00+00:00", 452.0),
            homepage("kt", "2024-02-29T19:00:00+00:00", 453.0),  # 00:00 local on March 1
            homepage("inform", "2024-02-29T12:00:00+00:00", 449.5),
            homepage("kt", "2024-03-01T19:00:00+00:00", 454.0),  # 00:00 local on March 2 (UTC+5)
        ])
    return db


def test_collapses_a_day_to_its_last_value(quotes: Path) -> None:
    with closing(connect_readonly(quotes)) as conn:
        points = list(series.series(conn, "usd/kzt"))
    assert [(p.day, p.site, p.value, p.observations) for p in points] == [
        ("2024-02-29", "inform", 449.5, 1),
        ("2024-02-29", "kt", 452.0, 3),
        ("2024-03-01", "kt", 453.0, 1),
        ("2024-03-02", "kt", 454.0, 1),
    ]
    assert points[1].last_observed_at == "2024-02-29T18:30:00+00:00"


def test_window_and_site_use_local_days(quotes: Path) -> None:
    with closing(connect_readonly(quotes)) as conn:
        points = list(series.series(conn, "USD", ArticleFilter(site="kt", since="2024-03-01", until="2024-03-01")))
    assert [(p.day, p.value) for p in points] == [("2024-03-01", 453.0)]


def test_cli_formats(cli: Cli, quotes: Path) -> None:
    table = cli("tickers", "USD/KZT", db=quotes)
    assert table.exit_code == 0 and "452" in table.output and "observations" in table.output
    rows = [json.loads(line) for line in cli("tickers", "USD/KZT", "--format", "json", db=quotes).output.splitlines()]
    assert rows[1] == {"day": "2024-02-29", "site": "kt", "pair": "USD/KZT", "value": 452.0, "observations": 3,
                       "last_observed_at": "2024-02-29T18:30:00+00:00"}
    csv_out = cli("tickers", "USD/KZT", "--site", "inform", "--format", "csv", db=quotes).output.splitlines()
    assert csv_out[0] == "day,site,pair,value,observations,last_observed_at" and len(csv_out) == 2


def test_generated_series_is_one_row_per_outlet_day(cli: Cli, generated: Path) -> None:
    rows = [json.loads(line) for line in cli("tickers", "EUR/KZT", "--format", "json", db=generated).output.splitlines()]
    keys = [(r["day"], r["site"]) for r in rows]
    assert keys == sorted(set(keys)) and len(keys) > 40
    assert any(r["observations"] > 1 for r in rows)


@pytest.mark.parametrize("args, message", [
    (["XAU/KZT"], "no quotes of XAU/KZT in the archive (pairs: USD/KZT)"),
    (["USD", "--until", "2024-3-1"], "is not a date"),
])
def test_bad_input_is_one_line(cli: Cli, quotes: Path, args: list[str], message: str) -> None:
    result = cli("tickers", *args, db=quotes)
    assert result.exit_code == 1 and message in result.output
    assert len(result.output.strip().splitlines()) == 1
