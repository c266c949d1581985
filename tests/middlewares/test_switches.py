"""Every policy middleware can be switched off by its setting."""

from __future__ import annotations

from typing import Any

import pytest
from scrapy.exceptions import NotConfigured

from kznews.middlewares import (
    ArchivedSkipMiddleware,
    HostGuardMiddleware,
    RetryAfterMiddleware,
    RobotsFailClosedMiddleware,
)
from tests.conftest import crawler_with_defaults


@pytest.mark.parametrize(
    ("cls", "setting"),
    [
        (HostGuardMiddleware, "KZNEWS_HOST_GUARD_ENABLED"),
        (RetryAfterMiddleware, "KZNEWS_RETRY_AFTER_ENABLED"),
        (RobotsFailClosedMiddleware, "ROBOTSTXT_OBEY"),
        (ArchivedSkipMiddleware, "KZNEWS_INCREMENTAL"),
    ],
)
def test_each_middleware_can_be_switched_off(cls: Any, setting: str) -> None:
    with pytest.raises(NotConfigured):
        cls.from_crawler(crawler_with_defaults(settings={setting: False}))
