import pytest

from kznews.discover.urls import clean_url

BASE = "https://orda.kz/sitemap/sitemap_news1.xml"


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("https://orda.kz/a-1/", "https://orda.kz/a-1/"),
        ("  https://orda.kz/a-1/\n", "https://orda.kz/a-1/"),
        ("https://orda.kz/a-1/\ufffc", "https://orda.kz/a-1/"),
        ("\ufeff\u200bhttps://orda.kz/\u2060a-1/\ufe0f", "https://orda.kz/a-1/"),
        ("https://orda.kz/a b/", "https://orda.kz/a%20b/"),
        ("/a-1/", "https://orda.kz/a-1/"),
        ("//kaz.orda.kz/a-1/", "https://kaz.orda.kz/a-1/"),
        ("https://orda.kz/новость-1/", "https://orda.kz/новость-1/"),
        ("javascript:alert(1)", None),
        ("mailto:a@orda.kz", None),
        ("file:///etc/passwd", None),
        ("http://", None),
        ("http://[::1", None),
        ("\ufffc", None),
        ("", None),
        (None, None),
    ],
)
def test_clean_url(raw, expected):
    assert clean_url(raw, BASE) == expected
