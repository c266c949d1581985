"""How a crawl's close reason and figures become the exit code cron sees."""

import pytest

from kznews import exitcodes
from kznews.crawl import exit_code, project_settings


def figures(pages: int, errors: int) -> dict[str, int]:
    return {"pages": pages, "errors": errors}


@pytest.mark.parametrize(
    "reason, pages, errors, rate, code",
    [
        ("finished", 10, 0, 0.0, exitcodes.OK),
        ("finished", 10, 1, 0.0, exitcodes.PARTIAL),
        ("finished", 10, 1, 0.2, exitcodes.OK),  # 1 of 11 requests is under 20 %
        ("finished", 10, 5, 0.2, exitcodes.PARTIAL),
        ("finished", 0, 0, 0.0, exitcodes.FAILED),  # nothing fetched at all
        ("closespider_timeout", 10, 0, 0.0, exitcodes.LIMIT),
        ("memusage_exceeded", 10, 0, 0.0, exitcodes.LIMIT),
        ("shutdown", 10, 0, 0.0, exitcodes.LIMIT),
        ("cancelled", 10, 0, 0.0, exitcodes.FAILED),
    ],
)
def test_exit_code(reason, pages, errors, rate, code):
    assert exit_code(reason, figures(pages, errors), rate) == code


def test_user_overrides_win_over_project_settings():
    settings = project_settings("x.db", {"DOWNLOAD_DELAY": "0"}, progress=False, verbose=False)
    assert settings.getfloat("DOWNLOAD_DELAY") == 0
    assert settings.get("KZNEWS_DB") == "x.db"
    assert settings.get("LOG_LEVEL") == "WARNING"
    assert settings.getbool("ROBOTSTXT_OBEY")
