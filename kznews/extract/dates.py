"""Publication dates: ISO 8601 and the formats Kazakh outlets print, to aware datetimes.

Values without an offset are local Kazakh time: the ``Asia/Almaty`` zone (UTC+6
until 2024-03-01, UTC+5 since), never a fixed offset.  Known formats are parsed
with regular expressions built from the language (``calendar.py`` names the months
and their forms in Russian, Kazakh in every alphabet, and English); dateparser is
the slow last resort.
"""

from __future__ import annotations

import re
from datetime import date, datetime, time, timedelta, timezone
from email.utils import parsedate_to_datetime
from zoneinfo import ZoneInfo

from .calendar import kazakh_words, month_number, weekday_words
from .compiled import Patterns
from .kazakh import day_suffixes, spellings
from .wordtrie import trie_regex

_RE = Patterns(__name__)  # the module's patterns, compiled once per Python (compiled.py)

__all__ = [
    "ALMATY", "AT", "COMMA", "ZONES", "DAY_BY_NUMBER", "DAY_MONTH_SEP", "DAY_SUFFIX", "MONTH", "MONTH_BY_NUMBER",
    "YEAR_WORD", "any_word", "clock_of",
    "clock_pattern", "find_date", "iso", "localize", "month_number", "parse_date", "parse_wall", "squash",
    "without_marks",
]

ALMATY = ZoneInfo("Asia/Almaty")

_LETTER = r"[^\W\d_]"
COMMA = "[,،]"  # tote prints the Arabic comma
_WORD = rf"{_LETTER}(?:{_LETTER}|['’ʼ`])*"  # a word, apostrophes of the 2017 Latin alphabet in it: qan'tardyn'


def any_word(words: list[str] | tuple[str, ...]) -> str:
    """A regex matching any of ``words`` (lowercase; compile with re.I), not running into a following letter; one
    letter tree (``wordtrie``), so a match costs the length of the word, not the number of words."""
    return f"(?:{trie_regex(words)})(?!{_LETTER})"


# Words around the numbers of a date: Russian and English as printed, Kazakh in every alphabet and case form.
YEAR_WORD = r"(?:(?:гг?|ж|j|zh|ج)\.|" + any_word(["г", "год", "года", "году", *kazakh_words("жыл")]) + ")"
_DAY_SUFFIX_WORD = any_word(["го", "е", *(s for x in day_suffixes() for s in spellings(x))])
DAY_SUFFIX = rf"(?:st|nd|rd|th|-ء?{_DAY_SUFFIX_WORD})"  # tote may write the suffix's hamza: 2-ءسى
# A month word, checked by month_number(); never a day's suffix (Шілденің 3-і: "і" ends the day, no month follows).
MONTH = rf"(?!{_DAY_SUFFIX_WORD}){_WORD}\.?"
MONTH_BY_NUMBER = any_word(kazakh_words("ай"))  # 4-айдың: the month by its number
DAY_BY_NUMBER = any_word(kazakh_words("күн"))  # 16-күні
_HOUR_WORD = any_word(["час", "ч", *kazakh_words("сағат"), *spellings("сағ")])
AT = rf"(?:(?:в|at|@)\s+|{_HOUR_WORD}\.?\s*)"  # the word before a clock time: в, at, сағат, saǵat
_AMPM = r"\s*[ap]\.?\s?m\.?(?!\w)"


def clock_pattern(n: str = "") -> str:
    """A clock time (14:35, 14.35, 2:35 PM, 14:35:20, 14:35 ч.), its groups' names ending in ``n``."""
    return (rf"(?P<h{n}>\d{{1,2}})[:.](?P<mi{n}>\d{{2}})(?::(?P<s{n}>\d{{2}}))?(?P<ap{n}>{_AMPM})?"
            rf"(?:\s*{_HOUR_WORD}\.?)?")


_DAY = rf"(?P<d>\d{{1,2}}){DAY_SUFFIX}?"
DAY_MONTH_SEP = r"(?:\s*-\s*|\s+)"
_YEAR = rf"(?P<y>\d{{4}})(?:\s*-?\s*{YEAR_WORD})?"
_YEAR_LED = rf"(?P<y>\d{{4}})\s*-?\s*{YEAR_WORD}\s+"
_BODIES = (
    # 01.12.2020 / 22/11/2020 / 16-04-2024 / 16.04.2024 г.
    rf"(?P<d>\d{{1,2}})(?P<sep>[./-])(?P<m>\d{{1,2}})(?P=sep){_YEAR}",
    # 07.07.16: a two-digit year, day first and with dots only (a slash or a dash may put the month first)
    r"(?P<d>\d{1,2})\.(?P<m>\d{2})\.(?P<yy>\d{2})(?!\.?\d)",
    # 2024-04-24 / 2020/07/13
    r"(?P<y>\d{4})(?P<sep>[-/.])(?P<m>\d{1,2})(?P=sep)(?P<d>\d{1,2})",
    # 27 марта 2024 / 5 November 2019 / 21 Ақпан, 2025 / 16-сәуір 2024 ж. / 16th April 2024
    rf"{_DAY}{DAY_MONTH_SEP}(?P<mw>{MONTH}){COMMA}?\s+{_YEAR}",
    # декабрь 30, 2025 / September 1st, 2023 / Наурыз 17, 2018
    rf"(?P<mw>{MONTH})\s+{_DAY}{COMMA}?\s+{_YEAR}",
    # 2024 жылғы 12 наурыз / 2024 ж. 16 сәуір / 2024-жылдың 16-сәуірі
    rf"{_YEAR_LED}{_DAY}{DAY_MONTH_SEP}(?P<mw>{MONTH})",
    # 2024 жылғы сәуірдің 16-сы
    rf"{_YEAR_LED}(?P<mw>{MONTH})\s+{_DAY}",
    # 2024-жылы 4-айдың 16-күні: month and day by number, as the Kazakhs of China print them
    rf"{_YEAR_LED}(?P<m>\d{{1,2}})\s*-?\s*{MONTH_BY_NUMBER}\s+(?P<d>\d{{1,2}})\s*-?\s*{DAY_BY_NUMBER}",
)
_WEEKDAY = rf"(?:{_WORD}\.?{COMMA}?\s+)?"
_WEEKDAY_AFTER = rf"(?:{COMMA}?\s+{any_word(weekday_words())})?"  # 16 апреля 2024, вторник
# 14:38, 11 Февраль 2026 / 14:35, вторник, 16 апреля 2024
_TIME_BEFORE = rf"(?:{clock_pattern('0')}(?:\s*[,،|/]\s*|\s+)(?:[-–—]\s+)?(?:{_WORD}\.?{COMMA}\s+)?)?"
_TIME_AFTER = rf"(?:(?:\s*[,،|/]\s*|\s+[-–—]\s+|\s+){AT}?{clock_pattern()})?"  # 27 марта 2024 | 20:10
# Zones named by their abbreviation, where it names one offset only (hours from UTC): the US zones American
# agencies print (12:50 PM EDT), Europe's, Moscow's (мск), Kazakhstan's own, its neighbours' and those of the
# Asian and Pacific outlets that reprint its news (13:12 IST, 09:00 JST).  IST is read as India's: the pages that
# print it in English are Indian outlets' (Irish and Israeli ones name their zones otherwise).  CST (US Central or
# China) and AST (Atlantic or Arabia) name several zones and are left unread, as are the abbreviations that are
# also English words (GET, CAT, EAT, WAT, AFT).
ZONES: dict[str, float] = {
    "gmt": 0, "utc": 0, "wet": 0, "bst": 1, "cet": 1, "west": 1, "cest": 2, "eet": 2, "eest": 3,
    "msk": 3, "мск": 3, "trt": 3, "irst": 3.5, "azt": 4, "gst": 4, "aqtt": 5, "orat": 5, "uzt": 5, "tjt": 5,
    "tmt": 5, "pkt": 5, "yekt": 5, "ist": 5.5, "npt": 5.75, "almt": 6, "qyzt": 6, "kgt": 6, "omst": 6, "ict": 7,
    "wib": 7, "hkt": 8, "sgt": 8, "myt": 8, "pht": 8, "awst": 8, "jst": 9, "kst": 9, "aest": 10, "aedt": 11,
    "nzst": 12, "nzdt": 13,
    "est": -5, "edt": -4, "cdt": -5, "mst": -7, "mdt": -6, "pst": -8, "pdt": -7, "akst": -9, "akdt": -8, "hst": -10,
}
# The abbreviations of a zone whose offset has changed over the years or with the season (US Eastern and Pacific
# time, ET and PT): read by the zone's history on the day.
ZONE_HISTORY = {"msk": "Europe/Moscow", "мск": "Europe/Moscow", "et": "America/New_York", "pt": "America/Los_Angeles"}
# GMT +5, (UTC+06:00), | GMT +6, a bare offset of hours and minutes as feeds print it (04:00:00 +0000, 12:04 +03:00;
# after the zone's hours or abbreviation: 12:04 pm +03 +03:00, 10:00 EDT -04:00),
# or a zone's abbreviation: 12:50 PM EDT, 14:00 (мск)
_OFFSET = (r"(?:(?:\s*[|(]?\s*(?:GMT|UTC)\s*|\s+(?:[+-]\d{2}\s+|[A-Z]{3,4}\s+)?(?=[+-](?:0\d|1[0-4]):?[0-5]\d(?!\d)))"
           r"(?P<off>[+-]\s*\d{1,2})(?::?(?P<offm>\d{2}))?\)?"
           rf"|\s*\(?(?P<zone>{any_word([*ZONES, *ZONE_HISTORY])})\)?)?")

_ISO = _RE.compile(
    r"(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{1,2})(?:\.\d+)?)?\s*(Z|[+-]\d{2}:?\d{2})?)?$"
)
_RFC2822 = _RE.compile(r"(?:[A-Z][a-z]{2}, )?\d{1,2} [A-Z][a-z]{2} \d{4} \d{2}:\d{2}(?::\d{2})?(?: (?:[+-]\d{4}|[A-Z]{1,3}))?$")


def _formats(weekday: str) -> tuple[str, ...]:
    """The printed formats: each date body, a clock time before or after it (a weekday between), an offset,
    led by ``weekday``."""
    return tuple(weekday + _TIME_BEFORE + body + _WEEKDAY_AFTER + _TIME_AFTER + _OFFSET for body in _BODIES)


_WHOLE = tuple(_RE.compile(p + "$", re.I) for p in _formats(_WEEKDAY))
_INSIDE = tuple(_RE.compile(r"(?<![\w.:])" + p + r"(?![\w:])", re.I) for p in _formats(""))
_CLOCK = _RE.compile(r"(?<![\w.:])\d{1,2}:\d{2}(?![\w:])")
_HAS_CLOCK = _RE.compile(r"\d:\d{2}")
_YEAR_DIGITS = _RE.compile(r"\d{4}|\d\.\d{2}\.\d{2}(?!\d)")  # a year, or a date with a two-digit one
_BIDI = dict.fromkeys([0x200E, 0x200F, 0x061C, 0xFEFF, *range(0x202A, 0x202F), *range(0x2066, 0x206A)])
_MARK = _RE.compile("[" + "".join(map(chr, _BIDI)) + "]")


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


def clock_of(g: dict[str, str | None], n: str = "") -> time | None:
    """The clock time of groups ``h{n}``/``mi{n}``/``s{n}``/``ap{n}`` (12-hour times made 24-hour), None if absent.

    Raises ValueError for an impossible time.
    """
    if not (hours := g.get("h" + n)):
        return None
    hour, minute, second = int(hours), int(g["mi" + n] or 0), int(g.get("s" + n) or 0)
    if ampm := g.get("ap" + n):
        if not 1 <= hour <= 12:
            raise ValueError("a 12-hour clock time past 12")
        hour = hour % 12 + (12 if "p" in ampm.lower() else 0)
    return time(hour, minute, second)


def _from_match(m: re.Match[str]) -> datetime | None:
    """The datetime a match of one of the printed formats stands for, if valid."""
    g = m.groupdict()
    month = month_number(g["mw"]) if g.get("mw") else int(g["m"])
    if month is None or g.get("yy") and _names_a_version(m.string[max(0, m.start() - 24):m.start()], g["d"]):
        return None
    dom = int(g["d"])
    # 07/27/2016: the month first, as the US prints it (no other reading); so too beside a 12-hour clock, the US's
    # (06/12/2009, 01:01 PM is June 12)
    if g.get("sep") == "/" and (month > 12 >= dom or (g.get("ap") or g.get("ap0")) and dom <= 12):
        month, dom = dom, month
    try:
        day = date(int(g["y"]) if g.get("y") else _century(int(g["yy"])), month, dom)
        clock = clock_of(g) or clock_of(g, "0") or time()
    except ValueError:
        return None
    dt = datetime.combine(day, clock)
    if g.get("off"):
        hours = int(g["off"].replace(" ", ""))
        minutes = int(g.get("offm") or 0) * (1 if hours >= 0 else -1)
        return dt.replace(tzinfo=timezone(timedelta(hours=hours, minutes=minutes)))
    if g.get("zone") and (g.get("h") or g.get("h0")):  # a zone names the offset of a clock time, not of a day
        zone = g["zone"].lower()
        if zone in ZONE_HISTORY:  # Moscow time was UTC+4 from 2011 to October 2014: its offset on that day
            offset = dt.replace(tzinfo=ZoneInfo(ZONE_HISTORY[zone])).utcoffset()
            return dt.replace(tzinfo=timezone(offset)) if offset is not None else localize(dt)
        return dt.replace(tzinfo=timezone(timedelta(hours=ZONES[zone])))
    return localize(dt)


# What names a version number right before one printed like a day with a two-digit year: a version word (версия
# 2.10.15, build 1.10.15), or a product's name in mixed case (iOS 12.10.15, macOS); a capitalised Latin name only
# before a day without its leading zero, as dates are printed with it (Python 3.11.07, but Kazinform 07.07.16).
_VERSION_WORD = _RE.compile(
    r"\b(?:version|ver|v|release|update|build|patch|версия|версии|версию|версией|релиз|обновление|обновления"
    r"|сборка|сборки|патч|нұсқа|нұсқасы|нұсқасын)\.?\s*$|(?-i:\b[a-z]+[A-Z][A-Za-z]*)\s+$", re.I)
_PRODUCT = _RE.compile(r"\b[A-Z][A-Za-z+#]+\s+$")


def _names_a_version(before: str, day: str) -> bool:
    """Whether the text ``before`` a day.month.yy names what follows as a version number."""
    return bool(_VERSION_WORD.search(before) or len(day) == 1 and _PRODUCT.search(before))


def _century(yy: int) -> int:
    """The year of a two-digit year: this century's up to 69, the last one's from 70 (no outlet printed before)."""
    return (2000 if yy < 70 else 1900) + yy


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
    for pattern in _INSIDE if _YEAR_DIGITS.search(text) else ():  # every printed date shows its year
        for m in pattern.finditer(text):
            dt = _from_match(m)
            if dt is not None:
                found.append((m.start(), -len(m.group(0)), m.group(0).strip(), dt))
                break
    if found:  # the earliest, then longest: "11:12, 26 June 2018" over its "26 June 2018"
        return min(found, key=lambda f: f[:2])[2:]
    clock = _CLOCK.search(text)
    return (clock.group(0), None) if clock else None


def without_marks(text: str) -> str:
    """``text`` without invisible direction marks.

    Arabic-script (tote) text copied from pages carries left-to-right and right-to-left marks between
    its words and digits; they are no letters, digits or spaces, so they would break every pattern.
    """
    return text.translate(_BIDI) if _MARK.search(text) else text  # the search is a C scan; translate() is not


def squash(text: str) -> str:
    """``text`` without direction marks, its runs of white space made one space."""
    return " ".join(without_marks(text).split())


def parse_date(text: str | None, *, fuzzy: bool = False) -> datetime | None:
    """An aware datetime for a date string, or None.

    ISO 8601, RFC 2822 (feeds) and the printed formats above are parsed directly; with ``fuzzy``
    dateparser is tried last (slow, so only when the caller has nothing better).
    """
    text = squash(text or "").strip(" ,|")
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
