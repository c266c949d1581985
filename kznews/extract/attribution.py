"""Attribution: who the article says the news comes from, as printed.

Source lines (``Источник: КазТАГ``, ``Дереккөз: …``, ``Source: …``), reporting
verbs (``сообщает КазТАГ со ссылкой на …``, ``передает корреспондент МИА
«Казинформ»``, ``деп хабарлайды ҚазАқпарат``, ``Kazinform reports``).  Photo
credits (``Фото:``, ``Сурет:``, ``Photo:``) name a picture's author, never a source.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_NAME = r"(?P<reporter>[^\s,.;:()«»\"][^,;:()\n]*?)"
_VIA = r"(?:,?\s+(?:со ссылкой на|citing|cites)\s+(?P<via>[^.;\n]+?))?"
_CHANNEL = r"(?:\s+(?:в|на|in|on)\s+(?:Telegram|Instagram|Facebook|соцсет|телеграм|официальном сайте)[^.;\n]*?)?"
_WHEN = r"(?:\s+on\s+\w+\.?\s+\d{1,2})?"
_END = _CHANNEL + _WHEN + r"(?=\s*(?:[.;](?:\s|$)|\n|$))"
_SOURCE_LINE = re.compile(
    r"^\s*(?P<label>Источник|Дереккөз|Дерек көзі|Source|Derekkóz)\s*:\s*(?P<reporter>\S.*?)\s*\.?\s*$", re.I | re.M
)
_PHOTO = re.compile(
    r"^\s*(?:(?:Фото|Сурет|Photo|Foto|Images?)\s*[:©|]|Изображение\s)\s*(?P<credit>\S.*?)\s*$", re.I
)
_FORMS: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (kind, re.compile(p, re.I))
    for kind, p in (
        ("correspondent", r"переда[её]т\s+(?:собственный\s+)?корреспондент\s+(?P<reporter>[^;\n]+?)" + _END),
        ("correspondent", r"(?:dep\s+habarla[ıi]dy|деп\s+хабарлайды)\s+(?P<reporter>\S+)\s+(?:tilshisi|тілшісі)"),
        ("reports", r"(?:сообщает|сообщают|переда[её]т|пишет)\s+" + _NAME + _VIA + _END),
        ("reports", r"(?:деп\s+(?:хабарлайды|жазады)|dep\s+(?:habarla[ıi]dy|jazady)|دەپ\s+(?:حابارلايدى|جازادى))\s+"
         + _NAME + _END),
        ("reports", r"(?:как пишет|об этом сообщил[аи]?|сообщил[аи]?)\s+" + _NAME + _END),
        ("reports", r"(?:according to (?P<via2>.+?),\s+)?(?P<reporter>(?:the\s+)?[A-Z][\w.'’ -]*?)\s+"
         r"(?:reports|reported)" + _END),
        ("reports", r"(?P<reporter>[A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*)*)\s+(?:cites|has learnt from)\s+(?P<via>[^.;\n]+?)" + _END),
        ("reports", r"(?:reported by|as reported by|reported)\s+" + _NAME + _END),
    )
)

# A word every form above needs (same flags): lines without one are not searched (the forms backtrack
# over long paragraphs, this is one scan).
_KEYWORD = re.compile(r"переда|хабарла|habarla|сообщ|пишет|деп|dep|دەپ|report|cites|has learnt from", re.I)


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


def find_attributions(text: str | None) -> list[Attribution]:
    """Every attribution in ``text``, once each: source lines, then reporting verbs (one per line)."""
    text = text or ""
    found = [
        Attribution(m.group(0).strip(), m.group("reporter").strip(" ."), "source-line")
        for m in _SOURCE_LINE.finditer(text)
        if not photo_credit(m.group(0))
    ]
    if _KEYWORD.search(text):
        for line in text.splitlines():
            if not _KEYWORD.search(line) or photo_credit(line):
                continue
            for kind, form in _FORMS:
                m = form.search(line)
                if m:
                    g = m.groupdict()
                    via = g.get("via") or g.get("via2")
                    found.append(Attribution(
                        m.group(0).strip(" ,."), _clean(g["reporter"]), kind, _clean(via) if via else None
                    ))
                    break
    seen: set[tuple[str, str]] = set()
    return [a for a in found if (a.reporter, a.kind) not in seen and not seen.add((a.reporter, a.kind))]


def main_attribution(found: list[Attribution]) -> Attribution | None:
    """The attribution that stands for the article: its (last) source line, else the first named."""
    lines = [a for a in found if a.kind == "source-line"]
    return lines[-1] if lines else (found[0] if found else None)


def find_attribution(text: str | None) -> Attribution | None:
    """The attribution in ``text`` (a paragraph or a whole body): a source line first, else a reporting verb."""
    return main_attribution(find_attributions(text))
