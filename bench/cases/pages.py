"""Each real case placed in an article page as outlets lay them out, and whether ``extract_page`` reads it there.

The page: a header with a menu (and, for a ticker case, a rates widget holding the case's text), an
``<h1>``, a date line under it (a date case's text), a photo with its caption (a photo-credit case's
text) and the body: the paragraphs of the case's context, a dateline case's text opening the first (and the
dateline of the case's page opening the others' when a dateline case of the same URL gives it).
The case's URL is the page's, its outlet known from the registry, the page fetched at ``now``.
"""

from __future__ import annotations

import html
from datetime import date, datetime
from typing import Any

from kznews.extract import extract_page
from kznews.extract.datelines import find_dateline
from kznews.items import PageRecord
from kznews.sites import for_url

_HEADLINES = {"ru": "Новости дня", "kk": "Күн жаңалықтары", "en": "News of the day"}


def _paragraphs(text: str) -> str:
    return "".join(f"<p>{html.escape(p.strip())}</p>" for p in text.split("\n") if p.strip())


def _without(context: str, text: str) -> str:
    """The context's lines other than the one holding ``text`` (it is shown elsewhere on the page)."""
    return "\n".join(line for line in context.split("\n") if text.split("\n")[0] not in line)


def page_of(case: dict[str, Any], opening: str | None = None) -> str:
    """The article page a case's text sits in (see the module's docstring); ``opening`` (the dateline printed on
    the case's page, when a dateline case of the same URL gives it) opens its body."""
    text, context, category = case["text"], case["context"], case["category"]
    widget = date_line = caption = ""
    body = context
    if category == "ticker":
        widget = f'<div class="currency"><div class="currency__item">{html.escape(text)}</div></div>'
    elif category == "date":
        date_line = f'<div class="article__date">{html.escape(text)}</div>'
        body = _without(context, text)
    elif category == "photo_credit":
        caption = f'<figure><img src="/i/photo.jpg" alt=""><figcaption>{html.escape(text)}</figcaption></figure>'
        body = _without(context, text)
    elif category == "dateline":
        body = context[context.find(text):] if text in context else text + " " + context
    if opening and category != "dateline" and opening not in body:
        body = f"{opening} {body}"
    headline = _HEADLINES.get(case["lang"], _HEADLINES["en"])
    return (f'<html lang="{case["lang"]}"><head><meta charset="utf-8"><title>{headline}</title></head><body>'
            f'<header><nav><a href="/">Home</a> <a href="/news/">News</a></nav>{widget}</header>'
            f'<main><article><h1>{headline}</h1>{date_line}{caption}'
            f'<div class="article__body">{_paragraphs(body)}</div></article></main>'
            f"<footer>© 2026</footer></body></html>")


def extract_case(case: dict[str, Any], now: datetime, opening: str | None = None) -> PageRecord:
    """``extract_page`` of the case's page (``opening``: its dateline), as an article of the case's URL fetched at
    ``now``."""
    url = case["url"] or "https://example.kz/news/1"
    return extract_page(page_of(case, opening), url, outlet=for_url(url), fetched_at=now.isoformat(), kind="article")


def date_right(dt: datetime, suffix: str, want: dict[str, Any]) -> bool:
    """Whether a date read as ``dt`` (``suffix`` as dating.py's: ``:relative``, ``:day-month``) is ``want``."""
    if want.get("date"):
        return (dt.date() == date.fromisoformat(want["date"])
                and (not want.get("time") or dt.strftime("%H:%M") == want["time"])
                and (not want.get("utc_offset") or dt.isoformat()[-6:] == want["utc_offset"]))
    if want.get("relative"):
        return suffix == ":relative"
    return (dt.day, dt.month) == (want.get("day"), want.get("month"))


def right_in_page(case: dict[str, Any], record: PageRecord) -> bool:
    """Whether the record of the case's page holds what the case's ``expected`` says."""
    want, category, article = case["expected"], case["category"], record.article
    if category == "ticker":
        return any((q.pair, q.value) == (want["pair"], want["value"]) for q in record.tickers)
    if article is None:
        return False
    if category == "dateline":
        found = find_dateline(article.dateline)
        return found is not None and {k: getattr(found, k) for k in want} == want
    if category == "attribution":
        return any((s.name, s.via, s.kind) == (want["reporter"], want["via"], want["kind"]) for s in article.sources)
    if category == "photo_credit":
        credit = want["credit"]
        return not any(credit in s.name or credit in s.evidence for s in article.sources)
    if not article.published_at:
        return False
    rule = article.provenance.get("published_at", "")
    suffix = ":" + rule.split(":", 1)[1] if ":" in rule else ""
    return date_right(datetime.fromisoformat(article.published_at), suffix, want)
