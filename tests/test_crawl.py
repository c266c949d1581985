"""How a crawl's close reason and figures become the outcome its run records and the exit code cron sees."""

import pytest

from kznews import exitcodes
from kznews.crawl import project_settings
from kznews.runstats import causes_line, failure_causes, judge


def figures(pages: int, errors: int) -> dict[str, int]:
    return {"pages": pages, "errors": errors}


@pytest.mark.parametrize(
    "reason, pages, errors, rate, outcome, code",
    [
        ("finished", 10, 0, 0.0, "finished", exitcodes.OK),
        ("finished", 10, 1, 0.0, "partial", exitcodes.PARTIAL),
        ("finished", 10, 1, 0.2, "finished", exitcodes.OK),  # 1 of 11 requests is under 20 %
        ("finished", 10, 5, 0.2, "partial", exitcodes.PARTIAL),
        ("finished", 0, 3, 0.0, "failed", exitcodes.FAILED),  # nothing fetched at all: the run failed, as it exits
        ("closespider_timeout", 10, 0, 0.0, "closespider_timeout", exitcodes.LIMIT),
        ("closespider_timeout", 0, 0, 0.0, "closespider_timeout", exitcodes.FAILED),
        ("memusage_exceeded", 10, 0, 0.0, "memusage_exceeded", exitcodes.LIMIT),
        ("shutdown", 10, 0, 0.0, "interrupted", exitcodes.LIMIT),
        ("store_failed", 10, 0, 0.0, "store_failed", exitcodes.FAILED),
        ("cancelled", 10, 0, 0.0, "cancelled", exitcodes.FAILED),
    ],
)
def test_outcome_and_exit_code_agree(reason, pages, errors, rate, outcome, code):
    assert judge(reason, figures(pages, errors), rate) == (outcome, code)


def test_failure_causes_are_counted_by_host_the_most_frequent_first():
    stats = {"kznews/cause/a.kz/HTTP 503": 2, "kznews/cause/b.kz/DNS lookup failed": 5, "pages": 3,
             "kznews/cause/c.kz/timed out": 1, "kznews/cause/d.kz/HTTP 404": 1}
    assert failure_causes(stats)[:2] == [("b.kz", "DNS lookup failed", 5), ("a.kz", "HTTP 503", 2)]
    assert causes_line(stats) == "b.kz: DNS lookup failed ×5; a.kz: HTTP 503 ×2; c.kz: timed out ×1; 1 more"
    assert causes_line({}) == ""


def test_user_overrides_win_over_project_settings():
    settings = project_settings("x.db", {"DOWNLOAD_DELAY": "0"}, progress=False, verbose=False)
    assert settings.getfloat("DOWNLOAD_DELAY") == 0
    assert settings.get("KZNEWS_DB") == "x.db"
    assert settings.get("LOG_LEVEL") == "WARNING"
    assert settings.getbool("ROBOTSTXT_OBEY")
