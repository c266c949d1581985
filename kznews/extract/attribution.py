"""Attribution: who the article says the news comes from.

Source lines (``Источник: КазТАГ``, ``Дереккөз: …``, ``Source: …``), reporting verbs (``сообщает
КазТАГ со ссылкой на …``, ``передает корреспондент МИА «Казинформ»``, ``сообщили в акимате Алматы``,
``деп хабарлайды ҚазАқпарат``, ``Бұл туралы … қызметінен хабарлады``, ``… мәліметі бойынша``,
``Kazinform reports``).  A name printed in an oblique case is given in its base form (``в акимате
Алматы`` → ``акимат Алматы``, ``қызметінен`` → ``қызметі``); ``корреспондент агентства`` names the
agency of the article's dateline.  Photo credits (``Фото:``, ``Сурет:``, ``Photo:``) name a
picture's author, never a source.

Cost: one scan of the text for the reporting words; the forms run only on the lines that hold one,
from a short stretch before the first of them (names precede English and Kazakh verbs).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .datelines import find_dateline

_NAME = r"(?P<reporter>[^\s,.;:()«»\"][^,;:()\n]*?)"
_VIA = r"(?:,?\s+(?:со ссылкой на|citing|cites)\s+(?P<via>[^.;\n]+?))?"
_CHANNEL = r"(?:\s+(?:в|на|in|on)\s+(?:Telegram|Instagram|Facebook|соцсет|телеграм|официальном сайте)[^.;\n]*?)?"
_WHEN = r"(?:\s+on\s+\w+\.?\s+\d{1,2})?"
_END = _CHANNEL + _WHEN + r"(?=\s*(?:[.;](?:\s|$)|\n|$))"
# Capitalised or a domain (``enpf.kz``); bounded, as English names come before the verb.
_EN_NAME = r"(?:the\s+)?(?:[A-Z][\w.'’ -]{0,100}?|[a-z][\w-]*(?:\.[\w-]+)*\.[a-z]{2,})"
_KK_VERB = r"(?:хабарла(?:ды|нды|йды)|мәлім\s+етті|мәлімдеді|habarla(?:dy|ndy|[ıi]dy)|málim\s+etti|málimdedi)"
_SOURCE_LINE = re.compile(r"\s*(?P<label>Источник|Дереккөз|Дерек көзі|Source|Derekkóz)\s*:\s*(?P<reporter>\S.*?)\s*\.?\s*$", re.I)
_PHOTO = re.compile(
    r"^\s*(?:(?:Фото|Сурет|Photo|Foto|Images?)\s*[:©|]|Изображение\s)\s*(?P<credit>\S.*?)\s*$", re.I
)
# (kind, form, case the reporter is printed in: "nom", "loc" Russian locative, "abl" Kazakh ablative,
# "gen" Kazakh genitive, words: lower-cased, the form cannot match a line without one of them).  Tried in order;
# the first that matches a line gives its attribution.
_FORMS: tuple[tuple[str, re.Pattern[str], str, tuple[str, ...]], ...] = tuple(
    (kind, re.compile(p, flags), case, words)
    for kind, p, flags, case, words in (
        ("correspondent", r"переда[её]т\s+(?:собственный\s+)?корреспондент\s+(?P<reporter>[^;\n]+?)" + _END,
         re.I, "nom", ("переда",)),
        ("correspondent", r"(?:dep\s+habarla[ıi]dy|деп\s+хабарлайды)\s+(?P<reporter>\S+)\s+(?:tilshisi|тілшісі)",
         re.I, "nom", ("habarla", "хабарла")),
        ("reports", r"(?:сообщает|сообщают|переда[её]т|пишет)\s+" + _NAME + _VIA + _END, re.I, "nom",
         ("сообщ", "переда", "пишет")),
        ("reports", r"(?:деп\s+(?:хабарла(?:й|ған)?ды|жаз(?:ады|ды))|dep\s+(?:habarla(?:[ıi]|ǵan)?dy|jaz(?:ady|dy))"
         r"|دەپ\s+(?:حابارلايدى|جازادى))\s+" + _NAME + _END, re.I, "nom", ("деп", "dep", "دەپ")),
        ("reports", r"(?:как\s+)?(?:сообщил[аи]?|рассказали|пояснили|уточнили)\s+во?\s+(?P<reporter>[^,.;:()\n]+?)"
         r"(?:" + _END + r"|,)", re.I, "loc", ("сообщ", "рассказали", "пояснили", "уточнили")),
        ("reports", r"(?:как пишет|об этом сообщил[аи]?|сообщил[аи]?)\s+" + _NAME + _END, re.I, "nom",
         ("пишет", "сообщ")),
        ("reports", r"(?:Бұл|Bul)\s+(?:туралы|жөнінде|t[ýu]raly|j[óo]ninde)\s+(?P<reporter>(?:[^.,;:()\n]|\.(?=\S)){2,120}?)\s+"
         + _KK_VERB + _END, re.I, "abl", ("хабарла", "мәлім", "habarla", "málim")),
        ("reports", r"(?:^|[.,;:–—]\s+)(?P<reporter>[^\s.,;:–—][^.,;:–—\n]{1,100}?)\s+"
         r"(?:мәліметі\s+бойынша|мәліметінше|málimeti\s+bo[ıi]ynsha|málimetinshe)(?=[\s.,;:]|$)", re.I, "gen",
         ("мәлім", "málim")),
        ("reports", r"(?:(?i:according to) (?P<via2>.+?),\s+)?(?P<reporter>" + _EN_NAME + r")\s+(?:reports|reported)"
         + _END, 0, "nom", ("report",)),
        ("reports", r"(?P<reporter>" + _EN_NAME + r")\s+(?:cites|has learnt from)\s+"
         r"(?P<via>[^.;\n]+?)" + _END, 0, "nom", ("cites", "has learnt from")),
        ("reports", r"(?:(?i:as )?reported by\s+" + _NAME + r"|reported\s+(?P<named>" + _EN_NAME + r"))" + _END,
         0, "nom", ("report",)),
    )
)

# Every reporting word the forms above need and the source-line labels, lower-cased: plain substring
# searches of the lower-cased text find the lines worth trying (a regex alternation costs ~20 times more).
_WORDS = (
    "переда", "хабарла", "habarla", "сообщ", "пишет", "рассказали", "пояснили", "уточнили", "деп ", "dep ", "دەپ",
    "мәлім", "málim", "report", "cites", "has learnt from",
)
_LABELS = ("источник", "дереккөз", "дерек көзі", "source", "derekkóz")
_BEFORE = 250  # characters kept before a reporting word: room for a name and a via
_AFTER = 150  # and after it, up to the next sentence end: room for a name, a via, a date

# Russian head nouns of the organisations that report, in the nominative; a phrase printed in the
# locative (``в акимате``) or accusative (``со ссылкой на пресс-службу``) is given back in it.
_RU_HEADS = (
    "акимат", "маслихат", "министерство", "ведомство", "агентство", "посольство", "правительство", "служба",
    "прокуратура", "полиция", "департамент", "управление", "учреждение", "комитет", "комиссия", "инспекция",
    "администрация", "аппарат", "палата", "суд", "парламент", "мажилис", "сенат", "совет", "фонд", "банк",
    "центр", "отдел", "штаб", "компания", "корпорация", "организация", "ассоциация", "партия", "университет",
    "институт", "академия", "больница", "телеканал", "канал", "издание", "портал", "сайт", "газета", "Акорда",
)
# The publisher's own correspondent, printed without a name.
_IMPLIED = re.compile(r"(?:нашего\s+)?(?:агентства|издания|портала|редакции)|агенттік|agenttik", re.I)
_PROPER_LOCATIVE = re.compile(r"[А-ЯЁ][\w-]*[бвгдзклмнпрстфхц]е")
_KK_ABLATIVE = re.compile(r"-?(?:[дтн][ае]н|[dtn][ae]n)$", re.I)
_KK_GENITIVE = re.compile(r"-?(?:[ндт][ыі]ң|[ndt][yi]ń)$", re.I)
_STAN = re.compile(r"(?:стан|stan)$", re.I)  # Қазақстан: a nominative that reads as an ablative


def _declined(noun: str) -> tuple[str, str]:
    """A nominative noun's locative and accusative singular (``служба`` → ``службе``, ``службу``)."""
    if noun.endswith("ия"):
        return noun[:-1] + "и", noun[:-1] + "ю"
    if noun.endswith("ие"):
        return noun[:-1] + "и", noun
    if noun.endswith("а"):
        return noun[:-1] + "е", noun[:-1] + "у"
    if noun.endswith("о"):
        return noun[:-1] + "е", noun
    return noun + "е", noun


_RU_NOMINATIVE = {
    case: sorted(((forms[i].lower(), noun.lower()) for noun in _RU_HEADS for forms in [_declined(noun)]
                  if forms[i] != noun), key=lambda pair: -len(pair[0]))
    for i, case in enumerate(("loc", "acc"))
}


def _ru_nominative(phrase: str, case: str) -> str:
    """``phrase`` with its first word, a known head noun in ``case`` ("loc"/"acc"), in the nominative."""
    head, _, rest = phrase.partition(" ")
    low = head.lower()
    for form, noun in _RU_NOMINATIVE[case]:
        if low.endswith(form):
            cut = len(head) - len(form)
            base = noun.capitalize() if head[cut].isupper() else noun
            return " ".join(filter(None, (head[:cut] + base, rest)))
    if case == "loc" and _PROPER_LOCATIVE.fullmatch(head):  # в Антикоре, в Минздраве: a masculine name
        return " ".join(filter(None, (head[:-1], rest)))
    return phrase


def _kk_base(phrase: str, suffix: re.Pattern[str]) -> str:
    """``phrase`` with a Kazakh case ``suffix`` taken off its last word (``қызметінен`` → ``қызметі``)."""
    head, _, last = phrase.rpartition(" ")
    m = suffix.search(last)
    if not m or len(last) - len(m.group(0)) < 2 or (suffix is _KK_ABLATIVE and _STAN.search(last)):
        return phrase
    return " ".join(filter(None, (head, last[: m.start()])))


@dataclass(frozen=True)
class Attribution:
    """An attribution as printed (``text``) and who it names."""

    text: str
    reporter: str
    kind: str  # "source-line" | "reports" | "correspondent"
    via: str | None = None


def photo_credit(line: str) -> str | None:
    """The credit of a photo-credit line (``Фото: gov.kz``), or None for any other line."""
    m = _PHOTO.match(line)
    return m.group("credit") if m and len(line) < 200 else None


def _clean(name: str) -> str:
    return re.sub(r"^the\s+", "", name.strip(" .,"), flags=re.I)


def _reporter(kind: str, name: str, case: str, agency: str | None) -> str | None:
    """The reporter in its base form; None when it is the publisher's correspondent and no agency is known."""
    name = _clean(name)
    if kind == "correspondent" and _IMPLIED.fullmatch(name):
        return agency
    if case == "loc":
        return _ru_nominative(name, "loc")
    if case in ("abl", "gen"):
        return _kk_base(name, _KK_ABLATIVE if case == "abl" else _KK_GENITIVE)
    return name


def _lines(text: str) -> tuple[list[str], list[list[str]]]:
    """The lines of ``text`` with a source-line label, and for each line with reporting words the
    stretches worth trying: from shortly before each word to a sentence end well after it."""
    low = text.replace("\u0130", "I").lower()  # İ is the one letter whose lower case is two characters
    hits = sorted({(i, word in _LABELS) for word in _WORDS + _LABELS for i in _occurrences(low, word)})
    labelled: list[str] = []
    reporting: list[list[str]] = []
    spans: list[list[int]] = []
    start, end, has_label = 0, -1, False
    for i, label in hits:
        if i >= end:  # the first hit on a new line
            start = low.rfind("\n", 0, i) + 1
            end = low.find("\n", i)
            end = len(low) if end < 0 else end
            has_label = False
            if spans:
                reporting.append([text[a:b] for a, b in spans])
            spans = []
        if label:
            if not has_label:
                labelled.append(text[start:end])
            has_label = True
            continue
        cut = start if i - start <= _BEFORE else (text.find(" ", i - _BEFORE, i) + 1 or i)
        stop = low.find(". ", i + _AFTER, end) + 1 or end
        if spans and cut <= spans[-1][1]:
            spans[-1][1] = max(spans[-1][1], stop)
        else:
            spans.append([cut, stop])
    if spans:
        reporting.append([text[a:b] for a, b in spans])
    return labelled, reporting


def _occurrences(low: str, word: str) -> list[int]:
    """Where ``word`` starts in ``low``."""
    out: list[int] = []
    i = low.find(word)
    while i >= 0:
        out.append(i)
        i = low.find(word, i + len(word))
    return out


def _first_form(stretches: list[str]) -> tuple[str, re.Match[str], str] | None:
    """The first form that matches a line (kind, match, case), trying its stretches in turn; a form only on a
    stretch holding one of its words (a plain substring test; most regex searches would fail, slowly)."""
    for line in stretches:
        if photo_credit(line):
            continue
        low = line.lower()
        for kind, form, case, words in _FORMS:
            if any(word in low for word in words) and (m := form.search(line)):
                return kind, m, case
    return None


def find_attributions(text: str | None, agency: str | None = None) -> list[Attribution]:
    """Every attribution in ``text``, once each: source lines, then reporting verbs (one per line).

    ``agency``: the publisher's name for ``корреспондент агентства``; by default the agency of a
    dateline opening ``text``.
    """
    text = text or ""
    labelled, reporting = _lines(text)
    found = [
        Attribution(m.group(0).strip(), m.group("reporter").strip(" ."), "source-line")
        for m in map(_SOURCE_LINE.match, labelled)
        if m and not photo_credit(m.group(0))
    ]
    for kind, m, case in filter(None, map(_first_form, reporting)):
        g = m.groupdict()
        if agency is None and kind == "correspondent":
            dateline = find_dateline(text.lstrip().partition("\n")[0])
            agency = dateline.agency if dateline else None
        reporter = _reporter(kind, g.get("reporter") or g.get("named", ""), case, agency)
        via = g.get("via") or g.get("via2")
        if reporter:
            found.append(Attribution(m.group(0).strip(" ,."), reporter, kind,
                                     _ru_nominative(_clean(via), "acc") if via else None))
    seen: set[tuple[str, str]] = set()
    return [a for a in found if (a.reporter, a.kind) not in seen and not seen.add((a.reporter, a.kind))]


def main_attribution(found: list[Attribution]) -> Attribution | None:
    """The attribution that stands for the article: its (last) source line, else the first named."""
    lines = [a for a in found if a.kind == "source-line"]
    return lines[-1] if lines else (found[0] if found else None)


def find_attribution(text: str | None, agency: str | None = None) -> Attribution | None:
    """The attribution in ``text`` (a paragraph or a whole body): a source line first, else a reporting verb."""
    return main_attribution(find_attributions(text, agency))
