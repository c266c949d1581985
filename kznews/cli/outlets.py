"""Commands about the outlets themselves: `sites`, `check` and `fixture save`.
  Bad input is one line
(``click.ClickException``, exit 1); a failed check exits 3.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from kznews import exitcodes, sites
from kznews.cli.options import emit, http_option, registered, scrapy_settings
from kznews.sites.table import discovery_kinds, markdown_table, rewrite_readme, saved_page_kinds


@click.command("check")
@click.argument("outlet")
@click.option("--edition", help="Only this language edition (ru, kk, en, kk-latn...).")
@click.option("--articles", type=click.IntRange(min=1), default=5, show_default=True,
              help="Article pages to fetch at most.")
@click.option("--mirror", metavar="URL", callback=http_option, help="Fetch the outlet's start points from this host (a local mirror).")
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True)
@click.option("-s", "--set", "overrides", multiple=True, metavar="NAME=VALUE", callback=scrapy_settings,
              help="A Scrapy setting, as with `kznews crawl -s` (e.g. DOWNLOAD_DELAY=0 for a mirror).")
def check_cmd(outlet: str, edition: str | None, articles: int, mirror: str | None, fmt: str,
              overrides: dict[str, str]) -> None:
    """Check that an outlet's registry entry still works: crawl its start points and a few articles.

    A real, polite crawl into a temporary archive (the --db archive is not touched).
    Reports per start point whether it answered and how many article URLs its
    documents named (child sitemaps and further listing pages included), and per
    field how many of the articles fetched have it. Daily archives are tried for
    yesterday and today.

    Exit code 0 when every start point answered with article URLs and every article
    has a headline, a publication time and a body; 3 otherwise (the problems
    listed); 1 on bad input.

    \b
    Examples:
        kznews check tengrinews --articles 3
        kznews check inform --edition kk --format json
    """
    from kznews.cli.check import REQUIRED, run_check

    registered([outlet], edition)
    report = run_check(outlet, edition=edition, mirror=mirror, articles=articles, overrides=overrides)
    problems = report.problems()
    if fmt == "json":
        click.echo(json.dumps(report.to_dict(), ensure_ascii=False))
    else:
        source = f" (mirror {mirror})" if mirror else ""
        click.echo(f"check {outlet}{source}: {report.fetched} of {report.requested} article pages fetched, "
                   f"{report.stored} articles stored\n\nStart points")
        emit([{"editions": " ".join(p.editions), "kind": p.kind, "url": p.url, "status": p.status,
               "reachable": "yes" if p.reachable else "NO", "documents": p.documents,
               "article URLs": p.article_urls} for p in report.start_points], "table")
        click.echo("\nFields")
        emit([{"field": name, "articles": have, "of": report.fetched,
               "required": "yes" if name in REQUIRED else ""}
              for name, have in report.fields.items()], "table")
        quotes = ", ".join(f"{pair} ({n})" for pair, n in report.tickers.items()) or "none"
        click.echo(f"\nTickers seen: {quotes}\n")
        for problem in problems:
            click.echo(f"FAIL {problem}")
        click.echo(f"check {outlet}: " + (f"FAILED ({len(problems)} problem{'s' * (len(problems) > 1)})" if problems else "OK"))
    sys.exit(exitcodes.PARTIAL if problems else exitcodes.OK)


@click.group("fixture")
def fixture_group() -> None:
    """Saved pages the outlets' extraction is tested on (tests/sites/fixtures).

    \b
    Example:
        kznews fixture save kt https://www.kt.kz/rus/politics/some-article_1153654429.html
    """


@fixture_group.command("save")
@click.argument("outlet")
@click.argument("url")
@click.option("--name", help="The fixture's file name, without extension (default: from a hash of URL).")
@click.option("--dir", "directory", default="tests/sites/fixtures", show_default=True,
              type=click.Path(file_okay=False), help="The fixtures directory (OUTLET/ is made in it).")
@click.option("--mirror", metavar="URL", callback=http_option, help="Fetch URL's path from this host instead (a local mirror); "
              "URL may then also be on the mirror's host.")
@click.option("--force", is_flag=True, help="Replace a fixture of the same name.")
def fixture_save(outlet: str, url: str, name: str | None, directory: str, mirror: str | None,
                 force: bool) -> None:
    """Fetch one page of OUTLET and save it as a new fixture, with today's extraction as expected.

    Writes DIR/OUTLET/NAME.html (the page as served) and DIR/OUTLET/NAME.json (url,
    fetched_at, constructed false, note, expected: the fields extraction gives now).
    Review expected before committing: it records what kznews extracts, right or wrong.
    Only http(s) URLs on the outlet's domains; an existing fixture is kept unless --force.

    \b
    Example:
        kznews fixture save kt https://www.kt.kz/rus/politics/some-article_1153654429.html --name article-ru-1153654429
    """
    from kznews.cli import fixture

    (found,) = registered([outlet])
    source = fixture.source_url(found, url, mirror)
    page, meta = fixture.paths(found, url, Path(directory), name, force)
    body = fixture.fetch(source, found, mirror)
    fixture.save(found, url, body, page, meta)
    click.echo(f"fixture save: {page} ({len(body)} bytes), {meta}: review its expected fields")


@click.command("sites")
@click.option("--format", "fmt", type=click.Choice(["table", "json", "markdown"]), default="table", show_default=True)
@click.option("--check", "check_file", metavar="FILE", type=click.Path(dir_okay=False),
              help="Check a registry file of your own (the KZNEWS_SITES format): every problem, one a line, by its "
                   "TOML path; exit 1 when there is any.")
@click.option("--write-readme", "readme", metavar="README", type=click.Path(dir_okay=False, exists=True),
              help="Rewrite README's outlets table (between its <!-- outlets:start/end --> markers) from the "
                   "registry and the fixtures in tests/sites/fixtures beside it.")
def sites_cmd(fmt: str, check_file: str | None, readme: str | None) -> None:
    """List the registered outlets and their editions, or check a registry file.

    Outlets of your own go in a TOML file of the format of kznews/sites/outlets.toml (its header
    documents every key), named by the KZNEWS_SITES environment variable; check it first with --check.

    \b
    Examples:
        kznews sites
        kznews sites --format json       # the registry, for scripts
        kznews sites --check my-outlets.toml && KZNEWS_SITES=my-outlets.toml kznews crawl myoutlet
        kznews sites --write-readme README.md   # after adding an outlet and its saved page
    """
    if readme:
        path = Path(readme)
        tested = saved_page_kinds(path.resolve().parent / "tests" / "sites" / "fixtures")
        text = path.read_text("utf-8")
        try:
            new = rewrite_readme(text, sites.outlets().values(), tested)
        except ValueError as exc:
            raise click.ClickException(f"{readme}: {exc}") from None
        path.write_text(new, "utf-8")
        click.echo(f"{readme}: outlets table {'rewritten' if new != text else 'already up to date'}")
        return
    if check_file:
        found = sites.check_registry(Path(check_file))
        for line in found:
            click.echo(f"{check_file}: {line}", err=True)
        if found:
            raise click.ClickException(f"{check_file}: {len(found)} problem{'s' if len(found) > 1 else ''}")
        click.echo(f"{check_file}: ok")
        return
    outlets = list(sites.outlets().values())
    if fmt == "markdown":
        click.echo(markdown_table(outlets), nl=False)
        return
    rows = [
        {"key": o.key, "name": o.name, "domains": list(o.domains),
         "editions": [e.label for e in o.editions], "discovery": discovery_kinds(o)}
        for o in outlets
    ]
    if fmt == "table":
        rows = [{k: " ".join(v) if isinstance(v, list) else v for k, v in r.items()} for r in rows]
    emit(rows, fmt)



COMMANDS = (sites_cmd, check_cmd, fixture_group)
