"""Article body: clean paragraphs without page chrome.

Rules in order of precision: the outlet's ``body`` selector, the publisher's
JSON-LD ``articleBody``, then, for pages no outlet rule covers, two fast passes on the
parsed tree: ``dense`` (the parent of ``<p>`` elements holding most of the page's paragraph
text, its figures, captions and share/related blocks left out) when that block is clearly
the page's text, else ``container`` (the element whose text is most article-like by a
one-pass text census: sections, headings and lists kept, menus, link lists, footers and
chrome-named blocks left out; narrowed to the block around the main paragraphs that the page
marks as its article, ``<article>`` or a theme's ``entry-content``, when the mark is not repeated).
trafilatura's generic extraction runs only when the container is doubtful (little of the page's
text); if it finds nothing, or nothing but the container's text and short pieces (menu items, the headline),
the container stands.  The passes are an order of magnitude cheaper
than trafilatura, so most pages never pay for it.
Whatever the rule, trailing blocks such as "Читайте также", "Поделитесь новостью",
"Нашли ошибку" end the body.
"""

from __future__ import annotations

import html
import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

import lxml.html
import trafilatura
from lxml import etree

from .attribution import photo_credit
from .html import SKIP_TAGS, CaseBlind, css, element_xpath, squash, text_of

_BLOCKS = frozenset(
    {"p", "div", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "br", "section",
     "article", "table", "tr", "figure", "figcaption", "header", "footer", "pre"}
)
_DROP_TAGS = SKIP_TAGS | {"iframe", "form", "button", "nav", "aside", "svg", "select", "input", "object", "video"}
_DROP_CLASS = CaseBlind(
    r"share|social|soc_|related|read[-_]?also|frame_news|banner|adfox|advert|\bads?\b|subscribe|tags?\b|keyword"
    r"|comment|widget|exchange|currency|weather|breadcrumb|author"
)
# Blocks that end an article body: whatever follows is the site's, not the article's.
_STOP = re.compile(
    r"^(?:Читайте (?:также|еще|ещё)|Поделитесь новостью|Поделиться|Нашли ошибку|Беттегі қате|Оқи отырыңыз"
    r"|Подписывайтесь|Бізді .*жазылыңыз|Read also|Read more|Share this|Если вы нашли ошибку)",
    re.I,
)
_EXCLUDED = re.compile(r"^(?:Реклама|Advertisement|Жарнама)$", re.I)
# A photo's caption or credit is a block of its own wherever a page puts it (inside a paragraph's <p> too).
_CAPTION_CLASS = CaseBlind(r"caption|credit")
# A credit line printed in a paragraph's text (the page lost the break around its caption): a label and a colon
# (``Фото: акимат Алматы``, ``Сурет:``, ``Photo:``) opening the paragraph before a sentence, or closing it after one.
# The sentence after a credit opens with a quote or a capitalised word that never ends a name (a preposition,
# a conjunction, a pronoun); ``photo_credit`` (attribution.py) says whether the label names a picture.
_LABEL = r"[^\W\d_][\w-]*(?:\s+[\w-]+){0,3}\s*:"
_CREDIT_OPENING = re.compile(_LABEL + r"\s*\S")
_SENTENCE_OPENER = re.compile(
    r"\s+(?=[«\"“„]|(?:В|Во|На|По|С|Со|К|О|Об|У|Из|За|До|От|При|После|Для|Как|Это|Так|Также|Кроме|Ранее|Сегодня"
    r"|Вчера|Накануне|Напомним|Однако|Но|А|И|Он|Она|Они|Мы|Бұл|Ал|Сондай-ақ|Бүгін|Кеше|Осы|Ол|Олар|Біз|Алайда"
    r"|The|In|On|At|A|An|As|According|This|It|He|She|They|We)\s)")
_CREDIT_CLOSING = re.compile(r"(?<=[.!?…»\"”])\s+(?=" + _LABEL + r"\s*\S[^\n]{0,120}$)")
CREDIT_MAX = 80  # characters of a credit line glued to a paragraph (a label and a name or an address)
SENTENCE_MIN_WORDS = 3  # words after a glued credit that make a sentence, not the rest of a quoted name
_MARKUP = re.compile(r"</?(?:p|br|div|a|span|strong|em|b|i|h\d|ul|li|body)\b[^>]*>", re.I)
MIN_BLOCK = 400  # characters of paragraph text in one block that make a page look like an article
# The main block is trusted without trafilatura when it holds at least this share of all <p> text
# on the page and its own text, figures and chrome left out, is mostly that paragraph text
# (the quality gate, tests/extract/test_quality_gate.py, holds the body figures these give).
DENSE_SHARE = 0.5
DENSE_MIN = 100  # characters of <p> text in the main block (short news briefs included)
DENSE_PURITY = 0.8  # <p> text of the block / text the dense pass keeps
_DENSE_DROP_TAGS = _DROP_TAGS | {"figure", "figcaption", "picture", "img", "h1", "time", "header", "footer"}
_DENSE_DROP_CLASS = CaseBlind(
    r"caption|gallery|slideshow|credit|promo|newsletter|signup|byline|photo|image|embed|toolbar|hidden|sr-only"
    r"|visually"
)


def _junk(el: etree._Element) -> bool:
    if not isinstance(el.tag, str) or el.tag in _DROP_TAGS:
        return True
    return _junk_names(f"{el.get('class', '')} {el.get('id', '')}")


def _dense_junk(el: etree._Element) -> bool:
    """``_junk``, plus figures, captions, galleries and bylines (the dense pass has no other filter)."""
    if not isinstance(el.tag, str) or el.tag in _DENSE_DROP_TAGS:
        return True
    return _dense_junk_names(f"{el.get('class', '')} {el.get('id', '')}")


# Class and id names judged once per process: a page repeats a few dozen of them over hundreds of elements.
@lru_cache(maxsize=8192)
def _junk_names(names: str) -> bool:
    return _DROP_CLASS.search(names)


@lru_cache(maxsize=8192)
def _dense_junk_names(names: str) -> bool:
    return _junk_names(names) or _DENSE_DROP_CLASS.search(names)


@lru_cache(maxsize=8192)
def _caption_names(names: str | None) -> bool:
    return names is not None and _CAPTION_CLASS.search(names)


def _blocks(el: etree._Element, junk: Callable[[etree._Element], bool] = _junk) -> list[str]:
    """Text of ``el`` split into blocks at block-level elements, junk subtrees skipped, each block squashed.

    One recursion filling one list (nested generators would pass every block up through each level).
    """
    blocks: list[str] = []
    buf: list[str] = []

    def walk(el: etree._Element) -> None:
        block = el.tag in _BLOCKS or _caption_names(el.get("class"))
        if block and buf:
            blocks.append("".join(buf))
            buf.clear()
        if el.text:
            buf.append(el.text)
        for child in el:
            if not junk(child):
                walk(child)
            if child.tail:
                buf.append(child.tail)
        if block and buf:
            blocks.append("".join(buf))
            buf.clear()

    walk(el)
    if buf:
        blocks.append("".join(buf))
    return [text for text in map(squash, blocks) if text]


def paragraphs_of(el: etree._Element, *, dense: bool = False) -> list[str]:
    """The text blocks inside ``el`` (page chrome such as share and related blocks left out).

    ``dense``: figures, captions, galleries and bylines left out too (the fast generic pass).
    """
    return _blocks(el, _dense_junk if dense else _junk)


def clean(paragraphs: list[str], headline: str | None = None) -> list[str]:
    """Paragraphs up to the first end-of-article block, without a repeated headline, ad labels or glued credits.

    A "Read also"-type block ends the body when no more text follows it than precedes it;
    earlier (an inline link to a related story) only the block itself is dropped.  A photo's credit line
    glued to a paragraph is a block of its own.
    """
    paragraphs = [piece for para in paragraphs for piece in _credit_apart(para)]
    out: list[str] = []
    remaining = sum(map(len, paragraphs))
    for para in paragraphs:
        remaining -= len(para)
        if _STOP.match(para):
            if remaining <= sum(map(len, out)):
                break
            continue
        if _EXCLUDED.match(para) or (not out and headline and para == headline):
            continue
        out.append(para)
    return out


def _credit_apart(para: str) -> list[str]:
    """``para`` with a photo's credit line that opens or closes it split off (see ``_CREDIT_OPENING``)."""
    if ":" not in para:
        return [para]
    if _CREDIT_OPENING.match(para):
        for m in _SENTENCE_OPENER.finditer(para, 0, CREDIT_MAX):
            head, rest = para[:m.start()], para[m.end():]
            if len(rest.split(None, SENTENCE_MIN_WORDS)) >= SENTENCE_MIN_WORDS and photo_credit(head):
                return [head, rest]
    closing = _CREDIT_CLOSING.search(para)
    if closing and photo_credit(para[closing.end():]):
        return [para[:closing.start()], para[closing.end():]]
    return [para]


@dataclass(frozen=True)
class MainBlock:
    """The richest single parent of <p> elements: the element, its <p> text size, all <p> text on the page."""

    element: etree._Element | None
    size: int
    total: int


def main_block(tree: etree._Element) -> MainBlock:
    """The parent of <p> elements holding the most paragraph text (one pass over the <p> elements)."""
    sizes: Counter[etree._Element] = Counter()
    total = 0
    for p in tree.iter("p"):
        n = len(text_of(p)) if len(p) else len(squash(p.text))  # most paragraphs are one text node
        total += n
        parent = p.getparent()
        if parent is not None:
            sizes[parent] += n
    if not sizes:
        return MainBlock(None, 0, total)
    element, size = sizes.most_common(1)[0]
    return MainBlock(element, size, total)


def main_block_size(tree: etree._Element) -> int:
    """Characters of paragraph text in the richest single parent of <p> elements."""
    return main_block(tree).size


def dense_body(block: MainBlock, headline: str | None = None) -> list[str] | None:
    """The main block's paragraphs when the block is clearly the page's text, else None (ask trafilatura)."""
    if block.element is None or block.size < DENSE_MIN or block.size < DENSE_SHARE * block.total:
        return None
    if any(_outside_article(el) for el in (block.element, *block.element.iterancestors())):
        return None  # the page's paragraphs sit in a footer or an author box: its article text is elsewhere
    paragraphs = clean(paragraphs_of(block.element, dense=True), headline)
    if block.size < DENSE_PURITY * sum(map(len, paragraphs)):
        return None
    return paragraphs or None


# --- the container pass: the element whose text is most paragraph-like, chrome inside it left out -------------

_CONTENT = frozenset({"p", "pre", "blockquote"})  # text of these counts fully as article text
_SEMI = frozenset({"li", "h2", "h3", "h4", "h5", "h6", "td", "th", "dt", "dd"})  # lists, headings, tables: half
_LOOSE = frozenset({"div", "section", "article", "main", "span", "font", "body"})  # their own text, when long
LOOSE_MIN = 80  # characters of direct text that make a <div> (text split by <br>) count as a paragraph
SEMI_WEIGHT = 0.5
OTHER_PENALTY = 0.3  # per character of other text (short labels, buttons, bylines) in a candidate
LINK_PENALTY = 1.0  # per character of link text outside paragraphs (menus, related lists)
PROTECTED = 0.3  # a subtree holding this share of the container's article text is never dropped as chrome
LINK_DENSE = 0.5  # a block whose text is mostly links (outside paragraphs) is a link list
CONTAINER_SHARE = 0.7  # below this share of the page's article text the container is doubtful: ask trafilatura
CHROME_PIECE = 80  # characters: a longer piece of text is a paragraph, not a menu item, a headline or a caption
_FIGURE_TAGS = SKIP_TAGS | {"figure", "figcaption", "picture", "img", "svg", "iframe", "video", "object", "select",
                            "input", "time", "h1"}
_OUTSIDE_WORDS = frozenset({"footer", "author", "bio", "sidebar"})
_ASIDE_TAGS = frozenset({"footer", "aside"})
# Class names that CMSs and themes give the article's own text (WordPress, Drupal, Shopify, page builders),
# "_" read as "-"
_ARTICLE_CLASSES = frozenset(
    "entry-content post-content article-content article-body articlebody article--body post-body story-body"
    " the-content entry post content-body article--content post--content blog-post single-post rich-text"
    " body-text main-content".split()
)
_CHROME_TAGS = frozenset({"nav", "aside", "form", "button", "footer", "header"})
_CLASS_HOLDING = element_xpath(".//*[contains(@class, $name)]")
_CLASS_WORD = re.compile(r"[^a-z0-9]+")
_CHROME_WORDS = frozenset(
    "share sharing social soc related readalso banner adfox advert advertisement ads ad subscribe subscription tags"
    " tag keywords comment comments breadcrumb breadcrumbs author promo newsletter signup byline toolbar sidebar nav"
    " menu footer header popup modal cookie cookies disclaimer rating recommended recommendations exchange currency"
    " weather".split()
)
# Words that name how a block looks rather than what it is ("image-position-variant--right",
# "field--label-hidden", "ck-block--embed"): chrome only when the block is not mostly paragraph text.
_LOOK_WORDS = frozenset("caption gallery slideshow credit credits photo image embed hidden sronly sr visually".split())
PROSE = 0.8  # share of paragraph text that makes a block prose whatever its class says
PROSE_MIN = 200  # characters of paragraph text in such a block (a long caption is shorter)


# (all text, paragraph text, list/heading text, link text outside paragraphs), characters under an element
_Counts = tuple[int, int, int, int]


def _census(root: etree._Element) -> tuple[etree._Element | None, dict[etree._Element, _Counts]]:
    """One walk: text counts per element and the element scoring best as the article container.

    Score: paragraph text + half the list/heading text - a penalty for other text and for links outside paragraphs.
    Scripts, styles and comments hold no text; the text after them does.  A recursion over the children (one
    Python call per element) costs a fifth less than a start/end walk, which never met comments and so lost
    the text after them.
    """
    counts: dict[etree._Element, _Counts] = {}
    best: list[Any] = [None, 0.0]

    def visit(el: etree._Element, tag: str, aside: bool) -> _Counts:
        aside = aside or tag in _ASIDE_TAGS  # inside <footer> or <aside>: counted, never the container
        text = el.text
        own = len(text.strip()) if text else 0
        total = content = semi = links = 0
        for child in el:
            child_tag = child.tag
            if child_tag.__class__ is str and child_tag not in SKIP_TAGS:
                child_total, child_content, child_semi, child_links = visit(child, child_tag, aside)
                total += child_total
                content += child_content
                semi += child_semi
                links += child_links
            tail = child.tail
            if tail:
                own += len(tail.strip())
        total += own
        if tag in _CONTENT:
            content, semi, links = total, 0, 0
        elif tag == "a":
            content, semi, links = 0, 0, total
        elif tag in _SEMI:
            semi = total - content - links
        elif tag in _LOOSE and own >= LOOSE_MIN:
            content += own
        result = (total, content, semi, links)
        if total:  # an element without text is not stored: readers take (0, 0, 0, 0) for it
            counts[el] = result
        if content + SEMI_WEIGHT * semi > best[1] and not aside:  # else it cannot win
            score = content + SEMI_WEIGHT * semi - OTHER_PENALTY * (total - content - semi - links) - LINK_PENALTY * links
            if score > best[1]:
                best[0], best[1] = el, score
        return result

    visit(root, root.tag, False)
    return best[0], counts


def _outside_article(el: etree._Element) -> bool:
    """A footer, aside or author box, by tag or by a word of its class or id."""
    if el.tag in _ASIDE_TAGS:
        return True
    names = f"{el.get('class', '')} {el.get('id', '')}".lower()
    return bool(names.strip()) and not _OUTSIDE_WORDS.isdisjoint(_CLASS_WORD.split(names))


def _container_junk(container: etree._Element, counts: dict[etree._Element, _Counts]) -> Callable[[etree._Element], bool]:
    """Chrome inside the container: figures, nav/aside/form blocks, chrome-named blocks, link lists.

    A subtree holding much of the container's article text is kept whatever its tag or class
    (page builders name content wrappers "widget", broken markup nests articles in <nav> or <button>).
    """
    floor = PROTECTED * counts[container][1]

    def junk(el: etree._Element) -> bool:
        tag = el.tag
        if not isinstance(tag, str) or tag in _ASIDE_TAGS:
            return True
        total, content, _, links = counts.get(el, (0, 0, 0, 0))
        if content > floor:
            return False
        if tag in _FIGURE_TAGS or tag in _CHROME_TAGS:
            return True
        chrome, look = _class_words(f"{el.get('class', '')} {el.get('id', '')}")
        if chrome or (look and not (content >= PROSE_MIN and content >= PROSE * total)):
            return True
        return tag in _BLOCKS and total > 0 and links > LINK_DENSE * total

    return junk


@lru_cache(maxsize=8192)
def _class_words(names: str) -> tuple[bool, bool]:
    """Whether class and id ``names`` hold a chrome word, and a look word (see ``_CHROME_WORDS``, ``_LOOK_WORDS``)."""
    words = _CLASS_WORD.split(names.lower())
    return not _CHROME_WORDS.isdisjoint(words), not _LOOK_WORDS.isdisjoint(words)


def container_body(tree: etree._Element, block: MainBlock, headline: str | None = None) -> tuple[list[str], bool]:
    """(paragraphs of the best-scoring container, whether it is clearly the page's text: else ask trafilatura).

    Doubtful: the container holds little of the page's article text, or its chrome left out, little text.
    """
    root = tree.find("body")
    if root is None:
        root = tree
    container, counts = _census(root)
    if container is None:
        return [], False
    size = counts[container][1]
    confident = size >= DENSE_MIN and size >= CONTAINER_SHARE * counts[root][1]
    if (marked := _marked_article(block.element, container)) is not None:
        container = marked
    paragraphs = clean(_blocks(container, _container_junk(container, counts)), headline)
    return paragraphs, confident and sum(map(len, paragraphs)) >= DENSE_MIN


def _article_mark(el: etree._Element) -> str | None:
    """What marks ``el`` as the article's text: ``<article>``, ``itemprop=articleBody``, or the theme's class name."""
    if el.tag == "article" or el.get("itemprop") == "articleBody":
        return el.tag
    return next((name for name in (el.get("class") or "").split()
                 if name.lower().replace("_", "-") in _ARTICLE_CLASSES), None)


def _marked_article(element: etree._Element | None, container: etree._Element) -> etree._Element | None:
    """The nearest element around the main block, inside ``container``, marked as the article, if one.

    The container may hold sibling blocks of paragraph text (testimonials, an author's other posts):
    the page's own markup says which block is the article.  A mark repeated in the container (one
    ``rich-text`` section of many, every ``post__content`` of a digest) is a section's, not the article's.
    """
    for el in (element, *element.iterancestors()) if element is not None else ():
        if el is container:
            return None
        if (mark := _article_mark(el)) is None:
            continue
        same = (sum(e.get("class") == el.get("class") for e in container.iter(el.tag)) if mark == el.tag
                else sum(mark in e.get("class", "").split() for e in _CLASS_HOLDING(container, name=mark)))
        if same == 1:
            return el
    return None


def _jsonld_paragraphs(text: str) -> list[str]:
    """Paragraphs of a JSON-LD ``articleBody``: plain lines, or HTML markup when the publisher left it in."""
    text = html.unescape(text)
    if _MARKUP.search(text):
        return paragraphs_of(lxml.html.fragment_fromstring(text, create_parent="div"))
    return [squash(p) for p in text.splitlines() if p.strip()]


def extract_body(
    tree: etree._Element, *, selector: str | None = None, jsonld_body: str | None = None,
    headline: str | None = None, url: str | None = None, block: MainBlock | None = None,
) -> tuple[list[str], str | None]:
    """(paragraphs, rule) for the article body; rule is "selector", "jsonld", "dense", "container" or "trafilatura".

    ``block``: the page's ``main_block`` when the caller has it already.
    """
    if selector:
        paragraphs = clean([p for el in css(selector)(tree) for p in paragraphs_of(el)], headline)
        if paragraphs:
            return paragraphs, "selector"
    if jsonld_body:
        paragraphs = clean(_jsonld_paragraphs(jsonld_body), headline)
        size = sum(map(len, paragraphs))
        block = block or main_block(tree)
        if size >= MIN_BLOCK // 2 and size >= block.size // 2:  # not a teaser of a longer page text
            return paragraphs, "jsonld"
    block = block or main_block(tree)
    if dense := dense_body(block, headline):
        return dense, "dense"
    found, confident = container_body(tree, block, headline)
    if found and confident:
        return found, "container"
    # fast: without its second opinions (readability, jusText), which cost more than they add on news pages
    text = trafilatura.extract(
        tree, url=url, include_comments=False, include_tables=True, include_images=False, with_metadata=False,
        deduplicate=False, fast=True,
    )
    lines = [squash(line) for line in (text or "").splitlines() if line.strip()]
    if found and _container_text_and_chrome(found, lines):
        return found, "container"
    if paragraphs := clean(lines, headline):
        return paragraphs, "trafilatura"
    return found, "container" if found else None


def _container_text_and_chrome(paragraphs: list[str], lines: list[str]) -> bool:
    """Whether trafilatura's ``lines`` hold the container's ``paragraphs`` and, besides them, only short pieces.

    Then they are the same text, and the container's reading is the better one: trafilatura's rescue of a short
    text is the whole ``<article>`` (or page) flattened into one line, the headline and captions glued to the
    paragraphs, or the page's text with its menu items and headline, which the container kept apart or left out.
    """
    rest = " ".join(lines)
    for para in paragraphs:
        if para not in rest:
            return False
        rest = rest.replace(para, "\n", 1)
    return all(len(piece) <= CHROME_PIECE for piece in map(str.strip, rest.split("\n")))
