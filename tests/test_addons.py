"""The politeness floor keeps Scrapy's per-host limit working at DOWNLOAD_DELAY=0."""

from scrapy.settings import Settings

from kznews.addons import MIN_DELAY, PolitenessFloor


def test_zero_delay_is_raised_to_the_floor():
    settings = Settings({"DOWNLOAD_DELAY": 0}, priority="cmdline")
    PolitenessFloor().update_settings(settings)
    assert settings.getfloat("DOWNLOAD_DELAY") == MIN_DELAY


def test_a_real_delay_is_kept():
    settings = Settings({"DOWNLOAD_DELAY": 2.5}, priority="cmdline")
    PolitenessFloor().update_settings(settings)
    assert settings.getfloat("DOWNLOAD_DELAY") == 2.5
