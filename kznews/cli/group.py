"""The ``kznews`` command group: the global ``--db`` option, and the one place user-facing errors are translated.

A ``KznewsError`` raised anywhere below a command becomes ``Error: <message>`` on stderr and the error's exit
code (``kznews.exitcodes``), as Scrapy's ``cmdline`` does with its ``UsageError``.
"""

from __future__ import annotations

import click

from kznews import __version__, sites
from kznews.errors import KznewsError

DEFAULT_DB = "data/kznews.db"


class Group(click.Group):
    """The kznews group: a ``KznewsError`` from any command is ``Error: <message>`` on stderr and its exit code."""

    def invoke(self, ctx: click.Context) -> object:
        try:
            return super().invoke(ctx)
        except KznewsError as exc:
            click.echo(f"Error: {exc}", err=True)
            ctx.exit(exc.exit_code)


@click.group(cls=Group, context_settings={"help_option_names": ["-h", "--help"]})
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
    sites.outlets()  # a broken KZNEWS_SITES file is one line before any command runs


