"""Dates that need a reference time: relative words, day-month without a year, bare clock times.

``Сегодня, 14:35``, ``Вчера``, ``Бүгін``, ``Кеше``, ``2 сағат бұрын``, ``5 минут
назад``, ``полчаса назад``, ``Today``/``Yesterday``, ``5 hours 42 min ago`` are resolved
against the fetch time seen from Asia/Almaty (the outlets print local time).  Kazakh
words are kept in Cyrillic; their Latin and tote spellings (``2 saǵat buryn``) are derived.  A day and
month without a year (a dateline, ``16:05, 14 марта``) take the year that puts
them nearest the reference without passing the latest allowed moment.
"""

from __future__ import annotations

import re
from datetime import date, datetime, time, timedelta

from .calendar import russian_day_words
from .compiled import Patterns
from .dates import (
    ALMATY,
    AT,
    COMMA,
    DAY_BY_NUMBER,
    DAY_MONTH_SEP,
    DAY_SUFFIX,
    MONTH,
    MONTH_BY_NUMBER,
    YEAR_WORD,
    any_word,
    clock_of,
    clock_pattern,
    find_date,
    month_number,
    squash,
)
from .kazakh import fold, spellings
from .wordtrie import trie_regex

_RE = Patterns(__name__)  # the module's patterns, compiled once per Python (compiled.py)

SKEW = timedelta(days=1)  # how far past the fetch time a date may lie (wrong offsets, clocks): see dating.py


def _kazakh(*words: str) -> tuple[str, ...]:
    """Every spelling of Cyrillic Kazakh ``words`` as printed (no case forms)."""
    return tuple(s for word in words for s in spellings(word))


_CLOCK, _CLOCK2 = clock_pattern(), clock_pattern("2")  # 14:35, 2:35 PM, 14:35 ч.
# Days back from today, each with its words: Russian, Kazakh (every alphabet), English.
_DAY_WORDS: dict[int, tuple[str, ...]] = {
    0: ("сегодня", *_kazakh("бүгін"), "today"),
    1: ("вчера", *_kazakh("кеше"), "yesterday"),
    2: ("позавчера", *_kazakh("алдыңғы күні"), "the day before yesterday"),
}
_DAY_BACK = {fold(word): back for back, words in _DAY_WORDS.items() for word in words}
_DAY_WORD_RE = any_word([word for words in _DAY_WORDS.values() for word in words])
_DAY_WORD = (  # the word first (Сегодня, 14:35), or the clock first (14:35, сегодня)
    _RE.compile(rf"(?<!\w)(?P<word>{_DAY_WORD_RE})(?:\s*{COMMA}?\s*{AT}?{_CLOCK}(?!\d))?", re.I),
    _RE.compile(rf"(?<![\d:]){_CLOCK}\s*{COMMA}?\s*(?P<word>{_DAY_WORD_RE})", re.I),
)
# Units of "N units ago", each with its words (Kazakh nouns stay bare after a number).
_UNITS: tuple[tuple[tuple[str, ...], timedelta], ...] = (
    (("секунд", "секунду", "секунды", "сек", "с", *_kazakh("секунд", "сек"),
      "second", "seconds", "sec", "secs", "s"), timedelta(seconds=1)),
    (("минут", "минуту", "минуты", "мин", *_kazakh("минут", "мин"), "minute", "minutes", "min", "mins", "m"),
     timedelta(minutes=1)),
    (("полчаса", "half an hour"), timedelta(minutes=30)),
    (("час", "часа", "часов", "ч", *_kazakh("сағат", "сағ"), "hour", "hours", "hr", "hrs", "h"), timedelta(hours=1)),
    (("день", "дня", "дней", "дн", *_kazakh("күн"), "day", "days", "d"), timedelta(days=1)),
    (("неделю", "недели", "недель", "нед", *_kazakh("апта"), "week", "weeks", "wk", "wks"), timedelta(weeks=1)),
    (("месяц", "месяца", "месяцев", "мес", *_kazakh("ай"), "month", "months"), timedelta(days=30)),
    (("год", "года", "лет", *_kazakh("жыл"), "year", "years", "yr", "yrs"), timedelta(days=365)),
)
_STEP = {fold(word): step for words, step in _UNITS for word in words}
_UNIT = any_word([word for words, _ in _UNITS for word in words])
_AGO_WORDS = ("назад", *_kazakh("бұрын"), "ago")
_NOW_WORDS = ("только что", *_kazakh("жаңа ғана"), "just now")
_AGO_WORD = any_word(_AGO_WORDS)
_COUNT = r"(?:\d+|an?|one)"  # 2 hours, an hour, a minute; with no count (час назад) one unit
_AGO = _RE.compile(rf"(?<!\w)(?P<parts>(?:(?:{_COUNT}\s*)?{_UNIT}\.?\s*)+){_AGO_WORD}", re.I)
_PART = _RE.compile(rf"(?P<n>{_COUNT})?\s*(?P<unit>{_UNIT})", re.I)
_NOW = _RE.compile(rf"(?<!\w){any_word(_NOW_WORDS)}", re.I)
_DAY = rf"(?P<d>\d{{1,2}}){DAY_SUFFIX}?"
_RU_DAY_WORDS = russian_day_words()
_PARTIAL = (
    # 16:05, 14 марта / 14 марта, 16:05 / 14 марта / 19 April / 16-сәуірде / 15 -مامىردا
    _RE.compile(rf"(?<![\w.:])(?:{_CLOCK}{COMMA}?\s+)?{_DAY}{DAY_MONTH_SEP}(?P<mw>{MONTH})"
               rf"(?:{COMMA}?\s+{AT}?{_CLOCK2})?(?![\w:])", re.I),
    # April 19 / April 19, 16:05 / сәуірдің 16-сы
    _RE.compile(rf"(?<![\w.:])(?P<mw>{MONTH})\s+{_DAY}(?:{COMMA}?\s+{_CLOCK2})?(?![\w:]|{COMMA}?\s*\d)", re.I),
    # 25.09 09:22 / 09:22 25.09: the day and month by number with a clock time (without the time, a number: 25.09)
    _RE.compile(rf"(?<![\w.:])(?:{_CLOCK}{COMMA}?\s+)?(?P<d>\d{{1,2}})\.(?P<m>\d{{2}})"
               rf"(?(h)|(?={COMMA}?\s+\d{{1,2}}[:.]\d{{2}}(?!\d)))(?:{COMMA}?\s+{_CLOCK2})?(?![\w.:])"),
    # 1-айдың 24-күні / 1 - ايدىڭ 24 - كۇنى: the month and day by number, as the Kazakhs of China print them
    _RE.compile(rf"(?<![\w.:])(?P<m>\d{{1,2}})\s*-?\s*{MONTH_BY_NUMBER}\s+(?P<d>\d{{1,2}})\s*-?\s*{DAY_BY_NUMBER}", re.I),
    # пятого января / двадцать пятое декабря 2019 года: the day in Russian words (a year printed after it is read)
    _RE.compile(rf"(?<![\w.:])(?P<dw>{any_word(sorted(_RU_DAY_WORDS))})\s+(?P<mw>{MONTH})"
               rf"(?:\s+(?P<y>\d{{4}})(?:\s*{YEAR_WORD})?)?(?![\w:])", re.I),
)


def _caseless(text: str) -> str:
    """``text`` lower-cased with the letters ``re.IGNORECASE`` also equates (dotless ı and i, long s and s, İ)."""
    return text.lower().replace("ı", "i").replace("ſ", "s").replace("\u0307", "")


# One word of each phrase a relative date needs (its longest), every spelling, caseless as the forms compare
# them: a text holding none of them holds no relative date, so one search of it spares the forms' searches.
_HINT = _RE.compile(trie_regex(
    {_caseless(max(word.split(), key=len)) for words in (*_DAY_WORDS.values(), _AGO_WORDS, _NOW_WORDS)
     for word in words}))


def local(now: datetime) -> datetime:
    """``now`` as Asia/Almaty wall-clock time (naive values are taken as already local)."""
    return now.astimezone(ALMATY) if now.tzinfo is not None else now.replace(tzinfo=ALMATY)


def at(day: date, clock: time | None = None) -> datetime:
    """An aware Asia/Almaty datetime for a local day and clock time (midnight when no clock)."""
    return datetime.combine(day, clock or time()).replace(tzinfo=ALMATY)


def _clock(g: dict[str, str | None], n: str = "") -> time | None:
    """The clock time of a match's groups ending in ``n``, None when absent or impossible (25:70)."""
    try:
        return clock_of(g, n)
    except ValueError:
        return None


def may_be_relative(text: str) -> bool:
    """False when ``text`` holds no word a relative date needs (then ``relative`` finds nothing)."""
    return _HINT.search(_caseless(text)) is not None


def relative(text: str, now: datetime) -> tuple[str, datetime] | None:
    """(as printed, datetime) of the first relative date in ``text``, resolved against ``now``."""
    if not may_be_relative(text):
        return None
    found: list[tuple[int, str, datetime]] = []
    for m in filter(None, (form.search(text) for form in _DAY_WORD)):
        day = local(now).date() - timedelta(days=_DAY_BACK[fold(m.group("word"))])
        found.append((m.start(), m.group(0), at(day, _clock(m.groupdict()))))
    if ago := _AGO.search(text):
        delta = timedelta()
        for part in _PART.finditer(ago.group("parts")):
            count = part.group("n") or "1"
            delta += (int(count) if count.isdigit() else 1) * _STEP[fold(part.group("unit"))]
        found.append((ago.start(), ago.group(0), local(now) - delta))
    if just := _NOW.search(text):
        found.append((just.start(), just.group(0), local(now)))
    if not found:
        return None
    _, printed, dt = min(found, key=lambda f: f[0])
    return printed.strip(), dt.replace(second=0, microsecond=0)


def infer_year(month: int, day: int, reference: datetime, latest: datetime) -> date | None:
    """The day ``day``.``month`` in the year that puts it nearest ``reference`` and not after ``latest`` (+SKEW)."""
    ref, last = local(reference).date(), (local(latest) + SKEW).date()
    candidates = []
    for year in range(ref.year + 1, ref.year - 5, -1):
        try:
            candidates.append(date(year, month, day))
        except ValueError:
            continue
    allowed = [d for d in candidates if d <= last]
    return min(allowed, key=lambda d: abs(d - ref)) if allowed else None


def _dated(year: int, month: int, day: int) -> date | None:
    """The day, if the calendar has it."""
    try:
        return date(year, month, day)
    except ValueError:
        return None


def partial(text: str, reference: datetime, latest: datetime) -> tuple[str, datetime] | None:
    """(as printed, datetime) of a day-month date without a year in ``text``, the year inferred (or, for a day in
    words, read where printed)."""
    for pattern in _PARTIAL:
        for m in pattern.finditer(text):
            g = m.groupdict()
            month = month_number(g["mw"]) if g.get("mw") else int(g["m"]) if 1 <= int(g["m"]) <= 12 else None
            if month is None:
                continue
            number = _RU_DAY_WORDS[" ".join(g["dw"].lower().split())] if g.get("dw") else int(g["d"])
            day = _dated(int(g["y"]), month, number) if g.get("y") else infer_year(month, number, reference, latest)
            if day is not None:
                clock = _clock(g) or _clock(g, "2")
                return m.group(0).strip(" ,"), at(day, clock)
    return None


def clock_run(clocks: list[time | None], now: datetime) -> list[datetime | None]:
    """Datetimes for a newest-first run of bare clock times on a listing fetched at ``now``.

    The first time is today's unless it is later than the fetch time; from then on
    a time later than the previous one means the run crossed midnight into the day before.
    """
    day, previous = local(now).date(), local(now).time()
    out: list[datetime | None] = []
    for clock in clocks:
        if clock is None:
            out.append(None)
            continue
        if clock > previous:
            day -= timedelta(days=1)
        previous = clock
        out.append(at(day, clock))
    return out


def read_printed(text: str, now: datetime | None, reference: datetime | None) -> tuple[str, datetime, str] | None:
    """(as printed, datetime, suffix) of the first full, relative or day-month date in ``text``.

    Relative dates need the fetch time ``now``; day-month dates need a ``reference`` for the year.
    """
    text = squash(text)
    found = find_date(text)
    if found and found[1] is not None:
        return found[0], found[1], ""
    rel = relative(text, now) if now is not None else None
    part = partial(text, reference, now or reference) if reference is not None else None
    if rel and not (part and _named_after(text, rel[0], part[0])):
        return rel[0], rel[1], ":relative"
    if part:
        return part[0], part[1], ":day-month"
    return None


_BETWEEN = _RE.compile(r"[\s,،]*(?:(?:on|the)\s+)*", re.I)  # between a day's word and its date: "Today, on March 24"


def _named_after(text: str, word: str, day: str) -> bool:
    """Whether the day-month ``day`` follows the relative ``word`` in ``text`` at once (``Today, on March 24``,
    ``Сегодня, 24 марта``, ``Бүгін, 24 наурыз``): the date names the day the word means, and says more."""
    start = text.find(word)
    after = start + len(word) if start >= 0 else -1
    return after >= 0 and (m := _BETWEEN.match(text, after)) is not None and text.startswith(day, m.end())
