"""language.py: language from outlet, URL, subdomain, <html lang>, then letters."""

from kznews.extract.language import detect_language, guess_from_text
from kznews.sites import Edition, Outlet

ONE_EDITION = Outlet(key="x", name="X", domains=("x.kz",), articles=(), editions=(Edition(lang="kk"),))


def test_outlet_with_one_edition():
    assert detect_language("https://x.kz/a", outlet=ONE_EDITION) == ("kk", "outlet")


def test_url_prefix_kz_is_kazakh():
    assert detect_language("https://www.inform.kz/kz/some-news_a1") == ("kk", "url")


def test_url_prefix_eng():
    assert detect_language("https://www.kt.kz/eng/politics/a_1.html") == ("en", "url")


def test_subdomain_kaz():
    assert detect_language("https://kaz.tengrinews.kz/news/a-1/") == ("kk", "subdomain")


def test_hint_before_html_lang():
    assert detect_language("https://x.kz/a", html_lang="ru", hint_lang="kk") == ("kk", "hint")


def test_html_lang_region_suffix():
    assert detect_language("https://x.kz/a", html_lang="ru-RU") == ("ru", "html")


def test_letters_kazakh_cyrillic():
    assert guess_from_text("Қазақстанда жаңа ауруханалар ашылды, деп хабарлайды ҚазАқпарат тілшісі.") == "kk"


def test_letters_russian():
    assert guess_from_text("В Казахстане открылись новые больницы, сообщает корреспондент.") == "ru"


def test_letters_english():
    assert guess_from_text("New hospitals opened in Kazakhstan, Kazinform reports.") == "en"


def test_letters_kazakh_latin():
    assert guess_from_text("Astana qalasy ákimdiginiń resmı saıty habarlady, dep habarlaıdy QazAqparat tilshisi.") == "kk"


def test_letters_none_for_digits():
    assert detect_language("https://x.kz/a", text="12345") == (None, None)
