"""The ``kznews`` command group: the global ``--db`` option and the help every command hangs under.

Exit codes are listed in ``kznews.exitcodes``.
"""

from __future__ import annotations

import click

from kznews import __version__, sites

DEFAULT_DB = "data/kznews.db"


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="kznews")
@click.option(
    "--db",
    envvar="KZNEWS_DB",
    default=DEFAULT_DB,
    show_default=True,
    metavar="PATH",
    help="The SQLite archive (also KZNEWS_DB).",
)
@click.pass_context
def main(ctx: click.Context, db: str) -> None:
    """kznews: crawl Kazakh news sites into a SQLite archive, and query it.

    Exit codes: 0 success, 1 error (one line on stderr), 2 usage error,
    3 partial (pages failed), 4 crawl failed, 5 stopped by a limit,
    6 another run holds the archive.

    \b
    Example:
        kznews crawl tengrinews --max-articles 50
        kznews search "Токаев" --since 2024-01-01
    """
    ctx.obj = {"db": db}
    try:
        sites.outlets()  # a broken KZNEWS_SITES file is one line, not a traceback
    except ValueError as exc:
        raise click.ClickException(str(exc)) from None


