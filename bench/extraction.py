"""Extraction quality on real material: kznews ``extract_page`` beside trafilatura, same pages, same run.

Sets (read-only, in ../shared): Zyte 181 (body F1, the benchmark's own 4-token
shingles, F1 of mean precision and mean recall), WCXB dev articles (title
exact match, date accuracy, body bag-of-words F1 per page, averaged), page type on an unknown site
(WCXB dev articles and the dev split's other pages: how many of each are taken for articles, the half of the
pages evidence is written from and the test-only half apart, split by a hash of the file name),
htmldate MediaCloud 200 (date accuracy, the date part; a page marked NaN is right
when no date is found; read as an article, and read as `kznews extract` does, its kind decided: a page taken
for a non-article has no date), and the real Kazakh strings (``bench/cases``: ``texts/cases.jsonl`` and the
strings found since), share right per category, for the half rules are written from and the
test-only half apart.  trafilatura is
measured with ``trafilatura.bare_extraction`` (body and metadata, one call) and,
for dates, htmldate ``find_date`` (extensive search, original date).

Speeds are pages per CPU second (``time.process_time``), kznews and trafilatura in the same run.

Usage: ``python bench/extraction.py [--set zyte|wcxb|pagetype|mediacloud|cases] [--limit N] [--no-append]``.
Prints a table and appends it, dated, to ``bench/RESULTS.md``.
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import statistics
import sys
import time
from collections import Counter
from collections.abc import Callable, Collection, Iterator
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:  # run as a script: bench/ is on the path, the project root is not
    sys.path.insert(0, str(ROOT))

from bench import cases as real_cases
from bench.cases.pages import date_right, extract_case, right_in_page
from kznews.extract import extract_page
from kznews.extract.attribution import find_attribution, photo_credit
from kznews.extract.datelines import find_dateline
from kznews.extract.relative import read_printed
from kznews.extract.tickers import parse_quote
from kznews.items import Article

EVAL = ROOT.parent / "shared" / "evaldata"
# The fetch time of every case page (relative and day-month dates are read against it): not before the newest case was
# gathered, as a page is fetched after it is printed (found15 was gathered 2026-12-08; found12, gathered 2026-12-07, prints dates of March 2026).
CASES_NOW = datetime(2026, 12, 8, tzinfo=timezone.utc)
_WORD = re.compile(r"\w+")


@dataclass
class Score:
    """One set's figures: metric -> (kznews, trafilatura or None), and pages/s for each."""

    name: str
    pages: int = 0
    metrics: dict[str, tuple[float, float | None]] = field(default_factory=dict)
    speed: tuple[float, float | None] = (0.0, None)


# --- metrics -------------------------------------------------------------------------------------

def _shingles(text: str, n: int = 4) -> Counter[tuple[str, ...]]:
    tokens = _WORD.findall(text or "")
    return Counter(tuple(tokens[i:i + n]) for i in range(max(1, len(tokens) - n + 1)) if tokens[i:i + n])


def shingle_match(true: str, pred: str) -> tuple[float, float, float]:
    """Zyte's ``string_shingle_matching``: (tp, fp, fn) over 4-token shingles, normalised to sum 1."""
    t, p = _shingles(true), _shingles(pred)
    tp = sum((t & p).values())
    fp, fn = sum((p - t).values()), sum((t - p).values())
    s = tp + fp + fn
    return (tp / s, fp / s, fn / s) if s else (0.0, 0.0, 0.0)


def zyte_f1(matches: list[tuple[float, float, float]]) -> float:
    """Zyte's F1: harmonic mean of the mean precision and the mean recall over pages."""
    def ratio(tp: float, other: float, fp: float, fn: float) -> float:
        return 1.0 if fp == fn == 0 else 0.0 if tp == other == 0 else tp / (tp + other)
    precision = statistics.mean(ratio(tp, fp, fp, fn) for tp, fp, fn in matches if tp + fp > 0)
    recall = statistics.mean(ratio(tp, fn, fp, fn) for tp, fp, fn in matches if tp + fn > 0)
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


def bow_f1(true: str, pred: str) -> float:
    """Bag-of-words F1 of lower-cased ``\\w+`` tokens (the WCXB measure)."""
    t, p = Counter(_WORD.findall((true or "").lower())), Counter(_WORD.findall((pred or "").lower()))
    common = sum((t & p).values())
    if not common:
        return 1.0 if not t and not p else 0.0
    precision, recall = common / sum(p.values()), common / sum(t.values())
    return 2 * precision * recall / (precision + recall)


def _same_title(true: str | None, pred: str | None) -> bool:
    return " ".join((true or "").split()).casefold() == " ".join((pred or "").split()).casefold()


def _day(value: str | None) -> str | None:
    return value[:10] if value else None


# --- runners -------------------------------------------------------------------------------------

def _timed(fn: Callable[[Any], Any], items: list[Any]) -> tuple[list[Any], float]:
    """(results, pages per CPU second of this process: other work on a shared machine does not count)."""
    start = time.process_time()
    out = [fn(item) for item in items]
    return out, len(items) / max(time.process_time() - start, 1e-9)


def _ours(page: tuple[str, str]) -> Article:
    html, url = page
    record = extract_page(html, url, kind="article")
    return record.article or Article(url=url)


def _trafilatura(page: tuple[str, str]) -> tuple[str | None, str | None, str]:
    """(title, date, body) from one trafilatura call."""
    import trafilatura

    doc = trafilatura.bare_extraction(page[0], url=page[1], with_metadata=True)
    return (doc.title, doc.date, doc.text or "") if doc is not None else (None, None, "")


def _htmldate(page: tuple[str, str]) -> str | None:
    from htmldate import find_date

    return find_date(page[0], url=page[1], extensive_search=True, original_date=True)


def _gunzip(path: Path) -> str:
    return gzip.decompress(path.read_bytes()).decode("utf-8", "replace")


def zyte(limit: int | None = None, *, compare: bool = True) -> Score:
    """Body F1 on the Zyte article-extraction benchmark (181 news pages)."""
    truth = json.loads((EVAL / "zyte" / "ground-truth.json").read_text("utf-8"))
    keys = sorted(truth)[:limit]
    pages = [(_gunzip(EVAL / "zyte" / "html" / f"{k}.html.gz"), truth[k].get("url", "")) for k in keys]
    ours, our_speed = _timed(_ours, pages)
    score = Score("zyte", len(pages))
    f1 = zyte_f1([shingle_match(truth[k]["articleBody"], a.body or "") for k, a in zip(keys, ours)])
    theirs_f1, their_speed = None, None
    if compare:
        theirs, their_speed = _timed(_trafilatura, pages)
        theirs_f1 = zyte_f1([shingle_match(truth[k]["articleBody"], t[2]) for k, t in zip(keys, theirs)])
    score.metrics["body F1 (shingles)"] = (f1, theirs_f1)
    score.speed = (our_speed, their_speed)
    return score


def _wcxb_pages(limit: int | None) -> Iterator[tuple[dict[str, Any], tuple[str, str]]]:
    folder = EVAL / "wcxb-dev-articles"
    for path in sorted((folder / "ground-truth").glob("*.json"))[:limit]:
        doc = json.loads(path.read_text("utf-8"))
        yield doc["ground_truth"], (_gunzip(folder / "html" / f"{path.stem}.html.gz"), doc.get("url", ""))


def wcxb(limit: int | None = None, *, compare: bool = True) -> Score:
    """Title, date and body (bag-of-words F1) on WCXB dev article pages."""
    truths, pages = zip(*_wcxb_pages(limit))
    ours, our_speed = _timed(_ours, list(pages))
    score = Score("wcxb", len(pages))
    dated = [i for i, t in enumerate(truths) if t.get("publish_date")]
    rows: list[tuple[str | None, str | None, str]] = [(a.headline, _day(a.published_at), a.body or "") for a in ours]
    columns = [rows]
    their_speed = None
    if compare:
        theirs, their_speed = _timed(_trafilatura, list(pages))
        columns.append([(t[0], _day(t[1]), t[2]) for t in theirs])
    figures = []
    for col in columns:
        figures.append((
            statistics.mean(_same_title(t.get("title"), r[0]) for t, r in zip(truths, col)),
            statistics.mean(col[i][1] == _day(truths[i]["publish_date"]) for i in dated) if dated else 0.0,
            statistics.mean(bow_f1(t.get("main_content", ""), r[2]) for t, r in zip(truths, col)),
        ))
    for n, metric in enumerate(("title exact", f"date accuracy ({len(dated)} dated)", "body F1 (bag of words)")):
        score.metrics[metric] = (figures[0][n], figures[1][n] if compare else None)
    score.speed = (our_speed, their_speed)
    return score


def _decided(page: tuple[str, str]) -> str:
    """The kind kznews gives a page it is told nothing about (no outlet, no crawl evidence)."""
    return extract_page(page[0], page[1]).kind


def page_half(path: Path) -> str:
    """The half of a WCXB page, by a hash of its file name as ``bench/cases`` splits the strings: page-type
    evidence is written from the ``rules`` half only, and the ``test`` half is read by nothing but this benchmark."""
    return real_cases.half(path.stem, moved=frozenset())


def pagetype(limit: int | None = None, *, compare: bool = False) -> Score:
    """Page type on an unknown site, for the rule-writing half and the test-only half of the pages apart: WCXB dev
    articles taken for articles (recall), and the share of WCXB's other pages (service, product, collection, forum,
    listing, documentation) taken for articles (trafilatura has none)."""
    pages: list[tuple[str, str, tuple[str, str]]] = []  # (half, kind, page); kind "article" for the articles
    for folder in (EVAL / "wcxb-dev-articles", EVAL / "wcxb-dev-other"):
        for path in sorted((folder / "ground-truth").glob("*.json"))[:limit]:
            doc = json.loads(path.read_text("utf-8"))
            kind = doc.get("_internal", {}).get("page_type", {}).get("primary", "article")
            pages.append((page_half(path), kind, (_gunzip(folder / "html" / f"{path.stem}.html.gz"), doc.get("url", ""))))
    kinds, speed = _timed(_decided, [page for _, _, page in pages])
    score = Score("pagetype", len(kinds))
    for half in real_cases.HALVES:
        taken = [(kind, k == "article") for (h, kind, _), k in zip(pages, kinds) if h == half]
        articles = [t for kind, t in taken if kind == "article"]
        others = [(kind, t) for kind, t in taken if kind != "article"]
        score.metrics[f"{half}: articles taken for articles ({len(articles)})"] = (statistics.mean(articles), None)
        score.metrics[f"{half}: non-articles taken for articles ({len(others)})"] = (
            statistics.mean(t for _, t in others), None)
        for kind in sorted({kind for kind, _ in others}):
            marks = [t for k, t in others if k == kind]
            score.metrics[f"{half}:   {kind} taken for articles ({len(marks)})"] = (statistics.mean(marks), None)
    score.speed = (speed, None)
    return score


def mediacloud(limit: int | None = None, *, compare: bool = True) -> Score:
    """Publication-date accuracy (the date part) on htmldate's MediaCloud 2020 set."""
    folder = EVAL / "htmldate-mediacloud-2020"
    truth = json.loads((folder / "eval_mediacloud_2020.json").read_text("utf-8"))
    items = list(truth.items())[:limit]
    pages = [((folder / "test_set" / v["file"]).read_bytes().decode("utf-8", "replace"), url) for url, v in items]
    ours, our_speed = _timed(_ours, pages)
    score = Score("mediacloud", len(pages))
    expected = [v["date"] if isinstance(v["date"], str) else None for _, v in items]  # NaN: the page has no date
    accuracy = statistics.mean(_day(a.published_at) == e for a, e in zip(ours, expected))
    theirs, their_speed = None, None
    if compare:
        found, their_speed = _timed(_htmldate, pages)
        theirs = statistics.mean(d == e for d, e in zip(found, expected))
    score.metrics["date accuracy"] = (accuracy, theirs)
    told_nothing = [extract_page(*page).article for page in pages]  # as `kznews extract` does: kind decided
    score.metrics["date accuracy, page type decided"] = (
        statistics.mean(_day(a.published_at if a else None) == e for a, e in zip(told_nothing, expected)), theirs)
    score.speed = (our_speed, their_speed)
    return score


def page_agency(case: dict[str, Any], datelines: list[dict[str, Any]]) -> str | None:
    """The agency of the dateline printed on the case's page (a dateline case of the same URL), if any.

    On a page, "передает корреспондент агентства" names the agency of the dateline that opens the
    body; a case holds the phrase alone, so its page's dateline case supplies that evidence.
    """
    same_page = (find_dateline(c["text"]) for c in datelines if c["url"] == case["url"])
    return next((d.agency for d in same_page if d is not None), None)


def _case_right(case: dict[str, Any], datelines: list[dict[str, Any]]) -> bool:
    """Whether kznews reads the case's text as its ``expected`` says."""
    text, want, category = case["text"], case["expected"], case["category"]
    if category == "dateline":
        found = find_dateline(text)
        return found is not None and {k: getattr(found, k) for k in want} == want
    if category == "attribution":
        found = find_attribution(text, agency=page_agency(case, datelines))
        return found is not None and (found.reporter, found.via, found.kind) == (want["reporter"], want["via"], want["kind"])
    if category == "photo_credit":
        return photo_credit(text) == want["credit"] and find_attribution(text) is None
    if category == "ticker":
        return parse_quote(text, case["url"] or "") == (want["pair"], want["value"])
    printed = read_printed(text, CASES_NOW, CASES_NOW)
    return printed is not None and date_right(printed[1], printed[2], want)


def cases(limit: int | None = None, *, compare: bool = False, batch: str | Collection[str] | None = None) -> Score:
    """Share of the real Kazakh strings read right, per category and half (the rule-writing half and the
    test-only half, ``bench/cases``): the string alone by its parser, and placed in an article page as outlets lay
    them out, by ``extract_page`` (``bench/cases/pages.py``).  trafilatura has no such parsers."""
    items = real_cases.load(batch=batch)[:limit]
    datelines = [c for c in items if c["category"] == "dateline"]
    right, speed = _timed(lambda case: _case_right(case, datelines), items)
    openings = {c["url"]: c["text"] for c in datelines if c["url"]}
    in_page = [right_in_page(case, extract_case(case, CASES_NOW, openings.get(case["url"]))) for case in items]
    score = Score(f"cases {batch}" if isinstance(batch, str) else "cases", len(items))
    for category in sorted({c["category"] for c in items}):
        for half in real_cases.HALVES:
            chosen = [i for i, c in enumerate(items) if c["category"] == category and c["half"] == half]
            if chosen:
                score.metrics[f"{category} {half} ({len(chosen)})"] = (statistics.mean(right[i] for i in chosen), None)
                score.metrics[f"{category} {half} in a page ({len(chosen)})"] = (
                    statistics.mean(in_page[i] for i in chosen), None)
    score.speed = (speed, None)
    return score


SETS: dict[str, Callable[..., Score]] = {
    "zyte": zyte, "wcxb": wcxb, "pagetype": pagetype, "mediacloud": mediacloud, "cases": cases,
}


# --- report --------------------------------------------------------------------------------------

def table(scores: list[Score]) -> str:
    """A Markdown table of the figures, kznews beside trafilatura."""
    def fmt(x: float | None, spec: str = ".3f") -> str:
        return "—" if x is None else format(x, spec)
    lines = ["| set | pages | metric | kznews | trafilatura | kznews pages/s | trafilatura pages/s |",
             "|---|---|---|---|---|---|---|"]
    for s in scores:
        for metric, (ours, theirs) in s.metrics.items():
            lines.append(f"| {s.name} | {s.pages} | {metric} | {fmt(ours)} | {fmt(theirs)} "
                         f"| {fmt(s.speed[0], '.0f')} | {fmt(s.speed[1], '.0f')} |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--set", choices=sorted(SETS), action="append", help="a set to run (repeatable; default all)")
    parser.add_argument("--limit", type=int, help="the first N pages (cases) of each set")
    parser.add_argument("--batch", help="cases: only those of this file of bench/cases (cases, found, found2...)")
    parser.add_argument("--no-append", action="store_true", help="print only, do not append to bench/RESULTS.md")
    args = parser.parse_args(argv)
    scores = [SETS[name](args.limit, batch=args.batch) if name == "cases" else SETS[name](args.limit)
              for name in args.set or SETS]
    report = table(scores)
    print(report)
    if not args.no_append:
        import trafilatura

        from bench.results import append

        append(f"extraction (trafilatura {trafilatura.__version__}, one core)", report, __file__, argv)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
