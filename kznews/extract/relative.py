"""Dates that need a reference time: relative words, day-month without a year, bare clock times.

``Сегодня, 14:35``, ``Вчера``, ``Бүгін``, ``Кеше``, ``2 сағат бұрын``, ``5 минут
назад``, ``Today``/``Yesterday``, ``5 hours 42 min ago`` are resolved against the
fetch time seen from Asia/Almaty (the outlets print local time).  A day and
month without a year (a dateline, ``16:05, 14 марта``) take the year that puts
them nearest the reference without passing the latest allowed moment.
"""

from __future__ import annotations

import re
from datetime import date, datetime, time, timedelta

from .dates import ALMATY, MONTH, find_date, month_number

SKEW = timedelta(days=1)  # how far past the fetch time a date may lie (wrong offsets, clocks): see dating.py

_CLOCK = r"(?P<h>\d{1,2})[:.](?P<mi>\d{2})"
_AT = r"\s*,?\s*(?:в|at|сағат|saǵat)?\s*"
_DAY_WORDS = {
    0: r"сегодня|бүгін|bügin|búgin|today",
    1: r"вчера|кеше|keshe|yesterday",
    2: r"позавчера|алдыңғы күні",
}
_WORDS = "|".join(_DAY_WORDS.values())
_DAY_WORD = (  # the word first (Сегодня, 14:35), or the clock first (14:35, сегодня)
    re.compile(rf"(?<!\w)(?P<word>{_WORDS})(?!\w)(?:{_AT}{_CLOCK}(?!\d))?", re.I),
    re.compile(rf"(?<![\d:]){_CLOCK}\s*,?\s*(?P<word>{_WORDS})(?!\w)", re.I),
)
_UNITS = (
    (r"сек\w*|sec\w*|с\b", timedelta(seconds=1)),
    (r"мин\w*|min\w*|m\b", timedelta(minutes=1)),
    (r"час\w*|сағ\w*|sağ\w*|saǵ\w*|hours?|hrs?|h\b", timedelta(hours=1)),
    (r"дн\w*|день|күн\w*|days?|d\b", timedelta(days=1)),
    (r"недел\w*|апта\w*|weeks?", timedelta(weeks=1)),
)
_UNIT = "|".join(f"(?:{u})" for u, _ in _UNITS)
_AGO = re.compile(
    rf"(?<!\w)(?P<parts>(?:(?:\d+\s*)?(?:{_UNIT})\.?\s*)+)(?:назад|бұрын|burın|buryn|ago)(?!\w)", re.I
)
_PART = re.compile(rf"(?P<n>\d+)?\s*(?P<unit>{_UNIT})", re.I)
_NOW = re.compile(r"(?<!\w)(?:только что|жаңа ғана|just now)(?!\w)", re.I)
_PARTIAL = (
    # 16:05, 14 марта / 14 марта, 16:05 / 14 марта / 19 April
    re.compile(rf"(?<![\w.:])(?:{_CLOCK},?\s+)?(?P<d>\d{{1,2}})\s+(?P<mw>{MONTH})(?:,?\s+(?:в\s+)?"
               + _CLOCK.replace("?P<h>", "?P<h2>").replace("?P<mi>", "?P<mi2>") + r")?(?![\w:])", re.I),
    # April 19 / April 19, 16:05
    re.compile(rf"(?<![\w.:])(?P<mw>{MONTH})\s+(?P<d>\d{{1,2}})(?:,?\s+"
               + _CLOCK.replace("?P<h>", "?P<h2>").replace("?P<mi>", "?P<mi2>") + r")?(?![\w:]|,?\s*\d)", re.I),
)


def local(now: datetime) -> datetime:
    """``now`` as Asia/Almaty wall-clock time (naive values are taken as already local)."""
    return now.astimezone(ALMATY) if now.tzinfo is not None else now.replace(tzinfo=ALMATY)


def at(day: date, clock: time | None = None) -> datetime:
    """An aware Asia/Almaty datetime for a local day and clock time (midnight when no clock)."""
    return datetime.combine(day, clock or time()).replace(tzinfo=ALMATY)


def _clock(h: str | None, mi: str | None) -> time | None:
    if h is None:
        return None
    try:
        return time(int(h), int(mi))
    except ValueError:
        return None


def relative(text: str, now: datetime) -> tuple[str, datetime] | None:
    """(as printed, datetime) of the first relative date in ``text``, resolved against ``now``."""
    found: list[tuple[int, str, datetime]] = []
    for m in filter(None, (form.search(text) for form in _DAY_WORD)):
        back = next(n for n, words in _DAY_WORDS.items() if re.fullmatch(words, m.group("word"), re.I))
        day = local(now).date() - timedelta(days=back)
        found.append((m.start(), m.group(0), at(day, _clock(m.group("h"), m.group("mi")))))
    if m := _AGO.search(text):
        delta = timedelta()
        for part in _PART.finditer(m.group("parts")):
            unit = next(step for u, step in _UNITS if re.fullmatch(u, part.group("unit"), re.I))
            delta += int(part.group("n") or 1) * unit
        found.append((m.start(), m.group(0), local(now) - delta))
    if m := _NOW.search(text):
        found.append((m.start(), m.group(0), local(now)))
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


def partial(text: str, reference: datetime, latest: datetime) -> tuple[str, datetime] | None:
    """(as printed, datetime) of a day-month date without a year in ``text``, the year inferred."""
    for pattern in _PARTIAL:
        for m in pattern.finditer(text):
            month = month_number(m.group("mw"))
            if month is None:
                continue
            day = infer_year(month, int(m.group("d")), reference, latest)
            if day is not None:
                g = m.groupdict()
                clock = _clock(g.get("h"), g.get("mi")) or _clock(g.get("h2"), g.get("mi2"))
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
    text = " ".join(text.split())
    found = find_date(text)
    if found and found[1] is not None:
        return found[0], found[1], ""
    if now is not None and (rel := relative(text, now)):
        return rel[0], rel[1], ":relative"
    if reference is not None and (part := partial(text, reference, now or reference)):
        return part[0], part[1], ":day-month"
    return None
