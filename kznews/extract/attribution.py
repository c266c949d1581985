"""Attribution: who the article says the news comes from; photo credits, which never name a source.

Source lines (``Источник: КазТАГ``, ``Дереккөз: …``, ``Source: …``, opening a line or a sentence in it; a press
office alone on a line; a wire's name in parentheses closing the text, ``… (Trend)``) and reporting phrases, built
from the language rather than from samples:

- Russian: a reporting verb in any gender, number and tense (сообщает/сообщил/сообщила/сообщили,
  заявил…, информирует…, передаёт…, пишет…), followed by the reporter in the nominative (``сообщает
  КазТАГ со ссылкой на …``, ``передает корреспондент МИА «Казинформ»``) or in the locative
  (``сообщили в акимате``, ``В Минздраве сообщили``), where it was said between the two (``сообщил на брифинге
  министр``); ``по данным/по информации/согласно данным X`` (without a time or place after X); quoting verbs
  (``приводит/цитирует X со ссылкой на Y``); ``X поделился в Telegram-канале``; an outlet told, in the dative
  (``сообщили Tengrinews.kz в акимате``: the outlet reports, citing the akimat, as ``the akimat told X``).
- Kazakh, in Cyrillic, the three Latin alphabets (2017, 2018, 2021) and tote (Arabic) script, every
  form generated from a Cyrillic stem by the suffix rules and vowel harmony: ``деп хабарлайды X
  (…-ға сілтеме жасап)``, ``деді X``, ``Бұл туралы X хабарлады``, ``X-тың хабарлауынша/мәліметінше/
  мәліметі бойынша``, ``X баспасөз қызметі хабарлады``, ``деп мәлімдеді брифингте X``.
- English: ``X reports/said/informed/announced/stated (in a statement, on Telegram …)``, ``X said (on
  Monday) that``, a plural subject too (``Correspondents of X report``, ``Authorities say``), ``X cites / quotes /
  refers to / has learnt from Y``, ``X reported on Monday, citing Y``, ``Y told X (that)``, ``according to X``,
  ``as reported by X``, ``reports X``, after an opening adverb (``Earlier X reported``); a person quoted ("…, Smith
  said") is no reporter, a body or an official is.

A line names one reporter: the publisher's correspondent, else the reporter of its first sentence naming one.

A name printed in an oblique case is given in its base form (``в акимате Алматы`` → ``акимат Алматы``,
``қызметінен`` → ``қызметі``, ``ведомствоның`` → ``ведомство``), and so is a photo credit (``Фото Турара
Казангапова`` → ``Турар Казангапов``, ``Сурет ашық дереккөзден`` → ``ашық дереккөз``).  A reporter that is
a correspondent (``корреспондент X``, ``X тілшісі``, ``a X correspondent``) gives the kind ``correspondent``,
and the publisher's own (``корреспондент агентства``, ``the agency``) names the agency of the article's dateline.
Names are given as printed, quotes included (``«Казинформ»``), but a reporter without the kind of outlet printed
with its name (``издание Орда`` → ``Орда``, ``Skifnews.kz ақпарат порталы`` → ``Skifnews.kz``, and so a Kazakh
cited site, ``Zakon.kz сайтына`` → ``Zakon.kz``; a body's site keeps it), and a
registered outlet typed all in lower case in the registry's spelling (``kazinform`` → ``Kazinform``).  ``via`` is a
source the reporter cites, not the platform it posted on (``сообщила в Telegram`` has none).

Cost: one substring scan of the lower-cased text for the reporting words; the forms run only on short
stretches around them, each form only where one of its own words occurs.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, replace

from ..sites import outlet_named
from . import russian
from .compiled import Patterns
from .datelines import find_dateline
from .wordtrie import trie_regex

_RE = Patterns(__name__)  # the module's patterns, compiled once per Python (compiled.py)

# --- Kazakh in its scripts ---------------------------------------------------------------------------------------

_KK_CYRILLIC = "аәбвгғдеёжзийкқлмнңоөпрстуұүфхһцчшщъыіьэюя"
# Each Cyrillic letter above in the Latin alphabets of 2017 (apostrophes), 2018 (acute accents) and 2021, and in
# tote script ("-": not written).  Tote marks a front-vowel word with a leading hamza, written or not in the forms.
_KK_SCRIPTS = tuple(
    dict(zip(_KK_CYRILLIC, (letter.replace("-", "") for letter in row.split()), strict=True))
    for row in (
        "a a' b v g g' d e io j z i' i' k q l m n n' o o' p r s t y' u u' f h h ts c' s' s' - y i - e i'y' i'a",
        "a á b v g ǵ d e e j z ı ı k q l m n ń o ó p r s t ý u ú f h h ts ch sh sh - y i - e ıý ıa",
        "a ä b v g ğ d e e j z i i k q l m n ñ o ö p r s t u ū ü f h h ts ç ş ş - y ı - e iu ia",
        "ا ا ب ۆ گ ع د ە يو ج ز ي ي ك ق ل م ن ڭ و و پ ر س ت ۋ ۇ ۇ ف ح ھ تس چ ش ش - ى ى - ە يۋ يا",
    )
)
_HAMZA = "ء"
_APOSTROPHES = "'’ʼ"


def _kk_spellings(cyrillic: str) -> set[str]:
    """A lower-case Kazakh Cyrillic word or phrase in every script (tote without its optional hamza)."""
    out = {cyrillic}
    for table in _KK_SCRIPTS:
        out.add("".join(table.get(ch, ch) for ch in cyrillic))
    out |= {s.replace("'", "") for s in out}  # the 2017 alphabet as often typed, without apostrophes
    out |= {s.replace("ييا", "يا") for s in out}  # tote writes и before я once (جاريالادى: жариялады)
    return out


_HAMZA_SLOT = "\x00"  # where tote may write its hamza: the start of each word


def _marked(spelling: str) -> str:
    """A spelling with its hamza slots marked, if it is in tote."""
    if not re.search("[\u0600-\u06ff]", spelling):
        return spelling
    return " ".join(_HAMZA_SLOT + word for word in spelling.split())


def _char(ch: str) -> str:
    """The regex for one character of a spelling: any run of spaces, any apostrophe, tote's optional hamza."""
    return {" ": r"\s+", "'": f"[{_APOSTROPHES}]", _HAMZA_SLOT: _HAMZA + "?"}.get(ch) or re.escape(ch)


def _alternation(spellings: Iterable[str], *, word_start: bool = True) -> str:
    """Every spelling in one regex, ending a word (and starting one, unless ``word_start`` is false: a suffix)."""
    trie = trie_regex((_marked(spelling) for spelling in spellings), _char)
    return (rf"(?<![\w{_HAMZA}])" if word_start else "") + rf"(?:{trie})(?!\w)"


def _kk(words: Iterable[str], *, word_start: bool = True) -> str:
    """The alternation of Kazakh Cyrillic ``words`` in every script."""
    return _alternation((s for w in words for s in _kk_spellings(w)), word_start=word_start)


def _substrings(spellings: Iterable[str]) -> tuple[str, ...]:
    """Spellings as plain lower-case substrings, each apostrophe in each of its typed forms."""
    return tuple(sorted({s.replace("'", a) for s in spellings for a in _APOSTROPHES}))


# --- Kazakh morphology (Cyrillic; the other scripts follow by spelling) ------------------------------------------

_KK_OPEN = "аәеоөұүыіяэ"  # a stem ending in one of these takes the vowel-initial suffixes' consonant forms
_KK_VOICELESS = "кқпстфхцчшщ"
_KK_VOICING = {"к": "г", "қ": "ғ", "п": "б"}  # a final voiceless stop voiced before a vowel (дерек → дерегі)


def _harmony(word: str, back: str, front: str) -> str:
    """The suffix variant matching the last vowel of ``word``."""
    for ch in reversed(word):
        if ch in "аоұыя":
            return back
        if ch in "әеөүіэи":  # и: loans (министрге, брифингте)
            return front
    return back


def _kk_verb(stem: str) -> tuple[str, str, str]:
    """Third-person present, past and progressive of a verb stem (хабарла → хабарлайды, хабарлады, хабарлауда)."""
    last = stem[-1]
    present = stem + (_harmony(stem, "йды", "йді") if last in _KK_OPEN else _harmony(stem, "ады", "еді"))
    past = stem + (_harmony(stem, "ты", "ті") if last in _KK_VOICELESS else _harmony(stem, "ды", "ді"))
    return present, past, stem + _harmony(stem, "уда", "уде")


def _kk_possessive(noun: str) -> str:
    """The third-person possessive (мәлімет → мәліметі, дерек → дерегі, парақша → парақшасы)."""
    if noun[-1] in _KK_OPEN:
        return noun + _harmony(noun, "сы", "сі")
    return noun[:-1] + _KK_VOICING.get(noun[-1], noun[-1]) + _harmony(noun, "ы", "і")


def _kk_plural(noun: str) -> str:
    """The plural (мәлімет → мәліметтер, дерек → деректер)."""
    last = noun[-1]
    if last in _KK_OPEN or last in "руй":
        return noun + _harmony(noun, "лар", "лер")
    return noun + _harmony(noun, "дар", "дер") if last in "лмнңзж" else noun + _harmony(noun, "тар", "тер")


def _kk_accusative(noun: str) -> str:
    """The accusative (сурет → суретті, фото → фотоны, коллаж → коллажды)."""
    if noun[-1] in _KK_OPEN:
        return noun + _harmony(noun, "ны", "ні")
    return noun + (_harmony(noun, "ты", "ті") if noun[-1] in _KK_VOICELESS else _harmony(noun, "ды", "ді"))


def _kk_locative(noun: str) -> str:
    """The locative (брифинг → брифингте, отырыс → отырыста, конференциясы → конференциясында)."""
    if noun.endswith(("сы", "сі")):  # a possessive takes -нда/-нде
        return noun + _harmony(noun, "нда", "нде")
    # a final voiced stop of a loan sounds voiceless (брифингте)
    return noun + (_harmony(noun, "та", "те") if noun[-1] in _KK_VOICELESS + "бвгд" else _harmony(noun, "да", "де"))


def _kk_participle(stem: str) -> str:
    """The past participle (түсір → түсірген, жаса → жасаған)."""
    return stem + (_harmony(stem, "қан", "кен") if stem[-1] in _KK_VOICELESS else _harmony(stem, "ған", "ген"))


def _kk_according(noun: str) -> tuple[str, ...]:
    """"According to" phrases on a noun: мәліметінше, мәліметі бойынша, мәліметіне сәйкес, мәліметіне қарағанда."""
    owned = _kk_possessive(noun)
    dative = owned + _harmony(owned, "на", "не")
    return owned + _harmony(owned, "нша", "нше"), owned + " бойынша", dative + " сәйкес", dative + " қарағанда"


_KK_REPORT_STEMS = ("хабарла", "мәлімде", "мәлім ет", "жаз")  # report, state, make known, write
_KK_REPORT = tuple(form for stem in _KK_REPORT_STEMS for form in _kk_verb(stem))
# After a quote and "деп": also noted, said, explained (``…, деп атап өтті министр``).
# Added, specified, warned, confirmed, conveyed, pointed out, stressed, answered, concluded, forecast, assured,
# gave the news.
_KK_QUOTE = _KK_REPORT + tuple(
    form for stem in ("атап өт", "айт", "түсіндір", "толықтыр", "қос", "нақтыла", "ескерт", "раста", "жеткіз",
                      "атап көрсет", "баса айт", "жауап бер", "түйінде", "болжа", "сендір", "хабар бер", "ақпарат бер",
                      "кеңес бер", "айтып бер",  # advised, told
                      # related, told, admitted, shared, gave information, informed, described, reasoned, concluded
                      "баянда", "әңгімеле", "мойында", "бөліс", "мәлімет бер", "хабардар ет", "сипатта", "пайымда",
                      "тұжырымда",
                      # deems, considers, thinks, called on, suggested (деп есептейді X: X's view)
                      "есепте", "сана", "ойла", "шақыр", "ұсын")
    for form in _kk_verb(stem)) + tuple(  # and their past participle, closing a sentence (деп мәлімдеген ҰБ басшысы)
    _kk_participle(stem) for stem in ("хабарла", "мәлімде", "мәлім ет", "жаз", "айт", "атап өт", "жарияла"))
# "as X reported": the past participle and -дай (хабарлағандай, мәлімдегендей, жазғандай, атап өткендей)
_KK_AS = tuple(_kk_participle(stem) + _harmony(stem, "дай", "дей")
               for stem in ("хабарла", "мәлімде", "мәлім ет", "жаз", "айт", "атап өт"))
# "it was written / reported / said / published (on the site)": the passive past, definite and perfect (жазылды,
# жазылған), and "as was written (on the site)" (жазылғандай)
_KK_PASSIVE_STEMS = ("жазыл", "хабарлан", "мәлімдел", "айтыл", "жариялан")
_KK_PASSIVE = tuple(form for stem in _KK_PASSIVE_STEMS for form in (_kk_verb(stem)[1], _kk_participle(stem)))
_KK_PASSIVE_AS = tuple(_kk_participle(stem) + _harmony(stem, "дай", "дей") for stem in _KK_PASSIVE_STEMS)
_KK_SAID = _kk_verb("де")[:2]  # дейді, деді: "says", "said", closing a quote
# Reported, stated, wrote, said, published, spread the news, made a statement, gave the news: after their subject.
_KK_TOLD = tuple(_kk_verb(stem)[1] for stem in ("хабарла", "мәлімде", "мәлім ет", "жаз", "айт", "жарияла", "атап өт",
                                                "ақпарат тарат", "хабар тарат", "мәлімдеме жаса", "хабар бер",
                                                "ақпарат бер", "пікір білдір", "түсініктеме бер", "түсінік бер",  # commented
                                                "айтып бер",  # told
                                                # related, told, admitted, shared, gave information, informed,
                                                # explained, warned, confirmed, conveyed, specified, pointed out
                                                "баянда", "әңгімеле", "мойында", "бөліс", "мәлімет бер", "хабардар ет",
                                                "түсіндір", "ескерт", "раста", "жеткіз", "нақтыла", "атап көрсет"))
_KK_SOURCES = ("мәлімет", "дерек", "ақпарат")  # information, data: singular and plural
_KK_SOURCES_SHORT = ("ақпар",)  # ақпарат as often shortened (ақпарына сүйенсек)
# The reporting, the statement, the writing, the saying, the words, the message, the forecast: singular only.
_KK_VERBAL_SOURCES = ("хабарлау", "мәлімдеу", "жазу", "айту", "сөз", "хабарлама", "мәлімдеме", "болжам", "есеп", "пікір",
                      "бағалау",  # … the reckoning, the opinion, the assessment (мамандардың есебінше)
                      "атап өту", "түсіндіру", "пайымдау", "болжау", "есептеу", "ой")  # the noting, explaining, judging,
# forecasting, reckoning, thought (Ұлттық банктің атап өтуінше, сарапшының пайымдауынша, оның ойынша)
_KK_ACCORDING = tuple(
    phrase for noun in (*_KK_SOURCES, *map(_kk_plural, _KK_SOURCES), *_KK_VERBAL_SOURCES)
    for phrase in _kk_according(noun)
)
_KK_CHANNEL = tuple(  # парақшасында, аккаунтында, каналында, …: "on (their) page, account, channel, site"
    _kk_possessive(n) + _harmony(n, "нда", "нде") for n in ("парақша", "аккаунт", "арна", "канал", "сайт", "бет"))


def _kk_suffix(suffixes: Iterable[str]) -> re.Pattern[str]:
    """A word-final Kazakh case suffix in every script, after an optional hyphen (``ДСМ-нің``; in tote, the hyphen may
    be followed by the hamza of a front suffix: ``ءىىم-ءنىڭ``)."""
    spellings = {s for suffix in suffixes for s in _kk_spellings(suffix)}
    return _RE.compile(f"(?:-{_HAMZA}?)?(?:" + "|".join(map(re.escape, sorted(spellings, key=len, reverse=True))) + ")$", re.I)


_KK_ABLATIVE = _kk_suffix(("дан", "ден", "тан", "тен", "нан", "нен"))
_KK_GENITIVE = _kk_suffix(("ның", "нің", "дың", "дің", "тың", "тің"))
_KK_DATIVE = _kk_suffix(("ға", "ге", "қа", "ке"))
_KK_OWNED_DATIVE = _kk_suffix(("на", "не"))  # after the possessive: сайтына → сайты
_KK_OWNED = _RE.compile("(?:" + "|".join(sorted({s for v in "ыі" for s in _kk_spellings(v)})) + ")$", re.I)
_STAN = _RE.compile("(?:" + "|".join(_kk_spellings("стан")) + ")$", re.I)  # Қазақстан: reads as an ablative


def _kk_base(phrase: str, suffix: re.Pattern[str]) -> str:
    """``phrase`` with a Kazakh case ``suffix`` taken off its last word (``қызметінен`` → ``қызметі``)."""
    head, _, last = phrase.rpartition(" ")
    m = suffix.search(last)
    if not m or len(last) - len(m.group(0)) < 2 or (suffix is _KK_ABLATIVE and _STAN.search(last)):
        return phrase
    return " ".join(filter(None, (head, last[: m.start()])))


# The locative where it cannot be part of a name: after a possessive (``қызметінде`` → ``қызметі``) or a hyphen
# (``ІІМ-де``); a bare -да/-де may end a name in the nominative (Ақорда).
_KK_OWNED_LOCATIVE = _kk_suffix(("нда", "нде"))
_KK_HYPHEN_LOCATIVE = _RE.compile(f"-{_HAMZA}?(?:" + "|".join(sorted(
    {s for suffix in ("да", "де", "та", "те", "нда", "нде") for s in _kk_spellings(suffix)}, key=len, reverse=True))
    + ")$", re.I)


def _kk_unlocative(phrase: str) -> str:
    """``phrase`` without the locative of its last word where it is plainly one (``баспасөз қызметінде`` →
    ``баспасөз қызметі``, ``ҚР ІІМ-де`` → ``ҚР ІІМ``): where it was said is who said it, as Russian ``в акимате``."""
    owned = _kk_base(phrase, _KK_OWNED_LOCATIVE)
    if owned != phrase and _KK_OWNED.search(owned):
        return owned
    return _KK_HYPHEN_LOCATIVE.sub("", phrase)


def _kk_undative(phrase: str) -> str:
    """``phrase`` without the dative of its last word (``министрлігіне`` → ``министрлігі``, ``ДСМ-ге`` → ``ДСМ``)."""
    owned = _kk_base(phrase, _KK_OWNED_DATIVE)
    return owned if owned != phrase and _KK_OWNED.search(owned) else _kk_base(phrase, _KK_DATIVE)


# --- Russian morphology ------------------------------------------------------------------------------------------

# Reporting verbs: (past stems of the perfective and imperfective, present stem, reflexive); every gender, number and
# tense is generated.
_RU_VERB_STEMS = (
    (("сообщи", "сообща"), "сообща"), (("заяви", "заявля"), "заявля"), (("информирова",), "информиру"),
    (("переда", "передава"), "переда"), (("писа", "написа"), "пиш"), (("рассказа", "рассказыва"), "рассказыва"),
    (("поясни", "поясня"), "поясня"), (("уточни", "уточня"), "уточня"), (("отмети", "отмеча"), "отмеча"),
    (("подчеркну", "подчеркива"), "подчеркива"), (("подтверди", "подтвержда"), "подтвержда"), (("добави", "добавля"), "добавля"), (("сказа",), ""),
    (("прокомментирова", "комментирова"), "комментиру"), (("проинформирова",), ""), (("напомни", "напомина"), "напомина"),
    (("объясни", "объясня"), "объясня"), (("ответи", "отвеча"), "отвеча"), (("предупреди", "предупрежда"), "предупрежда"),
    (("указа", "указыва"), "указыва"), (("предложи", "предлага"), "предлага"), (("констатирова",), "констатиру"),
    (("резюмирова",), "резюмиру"), (("завери", "заверя"), "заверя"),
    (("пообеща", "обеща"), "обеща"), (("высказа", "высказыва"), "высказыва"), (("призва", "призыва"), "призыва"),
    (("акцентирова",), "акцентиру"), (("замети", "замеча"), "замеча"),
    (("разъясни", "разъясня"), "разъясня"), (("озвучи", "озвучива"), "озвучива"), (("подытожи",), ""),
    (("спрогнозирова", "прогнозирова"), "прогнозиру"), (("вспомни", "вспомина"), "вспомина"),
    (("посетова", "сетова"), "сету"), (("говори",), "говори"), (("счита",), "счита"), (("полага",), "полага"),
    (("оповести",), ""), (("доложи", "доклады"), "доклады"), (("подсчита", "подсчитыва"), "подсчитыва"), (("посчита",), ""),
    (("выясни", "выясня"), "выясня"),  # found out (Как выяснил Kapital.kz)
    (("упомяну", "упомина"), "упомина"),  # mentioned
)
# Reflexive verbs of saying: признался, высказалась, пожаловались.
_RU_REFLEXIVE_STEMS = ((("призна", "признава"), "призна"), (("высказа", "высказыва"), "высказыва"),
                       (("пожалова", "жалова"), "жалу"))


def _ru_verb(pasts: tuple[str, ...], present: str, reflexive: bool = False) -> tuple[str, ...]:
    """Past (m, f, n, pl) and present (3 sg, 3 pl; none for an empty stem) of a verb: сообщил, сообщала, сообщило,
    сообщили, сообщает…; a present stem in -и is of the second conjugation (делит, делят); a reflexive verb takes
    -ся after a consonant and -сь after a vowel (поделился, поделилась, делится)."""
    if not present:
        ends: tuple[str, ...] = ()
    elif present[-1] == "и":
        present, ends = present[:-1], ("ит", "ят")
    elif present[-1] in "аеиоуыэюя":
        ends = ("ет", "ют", "ёт") if present.endswith("да") else ("ет", "ют")
    else:
        ends = ("ет", "ут")
    forms = tuple(past + "л" + e for past in pasts for e in ("", "а", "о", "и")) + tuple(present + e for e in ends)
    return tuple(f + ("сь" if f[-1] in "аоиу" else "ся") for f in forms) if reflexive else forms


_RU_FORMS = tuple(form for stems in _RU_VERB_STEMS for form in _ru_verb(*stems)) + tuple(
    form for stems in _RU_REFLEXIVE_STEMS for form in _ru_verb(*stems, True))
# Shared (поделился в Telegram-канале): after its subject; before it only news shared (``Такой информацией поделилось
# агентство X``; not ``Своими рецептами поделились участники``).
_RU_SHARED = _ru_verb(("подели",), "", True)
_RU_NEWS_SHARED = (r"(?-i:информацией|данными|подробностями|сведениями|новостью|новостями|деталями|цифрами"
                   r"|статистикой)\s+(?:с\s+\S+\s+)?(?-i:" + _alternation(_RU_SHARED, word_start=False) + ")")
# Verbs of quoting, said of a source cited (``приводит X со ссылкой на Y``, ``цитирует X``).
_RU_CITE_FORMS = _ru_verb(("приве", "приводи"), "приводи") + _ru_verb(("цитирова", "процитирова"), "цитиру")
_RU_PLURAL = tuple(f for f in _RU_FORMS if f.endswith(("ли", "ют", "ут")))
# Found out, learnt: said of a correspondent only (``как выяснил корреспондент X``).
_RU_FOUND = _ru_verb(("выясни", "выясня"), "выясня") + _ru_verb(("узна", "узнава"), "узна")

# Russian head nouns of the organisations that report, in the nominative: a reporter phrase headed by one names a body
# (``Пресс-служба акимата``, ``в Минздраве``), not a crowd or an occasion.
_RU_HEADS = (
    "акимат", "маслихат", "министерство", "ведомство", "агентство", "посольство", "правительство", "служба",
    "прокуратура", "полиция", "департамент", "управление", "учреждение", "комитет", "комиссия", "инспекция",
    "администрация", "аппарат", "палата", "суд", "парламент", "мажилис", "сенат", "совет", "фонд", "банк",
    "центр", "отдел", "штаб", "компания", "корпорация", "организация", "ассоциация", "партия", "университет",
    "институт", "академия", "больница", "телеканал", "канал", "издание", "портал", "сайт", "газета", "Акорда",
    "автор", "источник", "архив", "пункт", "отделение", "филиал", "офис", "аэропорт", "вокзал", "школа",
    "поликлиника", "клиника", "колледж", "предприятие", "завод", "комбинат", "театр", "музей",
)


_RU_HEAD_NOUNS = tuple(noun.lower() for noun in _RU_HEADS)
_RU_HEAD_PLURALS = tuple(  # the nominative plural: метеослужбы, акиматы, министерства, комиссии, управления
    n[:-1] + "и" if n.endswith("ия") else n[:-1] + "я" if n.endswith("ие") else n[:-1] + "а" if n.endswith("о")
    else n[:-1] + ("и" if n[-2] in "гкхжшчщ" else "ы") if n.endswith("а")
    else n + ("и" if n[-1] in "гкхжшчщ" else "ы") for n in _RU_HEAD_NOUNS)
# --- names, checked ----------------------------------------------------------------------------------------------

_PRONOUNS = frozenset(
    "он она оно они мы я вы ты ол олар біз мен сен сіз he she it they we i you him her them us this that these those"
    " there who which what one".split()
) | {s for w in ("ол", "олар", "біз", "оның", "олардың", "біздің", "менің", "сіздің") for s in _kk_spellings(w)}
_EN_LOWER = frozenset(
    "of the and for on in at de press service services office department agency ministry committee akimat administration"
    " government embassy police court company bank fund center centre council commission prosecutor website site page"
    " portal channel account spokesperson spokesman spokeswoman governor minister mayor head chairman official local"
    " representative adviser advisor aide envoy officer speaker"
    " akim deputy vice first chief secretary director ambassador province oblast region"
    " regional city district national state news information correspondent correspondents mayor's presidential president"
    " prime country republic nation"
    " premier telegram outlet publication newspaper magazine media tv television radio broadcaster".split()
)
_EN_BODIES = frozenset(
    "ministry service office department agency committee akimat administration government embassy police court"
    " company bank fund center centre council commission prosecutor website site page portal channel spokesperson"
    " spokesman spokeswoman correspondent correspondents parliament senate mazhilis authority authorities bureau"
    " institute university congress assembly forum summit secretariat mission"
    " organization organisation association union party corporation group foundation news press presse times post"
    " tv radio journal newspaper magazine media statement akorda minister governor mayor akim president chairman"
    " ambassador director deputy head chief ceo commander rector secretary report study survey document watchdog"
    .split()
)
# An organisation named alone, told from a person's name by its shape: a word with a capital inside (KazMunayGas), an
# ampersand (S&P), or a word that names a kind of firm or body (``S&P Global Ratings``, ``Air Astana``).
_EN_FIRM_WORDS = frozenset(
    "ratings holding holdings inc corp co llc jsc ltd plc airways airlines air energy oil gas capital partners exchange"
    " systems technologies telecom railways motors mining resources petroleum global international trust consulting"
    " research securities investments logistics industries solutions pharma group".split())
# The world's news agencies, named alone (``Reuters said``, ``Xinhua reported``): told from surnames by name.
_EN_WIRES = frozenset(
    "reuters bloomberg afp ap xinhua tass interfax sputnik anadolu kyodo yonhap efe ansa dpa ria itar-tass trend"
    " akipress kabar fergana apa azertac belta ukrinform unian bernama antara"
    " cnn bbc rferl rfe/rl kommersant vedomosti rbc izvestia".split())
# A capital inside a word, but not after a surname's particle (McCain, MacArthur, DeSantis, LaGuardia).
# The endings of a company's one-word name, compounded from what it does (Kazatomprom, Gazprom, KazMunayGas, Kazpost,
# Halykbank, Kaztransoil, Rosneft, Kazakhtelecom, Samrukenergo).
_EN_COMPANY_END = _RE.compile(r"^[A-Z]\w*(?:prom|gaz|gas|neft|munai|munay|bank|trans|telecom|energo|stroy|mash|invest"
                             r"|oil|post|zoloto|metal|agro|avto|auto|holding|service|group|hydromet|gidromet|cosmos|atom"
                             r"|stat|nadzor|energy|avia|nedra)$", re.I)
# An organisation named by a compound of capitalised words (Samruk-Kazyna), not a surname (Kazybekov): a state prefix
# alone names nobody (Kazbek, Rosalind are people).
_EN_COMPOUND_BODY = _RE.compile(r"[A-Z][a-z]+(?:-[A-Z][a-z]+)+")
# What an organisation is, in an appositive after its name (``Chevron, the largest foreign oil producer in …``).
_EN_FIRM_NOUNS = frozenset(
    "producer company operator firm group bank carrier maker miner exporter importer developer supplier provider"
    " retailer lender insurer manufacturer giant corporation fund holding regulator organisation organization"
    " association agency broadcaster outlet publisher newspaper exchange airline railway startup conglomerate".split())
_EN_CAMEL = _RE.compile(r"\b(?!(?:Mc|Mac|De|Di|Da|La|Le|Van|Von|Du)[A-Z])[A-Z]?[a-z]+[A-Z]")
# People who speak for a body, named by their common noun (``prosecutors said``, ``local police say``, ``Kazakh
# officials told``): a reporter, where a person's name is a speaker quoted.
_EN_AGENTS = frozenset(
    "prosecutors prosecutor officials police authorities investigators analysts experts sources rescuers doctors"
    " lawyers organizers organisers forecasters meteorologists diplomats observers traders dealers bankers economists"
    " scientists researchers spokespeople representatives lawmakers deputies officers inspectors regulators"
    " lifeguards firefighters emergency media outlets source official analyst expert witnesses eyewitnesses insiders"
    " residents activists participants journalists agencies ministries newspapers".split())
# Words that open or hold a clause, never a name's: a phrase holding one is more than a name.
_EN_CLAUSE_WORDS = frozenset(
    "will would shall should can could may might must is are was were be been being has have had do does did not no"
    " to that which who whom whose when where while if as than it its this these those there here he she they we i"
    " you his her their our my your said says say told reported also though although but and or because since so yet"
    " whereas unless".split())
_EN_JOINS = frozenset("of the and for on in at de when while if as".split())  # never open or close a name
_EN_NAME_WORDS = _EN_LOWER | _EN_BODIES | _EN_AGENTS  # the lower-case words of a name
_EN_NOT_NAMES = frozenset(
    "monday tuesday wednesday thursday friday saturday sunday january february march april may june july august"
    " september october november december today yesterday".split()
)
_DOMAIN = _RE.compile(r"[\w-]+(?:\.[\w-]+)*\.[a-z]{2,}", re.I)
_POSSESSIVE = _RE.compile(r"['’]s$")
_EN_PREFIXED_NAME = _RE.compile(r"(?-i:[a-z]+-[A-Z][\w-]*)")  # a name with a prefix: ex-Soviet, pro-Kremlin, non-EU
# Who owns, runs or backs an organisation, before its name: ``state-controlled Kazatomprom``, ``Kremlin-backed``.
_EN_OWNED_BY = _RE.compile(r"[\w-]+-(?:owned|controlled|run|backed|based|led|funded|affiliated|operated|linked)", re.I)


def _plain(name: str) -> str | None:
    """A reporter phrase that is not a pronoun."""
    return None if not name or name.lower() in _PRONOUNS else name


# Adverbs opening a sentence before its subject: ``Earlier Qazinform reported``.
_EN_OPENERS = _RE.compile(r"^(?:earlier|previously|meanwhile|also|later|recently|separately|now|today|yesterday"
                         r"|(?:in|on|during|by|since|last|this|earlier|later|early|late)\s+(?:(?:this|last|next|early|late|mid-?)\s*)?"
                         r"(?:(?-i:January|February|March|April|May|June|July|August|September|October|November|December"
                         r"|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)|week|month|year|\d{4})"
                         r"(?:\s+(?:this|last)\s+year|\s+\d{4})?"  # In February this year, the Statistics Committee
                         r"|in\s+turn|in\s+(?:a|an|its|the)\s+(?:joint\s+|separate\s+|written\s+)?(?:statement|press\s+release"
                         r"|post|message|report|comment)(?:\s+(?:on|late|early|last)\s+\w+(?:\s+\w+)?)?)\b,?\s+",
                         re.I)  # In a statement (on Friday), the ministry said


# An organisation's press office or spokesperson, of whatever it is: ``the press office of the airport``.
_EN_PRESS_OF = _RE.compile(r"^(?:the\s+|a\s+)?(?:[\w’'-]+\s+){0,3}?(?:press\s+(?:service|office|secretary)|spokes(?:person"
                          r"|man|woman))\s+(?:of|for|at)\s+\S", re.I)
# Correspondents of an outlet and where they are: ``Correspondents of RFE/RL in Astana`` (the place dropped).
_EN_CORRESPONDENTS_IN = _RE.compile(r"^((?:the\s+)?correspondents?\s+(?:of|for|from)\s+.+?)\s+in\s+[A-Z][\w-]+$", re.I)


_EN_COUNTRY_OWNER = _RE.compile(r"[A-Z][a-z]+['’]s\s+(?=[A-Z])")  # Russia's, Kazakhstan's (a body keeps it: its name)
# A source described, then named after a dash: ``the official source - Kazakhstan Railways``.
_EN_SOURCE_DASH = _RE.compile(r"^(?:the\s+|an?\s+)?(?:[a-z]+\s+){0,2}(?:source|sources|website|portal|channel)\s+[–—-]\s+"
                             r"(?=[A-Z])")


_EN_KIND_THEN_NAME = _RE.compile(r"(?:[\w’'-]+\s+){0,3}?(?:news\s+agency|agency|newspaper|website|portal|outlet"
                                r"|broadcaster|channel)\s+\((?P<name>[A-Z][^()]{1,40})\)", re.I)


def _en_name(name: str) -> str | None:
    """An English reporter: capitalised words (or a domain), joined by ``of``/``and`` and organisation nouns
    (``the Mazhilis press service``, ``the ministry``, ``Kazakh Prime Minister’s press service``), without an adverb
    opening the sentence."""
    name = _EN_CORRESPONDENTS_IN.sub(r"\1", _EN_OPENERS.sub("", name.strip()))
    name = _EN_SOURCE_DASH.sub("", name)  # the official source - Kazakhstan Railways: the source named
    kind = _EN_KIND_THEN_NAME.fullmatch(name)  # Kazakhstan news agency (Kazinform): the name in the brackets
    name = kind.group("name") if kind else name
    name = re.sub(r"^(?:both|either)\s+(?=\S+.*\s(?:and|or)\s)", "", name, flags=re.I)  # both NBC News and Bloomberg
    if _registered_spelling(name) or _EN_PRESS_OF.match(name) and len(name.split()) <= 12:
        return name
    words = re.sub(r"^(?:the|a|an)\s+", "", name, flags=re.I).split()
    if "--" in words:  # a dateline's dash before the subject: BERLIN -- The European Space Agency
        return None
    if (not words or len(words) > 16 or words[0].lower() in _PRONOUNS | _EN_NOT_NAMES | _EN_JOINS
            or words[-1].lower() in _EN_JOINS or _POSSESSIVE.search(words[-1])):
        return None
    named = False
    # a body's name by its common noun, with any words describing it (``the Central Asian nation's emergencies
    # ministry``, ``the country's health ministry``): owned or with the article, no verb or clause word among them
    described = (any(w.lower() in _EN_BODIES for w in words) and len(words) <= 8 and (
        name.lower().startswith(("the ", "a ", "an ")) or any(_POSSESSIVE.search(w) for w in words[:-1]))
        or words[-1].lower() in _EN_AGENTS and len(words) <= 3)  # space officials, health authorities
    for word in (_POSSESSIVE.sub("", w.strip("“”\"")) for w in words):
        if word[:1].isupper() or _DOMAIN.fullmatch(word) or re.fullmatch(_ACRONYM, word):
            named = True
        elif not word[:1].isdigit() and not _EN_NAME_WORDS.issuperset(word.lower().split("-")) and re.search(
                r"\w", word) and not (described and word.isalpha() and word.lower() not in _EN_CLAUSE_WORDS) \
                and not _EN_OWNED_BY.fullmatch(word) and not _EN_PREFIXED_NAME.fullmatch(word):
            return None  # press-service: a hyphenated compound of a name's words is one
    if not (named or name.lower().startswith(("the ", "a ", "an ")) or words[-1].lower() in _EN_AGENTS
            or words[-1].lower() in _EN_BODIES):  # according to ministry: the article left out
        return None
    owner = _EN_COUNTRY_OWNER.match(name)  # Russia's Interfax news agency, Russia's Sberbank CIB: the outlet or the
    rest = name[owner.end():] if owner else ""  # firm, without its country; a body keeps it (Kazakhstan's Finance Ministry)
    firm = rest and _EN_BODIES.isdisjoint(w.lower() for w in rest.split()) and _en_firm(rest)
    return rest if owner and (_en_press(rest) or firm) else name


def _registered_spelling(name: str) -> str | None:
    """The registry's spelling of a registered outlet's name typed all in lower case (``kazinform`` → ``Kazinform``;
    not a web address, which is lower case): one spelling per outlet, for grouping articles by source."""
    if not name.islower() or _DOMAIN.fullmatch(name):
        return None
    outlet = outlet_named(name)
    folded = name.casefold()
    return next((alias for alias in (outlet.aliases if outlet else ()) if alias.casefold() == folded), None)


def _en_outlet(name: str) -> str | None:
    """An English reporter that names an organisation (``the Russian Foreign Ministry``, ``the press service``), a
    correspondent, a web address or a registered outlet."""
    name = _en_name(name) or ""
    if _registered_spelling(name):
        return name
    words = {part for w in name.split() for part in _POSSESSIVE.sub("", w).lower().split("-")}
    return name if words & (_EN_BODIES | _EN_AGENTS) or _DOMAIN.search(name) or outlet_named(name) else None


def _en_body(name: str) -> str | None:
    """An English reporter that is a body rather than a person quoted: an outlet (see ``_en_outlet``) or an
    acronym (``NASA``, ``KNB``)."""
    plain = _en_name(name) or ""
    firm = plain and _en_firm(" ".join(w for w in plain.split() if not _EN_OWNED_BY.fullmatch(w)))
    described = _EN_DESCRIBED_ORG.fullmatch(name)  # local pollster SOCIS-A: the organisation by its name
    if described:
        return described.group("name")
    if _EN_TITLE_AND_NAME.fullmatch(name):  # eco-activist Saken Dildakhmet: a person with a title
        return name
    return _en_outlet(name) or (plain if firm else None)


def _en_firm(plain: str) -> bool:
    """Whether ``plain``, a name, is an organisation's by its shape (see ``_EN_CAMEL``, ``_EN_COMPANY_END``,
    ``_EN_COMPOUND_BODY``, ``_EN_FIRM_WORDS``) or an acronym in it (``Sberbank CIB``)."""
    return bool(_EN_CAMEL.search(plain) or "&" in plain or plain.lower() in _EN_WIRES or _EN_COMPANY_END.search(plain)
                or _EN_COMPOUND_BODY.fullmatch(plain) and not _EN_SURNAME.search(plain)
                or " " in plain and not _EN_FIRM_WORDS.isdisjoint(plain.lower().split()) or re.search(r"\b[A-Z]{2,}\b", plain))


def _en_told(name: str) -> str | None:
    """Who was told, as a reporter: a body or outlet (see ``_en_body``), or a one-word name (``told Reuters``,
    ``told Interfax``: an outlet is told by its name alone) that is not a surname (``told Putin``)."""
    if _EN_AUDIENCE.fullmatch(name):
        return None
    plain = _en_name(name)
    if plain and (name.startswith(("the ", "The ")) and plain[4:5].isupper()  # a person takes no article
                  or plain.rsplit(" ", 1)[-1].rsplit("-", 1)[-1].lower() in _EN_MASTHEADS):
        return plain  # the Argus Leader, Business Insider, Agence France-Presse
    return _en_body(name) or (plain if plain and " " not in plain and not _EN_SURNAME.search(plain) else None)


# An organisation named after words for what it is: ``local pollster SOCIS-A``, ``US carrier FlyArystan``.
# (what describes it: lower-case words and adjectives of nation or place: ``the Russian space agency Roscosmos``, ``the
# US-based American-Russian joint venture International Launch Services``)
_EN_DESCRIPTOR = (r"(?:(?-i:[a-z][\w-]*)|(?-i:[A-Z]{2,3}|(?:[A-Z]\.){2,3}|[A-Z][\w-]*(?:an|ese|ish|ic|stani|based|owned|run|led|backed)"
                  r"|Kazakh|Uzbek|Tajik|Kyrgyz|Turkmen|Swiss|French|Dutch|Greek|Thai))")
_EN_DESCRIBED_ORG = _RE.compile(r"(?:(?-i:the|a|an)\s+|(?-i:[A-Z][\w-]*)['’]s\s+)?(?:" + _EN_DESCRIPTOR
                               + r"\s+){0,4}?(?:pollster|watchdog|regulator|think[\s-]tank|venture|consortium|owner"
                               r"|platform|portal|website|service|network|messenger|app|" + "|".join(sorted(_EN_FIRM_NOUNS))
                               + r")\s+(?P<name>(?-i:[A-Z][A-Z0-9&.-]+|[A-Z][\w&.-]*\s+[A-Z][\w&.-]*|[A-Z][a-z]+[A-Z]?[\w&.-]*)"
                               r"(?:\s+(?-i:[A-Z][\w&.-]*)){0,3})")


# A spokesperson named by the body they speak for, unnamed themselves: ``a Kremlin spokesperson``, ``an Akorda
# spokesman``.
_EN_BODY_SPOKESPERSON = _RE.compile(r"(?:(?-i:a|an|the)\s+)?(?P<body>(?-i:[A-Z][\w-]*)(?:\s+(?-i:[A-Z][\w-]*)){0,3})\s+"
                                   r"(?:(?-i:official|chief|deputy)\s+)?(?-i:spokes(?:man|woman|person)|press\s+secretary)")


def _en_said_by(name: str) -> str | None:
    """The body that said it (see ``_en_body``), through its spokesperson or its reports if the phrase names them (``A
    spokesman for the ministry told``, ``Kazakh media reports say``; ``the report said`` stays the report), or someone
    named by a common noun (see ``_en_common``)."""
    spoken = _EN_BODY_SPOKESPERSON.fullmatch(name)  # a Kremlin spokesperson said: the Kremlin
    if spoken:
        return spoken.group("body")
    role = re.fullmatch(_EN_ROLE_OF, name[:1].lower() + name[1:])  # a spokesman for the ministry told: the ministry
    if role and not _EN_TITLE_AND_NAME.fullmatch(name):  # not a spokesperson named (… of the President Dauren Abayev)
        return _en_body(role.group("reporter") or role.group("reporter2"))
    owner = _EN_REPORTS_OF.sub("", name)
    return (_en_body(owner) if owner != name else None) or _en_body(name) or _en_common(name)


_EN_NOT_ADVERBS = frozenset("family ally assembly monopoly supply anomaly".split())  # nouns ending in -ly


def _en_common(name: str) -> str | None:
    """Someone named by a common noun (see ``_EN_COMMON``), without the article."""
    m = _EN_COMMON.fullmatch(name)
    if not m:
        return None
    words = [w.lower() for w in re.split(r"[\s-]+", m.group("name"))]
    if any(w in _EN_FUNCTION_WORDS or w.endswith("ly") and w not in _EN_NOT_ADVERBS for w in words):
        return None
    noun = m.group("head").rsplit("-", 1)[-1]
    return m.group("name") if _EN_AGENT_NOUN.search(noun) or noun.rstrip("s") in _EN_PEOPLE_NOUNS else None


def _en_press(name: str) -> str | None:
    """An English reporter that is a news outlet: a masthead (``Fergana news agency``), a registered outlet, a web
    address or a world agency; not a body, which a speaker does not cite (``X said, according to the ministry``)."""
    plain = _en_name(name)
    return plain if plain and (plain.rsplit(" ", 1)[-1].lower() in _EN_MASTHEADS or outlet_named(plain)
                               or _DOMAIN.search(plain) or plain.lower() in _EN_WIRES) else None


# The last word of an outlet's name (``Business Insider``, ``Financial Times``, ``Kazakhstan Today``).
_EN_MASTHEADS = frozenset(
    "insider post times news press journal herald tribune gazette leader agency wire daily weekly today tv radio"
    " telegraph guardian observer review monitor chronicle express mail star sun standard record bulletin digest"
    " magazine reporter independent inquirer dispatch examiner courier register globe week network channel"
    " broadcasting service presse".split())


# Whom a body tells news without being its source: ``told reporters``, ``told the media``, ``told a briefing``.
_EN_AUDIENCE = _RE.compile(r"(?:the\s+|a\s+|an\s+)?(?:reporters|journalists|media|press|(?:news\s+|press\s+)?briefing"
                          r"|(?:news|press)\s+conference|audience|crowd|public|cabinet|government|parliament|senate"
                          r"|lawmakers|legislators|deputies|senators|delegates|participants|investors|shareholders"
                          r"|students|residents|citizens|voters|nation|country"
                          r"|(?:[\w-]+\s+){0,2}(?:meeting|session|sitting|hearing|forum|summit|gathering|rally|event"
                          r"|conference|congress|plenary))"
                          r"(?:\s+(?:of|on|in)\s+[^,.;\n]{1,60})?", re.I)


# The endings of Russian, Kazakh and Ukrainian surnames written in Latin letters (Tokayev, Putin, Kuleba uly).
_EN_SURNAME = _RE.compile(r"(?:ov|ev|yev|in|yn|ova|eva|ina|uly|kyzy|enko|ko|ich|sky|skiy|iy)$", re.I)


_RU_TITLES = ("министр", "аким", "глава", "президент", "премьер", "спикер", "представитель", "директор", "председатель",
              "руководитель", "пресс-секретарь", "начальник", "заместитель", "депутат")
# Who may speak to an outlet after it is named (``рассказал РИА Новости эксперт …``): a title, or one who is asked for
# a view or a fact (experts alone, ``Эксперты заявили``, name no reporter).
_RU_SPEAKER_TITLES = (*_RU_TITLES, "эксперт", "аналитик", "специалист", "источник", "собеседник", "сотрудник", "политолог",
                      "экономист")


_RU_TITLES_TOLD = frozenset(  # a title in the dative opening the phrase: whom it was told (Президенту X рассказали)
    [title + "у" for title in _RU_TITLES if not title.endswith(("а", "ь"))]
    + [title[:-1] + "ю" for title in _RU_TITLES if title.endswith("ь")] + ["главе", "премьер-министру", "спикеру"])


def _ru_body(name: str) -> str | None:
    """A Russian reporter before its verb that is a body or an official, not a pronoun or a crowd: an institution
    (``Пресс-служба акимата``, ``Минздрав``), a title (``Министр энергетики``), an acronym, a «name» or a Latin name;
    without the words opening the sentence before it (``Об этом глава государства``)."""
    name = _RU_MEDIUM_AFTER.sub("", _RU_SUBJECT_OPENERS.sub("", name))
    words = name.lower().split()
    if words and (words[0] in ("в", "во", "на", "корреспонденту", "корреспондентам") or words[0] in _RU_TITLES_TOLD):
        return None  # Ранее в АТОР сообщили, Корреспонденту X в … сообщили, Президенту … рассказали: where and whom
    if (words and words[0].startswith(_RU_BODY_PREFIXES) and name[:1].isupper()
            and not _RU_SURNAME.search(name.split()[0])):  # Минздрав, Минздрав республики
        return name
    if not _plain(name) or len(words) > 8:
        return None
    if outlet_named(name):  # Казинформ пишет: a registered outlet by its name
        return name
    named = any(w.endswith(_RU_HEAD_NOUNS) or w.endswith(_RU_HEAD_PLURALS) or w.split("-")[-1].startswith(_RU_TITLES)
                for w in words) or words[0] in _RU_GROUPS or russian.names_someone(name)  # казахстанский спортсмен
    return name if named or re.search(r"\b[A-ZА-ЯЁ]{2,}\b|[«\"“]|[A-Za-z]", name) else None


# People named by what they do, who report as a body does (``Синоптики прогнозируют``, ``Спасатели сообщили``).
_RU_GROUPS = frozenset(
    "синоптики метеорологи спасатели медики врачи полицейские правоохранители пограничники таможенники эксперты аналитики"
    " специалисты ученые учёные экологи экономисты политологи юристы депутаты сенаторы власти организаторы очевидцы"
    " свидетели жители местные энергетики коммунальщики железнодорожники дорожники пожарные волонтеры волонтёры"
    " активисты журналисты сотрудники представители участники родители"
    .split())


# What opens the clause of what was said after a comma: ``, что``, or an indirect question (``ЦИК РК рассказал, как
# пройдет референдум``, ``…, когда/где/почему/сколько …``).
_RU_REPORTED = r"(?:что|как|когда|где|почему|зачем|сколько|какие|какой|какая|каким|чем|ли)\b"


# What may open a sentence before its subject: ``Об этом глава государства написал``, ``Ранее Минздрав сообщил``.
_RU_SUBJECT_OPENERS = _RE.compile(r"^(?:(?:об\s+этом|о\s+том|при\s+этом|кроме\s+того|также|ранее|позже|позднее|вчера|сегодня"
                                 r"|накануне|недавно|теперь|сейчас|тогда|утром|вечером|днем|днём|ночью"
                                 r"|в\s+(?:понедельник|вторник|среду|четверг|пятницу|субботу|воскресенье)"
                                 r"|между\s+тем|как-то|однажды|затем|потом|впоследствии|в\s+свою\s+очередь|в\s+частности|и"
                                 r"|лишь|только|ещ[её]|уже|летом|зимой|весной|осенью"
                                 # в середине марта, в начале года, в конце прошлой недели, в марте, в 2023 году
                                 r"|в\s+(?:середине|начале|конце|течение)\s+(?:(?:прошлого|прошлой|этого|этой|текущего"
                                 r"|текущей|нынешнего)\s+)?[а-яё]+|в\s+(?:январе|феврале|марте|апреле|мае|июне|июле"
                                 r"|августе|сентябре|октябре|ноябре|декабре)|в\s+\d{4}\s+году"
                                 r"|(?:на\s+)?(?:прошлой|этой|минувшей)\s+неделе|в\s+(?:прошлом|этом|минувшем)\s+(?:году"
                                 r"|месяце)|\d{1,2}\s+(?:января|февраля|марта|апреля|мая|июня|июля|августа|сентября"
                                 r"|октября|ноября|декабря)(?:\s+\d{4}(?:\s+года)?)?)\s+)+", re.I)  # 19 марта X писал
# What a body said it in, after its name: ``Пресс-служба акимата в рассылке сообщила``, ``МЧС в своем Telegram-канале``.
_RU_MEDIUM_AFTER = _RE.compile(r"\s+(?:в|во|на)\s+(?:сво[её]м\s+|своей\s+|официальном\s+|официальной\s+)?(?:рассылке"
                              r"|сообщении|заявлении|ответе|комментарии|пресс-релизе|эфире|соцсетях|социальных\s+сетях"
                              r"|(?:telegram|телеграм|instagram|facebook)[\w-]*(?:\s+(?:канале|аккаунте|странице))?"
                              r"|странице|аккаунте|брифинге|пресс-конференции"
                              r"|(?:интервью|беседе\s+с)\s+(?:журналистам|журналистами|СМИ|прессе|корреспонденту|нашему"
                              r"\s+изданию))$", re.I)  # в интервью журналистам: to whom, not who
# Where a speaker said it, after their name (``рассказал глава госкорпорации Дмитрий Рогозин в видео, опубликованном
# …``): it ends the name.
_RU_MEDIUM_NEXT = (r"(?=\s+(?:в|во|на|при)\s+(?:(?:своем|своём|своей|официальном|официальной)\s+)?(?:аккаунте|странице"
                   r"|канале|видео|интервью|эфире|беседе|комментарии|обращении|выступлении|сообщении"
                   r"|заявлении|посте|ходе|рамках|брифинге|пресс-конференции|заседании|совещании|встрече|Telegram"
                   r"|Instagram|Facebook|соцсетях|социальных)\b)")
# When, after the name it follows: ``сообщили … редакции КазТАГ во вторник``.
_RU_WHEN_AFTER = (r"(?:\s+(?:во?\s+(?:понедельник|вторник|среду|четверг|пятницу|субботу|воскресенье)|вчера|сегодня"
                  r"|накануне|утром|вечером))?")
# When, between a subject and its verb: ``"Роскосмос" 27 ноября сообщил``, ``МЧС вчера сообщило``.
_RU_WHEN_BEFORE = (r"(?:\s+(?:\d{1,2}\s+(?:января|февраля|марта|апреля|мая|июня|июля|августа|сентября|октября|ноября"
                   r"|декабря)|вчера|сегодня|накануне|ранее|утром|вечером|в\s+(?:понедельник|вторник|среду|четверг|пятницу"
                   r"|субботу|воскресенье)|также|тоже|уже|ещё|еще|неоднократно|официально|лично|публично|впервые|вновь"
                   r"|снова|дополнительно|в\s+свою\s+очередь|в\s+частности|не\s+раз)){0,3}")
# A ministry or a state body named by its compound (``Минздрав``, ``Минфин``, ``Госдума``, ``Нацбанк``), not a surname.
_RU_BODY_PREFIXES = ("мин", "гос", "нац", "гор", "обл", "рай")
_RU_SURNAME = _RE.compile(r"(?:ов|ев|ёв|ин|ын|ий|ой|ова|ева|ина|ына|ая|ко|ук|юк|ич)$")


# A person's name in Russian or Kazakh Cyrillic: initials before a surname (``М. Тасмаганбетов``), or a first name
# and a surname with a surname's ending (-ов/-ев/-ин/-ский/-енко/-ұлы/-қызы…, in any gender).
_RU_PERSON = _RE.compile(
    r"(?:[А-ЯЁӘҒҚҢӨҰҮҺІ]\.\s*){1,2}[А-ЯЁӘҒҚҢӨҰҮҺІ][\w-]+"
    r"|[А-ЯЁӘҒҚҢӨҰҮҺІ][а-яёәғқңөұүһі]+(?:-[А-ЯЁӘҒҚҢӨҰҮҺІ][а-яёәғқңөұүһі]+)?\s+[А-ЯЁӘҒҚҢӨҰҮҺІ][а-яёәғқңөұүһі-]*"
    r"(?:ов|ев|ёв|ин|ын|ий|ой|ова|ева|ёва|ина|ына|ая|ко|ук|юк|ич|ұлы|улы|қызы|кызы)")


def _not_a_person(name: str) -> str | None:
    """A reporter after a Russian or Kazakh verb, unless it is a person's bare name: a person quoted (``…, заявил
    М. Тасмаганбетов``, ``деп мәлімдеді А. Ахметов``) is a speaker, not where the news comes from; a title or a body
    before the name makes them one (``заявил аким области М. Тасмаганбетов``)."""
    plain = _plain(name)
    return None if plain is not None and _RU_PERSON.fullmatch(plain) else plain


def _ru_after_verb(name: str) -> str | None:
    """A Russian reporter printed after its verb (see ``_not_a_person``), without whom it was said to (``сказал Глава
    государства Ильину``: see ``russian.without_addressee``)."""
    return _not_a_person(russian.without_addressee(name))


# The words that may open a clause whose subject follows its verb (``Об этом сообщил X``, ``Как ранее сообщала X``,
# ``…, — заявил в пятницу X``), and the prepositions opening a phrase of where, when or how it was said (``Об этом на
# брифинге в Астане рассказал X``, ``в своем Telegram-канале``, ``в интервью телеканалу «Хабар»``).
_RU_INVERSION_OPENERS = frozenset(
    "этом том чем как также тоже ранее позже позднее вчера сегодня накануне утром вечером днем днём ночью кроме того при"
    " между тем затем потом впоследствии свою очередь частности и а но лишь только уже еще ещё однако официально публично"
    " впервые вновь снова именно же так впрочем наконец журналистам сми неоднократно дополнительно".split())
_RU_PREPOSITIONS = frozenset("в во на с со по при после до перед за из от для через у к ко около среди о об".split())
_RU_PHRASE_WORDS = 6  # the words a prepositional phrase may run to (о перспективах космических проектов стран ЕАЭС)
_CLAUSE_OPENING = _RE.compile(r"[,;:!?…—–―‒−()\n]|[.!?…](?=\s|$)|\s-(?=\s|$)")


def _ru_inverted(before: str, verb: str) -> bool:
    """Whether the Russian reporting ``verb`` after ``before`` may have its subject after it: no word between the
    clause's start and the verb may be its subject (see ``russian.may_be_subject``: ``Вчера он передал документы``,
    ``Компания предложила новый тариф`` make what follows an object), past openers, prepositional phrases (inside one,
    a word read only in the nominative ends it: ``В Алматы полиция сообщила``) and objects (``Ситуацию
    прокомментировали в полиции``).  A capitalised opener starts a sentence even where its full stop was lost (``…с сайта
    www.yarskonline.ru Об этом сообщает``)."""
    start = max((m.end() for m in _CLAUSE_OPENING.finditer(before)), default=0)
    licensed, phrase = True, 0  # phrase: the words a prepositional phrase may still take
    for word in (w.strip("«»\"“”") for w in before[start:].split()):
        low = word.lower()
        if low in _RU_PREPOSITIONS or low in _RU_INVERSION_OPENERS or low.isdigit():
            licensed = licensed or word[:1].isupper()
            phrase = _RU_PHRASE_WORDS if low in _RU_PREPOSITIONS else 0
        elif phrase:
            phrase -= 1
            licensed = licensed and not (phrase < _RU_PHRASE_WORDS - 1 and russian.may_be_subject(word, verb, True))
        elif russian.may_be_subject(word, verb):
            licensed = False
    return licensed


# What may close a Russian name after it, not part of it: a time or place (``по данным МЧС на утро 15 апреля``,
# ``корреспондент Bestnews.kz с "Барыс Арены"``).
_RU_ADJUNCT = _RE.compile(r"\s+(?:на|за|в|во|к|до|после|с|со|из|по\s+состоянию|из-за|из-под|благодаря|ввиду|вследствие)\s")


# A source named by where it works (``источник в правительстве``, ``собеседник в МВД``): the place is its name.
_RU_SOURCE_IN = _RE.compile(r"(?:источник|собеседник)\w{0,3}\s+во?\s", re.I)


def _outside_quotes(prefix: str) -> bool:
    """Whether the text after ``prefix`` is outside any quoted name (``«Жизнь в Алматы»`` holds its ``в``)."""
    return (prefix.count("«") == prefix.count("»") and prefix.count("“") == prefix.count("”")
            and prefix.count('"') % 2 == 0)


def _ru_before_adjunct(name: str) -> str | None:
    """A Russian reporter without the time or place printed after it; a source keeps where it is (``источника в
    правительстве`` → ``источник в правительстве``)."""
    cut = next((m.start() for m in _RU_ADJUNCT.finditer(name) if _outside_quotes(name[: m.start()])
                and not _RU_SOURCE_IN.match(name)), len(name))
    return _plain(name[:cut])


def _capitalised_tail(name: str) -> str | None:
    """The capitalised words (or a «quoted» name) closing ``name``: ``казахстанское издание Орда`` → ``Орда``."""
    quoted = re.search(r"«[^»]+»$", name)
    if quoted:
        return quoted.group(0)
    words = name.split()
    tail: list[str] = []
    for word in reversed(words):
        if not (word[:1].isupper() or word[:1].isdigit()):
            break
        tail.insert(0, word)
    return " ".join(tail) or None


def _ru_institution(name: str) -> str | None:
    """A Russian locative phrase whose head is a known institution, a proper name or an acronym (``пресс-службе
    акимата``, ``Минздраве``, ``МВД``), not a place or an occasion (``в Алматы``, ``в интервью``)."""
    noun = russian.head(name, "loct")
    return name if noun and (noun.endswith(_RU_HEAD_NOUNS) or name.lstrip("«\"“")[:1].isupper() and russian.nominative(
        name, "loct") != name) or re.match(r"[A-ZА-ЯЁ]{2,}\b|«[^»]+»$|\"[^\"]+\"$", name) else None  # в «АрселорМиттал»


def _kk_office(name: str) -> str | None:
    """A Kazakh reporter that names an office, a correspondent or a source: ``… баспасөз қызметі``, ``…-нен``; without
    what it was said about before it (``Бұл оқиғаға қатысты``: regarding this incident)."""
    name = _KK_REGARDING.sub("", name)
    words = name.split()
    last = words[-1] if words else ""
    if _KK_OFFICE.search(last) or _kk_base(last, _KK_ABLATIVE) != last:
        return name
    # an institution by its head noun, a phrase in no case but the genitive (… денсаулық сақтау басқармасы)
    return name if len(words) > 1 and _kk_head(last) and not any(_kk_cased(w) for w in words) else None


_KK_ALONG = frozenset(_kk_spellings("бойынша"))
_KK_PLACED = _RE.compile(_kk(("орналасқан", "тұратын", "тұрған", "жұмыс істейтін", "қызмет ететін")), re.I)


def _kk_after_clause(name: str) -> str | None:
    """A Kazakh reporter without the participle clause describing it before it (``Орталық коммуникациялар қызметінде
    сөз алған Энергетика министрі`` → ``Энергетика министрі``: the minister who spoke at the service)."""
    words = name.split()
    # an adverbial of its own before it: Үш мекенжай бойынша (at three addresses) X-тың ақпараты бойынша
    words = words[max((i + 1 for i, w in enumerate(words[:-1]) if w.lower() in _KK_ALONG), default=0):]
    # a participle of where it is or works names which one it is (… қиылысында орналасқан метеостанция): kept
    at = max((i for i, w in enumerate(words[:-1]) if _KK_PARTICIPLE_END.search(w) and not _KK_PLACED.fullmatch(w)),
             default=-1)
    # the owner in the genitive before a clause describing its data: X-тың сағат 14:00-де жарияланған алдын ала
    # мәліметі → X
    owner = next((i for i, w in enumerate(words[:at]) if _KK_GENITIVE.search(w)), None) if at > 0 else None
    if owner is not None and not _KK_GENITIVE.search(words[-1]):
        return _plain(" ".join(words[: owner + 1]))
    return _plain(" ".join(words[at + 1:]))


def _kk_before_place(name: str) -> str:
    """A Kazakh reporter after its verb without the time or place printed after it (``ведомство басшысы Мәжіліс
    куларында`` → ``ведомство басшысы``; ``министр брифингте``): a closing locative in lower case, with a name it
    follows (``Мәжіліс``) unless that is part of a person's name."""
    words = _KK_TIME_AFTER.sub("", name.rstrip(" .")).split()
    if len(words) >= 2 and not words[-1][:1].isupper() and len(words[-1]) > 5 and _KK_LOCATIVE.search(words[-1]):
        words.pop()
        if len(words) >= 2 and (words[-1][:1].isupper() and words[-2][:1].islower() or _KK_ATTRIBUTIVE.search(words[-1])):
            words.pop()  # Мәжіліс (кулуарында), Twitter (парақшасында), желідегі (парақшасында): where, not who
        elif len(words) >= 3 and _KK_HELD.fullmatch(words[-1]):  # агенттікте өткен (брифингте): where it was held
            words.pop()
            if len(words) >= 2 and _KK_LOCATIVE.search(words[-1]):  # Үкіметте, агенттікте
                words.pop()
    return " ".join(words)


_KK_HELD = _RE.compile(_kk(("өткен", "болған", "өтетін", "өтіп жатқан", "ұйымдастырылған")), re.I)  # held, organised


def _kk_cased(word: str) -> bool:
    """Whether a Kazakh word is in a case no subject is in (see ``_KK_CASED``; Қазақстан reads as an ablative)."""
    return bool(_KK_CASED.search(word)) and not _STAN.search(word) and not _KK_GENITIVE.search(word)


def _kk_head(word: str) -> bool:
    """Whether a Kazakh word may head an institution's name: a possessive (``министрлігі``, ``банкі``) or a bare head
    noun (``банк``, ``ministrlık``)."""
    return bool(_KK_OWNED.search(word)) and len(word) > 3 or word.lower().lstrip(_HAMZA) in _KK_HEADS


_KK_LEAD_WORDS = 8  # the words a phrase of when or where may run to before a subject
# A participle closing a sentence as its verb, with the auxiliary of the past perfect: айтқан болатын (had said)
_KK_PERFECT = "(?:\\s+" + _kk(("болатын еді", "болатын", "еді")) + ")?"
_KK_ADJECTIVE_END = _kk_suffix(("ғы", "гі", "қы", "кі"))  # an adjective of time or place (кешкі, биылғы), not a head


def _kk_sov_subject(span: str) -> str | None:
    """The subject opening ``span``, a Kazakh subject and the object clause of a verb of saying (``Ұлттық банк 10
    маусымнан бастап … айналымнан шығатынын``, ``ministrlık 30 myŋ gektar … jatqanyn``): up to an institution's head
    noun (a possessive, ``министрлігі``, ``банкі``, or a bare head, ``банк``, ``ministrlık``), an acronym or a name in
    capitals followed by a word in lower case, and never past a number or a word in a case."""
    if _KK_ACCORDING_LEAD.match(span):  # Ақорданың мәліметінше, облыс әкімі … мәлімет берді: the sentence names its
        return None  # source first; what the subject told is the news it reports
    words = span.split()
    # when or where it was said, before the subject: 1 желтоқсанда кешкі брифинг кезінде (on 1 December, during the
    # evening briefing): up to the last word in the locative among the first few
    lead = -1
    for i, word in enumerate(words[:min(_KK_LEAD_WORDS, len(words) - 2)]):
        if (_kk_head(word) and not _KK_ADJECTIVE_END.search(word) or i and word[:1].isupper()
                and not (_KK_ATTRIBUTIVE.search(word) or _kk_cased(word))):  # Үкіметтегі брифингте: still where
            break  # a name or a head: the subject has begun (Денсаулық сақтау министрі Мәжіліс кулуарында …)
        if not word[:1].isupper() and _KK_LOCATIVE.search(word) and len(word) > 3:  # tote has no capitals
            lead = i
    words = words[lead + 1:]
    while words and _KK_WHEN.fullmatch(words[0]):
        words.pop(0)
    while len(words) > 1 and _KK_WHEN.fullmatch(" ".join(words[:2])):
        del words[:2]
    if not words or words[0][:1].isdigit() or _kk_cased(words[0]):
        return None
    end = acronym = 0
    for i, word in enumerate(words[:-1]):
        nxt = words[i + 1]
        if i and (word[:1].isdigit() or _kk_cased(word) or _KK_CLAUSE_OPENERS.match(word)):
            end = acronym or i
            break
        if _KK_GENITIVE.search(word):
            continue
        # a capital opening the sentence names nothing; a Latin name in Cyrillic text does (Kazinform)
        named = word[:1].isupper() and (i or word.isascii() != nxt.isascii())
        if word.isupper() and len(word) > 1 and not nxt.isupper() and not acronym:
            acronym = i + 1  # ҚР … министрі: an acronym may open a longer name; it ends the subject if no head follows
            continue
        if (_kk_head(word) and not (_KK_OWNED.search(nxt) and _kk_head(nxt) and not _KK_ATTRIBUTIVE.search(nxt))
                or named and not nxt[:1].isupper() and not _kk_head(nxt) and not _KK_GENITIVE.search(nxt)):
            end = i + 1
            # a title's holder named after it: … орынбасары Қанат Бозымбаев (a first name and a surname at most)
            while (_kk_head(word) and end < min(i + 3, len(words) - 1) and not _kk_cased(words[end + 1])
                   and not _KK_ATTRIBUTIVE.search(words[end]) and (words[end][:1].isupper() or end == i + 1 and _KK_SURNAME.search(words[end + 1])
                        or end == i + 2 and _KK_SURNAME.search(words[end]))):  # not a place's name: Мәжіліс кулуарында
                end += 1  # (in tote, without capitals, by the surname's ending: باۋىرجان سىزدىقوۆ)
            break
    end = end or acronym
    return _kk_subject(" ".join(words[:end])) if 0 < end < len(words) - 1 else None


_KK_ACCORDING_LEAD = _RE.compile(r"^[^,،\n]{1,100}?\s+" + _kk(_KK_ACCORDING) + r"\s*[,،]\s*", re.I)


def _kk_whole_subject(name: str) -> str | None:
    """``name`` if it is a subject as a whole (see ``_kk_sov_subject``): a subject after the clause it reported."""
    return name if _kk_sov_subject(f"{name} деп деп") == name else None


def _kk_subject(name: str) -> str | None:
    """The subject of a Kazakh clause without the time and place before it (``бүгін мәжілістің үкімет сағатында
    депутат Нұрлан Әбілиров`` → ``депутат Нұрлан Әбілиров``)."""
    words = name.split()
    if len(words) >= 3 and words[-1][:1].islower() and _KK_LOCATIVE.search(words[-1]) and words[-2].endswith(
            ("»", '"', "”")):  # the occasion after the subject by its quoted title: … «Қала дамуы туралы» брифингте
        words = words[:next((i for i in range(len(words) - 2, 0, -1) if words[i].startswith(("«", '"', "“"))),
                            len(words))]
    if len(words) >= 3 and words[-1][:1].islower() and _KK_LOCATIVE.search(words[-1]):
        # the occasion after the subject: … журналистерге арнап өткізген баспасөз мәслихатында (at the press
        # conference held for journalists), a participle opening it, with what it was for before that
        at = next((i for i, w in enumerate(words[1:-1], 1) if _KK_PARTICIPLE_END.search(w)), 0)
        while at > 1 and (_KK_FOR.fullmatch(words[at - 1]) or _KK_DATIVE.search(words[at - 1])
                          and words[at - 1][:1].islower()):
            at -= 1
        words = words[:at] if at else words
    cut = max((i + 1 for i, w in enumerate(words[:-1]) if _KK_WHEN.fullmatch(w)
               or (_KK_LOCATIVE.search(w) and not w[:1].isupper() and len(w) > 5)), default=0)
    # a description before a name, not a title: белгілі журналист Михаил Козачков (a well-known journalist); the
    # name's words open with a capital (in tote, which has no letter case, with any letter)
    if len(words) - cut >= 4 and _KK_EPITHET.fullmatch(words[cut]) and not any(w[:1].islower() for w in words[cut + 2:]):
        cut += 2
    # whom it was told, after the subject, is no part of it, nor an adjective, which never closes a noun phrase (облыс
    # әкімі журналистерге, министр әлеуметтік желідегі …); an accusative -ны/-ні is not told from a possessive on a
    # noun ending in н (маманы, тұрғыны), so it stays
    while len(words) - cut > 1 and words[-1][:1].islower() and _KK_NOT_SUBJECT_END.search(words[-1]):
        words.pop()
    return _plain(" ".join(words[cut:]))


_KK_NOT_SUBJECT_END = _kk_suffix(("ға", "ге", "қа", "ке", "лық", "лік", "дық", "дік", "тық", "тік", "дағы",
                                  "дегі", "тағы", "тегі", "ндағы", "ндегі"))


_KK_PARTICIPLE_END = _kk_suffix(("ған", "ген", "қан", "кен"))
_KK_FOR = _RE.compile(_kk(("арнап", "арналған")), re.I)
_KK_REGARDING = _RE.compile(r"^(?:(?:\S+\s+){1,3}?" + _kk(("қатысты", "байланысты")) + r"|" + _kk(("бұл", "осы"))
                           + r"\s+" + _kk(("фактіге", "оқиғаға", "мәселеге", "жағдайға", "сұраққа", "ақпаратқа")) + r")\s+",
                           re.I)  # regarding this …; to this fact (Бұл фактіге … түсінік берді)
# A comma listing words before "and" (Экология, геология және табиғи ресурстар министрі): inside a name.
_KK_LIST_COMMA = r",(?=\s+[^\s,.;:]+(?:\s+[^\s,.;:]+)?\s+(?:" + _kk(("және", "мен", "hám", "jane")) + r"))"
# An object clause's last word: …болатынын, екенін; or what it was about: …тозғаны туралы (жайлы, жөнінде)
_KK_OBJECT_END = "(?:" + _kk(("ын", "ін"), word_start=False) + r"|\s" + _kk(("туралы", "жайлы", "жөнінде")) + ")"
# Words that open an object clause, never inside a subject: a demonstrative, an adverb of time (вице-министр бұл мәселе
# әлі пысықталып жатқанын мәлім етті).
_KK_CLAUSE_OPENERS = _RE.compile(_kk(("бұл", "осы", "ол", "сол", "мына", "мұндай", "осындай", "әлі", "қазір", "әзірге",
                                     "енді", "алдағы", "биыл", "жақында")) + "$", re.I)
# A word describing what follows it by where it is (-дағы/-дегі: Екібастұздағы апатты): it opens a new phrase.
_KK_ATTRIBUTIVE = _kk_suffix(("дағы", "дегі", "тағы", "тегі", "ндағы", "ндегі"))
# A surname's ending, in every script (Сыздықов, Ахметова, Жұмабекұлы): a title's holder named after it.
_KK_SURNAME = _kk_suffix(("ов", "ев", "ин", "ова", "ева", "ина", "ұлы", "қызы", "улы", "кызы"))
# A word in a case no subject is in: dative, ablative, locative, instrumental (the dative -на/-не only after a
# possessive: Астана is none).
_KK_CASED = _kk_suffix(("ға", "ге", "қа", "ке", "ына", "іне", "дан", "ден", "тан", "тен", "нан", "нен", "да", "де", "та",
                        "те", "нда", "нде", "мен", "пен", "бен"))
# An institution named by its bare noun (``Ұлттық банк``, ``ministrlık``), in every script, lower-cased.
_KK_HEADS = frozenset(s for w in ("банк", "министрлік", "ведомство", "әкімдік", "полиция", "прокуратура", "сот",
                                         "компания", "қор", "агенттік", "комиссия", "комитет", "департамент", "басқарма",
                                         "үкімет", "парламент", "мәжіліс", "сенат", "ақорда", "биржа", "институт")
                     for s in _kk_spellings(w))
_KK_WHEN = _RE.compile(_kk(("бүгін", "кеше", "ертең", "жуырда", "таңертең", "кеше кешке", "биыл", "түс ауа", "кешке",
                           "бұған дейін", "бұдан бұрын", "осыған дейін", "ертеректе", "бұрын")),
                      re.I)
_KK_EPITHET = _RE.compile(_kk(("белгілі", "танымал", "әйгілі", "атақты", "белді", "тәжірибелі")), re.I)
_KK_LOCATIVE = _kk_suffix(("нда", "нде", "да", "де", "та", "те"))
_KK_LOCATIVE_END = "(?:" + _kk(("нда", "нде", "да", "де", "та", "те"), word_start=False) + ")"  # inside a pattern
_KK_TIME_AFTER = _RE.compile(  # a time closing a reporter phrase: … баспасөз қызметі жұма күні (on Friday)
    r"\s+" + _kk([day + " күні" for day in ("дүйсенбі", "сейсенбі", "сәрсенбі", "бейсенбі", "жұма", "сенбі", "жексенбі")]
                 + ["бүгін", "кеше", "кеше кешке", "таңертең"]) + "$", re.I)
_KK_GENITIVE_END = "(?:" + _kk(("ның", "нің", "дың", "дің", "тың", "тің"), word_start=False) + ")"  # inside a pattern
# "it is said / written in": the passive participle and present (делінген, делінеді, айтылған, жазылған …)
_KK_SAID_IN = tuple(form for stem in ("делін", "айтыл", "жазыл") for form in (_kk_participle(stem), _kk_verb(stem)[0]))
# in the message, statement, information (of X): хабарламада, хабарламасында, ақпаратында, мәлімдемесінде
_KK_MESSAGE_IN = tuple(form for noun in ("хабарлама", "ақпарат", "мәлімдеме", "хат", "пресс-релиз")
                       for form in (_kk_locative(noun), _kk_possessive(noun) + _harmony(noun, "нда", "нде")))
# Relying on (X's data): сүйенсек, сүйенер болсақ, сүйене отырып; the data in the dative, singular or plural, owned or
# not (мәліметіне, деректерге, деректеріне, ақпаратқа, хабарламасына).
_KK_GIVEN = ("тарат", "жарияла", "жолда", "бер", "шығар", "ұсын", "жібер")  # spread, published, sent, gave, provided
_KK_RELYING = ("сүйенсек", "сүйенер болсақ", "сүйене отырып", "сәйкес", "сай", "сенсек")  # relying on, according to, if
# we believe
_KK_SOURCE_DATIVE = tuple(
    form for noun in ("мәлімет", "дерек", "ақпарат", *_KK_SOURCES_SHORT, "хабарлама", "мәлімдеме", "есеп", "болжам")
    for stem in (noun, _kk_plural(noun))
    for form in (_kk_possessive(stem) + _harmony(stem, "на", "не"),
                 stem + (_harmony(stem, "қа", "ке") if stem[-1] in _KK_VOICELESS else _harmony(stem, "ға", "ге"))))
_KK_CLAUSE_START = r"(?:^|(?<=[.,;:–—،؛]))\s*"
_KK_OFFICE = _RE.compile(_kk(("қызметі", "тілшісі", "сайты")) + "$", re.I)

# --- the forms ---------------------------------------------------------------------------------------------------

# The end of a sentence (or clause) after a name, an ellipsis too; a dot after an initial (``М. Смаилов``) ends
# nothing.
# A colon before what was said ends one too (``… каналында жазды:``), and so does a full stop glued to the next
# sentence's capital where a page lost the space (``Gazeta.ru reports.A coin``; not ``Vlast.kz``, ``U.S.``).
_GLUED_STOP = r"|(?-i:(?<=[a-zа-яё]{2})\.(?=[A-ZА-ЯЁ](?:[a-zа-яё]|\s)))"
# … or a quote resumes (``, —``), or another attribution quotes this one (``мәлім етті, деп хабарлайды Egemen.kz``)
# (a line's end ends it even after a capital alone: ``написал Экспресс К``; a stop after one is an initial's)
# (a comma closing the text too: the part of a line before an attribution quoting this one, ``… айтты, | деп …``)
_SENTENCE_END = (r"(?:(?=\s*(?:\n|$))|(?<!\b[A-ZА-ЯЁ])(?=\s*(?:[.;:!?…]+(?:\s|$)|,\s*[–—-]+(?:\s|$)|[,،]\s*(?:деп|dep|دەپ)\s"
                 r"|[,،]\s*$)"
                 + _GLUED_STOP + "))")
_CLAUSE_END = r"(?:(?=\s*(?:\n|$))|(?<!\b[A-ZА-ЯЁ])(?=\s*(?:[.;:,!?…،؛]+(?:\s|$))" + _GLUED_STOP + "))"
_ON_CHANNEL = (r"\s+(?:в|на|через|in|on|via|through)\s+(?:своем\s+|своём\s+|its\s+|his\s+|her\s+|their\s+)?"
               r"(?:официальн\w+\s+|official\s+)?(?:Telegram|Instagram|Facebook|Twitter|YouTube|TikTok|соцсет|телеграм|"
               r"сайт|website|page|account|channel|канал|аккаунт|страниц)[^.;\n]*?")
_CHANNEL = f"(?:{_ON_CHANNEL})?"
_WHEN = r"(?:\s+on\s+\w+\.?\s+\d{1,2})?"
_END = _CHANNEL + _WHEN + _SENTENCE_END
# A name after its verb: up to the sentence end (``сообщает Zakon.kz``).
# a preposition, conjunction or adverb of time, not a name, follows the verb
_NOT_NAME = (r"(?!(?:в|во|со|о|об|что|на|вчера|сегодня|накануне|утром|вечером|днем|днём|ранее|позже|позднее|that|on|in"
             r"|(?:и|также|тоже)\s+во?|журналистам|репортерам|СМИ)(?:\s|[,.]|$))")
_NAME = _NOT_NAME + r"(?P<reporter>(?:[\"“][^\"”\n]+[\"”]|[^\s,.;:()»\"“])[^,;:()\n]*?)"  # may open with a quoted name
# A name within a clause, before its verb or after a preposition: no clause punctuation, dots only inside a word or
# after an initial (``U.S. Department``; not ``D.C. An official``, where an article opens the next sentence), a colon
# only in a time (``на 10:00``).
_WORD_CHAR = r"(?:[^\s,;:!?\"“”«»()\n.،؛–—]|\.(?=[^\s.])|(?<=\d):(?=\d)|(?<=\w)[–—](?=\w)|(?<=\b[A-ZА-ЯЁ])\.(?=\s(?!(?:An?|The)\s)[A-ZА-ЯЁ]))"
_PHRASE = _WORD_CHAR + r"+(?:\s+" + _WORD_CHAR + r"+){0,15}?"  # dots inside a word or after an initial (``U.S.``)
_ACRONYM = r"\([A-ZА-ЯЁ]{2,}[\w.-]*\)"  # an acronym in parentheses after a name: ``фондовая биржа (KASE)``
# A name closing with its acronym: ``The Central Electoral Commission (CEC) indicates``.
_PHRASE_ACRONYM = _PHRASE + r"(?:\s+" + _ACRONYM + ")?"
# An English subject: a name that may hold a quoted name (``the IA “Kazakh-Zerno”``, ``Chairman of the Board of
# “Kazakhstan” TV and Radio Corporation Yerlan Karin``) and close with its acronym.
_EN_SUBJECT = (r"(?:" + _WORD_CHAR + r"+|\"[^\"\n]{1,60}\"|“[^”\n]{1,60}”)(?:\s+(?:" + _WORD_CHAR + r"+|“[^”\n]{1,60}”|\"[^\"\n]{1,60}\"|\([A-Z][\w.&-]+\)))"
               + r"{0,15}?(?:\s+" + _ACRONYM + ")?")
# A name after a preposition, which may hold a quoted name (``по данным РГП "Казгидромет"``, ``как сообщал
# «ГлагоL»``) or an acronym: where a preposition opens the name, a quotation cannot be taken for it.
_TOKEN = rf"(?:{_WORD_CHAR}+|«[^»\n]{{1,60}}»|\"[^\"\n]{{1,60}}\"|“[^”\n]{{1,60}}”|{_ACRONYM})"
_QUOTED_PHRASE = _TOKEN + r"(?:\s+" + _TOKEN + r"){0,15}?"
# A clause (sentence) opens after one of these marks, consumed so that the regex engine skips other positions fast;
# a stretch is tried with ". " before it, so that its start opens one too.
_CLAUSE = r"(?:[,;:.!?\"“”«»—–(،؛]|--)\s*"  # -- as a dateline's dash: BERLIN -- The agency says
_PAD = ". "
_OPENING = " \t,;:.!?\"”»—–(،؛-"  # the mark opening a clause (a dash too), not part of the text as printed

_VIA = r"(?P<via>(?:[^.;\n]|\.(?=[^\s.]))+?)"  # what a reporter cites: dots inside a word (``gov.kz``) end nothing
_RU_VIA = r"(?:,?\s+(?:со\s+ссылкой\s+на|ссылаясь\s+на)\s+" + _VIA + ")?"
# An outlet told something, in the dative (``сообщили Tengrinews.kz в акимате``, ``стало известно Orda.kz``): named in
# Latin letters, which do not decline, or its correspondent; the outlet reports, citing the body (as ``the akimat told
# X``).
# The world's and Kazakhstan's news agencies printed in Cyrillic, which do not decline (``сообщили ТАСС``).
_RU_WIRES = r"(?-i:РИА\s+Новости|ИТАР-ТАСС|ТАСС|Интерфакс-Казахстан|Интерфакс|РБК|КазТАГ|Казинформ|Спутник)(?![\w-])"
_RU_TOLD_OUTLET = r"(?:корреспонденту\s+)?(?:[A-Z][\w.-]*|" + _RU_WIRES + ")"
# An outlet told, by its kind in the dative (``сообщил агентству``, ``прокомментировал изданию "Timeskz"``).
_RU_TOLD_KIND = r"(?:агентству|изданию|порталу|телеканалу|газете|журналу|редакции|сайту)"
# Said, reported, noted, without a subject, present or past (``говорится``, ``сообщалось ранее``).
_RU_IMPERSONAL = (r"(?:говорится|сообщается|отмечается|указывается|говорилось|сообщалось|отмечалось|указывалось|сказано"
                  r"|написано|указано|отмечено|сообщено)"
                  r"(?:\s+(?:ранее|также|вчера|сегодня))?")
# Where it was said, between the verb and its subject: ``сообщил на брифинге министр``, ``рассказал в интервью
# Tengrinews.kz директор``, ``заявил в интервью телеканалу «Хабар» аким`` (the outlet of an interview named in Latin
# letters or quotes, or after its kind in the dative).
_RU_OCCASION = (r"(?:по\s+итогам\s+(?:[а-яё]+\s+){0,2}?(?:заседания|совещания|встречи|переговоров|года|проверки|визита)\s+"
                r"|(?:на|в|во\s+время|в\s+ходе)\s+(?:брифинге|брифинга|пресс-конференции|заседании|заседания|совещании"
                r"|совещания|встрече|встречи|интервью|эфире|выступлении|выступления|сессии)"
                r"(?:\s+(?:в|во|на)\s+(?-i:[A-ZА-ЯЁ])[\w.-]*)?"  # where it was held: на брифинге в СЦК
                r"(?:\s+(?:телеканалу|изданию|агентству|порталу|газете|журналу|сайту|радио)\s+[^\s,.;:]+"
                r"|\s+(?:[A-Za-z][\w.-]*|«[^»\n]+»))?+\s+"
                # or the platform posted on (no via): ``сообщила в своем Instagram аким района``
                r"|(?:на\s+(?:своей\s+)?(?:официальной\s+)?странице\s+в\s+|(?:в|на)\s+(?:своем\s+|своём\s+)?"
                r"(?:официальном\s+)?)(?:Telegram|Instagram|Facebook|Twitter|YouTube"
                r"|TikTok|телеграм)[\w-]*(?:\s+(?:канале|аккаунте|странице))?\s+)?")  # possessive: an interview's outlet
                # is never the subject
# When it was said, between the verb and its subject: ``сообщила в понедельник пресс-служба``, ``сообщили вчера в …``.
_RU_WHEN = (r"(?:(?:во?\s+(?:понедельник|вторник|среду|четверг|пятницу|субботу|воскресенье)(?:,\s+\d{1,2}\s+[а-я]+,)?"
            r"|вчера|сегодня|накануне|утром|вечером|днем|днём|ранее|позже|позднее|\d{1,2}\s+(?:января|февраля|марта|апреля"
            r"|мая|июня|июля|августа|сентября|октября|ноября|декабря))\s+)?")
# A verb after a space, the form's first item (the regex engine then skips other positions at once): in lower case, or
# capitalised where it opens a sentence (``Передает агентство Tengrinews.``).
_RU_AT_VERB = r"\s(?-i:" + _alternation((*_RU_FORMS, *(f.capitalize() for f in _RU_FORMS)), word_start=False) + ")"
# An outlet told, named after the verb (``сообщил ИА "Новости-Казахстан"``, ``рассказал в интервью «Азаттыку»``):
# its name as printed, the abbreviation it signs with kept, the kind of outlet in the dative or instrumental dropped.
_RU_TOLD_NAMED = (r"(?:(?:в\s+интервью|в\s+беседе\s+с|в\s+комментарии|журналисту|журналистам)\s+)?"
                  r"(?:(?:(?:информ)?агентству|изданию|порталу|телеканалу|газете|журналу|сайту|радио|агентством"
                  r"|изданием|порталом|телеканалом|газетой|журналом)\s+)?"
                  r"(?P<reporter>(?:(?-i:ИА|МИА)\s+)?(?:«[^»\n]+»|\"[^\"\n]+\"|“[^”\n]+”|(?-i:[A-Z])[\w.-]*|" + _RU_WIRES
                  + "))")
# The speaker after it, in the nominative: a title (``пресс-секретарь ДВД …``) or a person's name.
_RU_SPEAKER = (r"(?P<via>(?-i:" + _alternation((*_RU_SPEAKER_TITLES, *(f"пресс-{t}" for t in ("секретарь", "служба"))),
                                               word_start=False).removesuffix(r"(?!\w)")
               + r")[\w-]*(?:\s+[^,;:()\n]+?)?|(?-i:" + _RU_PERSON.pattern + r")"
               r"|(?-i:[А-ЯЁ]{2,}[\w-]*)(?:\s+(?-i:[а-яё]+))?)")  # or a body by its acronym: МЧС республики
# A correspondent as the subject of a verb of their work (``Корреспондент Ulysmedia.kz выяснял``, ``Корреспонденты
# «Власти» побывали``): the outlet, named after its kind or alone, or the publisher's (``агентства``); then a finite
# verb, past or present, by its ending.
_RU_CORRESPONDENT_OF = (r"(?:(?-i:МИА|ИА)\s+)?(?:«[^»\n]+»|\"[^\"\n]+\"|“[^”\n]+”)"
                        r"|(?:(?:газеты|издания|портала|телеканала|журнала|сайта|агентства)\s+)?(?:«[^»\n]+»|\"[^\"\n]+\""
                        r"|“[^”\n]+”|(?-i:[A-Z])[\w.-]*)|агентства|издания|портала|редакции")
_RU_FINITE = (r"(?-i:[а-яё]+(?:л|ла|ло|ли|лся|лась|лось|лись|ет|ёт|ют|ут|ит|ят|ат|ется|ются|ится|ятся|ает|яет))"
              r"(?=[\s,.;:!?]|$)")
_DEP = _kk(("деп",))
_KK_TOKEN = r"(?:«[^»\n]+»|[\"“][^\"”\n]+[\"”]|[^\s,.;:()«»\"“”،؛]+(?:\.[^\s,.;:()«»\"“”،؛]+)*)"
_KK_NAME = rf"(?P<reporter>{_KK_TOKEN})"
# An outlet citing a source: its name, or its correspondent (``Newsroom+ тілшісі``: the kind is read from the word).
# A correspondent, and the word as often typed without its second і (тілшсі).
_KK_CORRESPONDENT = ("тілшісі", "тілшісінің", "тілшсі")
# What an outlet is, in the genitive before its correspondent: ``Buqara.kz сайтының тілшісі``.
_KK_MEDIA_OF = tuple(_kk_possessive(n) + "ның" if _kk_possessive(n)[-1] == "ы" else _kk_possessive(n) + "нің"
                     for n in ("сайт", "портал", "агенттік", "газет", "телеарна", "басылым"))
_KK_CITER = (rf"(?P<reporter>{_KK_TOKEN}(?:\s+(?:" + _kk(_KK_MEDIA_OF) + r"\s+)?" + _kk(_KK_CORRESPONDENT)
             + "(?!\\w))?)")
# What an outlet is, printed after its name: ``Qamshy.kz ақпарат агенттігі``, ``Zakon.kz сайты``, ``Skifnews.kz
# ақпарат порталы``; the name alone is the reporter (and the source cited).
_KK_MEDIA = (r"(?:" + _kk(("ақпарат", "ақпараттық", "жаңалықтар", "интернет", "медиа", "ұлттық")) + r"\s+)?"
             + _kk(_kk_possessive(noun) for noun in ("агенттік", "портал", "сайт", "газет", "телеарна", "арна",
                                                     "басылым", "журнал")))
_KK_LINK = _kk(("сілтеме жасап", "сілтеме жасай отырып", "сілтеп"))  # referring to (сілтеп: the short converb)
# Where it was said, before the subject: ``деп мәлімдеді брифингте министр``, ``баспасөз конференциясында``.
_KK_OCCASION = "(?:" + _kk(
    [_kk_locative(n) for n in ("брифинг", "отырыс", "жиын", "жиналыс", "кездесу", "сұхбат", "эфир", "сессия")]
    + ["баспасөз " + _kk_locative(_kk_possessive("конференция"))]) + r"\s+)?"
_KK_ABOUT = _kk(tuple(  # "about this"
    f"{this} {about}" for this in ("бұл", "осы") for about in ("туралы", "жөнінде", "жайында", "жайлы", "хақында")))
# Where a person wrote: ``(өзінің) Facebook-тегі (жеке) парақшасында``, ``Telegram-арнасында``, ``телеграмм
# каналында``: the platform, not a source cited, so no ``via``.
_KK_PLATFORM = (r"(?:\s+(?:" + _kk(("өзінің",)) + r"\s+)?[^\s-]+(?:-?"
                + _kk(("дағы", "дегі", "тағы", "тегі"), word_start=False)
                + r")?[\s-]+(?:" + _kk(("жеке",)) + r"\s+)?" + _kk(_KK_CHANNEL, word_start=False) + ")?")


def _en_verbs(*verbs: str) -> str:
    """English verbs in lower case only (``Staff Reports`` is a heading, not a report)."""
    return "(?-i:" + _alternation(verbs) + ")"


_EN_IRREGULAR = {"say": "said", "tell": "told", "write": "wrote", "forecast": "forecast"}


def _en_forms(lemma: str) -> tuple[str, str, str]:
    """The plain form, third person singular and past of an English verb (``stress`` → stresses, stressed;
    ``clarify`` → clarifies, clarified; ``point out`` → points out, pointed out)."""
    verb, _, particle = lemma.partition(" ")
    if verb.endswith("y") and verb[-2] not in "aeiou":
        third, past = verb[:-1] + "ies", verb[:-1] + "ied"
    else:
        third = verb + ("es" if verb.endswith(("s", "sh", "ch", "x", "z")) else "s")
        past = _EN_IRREGULAR.get(verb) or verb + ("d" if verb.endswith("e") else "ed")
    return tuple(" ".join(filter(None, (form, particle))) for form in (verb, third, past))  # type: ignore[return-value]


_EN_BE = ("is", "are", "was", "were", "has been", "have been", "had been")


def _en_progressive(lemma: str) -> tuple[str, ...]:
    """The progressive forms of an English verb of saying (``is reporting``, ``has been saying``); the verbs of
    saying take no doubled consonant (``stating``, ``telling``, ``writing``)."""
    verb, _, particle = lemma.partition(" ")
    ing = (verb[:-1] if verb.endswith("e") and not verb.endswith("ee") else verb) + "ing"
    return tuple(" ".join(filter(None, (be, ing, particle))) for be in _EN_BE)


# Verbs of saying that may be followed by the reported clause without "that" (``the ministry said the road will
# open``), and verbs of saying whose object may be a thing (``added 20 jobs``, ``stressed the importance``): these
# report only before "that" or at the clause's end (``…, the ministry added.``).
_EN_SPEECH_LEMMAS = ("say", "tell", "inform", "announce", "state", "note", "write", "report", "indicate", "assert",
                     "argue", "contend", "allege")
_EN_CONTENT_LEMMAS = ("add", "confirm", "explain", "warn", "stress", "emphasize", "emphasise", "clarify", "declare",
                      "reveal", "point out", "specify", "underline", "underscore", "remind", "comment", "assure",
                      "acknowledge", "admit", "insist", "claim", "recall", "disclose", "estimate", "predict",
                      "forecast", "highlight", "remark", "observe", "mention", "reply", "answer", "respond",
                      "conclude", "suggest", "elaborate", "tweet", "maintain", "concede", "detail",
                      "caution", "affirm", "reiterate", "summarize", "summarise", "complain", "boast", "quote")
_EN_SPEECH_FORMS = tuple(form for lemma in _EN_SPEECH_LEMMAS for form in _en_forms(lemma))
_EN_CONTENT_FORMS = tuple(form for lemma in _EN_CONTENT_LEMMAS for form in _en_forms(lemma))
_EN_REPORT = _en_verbs("reports", "reported", "reads", *_en_progressive("report"))  # an outlet reports, a page reads
# Before its subject (``…, said the ministry``, ``…, added the minister``): the inflected forms, not the plain one.
_EN_SAID = tuple(form for lemma in _EN_SPEECH_LEMMAS + _EN_CONTENT_LEMMAS if lemma != "report"
                 for form in _en_forms(lemma)[1:])
_EN_SAY = _en_verbs(*_EN_SAID)  # said of people as well as of bodies
# After its subject, every form: the subject may be plural (``correspondents report``, ``officials say``).
# A verb after "to" is an infinitive, no report (``declined to comment``, ``refused to say``), and one denied is none.
_EN_NOT_SAID = r"(?<!\bto\s)(?<!\bnot\s)(?<!n't\s)(?<!n’t\s)(?<!\bnever\s)"  # declined to comment, did not respond
_EN_SAY_AFTER = _EN_NOT_SAID + _en_verbs(*_EN_SPEECH_FORMS,
                                         *(form for lemma in _EN_SPEECH_LEMMAS for form in _en_progressive(lemma)))
_EN_SAY_CONTENT = _EN_NOT_SAID + _en_verbs(*_EN_CONTENT_FORMS)
_EN_PLATFORMS = ("telegram", "facebook", "instagram", "twitter", "youtube", "tiktok", "vkontakte", "linkedin", "threads",
                 "social media", "social network", "website")
# reports (on Monday), citing: any verb of reporting, and the time the report came, may stand between.
_EN_CITING = (_en_verbs(*_EN_SPEECH_FORMS)
              + r"(?:\s+(?-i:on|in|earlier|today|yesterday|last|late)\b[^,.;\n]{0,30}?)?,?\s+"
              + "(?:" + _en_verbs("citing", "quoting", "with reference to", "referring to", "in reference to")
              + r"|(?-i:via)(?!\s+(?:\w+\s+){0,2}?(?i:" + "|".join(p.replace(" ", r"\s+") for p in _EN_PLATFORMS)
              + ")))")  # via a platform: no source
_EN_CITE = _en_verbs("cites", "cite", "cited", "citing", "quotes", "quote", "quoted", "quoting", "refers to",
                    "refer to", "referred to", "referring to", "has learnt from", "has learned from", "learnt from",
                    "learned from", "with reference to")
# quotes X as saying …: to the sentence end at once (possessive, so that no other split of the sentence is tried)
_EN_ROLE_WORDS = ("spokes", "press secretary", "representative", "press officer")
# A spokesperson's role and whom it speaks for, as an appositive after the name: ``a spokesman for the Ministry``.
_EN_ROLE_OF = (r"(?:(?:(?-i:a|an|the)\s+)?(?:(?-i:official|chief|deputy)\s+)?(?-i:spokes(?:man|woman|person)|press\s+secretary"
               r"|representative|press\s+officer)\s+(?-i:for|of|at)\s+(?P<reporter>(?:[^,.;:()\n]|\.(?=\S)){2,80}?)"
               # or owned: the ministry's spokesman
               r"|(?:(?-i:the)\s+)?(?P<reporter2>(?:[^,.;:()\n’']|\.(?=\S)){2,80}?)['’]s\s+(?:(?-i:official|chief|deputy)\s+)?"
               r"(?-i:spokes(?:man|woman|person)|press\s+secretary|representative|press\s+officer))")
# Said, wrote, posted … on a platform: ``said on his Telegram channel``, ``revealed in a Facebook post``.
_EN_POSTED = (_en_verbs(*_EN_SAID, "revealed", "posted", "shared", "published", "tweeted", "reported")
              + r"(?:\s+(?-i:a|an)\s+(?-i:message|post|statement|video|note|photo))?"  # posted a message on …
              + r"\s+(?-i:on|in|via|through)\s+(?:(?-i:his|her|their|its|a|an|the)\s+)?(?:(?-i:official|personal)\s+)?"
              + r"(?:" + "|".join(p.replace(" ", r"\s+") for p in _EN_PLATFORMS)
              + r")(?:[\s-]+(?-i:channel|page|account|post|feed|blog|story|networks?|sites?))?")
_EN_POSTED_WORDS = frozenset(("revealed", "posted", "shared", "published", "tweeted", "wrote"))
_EN_AS = r"(?:\s+as\s+(?-i:saying|reporting|stating|telling)\b[^.;\n]*+)?"
# An official named with a title, beside the name: ``the head of the National Bank, Grigory Marchenko``, ``Dauren
# Abayev, minister of information``: the reporter is given whole, as a Russian ``аким области М. Тасмаганбетов``.  A
# spokesperson's role after a name is not one (``X, a spokesman for Y``: Y reports, by the forms below).
_EN_PERSON = r"(?-i:(?:[A-Z]\.\s*){0,2}[A-Z][a-z’'-]+(?:[\s-]+[A-Z][a-z’'-]+){0,2})"  # a person's name


def _title_words(*words: str) -> str:
    """English title words in lower case or capitalised, as titles are printed (``Minister of Foreign Affairs``)."""
    return "(?-i:" + "|".join(f"[{w[0].upper()}{w[0]}]{w[1:]}" for w in words) + ")"


_EN_TITLE = (r"(?:(?:(?-i:the)\s+)?(?-i:[a-z]+)['’]s\s+|(?-i:the|a|an)\s+|(?-i:[A-Z][\w.&-]*)['’]s\s+)?"
             r"(?:(?!(?-i:When|While|If|As|After|Before|Since|Although|Though|Because|Once|Until|Unless|And|But|So)\s)"
             r"(?-i:[A-Z][\w.&-]*)(?:['’]s)?\s+){0,2}"  # not a clause's opening word: When Afghan President X first said
             r"(?:(?!(?-i:the|a|an|of|and|or|to|in|on|at|for|by|with|from|as|that|said|told)\s)(?-i:[a-z][\w-]*)\s+){0,3}?"  # central bank
             r"(?:" + _title_words("first", "deputy", "vice", "acting", "former", "chief",
                                                          "senior", "associate", "assistant", "executive", "general",
                                                          "permanent", "special", "leading", "independent", "local",
                                                          "popular", "well-known", "prominent", "renowned", "famous",
                                                          "veteran")
             + r"\s+){0,2}(?-i:[a-z]+-)?" + _title_words("head", "minister", "akim", "chairman", "chairwoman", "chairperson", "chair",
                                          "administrator", "executive", "manager", "commander", "counsel",
                                          "adviser", "advisor", "inspector", "superintendent", "senator", "attorney",
                                      "governor", "mayor", "president", "director", "secretary", "deputy",
                                      "ambassador", "chief", "official", "prosecutor", "commissioner", "spokesman",
                                      "spokeswoman", "spokesperson", "press secretary", "representative",
                                      "delegate", "envoy", "consul", "counsellor", "counselor", "attaché", "professor",
                                      "rector", "dean", "activist", "blogger", "journalist", "economist", "analyst",
                                      "expert", "scientist", "researcher", "lawyer", "historian", "political scientist",
                                      "aide", "assistant", "advisor", "counselor", "pollster", "commentator",
                                      "judge", "justice", "coach", "captain", "colonel", "lieutenant", "sergeant",
                                      "detective", "officer", "leader", "founder", "owner", "lawmaker", "candidate",
                                      "member", "player", "athlete", "champion", "boxer", "wrestler", "teacher",
                                      "student", "resident", "businessman", "businesswoman", "entrepreneur",
                                      "writer", "poet", "artist", "singer", "actor", "actress", "producer", "farmer",
                                      "worker", "employee", "investor", "banker", "diplomat", "priest", "imam", "mufti")
             + r"(?!\w)(?:\s+(?:[^,.;:()\n]|\.(?=\S)){1,120}?)?")
_EN_TITLE_AND_NAME = _RE.compile(_EN_TITLE + r"\s+" + _EN_PERSON)
# Someone named by a common noun, the subject of a verb of saying: ``The Kazakhstani boxer said``, ``a local resident
# told``, ``acting head of the farming department subdivision told``; the article is dropped, as a body's is.  Its
# words hold no verb, pronoun, adverb or clause word (``The day he said``, ``The company quickly said``).
_EN_NOT_JOIN = r"(?!(?-i:of|the|for|and|or|on|in|at|from|to|a|an|with|by)\s)"
_EN_COMMON = _RE.compile(r"(?:(?-i:the|a|an|The|A|An)\s+(?=\S)|(?=" + _title_words("acting", "deputy", "first", "former",
                                                                                   "head", "chief", "senior") + r"\s))"
                        r"(?P<name>(?:" + _EN_NOT_JOIN + r"(?:" + _EN_DESCRIPTOR + r"|\d+-[a-z-]+|[a-z]+['’]s)\s+){0,3}"
                        r"(?P<head>(?-i:[a-z][a-z-]+))"
                        r"(?:\s+(?-i:of|for|at|from)\s+(?:(?-i:the)\s+)?(?:" + _EN_NOT_JOIN + r"(?:" + _EN_DESCRIPTOR + r")\s+){0,4}"
                        r"(?-i:[a-z][a-z-]+|[A-Z][\w-]+))?)")
# What a person or a group of people is called, by the ending of an English noun of agent or role (boxer, doctor,
# economist, physician, resident, employee, spokesman, representative, entrepreneur, actress) or by the noun itself.
_EN_AGENT_NOUN = _RE.compile(r"(?:er|or|ist|ian|ant|(?<!m)ent|ee|man|men|woman|women|person|people|ive|eur|ess)s?$")
_EN_PEOPLE_NOUNS = frozenset(
    "judge coach suspect victim witness police staff couple family crew team nurse spouse wife husband mother father son"
    " daughter child children girl boy champion official aide envoy colleague athlete guide chief head youth"
    " veteran".split())
_EN_FUNCTION_WORDS = _EN_CLAUSE_WORDS | _PRONOUNS | _EN_NOT_NAMES | frozenset(
    "after before until once then thus however moreover therefore still even just only already about with without into"
    " onto upon over under against between among through during per via like unlike despite including how why where"
    " never always often finally next same other another own very too much more most less few several such all each"
    " every some any both either neither further latter former".split())
_EN_NO_ROLE = r"(?!(?:(?-i:a|an|the)\s+)?(?:[\w-]+['’]s\s+)?(?:(?-i:official|chief|deputy)\s+)?" + "(?-i:" + "|".join(
    role.replace(" ", r"\s+") for role in _EN_ROLE_WORDS) + "))"
# Kin of someone named, beside a name: ``Baktybai Smetov, Yeldos Smetov’s father`` (not ``John, his brother``: a
# relation to no one named says nothing of who speaks).
_EN_KIN = (r"(?-i:father|mother|son|daughter|brother|sister|wife|husband|uncle|aunt|grandfather|grandmother|relative"
           r"|friend|neighbou?r|colleague|teammate|classmate|partner|fiancée?|widow|widower)")
_EN_TITLED = (rf"(?:{_EN_TITLE},\s+{_EN_PERSON}|{_EN_PERSON},\s+{_EN_NO_ROLE}{_EN_TITLE}"
              rf"|{_EN_PERSON},\s+(?:(?-i:a|the)\s+)?{_EN_PERSON}['’]s\s+{_EN_KIN})")
# What may follow a reporting verb before the clause ends: a channel, a time, an audience.
_EN_TAIL = (r"(?:\s+(?-i:in|on|via|at(?!\s+the\s+[A-Z])|to(?!\s+(?:be|have)\b)|from|through|during|following|after|today|yesterday|earlier|this"
            r"|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|by\s+(?:telephone|phone|e-?mail|video\s+link)"
            r"|last|late|reporters"
            r"|hours|minutes|days|shortly|moments"
            r"|journalists|the\s+media|the\s+press)\b[^.;,!?\n]{0,120}?)?")
_EN_END = _EN_TAIL + _CLAUSE_END
_EN_THAT = r"(?:\s+(?-i:on|in|earlier|today|yesterday|late|last|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b[^,.;!?\n]{0,40}?)?,?\s+(?-i:that)\b"  # said … that
_SENTENCE_START = r"[.!?…][\"”»]?\s+"
# What a statement to an outlet was made in: ``said in a statement to Reuters``, ``in an interview with RFE/RL``.
# A relative clause between a subject and its verb: ``X, who is also Chief of the General Staff, said``.
_EN_RELATIVE = r"(?:,\s+(?-i:who|which)\s+[^,;.\n]{1,150},)?"
_EN_STATEMENT = r"(?-i:statement|comments?|interview|e-?mail|letter|message|response|reply|remarks)"
_EN_STATEMENT_WORDS = tuple(f"{noun} {to}" for noun in ("statement", "comment", "comments", "interview", "email",
                                                         "e-mail", "letter", "message", "response", "reply", "remarks")
                            for to in ("to", "with", "for"))
_EN_ACCORDING = (r"(?:(?<!\w)|(?<=[a-z])(?=A))"  # glued to the sentence before it when a page lost the break (IranAccording)
                 r"(?:(?-i:[Aa]ccording)\s+to|(?-i:[Aa]s)\s+per|(?<=,\s)(?-i:per))")  # (as) per X: according to X
# A name's definition in brackets after it: ``the National Bank (hereinafter the NB)``, ``(далее – НБ)``.
_DEFINED = r"(?:\s*\((?:hereinafter|далее|бұдан\s+әрі)\b[^()\n]{0,40}\))?"
# Reported speech without "that": the reported clause's subject follows the verb at once (``the ministry said the
# school will open``, ``officials said on Monday it was closed``).
_EN_REPORTED_CLAUSE = (r"(?:\s+(?-i:on|in|earlier|today|yesterday|late|last)\b[^,.;!?\n]{0,40}?)?,?(?=\s+(?:(?-i:the|a|an"
                       r"|it|its|there|this|these|those|he|she|they|we|all|some|no|more|about|over|nearly|up)\b"
                       r"|(?-i:[A-Z0-9])))")
# … and after a verb that may take an object (confirmed, explained), a clause only if a finite verb follows soon:
# ``confirmed the road will be closed``, not ``confirmed the death of two miners``.
_EN_CONTENT_CLAUSE = (_EN_REPORTED_CLAUSE + r"(?=(?:\s+[^\s,.;!?]+){1,8}?\s+(?-i:will|would|is|are|was|were|has|have|had"
                      r"|could|can|may|might|must|should|did|does|do)\b)")
# What figures or a document showed: ``Data from the Bureau of National Statistics showed``, ``the bank's data show``.
_EN_DATA_NOUNS = r"(?:data|figures|statistics|estimates|numbers|calculations|report|survey|study|poll)"
_EN_SHOWED = r"(?:showed|shows|show|indicated|indicates|indicate|revealed|reveals|reveal|suggested|suggests|suggest)"
_EN_DATA_QUALIFIER = r"(?:(?:latest|official|preliminary|new|recent|monthly|weekly|annual|quarterly)\s+)?"


@dataclass(frozen=True)
class _Form:
    """One reporting form: its ``kind``, the ``case`` the reporter is printed in ("nom", Russian "loc"/"gen", Kazakh
    "abl"/"gen"), the lower-case ``words`` without which it cannot match, and a ``check`` that takes the reporter
    phrase to the name (or None: not a reporter)."""

    kind: str
    pattern: re.Pattern[str]
    case: str
    words: frozenset[str]
    check: Callable[[str], str | None] = _plain
    via_case: str = "acc"
    before: Callable[[str, str], bool] | None = None  # the text before the match and its first word: may it be read?


def _kk_words(*cyrillic: str) -> tuple[str, ...]:
    """The substrings a Kazakh form needs: its Cyrillic words in every script; a phrase in tote also with the hamza
    tote may write opening each word after the first (اتاپ ءوتتى, атап өтті)."""
    return _substrings(v for w in cyrillic for s in _kk_spellings(w) for v in _tote_hamzas(s))


def _tote_hamzas(spelling: str) -> list[str]:
    """A spelling with and without a hamza opening each of its words after the first, if it is a phrase in tote."""
    head, *rest = spelling.split(" ")
    if not rest or not re.search("[\u0600-\u06ff]", spelling):
        return [spelling]
    out = [head]
    for word in rest:
        out = [f"{v} {h}{word}" for v in out for h in (("", _HAMZA) if word else ("",))]
    return out


# according to data from X, to a statement published on X's website: X reports
_EN_DATA = _RE.compile(r"^(?:the\s+|a\s+|an\s+)?(?:(?-i:[a-z][\w-]*)\s+){0,2}?(?:data|information|figures|statistics|estimates"
                      r"|statements?|reports?|press\s+release|message|post|analysis|study|survey|research|findings"
                      r"|poll|census|forecasts?|records|documents|calculations|reporting|results|findings|figures"
                      r"|numbers|assessment|projections|summary|summaries|review|overview|monitoring|bulletin|update"
                      r"|announcement|notice|communiqu[eé])\s+"
                      r"(?:(?:published|posted|issued|released|received|compiled|collected|gathered|conducted|obtained"
                      r"|seen|reviewed|provided|announced|presented|unveiled|shared|made\s+public|available)\s+)?"
                      r"(?:from|of|by|on)\s+",
                      re.I)
# When a source said it, after its name: ``data released by MOTIE in August``, ``the ministry on Monday``.
_EN_WHEN_AFTER = _RE.compile(r"\s+(?:at\s+(?:a|an|the|its|his|her|their)\s+(?:[\w-]+\s+){0,4}?(?:meeting|briefing|conference"
                            r"|session|forum|summit|event|ceremony)\b|(?:in|on|since|by)\s+(?:early\s+|late\s+|mid-?)?(?:January|February|March|April|May"
                            r"|June|July|August|September|October|November|December|Monday|Tuesday|Wednesday|Thursday"
                            r"|Friday|Saturday|Sunday|\d{4})|(?:last|this|earlier\s+this)\s+(?:week|month|year))\b.*$")
# Reports of a source, named by its name before the noun: ``Kazakh media reports say`` → Kazakh media.
_EN_REPORTS_OF = _RE.compile(r"(?<=\S)\s+(?-i:reports|report|data|figures|estimates)$")
# X's report, X's data: X (``according to Lit.kz's report``, ``as per Reuters’ figures``).
_EN_OWN_DATA = _RE.compile(r"['’]s?\s+(?:own\s+|latest\s+|official\s+|new\s+|press\s+|written\s+)?(?:reports?|data|figures|statements?"
                          r"|estimates|information|statistics|reporting|calculations|survey|analysis)$", re.I)
# What ``according to`` names when it states conformity, not a source: ``according to the new rules``.
_EN_CONFORMITY = frozenset(
    "rule rules law laws legislation regulation regulations plan plans schedule timetable terms agreement agreements"
    " contract contracts decree order orders policy policies constitution code procedure procedures standard standards"
    " requirement requirements tradition traditions custom customs instructions guidelines principles protocol"
    " charter treaty resolution norms".split())
# A count before a plural source is no part of it, as an article is not (``Two industry sources told Reuters``).
_EN_COUNT = _RE.compile(r"^(?:one|two|three|four|five|six|seven|eight|nine|ten|\d+|several|some|many|multiple|numerous"
                       r"|a\s+few|a\s+number\s+of|a\s+couple\s+of)\s+(?!of\b)(?=\S+\s*\S)", re.I)  # not "one of"


_EN_NAMED_REPORT = _RE.compile(r"(?:a|an|the)\s+(?:(?-i:[a-z][\w-]*)\s+){0,2}?(?P<name>(?-i:[A-Z][\w.&/-]*)(?:\s+(?-i:[A-Z][\w.&/-]*)){0,3})\s+(?:report"
                              r"|statement|survey|study|analysis|estimate|estimates|data|investigation)", re.I)


def _en_source(name: str) -> str | None:
    """The source an English ``according to``/``as per`` names (see ``_en_name``): X of ``data from X`` and of ``X's
    report``; none when it names a rule complied with rather than a source."""
    name = _EN_WHEN_AFTER.sub("", _EN_OWN_DATA.sub("", _EN_DATA.sub("", name)))
    named = _EN_NAMED_REPORT.fullmatch(name)  # a Reuters report: Reuters
    name = named.group("name") if named else name
    if _EN_TITLE_AND_NAME.fullmatch(name):  # deputy director for science of the … Museum Svetlana Kobzhanova
        return name
    words = name.split()
    return None if words and words[-1].lower() in _EN_CONFORMITY else _en_name(name) or _en_common(name)  # the author


# An adverb between a subject and its verb: ``Kazinform earlier reported``, ``the ministry has said``.
_EN_ADVERB = (r"(?:(?-i:earlier|previously|also|already|recently|reportedly|later|first|then|again|subsequently|has|had"
              r"|have|(?!(?:" + "|".join(sorted(_EN_NOT_ADVERBS)) + r")\b)[a-z]+ly)\s+)?")  # Belta later reported
# The substrings the English forms of saying need: a plain form of a content verb only before "that" or a full stop
# (``officials add that``; ``add`` alone is in ``address``).
_EN_SAY_WORDS = tuple(sorted(
    {"said", "says", " say that", " say,", " say", "report", "informed", "informs", "announc", "stated", "noted", "wrote",
     "writes", "told", "indicat", " tell", " state", " note", " write", " inform", " say ", "saying", "stating",
     "noting", "writing", "telling", "informing"}
    | {form for lemma in _EN_CONTENT_LEMMAS + _EN_SPEECH_LEMMAS for form in _en_forms(lemma)[1:]}
    | {f"{lemma}{after}" for lemma in _EN_CONTENT_LEMMAS + _EN_SPEECH_LEMMAS for after in (" that", ".")}))
_RU_STEMS = ("сообщ", "заяв", "информ", "переда", "писа", "пиш", "рассказ", "поясн", "уточн", "отмет", "отмеч",
             "напом", "объясн", "ответ", "отвеча", "предупре", "указ", "предлож", "предлага", "констатир", "резюмир",
             "подчерк", "добав", "сказа", "подтвер", "комментир", "призна", "завер", "обеща", "высказ", "призва",
             "призыва", "акцентир", "замет", "замеча", "разъясн", "озвуч", "подытож", "прогнозир", "вспом",
             "сетова", "сету", "говор", "счита", "полага", "оповест", "доклад", "доложи", "жалова", "жалу", "подсчит",
             "посчита", "выясн", "упомян", "упомина")
_RU_IMPERSONAL_WORDS = ("говори", "сообщ", "отмеч", "указыва", "сказано", "написано", "указано")
_KK_REPORT_WORDS = _kk_words("хабарла", "мәлім", "жаз")
_KK_ACCORDING_WORDS = _kk_words(*(_kk_possessive(noun) for noun in (*_KK_SOURCES, *_KK_VERBAL_SOURCES)),
                                *map(_kk_plural, _KK_SOURCES))
_FORMS: tuple[_Form, ...] = tuple(
    _Form(kind, _RE.compile(pattern, re.I), case, frozenset(words), *rest)
    for kind, pattern, case, words, *rest in (
        # X в интервью телеканалу «Хабар» заявил: the outlet X spoke to reports, citing X
        ("reports", r"(?:^|(?<=\s))(?P<via>(?-i:[А-ЯЁA-Z])[^,.;:()\n«\"“]{1,80}?)\s+в\s+(?:интервью|беседе\s+с|комментарии)\s+"
         r"(?:" + _RU_TOLD_KIND + r"\s+)?(?P<reporter>«[^»\n]+»|\"[^\"\n]+\"|“[^”\n]+”|" + _RU_TOLD_OUTLET + r")"
         + _RU_AT_VERB + r"(?=[\s,:.]|$)", "nom", ("интервью", "беседе", "комментарии"), _plain, "nom"),
        # Russian: передает (собственный) корреспондент X, сообщает X со ссылкой на Y, сообщили в акимате …
        ("correspondent", r"\s(?-i:" + _alternation(_RU_FORMS + _RU_FOUND, word_start=False)
         + r")\s+(?P<reporter>(?:собственн\w+\s+|наш\w*\s+)?корреспондент(?:ы|ка)?\s+(?:(?!со\s+ссылкой|ссылаясь)[^,;\n])+?)"
         + _RU_VIA + r"(?:" + _END + r"|(?=\s*,))", "nom", (*_RU_STEMS, "выясн", "узна"), _ru_before_adjunct),
        ("correspondent", _SENTENCE_START + r"(?P<reporter>(?:(?-i:Собственный|Наш)\s+корреспондент|(?-i:Корреспондент))"
         r"(?:ы|ка)?\s+(?:" + _RU_CORRESPONDENT_OF + r"))\s+(?:(?-i:уже|также|тоже|лично|вчера|сегодня)\s+)?"
         + _RU_FINITE, "nom", ("корреспондент",)),
        ("reports", _RU_AT_VERB + r"\s+(?P<reporter>" + _RU_TOLD_OUTLET + r")\s+во?\s+(?P<via>[^,.;:()\n]+?)(?:" + _END
         + r"|(?=\s*,))", "nom", _RU_STEMS, _plain, "loc"),
        ("reports", r"\s(?:стало|становится)\s+известно\s+(?P<reporter>" + _RU_TOLD_OUTLET + r")" + _CLAUSE_END, "nom",
         ("известно",)),
        # X прокомментировал изданию "Y": Y reports, citing X
        ("reports", _SENTENCE_START + r"(?P<via>" + _PHRASE + r")" + _RU_AT_VERB + r"\s+" + _RU_TOLD_KIND
         + r"\s+(?P<reporter>«[^»\n]+»|\"[^\"\n]+\"|“[^”\n]+”|[A-Z][\w.-]*)(?=[\s,.;:]|$)", "nom", _RU_STEMS, _plain,
         "speaker"),
        # сообщил агентству источник в МЧС; сообщили изданию в акимате: the outlet told reports, citing the speaker
        ("reports", _RU_AT_VERB + r"\s+(?P<reporter>" + _RU_TOLD_KIND + r")\s+во?\s+(?P<via>[^,.;:()\n]+?)(?:" + _END
         + r"|(?=\s*,))", "ru-dat", _RU_STEMS, _plain, "loc"),
        ("reports", _RU_AT_VERB + r"\s+(?P<reporter>" + _RU_TOLD_KIND + r")\s+(?!во?\s|[«\"“A-Z])(?P<via>[^,.;:()\n]+?)(?:" + _END
         + r"|(?=\s*,))", "ru-dat", _RU_STEMS, _plain, "nom"),
        # сообщил ИА "Новости-Казахстан" пресс-секретарь ДВД …: the outlet told reports, citing the speaker
        ("reports", _RU_AT_VERB + r"\s+" + _RU_TOLD_NAMED + r"\s+" + _RU_SPEAKER + r"(?:" + _END + r"|(?=\s*,))",
         "nom", _RU_STEMS, _plain, "nom"),
        # ссылаясь на X, сообщает Y; со ссылкой на X сообщает Y: the source cited before the verb
        ("reports", r"(?:со\s+ссылкой\s+на|ссылаясь\s+на)\s+(?P<via>[^,.;:()\n]+?),?" + _RU_AT_VERB + r"\s+" + _NAME
         + _END, "nom", ("ссылк", "ссылаясь"), _not_a_person, "acc"),
        # сообщила пресс-служба X, передает Y: Y reports, citing X
        # (after ``Об этом`` or a quote's dash, so that what follows the verb is its subject, not its object)
        ("reports", r"(?:\s(?:об|о)\s+(?:этом|том)|[–—])" + _RU_AT_VERB + r"\s+" + _RU_WHEN + _RU_OCCASION + _NOT_NAME
         + r"(?P<via>[^,.;:()\n]+?),\s+(?-i:передает|передаёт|сообщает|пишет|информирует)\s+(?P<reporter>(?:(?!со\s+ссылкой"
         r"|ссылаясь)[^,;:()\n])+?)" + _END, "nom", ("переда", "сообщает", "пишет", "информирует"), _not_a_person,
         "nom"),
        # сообщили в ДП редакции КазТАГ (во вторник): the outlet told reports, citing the body
        ("reports", _RU_AT_VERB + r"\s+во?\s+(?P<via>[^,.;:()\n]+?)\s+(?:редакции|корреспонденту|агентству|изданию)\s+"
         r"(?P<reporter>«[^»\n]+»|\"[^\"\n]+\"|“[^”\n]+”|[A-ZА-ЯЁ][\w.-]*(?:\s+[A-ZА-ЯЁ][\w.-]*)?)" + _RU_WHEN_AFTER
         + r"(?:" + _END + r"|(?=\s*,))", "nom", ("редакции", "корреспонденту", "агентству", "изданию"), _plain, "loc"),
        # Корреспонденту NUR.KZ в Департаменте полиции сообщили: the outlet told reports, citing the body
        ("reports", _SENTENCE_START + r"(?-i:Корреспонденту|Корреспондентам|Изданию|Агентству|Порталу|Редакции)\s+"
         r"(?P<reporter>«[^»\n]+»|\"[^\"\n]+\"|“[^”\n]+”|[A-ZА-ЯЁ][\w.-]*)\s+во?\s+(?P<via>[^,.;:()\n]+?)\s+"
         + _alternation(_RU_PLURAL), "nom", ("корреспонденту", "корреспондентам", "изданию", "агентству", "порталу",
                                             "редакции"), _plain, "loc"),
        # по запросу агентства Y ответили в X: Y reports, citing X
        ("reports", r"\sпо\s+запросу\s+(?:(?:информ)?агентства\s+|издания\s+|портала\s+|редакции\s+|телеканала\s+"
         r"|газеты\s+|журнала\s+|сайта\s+)?(?P<reporter>«[^»\n]+»|\"[^\"\n]+\"|“[^”\n]+”|(?-i:[A-Z])[\w.-]*)"
         + _RU_AT_VERB + r"\s+во?\s+(?P<via>[^,.;:()\n]+?)(?:" + _END + r"|(?=\s*,))", "nom", ("по запросу",), _plain,
         "loc"),
        # согласно информации, опубликованной в Telegram-канале X: the channel reports
        ("reports", r"\s(?:по|согласно)\s+(?:данным|информации|сообщению|сведениям),?\s+(?:опубликованн|размещенн|размещённ"
         r"|распространенн|распространённ|представленн)\w*\s+(?:в|на)\s+(?P<reporter>(?:официальном\s+)?(?:telegram-канале"
         r"|телеграм-канале|сайте|странице|аккаунте|канале)\s+" + _PHRASE + ")" + _CLAUSE_END, "loc",
         ("опубликованн", "размещенн", "размещённ", "распространенн", "распространённ", "представленн")),
        # заявил X в интервью газете «Y»: Y reports, citing X
        ("reports", _RU_AT_VERB + r"\s+" + _RU_WHEN + r"(?P<via>[^,.;:()\n]+?)\s+(?:в\s+интервью|в\s+беседе\s+с|в\s+комментарии)\s+"
         r"(?:(?:информ)?(?:газете|изданию|телеканалу|агентству|порталу|журналу|радио|сайту|газетой|изданием"
         r"|телеканалом|агентством|порталом|журналом)\s+)?(?P<reporter>«[^»\n]+»|\"[^\"\n]+\"|“[^”\n]+”|(?-i:[A-Z])[\w.-]*"
         r"(?:\s+\d+)?|" + _RU_WIRES + r")" + _RU_WHEN_AFTER + r"(?:" + _END + r"|(?=\s*,))", "nom", _RU_STEMS, _plain, "nom",
         _ru_inverted),
        ("reports", _RU_AT_VERB + r"\s+(?:журналистам\s+|СМИ\s+)?" + _RU_WHEN + _RU_OCCASION + _NAME + _RU_VIA
         + _RU_WHEN_AFTER + r"(?:" + _END + r"|(?(via)(?=\s*,\s)|(?!))|" + _RU_MEDIUM_NEXT + ")",  # a source cited ends at a comma
         "nom", _RU_STEMS, _ru_after_verb, "acc", _ru_inverted),
        ("reports", r"\sкак(?:\s+(?:ранее|уже|и|также|позже|вчера|сегодня|накануне))?" + _RU_AT_VERB + r"\s+" + _RU_OCCASION
         + _NOT_NAME + r"(?P<reporter>" + _QUOTED_PHRASE + ")" + _RU_VIA
         + _CLAUSE_END, "nom", _RU_STEMS),
        ("reports", _RU_AT_VERB + r"\s+" + _RU_WHEN + r"(?:и\s+|также\s+|тоже\s+)?во?\s+(?P<reporter>[^,.;:()\n]+?)(?:"
         + _END + r"|(?=\s*,))", "loc",
         _RU_STEMS, _ru_institution, "acc", _ru_inverted),
        ("reports", r"(?:[.!?…«\"]\s*(?:(?-i:Ранее|Также|Вчера|Сегодня|Позже|Затем|Однако|Но|При\s+этом|Между\s+тем"
         r"|Тем\s+временем|Кроме\s+того|Впрочем)\s+)?во?|\s(?-i:Во?))\s+"
         r"(?P<reporter>[^,.;:()\n]{2,80}?)(?:,\s+котор\w+\b[^,.;:\n]{1,100},)?\s+" + _alternation(_RU_PLURAL),
         "loc", _RU_STEMS, _ru_institution),
        ("reports", r"\s(?P<reporter>(?:\S+\s+){0,3}?\S+)" + _RU_AT_VERB + r"\s+(?:со\s+ссылкой\s+на|ссылаясь\s+на)\s+"
         + _VIA + _CLAUSE_END, "nom", ("ссылк", "ссылаясь"), _capitalised_tail),
        ("reports", _SENTENCE_START + r"(?P<reporter>" + _QUOTED_PHRASE + r")"
         + _RU_WHEN_BEFORE + r"\s(?-i:"
         + _alternation(_RU_FORMS + _RU_SHARED, word_start=False) + r")(?:\s+(?:журналистам|репортерам|СМИ))?"
         r"(?:\s*,\s+" + _RU_REPORTED + r"|\s+об?\s|" + _END
         + r"|(?:\s+[^\s,.;:]+){0,3}?" + _ON_CHANNEL + r"(?:" + _SENTENCE_END + r"|\s*,\s+что\b))", "nom",
         (*_RU_STEMS, "подели"), _ru_body),
        # X сообщает, ссылаясь на Y: the source cited after the verb
        ("reports", r"(?:^|(?<=[.!?…])|\n)\s*(?P<reporter>" + _PHRASE + r")" + _RU_AT_VERB
         + r",?\s+(?:ссылаясь\s+на|со\s+ссылкой\s+на)\s+(?P<via>(?:[^.,;\n]|\.(?=[^\s.]))+?)(?:" + _END + r"|(?=\s*,))",
         "nom", ("ссылаясь на", "со ссылкой на"), _ru_body),
        ("reports", r"\s" + _RU_NEWS_SHARED + r"\s+" + _NAME + _RU_WHEN_AFTER + r"(?:" + _END + r"|" + _RU_MEDIUM_NEXT + ")",
         "nom", ("подели",), _not_a_person),
        # говорится в сообщении X (present or past): X reports; сообщается на сайте X: the site (``сайт KASE``)
        ("reports", r"\s" + _RU_IMPERSONAL + r"\s+(?:в|на)\s+(?:официальном\s+)?"
         r"(?:сообщении|заявлении|пресс-релизе|релизе|публикации|посте|ответе|письме)\s+(?P<reporter>" + _QUOTED_PHRASE
         + ")"
         + _CLAUSE_END, "gen", _RU_IMPERSONAL_WORDS),
        # В (официальном) заявлении X сообщается: the message first
        ("reports", r"(?:^|(?<=[.!?…])|\n)\s*(?-i:В|в)\s+(?:официальном\s+)?(?:сообщении|заявлении|пресс-релизе|релизе"
         r"|публикации|посте|ответе|письме)\s+(?P<reporter>" + _QUOTED_PHRASE + r")\s+" + _RU_IMPERSONAL
         + r"(?=[\s,:]|$)", "gen", _RU_IMPERSONAL_WORDS),
        ("reports", r"\s" + _RU_IMPERSONAL + r"\s+(?:в|на)\s+(?P<reporter>(?:официальном\s+|официальной\s+)?"
         r"(?:(?-i:Facebook|Instagram|Telegram|Twitter|YouTube|TikTok|VK)[\w-]*\s+)?(?:telegram-канале"
         r"|телеграм-канале|сайте|странице|аккаунте|канале)\s+" + _PHRASE + ")" + _CLAUSE_END, "loc",
         _RU_IMPERSONAL_WORDS),
        # (как) стало известно из сообщения X: X reports
        ("reports", r"\s(?:стало|становится)\s+известно\s+из\s+(?:официального\s+)?(?:сообщения|данных|информации"
         r"|заявления|публикации|материалов|ответа|письма|пресс-релиза)\s+(?P<reporter>" + _QUOTED_PHRASE + ")"
         + _CLAUSE_END, "gen", ("известно из",), _ru_before_adjunct),
        ("reports", r"(?:\s|(?<=[«\"“(]))(?:по|согласно)\s+(?:[а-яё]+(?:ым|им|ой|ей|ому|ему)\s+){0,2}(?:данным|информации|сообщению|сведениям|словам|прогнозам?|прогнозу"
         r"|оценкам?|оценке|подсч[её]там|расч[её]там|сводке|отч[её]ту|мнению)\s+(?P<reporter>"
         + _QUOTED_PHRASE + ")" + _DEFINED + _CLAUSE_END, "gen", ("данным", "информ", "сообщ", "сведениям", "словам", "прогноз",
                                                       "оценк", "подсч", "расч", "сводке", "отчет", "отчёт", "мнению"),
         _ru_before_adjunct),
        ("reports", r"\s(?-i:" + _alternation(_RU_CITE_FORMS, word_start=False) + r")\s+" + _NAME
         + r",?\s+(?:со\s+ссылкой\s+на|ссылаясь\s+на)\s+" + _VIA + _END, "nom", ("привод", "привел", "цитир")),
        # цитирует inform.kz руководителя отдела …: the outlet (a Latin or quoted name), then whom it quotes
        ("reports", r"\s(?-i:" + _alternation(_RU_CITE_FORMS, word_start=False) + r")\s+(?P<reporter>"
         + _RU_TOLD_OUTLET + r"|«[^»\n]+»|\"[^\"\n]+\")\s+(?P<via>[^,.;:()\n]+?)" + _CLAUSE_END, "nom",
         ("привод", "привел", "цитир")),
        # Kazakh: деп хабарлайды X (Y-ға сілтеме жасап); деді X; Бұл туралы X хабарлады; X хабарлауынша …
        ("reports", _DEP + r"\s+" + _kk(_KK_REPORT) + r"\s+" + _KK_CITER + r"(?:\s+" + _KK_MEDIA + r")?,?\s+" + _VIA
         + r"\s+" + _KK_LINK
         + _SENTENCE_END, "nom", _kk_words("сілте"), _plain, "dat"),
        # деп хабарлайды X-ке сілтеме жасаған Y ақпараттық агенттігі: Y, having referred to X
        ("reports", _DEP + r"\s+" + _kk(_KK_REPORT) + r"\s+" + _VIA + r"\s+" + _kk(("сілтеме жасаған", "сілтеме жасай отырып"))
         + r"\s+" + _KK_NAME + r"(?:\s+" + _KK_MEDIA + r")?" + _SENTENCE_END, "nom", _kk_words("сілтеме жасаған",
                                                                                       "сілтеме жасай"), _plain, "dat"),
        # Бұл туралы X (медиа порталы) Y-ге сілтеме жасап хабарлайды: the link before the verb
        ("reports", _KK_ABOUT + r"\s+" + _KK_CITER + r"(?:\s+" + _KK_MEDIA + r")?,?\s+" + _VIA + r"\s+" + _KK_LINK
         + r"\s+" + _kk(_KK_REPORT) + _SENTENCE_END, "nom", _kk_words("сілте"), _plain, "dat"),
        # Тілшіміз X хабарлайды: our correspondent X reports (a paper's own correspondent, named)
        ("correspondent", _KK_CLAUSE_START + _kk(("тілшіміз", "тілшілеріміз")) + r"\s+(?P<reporter>(?:" + _KK_TOKEN
         + r"\s+){0,3}?" + _KK_TOKEN + r")\s+" + _kk(_kk_verb("хабарла")[:2]) + r"(?!\w)", "nom",
         _kk_words("тілшіміз", "тілшілеріміз")),
        # X told an outlet's correspondent: Бұл туралы X Kazinform тілшісіне айтты; деді X Kazinform тілшісіне
        ("correspondent", "(?:" + _KK_ABOUT + r"|(?<=[.,»\"”–—،-])\s*(?:" + _DEP + r"\s+" + _kk(_KK_QUOTE) + "|"
         + _kk(_KK_SAID) + r"))\s+(?P<via>[^.,;:()\n]{2,120}?)\s+" + _KK_NAME
         + r"\s+" + _kk((_kk_possessive("тілші") + "не",)) + r"(?:\s+" + _kk(_KK_TOLD + _KK_QUOTE) + ")?" + _END,
         "nom", _kk_words(_kk_possessive("тілші") + "не"), _plain, "nom"),
        ("reports", _DEP + r"\s+" + _kk(_KK_QUOTE) + r"\s+" + _KK_OCCASION + _NAME + _END, "abl", _kk_words("деп "),
         lambda name: _not_a_person(_kk_before_place(name))),
        # (деп) делінген X хабарламасында / X таратқан хабарламада: said in X's message; X reports
        ("reports", "(?:" + _DEP + r"\s+)?" + _kk(_KK_SAID_IN) + r"\s+(?P<reporter>(?:[^.,;:()\n]|\.(?=\S)){1,80}?)"
         r"(?:\s+" + _kk(map(_kk_participle, _KK_GIVEN)) + r")?\s+"
         + _kk(_KK_MESSAGE_IN) + _END, "gen", _kk_words(*_KK_SAID_IN)),
        # Бұл жайлы X-тың (БАҚ өкілдеріне) берген сұхбатында айтты: said in the interview X gave
        ("reports", r"(?:^|(?<=[.!?]))\s*(?:" + _KK_ABOUT + r"\s+)?(?P<reporter>(?:[^.,;:()\n]|\.(?=\S)){2,120}?"
         + _KK_GENITIVE_END + r")(?:\s+[^\s.,;:()\n]+){0,3}?\s+" + _kk((_kk_participle("бер"),)) + r"\s+"
         + _kk(("сұхбатында", "сұхбатта", "интервьюінде", "интервьюында", "интервьюда")) + r"\s+"
         + _kk(_KK_TOLD + _KK_QUOTE) + _END, "gen", _kk_words(_kk_participle("бер"))),
        ("reports", r"(?<=[.,»\"”–—،])\s*(?:[–—-]\s*)?" + _kk(_KK_SAID) + r"\s+" + _NAME + _END, "abl",  # деді ведомстводан
         _kk_words(*(said + " " for said in _KK_SAID)), lambda name: _not_a_person(_kk_before_place(name))),
        ("reports", r"(?<=[.,–—،])\s*(?:[–—-]\s*)?" + _kk(_KK_REPORT) + r"\s+" + _NAME + _END, "abl",
         _KK_REPORT_WORDS),
        ("reports", _KK_ABOUT + r"\s+(?P<reporter>(?:[^.,;:()\n]|\.(?=\S)|" + _KK_LIST_COMMA + r"){2,240}?)" + _KK_PLATFORM + r"\s+"
         + _kk(_KK_TOLD + _KK_REPORT) + _END, "abl", _KK_REPORT_WORDS + _kk_words(*_KK_TOLD), _kk_subject),
        ("reports", r"(?:^|(?<=[.!?]))\s*(?P<reporter>(?:[^.,;:()\n]|\.(?=\S)){2,160}?)\s+" + _kk(_KK_TOLD) + _END,
         "abl", _KK_REPORT_WORDS + _kk_words(*_KK_TOLD), _kk_office),
        # X (that) … болатынын хабарлады: the subject, then what it reported as an object clause, then the verb
        # (the clause may hold a comma: … Костенко шахтасында алдын ала болжам бойынша, метан жарылғанын мәлімдеді)
        ("reports", r"(?:^|(?<=[.!?]))\s*(?P<reporter>(?:[^.;:()\n]|[.](?=\d)){4,240}?"
         + _KK_OBJECT_END + r")\s+"
         + _kk(_KK_TOLD + _KK_QUOTE) + _KK_PERFECT + _END, "nom", _KK_REPORT_WORDS + _kk_words(*_KK_TOLD, *_KK_QUOTE),
         _kk_sov_subject),
        # what was reported, then who reported it: … жарылғанын Ресей ТЖМ баспасөз қызметі хабарлаған
        ("reports", r"\S" + _KK_OBJECT_END + r"\s+(?P<reporter>(?:[^.,;:()\n]|\.(?=\S)){2,160}?)\s+"
         + _kk(_KK_TOLD + _KK_QUOTE) + _KK_PERFECT + _END, "nom", _KK_REPORT_WORDS + _kk_words(*_KK_TOLD, *_KK_QUOTE),
         _kk_whole_subject),
        # X <what was said> деп хабарлады: the subject, then the words reported, closed by деп
        ("reports", r"(?:^|(?<=[.!?]))\s*(?P<reporter>(?:[^.,;:()\n]|\.(?=\S)|(?<=\d),(?=\d)){4,240}?\s" + _DEP + r")\s+"
         + _kk(_KK_TOLD + _KK_QUOTE) + _END, "nom", _kk_words("деп "), _kk_sov_subject),
        # X хабарлағандай (as X reported); Бұл туралы X-та жазылды (it was written on X)
        ("reports", r"(?:^|(?<=[.,;:–—،؛]))\s*(?P<reporter>(?:[^\s.,;:–—،؛]|\.(?=\S))(?:[^.,;:–—\n،؛]|\.(?=\S)){1,100}?)"
         r"\s+" + _kk(_KK_AS) + r"(?!\w)", "abl", _kk_words(*_KK_AS), _plain),
        ("reports", _KK_ABOUT + r"\s+(?P<reporter>(?:[^.,;:()\n]|\.(?=\S)|\([A-ZА-ЯЁ]{2,}[\w.-]*\)){2,120}?"
         + _KK_LOCATIVE_END + r")\s+"
         + _kk(_KK_PASSIVE) + _KK_PERFECT + _END, "kk-loc", _kk_words(*_KK_PASSIVE), _plain),
        ("reports", r"(?:^|(?<=[.,;:–—،؛]))\s*(?P<reporter>(?:[^\s.,;:–—،؛]|\.(?=\S))(?:[^.,;:–—\n،؛]|\.(?=\S)){1,100}?"
         + _KK_LOCATIVE_END + r")\s+" + _kk(_KK_PASSIVE_AS) + r"(?!\w)", "kk-loc", _kk_words(*_KK_PASSIVE_AS), _plain),
        ("reports", r"(?:^|(?<=[.,;:،؛])|(?<=[–—])(?<!\w[–—]))\s*(?P<reporter>(?:[^\s.,;:–—،؛]|\.(?=\S))"
         r"(?:[^.,;:–—\n،؛]|\.(?=\S)|(?<=\w)[–—](?=\w)|(?<=\d):(?=\d)){1,160}?)\s+" + _kk(_KK_ACCORDING), "gen",
         _KK_ACCORDING_WORDS,
         _kk_after_clause),  # a dash between two words joins them (Еуропа–Жерорта теңізі)
        # X-ның мәліметіне сүйенсек (relying on X's data), X таратқан деректерге сүйенсек, X-ға сүйенсек: X reports
        ("reports", _KK_CLAUSE_START + r"(?P<reporter>(?:[^\s.,;:–—،؛]|\.(?=\S))(?:[^.,;:–—\n،؛]|\.(?=\S)){1,100}?)\s+"
         + _kk(map(_kk_participle, (*_KK_GIVEN, "келтір"))) + r"\s+" + _kk(_KK_SOURCE_DATIVE)
         + r"\s+" + _kk(_KK_RELYING), "gen", _kk_words("сүйен", "сәйкес", " сай", "сенсек")),  # X(-тың) таратқан …
        ("reports", _KK_CLAUSE_START + r"(?P<reporter>(?:[^\s.,;:–—،؛]|\.(?=\S))(?:[^.,;:–—\n،؛]|\.(?=\S)){1,100}?)\s+"
         + _kk(_KK_SOURCE_DATIVE) + r"\s+" + _kk(_KK_RELYING), "gen", _kk_words("сүйен", "сәйкес", " сай", "сенсек"),
         _kk_after_clause),
        ("reports", _KK_CLAUSE_START + r"(?P<reporter>(?:[^\s.,;:–—،؛]|\.(?=\S))(?:[^.,;:–—\n،؛]|\.(?=\S)){1,100}?)\s+"
         + _kk(_KK_RELYING), "kk-dat", _kk_words("сүйен", "сәйкес", " сай", "сенсек")),
        # English
        # earlier reporting by X noted …: X reports
        ("reports", _CLAUSE + r"(?:(?:earlier|previous|recent|prior|an?)\s+){0,2}(?-i:reporting|reports?|coverage"
         r"|investigation)\s+by\s+(?P<reporter>" + _PHRASE + r")\s+" + _en_verbs(
             "noted", "notes", "said", "says", "showed", "shows", "found", "revealed", "reveals", "reported",
             "suggested", "suggests", "indicated", "indicates"), "nom",
         ("reporting by", "report by", "reports by", "coverage by", "investigation by"), _en_name),
        # (according to X, | X said on Friday,) Y reports: Y reports, citing X
        ("reports", _CLAUSE + r"(?:(?:(?:according\s+to|as\s+per)\s+(?P<via2>[^()\n]+?)|(?P<via3>(?-i:[A-Z])(?:[^(),.\n]|\.(?=\S))+?"
         r",\s+(?-i:[A-Z])(?:[^(),.\n]|\.(?=\S))+?,?|[^(),\n]+?)\s+"
         r"(?-i:said|says|stated|announced|informed|noted|added|explained|shared|posted|wrote|told\s+\S+)"
         r"(?:\s+(?-i:on|in|earlier|today|yesterday)\b[^,\n]{0,30}?)?)"
         r",\s+)?(?P<reporter>" + _QUOTED_PHRASE
         + r")\s+" + _EN_ADVERB + r"(?-i:reports|reported)" + _END, "nom", ("report",), _en_name),
        ("reports", _CLAUSE + r"(?:as\s+)?(?P<reporter>" + _PHRASE + r")\s+" + _EN_CITING + r"\s+" + _VIA
         + r"(?:" + _END + r"|(?=\s*,))",
         "nom", ("citing", "quoting", "with reference", "referring to", "in reference to", " via "), _en_name, "nom"),
        # said X, as quoted by Y; X said, as cited by Y: Y reports, citing X
        ("reports", _CLAUSE + _EN_SAY + r"\s+(?P<via>" + _PHRASE + r"),\s+as\s+(?-i:quoted|cited|reported)\s+by\s+"
         r"(?P<reporter>" + _PHRASE + r")" + _EN_END, "nom", ("quoted by", "cited by", "reported by"), _en_name, "nom"),
        ("reports", _CLAUSE + r"(?P<via>" + _PHRASE + r"),?\s+" + _EN_ADVERB + f"(?:{_EN_SAY_AFTER}|{_EN_SAY_CONTENT})"
         + r",\s+as\s+(?-i:quoted|cited|reported)\s+by\s+(?P<reporter>" + _PHRASE + r")" + _EN_END, "nom",
         ("quoted by", "cited by", "reported by"), _en_name, "nom"),
        # as reported in the report of X, as stated in a statement by X: X
        ("reports", r"(?-i:[Aa]s)\s+(?-i:reported|stated|noted|said|indicated|mentioned)\s+in\s+(?-i:the|a|an|its)\s+"
         r"(?:(?-i:official|latest|annual|new|recent)\s+)?(?-i:report|statement|message|press\s+release|publication"
         r"|letter|post|review|bulletin)\s+(?-i:of|by|from)\s+(?P<reporter>" + _PHRASE + r")" + _CLAUSE_END, "nom",
         ("reported in", "stated in", "noted in", "said in", "indicated in", "mentioned in"), _en_name),
        # Chevron, the largest oil producer in Kazakhstan, said: an organisation named before what it is
        ("reports", _CLAUSE + r"(?P<reporter>(?-i:[A-Z][\w&.-]*(?:\s+[A-Z][\w&.-]*){0,3}))\s?,\s+(?-i:the|a|an)\s+"
         r"(?:(?!(?-i:of|for|at|in)\b)[\w%’'-]+\s+){0,4}?(?-i:" + "|".join(sorted(_EN_FIRM_NOUNS)) + r")\b[^,;:\n]{0,120}?"
         r",\s+" + _EN_ADVERB + f"(?:{_EN_SAY_AFTER}|{_EN_SAY_CONTENT})(?:{_EN_THAT}|{_EN_END}|{_EN_REPORTED_CLAUSE})",
         "nom", _EN_SAY_WORDS, _en_name),
        # X, quoted by Y, said; In comments to Y (in an interview with Y), X said: Y reports, citing X
        ("reports", _CLAUSE + r"(?P<via>" + _PHRASE + r"),\s+(?:as\s+)?(?-i:quoted|cited)\s+by\s+(?P<reporter>" + _PHRASE
         + r"),\s+" + _EN_ADVERB + f"(?:{_EN_SAY_AFTER}|{_EN_SAY_CONTENT})", "nom", ("quoted by", "cited by"), _en_press,
         "nom"),
        ("reports", r"(?:^|[.!?]\s+|\n)\s*(?-i:In|in)\s+(?:(?-i:comments?|remarks|an?\s+interview|a\s+conversation|a\s+statement)"
         r")\s+(?-i:to|with)\s+(?P<reporter>" + _PHRASE + r"),\s+(?P<via>" + _PHRASE + r")\s+" + _EN_ADVERB
         + f"(?:{_EN_SAY_AFTER}|{_EN_SAY_CONTENT})", "nom", ("comment", "remarks", "interview", "conversation",
                                                          "statement to"), _en_told, "nom"),
        # Citing X, Y reported; Y, citing X, reported: Y reports, citing X
        ("reports", r"(?:^|[.!?]\s+|\n)\s*(?-i:Citing|Quoting|Referring\s+to)\s+(?P<via>" + _PHRASE + r"),\s+(?P<reporter>"
         + _PHRASE + r")\s+" + _EN_ADVERB + _en_verbs("reported", "reports", "said", "says", "wrote", "writes"), "nom",
         ("citing", "quoting", "referring to"), _en_press, "nom"),
        ("reports", _CLAUSE + r"(?P<reporter>" + _PHRASE + r"),\s+(?-i:citing|quoting|referring\s+to)\s+(?P<via>" + _PHRASE
         + r"),\s+" + _EN_ADVERB + _en_verbs("reported", "reports", "said", "says", "wrote", "writes"), "nom",
         ("citing", "quoting", "referring to"), _en_press, "nom"),
        # X said, according to Y (an outlet): Y reports, citing X
        # (X an appositive too: ``Yuri Nosenko, deputy head of …, told reporters according to Interfax``)
        ("reports", _CLAUSE + r"(?P<via>" + _EN_PERSON + r",\s+" + _PHRASE + "|" + _PHRASE + r"),?\s+" + _EN_ADVERB
         + f"(?:{_EN_SAY_AFTER}|{_EN_SAY_CONTENT}|(?-i:told))"
         + r"(?:\s+(?-i:reporters|journalists|the\s+media|the\s+press))?"
         + r"(?:\s+(?-i:on|in)\s+\w+)?,?\s+" + _EN_ACCORDING + r"\s+(?P<reporter>" + _PHRASE + r")" + _CLAUSE_END,
         "nom", ("according to", "as per"), _en_press, "nom"),
        # X said (in a statement …), which was carried by Y / as carried by Y: Y reports, citing X
        ("reports", _CLAUSE + r"(?P<via>" + _PHRASE_ACRONYM + r"),?\s+" + _EN_ADVERB + f"(?:{_EN_SAY_AFTER}|{_EN_SAY_CONTENT})"
         + r"[^.;\n]{0,80}?,?\s+(?:(?-i:which|that)\s+(?-i:was|were)\s+|(?-i:as)\s+)?(?-i:carried|relayed|published)\s+by\s+"
           r"(?P<reporter>" + _PHRASE + r")" + _EN_END, "nom", ("carried by", "relayed by", "published by"), _en_press,
         "nom"),
        # Report informs, Minister …, Name said: the outlet reports, citing the speaker after it
        ("reports", _CLAUSE + r"(?P<reporter>" + _PHRASE + r")\s+(?-i:informs|reports|writes),\s+(?P<via>[^.;\n]{3,160}?)\s+"
         + _en_verbs("said", "says", "noted", "stated", "added", "told", "explained") + _EN_END, "nom",
         ("informs,", "reports,", "writes,"), _en_name, "nom"),
        # This was reported to the media on Thursday by X; an account has been provided by X: X
        ("reports", r"\s(?-i:is|are|was|were|has\s+been|have\s+been|had\s+been)\s+(?-i:reported|announced|stated|said"
         r"|confirmed|disclosed|revealed)\s+(?:(?-i:to|on|in|at|during|earlier|today|yesterday)\b[^.;\n]{0,60}?\s+)?"
         r"(?-i:by)\s+(?P<reporter>" + _EN_SUBJECT + r")(?:,?\s+" + _en_verbs("citing", "quoting", "with reference to",
                                                                           "referring to") + r"\s+" + _VIA + r")?"
         + _EN_END, "nom", ("reported", "announced", "stated", "said", "confirmed", "disclosed", "revealed"), _en_body,
         "nom"),
        ("reports", r"(?-i:information|data|details|account|figures|statement|report|news|update|comment)\b[^.;\n]{0,80}?"
         r"\s(?-i:was|were|has\s+been|have\s+been)\s+(?-i:provided|published|released|given|shared)\s+(?-i:by)\s+"
         r"(?P<reporter>" + _EN_SUBJECT + r")" + _EN_END, "nom", ("provided by", "published by", "released by",
                                                               "given by", "shared by"), _en_body),
        # Speaking to Red Bull, Rybakina detailed …: the outlet spoken to reports, citing the speaker
        ("reports", r"(?-i:[Ss]peaking|[Tt]alking)\s+(?:(?-i:further|exclusively|later|earlier)\s+)?(?-i:to|with)\s+(?P<reporter>"
         + _PHRASE + r"),\s+(?P<via>" + _PHRASE + r")\s+" + _EN_ADVERB + f"(?:{_EN_SAY_AFTER}|{_EN_SAY_CONTENT})",
         "nom", ("speaking to", "speaking with", "talking to", "talking with", "speaking further", "speaking exclusively"),
         lambda name: _en_told(name) or (_en_name(name) if " " in name else None), "nom"),
        # X was quoted as saying: X, where the text does not say by whom
        ("reports", _CLAUSE + r"(?P<reporter>" + _PHRASE_ACRONYM + r")\s+(?-i:was|were)\s+(?-i:quoted)\s+as\s+"
         r"(?-i:saying|stating)(?!\s+by\b)", "nom", ("quoted as",), _en_body),
        # X was quoted (as saying) by Y, X was cited by Y: Y reports, citing X
        ("reports", _CLAUSE + r"(?P<via>" + _PHRASE + r")\s+(?-i:was|were|has\s+been|have\s+been)\s+(?-i:quoted|cited)"
         r"(?:\s+as\s+(?-i:saying|stating|telling\s+\S+))?\s+by\s+(?P<reporter>" + _PHRASE + r")" + _EN_AS + _EN_END,
         "nom", ("quoted", "cited"), _en_name, "nom"),
        ("reports", _CLAUSE + r"(?P<reporter>" + _EN_SUBJECT + r")\s+" + _EN_CITE + r"\s+" + _VIA + _EN_AS + _END, "nom",
         ("cite", "citing", " quot", "refer to", "refers to", "referr", "learnt from", "learned from",
          "with reference"), _en_outlet, "nom"),
        # X told Y; X has told Y; X, told Y (an appositive cut off: "Yurii Bunakov, [an official,] told RFE/RL")
        # (not X told Y to do something: an order, no report)
        ("reports", _CLAUSE + r"(?P<via>(?![^,\n]*\b(?-i:will|would|is|are|was|were)\b[^,\n]*,\s+(?-i:told|informed)\b)"
         + _PHRASE + r"),?\s+(?:(?-i:has|have|had)\s+)?(?-i:told|informed)\s+(?P<reporter>"
         + _PHRASE + r")(?!\s+(?-i:to|not\s+to)\s+(?!(?-i:the|a|an|this|that|its|his|her|their)\b)[a-z]+\b)"
         + f"(?:{_EN_THAT}|{_EN_TAIL}{_SENTENCE_END})", "nom", ("told", "informed"), _en_told, "nom"),
        # X said in a statement to Y, X confirmed in an interview with Y: Y reports, citing X
        ("reports", _CLAUSE + r"(?P<via>" + _PHRASE + r"),?\s+" + _EN_ADVERB + f"(?:{_EN_SAY_AFTER}|{_EN_SAY_CONTENT})"
         + r"(?:\s+(?-i:this|that|it|so))?\s+in\s+(?:(?-i:a|an|the|its|his|her|their)\s+)?(?:[\w-]+\s+){0,2}?"
         + _EN_STATEMENT
         + r"\s+(?-i:to|with|for)\s+(?P<reporter>" + _PHRASE + ")"
         + f"(?:{_EN_THAT}|{_EN_TAIL}{_SENTENCE_END}|(?=\\s*,))", "nom", _EN_STATEMENT_WORDS, _en_told, "nom"),
        # said X (, who X is,) in an interview with Y: Y reports, citing X
        ("reports", _CLAUSE + _EN_SAY + r"\s+(?P<via>" + _PHRASE + r"(?:,\s+[^,;.\n]{1,120}?,)?)\s+in\s+"
         r"(?:(?-i:a|an|the|its|his|her|their)\s+)?(?:[\w-]+\s+){0,2}?" + _EN_STATEMENT + r"\s+(?-i:to|with|for)\s+"
         r"(?P<reporter>" + _PHRASE + ")" + f"(?:{_EN_TAIL}{_SENTENCE_END}|(?=\\s*,))", "nom", _EN_STATEMENT_WORDS,
         _en_told, "nom"),
        # X correspondent (Name) has learnt / reports: the outlet's correspondent, the name dropped
        ("correspondent", _CLAUSE + r"(?P<reporter>" + _PHRASE + r"\s+(?-i:correspondents?))(?:\s+" + _EN_PERSON + r")?\s+"
         + r"(?:(?-i:has|have)\s+)?" + _en_verbs("learnt", "learned", "found out", "reports", "reported", "informs",
                                                   "writes", "says")
         + f"(?:{_EN_THAT}|{_EN_END}|{_EN_REPORTED_CLAUSE})", "nom", ("correspondent",), _en_name),
        ("reports", _CLAUSE + r"(?:as\s+)?(?P<reporter>" + _EN_SUBJECT + r")\s+" + _EN_ADVERB + _EN_REPORT
         + f"(?:{_EN_THAT}|{_EN_END}|{_EN_REPORTED_CLAUSE})",
         "nom", ("report", " reads"), _en_name),
        ("reports", _CLAUSE + r"(?:as\s+)?(?P<reporter>" + _EN_SUBJECT + r")" + _EN_RELATIVE + r"\s+" + _EN_ADVERB
         + f"(?:{_EN_SAY_AFTER}(?:{_EN_THAT}|{_EN_END}|{_EN_REPORTED_CLAUSE})|{_EN_SAY_CONTENT}(?:{_EN_THAT}|{_EN_END}"
           f"|{_EN_CONTENT_CLAUSE})|(?-i:told)(?=\s+(?-i:at|during)\s){_EN_END}"
           # says whatever follows: what was said, its clause opening with any word (``says preliminary reports
           # indicate``), not ``said to be`` (a passive)
           r"|(?-i:says|said)(?=\s+(?!(?-i:to)\b)(?-i:[a-z])))",  # told at the sitting: said at it
         "nom", _EN_SAY_WORDS, lambda name: _en_said_by(_EN_DATA.sub("", name))),  # a statement from X said: X
        ("reports", r"(?:^|\s)(?:(?-i:the|The)\s+)?" + _EN_DATA_QUALIFIER + _EN_DATA_NOUNS + r"\s+(?:(?-i:released|published|"
         r"compiled)\s+)?(?-i:from|by|of)\s+(?P<reporter>" + _PHRASE + r")\s+" + _EN_SHOWED + r"\b", "nom",
         ("showed", "shows", " show", "indicat", "reveal", "suggest"), _en_body),
        ("reports", _CLAUSE + r"(?P<reporter>" + _PHRASE + r")(?:['’]s|['’])\s+" + _EN_DATA_QUALIFIER + _EN_DATA_NOUNS
         + r"\s+" + _EN_SHOWED + r"\b", "nom", ("showed", "shows", " show", "indicat", "reveal", "suggest"), _en_body),
        # a report set inside a clause: ``a case that prosecutors said was linked``, ``which officials say will``
        ("reports", r"\s(?-i:that|which|what)\s+(?P<reporter>" + _PHRASE + r")\s+" + _EN_ADVERB + _EN_SAY_AFTER
         + r"(?=\s+(?-i:was|were|is|are|had|has|have|would|will|could|might|may|did|does|do)\b)", "nom",
         _EN_SAY_WORDS, _en_body),
        ("reports", r"(?:(?-i:As|as)\s+(?:(?-i:previously|earlier|already)\s+)?(?:(?-i:reported)\s+(?:by\s+)?|(?-i:noted|stated"
         r"|said|announced|explained|indicated|emphasi[sz]ed|stressed|pointed\s+out|mentioned|informed)\s+by\s+)"
         r"|(?-i:reported)\s+by\s+)"
         r"(?P<reporter>" + _QUOTED_PHRASE + r")(?:" + _END + r"|(?=\s*,))", "nom",  # As previously reported the IA “X”
         ("report", "noted by", "stated by", "said by", "announced by", "explained by", "indicated by", "emphasized by",
          "emphasised by", "stressed by", "pointed out by", "mentioned by", "informed by"),
         _en_name),
        ("reports", _CLAUSE + r"(?-i:reports|reported)\s+(?P<reporter>" + _EN_TITLED + r")" + _EN_END, "nom",
         ("report",)),  # reported APK-Inform analyst, Natalia Gavruk
        # X has learnt: an outlet's own reporting (Kazinform has learnt)
        ("reports", _CLAUSE + r"(?P<reporter>" + _EN_SUBJECT + r")\s+(?-i:has|have)\s+(?-i:learnt|learned)" + _EN_END, "nom",
         ("has learnt", "has learned"), _en_press),
        # said X, reported Y: Y reports, citing X
        ("reports", _CLAUSE + _EN_SAY + r"\s+(?P<via>" + _PHRASE + r")(?:\s+(?-i:during|at|in|on)\b[^,;.\n]{0,80}?)?,\s+"
         r"(?-i:reports|reported|informs|writes)\s+"
         r"(?P<reporter>" + _PHRASE + r")" + _EN_END, "nom", ("report", "informs", "writes"), _en_name, "nom"),
        ("reports", _CLAUSE + r"(?-i:reports|reported)\s+(?P<reporter>" + _PHRASE + r")" + _EN_END, "nom", ("report",),
         _en_name),
        # reports X, citing Y: inverted, the source cited after the reporter
        ("reports", _CLAUSE + _en_verbs("reports", "reported", "informs", "writes") + r"\s+(?P<reporter>" + _PHRASE
         + r"),?\s+" + _en_verbs("citing", "quoting", "with reference to", "referring to") + r"\s+" + _VIA
         + r"(?:" + _END + r"|(?=\s*,))", "nom", ("citing", "quoting", "with reference", "referring to"), _en_name,
         "nom"),
        ("reports", _CLAUSE + _EN_SAY + r"\s+(?P<reporter>" + _PHRASE + r")" + _EN_END, "nom", _EN_SAY_WORDS, _en_body),
        # an official with a title beside the name (see _EN_TITLED): after the forms of an outlet relaying
        # them (``…, governor of the region, said, Kazinform cites …``)
        ("reports", _EN_ACCORDING + r"\s+(?P<reporter>" + _EN_TITLED + r")" + _CLAUSE_END, "nom",
         ("according to", "as per")),
        ("reports", _CLAUSE + _EN_SAY + r"\s+(?P<reporter>" + _EN_TITLED + r")" + _EN_END, "nom", _EN_SAY_WORDS),
        ("reports", _CLAUSE + r"(?:(?-i:As|as)\s+)?(?P<reporter>" + _EN_TITLED + r"),?\s+" + _EN_ADVERB
         + f"(?:{_EN_POSTED}{_EN_END}|{_EN_SAY_AFTER}(?:{_EN_THAT}|{_EN_END}|{_EN_REPORTED_CLAUSE})"
         + f"|{_EN_SAY_CONTENT}(?:{_EN_THAT}|{_EN_END}))", "nom", _EN_SAY_WORDS + _EN_PLATFORMS),
        # X, a spokesman for Y, said; said X, a spokesman for Y: the organisation reports through its spokesperson
        ("reports", _CLAUSE + _PHRASE + r",\s+" + _EN_ROLE_OF + r",\s+" + _EN_ADVERB
         + f"(?:{_EN_SAY_AFTER}(?:{_EN_THAT}|{_EN_END}|{_EN_REPORTED_CLAUSE})|{_EN_SAY_CONTENT}(?:{_EN_THAT}|{_EN_END}))",
         "nom", _EN_ROLE_WORDS, _en_name),
        ("reports", _CLAUSE + _EN_SAY + r"\s+" + _PHRASE + r",\s+" + _EN_ROLE_OF + _EN_END, "nom", _EN_ROLE_WORDS,
         _en_name),
        # a person or body posting on a platform: the platform is where, not a source cited (no via)
        ("reports", _CLAUSE + r"(?P<reporter>" + _PHRASE + r")\s+" + _EN_ADVERB + _EN_POSTED + f"(?:{_EN_THAT}|{_EN_END})",
         "nom",
         _EN_PLATFORMS, _en_name),
        # Based on the information received from X, …: X reports
        ("reports", r"(?-i:[Bb]ased)\s+on\s+(?:(?-i:the)\s+)?(?-i:information|data|materials|reports)\s+(?:(?-i:received"
         r"|provided|obtained|published|released)\s+)?(?-i:from|by|of)\s+(?P<reporter>" + _QUOTED_PHRASE + r")(?:(?=\s*,)|"
         + _CLAUSE_END + ")",
         "nom", ("based on",), _en_source),
        ("reports", _EN_ACCORDING + r"\s+(?P<reporter>" + _QUOTED_PHRASE + r")" + _DEFINED + r"(?:,\s+(?-i:via|citing)\s+(?P<via>"
         + _PHRASE + r"))?(?:" + _CLAUSE_END + r"|(?=\s+(?-i:which|who|whose|that)\s)"
         # or the sentence's subject after it without a comma, opening with a quantity: according to health officials
         # at least 70 people were injured
         r"|" + "".join(rf"(?<!\b{w})" for w in ("the", "a", "an", "of", "in", "by", "to", "for", "with", "from", "on", "at"))
         + r"(?=\s+(?-i:at\s+least|more\s+than|less\s+than|fewer\s+than|nearly|almost|up\s+to)\s+\d))", "nom",
         ("according to", "as per", ", per "),
         _en_source, "nom"),  # a clause saying what the source is may follow it (… center which makes the boosters)
    )
)
# Source lines: ``Источник: КазТАГ``, ``Source: …``, Kazakh ``Дереккөз: …`` / ``Дерек көзі`` / ``Ақпарат көзі`` in
# every script, opening a line or after a sentence; and a line that is a press office alone, as outlets print the
# source under a headline (``Presidential press service``, ``Пресс-служба акимата``, ``Әкімдіктің баспасөз қызметі``).
_KK_LABELS = ("дереккөз", "дерек көзі", "ақпарат көзі", "келу қайнары")  # the last as the Ili papers print it
_KK_OFFICES = ("баспасөз қызметі", "коммуникациялар қызметі")  # the press office, the (regional) communications service
_KK_LABEL_WORDS = _kk_words(*_KK_LABELS, *_KK_OFFICES)
_LABELS = ("источник", "source", "пресс-служба", "press ", "коммуникаций", "communications service", "сайт ",
           *_KK_LABEL_WORDS)
_SOURCE_LINE = _RE.compile(  # glued to the text before it when a page lost its line break (…region.Source: …)
    r"(?:^\s*|(?<=[.!?…])\s+|(?<=\d)\s+(?=[A-ZА-ЯЁӘҒҚҢӨҰҮҺІ\u0600-\u06ff])|(?<=[.!?…»\"”a-zа-яё])(?=[A-ZА-ЯЁ]))(?P<label>"
    + _alternation(("источник", "source", *(s for w in _KK_LABELS for s in _kk_spellings(w))), word_start=False)
    + r")(?:\s+(?:новости|информации|материала|news|of\s+the\s+news))?\s*:\s*(?P<reporter>[^|\s][^|]*?)\s*\.?\s*(?:\|.*)?$",
    re.I)  # Source: Xinhua| 2019-04-11 18:50:11|Editor: …: the fields after a bar are the page's
# A label glued to a web address when a page lost what parted them (``Дереккөзktk.kz``, ``Источникzakon.kz``).
_GLUED_LABEL = _RE.compile(  # or parted by spaces from the address, among a page's fields (14:35   Источник akipress.kg)
    r"(?:^\s*|(?<=\d)\s+|\s{2,})(?P<label>" + _alternation(("источник", "source", *(s for w in _KK_LABELS
                                                                                 for s in _kk_spellings(w))),
                                                       word_start=False).removesuffix(r"(?!\w)")
    + r")\s?(?P<reporter>[a-z0-9][\w-]*(?:\.[\w-]+)*\.[a-z]{2,})\s*\.?(?:\s*$|\s{2,}|(?=\s(?-i:[A-ZА-ЯЁ])))", re.I)
_OFFICE_LINE_MAX = 160  # characters: a longer line is a paragraph
# A label alone on its line, the source on the next (``Источник:\nInterfax``): read as one line.
_LABEL_BROKEN = _RE.compile(
    r"(?im)^([ \t]*" + _alternation(("источник", "source", *(s for w in _KK_LABELS for s in _kk_spellings(w))))
    + r"[ \t]*:)[ \t]*\n\s*(?=\S)")
_BROKEN = _RE.compile(r":[ \t]*\n")  # what such a text holds: sought first, a cheaper test than the label's
_OFFICE_LINE = _RE.compile(
    r"\s*(?P<reporter>(?:[\w’'-]+\s+){0,5}?(?:press|communications?)\s+(?:service|office)(?:\s+of\s+[^.,;:!?\n]{1,60}?)?"
    r"|пресс-служба(?:\s+[^.,;:!?\n]{1,60}?)?|(?:[\w-]+\s+){0,2}?служба\s+(?:[\w-]+\s+)?коммуникаций(?:\s+[^.,;:!?\n]{1,60}?)?"
    r"|(?-i:[Сс]айт)\s+(?:[а-яё]+(?:ого|его|ой|ей|ых|их)\s+)?[а-яё]+(?:а|я|ов|ев|ии|ы)(?:\s+[А-ЯЁ][\w-]*){0,2}"  # Сайт города Актау
    r"|[^.,;:!?\n]{1,60}?\s+" + _kk(_KK_OFFICES) + r")\s*\.?\s*", re.I)
# Every word a form needs, lower-cased: plain substring searches of the lower-cased text find the stretches
# worth trying (a regex alternation over the whole text costs many times more).  The words of a script are
# looked for only in a text holding a letter of it: (the letters, or None for plain ASCII; the words).


def _fewest(words: set[str]) -> dict[str, str]:
    """Each word to the shortest of ``words`` inside it (itself if none, or if it is a label's: a label's hit is read
    as a label): a text holding the longer holds the shorter, so one substring test does for both."""
    reducers = sorted((w for w in words if w not in _LABELS), key=len)
    return {w: w if w in _LABELS else next(r for r in reducers if r in w) for w in words}


_REDUCED = _fewest({w for form in _FORMS for w in form.words})
_FORMS = tuple(replace(form, words=frozenset(_REDUCED[w] for w in form.words)) for form in _FORMS)
_WORDS = tuple(sorted(set(_REDUCED.values()) | set(_LABELS)))
_KK_LATIN = frozenset(  # the Latin spellings of the words of Kazakh forms (known by their tote spellings) and labels
    w for words in (*(form.words for form in _FORMS), _KK_LABEL_WORDS)
    if any(re.search("[\u0600-\u06ff]", w) for w in words)
    for w in words if re.fullmatch(r"[^\u0400-\u04ff\u0600-\u06ff]+", w))
# (a text's mark of a script: any of these characters, or None for every text; the words of that script).  A
# Kazakh Latin text writes a letter of its alphabet beyond ASCII (ı, á, ä, …) or one of the 2017 alphabet's frequent
# apostrophe letters (a' ә, y' у, g' ғ, o' ө, u' ү, i' и/й, n' ң), which English writes seldom (``don't``: a
# few more substring searches); or, typed in plain ASCII, one of its reporting words (``dep habarlady``).
_KK_LATIN_CUES = tuple(sorted({s for word in ("деп ", "деді ", "хабарла", "туралы", "мәлімде", "ақпарат", "дереккөз", "сілтеме")
                               for s in _kk_spellings(word) if s.isascii()}))
# English words only where two Latin words stand side by side (a Cyrillic text naming Tengrinews.kz or KASE holds no
# English sentence); the labels in Latin letters always (Sourcektk.kz).
_LATIN_PROSE = _RE.compile(r"[a-z]{2,}[^a-z\w\n.]{1,3}[a-z]{2,}")
_SCRIPT_WORDS: tuple[tuple[tuple[str, ...] | re.Pattern[str] | None, tuple[str, ...]], ...] = (
    (None, tuple(w for w in _WORDS if w.isascii() and w not in _KK_LATIN and w in _LABELS)),
    (_LATIN_PROSE, tuple(w for w in _WORDS if w.isascii() and w not in _KK_LATIN and w not in _LABELS)),
    (tuple("аоеі"), tuple(w for w in _WORDS if re.search("[а-яёәғқңөұүһі]", w))),
    (tuple("اەىن"), tuple(w for w in _WORDS if re.search("[\u0600-\u06ff]", w))),
    ((*"ıáäóöúüńñǵğşý", "a'", "y'", "g'", "o'", "u'", "i'", "n'", *_KK_LATIN_CUES), tuple(sorted(_KK_LATIN))),
)


def _sieve(script: tuple[str, ...]) -> Callable[[str], str]:
    """What a script's words are sought in, for a lower-cased text: a string holding each of them the text holds (a
    word it holds besides has no place in the text: harmless), shorter than the text when the words' letters are not
    the text's own (a Cyrillic text's few Latin names), as each word is one search of it.  ASCII words: the text's ASCII
    characters; tote or Kazakh Latin: the runs of the words' characters at least as long as the shortest word (an
    occurrence lies inside one; a run opens with a class, which ``re`` skips to fast); Cyrillic: the text itself."""
    if all(word.isascii() for word in script):
        return lambda low: low.encode("ascii", "ignore").decode("ascii")
    if any(re.search("[\u0400-\u04ff]", word) for word in script):
        return str
    letters = "[" + "".join(map(re.escape, sorted(set("".join(script))))) + "]"
    runs = _RE.compile(letters + letters + "{%d,}" % (min(map(len, script)) - 1))
    return lambda low: "\0".join(runs.findall(low))


_SIEVES = tuple(_sieve(script) for _, script in _SCRIPT_WORDS)
_BEFORE = 250  # characters kept before a reporting word: room for a name and a via
_AFTER = 150  # and after it, up to the next sentence end: room for a name, a via, a date

# The publisher itself, printed without its name: корреспондент агентства, the agency, агенттік тілшісі.
_IMPLIED = _RE.compile(
    r"(?:нашего\s+)?(?:агентства|издания|портала|редакции)|(?:the\s+|our\s+)?agency(?:['’]s)?|our|"
    + _kk(("агенттік", "агенттігі", "агенттігінің", "біздің")), re.I)
_CORRESPONDENT = _RE.compile(
    r"^(?:(?:собственн\w+|наш\w*)\s+)?корреспондент\w*\s+(?P<ru>.+)$|^(?P<en>.+?)(?:['’]s)?\s+correspondents?$"
    r"|^correspondents?\s+(?:of|for|from)\s+(?P<of>.+)$"
    r"|^(?P<kk>.+?)(?:\s+" + _kk(_KK_MEDIA_OF) + r")?\s+" + _kk(_KK_CORRESPONDENT) + "$", re.I)

# --- photo credits -----------------------------------------------------------------------------------------------

_CREDIT_WORDS_RU = ("фото", "фотография", "фотографии", "фотограф", "коллаж", "скриншот", "видео", "инфографика",
                    "иллюстрация", "изображение", "рисунок")
_CREDIT_WORDS_KK = ("сурет", "фотосурет", "фото", "коллаж", "бейне", "видео", "инфографика")
_CREDIT_WORDS_EN = ("photo", "photos", "photograph", "photographs", "image", "images", "picture", "pictures", "video",
                    "infographic", "collage", "illustration", "screenshot", "graphic", "credit", "credits")
_CREDIT_WORD = _alternation(_CREDIT_WORDS_RU + _CREDIT_WORDS_EN + tuple(
    s for w in _CREDIT_WORDS_KK for s in _kk_spellings(w) | _kk_spellings(_kk_plural(w))))
# Kazakh "made by": суретті түсірген, коллажды жасаған, фотоны дайындаған.
_CREDIT_MADE = _kk(f"{_kk_accusative(noun)} {_kk_participle(verb)}"
                   for noun in _CREDIT_WORDS_KK for verb in ("түсір", "жаса", "дайында", "ал"))
# What kind of picture it is, before the label: ``Архивное фото: …``, ``File photo by …``, ``Көрнекі сурет …``.
_CREDIT_KIND = (r"(?:архивное|иллюстративное|иллюстрационное|стоков(?:ое|ые)|file|archive|illustrative|stock|"
                + _kk(("көрнекі",)) + ")")
_CREDIT_LABEL = (rf"(?:(?:источник|автор|source|cover|main|featured|top|header|lead|{_CREDIT_KIND})\s+)?{_CREDIT_WORD}"
                 rf"(?:\s*(?:/|,|&|и|және|and)\s*{_CREDIT_WORD})*"
                 r"(?:\s+(?:by|credits?|courtesy(?:\s+of)?|source))?" + rf"|{_CREDIT_MADE}")
_OPEN = r"^\s*(?:©\s*)?"  # a credit line may open with © and be wrapped in parentheses
_CLOSE = r"[\s.,;©]*$"  # a © may close the line too (Фото Турар Казангапов ©)
# The label's mark may be doubled by a stray one (``Photo:, Fotolia``, ``Сурет: – Kazinform``): the credit follows.
_PHOTO = _RE.compile(_OPEN + rf"(?:{_CREDIT_LABEL})(?:\s*[:©|]|\s+[/—–-])[\s,;:—–-]*©?\s*(?P<credit>[^\s,;:—–-].*?)"
                    + _CLOSE, re.I)
_PHOTO_BY = _RE.compile(
    _OPEN + rf"(?:{_CREDIT_KIND}\s+)?{_CREDIT_WORD}\s+(?:by|courtesy(?:\s+of)?)\s+(?P<credit>\S.*?)" + _CLOSE, re.I)
# ``Фото Турара Казангапова``, ``Фото с сайта gov.kz``, ``Сурет ашық дереккөзден``: a label, then the credit.
# ``Автор фото Борис Козыркин``: the author named in the nominative.
_PHOTO_OF = _RE.compile(
    r"^\s*(?:" + _CREDIT_KIND + r"\s+)?(?:(?P<author>автор\s+(?:фото|фотографии|снимка|изображения))"
    r"|(?P<ru>фото|изображени[ея]|фотографии)|(?P<kk>" + _kk(("сурет", "фотосурет"))
    + r")|photo|image|foto)\s+"
    r"(?P<credit>\S.*?)" + _CLOSE, re.I)
# An English credit before the picture's word: ``Reuters Photo``, ``Vesti.kz stock photo``, ``AFP/Getty Images``
# is whole above; a name (each word opening with a capital, a digit or a quote, or a web address), not ``The photo``.
_PHOTO_NAMED = _RE.compile(
    r"^\s*(?P<credit>[\w«\"“@](?:[^.,;:!?()]|\.(?=\S)){0,60}?)\s+(?:(?:stock|file|archive)\s+)?"
    r"(?:photo|photos|image|images|picture|pictures)[\s.]*$", re.I)
_NOT_CREDITS = frozenset(("the", "a", "an", "this", "that", "our", "his", "her", "their", "its", "my", "your", "main",
                          "cover", "featured", "top", "lead", "header", "file", "stock", "archive", "new", "old"))
_PHOTO_AFTER = _RE.compile(r"^\s*(?P<credit>\S[^()]*?)\s*\((?:фото|photo|" + _kk(("сурет", "фото")) + r")\)\s*$", re.I)
# Lines that are themselves the credit: ``Иллюстративное фото``, ``Скриншот видео``, ``Getty Images / AFP``.
_PHOTO_WHOLE = _RE.compile(
    r"^\s*(?:(?:иллюстративное|архивное)\s+(?:фото|изображение)|фото\s+иллюстративное|скриншот\b.*"
    # a still from a video: Кадр видео, Кадр из видео, Стоп-кадр, video still, бейнеден кадр
    r"|(?:стоп-)?кадры?(?:\s+(?:из\s+)?видео\w*)?|video\s+still|screen\s*grab|"
    + _kk(("бейнеден кадр", "видеодан кадр", "бейнекадр"))
    + r"|(?:illustrative|stock|file|archive)\s+(?:image|photo|picture)|screenshot\b.*|" + _kk(("көрнекі сурет",))
    + r"|(?:getty\s+images|shutterstock|depositphotos|istock|unsplash|pixabay|freepik|pexels)\b.*"
    # "open sources" alone under a photo: ашық дереккөз(і/дер), открытые источники, open sources
    + r"|(?:открыт\w*\s+источник\w*|open\s+sources?|" + _kk(("ашық дереккөз", "ашық дереккөзі", "ашық дереккөздер",
                                                             "ашық дерек көзі")) + r"))\s*$", re.I)
# A Kazakh credit before the picture's word in the possessive: ``Eldeç Orda суреті`` (Eldeç Orda's picture),
# ``Айзаттың фотосы``, ``Kazinform коллажы``; a name (each word opening with a capital, a digit or a quote, or a
# web address), never a sentence (``Бұл оның суреті``, ``Мектептің жаңа суреті``).
_PHOTO_OWNED = _RE.compile(
    r"^\s*(?P<credit>[\w«\"“@](?:[^.,;:!?()]|\.(?=\S)){0,60}?)\s+(?:"
    + _kk(_kk_possessive(w) for w in (*_CREDIT_WORDS_KK, "фотосурет")) + r")[\s.]*$", re.I)
_RU_FROM = _RE.compile(  # "taken from the site of", "provided by": the credit follows
    r"^(?:взят[оаы]?\s+)?(?:с|из|от)\s+(?:официального\s+)?(?:сайта|сайтов)\s+|^(?:предоставлен[оаы]?)\s+", re.I)


_RU_PAGES = ("страница", "аккаунт", "сообщество")  # where a photo is taken from, besides a site or a channel
_RU_WORD = _RE.compile("(?:[a-z]+-)?[а-яё]", re.I)  # a Russian word, or a compound of a Latin name (Telegram-канала)


def _genitive_credit(credit: str) -> str:
    """A Russian credit printed in the genitive (``Турара Казангапова``, ``из открытых источников``, ``пресс-службы
    акимата``, ``с телеграм канала МЧС``) in the nominative: the name, or the words up to the head noun (an
    indeclinable word before it, ``телеграм``, included), before the words that depend on it; after "с" only an
    institution or a channel (``с места событий`` is a place, not a source); a credit opening in another script or
    with a web address is given as printed."""
    case = "ablt" if re.match("предоставлен", credit, re.I) else "gent"  # provided by the press office
    credit = _RU_FROM.sub("", credit)
    people = credit.split(" и ")
    if len(people) == 2 and all(re.match("[А-ЯЁ][а-яё]+ [А-ЯЁ]", p) for p in people):  # Киры Прейс и Тамары Вааль
        return " и ".join(russian.nominative(p, case) for p in people)
    preposition = re.match(r"(?:из|от|со?)\s+", credit, re.I)
    words = credit[preposition.end() if preposition else 0:].split()
    if not words or not _RU_WORD.match(words[0]) or _DOMAIN.fullmatch(words[0]):
        return " ".join(words) if words else credit  # a name in another script or an address: as printed
    source = (*_RU_HEAD_NOUNS, *_RU_PAGES)
    # an indeclinable word before the head noun (телеграм канала): the head is read after it
    lead = 1 if len(words) > 2 and not _ru_head(words, source) and _ru_head(words[1:], source) else 0
    if preposition and preposition.group(0).strip().lower() in ("с", "со") and not _ru_head(words[lead:], source):
        return credit
    return " ".join(words[:lead] + [russian.nominative(" ".join(words[lead:]), case)])


def _ru_head(words: list[str], nouns: tuple[str, ...]) -> bool:
    """Whether the genitive phrase ``words`` is headed by one of ``nouns`` (an institution, a channel, a page)."""
    return (russian.head(" ".join(words), "gent") or "").endswith(nouns)


# Cyrillic and Latin letters drawn alike: a label typed with one of the other script's letters (``Photо`` with a
# Cyrillic о) is read in its own script.
_CYRILLIC_LIKE = "аеорсухкіјѕАВЕКМНОРСТХУІЈЅ"
_LATIN_LIKE = "aeopcyxkijsABEKMHOPCTXYIJS"
_TO_LATIN = str.maketrans(_CYRILLIC_LIKE, _LATIN_LIKE)
_TO_CYRILLIC = str.maketrans(_LATIN_LIKE, _CYRILLIC_LIKE)
_FIRST_WORD = _RE.compile(r"\s*([^\W\d_]+)")


def _one_script_word(word: str) -> str:
    """``word`` in one script when one script's letters in it are all look-alikes of the other's (``Фoтo``; Kazakh
    Latin typed with Cyrillic ``а``, ``е``, ``і``, ``к``: ``áкіmdіgі``): the script of the letters only it has
    (Ф, т; h, t, á) wins; the letters are swapped one for one, so every position stays where it was."""
    if any("\u0370" <= c <= "\u03ff" for c in word):  # Greek look-alikes planted in a word (κорреспοндент)
        word = word.translate(_GREEK_TO_CYRILLIC if any("\u0400" <= c <= "\u04ff" for c in word) else _GREEK_TO_LATIN)
    cyrillic = [c for c in word if "\u0400" <= c <= "\u04ff"]
    latin = [c for c in word if c.isalpha() and not "\u0400" <= c <= "\u04ff"]
    if not cyrillic or not latin:
        return word
    only_latin = any(c not in _LATIN_LIKE for c in latin)
    only_cyrillic = any(c not in _CYRILLIC_LIKE for c in cyrillic)
    if only_latin == only_cyrillic:  # two words glued (Дереккөзktk.kz), or look-alikes only: left as printed
        return word
    return word.translate(_TO_LATIN if only_latin else _TO_CYRILLIC)


def _one_script_label(line: str) -> str:
    """``line`` with its first word in one script (see ``_one_script_word``)."""
    m = _FIRST_WORD.match(line)
    return line[:m.start(1)] + _one_script_word(m.group(1)) + line[m.end(1):] if m else line


_SCRIPT_SEAM = _RE.compile(r"[A-Za-zÀ-ž][\u0400-\u04ff]|[\u0400-\u04ff][A-Za-zÀ-ž]"  # two scripts side by side
                          r"|[\u0370-\u03ff][A-Za-zÀ-ž\u0400-\u04ff]|[A-Za-zÀ-ž\u0400-\u04ff][\u0370-\u03ff]")
# Every seam holds a Latin or Greek letter and a Cyrillic or Greek one: the letters of either kind lead to all seams.
_LATIN_OR_GREEK = _RE.compile(r"[A-Za-zÀ-ž\u0370-\u03ff]")
_CYRILLIC_OR_GREEK = _RE.compile(r"[\u0370-\u04ff]")
# Greek letters that look like Cyrillic or Latin ones, one for one.
_GREEK_LIKE = "αβεικμορτυχΑΒΕΗΙΚΜΟΡΤΥΧ"
_GREEK_TO_CYRILLIC = str.maketrans(_GREEK_LIKE, "авеікмортухАВЕНІКМОРТУХ")
_GREEK_TO_LATIN = str.maketrans(_GREEK_LIKE, "abeikmoptuxABEHIKMOPTYX")


# Letters of the 2021 Latin alphabet as some outlets type them (ŋ for ñ, ǧ for ğ): read as the alphabet's own.
_LATIN_VARIANTS = str.maketrans("ŋŊǧǦ", "ñÑğĞ")


def _one_script(text: str) -> str:
    """``text`` with every word that mixes look-alike letters of the two scripts in one (see ``_one_script_word``):
    only the words around a seam of two scripts are looked at (one scan of the text finds them); the 2021 alphabet's
    variant letters read as its own, one for one."""
    if "ŋ" in text or "ǧ" in text or "Ŋ" in text or "Ǧ" in text:
        text = text.translate(_LATIN_VARIANTS)
    pieces: list[str] = []
    last = 0
    for seam in _seams(text):
        if seam < last:  # a second seam in a word already read
            continue
        start, end = seam, seam + 2
        while start > 0 and text[start - 1].isalpha():
            start -= 1
        while end < len(text) and text[end].isalpha():
            end += 1
        pieces += (text[last:start], _one_script_word(text[start:end]))
        last = end
    return "".join(pieces) + text[last:] if pieces else text


def _seams(text: str) -> Iterator[int]:
    """Where ``_SCRIPT_SEAM`` matches in ``text``, in order, overlapping seams too: looked for only beside the letters
    of the rarer kind (a Cyrillic text's few Latin names, an English text's few Cyrillic words), as a search of the
    seam's pattern tries all its alternatives at every character."""
    cyrillic = text.count("а") + text.count("о")  # the commonest letters of Kazakh and Russian, and of English
    rare = _CYRILLIC_OR_GREEK if cyrillic < text.count("e") + text.count("a") else _LATIN_OR_GREEK
    last = -1
    for letter in rare.finditer(text):
        for seam in range(max(letter.start() - 1, last + 1), letter.start() + 1):
            if _SCRIPT_SEAM.match(text, seam):
                last = seam
                yield seam


def photo_credit(line: str) -> str | None:
    """The credit of a photo-credit line (``Фото: gov.kz``, ``Фото Турара Казангапова``, ``Photo by …``), or None."""
    if len(line) >= 200:
        return None
    line = _one_script_label(line)
    bracketed = _BRACKETED.fullmatch(line)
    if bracketed and bracketed.group("credit").lower() not in _NOT_TAGS:
        return bracketed.group("credit")
    wrapped = re.fullmatch(r"\s*\((.+)\)\s*|\s*\[(.+)\]\s*", line)  # (Фото: …), [Photo: Xinhua]
    line = (wrapped.group(1) or wrapped.group(2)) if wrapped else line
    line = _TAKEN.sub("", line)
    if wrapped and _AGENCY_AND_PHOTOGRAPHER.fullmatch(line):  # (Xinhua/Zhao Ge), (Greenpeace/Knoth)
        return line.strip()
    if _KK_OPEN_SOURCE.fullmatch(line.strip(" .")):  # ашық дереккөзден (from an open source): the source, nominative
        return _kk_base(line.strip(" ."), _KK_ABLATIVE)
    for pattern in (_PHOTO, _PHOTO_BY, _PHOTO_AFTER, _BY_AUTHOR, _COPYRIGHT):
        m = pattern.match(line)
        if m:
            credit = _FROM.sub("", m.group("credit"))
            if _KK_OPEN_SOURCE.fullmatch(credit.strip(" .")):  # Фото: Ашық дереккөзден
                return _kk_base(credit.strip(" ."), _KK_ABLATIVE)
            # a label repeated after the label: ``Источник фото: Фото из открытых источников``
            return (photo_credit(credit) if credit != line.strip() else None) or credit
    if _PHOTO_WHOLE.match(line):
        return line.strip(" .")
    if _ACRONYM_LINE.fullmatch(line):  # a body's acronym alone under a photo: ``ТЖМ``, ``МЧС``
        return line.strip()
    named = _PHOTO_NAMED.match(line)
    if named and _named_credit(named.group("credit")):
        return named.group("credit")
    wire = _WIRE_PHOTO.fullmatch(line) or _AT_AGENCY.fullmatch(line) or _COPYRIGHT_YEAR.fullmatch(line)
    if wire:  # EPA/KAZAKHSTAN EMERGENCIES MINISTRY HANDOUT, Vladimir Tretyakov/AP, ©2003 Chris Kridler
        return wire.group("credit")
    owned = _PHOTO_OWNED.match(line)
    if owned and all(_NAMED.match(word) or _DOMAIN.fullmatch(word) for word in owned.group("credit").split()):
        return _kk_base(owned.group("credit"), _KK_GENITIVE)
    m = _PHOTO_OF.match(line)
    if not m or len(m.group("credit").split()) > 6 or re.search(r"[,!?]|\.\s", m.group("credit")):
        return None
    return _base_credit(m)


# An open source, the internet, in Kazakh, nominative or ablative (``ашық дереккөзден``: from an open source).
_KK_OPEN_SOURCE = _RE.compile(_kk(("ашық дереккөз", "ашық дереккөзден", "ашық дереккөздер", "ашық дереккөздерден",
                                  "ғаламтор", "ғаламтордан", "интернеттен", "әлеуметтік желіден")), re.I)
# A photo agency's credit as wires print it, unlabelled: the agency, a slash, the photographer or source.
_WIRE_PHOTO = _RE.compile(r"\s*(?P<credit>(?-i:EPA|AFP|AP|AP\s+Photo|REUTERS|Reuters|XINHUA|TASS|SPUTNIK|Getty\s+Images"
                         r"|Shutterstock|ANADOLU)\s*/\s*[^\n/]{2,80}?)(?:\s+-\s+(?-i:BEST\s+QUALITY\s+AVAILABLE))?\s*")
# The photographer or source, a slash, the agency (and what distributed it): ``Vladimir Tretyakov/AP``, ``Abduaziz
# Madyarov/AFP via Getty Images``, ``Defense Ministry of Kyrgyzstan/Handout via REUTERS``.
_AT_AGENCY = _RE.compile(r"\s*(?P<credit>(?-i:[A-Z][\w’'.-]*)(?:\s+(?:(?-i:[A-Z][\w’'.-]*)|of|the|and)){0,6}\s*/\s*"
                         r"(?-i:AP|AFP|TASS|REUTERS|Reuters|EPA|Getty\s+Images|Sputnik|SPUTNIK|Xinhua|XINHUA|Handout|Pool"
                         r"|ANADOLU|Anadolu|Bloomberg|RIA\s+Novosti)(?:\s+(?:via|for)\s+(?-i:[A-Z][\w-]*)"
                         r"(?:\s+(?-i:[A-Z][\w-]*)){0,2})?)\s*")
# A photographer's copyright with the year: ``©2003 Chris Kridler`` (a page's footer names a site: © 2024 kazinform.kz).
_COPYRIGHT_YEAR = _RE.compile(r"\s*©\s*\d{4}\s+(?P<credit>(?-i:[A-Z][a-z’'-]+(?:\s+[A-Z][a-z’'-]+){1,2}))\s*,?\s*")
_TAKEN = _RE.compile(r"\s+" + _kk(("алынды", "алынған")) + r"\s*$", re.I)  # Сурет интернеттен алынды: was taken from
# An agency and its photographer, in brackets under a photo: ``(Xinhua/Zhao Ge)``, ``(Greenpeace/Knoth)``.
_AGENCY_AND_PHOTOGRAPHER = _RE.compile(r"\s*[A-Z][\w.&-]*\s*/\s*[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*){0,2}\s*")
# A credit in square brackets under a photo, Xinhua's way: ``[Xinhua/Shen Hong]``, ``[Photo/Xinhua]``.
_BRACKETED = _RE.compile(r"\s*\[(?:(?:photo|фото)\s*/\s*)?(?P<credit>[A-Z][\w.&-]*(?:\s*/\s*[A-Z][\w.&-]*"
                        r"(?:\s+[A-Z][\w.&-]*){0,2})?)\]\s*", re.I)
# An author credited for their own photos: ``Ирина КОВАЛЁВА, фото автора``, ``… , photos by the author``, Kazakh
# ``…, суреттер автордікі``.
_BY_AUTHOR = _RE.compile(
    r"^\s*(?P<credit>[^\W\d_][^,،]{2,60}?)[,،]\s*(?:(?:текст\s+и\s+)?(?:фото|фотографии|снимки)\s+автора"
    r"|(?:text\s+and\s+)?photos?\s+by\s+the\s+author|" + _kk(("сурет", "суреттер", "фото", "фотосуреттер")) + r"\s+"
    + _kk(("автордікі", "автордың")) + r")[\s.]*$", re.I)
# A credit after the copyright sign: ``© Institute of Political Solutions``; not a notice (``© 2026 …``, ``© Все права
# защищены``).
_COPYRIGHT = _RE.compile(r"^\s*(?:©|\(c\))\s*,?\s*(?P<credit>(?![^\n]*(?:прав|rights|reserved|\d{4}))(?:[A-ZА-ЯЁ«\"“]|(?<=,\s)\w"
                        r"|(?=[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,}\s*$))"  # or a web address alone: © bilim-all.kz
                        r"[^©\n]{1,80}?)"
                        r"[\s.]*$")
_ACRONYM_LINE = _RE.compile(r"\s*[A-ZА-ЯЁӘҒҚҢӨҰҮҺІ]{2,6}\s*")
# What may come before a credit after its label: ``the``, ``picture from an open source`` (the source is the credit).
_FROM = _RE.compile(r"^(?:(?-i:the)\s+|(?:(?:picture|photo|image)s?\s+)?(?:taken\s+)?from\s+(?:an?\s+|the\s+)?)", re.I)


def _named_credit(credit: str) -> bool:
    """Whether the words before an English picture's word name its owner, not describe the picture: one name
    (``Reuters``, ``Vesti.kz``), or acronyms and web addresses (``AFP``, ``TASS/Kazinform``), or a registered outlet;
    several capitalised words are a title as often (``Beautiful Almaty photos``)."""
    words = credit.split()
    if credit.lower() in _NOT_CREDITS or words[0].lower() in _NOT_CREDITS:
        return False
    if len(words) == 1:
        return bool(_NAMED.match(credit) or _DOMAIN.fullmatch(credit))
    return all(word.isupper() or _DOMAIN.fullmatch(word) for word in words) or outlet_named(credit) is not None


def _base_credit(m: re.Match[str]) -> str:
    """A credit printed after its label in an oblique case, in its base form: Russian genitive (``Фото Турара
    Казангапова``), Kazakh ablative (``Сурет ашық дереккөзден``)."""
    credit = m.group("credit")
    if m.group("author"):
        return credit
    if m.group("kk") or (m.group("ru") and _kk_has_letters(credit)):
        return _kk_base(credit, _KK_ABLATIVE)
    return _genitive_credit(credit) if m.group("ru") else credit


# --- reading a text ----------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Attribution:
    """An attribution as printed (``text``) and who it names."""

    text: str
    reporter: str
    kind: str  # "source-line" | "reports" | "correspondent"
    via: str | None = None


def _clean(name: str) -> str:
    """A reporter phrase without its article and without a quote mark it does not close (``«Дереккөздердің айтуынша``:
    the quote opens what the source said, not a name)."""
    name = re.sub(r"^(?:the|a|an)\s+", "", name.strip(" .,"), flags=re.I)
    for opening, closing in (("«", "»"), ("“", "”"), ("„", "“")):
        if name.startswith(opening) and closing not in name:
            name = name[1:]
        if name.endswith(closing) and opening not in name:
            name = name[:-1]
    return name


def _base(name: str, case: str) -> str:
    """The reporter phrase in its base form."""
    if case in ("loc", "gen") and re.match(r"[«\"“]?(?:[а-яё]|[\w-]*-[а-яё])", name, re.I) and not _kk_has_letters(name):
        return russian.nominative(name, _RU_CASES[case])
    if case == "abl":
        base = _kk_base(name, _KK_ABLATIVE)
        return base if base != name else _kk_unlocative(name)
    if case == "gen":
        acronym = re.search(r"\s+\([^()]{2,12}\)$", name)  # … орталығының (EMSC): the word before it is declined
        return _kk_base(name[: acronym.start()], _KK_GENITIVE) + acronym.group(0) if acronym else _kk_base(
            name, _KK_GENITIVE)
    if case == "kk-loc":
        return _kk_base(name, _KK_LOCATIVE)
    if case == "kk-dat":
        return _kk_undative(name)
    if case == "ru-dat":
        return russian.nominative(name, "datv")
    return name


_RU_CASES = {"gen": "gent", "loc": "loct", "acc": "accs"}  # a form's case, as kznews.extract.russian names it


def _kk_has_letters(text: str) -> bool:
    """Whether ``text`` holds a letter of Kazakh Cyrillic that Russian lacks."""
    return bool(re.search("[әғқңөұүһі]", text, re.I))


def _reporter(kind: str, name: str, case: str, agency: str | None) -> tuple[str | None, str]:
    """The reporter in its base form and the kind; the publisher's ``agency()`` when the phrase names the publisher
    (None when no agency is known)."""
    name = _ru_outlet(_kk_outlet(_base(_HANDLE.sub("", _clean(name)), case)))
    name = _registered_spelling(name) or name
    m = _CORRESPONDENT.match(name)
    if m:
        kind, name = "correspondent", _clean(m.group("ru") or m.group("en") or m.group("of") or m.group("kk"))
        name = _POSSESSIVE.sub("", _kk_base(name, _KK_GENITIVE))
        if m.group("ru"):  # a name after its kind is in apposition, in the nominative: газеты «Жизнь в Алматы»
            named = _RU_KIND_OF.sub("", name)
            name = named if named != name else _ru_quoted_genitive(name)
        elif m.group("kk"):
            name = _KK_WHERE_BEFORE.sub("", name)
    return (agency if _IMPLIED.fullmatch(name) else name), kind


# Where a correspondent works, before the outlet's name: ``өңірдегі Stan.kz тілшісі`` (the region's), ``Астанадағы``.
_KK_WHERE_BEFORE = _RE.compile(r"^(?:\S+" + _kk(("дағы", "дегі", "тағы", "тегі"), word_start=False) + r"\s+)+(?=\S)", re.I)
# The kind of outlet a correspondent works for, in the genitive before its name: ``газеты «Жизнь в Алматы»``.
_RU_KIND_OF = _RE.compile(r"^(?:(?:интернет-)?(?:газеты|издания|портала|телеканала|журнала|сайта|информагентства)"
                         r"|агентства)\s+(?=[«\"“]|[A-Z]|[a-z0-9][\w-]*\.[a-z]{2,}\b)")  # портала newsroom.kz
_HANDLE = _RE.compile(r"\s+@\w+$")  # a social-network handle after an outlet's name: «Диапазон» @gazeta_diapazon
_QUOTED_HEAD = _RE.compile(r"«([^»\n]+)»")


def _ru_quoted_genitive(name: str) -> str:
    """A quoted Russian name after ``корреспондент`` in the genitive, in the nominative (``«Новой» — Казахстан»`` →
    ``«Новая» — Казахстан»``, ``«Казахстанской правды»`` → ``«Казахстанская правда»``); a name in apposition after
    the outlet's kind (``МИА «Казинформ»``) is printed in the nominative already."""
    m = _QUOTED_HEAD.match(name)
    if not m or not _RU_WORD.match(m.group(1)) or _kk_has_letters(m.group(1)):
        return name
    return "«" + russian.nominative(m.group(1), "gent") + "»" + name[m.end():]


# What a source cited says, before whose it is: ``со ссылкой на заявление градоначальника``, ``на данные МЧС``.
_RU_MESSAGE_OF = _RE.compile(r"(?:официальн\w+\s+)?(?:заявление|сообщение|данные|информацию|пресс-релиз|публикацию|ответ"
                            r"|письмо|материал|пост)\s+(?=\S)", re.I)


# When a Russian source said it, after its name: no part of it (``эксперт в авиационной отрасли после просмотра
# видео``, ``аким во время брифинга``).
_RU_WHEN_SAID = _RE.compile(r"\s+(?:после|перед|во\s+время|в\s+ходе|по\s+итогам|накануне)\s+(?=\S)")


def _via(via: str | None, case: str) -> str | None:
    """The source the reporter cites, in its base form."""
    if not via:
        return None
    via = _RU_WHEN_SAID.split(_clean(_EN_COUNT.sub("", via.strip())), 1)[0]
    if via.lower() in _PRONOUNS:  # he told Reuters: the reporter's source is whoever "he" is, not named here
        return None
    if via.rsplit(" ", 1)[-1].lower() in _EN_CONFORMITY:  # according to the rules: no source cited
        return None
    if case == "acc" and re.fullmatch(r"«[^»]+»|\"[^\"]+\"|“[^”]+”", via):  # со ссылкой на «Алау»: as printed
        return via
    message = _RU_MESSAGE_OF.match(via) if case == "acc" else None
    if message:  # a body's statement, data or information is the body: заявление градоначальника → градоначальник
        owner = via[message.end():]
        return owner if re.fullmatch(r"«[^»]+»|\"[^\"]+\"|“[^”]+”", owner) else russian.nominative(owner, "gent")
    if case in ("acc", "loc"):
        return russian.nominative(via, _RU_CASES[case])
    if case == "speaker":  # a title or body opening a sentence is no name: its capital is the sentence's
        first = via.split(" ", 1)[0].lower()
        return via[:1].lower() + via[1:] if first.startswith(_RU_TITLES) or first.endswith(_RU_HEAD_NOUNS) else via
    return _kk_programme(_kk_outlet(_kk_undative(via))) if case == "dat" else via


# The words around a quoted programme or outlet name: ``31 арнаның "Информбюро" жаңалықтар бағдарламасы``.
_KK_MEDIA_WORD = _RE.compile(_kk(("арна", "телеарна", "бағдарлама", "жаңалықтар", "газет", "журнал", "портал", "басылым",
                                 "агенттік", "агенттігі", "ақпарат", "ақпараттық"), word_start=True).removesuffix(r"(?!\w)"),
                            re.I)


def _kk_programme(via: str) -> str:
    """A Kazakh ``via`` that is a quoted name among the words for a channel, programme or outlet: the name alone, as an
    outlet is named (``31 арнаның "Информбюро" жаңалықтар бағдарламасы`` → ``"Информбюро"``)."""
    quoted = re.search(r"[«\"“][^»\"”\n]+[»\"”]", via)
    if not quoted:
        return via
    rest = (via[: quoted.start()] + " " + via[quoted.end():]).split()
    return quoted.group(0) if rest and all(w.isdigit() or _KK_MEDIA_WORD.match(w) for w in rest) else via


_KK_MEDIA_AFTER = _RE.compile(r"\s+" + _KK_MEDIA + "$", re.I)
_NAMED = _RE.compile(r"[A-ZА-ЯЁӘҒҚҢӨҰҮҺІ\d.«»\"“”]")  # a capital, a digit, a dot or a quote: a name, not a description


# What an outlet is, printed before its name: ``информационное агентство «Казинформ»``, ``издание Орда``, ``портал
# Tengrinews.kz``, ``информагентство Bestnews.kz``; an abbreviation the outlet signs with stays (``ИА El.kz``,
# ``МИА «Казинформ»``); not ``радио``, which opens names (``Радио Азаттык``), nor a kind followed by more than a name
# (``агентство Республики Казахстан по делам …`` is a body).
_RU_MEDIA_BEFORE = _RE.compile(
    r"(?:(?:информационное|международное|новостное|казахстанское|российское)\s+)?(?:интернет-)?"
    r"(?P<kind>(?i:агентство|издание|портал|сайт|телеканал|газета|журнал|информагентство))\s+"
    r"(?P<name>«[^»]+»|\"[^\"]+\"|(?:[A-Za-z][\w.&-]*|[А-ЯЁ][\w-]*)(?:\s+[A-ZА-ЯЁ0-9][\w.&-]*)*"
    r"|[А-ЯЁ][\w-]*\s+[а-яё][\w-]*|\d[\w-]*\.[a-z]{2,})")  # Тенгри ньюз: a second word in lower case is the name's
    # (capitalised words are a name in either alphabet: Sputnik Казахстан, Экспресс К, Хабар 24)


# What an outlet is, printed before its name in English: ``news agency Kazinform``, ``Kazakh news website Orda.kz``
# (the name alone, as in Russian; a name holding the word after it is kept whole: ``Kazinform News Agency``).
_EN_MEDIA_BEFORE = _RE.compile(
    r"(?:(?:the\s+)?[A-Z][\w-]+(?:['’]s)?\s+)?(?-i:(?:state|state-run|state-owned|private|independent|official|national|local|regional)\s+)?"
    r"(?-i:(?:news|online|information|media)\s+)?(?-i:agency|website|portal|outlet|site|newspaper"
    r"|daily|weekly|broadcaster|channel|TV\s+channel)\s+(?P<name>[A-Z][\w.&-]*(?:\s+[A-Z][\w.&-]*){0,3}|\"[^\"\n]+\"|“[^”\n]+”"
    r"|[\w-]+(?:\.[\w-]+)*\.[a-z]{2,})")


def _ru_outlet(name: str) -> str:
    """A Russian outlet's name without the kind of outlet printed before it (``издание Орда`` → ``Орда``); a site or
    portal only of an outlet (a web address or a registered name: ``сайт Zakon.kz``), not of a body (``сайт KASE``)."""
    m = _RU_MEDIA_BEFORE.fullmatch(name)
    if not m:
        english = _EN_MEDIA_BEFORE.fullmatch(name)
        return english.group("name") if english else name
    site = m.group("kind").lower() in ("сайт", "портал")
    return m.group("name") if not site or _DOMAIN.fullmatch(m.group("name")) or outlet_named(m.group("name")) else name


def _kk_outlet(name: str) -> str:
    """A Kazakh outlet's name without what it is printed after it (``Skifnews.kz ақпарат порталы`` → ``Skifnews.kz``);
    a site or outlet of something not named right before it is kept (``ведомство сайты``, ``әкімдігінің ресми
    сайты``)."""
    m = _KK_MEDIA_AFTER.search(name)
    last = name[: m.start()].rsplit(" ", 1)[-1] if m else ""
    return name[: m.start()] if m and (_NAMED.search(last) or outlet_named(last)) else name  # or kazinform, lower case


def _script_words(low: str) -> list[str]:
    """The reporting words of the scripts the lower-cased text is written in (see ``_SCRIPT_WORDS``) that its sieve
    holds (see ``_sieve``)."""
    return [w for (marks, script), sieve in zip(_SCRIPT_WORDS, _SIEVES)
            if marks is None or (marks.search(low) if isinstance(marks, re.Pattern) else any(c in low for c in marks))
            for held in (sieve(low),) for w in script if w in held]


# A line: where it starts and ends in the text, and the stretches of it worth trying (start, end).
_Line = tuple[int, int, list[tuple[int, int]]]


def _places(low: str, words: list[str]) -> list[tuple[int, str]]:
    """Where each of ``words`` starts in ``low``, overlapping places too, in order: found once for the text, read
    for each of its lines and stretches."""
    places = []
    for word in words:
        i = low.find(word)
        while i >= 0:
            places.append((i, word))
            i = low.find(word, i + 1)
    return sorted(places)


def _window(places: list[tuple[int, str]], start: int, end: int) -> Iterator[tuple[int, str]]:
    """The ``places`` of words lying wholly between ``start`` and ``end``."""
    for at in range(bisect_left(places, (start, "")), len(places)):
        i, word = places[at]
        if i >= end:
            return
        if i + len(word) <= end:
            yield i, word


def _hits(places: list[tuple[int, str]], start: int, end: int) -> list[tuple[int, bool]]:
    """Where the words start between ``start`` and ``end`` and whether each is a label's, each word's places taken
    left to right without overlapping themselves (as successive ``str.find`` calls give them)."""
    free: dict[str, int] = {}
    hits = set()
    for i, word in _window(places, start, end):
        if i >= free.get(word, start):
            free[word] = i + len(word)
            hits.add((i, word in _LABELS))
    return sorted(hits)


def _lines(text: str, low: str, places: list[tuple[int, str]], begin: int,
           finish: int) -> tuple[list[str], list[_Line]]:
    """The lines of ``text[begin:finish]`` (``low`` lower-cased) with a source-line label, and each line with reporting
    words (their ``places`` in the text) with the stretches worth trying: from shortly before each word to a sentence
    end well after it."""
    labelled: list[str] = []
    reporting: list[_Line] = []
    spans: list[tuple[int, int]] = []
    start, end, has_label = begin, -1, False
    for i, label in _hits(places, begin, finish):
        if i >= end:  # the first hit on a new line
            if spans:
                reporting.append((start, end, spans))
            start = low.rfind("\n", begin, i) + 1 or begin
            end = low.find("\n", i, finish)
            end = finish if end < 0 else end
            has_label = False
            spans = []
        if label:
            if not has_label:
                labelled.append(text[start:end])
            has_label = True
            continue
        cut = start if i - start <= _BEFORE else (text.find(" ", i - _BEFORE, i) + 1 or i)
        stop = low.find(". ", i + _AFTER, end) + 1 or end
        if spans and cut <= spans[-1][1]:
            spans[-1] = (spans[-1][0], max(spans[-1][1], stop))
        else:
            spans.append((cut, stop))
    if spans:
        reporting.append((start, end, spans))
    return labelled, reporting


_MAX_PER_LINE = 6  # attributions read from one line (paragraph): more are a list of quotes, not of sources


def _line_forms(text: str, low: str, places: list[tuple[int, str]], line: _Line, agency: str | None,
                depth: int = 0) -> list[Attribution]:
    """The attributions of a ``line`` of ``text``: the one ``_first_form`` chooses first (it stands for the line), then
    those of the line's text before and after it, read the same way (``according to the minister, Report informs
    citing TASS``, ``The Border Service reminds that … . …, the state service said``)."""
    start, end, stretches = line
    chosen = _first_form(text, places, stretches, agency)
    if chosen is None:
        return []
    at = text.find(chosen.text, start, end)
    if at < 0 or depth >= _MAX_PER_LINE:
        return [chosen]
    out = [chosen]
    for part in ((start, at), (at + len(chosen.text), end)):
        _, reporting = _lines(text, low, places, *part) if text[slice(*part)].strip() else ("", [])
        for sub_line in reporting:
            out += _line_forms(text, low, places, sub_line, agency, depth + 1)
    return out[:_MAX_PER_LINE]


def _lower(text: str) -> str:
    return text.replace("\u0130", "I").lower()  # İ is the one letter whose lower case is two characters


def _first_form(text: str, places: list[tuple[int, str]], stretches: list[tuple[int, int]],
                agency: str | None) -> Attribution | None:
    """The attribution of a line: the publisher's correspondent, else that of the first sentence naming a reporter
    (by the first form naming one there), trying the line's stretches of ``text`` in turn; a form only on a stretch
    holding one of its words (their ``places`` in the text; most regex searches would fail, slowly), and only where it
    may name an earlier sentence than the forms tried before it."""
    for start, end in stretches:
        line = text[start:end]
        if photo_credit(line.strip()):
            continue
        first: dict[str, int] = {}
        for i, word in _window(places, start, end):
            first.setdefault(word, i - start)
        best: tuple[bool, int] | None = None
        chosen = None
        for form in _forms_of(first):
            # a match holds one of the form's words: it ends no earlier than the sentence of the first of them
            if best and _sentence(line, min(i for word, i in first.items() if word in form.words)) >= best[1] and not (
                    best[0] and _names_correspondent(line)):
                continue
            m, found = _first_match(form, line, agency)
            if m and found:
                key = (found.kind != "correspondent", _sentence(line, m.end() - len(_PAD)))
                if best is None or key < best:
                    best, chosen = key, found
        if chosen:
            return chosen
    return None


def _forms_of(words: Iterable[str]) -> list[_Form]:
    """The forms needing one of ``words``, in their order."""
    return [_FORMS[i] for i in sorted({i for word in words for i in _FORMS_WITH[word]})]


_FORMS_WITH = {word: [i for i, form in enumerate(_FORMS) if word in form.words] for word in _WORDS}
_SENTENCE_BREAK = _RE.compile(r"[.!?…][\"”»]?\s")
_CORRESPONDENT_WORDS = ("корреспондент", "correspondent", *_kk_words("тілші"))


def _names_correspondent(line: str) -> bool:
    """Whether ``line`` says correspondent, in any language."""
    low = _lower(line)
    return any(word in low for word in _CORRESPONDENT_WORDS)


def _sentence(line: str, end: int) -> int:
    """How many sentences of ``line`` end before position ``end``."""
    return len(_SENTENCE_BREAK.findall(line, 0, end))


def _first_match(form: _Form, line: str, agency: str | None) -> tuple[re.Match[str] | None, Attribution | None]:
    """The first match of ``form`` on ``line`` that names a reporter, and its attribution; a match whose reporter fails
    is tried again from its next character, not after its end, as a match may have swallowed the start of the right
    one (``"It was fine," the minister said``: a subject opening at the first quote fails, the one after the second
    holds)."""
    padded = _PAD + line
    m = form.pattern.search(padded)
    while m:
        if not form.before or form.before(padded[:m.start()], m.group(0).split(None, 1)[0]):
            found = _attribution(form, m, agency)
            if found:
                return m, found
        m = form.pattern.search(padded, m.start() + 1)
    return None, None


# A title beside a person's name, between commas: before it (``Akim of Karaganda region, N.Abdibekov reported``) or
# after it (``Kairat Kelimbetov, Governor of the National Bank, said``, ``According to Leyla Mahat, curator of the
# Kulanshi Art Gallery, …``); a form that reads one side of the comma gives the whole, as _EN_TITLED does.
_EN_PERSON_ONLY = _RE.compile(_EN_PERSON)
_EN_TITLE_ONLY = _RE.compile(r"(?:(?-i:the|a|an)\s+)?(?:" + _EN_TITLE + r"|(?-i:[a-z]+(?:er|or|ist|ian|ant|ent)s?)\s+"
                             r"(?-i:of|at|for)\s+[^,;:.!?\n]{2,80})")
_COMMA_PHRASE_BEFORE = _RE.compile(r"(?:^|[,;:.!?]\s*)(?P<phrase>[^,;:.!?\n]{3,100}),\s+$")
_COMMA_PHRASE_AFTER = _RE.compile(r",\s+(?P<phrase>[^,;:.!?\n]{3,100})(?:,|\s*$)")


def _a_title(phrase: str) -> bool:
    """Whether ``phrase`` between commas is a person's title: no verb of saying in it (``X shared in a post``), not
    what an organisation is (``Chevron, the largest oil producer in …``)."""
    words = {w.lower() for w in phrase.split()}
    return bool(_EN_TITLE_ONLY.fullmatch(phrase)) and words.isdisjoint(_SAYING_WORDS | _EN_POSTED_WORDS) \
        and words.isdisjoint(_EN_FIRM_NOUNS)


def _en_with_title(stretch: str, start: int, end: int, reporter: str) -> str:
    """``reporter``, a person's name or a title read alone, with the title or name printed beside it (see above)."""
    if outlet_named(reporter) or reporter.lower() in _EN_WIRES:
        return reporter  # Kazinform reports: an outlet, not a person with a title
    person = _EN_PERSON_ONLY.fullmatch(reporter)
    if person or _EN_TITLE_ONLY.fullmatch(reporter):
        before = _COMMA_PHRASE_BEFORE.search(stretch, max(0, start - 110), start)
        phrase = before.group("phrase").strip() if before else ""
        if person and phrase and _a_title(_EN_OPENERS.sub("", phrase)):
            return f"{_clean(_EN_OPENERS.sub('', phrase))}, {reporter}"
        if (not person and phrase and _EN_PERSON_ONLY.fullmatch(phrase)
                and phrase.split()[0].lower() not in _EN_FUNCTION_WORDS | _EN_JOINS):  # not In May, NASA's head X
            return f"{phrase}, {reporter}"
    if person:
        after = _COMMA_PHRASE_AFTER.match(stretch, end)
        if after and _a_title(after.group("phrase")):
            return f"{reporter}, {_clean(after.group('phrase'))}"
    return reporter


def _attribution(form: _Form, m: re.Match[str], agency: str | None) -> Attribution | None:
    """The attribution a match of ``form`` gives, if its reporter passes the form's check."""
    g = m.groupdict()
    name = form.check((g["reporter"] or g.get("reporter2") or "").strip())
    if not name:
        return None
    reporter, kind = _reporter(form.kind, name, form.case, agency)
    if not reporter:
        return None
    if "reporter" in m.re.groupindex and m.group("reporter") and m.group("reporter").strip() == reporter:
        reporter = _en_with_title(m.string, m.start("reporter"), m.end("reporter"), reporter)
    via = _via(g.get("via") or g.get("via2") or g.get("via3"), form.via_case)
    reporter, via = _whole_outlet(reporter, via)
    return Attribution(m.group(0).lstrip(_OPENING).rstrip(" ,."), reporter, kind, via)


def _whole_outlet(reporter: str, via: str | None) -> tuple[str, str | None]:
    """A registered outlet's name of two words is not split between the reporter and what it cites (``деп хабарлайды
    Sputnik Қазақстан ұлттық экономика министрлігіне сілтеме жасап``: Sputnik Қазақстан, citing the ministry)."""
    if not via or " " not in via:
        return reporter, via
    word, rest = via.split(" ", 1)
    joined = f"{reporter} {word}"
    outlet = outlet_named(joined)
    if outlet and any(alias.casefold() == joined.casefold() for alias in outlet.aliases):
        return joined, rest
    return reporter, via


def _without_dateline(text: str, agency: str | None) -> tuple[str, str | None]:
    """``text`` with the dateline opening it blanked out (its place kept: a full stop and spaces), and the publisher:
    ``agency``, else the dateline's (``корреспондент агентства`` names it).  The dateline is no part of the sentence
    after it (``ASTANA. KAZINFORM - First Vice Minister X reported``, ``ALMATY, Nov 5 Sabit Khakimzhanov, head of …,
    said``); a line of its own is kept, as it may be a source's dated signature (Kazakh Foreign Ministry, Mar 3, 2014)."""
    start = len(text) - len(text.lstrip())
    line = text[start:].partition("\n")[0]
    dateline = find_dateline(line)
    if dateline is None:
        return text, agency
    agency = agency or dateline.agency
    if not line.startswith(dateline.text) or not line[len(dateline.text):].strip():
        return text, agency
    end = start + len(dateline.text)
    return text[:start] + "." + " " * (end - start - 1) + text[end:], agency


def _source_line(line: str, words: list[str]) -> Attribution | None:
    """The source line a line with a label is, if any: a label opening it (or, capitalised, opening a sentence in it),
    or a press office alone (without any reporting ``words``: not ``деп хабарлайды … баспасөз қызметі``)."""
    m = (_SOURCE_LINE.search(line) if ":" in line else None) or _GLUED_LABEL.search(line)
    if m and (not line[: m.start("label")].strip() or not m.group("label")[0].islower()):  # capitalised, or tote
        return None if photo_credit(m.group(0)) else Attribution(
            m.group(0).strip(), m.group("reporter").strip(" ."), "source-line")
    tail = line[-_OFFICE_LINE_MAX:]  # a press office closing a paragraph after its last sentence, or glued to it
    glued = _GLUED.search(tail)
    line = tail[glued.end():] if glued else line
    m = _OFFICE_LINE.fullmatch(line) if len(line) <= _OFFICE_LINE_MAX else None
    if not m or any(w in _lower(line) for w in words if w not in _LABELS):
        return None
    return Attribution(line.strip(" ."), _clean(m.group("reporter")), "source-line")


_GLUED = _RE.compile(r"[.!?…»\"”]\s*(?=[A-ZА-ЯЁ][^.!?…]*$)")  # the last sentence's end, a capital after it


_SIGNED_AFTER = _RE.compile(r"(?<=[.!?…»\"”])\s+(?P<reporter>[^.!?…\n]{2,30}?)\s*\.?\s*$")  # a text's last words after its sentence


# A line that is an outlet's name alone: ``By Trend``, ``by REUTERS`` (one name or capitals: ``By Nargiz Sadikhova``
# is a byline), ``Агентство «Хабар»`` (its kind and quoted name), ``“The Qazaq Times”`` closing the text.
_BARE_MAX = 60
_BY_OUTLET = _RE.compile(r"\s*(?-i:By|by)\s+(?P<reporter>[A-Z][\w.&/-]*|[A-Z][A-Z0-9.&/-]+(?:\s+[A-Z][A-Z0-9.&/-]+){0,2})"
                        r"(?:\s*[|,–—-]?\s+(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2}|\d{1,2}[./\s])[^\n]*)?\s*\.?\s*")  # a date after it
_KIND_QUOTED = _RE.compile(
    r"\s*(?P<reporter>(?:(?:информационное|международное)\s+)?(?:агентство|издание|портал|газета|телеканал|ИА|МИА)\s+"
    r"«[^»\n]{2,40}»|(?:(?:national|news|information|online)\s+)?(?:portal|agency|newspaper|website|outlet|channel)\s+"
    r"(?:\"[^\"\n]{2,40}\"|“[^”\n]{2,40}”))\s*\.?\s*", re.I)  # National portal "Adyrna"
_QUOTED_NAME = _RE.compile(  # tote has no capitals: any of its letters opens a word
    r"\s*(?P<reporter>[«\"“](?:[A-ZА-ЯЁӘҒҚҢӨҰҮҺІ0-9\u0600-\u06ff][\w.&’'-]*\s*){1,5}[»\"”])\s*")


# A wire's name and the date it filed, opening a line (``Xinhua, November 29, 2016``, a page's tools may follow): one
# word, or a registered outlet's name (``Astana Times, 5 October 2016``), for a person's byline has two words.
_EN_MONTH = (r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?")
_NAME_DATED = _RE.compile(r"\s*(?P<reporter>[A-Z][\w.&/-]+(?:\s+[A-Z][\w.&/-]+){0,3}),\s+(?:" + _EN_MONTH + r"\s+\d{1,2},?\s+\d{4}|\d{1,2}\s+"
                         + _EN_MONTH + r"\s+\d{4}|\d{4}-\d{2}-\d{2})(?:\s+[^\n]{0,30})?")
# A link to the whole story on another site closing a text: ``Read more at Kazinform``, ``Подробнее на Zakon.kz``.
_READ_MORE = _RE.compile(r"\s*(?:(?-i:Read|read)\s+(?:more|the\s+full\s+story)\s+(?:at|on)|(?-i:Подробнее|подробнее)"
                        r"(?:\s+читайте)?\s+на)\s*:?\s+(?P<reporter>\S[^\n]{1,50}?)\s*\.?\s*")


# A line naming what a text was written from: ``Based on materials from TASS``, ``По материалам Tengrinews.kz``.
_BASED_ON = _RE.compile(r"\s*(?:(?-i:Based|based)\s+on\s+(?:the\s+)?(?:materials|reports|information|reporting)\s+(?:from|of|by)"
                       r"|(?-i:По|по)\s+материалам|(?-i:С|с)\s+использованием\s+материалов)\s+(?P<reporter>[^\n]{2,50}?)\s*\.?\s*")
# A monitoring service's line naming what it translated: ``Text of report by Russian state news agency ITAR-TASS``,
# ``Excerpt from report by Kazakh news agency Kazinform on 5 May``.
_TEXT_OF_REPORT = _RE.compile(r"\s*(?-i:Text|Excerpts?|Summary)\s+(?:of|from)\s+(?:an?\s+)?(?:report|article|interview|commentary"
                             r"|broadcast)\s+by\s+(?P<reporter>[^\n:]{2,80}?)(?:\s+(?:on|in)\s+\d[^\n]*)?\s*[.:]?\s*")
# A wire's closing credit: ``(Reporting by Reuters; Editing by Mark Potter)``, ``Reporting by Xinhua in Almaty``,
# ``(Reporting by Olzhas Auyezov; Editing by Sharon Singleton)`` (the journalist who reported it is the source).
# (the next role may follow without its semicolon: ``(Reporting by Tamara Vaal Writing by Olzhas Auyezov; …)``)
_OTHER_ROLE = r"(?:;|\s(?-i:Writing|Editing|Compiled|Additional\s+reporting|Graphics|Translated)\s+by\s)"
_REPORTING_BY = _RE.compile(r"\s*\(?\s*(?-i:Reporting|With\s+reporting|With\s+additional\s+reporting)\s+by\s+(?P<reporter>[^;()\n]+?)(?:\s+in\s+[A-Z][\w-]*)?\s*"
                           r"(?:(?:" + _OTHER_ROLE + r"|\))[^\n]*|\.?\s*)")
_REPORTING_BY_CLOSING = _RE.compile(  # the same credit in brackets closing the last paragraph
    r"(?<=[.!?…\"”])\s*\(\s*(?-i:Reporting)\s+by\s+(?P<reporter>[^;()\n]+?)(?:\s+in\s+[A-Z][\w-]*)?\s*(?:" + _OTHER_ROLE
    + r"[^()\n]*)?\)\s*$")


# An outlet's web address alone closing a text, as a paper signs under its byline (``Abai.kz``).
_SIGNED_ADDRESS = _RE.compile(  # a web address in Latin letters (Дереккөзktk.kz is a label glued to one)
    r"\s*(?P<reporter>[a-z0-9-]+(?:\.[a-z0-9-]+)*\.(?:kz|ru|com|net|org|info|news|media|kg|uz|az))\s*", re.I)


def _bare_lines(text: str) -> list[Attribution]:
    """The lines of ``text`` that are an outlet's name alone (see ``_BY_OUTLET``); a quoted name only as its last or as
    a paper's sign-off under a byline (``Baqtııar TAIJAN,`` then ``«Egemen Qazaqstan»``)."""
    found = []
    lines = [line for line in text.split("\n") if line.strip()]
    for i, line in enumerate(lines):
        by = _REPORTING_BY.fullmatch(line) or ("Reporting" in line and _REPORTING_BY_CLOSING.search(line))
        if by:  # a wire's credit (however many names it adds) names the wire or its journalist
            found.append(Attribution(by.group(0).strip(), by.group("reporter"), "source-line"))
            continue
        if len(line) > _BARE_MAX or _GLUED_LABEL.match(line):  # a label glued to an address is a source line
            continue
        if i and lines[i - 1].rstrip().endswith(":") and photo_credit(f"{lines[i - 1].strip()} {line.strip()}"):
            continue  # a photo's credit under its label (Фото:\npixabay.com): no source of the text
        last = i == len(lines) - 1
        m = _BY_OUTLET.fullmatch(line) or _KIND_QUOTED.fullmatch(line) or _NAME_DATED.fullmatch(line) or (
            _SERVICE_LINE.fullmatch(line)) or (
            _READ_MORE.fullmatch(line)) or (_SIGNED_ADDRESS.fullmatch(line) if last else None) or (
            _QUOTED_NAME.fullmatch(line) if last or lines[i - 1].rstrip().endswith((",", "،")) else None)
        listed = _CLOSING_TAG.fullmatch(line.strip()) if not m and not last else None
        if listed and not _AGENCY_AND_PHOTOGRAPHER.fullmatch(listed.group("reporter")) and "," in listed.group("reporter"):
            found.append(Attribution(line.strip(), listed.group("reporter"), "source-line"))  # (Kazakhstan Today, …)
            continue
        based = _BASED_ON.fullmatch(line) if not m else None
        if based:  # Based on materials from TASS, По материалам Tengrinews.kz
            found.append(Attribution(line.strip(), based.group("reporter"), "source-line"))
            continue
        report = _TEXT_OF_REPORT.fullmatch(line) if not m else None
        if report:  # Text of report by Russian state news agency ITAR-TASS: the agency, by its name
            found.append(Attribution(line.strip(), _ru_outlet(report.group("reporter")), "source-line"))
            continue
        signed = _SIGNED_AFTER.search(line) if not m and last else None  # ``… in Almaty. Xinhua`` closing the text
        wire = (signed.group("reporter") if signed else line).strip(" .")
        if not m and last and wire.lower() in _EN_WIRES:  # ``Reuters`` closing the text, alone or after its last sentence
            found.append(Attribution(wire, wire, "source-line"))
            continue
        if m and m.re is _NAME_DATED and " " in m.group("reporter") and not outlet_named(m.group("reporter")) and \
                _EN_BODIES.isdisjoint(m.group("reporter").lower().split()):
            continue  # several words and a date: a person's byline, unless they name a registered outlet or a body
        if m and m.group("reporter").lower() not in _NOT_OUTLETS:
            found.append(Attribution(line.strip(), m.group("reporter"), "source-line"))
    return found


# A broadcaster's language service or a news agency named alone on a line (``RFE/RL's Kazakh Service``, ``BBC Russian
# Service``, ``Trend News Agency``): a sign-off.
_SERVICE_LINE = _RE.compile(r"\s*(?P<reporter>(?-i:[A-Z][A-Z/&.-]+[A-Za-z]*(?:['’]s)?\s+[A-Z][a-z]+\s+Service"
                           r"|[A-Z][\w.&-]*(?:\s+[A-Z][\w.&-]*){0,2}\s+News\s+Agency))\s*\.?\s*")
_NOT_OUTLETS = frozenset(("staff", "admin", "administrator", "editor", "editors", "author", "guest", "anonymous",
                          "newsroom", "redaktor", "редакция", "автор", "админ"))


# A wire's name in parentheses closing the text, after its last sentence: ``… in 2012. (Trend)``, ``(Reuters)``; not
# a credit or an editor's note.
_TAG_NAME = r"[A-ZА-ЯЁ][^\W\d_]*(?:[.&/’'-][^\W\d_]+)*(?:\s[A-ZА-ЯЁ][^\W\d_]*){0,2}"
_CLOSING_TAG = _RE.compile(  # one wire, or a list of them: ``(Kazakhstan Today, Interfax-Kazakhstan)``
    rf"\((?P<reporter>{_TAG_NAME}(?:,\s{_TAG_NAME}){{0,3}})\)\s*$")
# A wire and the outlet it was taken from: ``(Казинформ/Энергетика Украины, СНГ, мира)``.
_CLOSING_SLASHED = _RE.compile(r"\((?P<reporter>[A-ZА-ЯЁ][^\W\d_]*/[A-ZА-ЯЁ][^()\n]{1,50})\)\s*$")
_NOT_TAGS = frozenset(_CREDIT_WORDS_RU + _CREDIT_WORDS_EN + (
    "update", "updated", "обновлено", "audio", "аудио", "more", "continued", "end", "required", "optional"))


# An outlet signing a text after a dash: ``… взорвался газовый баллон. — Евразия Daily.``: a name with a Latin letter or
# in quotes (a person signs in Cyrillic words alone).
_CLOSING_DASH = _RE.compile(r"(?:^|[.!?…»\"”]\s*)(?P<sign>(?:[—–]|-(?=\s))\s*(?P<reporter>(?=[^\n]*[A-Za-z«\"“])[A-ZА-ЯЁ«\"“]"
                           r"(?:[^\n.!?,;:]|\.(?=\w)){1,40}?))\.?\s*$")  # a web address's dots: — Pkzsk.info.


def _closing_tags(text: str) -> list[Attribution]:
    """The wire named in parentheses at the end of ``text``, after a sentence (or alone), or signing it after a
    dash."""
    tail = text[-60:]
    dashed = _CLOSING_DASH.search(tail) if "—" in tail or "–" in tail or "- " in tail else None
    if dashed:
        return [Attribution(dashed.group("sign").strip(" ."), dashed.group("reporter").strip(), "source-line")]
    tail = text[-60:]
    m = (_CLOSING_TAG.search(tail) or _CLOSING_SLASHED.search(tail)) if tail.rstrip().endswith(")") else None
    if not m or m.group("reporter").lower() in _NOT_TAGS or _AGENCY_AND_PHOTOGRAPHER.fullmatch(m.group("reporter")):
        return []  # an agency and its photographer is a photo's credit
    before = text[: len(text) - len(tail) + m.start()].rstrip()
    return [Attribution(m.group(0).strip(), m.group("reporter"), "source-line")] if not before or before[-1] in (
        ".!?…»\"”") else []


# A source named in brackets inside a line (``… in Ukraine and Russia (source: agrimarket.info).``), and a syndicator's
# marker naming the outlet it took the text from, opening a line (``(MENAFN- Trend News Agency) ASTANA, …``).
_BRACKETED_SOURCE = _RE.compile(r"\((?:source|sources|источник|дереккөз|derekkóz)\s*:\s*(?P<reporter>[^()\n]{2,80}?)\s*\)"
                               r"|^[ \t]*\((?-i:MENAFN)\s*[-–—]\s*(?P<syndicated>[^()\n]{2,80}?)\s*\)", re.I | re.M)


# A speaker's label before their words, opening a line or after a sentence: a name and what they are, a word of it in
# lower case (``Дархан Сатыбалды, қала әкімі: «…»``, ``Азат Оральаев, Ордабасы ауданының әкімі:``, ``Майра
# Мухамедкызы, директор театра оперы и балета г.Шымкента:``).
_SPEAKER_LABEL = _RE.compile(r"(?:^[ \t]*|(?<=[.!?…])[ \t]+)(?P<reporter>(?-i:[A-ZА-ЯЁӘҒҚҢӨҰҮҺІ][\w’'-]+\s+[A-ZА-ЯЁӘҒҚҢӨҰҮҺІ][\w’'-]+),\s+"
                            r"(?=(?:[^:\n]*?\s)?[a-zа-яёәғқңөұүһі])[^:\n«»\"“”!?]{2,100}?):[ \t]*(?=[«\"“]|$)", re.M)


# The verbs of saying, every form, in every language (the last word of ``X, the commander …, said:``).
_SAYING_WORDS = frozenset(f.lower() for f in (*_RU_FORMS, *_EN_SPEECH_FORMS, *_EN_CONTENT_FORMS)) | frozenset(
    word.split()[-1] for verb in (*_KK_SAID, *_KK_TOLD, *_KK_QUOTE) for word in _kk_spellings(verb))


def _speaker_labels(text: str) -> list[Attribution]:
    """The speakers labelled before their words (see ``_SPEAKER_LABEL``), not a sentence of saying closed by a colon
    (``X, the commander of …, said:``)."""
    return [Attribution(m.group(0).strip(), m.group("reporter"), "reports") for m in _SPEAKER_LABEL.finditer(text)
            if m.group("reporter").rsplit(None, 1)[-1].lower() not in _SAYING_WORDS] if ":" in text else []


def _bracketed_sources(text: str, low: str) -> list[Attribution]:
    """The sources named in brackets (see ``_BRACKETED_SOURCE``): source lines."""
    if "(" not in text or not any(word in low for word in ("source", "источник", "дереккөз", "derekkóz", "menafn")):
        return []
    return [Attribution(m.group(0).strip(), (m.group("reporter") or m.group("syndicated")).strip(), "source-line")
            for m in _BRACKETED_SOURCE.finditer(text)]


# A feed's footer naming the site the post appeared on (WordPress's, in English and Russian): a source line.
_FEED_FOOTER = _RE.compile(r"(?:(?-i:appeared\s+first\s+on)|(?:сначала|впервые)\s+появил\w*\s+на|появил\w*\s+(?:сначала|впервые)\s+на)\s+"
                          r"(?P<reporter>[^\n]{2,80}?)\s*\.?\s*$", re.I | re.M)


# Where a republished text first ran: ``To read the original story by X, click here``, ``This article first appeared
# in X``, ``Originally published by X``, ``Republished with permission from X``.
_REPUBLISHED = _RE.compile(
    r"(?:^|(?<=[.!?…]\s))(?:(?-i:[Tt]o)\s+read\s+the\s+original\s+(?:story|article|report|version|piece)\s+(?:by|from|in|on|at)"
    r"|(?:(?:this|the)\s+(?:original\s+)?(?:story|article|report|piece|post)\s+)?(?:(?:was|has\s+been)\s+)?"
    r"(?:(?:originally|first)\s+)+(?:published|appeared|ran|posted)\s+(?:by|in|on|at)"
    r"|(?:re)?published\s+with\s+(?:kind\s+)?permission\s+(?:from|of|by))"
    r"\s+(?P<reporter>(?:[^\s,;.!?\n]|\.(?=\S))+(?:\s+(?:[^\s,;.!?\n]|\.(?=\S))+){0,6}?)\s*(?:[,;.!?]|$)", re.I | re.M)


def _feed_footers(text: str, low: str) -> list[Attribution]:
    """``The post … appeared first on X.``, ``This story was originally published by X.``: X, as printed (without a
    leading article)."""
    found: list[Attribution] = []
    if "appeared first" in low or "появил" in low:
        found += [Attribution(m.group(0).strip(" ."), m.group("reporter"), "source-line")
                  for m in _FEED_FOOTER.finditer(text)]
    if "original" in low or "first" in low or "permission" in low:
        found += [Attribution(m.group(0).strip(" .,"), _clean(m.group("reporter")), "source-line")
                  for m in _REPUBLISHED.finditer(text)]
    return found


def find_attributions(text: str | None, agency: str | None = None) -> list[Attribution]:
    """Every attribution in ``text``, once each: source lines, then reporting phrases (one per line).

    ``agency``: the publisher's name for ``корреспондент агентства``; by default the agency of a
    dateline opening ``text``.
    """
    text = text or ""
    text = _LABEL_BROKEN.sub(r"\1 ", text) if _BROKEN.search(text) else text
    one = _one_script(text)
    if one != text:  # read in one script, given as printed: the same positions hold the printed letters
        return [_as_printed(a, one, text) for a in find_attributions(one, agency)]
    text, agency = _without_dateline(text, agency)
    low = _lower(text)
    # the words the whole text may hold, and where it does: sought once, not per line or stretch
    words = _script_words(low)
    places = _places(low, words)
    labelled, reporting = _lines(text, low, places, 0, len(text))
    found = [a for a in (_source_line(line, words) for line in labelled) if a]
    found += _closing_tags(text) + _bare_lines(text) + _feed_footers(text, low) + _bracketed_sources(text, low)
    found += _speaker_labels(text)
    for line in reporting:
        found += _line_forms(text, low, places, line, agency)
    unique: dict[tuple[str, str], Attribution] = {}
    for a in found:
        unique.setdefault((a.reporter, a.kind), a)
    return list(unique.values())


def _as_printed(a: Attribution, read: str, printed: str) -> Attribution:
    """``a``, read from ``read`` (``printed`` with its words in one script), with each field as ``printed`` has it."""
    def back(field: str | None) -> str | None:
        at = read.find(field) if field else -1
        return printed[at:at + len(field)] if field and at >= 0 else field
    return Attribution(back(a.text) or a.text, back(a.reporter) or a.reporter, a.kind, back(a.via))


def main_attribution(found: list[Attribution]) -> Attribution | None:
    """The attribution that stands for the article: its (last) source line, else the first that says it is the
    source of what was told (``Бұл туралы X айтты``, ``Об этом сообщил X``), else the first named."""
    lines = [a for a in found if a.kind == "source-line"]
    if lines:
        return lines[-1]
    return next((a for a in found if _ABOUT_THIS.match(a.text)), found[0] if found else None)


# "About this", opening an attribution: it names the source of the news before it, not news itself.
_ABOUT_THIS = _RE.compile(r"(?:" + _KK_ABOUT + r"|(?-i:[Оо]б)\s+этом|(?-i:[Оо])\s+том|(?-i:[Tt]his)\s+was)", re.I)


def find_attribution(text: str | None, agency: str | None = None) -> Attribution | None:
    """The attribution in ``text`` (a paragraph or a whole body): a source line first, else a reporting phrase."""
    return main_attribution(find_attributions(text, agency))
