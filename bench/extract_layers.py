"""Where extraction time goes: ms/page for each layer of ``extract_page``, beside trafilatura, same pages, same run.

Layers are timed inside the real ``extract_page`` flow (each function wrapped with a timer
that subtracts the time of the layers it calls, so the figures add up): parse (decode +
lxml), structured data (JSON-LD, meta), main block (the <p> census), outlet selectors
(headline/date selectors), body (selector, JSON-LD or the dense main-block pass),
generic body fallback (trafilatura), dates, datelines, attribution, language, tickers, links;
"other" is the rest of ``extract_page``.

Sets: ``outlet`` -- the real outlet pages of ../shared/pages with their registry outlet and the kind
a crawl of the outlet gives them (the inform.kz article with its selector, the nur.kz article with
JSON-LD articleBody, three homepages as listings), repeated to 100 pages, and its two parts, ``outlet-articles`` (the two article pages)
and ``outlet-listings`` (the three homepages), each repeated to 100; ``mirror`` -- the loopback mirror's article
pages as a ``--url`` crawl extracts them (ad-hoc outlet, no selectors; two thirds on the real
Kazinform page); ``zyte`` and ``wcxb`` -- unknown sites (../shared/evaldata).  trafilatura is
``bare_extraction(with_metadata=True)`` (body and metadata, one call), one core, same process.
Times are CPU time of this process (``time.process_time``), so other work on a shared machine does
not count as ours; kznews pages/s is the best of three untimed passes.

``--parsers`` adds the parse time alone of lxml (as kznews parses) beside the lexbor-based parsers
(resiliparse, and selectolax when installed) on the same page bytes: what a parser change could buy.

Usage: ``python bench/extract_layers.py [--set outlet|outlet-articles|outlet-listings|mirror|zyte|wcxb] [--limit N]
[--parsers] [--no-append]``.
"""

from __future__ import annotations

import argparse
import functools
import gzip
import json
import sys
import time
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import trafilatura  # noqa: E402

import kznews.extract as ex  # noqa: E402
from bench.results import append  # noqa: E402
from kznews import sites  # noqa: E402
from kznews.extract import article as ex_article  # noqa: E402
from kznews.extract import body as ex_body  # noqa: E402

SHARED = ROOT.parent / "shared"
FETCHED = "2026-01-01T00:00:00+00:00"
HOMEPAGES = {"kt.kz": ("kt", "https://www.kt.kz/"), "zakon.kz": ("zakon", "https://www.zakon.kz/"),
             "nur.kz": ("nur", "https://www.nur.kz/")}

# (module, attribute, layer): the functions timed, where extract_page looks them up
HOOKS: list[tuple[Any, str, str]] = [
    (ex, "load", "parse"),
    (ex, "read_structured", "structured data"),
    (ex, "main_block", "main block"),
    (ex, "might_have_tickers", "tickers"), (ex, "find_tickers", "tickers"),
    (ex, "find_links", "links"),
    (ex_article, "_first_selected", "outlet selectors"),
    (ex_article, "extract_body", "body (selector/jsonld/dense)"),
    (ex_body.trafilatura, "extract", "generic body fallback (trafilatura)"),
    (ex_article, "published_and_modified", "dates"),
    (ex_article, "find_dateline", "datelines"),
    (ex_article, "find_attributions", "attribution"),
    (ex_article, "detect_language", "language"),
]
ORDER = ["parse", "structured data", "main block", "outlet selectors", "body (selector/jsonld/dense)",
         "generic body fallback (trafilatura)", "dates", "datelines", "attribution", "language", "tickers",
         "links", "other"]


class Timers:
    """Self time per layer: a wrapped call's time minus the wrapped calls it made."""

    def __init__(self) -> None:
        self.total: dict[str, float] = defaultdict(float)
        self.stack: list[float] = []  # child time accumulated per open call
        self.saved: list[tuple[Any, str, Any]] = []

    def wrap(self, fn: Callable[..., Any], layer: str) -> Callable[..., Any]:
        @functools.wraps(fn)
        def timed(*args: Any, **kwargs: Any) -> Any:
            self.stack.append(0.0)
            start = time.process_time()
            try:
                return fn(*args, **kwargs)
            finally:
                elapsed = time.process_time() - start
                children = self.stack.pop()
                self.total[layer] += elapsed - children
                if self.stack:
                    self.stack[-1] += elapsed
        return timed

    def __enter__(self) -> Timers:
        for module, name, layer in HOOKS:
            fn = getattr(module, name)
            self.saved.append((module, name, fn))
            setattr(module, name, self.wrap(fn, layer))
        return self

    def __exit__(self, *exc: Any) -> None:
        for module, name, fn in reversed(self.saved):
            setattr(module, name, fn)


# --- page sets -----------------------------------------------------------------------------------

Page = tuple[bytes | str, str, Any, str | None]  # body, url, outlet, kind


def outlet_pages(limit: int | None, only: str | None = None) -> list[Page]:
    """The real outlet pages of ../shared/pages with their registry outlet and their kind, as a crawl of the
    outlet extracts them, repeated to ``limit`` (100); ``only`` "article" or "listing" keeps the article pages
    or the homepages."""
    pages: list[Page] = []
    for path in sorted((SHARED / "pages").glob("*/*.html")):
        meta = json.loads(path.with_suffix(".meta.json").read_text("utf-8"))
        url = meta.get("url_if_known") or ""
        if url and only != "listing":
            pages.append((path.read_bytes(), url, sites.for_url(url), "article"))
        elif not url and path.parent.name in HOMEPAGES and only != "article":
            key, home = HOMEPAGES[path.parent.name]
            pages.append((path.read_bytes(), home, sites.get(key), "listing"))
    n = limit or 100
    return (pages * (n // len(pages) + 1))[:n]


def mirror_pages(limit: int | None) -> list[Page]:
    """The mirror's article pages, as a ``--url`` crawl of it extracts them (ad-hoc outlet)."""
    from tests.mirror.site import build_site

    base = "http://127.0.0.1:8000"
    site = build_site(limit or 150)
    outlet = sites.adhoc(base + "/sitemap.xml")
    out: list[Page] = []
    for a in site.articles:
        rendered = site.render(a.path, base)
        assert rendered is not None
        out.append((rendered[1], base + a.path, outlet, None))
    return out


def _gunzip(path: Path) -> str:
    return gzip.decompress(path.read_bytes()).decode("utf-8", "replace")


def zyte_pages(limit: int | None) -> list[Page]:
    truth = json.loads((SHARED / "evaldata/zyte/ground-truth.json").read_text("utf-8"))
    return [(_gunzip(SHARED / f"evaldata/zyte/html/{k}.html.gz"), truth[k].get("url", ""), None, "article")
            for k in sorted(truth)[:limit]]


def wcxb_pages(limit: int | None) -> list[Page]:
    folder = SHARED / "evaldata/wcxb-dev-articles"
    out: list[Page] = []
    for path in sorted((folder / "ground-truth").glob("*.json"))[:limit or 300]:
        doc = json.loads(path.read_text("utf-8"))
        out.append((_gunzip(folder / "html" / f"{path.stem}.html.gz"), doc.get("url", ""), None, "article"))
    return out


SETS: dict[str, Callable[[int | None], list[Page]]] = {
    "outlet": outlet_pages, "outlet-articles": functools.partial(outlet_pages, only="article"),
    "outlet-listings": functools.partial(outlet_pages, only="listing"), "mirror": mirror_pages, "zyte": zyte_pages,
    "wcxb": wcxb_pages}


# --- measurement ---------------------------------------------------------------------------------

def measure(pages: list[Page]) -> dict[str, Any]:
    """Layer ms/page, kznews pages/s (untimed run) and trafilatura pages/s on ``pages``, same process."""
    def ours() -> None:
        for body, url, outlet, kind in pages:
            ex.extract_page(body, url, outlet=outlet, fetched_at=FETCHED, kind=kind,
                            headers={"Content-Type": ["text/html; charset=utf-8"]})

    ours()  # warm-up: imports, compiled selectors
    plain = float("inf")
    for _ in range(3):  # best of three: other work on the machine only ever adds time
        start = time.process_time()
        ours()
        plain = min(plain, time.process_time() - start)
    with Timers() as timers:
        start = time.process_time()
        ours()
        timed_total = time.process_time() - start
    layers = dict(timers.total)
    layers["other"] = timed_total - sum(layers.values())
    rules: dict[str, int] = defaultdict(int)
    for body, url, outlet, kind in pages:
        record = ex.extract_page(body, url, outlet=outlet, fetched_at=FETCHED, kind=kind)
        rules[(record.article.provenance.get("body") or "none") if record.article else record.kind] += 1
    texts = [(b.decode("utf-8", "replace") if isinstance(b, bytes) else b, u) for b, u, _, _ in pages]
    start = time.process_time()
    for text, url in texts:
        trafilatura.bare_extraction(text, url=url, with_metadata=True)
    theirs = time.process_time() - start
    n = len(pages)
    return {"n": n, "layers": {k: 1000 * v / n for k, v in layers.items()}, "ours": n / plain,
            "theirs": n / theirs, "rules": dict(rules)}


def parser_times(pages: list[Page]) -> dict[str, float]:
    """ms/page to parse ``pages`` (best of three passes): lxml as kznews does it, and lexbor parsers if present."""
    from kznews.extract.html import parse

    data = [b if isinstance(b, bytes) else b.encode("utf-8") for b, _, _, _ in pages]
    parsers: dict[str, Callable[[bytes], Any]] = {"lxml (kznews parse)": parse}
    try:
        from resiliparse.parse.html import HTMLTree

        parsers["lexbor (resiliparse)"] = lambda b: HTMLTree.parse_from_bytes(b, "utf-8")
    except ImportError:
        pass
    try:
        from selectolax.lexbor import LexborHTMLParser

        parsers["lexbor (selectolax)"] = LexborHTMLParser
    except ImportError:
        pass
    out: dict[str, float] = {}
    for name, fn in parsers.items():
        best = float("inf")
        for _ in range(3):
            start = time.process_time()
            for b in data:
                fn(b)
            best = min(best, time.process_time() - start)
        out[name] = 1000 * best / len(data)
    return out


def table(results: dict[str, dict[str, Any]]) -> str:
    names = list(results)
    lines = ["| layer (ms/page) | " + " | ".join(f"{s} ({results[s]['n']})" for s in names) + " |",
             "|---|" + "---|" * len(names)]
    for layer in ORDER:
        lines.append(f"| {layer} | " + " | ".join(f"{results[s]['layers'].get(layer, 0.0):.2f}" for s in names) + " |")
    lines.append("| **kznews pages/s** (untimed run) | " + " | ".join(f"**{results[s]['ours']:.0f}**" for s in names) + " |")
    lines.append("| trafilatura pages/s (bare_extraction) | " + " | ".join(f"{results[s]['theirs']:.0f}" for s in names) + " |")
    lines.append("| ratio kznews / trafilatura | " + " | ".join(f"{results[s]['ours'] / results[s]['theirs']:.1f}×" for s in names) + " |")
    lines.append("| body rule (pages) | " + " | ".join(
        ", ".join(f"{k} {v}" for k, v in sorted(results[s]["rules"].items())) for s in names) + " |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--set", choices=sorted(SETS), action="append", help="a set (repeatable; default all)")
    parser.add_argument("--limit", type=int, help="pages per set")
    parser.add_argument("--parsers", action="store_true", help="also time the parsers alone on the same pages")
    parser.add_argument("--no-append", action="store_true")
    args = parser.parse_args(argv)
    results = {name: measure(SETS[name](args.limit)) for name in args.set or SETS}
    report = table(results)
    if args.parsers:
        for name in args.set or SETS:
            times = parser_times(SETS[name](args.limit))
            report += f"\n\nparse alone, {name} set (ms/page, best of 3): " + ", ".join(
                f"{k} {v:.2f}" for k, v in times.items())
    print(report)
    if not args.no_append:
        append(f"extraction layers (trafilatura {trafilatura.__version__}, one core, same run)", report, __file__, argv)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
