"""Publication dates: ISO 8601 and the formats Kazakh outlets print, to aware datetimes.

Values without an offset are local Kazakh time: the ``Asia/Almaty`` zone (UTC+6
until 2024-03-01, UTC+5 since), never a fixed offset.  Known formats are parsed
with regular expressions; dateparser is the slow last resort.
"""

from __future__ import annotations

import re
from datetime import date, datetime, time, timedelta, timezone
from email.utils import parsedate_to_datetime
from zoneinfo import ZoneInfo

ALMATY = ZoneInfo("Asia/Almaty")

# Month words (genitive, nominative, abbreviations) in Russian, Kazakh (Cyrillic,
# Latin, Arabic script) and English; lowercase, matched by prefix where safe.
_MONTH_WORDS: dict[int, tuple[str, ...]] = {
    1: ("январ", "янв", "қаңтар", "qańtar", "qantar", "قاڭتار", "january", "jan"),
    2: ("феврал", "фев", "ақпан", "aqpan", "اقپان", "february", "feb"),
    3: ("март", "мар", "наурыз", "naýryz", "nauryz", "ناۋرىز", "march", "mar"),
    4: ("апрел", "апр", "сәуір", "sáýir", "sauir", "ءساۋىر", "april", "apr"),
    5: ("мая", "май", "мамыр", "mamyr", "مامىر", "may"),
    6: ("июн", "маусым", "maýsym", "mausym", "ماۋسىم", "june", "jun"),
    7: ("июл", "шілде", "shilde", "شىلدە", "july", "jul"),
    8: ("август", "авг", "тамыз", "tamyz", "تامىز", "august", "aug"),
    9: ("сентябр", "сен", "қыркүйек", "qyrkúıek", "qyrkuiek", "قىركۇيەك", "september", "sept", "sep"),
    10: ("октябр", "окт", "қазан", "qazan", "قازان", "october", "oct"),
    11: ("ноябр", "ноя", "қараша", "qarasha", "قاراشا", "november", "nov"),
    12: ("декабр", "дек", "желтоқсан", "jeltoqsan", "جەلتوقسان", "december", "dec"),
}
_MONTH_INDEX = sorted(
    ((word, n) for n, words in _MONTH_WORDS.items() for word in words), key=lambda p: -len(p[0])
)
MONTH = r"[^\W\d_][^\W\d_.]*\.?"  # a month word, checked against the table by month_number()

_ISO = re.compile(
    r"(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{1,2})(?:\.\d+)?)?\s*(Z|[+-]\d{2}:?\d{2})?)?$"
)
_RFC2822 = re.compile(r"(?:[A-Z][a-z]{2}, )?\d{1,2} [A-Z][a-z]{2} \d{4} \d{2}:\d{2}(?::\d{2})?(?: (?:[+-]\d{4}|[A-Z]{1,3}))?$")
_TIME = r"(?P<h>\d{1,2})[:.](?P<mi>\d{2})"
_OFFSET = r"(?:\s*\|?\s*(?:GMT|UTC)\s*(?P<off>[+-]\s*\d{1,2})(?::?(?P<offm>\d{2}))?)?"
_WEEKDAY = r"(?:[^\W\d_]+,?\s+)?"


def _formats(weekday: str) -> tuple[str, ...]:
    """The printed formats, each optionally led by ``weekday``."""
    return (
        # 01.12.2020, 14:02 / 01.12.2020 14:02 / 06.07.2021 / 22/11/2020 - 04:30
        weekday + r"(?P<d>\d{1,2})[./](?P<m>\d{1,2})[./](?P<y>\d{4})(?:(?:,?\s+|\s+[-|–]\s+)(?:в\s+)?" + _TIME + r")?",
        # Sun, 2017-03-12 02:45 / 2024-04-24 / 2020/07/13 01:10
        weekday + r"(?P<y>\d{4})(?P<sep>[-/.])(?P<m>\d{1,2})(?P=sep)(?P<d>\d{1,2})(?:,?\s+" + _TIME + r")?",
        # 27 марта 2024 | 20:10 / 5 November 2019, 16:45 / 21 Ақпан, 2025
        weekday + r"(?P<d>\d{1,2})\s+(?P<mw>" + MONTH + r"),?\s+(?P<y>\d{4})"
        r"(?:\s*(?:г\.|года?|ж\.)?\s*[,|]?\s*(?:в\s+)?" + _TIME + r")?" + _OFFSET,
        # 14:38, 11 Февраль 2026 | GMT +5
        _TIME + r",?\s+(?P<d>\d{1,2})\s+(?P<mw>" + MONTH + r"),?\s+(?P<y>\d{4})" + _OFFSET,
        # 2024 жылғы 12 наурыз
        r"(?P<y>\d{4})\s+жыл[ғы]*\s+(?P<d>\d{1,2})\s+(?P<mw>" + MONTH + r")(?:,?\s+" + _TIME + r")?",
        # декабрь 30, 2025 / WEDNESDAY, JULY 31, 2019 / September 1st, 2023
        weekday + r"(?P<mw>" + MONTH + r")\s+(?P<d>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<y>\d{4})(?:,?\s+" + _TIME + r")?",
    )


_WHOLE = tuple(re.compile(p + "$", re.I) for p in _formats(_WEEKDAY))
_INSIDE = tuple(re.compile(r"(?<![\w.:])" + p + r"(?![\w:])", re.I) for p in _formats(""))
_CLOCK = re.compile(r"(?<![\w.:])\d{1,2}:\d{2}(?![\w:])")
_HAS_CLOCK = re.compile(r"\d:\d{2}")


def month_number(word: str) -> int | None:
    """Month number of a month word in any of the known languages, or None."""
    word = word.lower().rstrip(".")
    for prefix, n in _MONTH_INDEX:
        if word.startswith(prefix) and (len(prefix) >= 4 or len(word) <= len(prefix) + 4):
            return n
    return None


def localize(dt: datetime) -> datetime:
    """``dt`` with the Asia/Almaty zone when it has no offset of its own."""
    return dt if dt.tzinfo is not None else dt.replace(tzinfo=ALMATY)


def _iso(text: str) -> datetime | None:
    m = _ISO.match(text)
    if not m:
        return None
    y, mo, d, h, mi, s, off = m.groups()
    try:
        dt = datetime(int(y), int(mo), int(d), int(h or 0), int(mi or 0), int(s or 0))
    except ValueError:
        return None
    if off:
        off = off.replace(":", "")
        sign = -1 if off[0] == "-" else 1
        if off != "Z":
            delta = timedelta(hours=int(off[1:3]), minutes=int(off[3:5]))
            return dt.replace(tzinfo=timezone(sign * delta))
        return dt.replace(tzinfo=timezone.utc)
    return localize(dt)


def _rfc2822(text: str) -> datetime | None:
    """Feed dates (RSS ``pubDate``): ``Mon, 18 Mar 2024 10:35:00 +0500``."""
    if not _RFC2822.match(text):
        return None
    try:
        return localize(parsedate_to_datetime(text))
    except (TypeError, ValueError):
        return None


def _from_match(m: re.Match[str]) -> datetime | None:
    """The datetime a match of one of the printed formats stands for, if valid."""
    g = m.groupdict()
    month = month_number(g["mw"]) if g.get("mw") else int(g["m"])
    if month is None:
        return None
    try:
        day = date(int(g["y"]), month, int(g["d"]))
        clock = time(int(g["h"]), int(g["mi"])) if g.get("h") else time()
    except ValueError:
        return None
    dt = datetime.combine(day, clock)
    if g.get("off"):
        hours = int(g["off"].replace(" ", ""))
        minutes = int(g.get("offm") or 0) * (1 if hours >= 0 else -1)
        return dt.replace(tzinfo=timezone(timedelta(hours=hours, minutes=minutes)))
    return localize(dt)


def _printed(text: str) -> datetime | None:
    for pattern in _WHOLE:
        m = pattern.match(text)
        dt = _from_match(m) if m else None
        if dt is not None:
            return dt
    return None


def find_date(text: str) -> tuple[str, datetime | None] | None:
    """The first printed date or clock time inside ``text``: (as printed, datetime or None).

    A bare clock time ("15:43") is returned with no datetime: the day is not shown.
    """
    found: list[tuple[int, int, str, datetime]] = []
    for pattern in _INSIDE:
        for m in pattern.finditer(text):
            dt = _from_match(m)
            if dt is not None:
                found.append((m.start(), -len(m.group(0)), m.group(0).strip(), dt))
                break
    if found:  # the earliest, then longest: "11:12, 26 June 2018" over its "26 June 2018"
        return min(found, key=lambda f: f[:2])[2:]
    m = _CLOCK.search(text)
    return (m.group(0), None) if m else None


def parse_date(text: str | None, *, fuzzy: bool = False) -> datetime | None:
    """An aware datetime for a date string, or None.

    ISO 8601, RFC 2822 (feeds) and the printed formats above are parsed directly; with ``fuzzy``
    dateparser is tried last (slow, so only when the caller has nothing better).
    """
    text = " ".join((text or "").split()).strip(" ,|")
    if not text:
        return None
    dt = _iso(text) or _rfc2822(text) or _printed(text)
    if dt is None and fuzzy:
        import dateparser  # slow import, needed only on this path

        found = dateparser.parse(
            text,
            languages=["ru", "kk", "en"],
            settings={"RETURN_AS_TIMEZONE_AWARE": False, "PREFER_DATES_FROM": "past", "STRICT_PARSING": True},
        )
        dt = localize(found) if found else None
    return dt


def parse_wall(text: str | None) -> datetime | None:
    """A date and clock time that name no offset of their own, as naive wall-clock time (the publisher's), or None.

    ``parse_date`` gives such values the Asia/Almaty zone; callers that must tell a stated offset from
    an assumed one (to learn a publisher's offset from its own local time) use this instead.
    """
    dt = parse_date(text) if text and _HAS_CLOCK.search(text) else None  # a bare day is no clock time
    return dt.replace(tzinfo=None) if dt is not None and dt.tzinfo is ALMATY else None


def iso(dt: datetime | None) -> str | None:
    """ISO 8601 with offset (seconds kept, microseconds dropped)."""
    return dt.replace(microsecond=0).isoformat() if dt else None
