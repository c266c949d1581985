"""A crawl of sites that cannot be reached says why, early and once per host, and its run says it failed."""

from __future__ import annotations

import re
import sqlite3

import pytest
from scrapy.exceptions import CannotResolveHostError, DownloadConnectionRefusedError, DownloadTimeoutError
from scrapy.http import Response
from scrapy.spidermiddlewares.httperror import HttpError
from twisted.internet import error as tx_error

from kznews import exitcodes
from kznews.middlewares.reach import cause_of
from tests.conftest import run_kznews

FAST = ("-s", "DOWNLOAD_DELAY=0")


@pytest.mark.parametrize(("exc", "cause"), [
    (CannotResolveHostError("no results for hostname lookup: x.kz"), "DNS lookup failed"),
    (tx_error.DNSLookupError("x.kz"), "DNS lookup failed"),
    (DownloadConnectionRefusedError("refused"), "connection refused"),
    (DownloadTimeoutError("took longer than 30 s"), "timed out"),
    (tx_error.TCPTimedOutError(), "timed out"),
    (HttpError(Response("https://x.kz/", status=503), "Ignoring non-200 response"), "HTTP 503"),
    (ValueError("odd"), "ValueError"),
])
def test_causes_in_a_persons_words(exc: BaseException, cause: str) -> None:
    assert cause_of(exc) == cause


def _summary(stdout: str) -> tuple[str, float]:
    line = stdout.strip().splitlines()[-1]
    seconds = re.search(r": failed in ([\d.]+) s:", line)
    assert seconds, line
    return line, float(seconds.group(1))


def test_a_name_that_does_not_resolve_is_said_at_once_and_not_retried(tmp_path) -> None:
    """The first crawl of a machine without network: every name fails to resolve (.invalid never does)."""
    db = tmp_path / "off.db"
    run = run_kznews("crawl", "--url", "http://kznews-test.invalid/sitemap.xml", *FAST, db=db)
    assert run.returncode == exitcodes.FAILED
    line, seconds = _summary(run.stdout)
    assert "(kznews-test.invalid: DNS lookup failed ×" in line
    assert seconds <= 10
    assert run.stderr.splitlines() == [
        next(l for l in run.stderr.splitlines() if l.endswith("kznews-test.invalid: DNS lookup failed (no answer from it yet)"))]
    assert sqlite3.connect(db).execute("SELECT outcome FROM runs").fetchall() == [("failed",)]


def test_a_refused_host_is_named_once_with_its_cause(tmp_path) -> None:
    db = tmp_path / "refused.db"
    run = run_kznews("crawl", "--url", "http://127.0.0.1:9/sitemap.xml", *FAST, db=db)
    assert run.returncode == exitcodes.FAILED
    line, _seconds = _summary(run.stdout)
    assert "(127.0.0.1: connection refused ×" in line
    assert "Traceback" not in run.stderr and len(run.stderr.splitlines()) == 1, run.stderr
