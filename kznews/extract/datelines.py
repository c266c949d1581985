"""Datelines: the place (and agency, day, month) printed at the start of an article body.

A dateline is a place, then optionally a day and month, then optionally an agency, closed by a dash
or by the agency's brackets: ``ПЕТРОПАВЛОВСК. КАЗИНФОРМ –`` (Kazinform), ``Алматы. 16 апреля.
Центр информации -`` (kt.kz, ic24), ``Almaty. April 19. Information Center -``, ``АСТАНА, 1 ноя –
Sputnik.``, ``АСТАНА, 4 сентября. /ТАСС/.``, ``ASTANA, Nov. 30 (Xinhua) –``, ``ASTANA –``,
``Астана. 16 сәуір. ҚазАқпарат –``, and the same in Kazakh Latin and tote (which has no capitals).
Each part comes in the forms wires and outlets print: the place led by ``St.``/``г.``, followed by its
country or the town in its region (``ALMATY, Kazakhstan``, ``ASTANA (Kazakhstan),``, ``Алматы облысы,
Талғар ауданы``); the date cut (``Sept. 5``, ``5 сент.``), with a year (first, as Kazakh prints it) and a
clock time, or in brackets; the agency in slashes, round or square brackets, after the dash, or free,
with its reporter or correspondent beside it (``/24.kg, Анна Капушенко/``, ``KAZINFORM /Dauren Zhailin/``,
``By Elchin Mehdiyev – Trend:``); separators with stray spaces, none, or bars; dashes spaced, glued or
doubled (``--``).  A dateline standing alone as a paragraph needs no dash.  Every agency is checked by its
shape (a name, capitalised words, a single token), so the first words of an ordinary sentence are none;
places in lower case are accepted only where the rest of the line is unmistakably a dateline.
A dateline carries no year: the caller infers it from other evidence.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .calendar import weekday_number
from .compiled import Patterns
from .dates import COMMA, DAY_MONTH_SEP, DAY_SUFFIX, MONTH, YEAR_WORD, any_word, month_number, without_marks
from .kazakh import spellings

_RE = Patterns(__name__)  # the module's patterns, compiled once per Python (compiled.py)

# Upper-case letters of the Latin (every Kazakh alphabet) and Cyrillic blocks.
_UP = "".join(ch for ch in map(chr, range(0x41, 0x530)) if ch.isupper())
_TOTE_LETTER = "\u0621-\u064a\u0674-\u06d5\u200c"  # Arabic-script letters (and the zero-width non-joiner), no digits
_CASED_WORD = rf"[{_UP}][\w’'-]+"  # Усть-Каменогорск, Nur-Sultan, Qostanaı; one letter is no place ("В Алматы")
_CAPS_WORD = rf"[{_UP}][{_UP}’'-]+"
_TOTE_WORD = rf"[{_TOTE_LETTER}]+"
# What a region's or town's name is followed by: Алматы облысы, Астана қ., Алматинская область, Almaty region.
# Abbreviated ones take their full stop (Астана қ., Алматинская обл.); a full stop after a whole word ends the place.
_KAZAKH_KINDS, _KAZAKH_CUTS = ("облысы", "облыс", "ауданы", "аудан", "қаласы", "қала", "ауылы"), ("қ", "обл")
_KIND = (any_word(["область", "области", "район", "района", "region", "district", "oblast", "city",
                   *(s for word in _KAZAKH_KINDS for s in spellings(word))])
         + "|" + any_word(["обл", "р-н", *(s for word in _KAZAKH_CUTS for s in spellings(word))]) + r"\.")
# What a place's name may be led by: St. Petersburg, ST. PETERSBURG, г. Алматы, с. Есик, пос. Кордай.
_PREFIX = r"(?:(?:St|ST|Ст|СТ|г|Г|с|С|пос)\.\s?)?"
_PLACE = (rf"(?P<place>{_PREFIX}{_CASED_WORD}(?:[ -]{_CASED_WORD}){{0,2}}(?:\s+(?:{_KIND}))?"
          rf"|{_TOTE_WORD}(?:(?:[ -]|-\s){_TOTE_WORD})?)")  # tote may print a space after the hyphen: ۇلان- باتىر
_CAPS_PLACE = rf"(?P<place>{_PREFIX}{_CAPS_WORD}(?:[ -]{_CAPS_WORD}){{0,2}})"
_STOP = "[.,،۔|]"  # full stop or comma, also the Arabic ones in tote, or a bar: Алматы | 16 апреля | КазТАГ
_DAY_MONTH = (
    # 16 апреля, 16-сәуір, April 16, Sept. 5, Dec.5, 16.04 / 16.04.2024
    rf"(?:\d{{4}}\s*-?\s*{YEAR_WORD}\s+)?"  # the year first, as Kazakh prints it: 2024 жылғы 16 сәуір
    rf"(?:(?P<d>\d{{1,2}}){DAY_SUFFIX}?{DAY_MONTH_SEP}(?P<mw>{MONTH})"
    rf"|(?P<mw2>{MONTH})(?:(?<=\.)\s*|\s+)(?P<d2>\d{{1,2}}){DAY_SUFFIX}?"
    rf"|(?P<d3>\d{{1,2}})\.(?P<m3>\d{{1,2}})(?:\.\d{{4}}|\.\d{{2}}(?!\d))?)"
    rf"(?:{COMMA}?\s+\d{{4}}(?:\s*-?\s*{YEAR_WORD})?)?"  # a year is printed now and then: ASTANA, November 30, 2018 -
    rf"(?:{COMMA}\s*\d{{1,2}}:\d{{2}})?"  # and a clock time: Алматы, 5 марта 2020, 10:30 —
)
# Ashgabat , 16 April (pages copied from print leave stray spaces, or none: Алматы.16 апреля.КазТАГ);
# ASTANA, Tuesday, April 16 (a weekday before it)
_WEEKDAY = rf"(?:(?P<wd>{MONTH}){_STOP}?\s+)?"
_DATE = rf"(?:\s*{_STOP}\s*{_WEEKDAY}{_DAY_MONTH}\.?)"
# before brackets, which make a comma needless; a dash may part it from the place (Астана - 8 октября /KZinform/)
_LOOSE_DATE = rf"(?:(?:\s*{_STOP}\s*|\s+-\s+|\s+){_WEEKDAY}{_DAY_MONTH}\.?)"
# A dash: an en or em dash (spaced or not, ASTANA—The), two hyphens (--), or a hyphen not inside a word
# (not the hyphen of Kassym-Jomart); the replacement character a page decoded in the wrong encoding left in the
# dash's place (ASTANA � Kazakh President) is one too, as is a spaced question mark a lost dash became and the
# underscore old wire copy prints for it (MOSCOW (AP) ? A Soyuz, MOSCOW (AP) _ Following).
_DASH = r"(?:\s*(?:--|[–—‒―−\ufffd])|\s*-(?!\w)|\s+[_?](?=\s|$))"
_GLUED_DASH = r"(?:\s*(?:--|[–—]))?\s*"  # ALMATY, Kazakhstan--(BUSINESS WIRE)--
_END = r"(?P<end>)(?=[ \t]*(?:\n|$))"  # the line ends: the dateline is a paragraph of its own, its dash not copied
# Центр информации, KAZAKHSTAN TODAY, Tengrinews.kz (a full stop inside a domain)
_FREE_AGENCY = r"(?P<agency>[^\s.,:–—-](?:[^.,–—\n]|\.(?=\w)){0,40}?)"
# /ТАСС/  (Xinhua)  (irna-itar-tass-acsna)  /24.kg, Анна Капушенко/: the reporter after a comma is no agency
# (60 letters: a correspondent may be named with the agency, /ҚазАқпарат тілшісі Айгүл Жақыпова/)
_BRACKETED = (r"(?:/\s*(?P<agency>[^/\n,،]{1,60}?)(?:[,،][^/\n]{1,40})?\s*/"
              r"|\(\s*(?P<agency2>[^()\n,،]{1,60}?)(?:[,،][^()\n]{1,40})?\s*\)"
              r"|\[\s*(?P<agency3>[^\[\]\n,،]{1,60}?)(?:[,،][^\[\]\n]{1,40})?\s*\])\.?")
_BYLINE = r"\.?\s*/[^/\n]{1,40}/\.?(?:" + _DASH + ")?"  # KAZINFORM /Dauren Zhailin/: the agency's reporter
_CLOSE = rf"(?:\.?{_DASH}|{_BYLINE}|/(?=\s|$))"  # KAZINFORM –  KAZINFORM. –  KAZINFORM /Dauren Zhailin/  REPORT.AZ/
# What follows the place: its country or the town in its region (ALMATY, Kazakhstan; ASTANA (Kazakhstan), Dec. 5;
# Алматы облысы, Талғар ауданы; Almaty region, Talgar district)
_COUNTRY = (rf"(?:(?:{COMMA}\s+(?:{_CASED_WORD}(?:[ -]{_CASED_WORD})?(?:\s+(?:{_KIND}))?|{_TOTE_WORD})){{1,2}}"
            rf"|\s*\(\s*(?:{_CASED_WORD}|{_TOTE_WORD})\s*\)(?=\s*{_STOP}|\s+\w))?")  # ULKEN, Almaty region, Kazakhstan
# The countries of the region by name, in English and Russian (any -stan; Қазақстан in Kazakh).
_COUNTRY_NAME = (r"(?:[A-ZА-ЯЁҚ][\w’'-]*(?:stan|стан)|Russia|China|Mongolia|Turkey|T[üu]rkiye|Iran|Georgia|Armenia"
                 r"|Azerbaijan|Belarus|Ukraine|Россия|Китай|Монголия|Турция|Грузия|Армения|Беларусь|Украина)")
_NAMES = rf"(?: [{_UP}][\w’'.-]*){{1,3}}"  # a person's names: Мария Иванова, Elchin Mehdiyev
_DOMAIN = r"[\w-]+(?:\.[\w-]+)*\.[A-Za-z]{2,6}"  # vlast.kz, NUR.KZ, 24.kg
_DOMAIN_NAME = _RE.compile(_DOMAIN)
# – Sputnik.  – РИА Новости.  – «Азаттық»  – vlast.kz.  – Sputnik, Мария Иванова.  (the agency's reporter after a comma)
_SIGNED_WORD = rf"[{_UP}\d][\w-]*(?:\.[\w-]+)*"  # Sputnik, РИА, Vlast.kz: a full stop only inside
# – «Азаттық»  – ИА «Новости-Казахстан» (the agency's kind before its quoted name)
_SIGNED_NAME = rf"(?P<agency>{_SIGNED_WORD}(?: {_SIGNED_WORD})?|(?:[{_UP}]{{2}} )?«[^»\n]{{1,40}}»|{_DOMAIN})"
_SIGNED = rf"{_SIGNED_NAME}(?:(?:,{_NAMES})?\.?(?<=[.»])(?=\s|$)|{_END})"
_REACH = 160  # no dateline is longer: three place words, a day, month and year, a 40-letter agency, a byline
_PLACE_REACH = 60  # a place (three words and its kind) or a date ends within this many characters
# what ends it: a stop, a dash (or the character left in its place), a bracket or slash; or a place in capitals ends
# where its date starts (ALMATY Jan 18)
_PLACE_END = _RE.compile(rf"[.,،۔|–—(\[/\ufffd:]|\s-|^[{_UP}’' -]{{4,}}\s+(?:\d|[{_UP}]\w*\.?\s+\d)")
_DIGIT = _RE.compile(r"\d")  # a day near the start: a dateline may close with a full stop (Astana. July 4. KazTAG.)
_SHORT_LINE = 80  # a first line this short may be a dateline standing alone, without its dash
# The word for a correspondent, in Russian (корр., корреспондент), English and Kazakh (every alphabet).
_CORRESPONDENT = _RE.compile(
    r"(?:^|\s)(?:" + any_word(["корр", "корреспондент", "correspondent", "reporter", *spellings("тілші"),
                              *spellings("тілшісі")]) + r")\.?(?=\s|$)", re.I)
_QUOTES = " «»\"“”„'"  # an agency's name is given without the quotes around it: «Азаттық» is Азаттық
# Words in capitals that open a line before a colon as labels, not places.
_CAPS_LABELS = ("(?:NOTE|UPDATE|UPDATED|BREAKING|CORRECTION|WARNING|PHOTOS?|VIDEO|WATCH|READ|ALSO|EXCLUSIVE|ANALYSIS"
                "|OPINION|COMMENT|EDITOR|SOURCES?|QUOTE|ВНИМАНИЕ|ФОТО|ВИДЕО|ОБНОВЛЕНО|МОЛНИЯ|ЭКСКЛЮЗИВ|ИСТОЧНИК|СУРЕТ)")
_ANY, _CAPS, _UNDATED, _NAMED, _FREE, _BRACKETS = "any", "caps", "undated", "named", "free", "brackets"

# Each form, and what it takes: any place, a place in capitals, or an agency that must read as one (see _fits).
_FORMS = tuple(
    (_RE.compile(pattern), places)
    for pattern, places in (
        # Алматы. 16 апреля. /Казинформ/ -   АСТАНА, 4 сентября. /ТАСС/.   ASTANA, Nov. 30 (Xinhua) --
        # Ashgabat 3 April 2020 (nCa) –   ALMATY, April 1 \n\n (THE GLOBE)   ASTANA (Kazakhstan), Dec. 5 (Trend)
        (rf"{_PLACE}{_COUNTRY}{_LOOSE_DATE}{_STOP}?{_GLUED_DASH}{_BRACKETED}(?:{_DASH})?", _BRACKETS),
        # WASHINGTON (January 24, 2017) —   ASTANA (Dec. 5) –  (the date in the brackets)
        (rf"{_PLACE}{_COUNTRY}\s*\(\s*{_WEEKDAY}{_DAY_MONTH}\.?\s*\){_DASH}", _ANY),
        # ALMATY /Kazinform/ –   ALMATY, Kazakhstan (AP) —   ALMATY, Kazakhstan--(BUSINESS WIRE)--
        # Hong Kong (CNN Business) A muddled view  (with no dash, a name in the brackets and the body's capital
        # after them, or nothing: ALMATY \n\n (THE GLOBE); else any capitalised words before brackets would do,
        # "EJ Swift (Arcadia)", "Kazakhstan (AP) is")
        (rf"{_PLACE}{_COUNTRY}{_STOP}?{_GLUED_DASH}{_BRACKETED}(?:{_DASH}|\s+-(?=[{_UP}])|(?P<bare>)(?=\s+[{_UP}]|\s*$))",
         _BRACKETS),  # … (Reuters) -Kazakhstan voted: the dash glued to the body's first word
        # BAKU, Azerbaijan, May 5. By Elchin Mehdiyev – Trend:  (a reporter's byline before the agency)
        (rf"{_PLACE}{_COUNTRY}{_DATE}{_STOP}?\s*By{_NAMES}{_DASH}\s*{_SIGNED_NAME}:?", _ANY),
        # АСТАНА, 1 ноя – Sputnik.   АСТАНА, 5 янв - РИА Новости
        (rf"{_PLACE}{_COUNTRY}{_DATE}{_DASH}\s*{_SIGNED}", _ANY),
        # АСТАНА, 16-сәуір –   Astana, 16 April 2024 –
        (rf"{_PLACE}{_COUNTRY}{_DATE}{_DASH}", _ANY),
        # MOSCOW, Jan 27 :   ASTANA, 5 June:  (a colon in the dash's place)
        (rf"{_PLACE}{_COUNTRY}{_DATE}\s*:(?=\s|$)", _ANY),
        # Алматы. 16 апреля. Центр информации -   ALMATY. April 10. KAZINFORM /Dauren Zhailin/
        # Astana. 16 sáýir. QazAqparat –   استانا. 4 - قازان. قازاقپارات -   Astana. July 4. KazTAG
        # Astana. July 4. KazTAG. President ...  (a full stop before the body's capital closes a name)
        (rf"{_PLACE}{_COUNTRY}{_DATE}(?:\s*{_STOP}\s*|\s+){_FREE_AGENCY}"
         rf"(?:{_CLOSE}|\.?{_END}|\.(?P<named>)(?=\s+[{_UP}]))", _FREE),
        # ASTANA. November 29. KAZINFORM President ...  (the body right after the agency: it must be a name)
        (rf"{_PLACE}{_COUNTRY}{_DATE}\s*{_STOP}?\s+(?P<agency>{_CAPS_WORD}(?: {_CAPS_WORD}){{0,2}}|{_SIGNED_WORD})"
         rf"(?=\s+[{_UP}][^\s{_UP}])", _NAMED),
        # ПЕТРОПАВЛОВСК. КАЗИНФОРМ –   Астана. КазТАГ –   استانا. قازاقپارات -   استانا. قازاقپارات
        (rf"{_PLACE}{_COUNTRY}[.۔]\s+{_FREE_AGENCY}(?:{_CLOSE}|\.?{_END})", _UNDATED),
        # TURKESTAN. KAZINFORM   НҰР-СҰЛТАН. ҚазАқпарат Мемлекет басшысы  (no dash: the agency must be a name)
        (rf"{_CAPS_PLACE}\.\s+(?P<agency>{_CAPS_WORD}(?: {_CAPS_WORD}){{0,2}}|[{_UP}][\w’'-]*)\.?(?=\s|$)", _NAMED),
        # АЛМАТЫ – КазТАГ.
        (rf"{_CAPS_PLACE}{_DASH}\s*{_SIGNED}", _NAMED),
        # ASTANA –   NUR-SULTAN –  LIANYUNGANG:  (four letters at least: ВВП – , США – open ordinary sentences)
        (rf"(?=(?:[{_UP}][’' -]?){{4}}){_CAPS_PLACE}{_COUNTRY}{_DASH}", _CAPS),
        # LIANYUNGANG: The first batch  (a colon, the body's capital after it; not a label: NOTE:, UPDATE:)
        (rf"(?!{_CAPS_LABELS}\b)(?=(?:[{_UP}][’' -]?){{4}}){_CAPS_PLACE}{_COUNTRY}:(?=\s+[{_UP}]|[ \t]*(?:\n|$))", _CAPS),
        # Нұр-Сұлтан, BAQ.KZ.  (a place and the agency's web address, no date)
        (rf"{_PLACE}{_COUNTRY},\s+(?P<agency>{_DOMAIN})\.?(?=\s|$)", _NAMED),
        # ASTANA, Kazakhstan, January 17. Large-scale …  (a dated dateline without an agency, closed by its full stop
        # before the body's capital)
        (rf"{_PLACE}{_COUNTRY}{_DATE}(?<=\.)(?=\s+[{_UP}])", _ANY),
        # 16 сентября, Минск /Корр. БЕЛТА/.   16 сентября, Минск (БЕЛТА) –  (the date first, then the place and agency)
        (rf"{_DAY_MONTH}{_STOP}\s*{_PLACE}{_GLUED_DASH}{_BRACKETED}(?:{_DASH})?", _BRACKETS),
        # 16 сентября, Минск – БЕЛТА.
        (rf"{_DAY_MONTH}{_STOP}\s*{_PLACE}{_DASH}\s*{_SIGNED}", _ANY),
        # December 4 2017, Astana –  (the date first, then the place)
        (rf"{_DAY_MONTH}{_STOP}\s*{_PLACE}{_DASH}", _ANY),
        # Astana, Kazakhstan: More than …  (a place and its country, a colon, the body's capital; a country by name,
        # as two names before a colon are a speaker's label: "Nazarbayev, Tokayev:")
        (rf"{_PLACE},\s+{_COUNTRY_NAME}:(?=\s+[{_UP}]|[ \t]*(?:\n|$))", _ANY),
        # АСТАНА, 4 сентября.   Tashkent, April 2  (a paragraph of its own: the agency, if any, opens the next one)
        (rf"{_PLACE}{_COUNTRY}{_DATE}{_END}", _ANY),
        # ALMATY Jan 18 The weighted ...  ALMATY, Nov 5 Kazakhstan's tenge  (a place in capitals and its date with no
        # stop after them, as wires' text feeds print them: a dash, the line's end or the body's capital after it)
        (rf"(?=(?:[{_UP}][’' -]?){{4}}){_CAPS_PLACE},?\s+{_DAY_MONTH}\.?(?:{_DASH}|{_END}|(?=\s+[{_UP}]))", _CAPS),
        # (Astana, April 3 irna-itar-tass-acsna)  (the whole dateline in brackets, the agency last)
        (rf"\(\s*{_PLACE}{_COUNTRY}{_DATE}\s+(?P<agency>[^()\n,،]{{1,60}}?)\s*\)(?:{_DASH})?", _BRACKETS),
        # ///nCa, 3 February 2023  (an agency's signature: slashes, its name, the date; a line of its own)
        (rf"(?P<place>)/{{2,3}}\s*(?P<agency>\w[\w-]*(?:\.[\w-]+)*){_STOP}?\s+{_DAY_MONTH}\.?{_END}", _NAMED),
        # January 5, Fineko/   16 апреля, КазТАГ/  (a date, then the agency closed by a slash: no place)
        (rf"(?P<place>){_DAY_MONTH}\.?{_STOP}?\s*(?P<agency>{_SIGNED_WORD}(?: {_SIGNED_WORD})?)/(?=\s)", _BRACKETS),
        # March 20 (THE GLOBE)   16 апреля /КазТАГ/ –  (a date and agency with no place)
        (rf"(?P<place>){_DAY_MONTH}\.?\s*{_BRACKETED}(?:{_DASH})?", _BRACKETS),
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
    (КАЗИНФОРМ, КазТАГ, QazAqparat) or a domain (NUR.KZ, 24.kg; not "почта: foto1@inform.kz")."""
    return any(ch.isupper() for word in agency.split() for ch in word[1:]) or _DOMAIN_NAME.fullmatch(agency) is not None


def _caseless(text: str) -> bool:
    """Whether ``text`` has no letter case (tote), so capitals cannot tell a name."""
    return not any(ch.isupper() or ch.islower() for ch in text)


def _is_undated_agency(agency: str, place: str, alone: bool) -> bool:
    """Whether ``agency``, after an undated ``place``, reads as an agency, not the body's first words.

    Before a dash: a name (ПЕТРОПАВЛОВСК. КАЗИНФОРМ –, Астана. КазТАГ –), up to three capitalised words
    (Astana. Kazinform –), or in tote, which has no letter case, one or two words.  ``alone`` (no dash, the
    line ends): only a name of two words at most, or in tote one word after a one-word place (استانا.
    قازاقپارات), since short lines of page chrome (Главная. Новости) are shaped alike.
    """
    words = agency.split()
    if alone and len(words) > 2:
        return False
    if _is_name(agency):
        return True
    if _caseless(place + agency):
        return len(words) == 1 and len(place.split()) == 1 if alone else len(words) <= 2
    return not alone and len(words) <= 3 and all(word[0].isupper() for word in words)


def _is_free_agency(agency: str, alone: bool) -> bool:
    """Whether ``agency``, after a dated place, reads as an agency: it opens with a capital, digit or quote
    (Центр информации, 24.kg, «Азаттық»), not a lowercase word ("Алматы, 16 апреля в городе прошла встреча –")
    nor a number (a year: Wednesday, 23 January 2013); ``alone`` (no dash, the line ends), three words at most
    (Astana. July 4. KazTAG)."""
    if alone and len(agency.split()) > 3 or not any(ch.isalpha() for ch in agency):
        return False
    return not agency[0].islower() or _is_name(agency)


def _is_bracketed_agency(agency: str, place: str) -> bool:
    """Whether ``agency`` in brackets after ``place`` reads as one: a name (AP, nCa), capitalised (Xinhua, THE GLOBE,
    Центр информации), or a single token, as lists of agencies are printed (irna-itar-tass-acsna, dpa); not the
    words of a sentence ("ВВП (валовой продукт) –") nor the initials of the words before it ("Республика
    Казахстан (РК) –", "Certified Financial Planner (CFP)")."""
    initials = "".join(word[0] for word in place.replace("-", " ").split()).casefold()
    if len(initials) > 1 and agency.replace(" ", "").casefold() == initials:
        return False
    return " " not in agency or not agency[0].islower() or _is_name(agency)


def _fits(places: str, g: dict[str, str | None], agency: str | None) -> bool:
    """Whether the matched place and agency (groups ``g``) suit a form that takes ``places``."""
    place, alone = g["place"] or "", g.get("end") is not None
    if places == _CAPS:
        return place.isupper()
    if places == _NAMED:
        return agency is not None and _is_name(agency)
    if agency is None:
        return places not in (_UNDATED, _FREE, _BRACKETS)
    if places == _UNDATED:
        return _is_undated_agency(agency, place, alone)
    if places == _FREE:
        return _is_free_agency(agency, alone) and (g.get("named") is None or _is_name(agency))
    if places == _BRACKETS:
        bare = g.get("bare") is not None  # no dash after the brackets: only a name will do
        return _is_bracketed_agency(agency, place) and (not bare or _is_name(agency) and agency[0].isupper())
    return True


_NAME_IN_BRACKETS = _RE.compile(r"(?<=\S)\s*\([^()\n]{2,60}\)$")


def _agency(printed: str) -> str | None:
    """The agency's name as printed, without its quotes (and what precedes them: ИА «Казинформ»), and without the
    correspondent named beside it
    (/KAZINFORM correspondent Dauren Zhailin/, /Корр. ИТАР-ТАСС Иван Иванов/, /ҚазАқпарат тілшісі/)."""
    agency = printed.rstrip(".").strip()
    if agency.endswith("»") and "«" in agency:  # ИА «Казинформ»: the quoted name
        agency = agency[agency.index("«"):]
    agency = _NAME_IN_BRACKETS.sub("", agency).strip(_QUOTES)  # ҚазАқпарат (Руслан Игілік): its correspondent
    if m := _CORRESPONDENT.search(agency):
        before, after = agency[:m.start()].strip(), agency[m.end():].split()
        agency = before or (after[0] if after else "")
    return agency or None


def _is_calendar_word(place: str, month: int | None) -> bool:
    """Whether ``place`` is a weekday's or month's name: a date line (Wednesday, 23 January 2013), not a dateline; a
    month's name before the date of another month is a place's (Kazan, June 23: Қазан is October in Kazakh)."""
    named = month_number(place)
    return weekday_number(place) is not None or named is not None and (month is None or named == month)


def _may_open_with_dateline(text: str) -> bool:
    """False when ``text`` cannot start with a dateline: every form ends its place (or date) with a stop, dash or
    bracket early, and has a dash, a slash or a bracket near the start, or opens with a word in capitals
    (TURKESTAN. KAZINFORM), or is a short line of its own (Tashkent, April 2), or has a day near the start
    (Astana. July 4. KazTAG. President ...)."""
    if _PLACE_END.search(text, 0, _PLACE_REACH) is None:
        return False
    head = text[:_REACH]
    if any(mark in head for mark in "–—-/([") or head[:2].isupper():
        return True
    line = head.partition("\n")[0]
    if len(line) <= _SHORT_LINE and any(stop in line for stop in ".,،۔"):
        return True
    return _DIGIT.search(text, 0, _PLACE_REACH) is not None


def _month(g: dict[str, str | None]) -> int | None:
    """The month the groups ``g`` name, 0 when they name one that is no month, None when they name none."""
    if word := g.get("mw") or g.get("mw2"):
        return month_number(word) or 0
    number = int(digits) if (digits := g.get("m3")) else None
    return number if number is None or 1 <= number <= 12 else 0


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
        month = _month(g)
        if g["place"] and _is_calendar_word(g["place"], month):
            continue
        agency = _agency(g.get("agency") or g.get("agency2") or g.get("agency3") or "")
        if not _fits(places, g, agency) or month == 0 or (g.get("wd") and weekday_number(g["wd"]) is None):
            continue
        day = g.get("d") or g.get("d2") or g.get("d3")
        return Dateline(m.group(0).strip(), g["place"] or None, int(day) if day else None, month, agency)
    return None
