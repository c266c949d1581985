"""Build a realistic kznews archive of N articles, for tests, demos and benchmarks.

The text is real: sentences of real Kazakh news pages (``../shared/texts/cases.jsonl``
contexts, the ic24.kz page texts, the inform.kz article body) recombined into
articles of the registry's outlets, in Russian, Kazakh (Cyrillic, Latin and
Arabic script) and English, published over ``--days`` days (Asia/Almaty
offsets: +06:00 before 2024-03-01, +05:00 since), a share of them with a
source line (``Источник: КазТАГ``), some edited (several versions).  Outlets
that show a currency ticker get homepage fetches with USD/EUR/RUB/CNY quotes
every day, drifting as rates do.  Everything goes through
``kznews.storage.Archive.store``: the real schema, FTS triggers and versions.

Usage: ``python bench/generate_archive.py PATH --articles N [--seed S] [--days D] [--last-day YYYY-MM-DD]``.
Prints how long it took and articles/s.
"""

from __future__ import annotations

import argparse
import html
import json
import random
import re
import time
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

from lxml import html as lxml_html

from kznews import sites
from kznews.extract.article import text_digest
from kznews.items import Article, PageItem, PageRecord, TickerQuote
from kznews.storage import Archive

SHARED = Path(__file__).resolve().parents[2] / "shared"
ALMATY = ZoneInfo("Asia/Almaty")
LAST_DAY = date(2025, 5, 31)  # the default last day: two years back cross the 2024-03-01 offset change
BATCH = 2000  # larger transactions: fewer FTS segments to merge

# Outlets whose pages show a currency block (as inform.kz, kt.kz, ic24.kz and egemen.kz do).
TICKER_OUTLETS = ("inform", "kt", "ic24", "egemen", "kapital", "kursiv", "inbusiness", "bnews")
# KZT per unit at the start, and the daily volatility of each pair's random walk.
RATES = {"USD/KZT": (445.0, 0.004), "EUR/KZT": (485.0, 0.005), "RUB/KZT": (4.9, 0.008), "CNY/KZT": (61.5, 0.004)}

SOURCES = {
    "ru": ["Источник: КазТАГ", "Источник: Казинформ", "Источник: Интерфакс-Казахстан",
           "Источник: Sputnik Казахстан", "Источник: пресс-служба акимата", "Источник: Акорда"],
    "kk": ["Дереккөз: ҚазАқпарат", "Дереккөз: Egemen.kz", "Дереккөз: Ақорда", "Дереккөз: КазТАГ"],
    "en": ["Source: Kazinform", "Source: KazTAG", "Source: Akorda press service", "Source: Interfax-Kazakhstan"],
}
CITIES = {
    "ru": ["АСТАНА", "АЛМАТЫ", "ШЫМКЕНТ", "КАРАГАНДА", "ПЕТРОПАВЛОВСК", "АКТОБЕ"],
    "kk": ["АСТАНА", "АЛМАТЫ", "ШЫМКЕНТ", "ҚАРАҒАНДЫ", "ПЕТРОПАВЛ", "АҚТӨБЕ"],
    "en": ["ASTANA", "ALMATY", "SHYMKENT", "KARAGANDA", "PETROPAVLOVSK", "AKTOBE"],
}
SECTIONS = {
    "ru": ["Общество", "Экономика", "Политика", "Регионы", "Происшествия"],
    "kk": ["Қоғам", "Экономика", "Саясат", "Аймақтар", "Оқиға"],
    "en": ["Society", "Economy", "Politics", "Regions", "Incidents"],
}
TAGS = {
    "ru": ["тенге", "Токаев", "Астана", "инвестиции", "образование", "медицина", "дороги"],
    "kk": ["теңге", "Тоқаев", "Астана", "инвестиция", "білім", "денсаулық", "жол"],
    "en": ["tenge", "Tokayev", "Astana", "investment", "education", "health", "roads"],
}
UPDATED = {"ru": "(обновлено)", "kk": "(жаңартылды)", "en": "(updated)"}
AUTHORS = ["Айгерим Сапарова", "Ерлан Абдрахманов", "Dana Omarova", "Асель Жумабаева", "Нурлан Касымов"]

_SENTENCE_END = re.compile(r"(?<=[.!?»])\s+(?=[«\"A-ZА-ЯЁӘҒҚҢӨҰҮҺІ\u0600-\u06ff])")
_LETTERS = re.compile(r"[^\W\d_]", re.UNICODE)
_LATIN = re.compile(r"[A-Za-z]")
_ARABIC = re.compile(r"[\u0600-\u06ff]")
_KAZAKH_CYRILLIC = re.compile(r"[әғқңөұүһі]", re.IGNORECASE)


@dataclass(frozen=True)
class Pools:
    """Sentences by language/script key ("ru", "en", "kk-cyrl", "kk-latn", "kk-arab")."""

    sentences: dict[str, list[str]]

    def pick(self, key: str, rng: random.Random) -> str:
        return rng.choice(self.sentences[key])


def _script_key(lang: str, text: str) -> str:
    """The pool a Kazakh sentence belongs to, by script; other languages as they are."""
    if lang != "kk":
        return lang
    if _ARABIC.search(text):
        return "kk-arab"
    return "kk-latn" if len(_LATIN.findall(text)) > len(text) / 3 else "kk-cyrl"


def _sentences(text: str, *, trim_edges: bool) -> list[str]:
    """Whole sentences of ``text`` (fragments cut at a context's edges dropped)."""
    found = [
        part.strip()
        for paragraph in text.split("\n")
        if not paragraph.startswith(("URL:", "KIND:"))
        for part in _SENTENCE_END.split(paragraph.strip())
    ]
    if trim_edges:
        found = found[1:-1]
    return [
        s for s in found
        if 30 <= len(s) <= 400 and len(s.split()) >= 5 and len(_LETTERS.findall(s)) > len(s) * 0.6
        and s[-1] in ".!?»\"" and "KZT" not in s
    ]


def load_pools() -> Pools:
    """Read the real texts in ../shared into sentence pools."""
    pools: dict[str, set[str]] = {}

    def add(lang: str, sentences: list[str]) -> None:
        for s in sentences:
            pools.setdefault(_script_key(lang, s), set()).add(s)

    for line in (SHARED / "texts" / "cases.jsonl").read_text("utf-8").splitlines():
        case = json.loads(line)
        add(case["lang"], _sentences(case["context"], trim_edges=True))
        if _KAZAKH_CYRILLIC.search(case["context"]) and case["lang"] == "kk":
            add("kk", _sentences(case["context"], trim_edges=False))
    for path in sorted((SHARED / "pages" / "ic24.kz").glob("*.txt")):
        add("en" if "-en-" in path.name else "ru", _sentences(path.read_text("utf-8"), trim_edges=False))
    page = (SHARED / "pages" / "inform.kz" / "article-ru-2020-a3725092.html").read_bytes().decode("utf-8")
    paragraphs = [p.text_content() for p in lxml_html.fromstring(page).xpath("//p")]
    add("ru", _sentences("\n".join(paragraphs), trim_edges=False))
    missing = {"ru", "en", "kk-cyrl", "kk-latn"} - set(pools)
    if missing:
        raise SystemExit(f"no sentences for {sorted(missing)} in {SHARED}")
    return Pools({key: sorted(values) for key, values in pools.items()})


def _headline(sentence: str) -> str:
    words = sentence.split()
    return " ".join(words[: min(len(words), 11)]).rstrip(",.:;–-—«»\"")


def _published_raw(moment: datetime, lang: str) -> str:
    if lang == "en":
        return moment.strftime("%d %B %Y, %H:%M")
    return moment.strftime("%d.%m.%Y %H:%M")


def _page_html(article: Article) -> bytes:
    """The raw page an article came from: small, but a real HTML document."""
    esc = html.escape
    paragraphs = "".join(f"<p>{esc(p)}</p>" for p in (article.body or "").split("\n\n"))
    return (
        f'<!doctype html><html lang="{article.lang}"><head><meta charset="utf-8">'
        f"<title>{esc(article.headline or '')}</title>"
        f'<meta property="article:published_time" content="{article.published_at}"></head>'
        f"<body><article><h1>{esc(article.headline or '')}</h1>{paragraphs}</article></body></html>"
    ).encode()


def _headers(moment: datetime, length: int) -> dict[str, list[str]]:
    return {
        "Content-Type": ["text/html; charset=utf-8"],
        "Content-Length": [str(length)],
        "Date": [moment.strftime("%a, %d %b %Y %H:%M:%S GMT")],
        "Server": ["nginx"],
    }


class Generator:
    """Draws outlets, days, texts and rates from one seeded random source."""

    def __init__(self, pools: Pools, seed: int, days: int, last_day: date) -> None:
        self.rng = random.Random(seed)
        self.pools = pools
        self.first_day = last_day - timedelta(days=days - 1)
        self.days = days
        registry = sites.outlets()
        self.outlets = list(registry.values())
        # Uneven outlet sizes (a few big agencies, many small outlets), and each outlet
        # starts some time into the window, so coverage differs between them.
        self.weights = [1 / (rank + 1) ** 0.8 for rank in range(len(self.outlets))]
        self.starts = {o.key: self.rng.randrange(0, max(1, days // 4)) for o in self.outlets}
        self.ticker_outlets = [registry[k] for k in TICKER_OUTLETS if k in registry]

    def _edition(self, outlet: sites.Outlet) -> tuple[str, str]:
        """(lang, pool key) of one of the outlet's editions."""
        edition = self.rng.choice(outlet.editions)
        key = edition.lang if edition.lang != "kk" else f"kk-{edition.script or 'cyrl'}"
        if key == "kk-cyrl" and "kk-arab" in self.pools.sentences and self.rng.random() < 0.1:
            key = "kk-arab"
        return edition.lang, key if key in self.pools.sentences else "kk-cyrl"

    def article(self, n: int) -> PageItem:
        """The ``n``th article, fetched shortly after it was published."""
        rng = self.rng
        outlet = rng.choices(self.outlets, self.weights)[0]
        lang, key = self._edition(outlet)
        offset = self.starts[outlet.key]
        day = self.first_day + timedelta(days=rng.randrange(offset, self.days))
        published = datetime(day.year, day.month, day.day, rng.randrange(7, 24), rng.randrange(60), tzinfo=ALMATY)
        fetched = published.astimezone(UTC) + timedelta(minutes=rng.randrange(5, 90))
        sentences = [self.pools.pick(key, rng) for _ in range(rng.randrange(4, 12))]
        dateline = f"{rng.choice(CITIES[lang])}. {outlet.name.split(' (')[0].upper()} –" if rng.random() < 0.5 else None
        source = rng.choice(SOURCES[lang]) if rng.random() < 0.35 else None
        paragraphs = [f"{dateline} {sentences[0]}" if dateline else sentences[0]]
        rest = sentences[1:]
        while rest:
            take = rng.randrange(1, 4)
            paragraphs.append(" ".join(rest[:take]))
            rest = rest[take:]
        if source:
            paragraphs.append(source)
        slug = f"{day:%Y/%m/%d}/{n:07d}"
        url = f"https://{outlet.domains[0]}/{lang}/news/{slug}"
        article = Article(
            url=url,
            canonical_url=url,
            site=outlet.key,
            lang=lang,
            headline=_headline(self.pools.pick(key, rng)),
            dateline=dateline,
            published_at=published.isoformat(),
            published_raw=_published_raw(published, lang),
            authors=rng.sample(AUTHORS, rng.choice((0, 0, 1, 2))),
            lead=sentences[0],
            body="\n\n".join(paragraphs),
            source=source,
            section=rng.choice(SECTIONS[lang]),
            tags=rng.sample(TAGS[lang], rng.randrange(0, 4)),
            fetched_at=fetched.isoformat(timespec="seconds"),
            provenance={"headline": "jsonld", "published_at": "jsonld", "body": "selector",
                        **({"source": "selector"} if source else {}),
                        **({"dateline": "dateline"} if dateline else {})},
        )
        return self._item(article, fetched, outlet, lang)

    def edit(self, item: PageItem) -> PageItem:
        """A later fetch of ``item``'s article with edited text (a new version)."""
        old = item.record.article if item.record else None
        assert old is not None and old.fetched_at is not None
        fetched = datetime.fromisoformat(old.fetched_at) + timedelta(hours=self.rng.randrange(1, 72))
        key = _script_key(old.lang or "ru", old.lead or "")
        article = Article(**{
            **vars(old),
            "body": f"{old.body}\n\n{self.pools.pick(key if key in self.pools.sentences else 'ru', self.rng)}",
            "headline": f"{old.headline} {UPDATED[old.lang or 'ru']}" if self.rng.random() < 0.5 else old.headline,
            "modified_at": fetched.astimezone(ALMATY).isoformat(),
            "fetched_at": fetched.isoformat(timespec="seconds"),
            "authors": list(old.authors),
            "tags": list(old.tags),
            "provenance": dict(old.provenance),
        })
        return self._item(article, fetched, sites.get(old.site or ""), item.edition or "ru")

    def _item(self, article: Article, fetched: datetime, outlet: sites.Outlet, lang: str) -> PageItem:
        article.content_hash = text_digest(article.headline, article.body)  # as extraction sets it
        body = _page_html(article)
        return PageItem(
            url=article.url, status=200, headers=_headers(fetched, len(body)), body=body,
            fetched_at=article.fetched_at or "", site=outlet.key, edition=lang, kind="article",
            record=PageRecord(url=article.url, kind="article", article=article),
        )

    def homepages(self) -> Iterator[PageItem]:
        """Homepage fetches of the ticker outlets, 1-3 a day each, with the day's quotes."""
        rng = self.rng
        rates = {pair: start for pair, (start, _) in RATES.items()}
        bias = {o.key: {pair: rng.uniform(-0.003, 0.003) for pair in RATES} for o in self.ticker_outlets}
        for i in range(self.days):
            day = self.first_day + timedelta(days=i)
            for pair, (_, sigma) in RATES.items():
                rates[pair] *= 1 + rng.gauss(0.0002, sigma)
            for outlet in self.ticker_outlets:
                if i < self.starts[outlet.key] or rng.random() < 0.03:
                    continue  # not crawled yet, or a missed day
                for _ in range(rng.choice((1, 1, 2, 3))):
                    local = datetime(day.year, day.month, day.day, rng.randrange(0, 24), rng.randrange(60), tzinfo=ALMATY)
                    fetched = local.astimezone(UTC)
                    url = f"https://{outlet.domains[0]}/"
                    quotes = [
                        TickerQuote(pair=pair, value=round(value * (1 + bias[outlet.key][pair] + rng.gauss(0, 0.0005)), 2),
                                    url=url, site=outlet.key, observed_at=fetched.isoformat(timespec="seconds"))
                        for pair, value in rates.items()
                    ]
                    block = "".join(f'<li class="currency">{q.pair} <b>{q.value:.2f}</b></li>' for q in quotes)
                    body = (f'<!doctype html><html><head><meta charset="utf-8"><title>{html.escape(outlet.name)}</title>'
                            f"</head><body><ul>{block}</ul><p>{local.isoformat()}</p></body></html>").encode()
                    yield PageItem(
                        url=url, status=200, headers=_headers(fetched, len(body)), body=body,
                        fetched_at=fetched.isoformat(timespec="seconds"), site=outlet.key, edition=None,
                        kind="listing", record=PageRecord(url=url, kind="listing", tickers=quotes),
                    )


def _batches(items: Iterator[PageItem], size: int) -> Iterator[list[PageItem]]:
    batch: list[PageItem] = []
    for item in items:
        batch.append(item)
        if len(batch) == size:
            yield batch
            batch = []
    if batch:
        yield batch


def generate(path: str | Path, articles: int, seed: int = 1, days: int = 730,
             last_day: date = LAST_DAY) -> dict[str, int]:
    """Write ``articles`` articles (plus edits and ticker homepages) into the archive at ``path``."""
    gen = Generator(load_pools(), seed, days, last_day)
    totals = {"articles": 0, "versions": 0, "pages": 0, "tickers": 0}

    def stream() -> Iterator[PageItem]:
        for n in range(articles):
            item = gen.article(n)
            yield item
            edits = 2 if gen.rng.random() < 0.01 else int(gen.rng.random() < 0.06)
            for _ in range(edits):
                item = gen.edit(item)
                yield item
        yield from gen.homepages()

    with Archive(path) as archive:
        run_id = archive.start_run(
            "generate", {"articles": articles, "seed": seed, "days": days, "last_day": last_day.isoformat()})
        for batch in _batches(stream(), BATCH):
            result = archive.store(batch, run_id)
            totals["articles"] += result.new_articles
            totals["versions"] += result.new_articles + result.updated_articles
            totals["pages"] += result.pages
            totals["tickers"] += result.tickers
        archive.finish_run(run_id, "finished", totals)
    return totals


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("path", help="the archive to create or add to")
    parser.add_argument("--articles", type=int, required=True, help="how many articles")
    parser.add_argument("--seed", type=int, default=1, help="random seed (same seed, same archive)")
    parser.add_argument("--days", type=int, default=730, help="how many days the articles are spread over")
    parser.add_argument("--last-day", type=date.fromisoformat, default=LAST_DAY, help="the last day (YYYY-MM-DD)")
    args = parser.parse_args(argv)
    started = time.perf_counter()
    totals = generate(args.path, args.articles, args.seed, args.days, args.last_day)
    elapsed = time.perf_counter() - started
    print(
        f"{args.path}: {totals['articles']} articles ({totals['versions']} versions), {totals['pages']} pages, "
        f"{totals['tickers']} ticker quotes in {elapsed:.1f} s: {totals['articles'] / elapsed:.0f} articles/s"
    )


if __name__ == "__main__":
    main()
