"""The command line: help, sites, extract, and one-line errors for bad input."""

from __future__ import annotations

import gzip
import json
import sqlite3

import pytest
from click.testing import CliRunner

from kznews import sites
from kznews.cli import main
from tests.conftest import REPO, SHARED

INFORM_PAGE = SHARED / "pages/inform.kz/article-ru-2020-a3725092.html"
INFORM_URL = "https://www.inform.kz/ru/polnost-yu-obespechit-region-myasom-pticy-namereny-v-sko_a3725092"
COMMANDS = sorted(main.commands)


def invoke(*args: str):
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


def test_all_commands_exist():
    assert {"crawl", "sites", "extract", "reextract", "search", "stats", "sql"} <= set(COMMANDS)


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_documents_an_example(command):
    result = invoke(command, "--help")
    assert result.exit_code == 0
    assert "Example" in result.output and f"kznews {command}" in result.output


@pytest.mark.parametrize("command", COMMANDS)
def test_readme_mentions_every_command(command):
    assert f"kznews {command}" in (REPO / "README.md").read_text(encoding="utf-8")


def test_sites_table_lists_editions():
    result = invoke("sites")
    assert result.exit_code == 0
    line = next(l for l in result.output.splitlines() if l.startswith("tengrinews"))
    assert " ".join(e.label for e in sites.get("tengrinews").editions) in line


def test_sites_json_is_the_registry():
    result = invoke("sites", "--format", "json")
    rows = [json.loads(line) for line in result.output.splitlines()]
    assert [r["key"] for r in rows] == list(sites.outlets())
    inform = next(r for r in rows if r["key"] == "inform")
    assert inform["editions"] == [e.label for e in sites.get("inform").editions]
    assert inform["domains"] == ["inform.kz"]


@pytest.fixture(scope="module")
def inform_record():
    result = invoke("extract", str(INFORM_PAGE), "--url", INFORM_URL)
    assert result.exit_code == 0
    (line,) = result.output.splitlines()
    return json.loads(line)


def test_extract_prints_the_headline(inform_record):
    assert inform_record["article"]["headline"] == "Полностью обеспечить регион мясом птицы намерены в СКО"


def test_extract_prints_published_at_with_offset(inform_record):
    assert inform_record["article"]["published_at"] == "2020-12-01T14:02:00+06:00"


def test_extract_body_has_no_page_chrome(inform_record):
    body = inform_record["article"]["body"]
    assert body.startswith("ПЕТРОПАВЛОВСК. КАЗИНФОРМ – Бройлерную птицефабрику")
    assert body.rstrip().endswith("заявил М. Тасмаганбетов.")
    for chrome in ("Погода", "USD", "Читайте также", "Все новости"):
        assert chrome not in body


def test_extract_gives_the_four_live_tickers_not_the_commented_ones(inform_record):
    quotes = {(t["pair"], t["value"]) for t in inform_record["tickers"]}
    assert quotes == {("USD/KZT", 425.05), ("EUR/KZT", 509.29), ("RUB/KZT", 5.58), ("CNY/KZT", 64.66)}


def test_extract_reads_gzipped_pages(tmp_path):
    gz = tmp_path / "page.html.gz"
    gz.write_bytes(gzip.compress(INFORM_PAGE.read_bytes()))
    result = invoke("extract", str(gz), "--url", INFORM_URL)
    assert json.loads(result.output)["article"]["published_at"] == "2020-12-01T14:02:00+06:00"


def test_extract_of_a_homepage_gives_links_and_tickers():
    result = invoke("extract", str(SHARED / "pages/kt.kz/homepage-2018-03-21.html"), "--url", "https://www.kt.kz/")
    record = json.loads(result.output)
    assert record["kind"] == "listing"
    assert {t["pair"] for t in record["tickers"]} == {"USD/KZT", "EUR/KZT", "RUB/KZT"}
    assert any(link["published_raw"] for link in record["links"])


def test_extract_bad_gzip_is_a_one_line_error(tmp_path):
    bad = tmp_path / "bad.html.gz"
    bad.write_bytes(b"not gzip at all")
    result = CliRunner().invoke(main, ["extract", str(bad)])
    assert result.exit_code == 1
    assert result.stderr == f"Error: {bad}: cannot be read (Not a gzipped file (b'no'))\n" and result.stdout == ""


def test_extract_goes_on_past_a_truncated_page_of_a_batch(tmp_path):
    """A batch: the truncated .gz is one line on stderr, the pages after it are still extracted, exit 3."""
    truncated = tmp_path / "a.html.gz"
    truncated.write_bytes(gzip.compress(INFORM_PAGE.read_bytes())[:2000])
    whole = tmp_path / "b.html.gz"
    whole.write_bytes(gzip.compress(INFORM_PAGE.read_bytes()))
    result = CliRunner().invoke(main, ["extract", str(truncated), str(whole)])
    assert result.exit_code == 3
    assert result.stderr.startswith(f"Error: {truncated}: cannot be read (") and result.stderr.count("\n") == 1
    (record,) = [json.loads(line) for line in result.stdout.splitlines()]
    assert record["url"] == whole.resolve().as_uri() and record["article"]["headline"]


# --- bad input: one line, non-zero exit -------------------------------------------------


def one_line_error(result, code: int = 1) -> str:
    assert result.exit_code == code, result.output
    lines = result.output.strip().splitlines()
    assert len(lines) == 1 or code == 2, result.output
    return result.output


def test_crawl_unknown_outlet(tmp_path):
    out = one_line_error(invoke("--db", str(tmp_path / "x.db"), "crawl", "nosuch"))
    assert "unknown outlet 'nosuch'" in out


def test_crawl_bad_url(tmp_path):
    out = one_line_error(invoke("--db", str(tmp_path / "x.db"), "crawl", "--url", "ftp://x.kz/feed"))
    assert "not an http(s) URL" in out


def test_crawl_unknown_edition(tmp_path):
    out = one_line_error(invoke("--db", str(tmp_path / "x.db"), "crawl", "inform", "--edition", "zh"))
    assert "no edition 'zh'" in out


def test_crawl_needs_an_outlet_or_a_url(tmp_path):
    one_line_error(invoke("--db", str(tmp_path / "x.db"), "crawl"), code=2)


def test_crawl_refuses_a_foreign_database(tmp_path):
    foreign = tmp_path / "foreign.db"
    conn = sqlite3.connect(foreign)
    conn.execute("CREATE TABLE invoices (id INTEGER)")
    conn.commit()
    conn.close()
    before = foreign.read_bytes()
    out = one_line_error(invoke("--db", str(foreign), "crawl", "inform"))
    assert "not a kznews archive" in out
    assert foreign.read_bytes() == before


def test_search_on_a_garbage_file(tmp_path):
    garbage = tmp_path / "g.db"
    garbage.write_bytes(b"hello, this is not sqlite" * 100)
    out = one_line_error(invoke("--db", str(garbage), "search", "x"))
    assert "Error:" in out


def test_search_on_a_missing_archive(tmp_path):
    out = one_line_error(invoke("--db", str(tmp_path / "none.db"), "search", "x"))
    assert "none.db" in out


def test_search_bad_date_is_one_line(tmp_path):
    out = one_line_error(invoke("--db", str(tmp_path / "x.db"), "search", "x", "--since", "March"))
    assert "is not a date like 2024-03-01" in out


def test_search_malformed_query(tmp_path):
    db = tmp_path / "a.db"
    from kznews.storage import Archive

    Archive(db).close()
    out = one_line_error(invoke("--db", str(db), "search", '"unbalanced'))
    assert "Error:" in out and "Traceback" not in out


def test_crawl_bad_setting_override(tmp_path):
    out = one_line_error(invoke("--db", str(tmp_path / "x.db"), "crawl", "inform", "-s", "NOVALUE"), code=2)
    assert "NAME=VALUE" in out


def test_search_with_editions_shows_the_other_languages(tmp_path):
    from kznews.storage import Archive
    from tests.storage.conftest import make_item

    kk, ru = "https://www.inform.kz/kz/su-taskyny_a1", "https://www.inform.kz/ru/pavodok_a1"
    with Archive(tmp_path / "e.db") as archive:
        archive.store([
            make_item(kk, headline="Су тасқыны", body="Су тасқыны туралы.", editions={"ru": ru}),
            make_item(ru, headline="Паводок", body="О паводке.", lang="ru"),
        ])
    result = invoke("--db", str(tmp_path / "e.db"), "search", "тасқыны", "--with-editions", "--format", "json")
    (row,) = [json.loads(line) for line in result.output.splitlines()]
    assert row["url"] == kk
    assert [(e["lang"], e["url"]) for e in row["editions"]] == [("ru", ru)]


def test_reextract_status_line_keeps_errors_on_their_own_lines(capsys: pytest.CaptureFixture[str]) -> None:
    from kznews.cli.crawling import StatusLine
    from kznews.reextract import Tally

    status = StatusLine()
    status.show(Tally(pages=1))  # within the first second: nothing yet
    status.shown -= 2
    status.show(Tally(pages=5, changed=3))
    status.interrupt("https://x.kz/a: ValueError: bad page")
    status.shown -= 2
    status.show(Tally(pages=9, changed=7, errors=["https://x.kz/a: ValueError: bad page"]))
    status.end()
    err = capsys.readouterr().err
    assert err.startswith("\r5 pages, 3 articles changed, 0 errors, ")
    assert "pages/s \nhttps://x.kz/a: ValueError: bad page\n\r9 pages, 7 articles changed, 1 errors, " in err
    assert err.endswith("pages/s \n")


@pytest.fixture
def small_archive(tmp_path):
    from kznews.storage import Archive
    from tests.storage.conftest import make_item

    with Archive(tmp_path / "s.db") as archive:
        archive.store([make_item(f"https://kaz.example/news/{i}", headline=f"Жаңалық {i}") for i in range(5)])
    return str(tmp_path / "s.db")


def test_sql_prints_blobs_as_base64_in_json_and_csv_and_as_their_size_in_a_table(small_archive):
    import base64
    import csv
    import io

    query = "SELECT url, body FROM pages ORDER BY id LIMIT 1"
    (row,) = [json.loads(line) for line in invoke("--db", small_archive, "sql", query, "--format", "json").output
              .splitlines()]
    with sqlite3.connect(small_archive) as conn:
        stored = conn.execute(query).fetchone()[1]
    assert base64.b64decode(row["body"]) == stored
    (_, body), = list(csv.reader(io.StringIO(invoke("--db", small_archive, "sql", query, "--format", "csv").output)))[1:]
    assert base64.b64decode(body) == stored
    assert f"<blob: {len(stored)} bytes>" in invoke("--db", small_archive, "sql", query).output


def test_sql_csv_of_an_empty_result_still_has_its_header(small_archive):
    result = invoke("--db", small_archive, "sql", "SELECT url, site FROM articles WHERE 0", "--format", "csv")
    assert result.output.splitlines() == ["url,site"]


def test_sql_table_shows_max_rows_and_says_how_many_it_left_out(small_archive):
    result = CliRunner().invoke(main, ["--db", small_archive, "sql", "SELECT url FROM articles", "--max-rows", "2"])
    assert result.exit_code == 0
    assert sum("kaz.example" in line for line in result.stdout.splitlines()) == 2
    assert "3 more rows not shown" in result.stderr


def test_sql_huge_value_is_a_one_line_error(small_archive):
    result = CliRunner().invoke(main, ["--db", small_archive, "sql", "SELECT randomblob(1000000000)"])
    assert result.exit_code == 1
    assert result.output.strip().count("\n") == 0 and "longer than 32 MiB" in result.output


@pytest.mark.parametrize("command", [["search", "Жаңалық"], ["export", "--format", "csv", "--out", "{tmp}/x"], ["tickers", "USD/KZT"],
                                     ["report", "{tmp}/r.html"]])
def test_an_unknown_site_is_a_one_line_error_naming_the_known_ones(small_archive, tmp_path, command):
    args = [a.replace("{tmp}", str(tmp_path)) for a in command]
    result = CliRunner().invoke(main, ["--db", small_archive, *args, "--site", "nosuch"])
    assert result.exit_code == 1
    assert result.output.strip().count("\n") == 0
    assert "--site nosuch: no such outlet" in result.output and "tengrinews" in result.output


def test_an_outlet_of_the_archive_outside_the_registry_is_known(small_archive):
    result = CliRunner().invoke(main, ["--db", small_archive, "search", "Жаңалық", "--site", "example"])
    assert result.exit_code == 0 and "kaz.example" in result.output


@pytest.mark.parametrize("query, found", [
    ("{headline}:Жаңалық", 5), ("{headline lead}: Жаңалық", 5), ("{body}:Жаңалық", 0),
    ("Жаңалық -бүгін", 0), ("Жаңалық -жоқ", 5), ('Жаңалық -"сөз сөйледі"', 0),
])
def test_search_keeps_column_filters_and_reads_a_minus_as_not(small_archive, query, found):
    result = CliRunner().invoke(main, ["--db", small_archive, "search", query, "--format", "json", "--limit", "50"])
    assert result.exit_code == 0, result.output
    assert len(result.output.splitlines()) == found


def test_search_csv_with_no_match_still_prints_its_header(small_archive):
    result = invoke("--db", small_archive, "search", "жоқсөз", "--format", "csv")
    assert result.output.splitlines() == ["url,site,lang,headline,published_at,rank,snippet"]


def test_search_csv_columns_are_the_ones_a_match_prints(small_archive):
    result = invoke("--db", small_archive, "search", "Жаңалық", "--format", "csv", "--limit", "1")
    assert result.output.splitlines()[0] == "url,site,lang,headline,published_at,rank,snippet"


def test_a_search_table_shows_the_match_and_never_breaks_a_url(tmp_path):
    """URLs stay whole (copyable) however long and hyphenated; text columns wrap; the snippet shows the match."""
    from kznews.storage import Archive
    from tests.storage.conftest import make_item

    url = "https://www.inform.kz/ru/" + "-".join(["tenge-ukrepilsya-na-torgakh-kazakhstanskoy-birzhi"] * 3) + "_a3725092"
    with Archive(tmp_path / "u.db") as archive:
        archive.store([make_item(url, headline="Тенге укрепился на торгах Казахстанской фондовой биржи сегодня утром",
                                 body="Курс тенге к доллару вырос на утренней сессии KASE, сообщает биржа.")])
    output = invoke("--db", str(tmp_path / "u.db"), "search", "доллару").output
    assert any(url in line for line in output.splitlines())
    assert "[доллару]" in output
    header = output.splitlines()[0].split()
    assert header == ["published_at", "site", "lang", "headline", "snippet", "url"]
