"""Real pages of ../shared/pages as the doubles' captures."""

from __future__ import annotations

import html

from tests.conftest import SHARED

PAGES = SHARED / "pages"
INFORM = "https://www.inform.kz/ru/polnost-yu-obespechit-region-myasom-pticy-namereny-v-sko_a3725092"
IC24 = "https://ic24.kz/news/u-kazakhstantsev-v-yaponii-poyavilas-sobstvennaya-assotsiatsiya-u45694"


def page(name: str) -> bytes:
    return (PAGES / name).read_bytes()


def ic24_article() -> bytes:
    """ic24.kz's Russian article (only its text is kept in ../shared) as a plain page: headline, then paragraphs
    (the dateline "Алматы. 16 апреля." has no year: it is read against the capture time)."""
    lines = [line.strip() for line in (PAGES / "ic24.kz/article-ru-u45694.txt").read_text("utf-8").split("\n")[2:]]
    blocks = [b for b in lines if b and not b.startswith("•") and not b.replace(".", "").isdigit()]
    head, paragraphs = html.escape(blocks[0]), "".join(f"<p>{html.escape(b)}</p>" for b in blocks[1:])
    return (f"<html><head><meta charset='utf-8'><title>{head}</title></head>"
            f"<body><article><h1>{head}</h1>{paragraphs}</article></body></html>").encode()
