"""Currency tickers: quotes like ``USD 425.05`` shown in a page's widgets.

Found by DOM pattern, not per-site code: a small element whose visible text is a currency followed by
a number.  A currency is named by its code in capitals (``USD 425.05``, ``USD/KZT 0.0``, ``1 ЕУРО EUR /
KZT 473.33``; a lower-case code only in a pair, ``usd/kzt``, since ``try`` and ``gel`` are words), by its
sign (``$ 425.05``, ``€ 1 = 428.35 KZT``) or by its name in Russian, English or Kazakh in any of its
alphabets (``Доллар США``, ``АҚШ доллары``, ``AQSh dollary``, ``AQŞ dollary``, ``reseı rýbli``,
``اقش دوللارى``), in any letter case; the tenge may be written after the value (``KZT``, ``тг``,
``тенге``, ``теңге``, ``teńge``, ``₸``).  Only text nodes are read, so values left in HTML comments or
scripts are never taken; zero or missing numbers are placeholders a script fills later, not quotes, and
a cell longer than ``MAX_TEXT`` (``MAX_STATEMENT`` for a sentence stating a rate) or going on in words after the
number is prose.

A currency's name or sign with a bare number is a weaker sign than a code: a whole number after a name
is a year or a count (``Евро 2024``), and a sign with a number alone is a price (``$45.99``).  So a name
needs a fraction, a tenge, a code or ``=`` beside it, and a bare sign counts only in a widget that quotes
a second currency.  A short sentence stating a rate is a quote too, read from its value out in any word order
(``курс рубля составил 8,5 тенге``, ``147,46 тенге за $1``, ``283.98 tenges to $1``, ``евро покупали по 524,38``,
``долларға шаққандағы бағамы 310,52 теңгеге тең``); a change, a sum, a range or a price of something else is
not (``доллар подорожал на 5 тенге``, ``5 долларов``, ``497-498 тенге``, ``250 тенге за литр``).

Widgets are found from the texts that may start one: a code in capitals, or, on a page whose text
hints at a widget of names (the dollar's name before a number, the tenge after a number with decimals,
a sign of the currency block beside a number), a short text holding that hint.  Those are sought
cheaply over the whole page; each widget found is then read whole, every currency named in any way.

The direction of a quote is what its text prints (a signed change, an arrow) or else what its markup
shows: class names, ``data-*``, ``title``/``alt`` and picture paths on the quote's cell and its item (the
elements around it that hold no other quote), cut into words (``fa-caret-up``, ``currency_down``,
``tickerDirGreen``) and judged as words, so ``dropdown`` or ``signup`` say nothing.  The printed sign
wins over the markup: a widget may keep a stale class, its number is what it says.

A quote keeps the day its rates are for when the widget states one: a date in the
widget's own label (its text outside the quote cells) right after words naming rates
(``Курс валют на 28.11.2026``, ``Нацбанк РК, 21 марта``, ``курсы НБ РК на сегодня``),
so a nearby article's date is never taken.  A year is inferred from the fetch
time, and no day after the fetch day plus one (official rates are set the day before) is kept.
"""

from __future__ import annotations

import re
import unicodedata
import weakref
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import timedelta
from functools import lru_cache
from typing import NamedTuple
from urllib.parse import urlsplit

from lxml import etree

from ..items import TickerQuote
from .compiled import Patterns
from .dates import parse_date
from .html import SKIP_TAGS, css, squash, text_pieces
from .kazakh import spellings
from .relative import local, read_printed
from .wordtrie import trie_regex

_RE = Patterns(__name__)  # the module's patterns, compiled once per Python (compiled.py)

# --- the currencies: one table, every language and alphabet ----------------------------------------


@dataclass(frozen=True)
class Currency:
    """A currency as tickers name it.  Each word of a name is a stem that takes up to six letters of
    ending, Russian and Kazakh cases (``доллар`` reads ``долларов``, ``долларының``; ``рубл`` reads
    ``рубль``, ``рублі``); a word ending in a dot is an abbreviation, read as written.  The tenge's names
    take no ending: ``5 теңгеге`` (by 5 tenge) is a change, not a rate."""

    code: str
    signs: tuple[str, ...] = ()
    names: tuple[str, ...] = ()  # Russian and English, as written
    kazakh: tuple[str, ...] = ()  # Kazakh Cyrillic, read also in the Latin alphabets (2017, 2018, 2021) and tote
    country: str = ""  # the internet country code of the one country whose money it is


CURRENCIES = (
    Currency("USD", ("US$", "$"),
             ("доллар сша", "долл. сша", "американск доллар", "доллар", "долл.", "американск валют", "валют сша",
              "us dollar", "u.s. dollar", "american dollar", "dollar", "greenback", "buck", "us currency",
              "u.s. currency", "american currency"),
             ("ақш доллар", "ақш долл.", "америка доллар", "доллар", "долл.", "ақш ақша", "ақш валюта",
              "америка валюта"), "us"),  # the US money, the American currency
    Currency("EUR", ("€",), ("евро", "euro"), ("еуро", "евро")),
    Currency("RUB", ("₽",), ("российск рубл", "рубл", "руб.", "рр", "russian ruble", "russian rouble", "ruble", "rouble",
                            "российск валют", "russian currency"),
             ("ресей рубл", "рубл", "ресей валюта"), "ru"),  # the Russian currency
    Currency("CNY", ("¥",),  # ¥ is the yen's too; beside the tenge it is the yuan
             ("китайск юан", "юан", "жэньминьби", "chinese yuan", "yuan", "renminbi", "rmb"),
             ("қытай юан", "юан"), "cn"),
    Currency("GBP", ("£",), ("британск фунт", "фунт стерлинг", "фунт", "british pound", "pound sterling", "pound"),
             ("ағылшын фунт", "британ фунт", "фунт стерлинг", "фунт"), "uk"),
    Currency("JPY", (), ("японск иен", "японск йен", "иен", "йен", "japanese yen", "yen"), ("жапон иена", "иена"), "jp"),
    Currency("CHF", (), ("швейцарск франк", "swiss franc"), ("швейцария франк", "швейцар франк"), "ch"),
    Currency("KGS", (), ("кыргызск сом", "киргизск сом", "kyrgyz som"), ("қырғыз сом",), "kg"),
    Currency("UZS", (), ("узбекск сум", "uzbek sum", "uzbek som", "uzbek soum"), ("өзбек сом", "өзбек сум"), "uz"),
    Currency("TRY", (), ("турецк лир", "turkish lira"), ("түрік лира",), "tr"),
    Currency("AED", (), ("дирхам оаэ", "uae dirham"), ("баә дирхам",), "ae"),
    Currency("BYN", (), ("белорусск рубл", "belarusian ruble"), ("беларусь рубл", "белорус рубл"), "by"),
    Currency("GEL", (), ("грузинск лари", "georgian lari"), ("грузин лари",), "ge"),
    Currency("AZN", (), ("азербайджанск манат", "azerbaijani manat"), ("әзірбайжан манат",), "az"),
    Currency("UAH", ("₴",), ("украинск гривн", "гривн", "ukrainian hryvnia", "hryvnia"), ("украина гривна",), "ua"),
    Currency("AMD", ("֏",), ("армянск драм", "armenian dram"), ("армян драмы",), "am"),
    # the rest of the National Bank's table of official rates
    Currency("KWD", (), ("кувейтск динар", "kuwaiti dinar"), ("кувейт динар",), "kw"),
    Currency("CAD", (), ("канадск доллар", "canadian dollar"), ("канада доллар",), "ca"),
    Currency("AUD", (), ("австралийск доллар", "australian dollar"), ("австралия доллар",), "au"),
    Currency("SGD", (), ("сингапурск доллар", "singapore dollar"), ("сингапур доллар",), "sg"),
    Currency("HKD", (), ("гонконгск доллар", "hong kong dollar"), ("гонконг доллар",), "hk"),
    Currency("SEK", (), ("шведск крон", "swedish krona"), ("швед крона",), "se"),
    Currency("NOK", (), ("норвежск крон", "norwegian krone"), ("норвегия крона",), "no"),
    Currency("DKK", (), ("датск крон", "danish krone"), ("дания крона",), "dk"),
    Currency("CZK", (), ("чешск крон", "czech koruna"), ("чех крона",), "cz"),
    Currency("PLN", (), ("польск злот", "polish zloty"), ("поляк злоты",), "pl"),
    Currency("HUF", (), ("венгерск форинт", "hungarian forint"), ("венгр форинт",), "hu"),
    Currency("KRW", (), ("южнокорейск вон", "корейск вон", "south korean won", "korean won"), ("оңтүстік корея вон",),
             "kr"),
    Currency("INR", (), ("индийск рупи", "indian rupee"), ("үнді рупия",), "in"),
    Currency("SAR", (), ("саудовск риял", "саудовск риал", "saudi riyal"), ("сауд риял", "сауд риал"), "sa"),
    Currency("QAR", (), ("катарск риал", "катарск риял", "qatari riyal"), ("катар риал",), "qa"),
    Currency("IRR", (), ("иранск риал", "iranian rial"), ("иран риал",), "ir"),
    Currency("MYR", (), ("малайзийск ринггит", "malaysian ringgit"), ("малайзия ринггит",), "my"),
    Currency("THB", (), ("тайск бат", "thai baht"), ("тай бат",), "th"),
    Currency("BRL", (), ("бразильск реал", "brazilian real"), ("бразилия реал",), "br"),
    Currency("ZAR", (), ("южноафриканск рэнд", "south african rand"), ("оңтүстік африка рэнд",), "za"),
    Currency("MXN", (), ("мексиканск песо", "mexican peso"), ("мексика песо",), "mx"),
    Currency("TJS", (), ("таджикск сомони", "tajik somoni"), ("тәжік сомони",), "tj"),
    Currency("MDL", (), ("молдавск ле", "moldovan leu"), ("молдова лей",), "md"),
    # last: the tenge, what the rest is quoted in on a Kazakh page or one of no country
    # the tenge in Kazakh: as a rate is stated in it (nominative, accusative "бағамы 491,29 теңгені құрады",
    # genitive, locative, instrumental); never dative or ablative, which say by how much or from what it moved
    Currency("KZT", ("₸",), ("казахстанск тенге", "казахск тенге", "тенге", "тг.", "тг", "kazakhstani tenge", "tenge",
              "tenges"),
             ("теңге", "теңгені", "теңгенің", "теңгеде", "теңгемен"), "kz"),
)
CODES = tuple(c.code for c in CURRENCIES)
_WORD_CODES = ("TRY", "GEL")  # codes that are also English words: in capitals only

# What reading a text folds away, the same for a page's text and for the names: accents (ý, ǵ, ş read as
# y, g, s), apostrophes (the 2017 alphabet's, typographic ones), dotless ı, tote's hamza and the Persian
# forms of its letters; tote's comma is a comma, a decimal one too ("470،50 تەڭگە").  Letter case is kept: codes count in capitals.
_FOLD = str.maketrans({"'": None, "’": None, "‘": None, "ʼ": None, "`": None, "´": None, "ı": "i",
                       "ء": None, "ٴ": None, "ک": "ك", "ی": "ى", "ي": "ى",
                       "،": ","})
_ACCENTS = _RE.compile("[\u0300-\u036f]")
# In a name: where a word's ending goes, where a word that takes none ends, and the space between words.
_END, _STOP, _GAP = "\x00", "\x01", " "
_PIECES = {_END: r"[^\W\d_]{0,6}(?![^\W\d_])", _STOP: r"(?![^\W\d_])", _GAP: r"\s*"}


def _plain(text: str) -> str:
    """``text`` without what reading it folds away (see ``_FOLD``)."""
    if not text.isascii():
        text = _ACCENTS.sub("", unicodedata.normalize("NFD", text)).translate(_FOLD)
    return text


def _spellings(currency: Currency, ending: str = _END) -> set[str]:
    """Every spelling of the currency's names, folded, each word marked where its ending goes (the last
    word's is ``ending``): Russian and English as written, Kazakh in Cyrillic, every Latin alphabet and tote."""
    names = set(currency.names) | {s for name in currency.kazakh for s in spellings(name)}
    return {_ended(name, ending) for name in names}


def _ended(name: str, ending: str) -> str:
    """A name folded, its words marked with their endings (the last with ``ending``; an abbreviation none)."""
    *inner, last = _plain(name).split()
    return " ".join([_word(w, _END) for w in inner] + [_word(last, ending)])


def _word(word: str, ending: str) -> str:
    return word if word.endswith(".") else word + ending


def _trie(words: set[str]) -> str:
    """One regex for ``words`` (``wordtrie``), each character as ``_PIECES`` writes it."""
    return trie_regex(words, lambda ch: _PIECES.get(ch, re.escape(ch)))


_QUOTED = [c for c in CURRENCIES if c.code != "KZT"]  # the currencies quoted in tenge
_HOMES = {c.country: c.code for c in CURRENCIES if c.country}
_NAMES = {c.code: _RE.compile(_trie(_spellings(c)), re.I) for c in _QUOTED}
_SIGNS = {sign: c.code for c in _QUOTED for sign in c.signs}
_NAME = _trie({s for c in _QUOTED for s in _spellings(c)})
_TENGE = _trie(_spellings(CURRENCIES[-1], _STOP) | {"kzt" + _STOP, "₸"})
_CAPITALS = "(?-i:" + "|".join(CODES) + ")"
_ANY_CASE = "(?:" + "|".join(c for c in CODES if c not in _WORD_CODES) + ")"
_SIGN = "(?:" + "|".join(re.escape(s) for s in sorted(_SIGNS, key=len, reverse=True)) + ")"
# The tiyn, a hundredth of a tenge ("150 теңге 46 тиын"), in every alphabet.
_TIYN = _trie({_word(s, _END) for s in spellings("тиын")} | {"тиин" + _END})
# A value, whole (not the end of another number); a comma followed by a space is still a decimal comma
# before the tenge ("481, 29 теңге").
_VALUE = rf"(?<!\d)(?<!\d[.,])(?P<value>\d{{1,7}}(?:[.,]\d{{1,5}}|,\s\d{{2}}(?=\s*{_TENGE}))?)(?![.,]?\d)"
_IN_TENGE = rf"(?P<tenge>{_TENGE})(?:\s+(?P<tiyn>\d{{1,2}})\s*{_TIYN})?"  # after a value: "150 теңге 46 тиын"
# A currency: a name (with its code after it), a code (with its name after it: a table's row), an exchange's
# instrument (USDKZT, USD_KZT, USDKZT_TOD: the pair glued, a settlement after it), or a sign.
_CURRENCY = (rf"(?:(?P<name>{_NAME})(?:\s*\(?(?P<named>{_CAPITALS})\)?)?"
             rf"|(?P<code>{_CAPITALS}(?!\w)|{_ANY_CASE}(?=\s*/))(?:\s+(?:{_NAME}|{_TENGE}))?"
             rf"|\(?(?P<traded>{_CAPITALS})_?(?P<against>{_CAPITALS})(?:_[A-Z]{{3}})?\)?(?![^\W_])"
             rf"|(?P<sign>{_SIGN}))")
# A ticker's cell: units and their words ("1 ЕУРО EUR", "100 узбекских сумов"), the currency, a pair,
# "1" before "=", a separator, the value, the tenge.
_QUOTE = _RE.compile(
    rf"^(?:(?P<units>\d{{1,4}})\s+(?:[^\W\d_]+\s+){{0,2}}?)?{_CURRENCY}"
    rf"(?:\s*/\s*(?:(?P<pair>{_ANY_CASE}|{_CAPITALS})(?!\w)|(?P<over>{_TENGE})))?"
    rf"(?:\s*1(?=\s*=))?"
    rf"\s*(?P<sep>[:=—–|]|-(?=\s))?\s*{_VALUE}"
    rf"(?:\s*{_IN_TENGE})?",
    re.I,
)
_BULLET = _RE.compile(r"^[-–—•*·]\s+")  # a list item's marker ("- еуро – 613,75 теңге")
_TENGE_SOMEWHERE = _RE.compile(_TENGE, re.I)  # what a statement needs: read first, it rules out most texts
# A price a unit of currency is sold or bought at, in Kazakh: "доллар 375 теңгеден сатылуда" (the dollar is sold at
# 375 tenge): the tenge in the ablative before a verb of selling or buying, in every alphabet.
_AT_PRICE = _trie({_word(s, _STOP) for s in spellings("теңгеден")})
_TRADED = _trie({_word(s, _END) for verb in ("сатыл", "сатып ал", "алын") for s in spellings(verb)})
_SOLD = _RE.compile(
    rf"^(?:[^\W\d_]+\s+){{0,3}}?(?:\d{{1,4}}\s+)?{_CURRENCY}\s+{_VALUE}\s*(?P<tenge>{_AT_PRICE})\s+{_TRADED}", re.I)
# --- a rate stated in a sentence ----------------------------------------------------------------------------
# Read from the value out, in any word order and language: the value, the tenge printed before it ("KZT53.4000",
# "₸ 470") or after it ("470,50 тенге", "283.98 tenges", "бағамы 491,29 теңгені", "150 теңге 46 тиын"), the unit
# it is for after it ("за доллар", "per one US dollar", "to the USD dollar", "/$1", "/ USD 1"), else the currency
# the sentence named before it ("курс доллара составил", "for the US dollar closed at", "1 долларға", "$1 for",
# "евро покупали по").  What is said around the value tells a level from a change, a sum, a range or an old
# level: "на 5 тенге", "by 2.50 tenge", "a 2.33 tenge hike", "5,20 теңгеге қымбаттады" are changes; "5 млрд",
# "0,5%" are no rates; "497-498", "1 234,56" are a range and a part of a larger number; "с 470", "from 470",
# "470 теңгеден" are what a rate moved from.  "до 480", "to 481.20", the Kazakh "480 теңгеге дейін", "теңгеге тең"
# are what it moved to, a level.
# A whole number stated with the tenge is a rate only for a unit it names or beside a word of rates or trade
# ("150 тенге за доллар", "One US dollar equals 300 KZT"); one without the tenge never is ("5 per dollar").  A value
# with decimals and no tenge is a rate in the page's currency when it names its unit or follows a word of rates
# or trade after its currency ("374.31 per dollar", "евро покупали по 524,38").  A rate naming only the word
# "rate" and the tenge is the dollar's, the one rate Kazakh news states without naming it ("Официальный курс
# Национального банка на 13 января установлен на уровне 509,84 тенге").
_ONE = r"(?:(?:1|one|a|the|один|одного|одну|бір)\s+|1)?"  # one unit, in figures or words ("за 1 доллар", "per one")
_VALUES = _RE.compile(_VALUE, re.I)
_MENTION = _RE.compile(  # a currency named in a sentence, with the currency it is quoted in ("USD/KZT")
    rf"(?<![^\W\d_]){_CURRENCY}(?:\s*/\s*(?:(?P<pair>{_ANY_CASE}|{_CAPITALS})(?!\w)|(?P<over>{_TENGE})))?", re.I)
_UNIT_AFTER = _RE.compile(  # the unit a value is for, right after it (and after its tenge)
    rf"\s*(?:(?:за|for|per|to|against)\s+|/\s*)(?:the\s+)?{_ONE}{_CURRENCY}(?:\s*1)?(?!\d)", re.I)
_FOR_ANOTHER = _RE.compile(r"\s*(?:за|for|per)\s+[^\W\d_]", re.I)  # "за литр", "per barrel": a price of something
_TENGE_BEFORE = _RE.compile(r"(?<![^\W\d_])(?P<tenge>kzt|₸)\s*$", re.I)
_TENGE_AFTER = _RE.compile(rf"\s*{_IN_TENGE}", re.I)
_NUMBER_AFTER_MENTION = _RE.compile(r"\s*(?:[:=—–-]\s*)?(\d[\d.,]*)")
_NUMBER_BEFORE_MENTION = _RE.compile(  # "5 долларов", "2,8 тысячи долларов": a sum in the currency
    r"(?<![\d.,])(\d[\d.,]*)\s+(?:(?:тыс|млн|млрд|thousand|million|billion|мың)[^\W\d_]*\.?\s+)?$", re.I)
_UNITS = frozenset({"1", "10", "100", "1000"})  # how many of a currency a rate is for ("100 узбекских сумов")


def _kazakh(*words: str, ending: str = _END) -> str:
    """A regex of Kazakh ``words`` in every alphabet, each taking ``ending``."""
    return _trie({_ended(s, ending) for word in words for s in spellings(word)})


# The Kazakh tenge in the dative: a change before a verb of moving ("5,20 теңгеге қымбаттады"), else what the rate
# came to ("бағамы 310,52 теңгеге тең болды", "505,10 теңгеге дейін арзандады").
_DATIVE = _kazakh("теңгеге", ending=_STOP)
_KAZAKH_MOVED = _kazakh("өс", "өст", "қымбатта", "арзанда", "төменде", "түс", "көтеріл", "ұлғай", "азай", "нығай",
                        "әлсіре", "құлда", "арт", "кемі", "жоғарыла")
_LEVEL_IN_DATIVE = _RE.compile(
    rf"\s*(?P<tenge>{_DATIVE})(?!\s+{_KAZAKH_MOVED})(?:\s+(?:{_kazakh('дейін', 'тең', 'жет')})(?:\s+[^\W\d_]+)?)?",
    re.I)
_CHANGE_IN_BRACKETS = _RE.compile(r"\s*\([+−-]\s?\d[\d.,]*[^()\n]{0,12}\)")  # (-1,75 теңге) after a value
# From one level to another, in Kazakh: "320 теңгеден 361 теңгеге өсті" (rose from 320 to 361 tenge): after a level
# left in the ablative, the dative is the level reached, whatever verb follows.
_FROM_IN_ABLATIVE = _RE.compile(rf"(?P<left>\d[\d.,]*)\s*{_kazakh('теңгеден', ending=_STOP)}\s*$", re.I)
_TO_IN_DATIVE = _RE.compile(rf"\s*(?P<tenge>{_DATIVE})", re.I)
_CHANGED_BY = _RE.compile(  # words right before a value that make it a change, a range's start or an old level
    r"(?:(?<![^\W\d_])(?:на|by|up|down|plus|minus|плюс|минус|с|от|from|between|than)\s+"
    r"|[+−±]\s?|(?<!\s)-|(?:(?<![$€₽£¥₸])\d|(?<=[$€₽£¥₸])[02-9])\s?[-–—]\s?|\d[\s\u202f\u00a0])$", re.I)  # $1 – 470: no range
_SAID_AFTER = _RE.compile(  # words right after a value (and its tenge) that make it a change, a share, a sum, a range
    rf"\s*(?:%|[-–—]\s?\d|[\s\u202f\u00a0]\d{{3}}(?!\d)|(?:percent|per\s+cent|процент|пайыз|hike|higher|lower|more"
    rf"|less|gain|loss|drop|rise|increase|decrease|jump|fall|дешевле|дороже|больше|меньше|артық|кем)(?![^\W\d_])"
    rf"|{_kazakh('теңгеден', ending=_STOP)})", re.I)
# Words of rates, of trade and of a rate's moving: what makes a whole number in tenge, or a value with no tenge, a
# rate ("доллар подорожал до 480 тенге", "the tenge fell to 480 per dollar"; "на 5 тенге", "by 5" stay changes).
_RATE_WORDS = _RE.compile(
    r"(?<![^\W\d_])(?:курс|котир|rate|exchange|quot|fix|установ|нацбанк|national bank"
    r"|торг|бирж|kase|trad|clos|закры|покуп|купи|прода|стои|cost|sell|sold|buy|bought|обмен|equal|равн"
    r"|подорож|подешев|вырос|вырас|сниз|сниж|сократ|повыс|повыш|укреп|ослаб|упал|пада|опусти|подня|достиг"
    r"|rose|rise|rising|fell|fall|weaken|strength|climb|slid|slump|plung|soar|jump|gain|los|drop|reach|hit"
    rf"|{_kazakh('бағам', 'сатыл', 'сатып', 'шаққан', 'биржа', 'сауда')}|{_KAZAKH_MOVED}"
    rf"|{_kazakh('тең', ending=_STOP)})", re.I)
_RATE_ALONE = _RE.compile(
    rf"(?<![^\W\d_])(?:курс|rate|{_kazakh('бағам')})", re.I)  # the word "rate" naming no currency: the dollar's
# The same word right before the value, or with words of a level between ("стандартного курса 521 тенге", "курс
# составил 521 тенге", "the rate stood at 521 tenge", "бағамы 521 теңге"): a whole number of tenge that is the
# dollar's rate ("курс обучения стоит 500 тенге" is a course's price).
_LEVEL_WORDS = (r"(?:составил[аио]?|составляет|составлял[аи]?|равен|равнялся|был|была|находится|на|уровне|stood|was|is"
                r"|at|of|reached|closed|hit|" + _kazakh("деңгейде") + ")")
_RATE_JUST_BEFORE = _RE.compile(
    rf"(?<![^\W\d_])(?:курс|rate|{_kazakh('бағам')})[^\W\d_]*(?:\s+{_LEVEL_WORDS}){{0,3}}\s+$", re.I)
_RATE_DIGITS = 3  # the digits of a whole number that is a rate without decimals: the dollar's in tenge, 100-999


def _reached(text: str, start: int, value: str) -> bool:
    """Whether ``value`` (at ``start``) is the level a rate reached from the one printed before it in the ablative:
    near it (``320 теңгеден 361 теңгеге өсті``), not a fraction of it, which is the change (``510 теңгеден 5 теңгеге
    арзандады``: cheaper by 5)."""
    left = _FROM_IN_ABLATIVE.search(text, 0, start)
    if not left:
        return False
    try:
        old, new = (float(n.replace(",", ".")) for n in (left["left"], value))
    except ValueError:  # a number with two separators (1.234,56) is no rate's level
        return False
    return old > 0 and new > old / 2


def _statements(text: str) -> Iterator[tuple[dict[str, str | None], int]]:
    """The rates ``text`` states (see above), each as the groups of its currency and value and where it ends."""
    for value in _VALUES.finditer(text):
        start, end = value.span()
        if _CHANGED_BY.search(text, 0, start) or _SAID_AFTER.match(text, end) or _AMOUNT.match(text, end):
            continue
        before = _TENGE_BEFORE.search(text, 0, start)
        bracketed = _CHANGE_IN_BRACKETS.match(text, end)  # 318,42 (-1,75 теңге) теңгені: the change, then its tenge
        end = bracketed.end() if bracketed else end
        after = (_TENGE_AFTER.match(text, end) or _LEVEL_IN_DATIVE.match(text, end)
                 or (_TO_IN_DATIVE.match(text, end) if _reached(text, start, value["value"]) else None))
        printed = before or after
        tenge = printed["tenge"] if printed else None
        tiyn = after.groupdict().get("tiyn") if after else None
        if after:
            end = after.end()
        decimals = not value["value"].isdigit()
        unit = _UNIT_AFTER.match(text, end)
        if unit:
            groups = unit.groupdict()
            if tenge or decimals or len(value["value"]) >= _RATE_DIGITS:  # "533 per dollar"; "5 per dollar" is no rate
                yield {**groups, "value": value["value"], "tenge": tenge, "tiyn": tiyn, "per": unit[0], "pair": None,
                       "over": None, "sep": None}, unit.end()
            continue
        if _FOR_ANOTHER.match(text, end):
            continue
        mention, one = _named_before(text, start)
        if mention is None:
            if tenge and (decimals and _RATE_ALONE.search(text, 0, start) or not decimals and len(value["value"]) == _RATE_DIGITS
                          and _RATE_JUST_BEFORE.search(text, 0, start)):
                yield {**_NO_CURRENCY, "code": "USD", "value": value["value"], "tenge": tenge}, end
            continue
        # quoted in another currency named after the value: курс доллара опустился до 54,98 рубля (USD/RUB)
        other = _QUOTED_IN.match(text, end) if not tenge else None
        quoted = _base({**_NO_CURRENCY, "name": other["quoted"]}) if other else None
        if other and quoted and quoted != _base(mention.groupdict()) and (decimals or one):
            yield {**mention.groupdict(), "value": value["value"], "tenge": None, "tiyn": None, "per": None,
                   "sep": None, "pair": quoted, "over": None}, other.end()
            continue
        # sold for a sum of tenge: китайский юань за 100 тенге (one yuan)
        sold_for = _FOR_PRICE.search(text, 0, start) if tenge else None
        one = one or bool(sold_for and mention.end() == sold_for.start())
        if tenge and (decimals or one) or (decimals or tenge) and _RATE_WORDS.search(text):
            yield {**mention.groupdict(), "value": value["value"], "tenge": tenge, "tiyn": tiyn, "per": None,
                   "sep": None}, end


_QUOTED_IN = _RE.compile(rf"\s*(?P<quoted>{_NAME})", re.I)  # a currency named right after a value: what it is quoted in
_FOR_PRICE = _RE.compile(r"\s+(?:за|for)\s+$", re.I)  # a currency, then the sum it is sold for

_NO_CURRENCY: dict[str, str | None] = dict.fromkeys(
    ("name", "named", "code", "traded", "against", "sign", "pair", "over", "tiyn", "per", "sep"))


def _named_before(text: str, start: int) -> tuple[re.Match[str] | None, bool]:
    """The last currency other than the tenge named before ``start`` as what a rate is for, not as a sum ("5
    долларов", "$45", "USD 2 million"; a name before a number is its level, "Еуро 510 теңгеден"), and whether it is named as one unit ("1 доллар", "$1", "за доллар", "доллар үшін")."""
    found, one = None, False
    for mention in _MENTION.finditer(text, 0, start):
        if _base(mention.groupdict()) in (None, "KZT"):
            continue
        after = _NUMBER_AFTER_MENTION.match(text, mention.end())
        if after and after.start(1) != start and after[1] not in _UNITS and not mention["name"]:
            continue
        before = _NUMBER_BEFORE_MENTION.search(text, 0, mention.start())
        if before and before[1] not in _UNITS:
            continue
        found = mention
        one = bool(before or after and after.start(1) != start and after[1] in _UNITS or _ONE_BEFORE.search(text, 0, mention.start())
                   or _ONE_AFTER.match(text, mention.end()))
    return found, one


_ONE_BEFORE = _RE.compile(r"(?<![^\W\d_])(?:за|for|per|один|одного|одну|one|a|бір)\s+$", re.I)
_ONE_AFTER = _RE.compile(rf"\s+{_kazakh('үшін', 'шаққанда')}", re.I)


MAX_TEXT = 80  # a ticker cell is short; longer text is prose that mentions a currency
# A sentence stating a rate in tenge names its source and day ("Официальный курс доллара США, установленный
# Нацбанком на 27 сентября, составляет 476.8 тенге"): up to this long, it is a quote too.
MAX_STATEMENT = 160
# A code as a word, glued to a number (KZT53.4000) or to another code as an exchange's instrument (USDKZT_TOD)
_ANY_CODE = _RE.compile(rf"(?<![A-Za-z]){_CAPITALS}(?:_?{_CAPITALS})?(?:_[A-Z]{{3}})?(?![A-Za-z])")
_CODE_SOMEWHERE = _RE.compile(_CAPITALS)  # no \b: lets re skip ahead on the codes' first letters
_CODE_WORDS = frozenset(code.encode("ascii") for code in CODES)
_CAPITALS_ONLY = bytes(b if 65 <= b <= 90 else 32 for b in range(256))  # A-Z kept, every other byte a space
# Hints of a widget whose currencies are named, not coded, sought in the page's text only when it holds
# their script (a one-byte search): the dollar's name with a number after it (every rates widget quotes
# the dollar; "Доллар", "доллары", "AQSh dollary", tote's دوللار), a pair in small letters ("eur/kzt
# 482.21") and the tenge right after a number with
# decimals, as rates are printed ("4,84 теңге"; prices and sums are whole: "2500 тенге", "5 млрд тенге"),
# and, on a Cyrillic page (the outlets of Kazakhstan and its neighbours), a sign of the currency block beside
# a number (€ ₽ ₸; the dollar's sign alone is in every price, and a widget of signs shows another).  Each is
# a substring of the name by its small letters, so a capital first letter counts too.  Other currencies'
# names are read in the widget these open.
# hint: a byte its script's text holds ("kzt": the tenge's code in small letters, a pair "eur/kzt")
_NAME_HINTS = {"оллар": b"\xd0", "ollar": b"", "وللار": b"\xd9", "kzt": b""}
_TENGE_HINTS = {"енге": b"\xd0", "еңге": b"\xd2", "enge": b"", "eńge": b"\xc5", "eñge": b"\xc3"}
_SIGNS_READ = "$€₽₸£¥"  # every sign a walk takes a text for, when a sign is hinted at
_NUMBER_AFTER = _RE.compile(rb"\d")
# A rate's value before the name of the currency it is for: "538.9 per U.S. dollar", "455,2 тенге за доллар" (not a
# sum: "2,8 тысячи долларов").
_DECIMALS = _RE.compile("\\d[.,]\\d+\\s+(?:\\S+\\s+)?(?:per|за|for)\\s".encode())
_ROW = r"\s[-–—]\s\d{1,5}[.,]\d"  # the hint of a widget's row, as the walk seeks it in a text
_DECIMALS_BEFORE = _RE.compile(rb"\d[.,] ?\d{1,5}(?:\s|\xc2\xa0)*(?:\xd1\x82|\xd0\xa2|[tT])$")  # "4,84 т"
_NEAR = 64  # bytes after a dollar's name within which its number is printed
_SHORT = 4 * MAX_TEXT  # a text node longer than this (indentation included) is no ticker's


# The text each page's gate read, kept while the page's tree lives: ``find_tickers`` then reads it again free.
_PAGE_TEXTS: weakref.WeakKeyDictionary[etree._Element, bytes] = weakref.WeakKeyDictionary()


def _page_text(tree: etree._Element) -> bytes:
    """The text of the page's body in one piece (libxml2 joins it, scripts included)."""
    text = _PAGE_TEXTS.get(tree)
    if text is None:
        body = tree.find("body")
        text = _PAGE_TEXTS[tree] = etree.tostring(tree if body is None else body, method="text", encoding="utf-8")
    return text


def _names_a_code(text: bytes) -> bool:
    """Whether a code in capitals is among the words of ``text``: capitals kept and every other byte made a
    space (cheaper than a regex over the page source)."""
    words = set(text.translate(_CAPITALS_ONLY).split())
    return not _CODE_WORDS.isdisjoint(words) or any(  # an exchange's instrument: the pair glued (USDKZT_TOD)
        len(word) == 6 and word[:3] in _CODE_WORDS and word[3:] in _CODE_WORDS for word in words)


@lru_cache(maxsize=4)  # the gate's and the walk's reading of one page
def _hints(text: bytes) -> tuple[str, ...]:
    """The hints ``text`` holds with their number (each script's byte sought once)."""
    scripts = {script: script in text for script in _SCRIPTS}
    found: list[str] = []
    for hint, needle, script, numbered in _HINT_TESTS:
        # once each: a hint sought by several needles is not sought again once one has found it
        if hint not in found and scripts[script] and numbered(text, needle):
            found.append(hint)
    return tuple(found)


def _number_beside(text: bytes, hint: bytes) -> bool:
    """Whether ``hint`` is in ``text`` with a digit just before or after it ("€ 510,20", "510,20 ₸")."""
    return any(_NUMBER_AFTER.search(text, max(0, at - 3), at + len(hint) + 3) for at in _found(text, hint))


def _number_near(text: bytes, hint: bytes) -> bool:
    """Whether ``hint`` (a currency's name) is in ``text`` with a digit within ``_NEAR`` bytes after it, or a number
    with decimals a few words before it ("538.9 per U.S. dollar", "73,5 рубля за доллар")."""
    return any(_NUMBER_AFTER.search(text, at, at + len(hint) + _NEAR) or _DECIMALS.search(text, max(0, at - 32), at)
               for at in _found(text, hint))


def _decimals_before(text: bytes, hint: bytes) -> bool:
    """Whether ``hint`` (a tenge without its first letter) is in ``text`` right after a number with decimals."""
    return any(_DECIMALS_BEFORE.search(text, max(0, at - 16), at) for at in _found(text, hint))


def _then(after: bytes) -> Callable[[bytes, bytes], bool]:
    """The test whether a hint is in ``text`` with the regex ``after`` matching right after it: each place of the
    hint found by a substring search, ``after`` tried there only (a regex's search for the two would try its first
    part at every place that may open it)."""
    pattern = re.compile(after)
    return lambda text, hint: any(pattern.match(text, at + len(hint)) for at in _found(text, hint))


def _found(text: bytes, hint: bytes) -> Iterator[int]:
    """Where ``hint`` starts in ``text``, first to last."""
    at = text.find(hint)
    while at >= 0:
        yield at
        at = text.find(hint, at + 1)


# (hint, its UTF-8, the byte of its script, the test of its number)
_HintTest = tuple[str, bytes, bytes, Callable[[bytes, bytes], bool]]
_HINT_TESTS: list[_HintTest] = [
    (hint, hint.encode("utf-8"), script, numbered)
    for table, numbered in ((_NAME_HINTS, _number_near), (_TENGE_HINTS, _decimals_before))
    for hint, script in table.items()]
# The signs: sought on Cyrillic pages (the outlets of Kazakhstan and its neighbours), the bytes every sign of
# the currency block begins with (one search for €, ₽, ₸ and the rest).
_HINT_TESTS.append(("signs", b"\xe2\x82", b"\xd0", _number_beside))
# One dollar by its sign, on a page in any script: a rate against it ("322,47/$1", "$1 = 450 тг"); "$19.99" and
# "$15 million" are prices and sums, no hint.  A sign outside the currency block ($, ¥, £) over a rate with
# decimals, on a Cyrillic page: a widget's cell ("$\n441.44", "¥ 60.96").  Each sign is found by a substring search
# and what must follow it matched there (``_then``): ``\$1(?!\d|[.,]\d)``, ``(?:\$|¥|£)\s{0,3}\d{1,5}[.,]\d`` (¥ and £
# are C2 A5 and C2 A3: one search of their first byte).
_HINT_TESTS.append(("signs", b"$1", b"$", _then(rb"(?!\d|[.,]\d)")))
_HINT_TESTS.append(("signs", b"$", b"\xd0", _then(rb"\s{0,3}\d{1,5}[.,]\d")))
_HINT_TESTS.append(("signs", b"\xc2", b"\xd0", _then(rb"[\xa5\xa3]\s{0,3}\d{1,5}[.,]\d")))
# The rows of a widget of names on a Cyrillic page, whichever currencies it quotes ("1 еуро – 326,06", "1 РР - 4,72",
# "1 киргизский сом – 4,40"): a spaced dash, then a value with decimals; the walk then reads only short texts with one.
# The en and em dashes are E2 80 93 and E2 80 94: one search for both.
_HINT_TESTS.append((_ROW, b" - ", b"\xd0", _then(rb"\d{1,5}[.,]\d")))
_HINT_TESTS.append((_ROW, b" \xe2\x80", b"\xd0", _then(rb"[\x93\x94] \d{1,5}[.,]\d")))
_SCRIPTS = {script for _, _, script, _ in _HINT_TESTS}


def might_have_tickers(tree: etree._Element) -> bool:
    """False when the text of the page's body names no currency code as a word and holds no hint of a
    widget of names: then ``find_tickers`` finds nothing.  A superset test: a split and a few substring
    tests on the text in one piece, no regex over it."""
    text = _page_text(tree)
    return _names_a_code(text) or bool(_hints(text))


_VISIBLE = _RE.compile(r"\S")  # every text but blanks: a widget's few are all read
_MARKER = _RE.compile(rf"{_CAPITALS}|{_ANY_CASE}\s*/|{_SIGN}|{_NAME}|{_TENGE}", re.I)


def _marked(text: str) -> bool:
    """Whether a text inside a widget names a currency in any way (codes, signs, names in every alphabet), the
    tenge too: a rate may name only the tenge it is in ("курс ... установлен на уровне 509,84 тенге")."""
    return len(text) <= _SHORT and _MARKER.search(_plain(text)) is not None


def _anchored(hints: tuple[str, ...]) -> tuple[re.Pattern[str], Callable[[str], object]]:
    """The walk's tests for a page text that may start a widget: it names a code in capitals, or, short,
    holds one of the page's ``hints``.  No hint: the codes alone are sought, as cheaply as ever."""
    if not hints:
        return _CODE_SOMEWHERE, _ANY_CODE.search
    words = [hint for hint in hints if hint != "signs"]
    signs = [f"[{re.escape(_SIGNS_READ)}]"] if "signs" in hints else []
    hinted = re.compile("|".join(words + signs))
    near = re.compile(f"{_CAPITALS}|{hinted.pattern}")
    return near, lambda text: bool(_ANY_CODE.search(text) or len(text) <= _SHORT and hinted.search(text))


def _texts(root: etree._Element, near: re.Pattern[str], wanted: Callable[[str], object]) -> list[etree._Element]:
    """The element at each text ``near`` finds and ``wanted`` confirms, in document order: its own text, or
    the tail after it.  ``near`` is the cheap test every text meets (a search that skips ahead on the first
    letters of what it seeks), ``wanted`` the exact one its few hits meet.

    Script and style content and comments are not page text (a comment's tail is).  One pass of lxml's
    C iterator reading each element's text and tail (a third cheaper than a start/end walk, and several
    times cheaper than XPath's ``text()`` results); the few hits are then put in document order: an
    element's text at its place in the pass, its tail after its last descendant, deeper tails first.
    """
    search = near.search
    hits: list[tuple[tuple[int, ...], etree._Element]] = []
    for i, el in enumerate(root.iter()):
        tag = el.tag
        text = el.text if tag.__class__ is str and tag not in ("script", "style") else None
        if text and search(text) and wanted(text):
            hits.append(((i, 0), el))
        text = el.tail
        if text and el is not root and search(text) and wanted(text):
            after = i + sum(1 for _ in el.iter())  # the pass's index just past el's subtree
            hits.append(((after, -1, -sum(1 for _ in el.iterancestors())), el))
    return [el for _, el in sorted(hits, key=lambda hit: hit[0])]


def parse_quote(text: str, url: str = "") -> tuple[str, float] | None:
    """(pair, value) for a ticker's text such as ``USD 425.05``, ``EUR/KZT: 509.29``, ``Доллар США 470,50 тг``;
    None otherwise.  ``url``: the page's, whose country's currency a quote is in when it names none."""
    found = _parse(text, _home(url))
    return found[:2] if found else None


class _Quote(NamedTuple):
    pair: str
    value: float
    change: float | None  # as printed beside the value
    direction: str | None  # "up" / "down" as printed (an arrow, the change's sign)
    bare: bool  # a sign and a number only: a price, unless its widget quotes a second currency


def _base(g: dict[str, str | None]) -> str | None:
    """The code of the currency a quote's groups name: its code, else its name's, else its sign's."""
    code = g["code"] or g["named"] or g["traded"]
    if code:
        return code.upper()
    if g["sign"]:
        return _SIGNS[g["sign"].upper()]
    return next((code for code, names in _NAMES.items() if names.fullmatch(g["name"] or "")), None)


def _parse(text: str, home: str = "KZT") -> _Quote | None:
    """The quote a ticker's text states, with its change and direction when printed; in ``home`` (the
    currency of the page's country) when it names no currency it is quoted in."""
    text = _BULLET.sub("", " ".join(_plain(text).split()))
    if text.startswith("(") and text.endswith(")"):  # a quote in brackets after a sentence: "(378,79 теңге / $1)"
        text = text[1:-1].strip()
    return next(filter(None, (_read(text, groups, end, home) for groups, end in _readings(text))), None)


def _readings(text: str) -> Iterator[tuple[dict[str, str | None], int]]:
    """What ``text`` may state, first to last: an exchange office's price, a ticker's cell, a sentence's rates."""
    for pattern in (_SOLD, _QUOTE):
        m = pattern.match(text)
        if m:
            yield m.groupdict(), m.end()
    if any(ch.isdigit() for ch in text):
        yield from _statements(text)


def _read(text: str, g: dict[str, str | None], end: int, home: str) -> _Quote | None:
    """The quote of one reading of ``text`` (its groups ``g``, ending at ``end``), unless it is a sum, a count or
    the start of prose."""
    if _AMOUNT.match(text, end):
        return None
    stated = g.get("pair") or g.get("against")
    base, quote = _base(g), "KZT" if g.get("over") or g.get("tenge") else (stated or home).upper()
    printed = (g["value"] or "").replace(" ", "")
    value = float(printed.replace(",", ".")) + int(g.get("tiyn") or 0) / 100
    if value <= 0 or base is None or base == quote:
        return None
    coded = any(g.get(key) for key in ("code", "named", "traded", "pair", "over", "tenge", "per")) or g.get("sep") == "="
    if not coded and printed.isdigit():
        return None  # a whole number after a name or sign: a year, a count, a price
    rest = _CHANGE.match(text, end)  # it matches everywhere (each of its parts is optional)
    if rest is None or _PROSE.search(text, rest.end()):
        return None
    change, direction = _printed_change(rest)
    return _Quote(f"{base}/{quote}", value, change, direction, bool(g.get("sign")) and not coded)


# What may follow the value: a signed change and an arrow (kt.kz: "USD 320.34 -0.26 ↓").
# An unsigned change counts only before an arrow, which then gives its sign.
_CHANGE = _RE.compile(
    r"\s*(?:\(?(?P<change>[+−-]\s?\d{1,5}(?:[.,]\d{1,5})?|\d{1,5}(?:[.,]\d{1,5})?(?=\s*[↑↓▲▼△▽]))\)?)?"
    r"\s*(?P<arrow>[↑↓▲▼△▽])?"
)
_ARROWS = {"↑": "up", "▲": "up", "△": "up", "↓": "down", "▼": "down", "▽": "down"}
_PROSE = _RE.compile(r"[^\W\d_]{3,}\W+[^\W\d_]{3,}")  # two words after the quote: it goes on as a sentence
# A value followed by a magnitude is a sum, not a rate ("USD 415.93 billion", "5,2 млрд тенге").
_AMOUNT = _RE.compile(r"\s*(?:bn|mln|billion|million|trillion|thousand|млрд|млн|трлн|тыс|миллиард|миллион|мың)"
                     r"(?![^\W\d_])", re.I)


def _printed_change(rest: re.Match[str]) -> tuple[float | None, str | None]:
    """(change, direction) printed after a value: the arrow gives an unsigned change its sign."""
    printed = rest["change"]
    change = float(printed.replace(",", ".").replace("−", "-").replace(" ", "")) if printed else None
    direction = _ARROWS.get(rest["arrow"]) if rest["arrow"] else None
    if change is not None and printed[0].isdigit() and direction == "down":
        change = -change
    if direction is None and change:
        direction = "up" if change > 0 else "down"
    return change, direction


# --- direction shown by markup ---------------------------------------------------------------------------
# Class names, data-* values, titles and picture paths are cut into words ("fa-caret-up", "currency_down",
# "tickerDirGreen", "/img/up.png") and the words judged; a word is read whole, so "dropdown", "update",
# "markup" say nothing, and "up"/"down" after a verb they make a compound with ("drop-down", "signUp",
# "slideDown") neither.  Colours are the weakest sign: a site may paint a falling dollar green (a rising tenge).
_MARKUP_WORDS = _RE.compile(r"[A-Z]+(?![a-z])|[A-Z]?[a-z]+|[^\W\d_]+")
_DIRECTION_ATTRS = frozenset({"class", "title", "alt", "aria-label", "src"})
_SPRITE_ATTRS = frozenset({"href", "{http://www.w3.org/1999/xlink}href"})  # <use href="#arrow-up"> of an SVG icon


def _forms(*words: str) -> frozenset[str]:
    """English words with their -s, -ed and -ing forms (``rise``: rises, rised, rising)."""
    out: set[str] = set()
    for word in words:
        stem = word[:-1] if word.endswith("e") else word
        out.update((word, word + "s", stem + "ed", stem + "ing"))
    return frozenset(out)


_UP = _forms("up", "upward", "rise", "increase", "grow", "gain", "climb") | {"rose", "growth", "positive", "plus"}
_DOWN = _forms("down", "downward", "fall", "decrease", "decline", "lose", "sink") | {"fell", "loss", "negative", "minus"}
_PHRASAL = frozenset({"drop", "sign", "set", "back", "pop", "pull", "push", "slide", "scroll", "count", "break",
                      "look", "pick", "make", "mark", "touch", "key", "mouse", "shut", "top", "log", "roll", "show",
                      "follow", "start", "warm", "cool", "clean", "wind", "close", "open", "page", "level"})
# Russian and Kazakh words of titles: stems of "рост, вырос, повышение, подорожал, өсті, қымбаттады" and
# "падение, упал, снижение, подешевел, төмендеді, арзандады".
_UP_STEMS = ("рост", "вырос", "повыш", "подорож", "увелич", "өсі", "өст", "өсу", "қымбатта")
_DOWN_STEMS = ("паден", "упал", "сниж", "сниз", "понизи", "подешев", "уменьш", "төмен", "арзанда")
_COLOURS = {"green": "up", "success": "up", "red": "down", "danger": "down"}


def _word_direction(words: list[str], i: int) -> str | None:
    """up/down that the ``i``-th of a value's words says; None if it says neither."""
    word = words[i]
    if word in _UP or word.startswith(_UP_STEMS):
        direction = "up"
    elif word in _DOWN or word.startswith(_DOWN_STEMS):
        direction = "down"
    else:
        return None
    return None if i and words[i - 1] in _PHRASAL else direction


def _markup_direction(item: etree._Element) -> str | None:
    """up/down the markup of a quote's item shows, when it shows only one of them."""
    said: set[str] = set()
    colours: set[str] = set()
    for el in item.iter():
        if not isinstance(el.tag, str):
            continue
        for name, value in ((str(n), str(v)) for n, v in el.items()):
            if name in _DIRECTION_ATTRS or name.startswith("data-") or el.tag == "use" and name in _SPRITE_ATTRS:
                words = [w.lower() for w in _MARKUP_WORDS.findall(value)]
                said.update(filter(None, (_word_direction(words, i) for i in range(len(words)))))
                colours.update(_COLOURS[w] for w in words if w in _COLOURS)
    for seen in (said, colours):
        if len(seen) == 1:
            return seen.pop()
        if seen:
            return None  # both said: the widget draws both, one of them hidden
    return None


# --- cells, items and widgets ---------------------------------------------------------------------------
_WIDGET_LEVELS = 3  # how far up from a quote cell its widget may reach
MAX_WIDGET = 400  # a widget's whole text is short; longer is a page section


def _cell_text(el: etree._Element) -> str:
    """The visible text of a cell, its text nodes apart: cells of a row (``<td>USD</td><td>470.50</td>``)
    are words of their own, which ``text_of`` would run together."""
    return squash(" ".join(text_pieces(el)))


def _cell(node: etree._Element, home: str) -> etree._Element | None:
    """The smallest element around a currency's text node whose text is a whole quote."""
    el: etree._Element | None = node
    for _ in range(3):
        if el is None or el.tag in SKIP_TAGS:
            return None
        text = _cell_text(el)
        if len(text) > (MAX_STATEMENT if _TENGE_SOMEWHERE.search(text) else MAX_TEXT):
            return None
        if _parse(text, home):
            return el
        el = el.getparent()
    return None


def _longer(el: etree._Element, size: int) -> bool:
    """Whether the text of ``el`` (scripts included) holds more than ``size`` characters besides whitespace: its
    text nodes counted until the sum passes ``size``, so a large element costs no more than a small one."""
    total = 0
    for piece in el.itertext():
        total += len("".join(str(piece).split()))
        if total > size:
            return True
    return False


def _widget(cell: etree._Element) -> etree._Element:
    """The largest short element up to ``_WIDGET_LEVELS`` above a quote cell: the widget it is part of."""
    widget = cell
    for _ in range(_WIDGET_LEVELS):
        parent = widget.getparent()
        if parent is None or parent.tag in ("body", "html") or _longer(parent, MAX_WIDGET):
            break
        widget = parent
    return widget


def _read_widget(widget: etree._Element, home: str) -> list[tuple[etree._Element, _Quote]]:
    """A widget's quotes in document order, one per pair; bare signs only beside a second currency."""
    quotes: dict[str, tuple[etree._Element, _Quote]] = {}
    for el in _texts(widget, _VISIBLE, _marked):
        cell = _cell(el, home)
        quote = _parse(_cell_text(cell), home) if cell is not None else None
        if quote and cell is not None and quote.pair not in quotes:
            quotes[quote.pair] = (cell, quote)
    several = len({pair.split("/")[0] for pair in quotes}) > 1
    return [(cell, quote) for cell, quote in quotes.values() if several or not quote.bare or _in_rates_markup(cell)]


def _in_rates_markup(cell: etree._Element) -> bool:
    """Whether ``cell`` or an element around it says by its class or id that it shows exchange rates (see
    ``_RATES_MARKUP``)."""
    return any(_RATES_MARKUP.search(f"{el.get('class', '')} {el.get('id', '')}") for el in (cell, *cell.iterancestors()))


# A widget whose markup says it shows exchange rates (``<div class="currency">``, ``id="kurs-valut"``,
# ``class="exchange-rates"``): a sign and a number in it is a rate, not a price.
_RATES_MARKUP = _RE.compile(r"currenc|valut|валют|\bkurs|курс|exchange|forex|\bfx\b|(?<![a-z])rates?\b", re.I)


def _item(cell: etree._Element, holders: dict[etree._Element, int]) -> etree._Element:
    """The quote's item: the cell and the short elements above it that hold no other quote."""
    item = cell
    for _ in range(2):
        parent = item.getparent()
        if parent is None or holders.get(parent, 0) > 1 or _longer(parent, MAX_TEXT):
            break
        item = parent
    return item


def _holders(cells: list[etree._Element]) -> dict[etree._Element, int]:
    """How many of the quote cells each element just above them holds."""
    counts: dict[etree._Element, int] = {}
    for cell in cells:
        for el in cell.iterancestors():
            counts[el] = counts.get(el, 0) + 1
            if el.tag == "body":
                break
    return counts


# What names a rates widget: "Курсы валют", "Нацбанк РК", "курсы НБ РК", "Валюта бағамы", "ҰБ", "Exchange rates".
_RATES_WORDS = _RE.compile(
    r"курс|нацбанк|(?<!\w)нб\s*рк(?!\w)|национальн\w*\s+банк|бағам|ұлттық\s+банк|(?<!\w)ұб(?!\w)"
    r"|(?<!\w)rates?(?!\w)|exchange|(?<!\w)nbk(?!\w)", re.I)
MAX_LABEL = 120  # a widget's own label is short; longer text outside the cells is a page section
_LABEL_LEVELS = 3  # how far up from a quote cell its widget's label may be
_DATE_NEAR = 40  # how far after the words naming rates their date may start
_AHEAD = timedelta(days=1)  # the National Bank sets tomorrow's official rate today


def _label(el: etree._Element, cells: set[etree._Element]) -> str:
    """Visible text of ``el`` outside the quote ``cells`` (and outside comments, scripts, styles)."""
    pieces: list[str] = []

    def walk(node: etree._Element) -> None:
        if node.text:
            pieces.append(node.text)
        for child in node:
            if isinstance(child.tag, str) and child.tag not in SKIP_TAGS and child not in cells:
                walk(child)
            if child.tail:
                pieces.append(child.tail)

    walk(el)
    return squash(" ".join(pieces))


class _AsOf:
    """The as-of day stated by the widget around each quote cell (each widget element's label read once)."""

    def __init__(self, cells: set[etree._Element], observed_at: str | None) -> None:
        self.cells = cells
        self.now = parse_date(observed_at) if observed_at else None
        self.read: dict[etree._Element, tuple[bool, str | None]] = {}  # element -> (label too long, its day)

    def of(self, cell: etree._Element) -> str | None:
        """ISO day the rates in ``cell`` are for: from the nearest short, rates-naming label above it."""
        el = cell.getparent()
        for _ in range(_LABEL_LEVELS):
            if el is None or el.tag == "body":
                return None
            if el not in self.read:  # the cells of one widget share their ancestors' labels
                label = _label(el, self.cells)
                self.read[el] = (True, None) if len(label) > MAX_LABEL else (False, self._day(label))
            too_long, day = self.read[el]
            if too_long or day:
                return day
            el = el.getparent()
        return None

    def _day(self, label: str) -> str | None:
        """The day a label states right after naming rates ("Курс валют на 28.11.2026"), if not after
        the fetch day plus one."""
        for cue in _RATES_WORDS.finditer(label):
            rest = label[cue.start():]
            found = read_printed(rest, self.now, self.now)
            if found is None:
                return None  # no date after any later cue either
            if rest.find(found[0]) > _DATE_NEAR:
                continue
            day = found[1].date()
            if self.now is not None and day > local(self.now).date() + _AHEAD:
                return None
            return day.isoformat()
        return None


def find_tickers(
    tree: etree._Element, url: str, *, site: str | None = None, observed_at: str | None = None,
    selector: str | None = None,
) -> list[TickerQuote]:
    """Quotes shown on the page, one per pair (first seen wins); ``selector`` (an outlet's widget) narrows the
    search, a walk of the widget instead of the page's every node, or leaves it the whole body when it matches
    nothing (a widget renamed in a redesign is still read); the head (a title naming a rate) holds no widget.

    Each quote carries its widget's as-of day when the widget states one (``observed_at`` dates
    relative and year-less ones), and its direction: as printed, else as its item's markup shows it.  A quote
    that names no currency it is quoted in is in the currency of the page's country (``url``), else the tenge.
    """
    body = tree.find("body")
    roots = (css(selector)(tree) if selector else None) or [tree if body is None else body]
    found: list[tuple[etree._Element, _Quote]] = []
    pairs: set[str] = set()
    read: set[etree._Element] = set()  # the widgets read, and every element inside them
    near, wanted = _anchored(_hints(_page_text(tree)))
    home = _home(url)
    for root in roots:
        for el in _texts(root, near, wanted):
            if el in read:
                continue
            cell = _cell(el, home)
            if cell is None or cell in read:
                continue
            widget = _widget(cell)
            read.update(widget.iter())
            for cell, quote in _read_widget(widget, home):
                if quote.pair not in pairs:
                    pairs.add(quote.pair)
                    found.append((cell, quote))
    cells = [cell for cell, _ in found]
    as_of, holders = _AsOf(set(cells), observed_at), _holders(cells)
    return [
        TickerQuote(quote.pair, quote.value, url, site, observed_at, change=quote.change,
                    direction=_direction(quote, _item(cell, holders)), as_of=as_of.of(cell))
        for cell, quote in found
    ]


def _home(url: str) -> str:
    """The currency a page's quotes are in when they name none: its country's, by the top-level domain of its
    host (a Russian page quotes in roubles, an Armenian one in drams), else the tenge."""
    host = urlsplit(url).hostname or ""
    return _HOMES.get(host.rsplit(".", 1)[-1], "KZT")


def _direction(quote: _Quote, item: etree._Element) -> str | None:
    """The quote's direction: as printed (a printed change of zero is no move), else as its markup shows."""
    if quote.direction or quote.change == 0:
        return quote.direction
    return _markup_direction(item)
