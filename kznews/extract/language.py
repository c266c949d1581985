"""Language of a page: ``ru``, ``kk`` or ``en``, from the cheapest trustworthy evidence.

Order: the outlet's only edition, a URL prefix (``/ru/``, ``/kz/``, ``/eng/``), a
subdomain (``kaz.``, ``en.``), ``<html lang>``, then a letter count (Kazakh-specific
letters mean Kazakh; statistical detectors call Kazakh Cyrillic Russian).
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from ..sites import Outlet

_CODES = {
    "ru": "ru", "rus": "ru", "kz": "kk", "kk": "kk", "kaz": "kk", "qz": "kk", "kk-latn": "kk",
    "en": "en", "eng": "en",
}
_KAZAKH = re.compile(r"[әғқңөұүһіӘҒҚҢӨҰҮҺІ]")
_KAZAKH_LATIN = re.compile(r"[áǵıńóúýÁǴŃÓÚÝ]")
_CYRILLIC = re.compile(r"[а-яё]", re.I)
_LATIN = re.compile(r"[a-z]", re.I)
_ARABIC = re.compile(r"[\u0600-\u06ff]")


def language_code(value: str | None) -> str | None:
    """ru / kk / en for a language tag or URL segment ("kk-KZ", "kz", "rus"), else None."""
    value = (value or "").strip().lower().replace("_", "-")
    return _CODES.get(value) or _CODES.get(value.split("-")[0])


def guess_from_text(text: str) -> str | None:
    """ru/kk/en from the letters of ``text`` (a few hundred characters suffice)."""
    sample = text[:2000]
    cyrillic, latin = len(_CYRILLIC.findall(sample)), len(_LATIN.findall(sample))
    kazakh = len(_KAZAKH.findall(sample))
    if _ARABIC.search(sample) and not cyrillic:
        return "kk"
    if cyrillic + kazakh >= latin and cyrillic + kazakh:
        return "kk" if kazakh >= max(3, (cyrillic + kazakh) // 50) else "ru"
    if latin:
        return "kk" if len(_KAZAKH_LATIN.findall(sample)) >= max(3, latin // 50) else "en"
    return None


def detect_language(
    url: str, *, outlet: Outlet | None = None, html_lang: str | None = None, text: str = "",
    hint_lang: str | None = None,
) -> tuple[str | None, str | None]:
    """(language, rule that gave it): rule is "outlet", "url", "subdomain", "hint", "html" or "letters"."""
    if outlet is not None and len(outlet.editions) == 1:
        return outlet.editions[0].lang, "outlet"
    parts = urlsplit(url)
    first = parts.path.strip("/").split("/")[0]
    if lang := language_code(first):
        return lang, "url"
    sub = (parts.hostname or "").split(".")[0]
    if lang := language_code(sub):
        return lang, "subdomain"
    if lang := language_code(hint_lang):
        return lang, "hint"
    if lang := language_code(html_lang):
        return lang, "html"
    lang = guess_from_text(text)
    return lang, "letters" if lang else None
