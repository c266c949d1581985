"""Datelines: the place (and agency, day, month) printed at the start of an article body.

Forms seen on Kazakh outlets: ``ПЕТРОПАВЛОВСК. КАЗИНФОРМ –`` (Kazinform),
``Алматы. 16 апреля. Центр информации -`` (kt.kz, ic24), ``Almaty. April 19.
Information Center -``, ``АСТАНА, 1 ноя – Sputnik.``, ``ASTANA –`` (English press).
A dateline carries no year: the caller infers it from other evidence.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .dates import MONTH, month_number

_UP = "A-ZА-ЯЁӘҒҚҢӨҰҮҺІ"
_WORD = rf"[{_UP}][\w’'-]*"
_CAPS = rf"[{_UP}][{_UP}’'-]+"
_PLACE = rf"(?P<place>{_WORD}(?:[ -]{_WORD}){{0,2}})"
_CAPS_PLACE = rf"(?P<place>{_CAPS}(?:[ -]{_CAPS}){{0,2}})"
_DAY_MONTH = rf"(?:(?P<d>\d{{1,2}})\s+(?P<mw>{MONTH})|(?P<mw2>{MONTH})\s+(?P<d2>\d{{1,2}}))"
_AGENCY = r"(?P<agency>[^\s.,–—-][^.,–—\n]{0,40}?)"
_DASH = r"\s*[–—-]"
_FORMS = tuple(
    re.compile(p)
    for p in (
        # Алматы. 16 апреля. Центр информации -   /   Almaty. April 19. Information Center -
        rf"{_PLACE}\.\s+{_DAY_MONTH}\.?\s+{_AGENCY}{_DASH}",
        # АСТАНА, 1 ноя – Sputnik.
        rf"{_PLACE},\s+{_DAY_MONTH}\.?{_DASH}\s*(?P<agency>[\w.-]+?)\.",
        # ПЕТРОПАВЛОВСК. КАЗИНФОРМ –   /   ASTANA. QazAqparat –
        rf"{_CAPS_PLACE}\.\s+{_AGENCY}{_DASH}",
        # TURKESTAN. KAZINFORM  (no dash: the agency must be in capitals)
        rf"{_CAPS_PLACE}\.\s+(?P<agency>{_CAPS}(?: {_CAPS}){{0,2}})(?=\s|$)",
        # ASTANA –
        rf"{_CAPS_PLACE}{_DASH}",
    )
)


@dataclass(frozen=True)
class Dateline:
    """A dateline as printed and its parts (None where the dateline does not say)."""

    text: str
    place: str
    day: int | None = None
    month: int | None = None
    agency: str | None = None


def find_dateline(text: str | None) -> Dateline | None:
    """The dateline at the very start of ``text`` (a body's first paragraph), or None."""
    text = (text or "").lstrip()
    for form in _FORMS:
        m = form.match(text)
        if not m:
            continue
        g = m.groupdict()
        month_word = g.get("mw") or g.get("mw2")
        month = month_number(month_word) if month_word else None
        if month_word and month is None:
            continue
        day = g.get("d") or g.get("d2")
        agency = (g.get("agency") or "").strip() or None
        return Dateline(m.group(0).strip(), g["place"], int(day) if day else None, month, agency)
    return None
