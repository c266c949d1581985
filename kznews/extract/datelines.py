"""Datelines: the place (and agency, day, month) printed at the start of an article body.

A dateline is a place, then optionally a day and month, then optionally an agency, closed by a dash
or by the agency's brackets: ``ПЕТРОПАВЛОВСК. КАЗИНФОРМ –`` (Kazinform), ``Алматы. 16 апреля.
Центр информации -`` (kt.kz, ic24), ``Almaty. April 19. Information Center -``, ``АСТАНА, 1 ноя –
Sputnik.``, ``АСТАНА, 4 сентября. /ТАСС/.``, ``ASTANA, Nov. 30 (Xinhua) –``, ``ASTANA –``,
``Астана. 16 сәуір. ҚазАқпарат –``, and the same in Kazakh Latin and tote (which has no capitals).
Places in lower case are accepted only where the rest of the line is unmistakably a dateline.
A dateline carries no year: the caller infers it from other evidence.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .calendar import weekday_number
from .dates import COMMA, DAY_MONTH_SEP, DAY_SUFFIX, MONTH, YEAR_WORD, any_word, month_number, without_marks
from .kazakh import spellings

# Upper-case letters of the Latin (every Kazakh alphabet) and Cyrillic blocks.
_UP = "".join(ch for ch in map(chr, range(0x41, 0x530)) if ch.isupper())
_TOTE_LETTER = "\u0621-\u064a\u0674-\u06d5\u200c"  # Arabic-script letters (and the zero-width non-joiner), no digits
_CASED_WORD = rf"[{_UP}][\w’'-]+"  # Усть-Каменогорск, Nur-Sultan, Qostanaı; one letter is no place ("В Алматы")
_CAPS_WORD = rf"[{_UP}][{_UP}’'-]+"
_TOTE_WORD = rf"[{_TOTE_LETTER}]+"
# What a region's or town's name is followed by: Алматы облысы, Астана қ., Алматинская область, Almaty region.
_KAZAKH_KINDS = ("облысы", "облыс", "ауданы", "аудан", "қаласы", "қала", "ауылы", "қ")
_KIND = any_word(["область", "области", "обл", "район", "района", "region", "district", "oblast", "city",
                  *(s for word in _KAZAKH_KINDS for s in spellings(word))])
_PLACE = (rf"(?P<place>{_CASED_WORD}(?:[ -]{_CASED_WORD}){{0,2}}(?:\s+{_KIND}\.?)?"
          rf"|{_TOTE_WORD}(?:[ -]{_TOTE_WORD})?)")
_CAPS_PLACE = rf"(?P<place>{_CAPS_WORD}(?:[ -]{_CAPS_WORD}){{0,2}})"
_DAY_MONTH = (
    rf"(?:(?P<d>\d{{1,2}}){DAY_SUFFIX}?{DAY_MONTH_SEP}(?P<mw>{MONTH})|(?P<mw2>{MONTH})\s+(?P<d2>\d{{1,2}}){DAY_SUFFIX}?"
    rf"|(?P<d3>\d{{1,2}})\.(?P<m3>\d{{1,2}})(?:\.\d{{4}}|\.\d{{2}}(?!\d))?)"  # 16.04.2024
    rf"(?:{COMMA}?\s+\d{{4}}(?:\s*-?\s*{YEAR_WORD})?)?"  # a year is printed now and then: ASTANA, November 30, 2018 -
)
_STOP = "[.,،۔]"  # full stop or comma, also the Arabic ones in tote
# Ashgabat , 16 April (pages copied from print leave stray spaces); ASTANA, Tuesday, April 16 (a weekday before it)
_DATE = rf"(?:\s*{_STOP}\s+(?:(?P<wd>{MONTH}){_STOP}?\s+)?{_DAY_MONTH}\.?)"
_LOOSE_DATE = rf"(?:(?:\s*{_STOP})?\s+(?:(?P<wd>{MONTH}){_STOP}?\s+)?{_DAY_MONTH}\.?)"  # before brackets
_DASH = r"(?:\s+[–—-]{1,2}|\s*[–—-]{1,2}(?!\w))"  # a dash, not the hyphen inside Kassym-Jomart
_FREE_AGENCY = r"(?P<agency>[^\s.,–—-][^.,–—\n]{0,40}?)"  # Центр информации, KAZAKHSTAN TODAY
_BRACKETED = r"(?:/\s*(?P<agency>[^/\n]{1,40}?)\s*/|\(\s*(?P<agency2>[^()\n]{1,40}?)\s*\))\.?(?:" + _DASH + ")?"
_BYLINE = r"\.?\s*/[^/\n]{1,40}/\.?(?:" + _DASH + ")?"  # KAZINFORM /Dauren Zhailin/: the agency's reporter
_CLOSE = rf"(?:\.?{_DASH}|{_BYLINE})"  # KAZINFORM –  KAZINFORM. –  KAZINFORM /Dauren Zhailin/
_COUNTRY = rf"(?:,\s+{_CASED_WORD})?"  # ALMATY, Kazakhstan (RFE/RL) --
# – Sputnik.  – РИА Новости.  – «Азаттық»  – Sputnik, Мария Иванова.  (the agency's reporter after a comma)
_SIGNED = (rf"(?P<agency>[{_UP}\d][\w.-]*(?: [{_UP}\d][\w.-]*)?|«[^»\n]{{1,40}}»)"
           rf"(?:,(?: [{_UP}][\w’'-]*\.?){{1,3}})?\.?(?<=[.»])(?=\s|$)")
_REACH = 160  # no dateline is longer: three place words, a day, month and year, a 40-letter agency, a byline
_QUOTES = " «»\"“”„'"  # an agency's name is given without the quotes around it: «Азаттық» is Азаттық
_ANY, _CAPS, _UNDATED, _NAMED = "any", "caps", "undated", "named"

# Each form, and what it takes: any place, a place in capitals, or an agency that must read as one (see _fits).
_FORMS = tuple(
    (re.compile(pattern), places)
    for pattern, places in (
        # Алматы. 16 апреля. /Казинформ/ -   АСТАНА, 4 сентября. /ТАСС/.   ALMATY /Kazinform/ –
        # ASTANA, Nov. 30 (Xinhua) –   Ashgabat 3 April 2020 (nCa) –  (the brackets make a comma needless)
        (rf"{_PLACE}{_COUNTRY}{_LOOSE_DATE}?{_STOP}?\s*{_BRACKETED}", _ANY),
        # АСТАНА, 1 ноя – Sputnik.
        (rf"{_PLACE}{_COUNTRY}{_DATE}{_DASH}\s*{_SIGNED}", _ANY),
        # АСТАНА, 16-сәуір –   Astana, 16 April 2024 –
        (rf"{_PLACE}{_COUNTRY}{_DATE}{_DASH}", _ANY),
        # Алматы. 16 апреля. Центр информации -   ALMATY. April 10. KAZINFORM /Dauren Zhailin/
        # Astana. 16 sáýir. QazAqparat –   استانا. 4 - قازان. قازاقپارات -
        (rf"{_PLACE}{_COUNTRY}{_DATE}{_STOP}?\s+{_FREE_AGENCY}{_CLOSE}", _ANY),
        # ПЕТРОПАВЛОВСК. КАЗИНФОРМ –   Астана. КазТАГ –   استانا. قازاقپارات -
        (rf"{_PLACE}[.۔]\s+{_FREE_AGENCY}{_CLOSE}", _UNDATED),
        # TURKESTAN. KAZINFORM  (no dash: the agency must be in capitals)
        (rf"{_CAPS_PLACE}\.\s+(?P<agency>{_CAPS_WORD}(?: {_CAPS_WORD}){{0,2}})\.?(?=\s|$)", _CAPS),
        # АЛМАТЫ – КазТАГ.
        (rf"{_CAPS_PLACE}{_DASH}\s*{_SIGNED}", _NAMED),
        # ASTANA –   NUR-SULTAN –  (four letters at least: ВВП – , США – open ordinary sentences)
        (rf"(?=(?:[{_UP}][’' -]?){{4}}){_CAPS_PLACE}{_COUNTRY}{_DASH}", _CAPS),
        # АСТАНА, 4 сентября.  (a paragraph of its own: the agency, if any, opens the next one)
        (rf"{_PLACE}{_COUNTRY}{_DATE}\s*$", _ANY),
        # March 20 (THE GLOBE)   16 апреля /КазТАГ/ –  (a date and agency with no place)
        (rf"(?P<place>){_DAY_MONTH}\.?\s*{_BRACKETED}", _ANY),
    )
)


@dataclass(frozen=True)
class Dateline:
    """A dateline as printed and its parts (None where the dateline does not say)."""

    text: str
    place: str | None
    day: int | None = None
    month: int | None = None
    agency: str | None = None


def _is_name(agency: str) -> bool:
    """Whether ``agency`` is shaped like an agency's name: in capitals or with a capital inside a word
    (КАЗИНФОРМ, КазТАГ, QazAqparat) or a domain (NUR.KZ)."""
    return any(ch.isupper() for word in agency.split() for ch in word[1:]) or "." in agency


def _is_undated_agency(agency: str, place: str) -> bool:
    """Whether ``agency``, after an undated ``place`` and before a dash, reads as an agency, not the body's first words.

    A name (ПЕТРОПАВЛОВСК. КАЗИНФОРМ –, Астана. КазТАГ –), up to three capitalised words (Astana. Kazinform –),
    or in tote, which has no letter case, one or two words.
    """
    words = agency.split()
    if _is_name(agency):
        return True
    if not any(ch.isupper() or ch.islower() for ch in place + agency):
        return len(words) <= 2
    return len(words) <= 3 and all(word[0].isupper() for word in words)


def _fits(places: str, place: str, agency: str | None) -> bool:
    """Whether the matched ``place`` (and agency) suit a form that takes ``places``."""
    if places == _CAPS:
        return place.isupper()
    if places == _UNDATED:
        return agency is not None and _is_undated_agency(agency, place)
    if places == _NAMED:
        return agency is not None and _is_name(agency)
    return True


def _may_open_with_dateline(text: str) -> bool:
    """False when ``text`` cannot start with a dateline: every form has a dash, a slash or a bracket near the
    start, or opens with a word in capitals (TURKESTAN. KAZINFORM)."""
    head = text[:_REACH]
    return any(mark in head for mark in "–—-/(") or head[:2].isupper()


def find_dateline(text: str | None) -> Dateline | None:
    """The dateline at the very start of ``text`` (a body's first paragraph), or None."""
    text = without_marks((text or "")[:_REACH * 2]).lstrip()
    if not _may_open_with_dateline(text):
        return None
    for form, places in _FORMS:
        m = form.match(text)
        if not m:
            continue
        g = m.groupdict()
        agency = (g.get("agency") or g.get("agency2") or "").rstrip(".").strip(_QUOTES) or None
        if not _fits(places, g["place"], agency):
            continue
        month_word = g.get("mw") or g.get("mw2")
        month = month_number(month_word) if month_word else int(g["m3"]) if g.get("m3") else None
        if (month_word and month is None) or (month is not None and not 1 <= month <= 12):
            continue
        if g.get("wd") and weekday_number(g["wd"]) is None:
            continue
        day = g.get("d") or g.get("d2") or g.get("d3")
        return Dateline(m.group(0).strip(), g["place"] or None, int(day) if day else None, month, agency)
    return None
