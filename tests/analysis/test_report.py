"""kznews report: one self-contained HTML file, escaped, with its charts (checked in Chromium)."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import Result

from kznews.analysis.report import gaps, render
from kznews.items import Article, PageItem, PageRecord, Source, TickerQuote
from kznews.storage import Archive, ArticleFilter, connect_readonly
from kznews.storage.removals import Check
from tests.storage.conftest import make_item

Cli = Callable[..., Result]
EVIL = '<script>alert("x")</script>'


def test_gaps_are_runs_of_empty_days() -> None:
    per_day = {"kt": {"2024-03-01": 2, "2024-03-02": 1, "2024-03-05": 1, "2024-03-07": 3}, "nur": {"2024-03-03": 1}}
    assert gaps(per_day) == {"kt": [("2024-03-03", "2024-03-04", 2), ("2024-03-06", "2024-03-06", 1)], "nur": []}


@pytest.fixture
def hostile(tmp_path: Path) -> Path:
    """An archive whose page content tries to inject markup."""
    db = tmp_path / "hostile.db"
    url = "https://kt.kz/rus/news/1"
    article = Article(url=url, site=EVIL, lang=EVIL, headline=EVIL, body="x", source=EVIL,
                      published_at="2024-03-01T10:00:00+05:00")
    quote = TickerQuote(pair=f"USD/{EVIL}", value=1.5, url=url, site=EVIL, observed_at="2024-03-01T05:00:00+00:00")
    with Archive(db) as archive:
        archive.store([PageItem(url=url, status=200, headers={}, body=b"x", fetched_at="2024-03-01T06:00:00+00:00",
                                site=EVIL, edition="ru", kind="article",
                                record=PageRecord(url=url, kind="article", article=article, tickers=[quote]))])
    return db


def test_everything_from_the_archive_is_escaped(cli: Cli, hostile: Path, tmp_path: Path) -> None:
    out = tmp_path / "r.html"
    result = cli("report", str(out), db=hostile)
    assert result.exit_code == 0, result.output
    page = out.read_text("utf-8")
    assert "<script" not in page and "&lt;script&gt;" in page


def test_report_is_self_contained(cli: Cli, generated: Path, tmp_path: Path) -> None:
    out = tmp_path / "r.html"
    assert cli("report", str(out), "--since", "2024-03-01", db=generated).exit_code == 0
    page = out.read_text("utf-8")
    assert not re.search(r"""(src|href)=["']?(https?:)?//""", page)  # nothing fetched from the network
    assert "<script" not in page
    for section in ("Articles per outlet per day", "Languages", "Top sources", "Coverage gaps", "USD/KZT"):
        assert section in page
    assert "2024-02-2" not in page.split("Currency tickers")[0]  # the window holds


def test_bad_input_is_one_line(cli: Cli, generated: Path, tmp_path: Path) -> None:
    result = cli("report", str(tmp_path / "missing" / "r.html"), db=generated)
    assert result.exit_code == 1 and "cannot write" in result.output
    result = cli("report", str(tmp_path / "r.html"), "--until", "yesterday", db=generated)
    assert result.exit_code == 1 and len(result.output.strip().splitlines()) == 1


def test_report_renders_in_chromium(cli: Cli, generated: Path, tmp_path: Path,
                                    chromium: Callable[..., object]) -> None:
    out = tmp_path / "report.html"
    assert cli("report", str(out), db=generated).exit_code == 0
    dom = chromium("--dump-dom", out.as_uri()).stdout  # type: ignore[attr-defined]
    assert dom.count('<svg class="chart') >= 2 + 4  # coverage, languages, sources, four tickers
    assert len(re.findall(r"<polyline points=\"[\d., ]{40,}\"", dom)) >= 4 * 5  # a line per pair per outlet
    assert re.search(r'<svg[^>]*id="coverage"', dom)
    shot = tmp_path / "report.png"
    chromium(f"--screenshot={shot}", "--window-size=1050,2400", out.as_uri())
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and shot.stat().st_size > 20_000


def test_report_says_who_republishes_whom_and_how_soon(cli: Cli, tmp_path: Path) -> None:
    from tests.storage.test_sources import store_republications

    db = tmp_path / "r.db"
    store_republications(db)
    out = tmp_path / "r.html"
    assert cli("report", str(out), db=db).exit_code == 0
    section = out.read_text("utf-8").split("<h2>Republications</h2>")[1].split("<h2>")[0]
    cells = re.findall(r"<td[^>]*>([^<]*)</td>", section)
    assert cells == ["kaztag", "ic24", "2", "1", "0", "90", "90", "90"]  # the original found by its headline


def test_report_lists_the_stories_told_by_several_outlets(tmp_path: Path) -> None:
    from tests.storage.test_stories import _zyte_bodies

    wire, other = _zyte_bodies(2)
    db = tmp_path / "st.db"
    with Archive(db) as archive:
        archive.store([
            make_item("https://kaztag.kz/1", site="kaztag", headline="Первый", body=wire,
                      published_at="2024-04-16T10:00:00+05:00"),
            make_item("https://ic24.kz/1", site="ic24", headline="Перепечатка", body="Алматы. КазТАГ - " + wire,
                      published_at="2024-04-16T12:00:00+05:00"),
            make_item("https://ic24.kz/2", site="ic24", headline="Своя", body=other,
                      published_at="2024-04-16T13:00:00+05:00")])
    page = render(connect_readonly(db), ArticleFilter(), "st.db")
    section = page.split("<h2>Stories across outlets</h2>")[1].split("<h2>")[0]
    cells = re.findall(r"<td[^>]*>([^<]*)</td>", section)
    assert cells[:5] == ["2024-04-16T10:00:00+05:00", "kaztag", "Первый", "2", "2"] and len(cells) == 6


def test_top_sources_are_one_outlet_however_its_name_is_printed(tmp_path: Path) -> None:
    db = tmp_path / "s.db"
    printed = [("Источник: КазТАГ", "КазТАГ"), ("Дереккөз: КазТАГ", "КазТАГ"), ("Source: KazTAG", "KazTAG")]
    with Archive(db) as archive:
        archive.store([
            make_item(f"https://ic24.kz/news/a-u{i}", site="ic24", headline=f"Новость {i}",
                      published_at="2024-04-16T10:00:00+05:00",
                      sources=[Source(name=name, kind="source-line", evidence=line, outlet="kaztag")])
            for i, (line, name) in enumerate(printed)])
    page = render(connect_readonly(db), ArticleFilter(), "s.db")
    top = page.split("<h2>Top sources</h2>")[1].split("<h2>")[0]
    assert "КазТАГ (kaztag.kz) (1 outlets)" in top and "Источник" not in top and "Source:" not in top


def test_a_one_day_archive_still_draws_its_ticker_values(tmp_path: Path) -> None:
    """A line of one point draws nothing: each outlet's one value is a dot."""
    db = tmp_path / "t.db"
    with Archive(db) as archive:
        archive.store([
            make_item(f"https://{site}.kz/", site=site, kind="listing", with_article=False,
                      fetched_at="2024-04-16T06:00:00+00:00",
                      tickers=[TickerQuote(pair="USD/KZT", value=value, url=f"https://{site}.kz/", site=site,
                                           observed_at="2024-04-16T06:00:00+00:00")])
            for site, value in (("kt", 447.1), ("nur", 447.6))])
    page = render(connect_readonly(db), ArticleFilter(), "t.db")
    chart = page.split('aria-label="USD/KZT per outlet"')[1].split("</svg>")[0]
    assert chart.count("<circle ") == 2 and "<polyline" not in chart


def test_takedowns_per_outlet_and_the_latest_removals(tmp_path: Path) -> None:
    db = tmp_path / "t.db"
    urls = [f"https://kt.kz/rus/news/{n}" for n in (1, 2, 3)]
    with Archive(db) as archive:
        archive.store([make_item(url, site="kt", published_at=f"2024-03-0{n}T10:00:00+05:00")
                       for n, url in enumerate(urls, 1)])
        ids = [archive._conn.execute("SELECT id FROM articles WHERE url = ?", (url,)).fetchone()[0] for url in urls]
        gone = [Check(i, f"2024-04-0{day}T00:00:00+00:00", gone=True, status=410, reason="status", evidence="HTTP 410")
                for day, i in ((1, ids[0]), (2, ids[0]), (1, ids[1]), (2, ids[1]), (1, ids[2]))]
        archive.record_checks([*gone, Check(ids[1], "2024-04-03T00:00:00+00:00", gone=False)])
    conn = connect_readonly(db)

    def takedowns(window: ArticleFilter) -> str:
        return render(conn, window, str(db)).split("<h2>Takedowns</h2>")[1].split("<h2>")[0]

    whole = takedowns(ArticleFilter())
    assert '<tr><td>kt</td><td class="n">1</td><td class="n">1</td><td class="n">1</td></tr>' in whole
    assert urls[0] in whole and urls[1] not in whole  # the latest removals: only those removed now
    window = takedowns(ArticleFilter(since="2024-03-03"))  # the third article's: suspected, no more
    assert '<tr><td>kt</td><td class="n">0</td><td class="n">0</td><td class="n">1</td></tr>' in window
    assert urls[0] not in window
