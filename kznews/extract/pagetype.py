"""Page type: is a page an article, or something else (a homepage, a section, a product, a forum thread)?

Decided from all the evidence, in this order; the evidence is recorded (``PageType.describe``) in the
article's ``provenance["kind"]`` and the record's ``kind_evidence``:

1. **The caller's word** (``given``): a crawl that requested the page as an outlet's article or fetched it as
   a listing, or ``kznews extract --kind``.
2. **The outlet's declared URL patterns** (registry outlets): a URL matching one of its article patterns is
   an article however short its text (``url:outlet-article``); any other URL of the outlet (homepage,
   section, tag, paging) is not, even over a long block of text (``url:outlet-other``), unless the page
   declares itself an article in JSON-LD (a URL shape the registry does not know yet).
3. **A score** for everything else (unknown sites, ad-hoc crawls): each piece of evidence adds or takes away
   points, and the page is an article when the sum is above zero.

=======================  ======  ==========================================================================
evidence                 points  what
=======================  ======  ==========================================================================
``listed:sitemap|feed``  +3      a sitemap or feed listed the page as an entry (the crawl's own evidence)
``linked:listing``       +1      a listing linked it (weaker: listings link sections and services too)
``ld:article``           +3      a JSON-LD node typed as an article (``NewsArticle``, ``BlogPosting``...)
``ld:other``             -3      JSON-LD types of other pages (``Product``, ``QAPage``, ``CollectionPage``...)
``og:article``           +1      ``og:type`` article (weak: many sites set it on every page)
``og:other``             -2      ``og:type`` of a product, profile, book, video
``published-meta``       +1      an ``article:published_time`` meta
``dated``                +2      the page's own publication date (structured data, markup or printed text)
``dated:htmldate``       +1      only htmldate's search finds a date (weaker: it also dates other pages)
``text-block``           +1/-1   a block of paragraph text of at least ``MIN_BLOCK`` characters, or not
``no-headline``          -1      neither an ``<h1>`` nor a structured title
``url:root``             -3      the site's root
``url:section-page``     -2      a section's own page (``/news``, ``/blog``, ``/products``)
``url:other-section``    -2      under a section of other pages (``/docs/``, ``/product/``, ``/forum/``,
                                 a ``docs.``/``forum.``/``shop.`` host)
``url:article-section``  +1      under a section of articles (``/news/``, ``/blog/``, ``/2024/``, a
                                 ``news.``/``blog.`` host)
``url:slug``             +1      a last path segment of four or more words (a headline's slug)
``url:date``             +1      a year and month in the path
``many-dated-items``     -2      five or more ``<time>`` elements: posts of a thread or items of a list
``md:other``             -3      microdata (``itemtype``) of the main item of a product, forum, Q&A, list or
                                 profile page (``Product``, ``Offer``, ``DiscussionForumPosting``, ``QAPage``,
                                 ``ItemList``...), when JSON-LD states no type and no article is marked up
``code-listings``        -1      three or more ``<pre>`` blocks or ten or more ``<code>`` elements, and no
                                 article type: documentation or a programming Q&A
``teasers``              -2      links hold a third of the main text block: a list of teasers
``cart``                 -2      a control that puts an item in a cart ("Add to cart", "Buy now", "В корзину",
                                 "Себетке"): a shop's product or category page
``call-to-action``       -1      a link or button beside the headline (in the headline's own block) that asks
                                 the reader to act: "Get started", "Request a demo", "Start free trial",
                                 "Apply now", "Оставить заявку", "Өтінім қалдыру": the hero of a service,
                                 course or product page; an article's headline stands over its byline and date
``contact-form``         -1      a form asking for a phone number or a message (``input type=tel``,
                                 ``<textarea>``) that is not a comment, search or newsletter form, in the
                                 page's own content: a contact, booking or quote form (one in a footer,
                                 sidebar, widget or popup is the site's, on its articles too)
``edit-page``            -2      a control to edit the page or suggest a change ("Edit this page (on GitHub)",
                                 "Improve this page", "Редактировать страницу"): documentation or a wiki
``page-feedback``        -1      the page asks its reader whether it helped ("Was this page helpful?", "Была ли эта
                                 страница полезна?"): documentation and help pages
``heading-anchors``      -1      three or more section headings (``<h2>``, ``<h3>``) that link to themselves (``#name``,
                                 ``¶``): the permalinked sections of documentation and reference pages
``reference-headings``   -1      two or more headings of reference documentation ("Parameters", "Returns", "Syntax",
                                 "Arguments", "Параметры"...)
``poster-details``       -2      two or more posters' join dates beside their posts ("Joined: Mar 2012",
                                 "Registered: 2016-07-02", "Зарегистрирован:"): a forum thread
``sort-filter``          -2      a control to sort or filter the page's items ("Sort by", "Filters", "Refine by",
                                 "Сортировать по"): a shop's category, a search or a listing; an article's text has
                                 nothing to sort
``product-details``      -2      two different labels of a product's details, outside links ("SKU", "In stock",
                                 "Quantity", "Add to wishlist", "Артикул", "В наличии"): a shop's product page
``long-text``            +1      a long text (``LONG_BLOCK`` characters) in one block that holds most of the
                                 page's paragraph text (``CONCENTRATED``): an article's body, where service
                                 and listing pages scatter short paragraphs over many sections and cards
=======================  ======  ==========================================================================

The link density of the whole page is not evidence: news pages of big portals are mostly menus and
related links around a short text.

``dated`` needs the article's date rules, so it is asked for only when it could tip the balance: a page
whose other evidence sums to between ``-DATED`` and zero is dated first (``PageType.kind`` is None).
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from typing import cast
from urllib.parse import urlsplit

from lxml import etree

from ..items import DiscoveryHint
from ..sites import Outlet
from .body import MIN_BLOCK, MainBlock
from .html import Strings, string_xpath, text_of
from .structured import ARTICLE_TYPES, Structured

KINDS = ("article", "listing")
DATED = 2
# Publication-date rules that read the page itself (dating.py); the URL, a hint or htmldate's guess do not count.
_PAGE_DATE_RULES = frozenset({"jsonld", "jsonld-other", "meta", "selector", "time", "script", "text", "dateline"})
_OTHER_TYPES = frozenset({
    "Product", "ProductGroup", "Offer", "AggregateOffer", "QAPage", "DiscussionForumPosting", "CollectionPage",
    "ItemList", "SearchResultsPage", "ProfilePage", "ContactPage", "ItemPage", "SoftwareApplication",
    "WebApplication", "Service", "Course", "Event", "Recipe", "Store", "LocalBusiness",
})
_OTHER_OG = re.compile(r"^(?:product|profile|book|video|music|ebay-objects)", re.I)
# Sections of articles and of other pages, as URL path segments (Russian transliterated section names too).
_ARTICLE_SECTIONS = re.compile(
    r"news|novosti|blogs?|articles?|posts?|stor(?:y|ies)|insights?|press(?:-releases?)?|media|magazine|journal"
    r"|opinions?|features|updates|research|learn|guides?|resources|stati|statya|materials?|publications?"
    r"|(?:19|20)\d{2}", re.I)
_OTHER_SECTIONS = re.compile(
    r"products?|p|dp|items?|shop|store|cart|collections?|categor(?:y|ies)|departments?|browse|genre|tags?|forums?"
    r"|threads?|t|questions?|q|community|discussions?|docs?|documentation|reference|api|manual|wiki|title"
    r"|help|support|faq|search|login|account|pricing|services?|solutions?|apps?|downloads?|courses?|events?|jobs"
    r"|careers|about|contact", re.I)
_OTHER_HOST = re.compile(r"(?:forums?|community|discuss|docs?|wiki|store|shop|support|help|developers?|api)\.", re.I)
_ARTICLE_HOST = re.compile(r"(?:blog|news)\.", re.I)
_WORD = re.compile(r"[^\W_]+")
_EXTENSION = re.compile(r"\.\w{2,5}$")
_LINK_TEXT = string_xpath(".//a//text()")  # every text node inside a link, in one C-level search
_YEAR_MONTH = re.compile(r"/(?:19|20)\d{2}[/-]?(?:0[1-9]|1[0-2])")
# Buttons (found in the page's one walk, ``_shape``), and links a shop's script or class names as its cart's; what
# they say (text, value, label, class, name, id, href) is then read for putting an item in a cart.  The links' hrefs
# and classes are first read as plain strings by two C-level searches: most pages name no cart in any, and walking
# every link in Python to look (a news page has hundreds) cost more.
_BUTTON_INPUTS = frozenset({"submit", "button", "image"})
_HREFS = cast(Strings, etree.XPath(".//a/@href", smart_strings=False))
_CLASSES = cast(Strings, etree.XPath(".//a/@class", smart_strings=False))
_TO_CART = re.compile(
    r"add[\s_-]*to[\s_-]*(?:cart|bag|basket|trolley)|addtocart|buy[\s_-]*(?:it[\s_-]*)?now|в\s+корзину|себетке", re.I)
# Main items of pages that are not articles, as microdata marks them up (an organisation's or business's own markup,
# which many articles carry for their publisher, is no such item).
_MICRODATA_OTHER = frozenset({
    "Product", "ProductGroup", "Offer", "AggregateOffer", "QAPage", "DiscussionForumPosting", "CollectionPage",
    "ItemList", "SearchResultsPage", "ProfilePage",
})
_ITEMTYPES = string_xpath("//@itemtype")
MANY_CODES = 10  # inline <code> elements of documentation or a programming Q&A (an article quotes a few)
_HEADLINE_LEVELS = 3  # how far up from the <h1> its own block (the hero of a landing page) may be
_NOT_HEADLINE_BLOCK = frozenset({"body", "html", "header", "nav"})  # the page's chrome, not the headline's block
_ACTIONS = ("a", "button", "input")  # an input when a button (``_ACTION_INPUTS``)
_ACTION_INPUTS = frozenset({"submit", "button"})
# What a call to action says, at the start of its text: English, Russian and Kazakh service, course and shop pages.
_CALL_TO_ACTION = re.compile(
    r"(?:get\s+(?:started|in\s+touch|a\s+(?:free\s+)?(?:quote|demo|estimate|consultation))|contact\s+(?:us|sales|our\s+team)"
    r"|request\s+(?:a\s+|an\s+)?(?:demo|quote|consultation|appointment|estimate|info)|book\s+(?:a|an|now|online|your)\b"
    r"|schedule\s+(?:a|an|your|now)\b|sign\s+up|try\s+(?:it\s+)?(?:for\s+)?free|start\s+(?:a\s+)?(?:free|your|now|for\s+free)"
    r"|free\s+trial|apply\s+now|enroll|register\s+now|buy\s+now|shop\s+now|talk\s+to\s+(?:an?\s+|our\s+)?\w+"
    r"|call\s+(?:us|now|today)|(?:see|view)\s+(?:pricing|plans)"
    r"|оставить\s+заявку|отправить\s+заявку|заказать|записаться|получить\s+консультацию|связаться\s+с\s+нами"
    r"|купить\s+сейчас|попробовать\s+бесплатно|өтінім\s+(?:қалдыру|жіберу)|тапсырыс\s+беру|тіркелу)\b", re.I)
_NOT_CONTACT = re.compile(r"comment|search|newsletter|subscri|reply|respond", re.I)  # forms of articles too
_CHROME_TAGS = frozenset({"footer", "aside"})
_CHROME = re.compile(r"footer|sidebar|widget|aside|modal|popup", re.I)  # where a site puts its forms on every page
# The page's text nodes: the labels of controls (sorting, editing, a product's details) and of posters stand alone in
# short ones, read one a line, stripped (``LABEL`` characters at most: not a paragraph's text, nor a script's).
LABEL = 100
LABELS_MOST = 9  # points the label pieces take away at most: edit-page 2, page-feedback 1, poster, sort, product 2
_TEXT_NODES = cast(Strings, etree.XPath("descendant::text()", smart_strings=False))  # plain strings: cheaper
# Patterns of lower-cased labels are matched on the lower-cased lines (cheaper in ``re`` than ``re.IGNORECASE``).
# Every line opens with a line break and every pattern with it: ``re`` then seeks that one character from line to
# line, where a ``^`` is tried at every character of the text.
_EDIT_PAGE = re.compile(
    r"\n[ \t]*(?:edit\s+(?:this\s+page(?:\s+on\s+github)?|on\s+github)|improve\s+this\s+(?:page|doc)|suggest\s+(?:an\s+)?edits?"
    r"|редактировать\s+(?:эту\s+)?страницу)[ \t]*$", re.M)
# A documentation or help page's question on itself, to its reader.
_PAGE_FEEDBACK = re.compile(
    r"\n[ \t]*(?:was\s+this\s+(?:page|article|content|information)\s+helpful|is\s+this\s+page\s+helpful"
    r"|did\s+this\s+page\s+help|did\s+you\s+find\s+this\s+(?:page|article)\s+(?:helpful|useful)"
    r"|была\s+ли\s+(?:эта\s+)?(?:страница|статья)\s+полезн)", re.M)
# A control's label, capitalised as labels are (prose says "the filter" in lower case).
_SORT_FILTER = re.compile(
    r"\n[ \t]*(?:(?:Sort|SORT)(?:\s+[Bb][Yy])?|(?:Filter|FILTER)[Ss]?(?:\s+[Bb][Yy])?|(?:Refine|REFINE)(?:\s+[Bb][Yy])?"
    r"|Сортировать(?:\s+по)?|Сортировка|Фильтры?|Сұрыптау|Сүзгі)[ \t]*:?[ \t]*$", re.M)
# The labels of a product's details, on a line of their own or before a short value ("SKU: 4521", "In stock").
_PRODUCT_DETAIL = re.compile(
    r"\n[ \t]*(sku|item\s*(?:#|no\.?|number)|model\s*(?:#|no\.?|number)|availability|in\s+stock|out\s+of\s+stock"
    r"|sold\s+out|qty|quantity|add\s+to\s+(?:wish\s*list|favou?rites)|артикул|в\s+наличии|нет\s+в\s+наличии|количество)"
    r"[ \t]*:?[ \t]*(?:\S.{0,20})?$", re.M)
# A poster's join date, its label capitalised as forums print it (a sentence's "registered 5 cases" is not one).
_POSTER = re.compile(
    r"\n[ \t]*(?:Joined|JOINED|Registered|Member\s+since|Зарегистрирован|Регистрация|Тіркелген)\s*:?\s*(?:on\s+)?"
    r"(?:[^\W\d_]{3,9}[.,]?\s+){0,2}\d", re.M)
_SECTION_TAGS = frozenset({"h2", "h3", "h4", "h5"})
_REFERENCE = re.compile(
    r"(parameters|arguments|returns?|return\s+values?|syntax|usage|examples?|options|properties|methods|attributes"
    r"|exceptions|request\s+body|responses?|параметры|аргументы|синтаксис|возвращаемое\s+значение)\s*:?", re.I)
LONG_BLOCK = 5 * MIN_BLOCK  # characters of paragraph text in one block: a long text
CONCENTRATED = 0.7  # the share of the page's paragraph text that block holds: the page is that text


@dataclass
class PageType:
    """The evidence on a page's type: (name, points) pieces, or the one piece that settled it."""

    pieces: list[tuple[str, int]] = field(default_factory=list)
    settled: str | None = None  # "article"/"listing" when the caller or the outlet's patterns decided
    reason: str | None = None  # the settling evidence

    def add(self, name: str, points: int) -> None:
        self.pieces.append((name, points))

    @property
    def score(self) -> int:
        return sum(points for _, points in self.pieces)

    @property
    def kind(self) -> str | None:
        """"article" / "listing", or None while the page's own date could still tip the balance."""
        if self.settled is not None:
            return self.settled
        if self.score > 0:
            return "article"
        return "listing" if self.score + DATED <= 0 else None

    def dated_by(self, rule: str | None) -> str:
        """The kind once the page's publication-date rule (``provenance["published_at"]``) is known."""
        source = rule.split(":")[0] if rule else None
        if source in _PAGE_DATE_RULES:
            self.add("dated", DATED)
        elif source == "htmldate":
            self.add("dated:htmldate", 1)
        return "article" if self.score > 0 else "listing"

    def describe(self) -> str:
        """The evidence as one line: ``url:outlet-article`` or ``ld:article+3 text-block+1 url:slug+1 = 5``."""
        if self.settled is not None:
            return self.reason or self.settled
        return " ".join(f"{name}{points:+d}" for name, points in self.pieces) + f" = {self.score}"


def page_type(
    tree: etree._Element, structured: Structured, block: MainBlock, url: str, *,
    outlet: Outlet | None, hint: DiscoveryHint | None, kind: str | None,
) -> PageType:
    """The evidence on whether the page at ``url`` is an article (see the module's table)."""
    if kind is not None:
        return PageType(settled=kind, reason="given")
    if outlet is not None and outlet.registered:
        if outlet.is_article_url(url):
            return PageType(settled="article", reason="url:outlet-article")
        if not structured.types & ARTICLE_TYPES:
            return PageType(settled="listing", reason="url:outlet-other")
    found = PageType()
    _declared(found, structured)
    _microdata(found, tree, structured)
    _discovered(found, hint)
    _shape(found, tree, structured, block)
    _url(found, url)
    if -DATED < found.score <= LABELS_MOST:  # else the labels, which only take away, cannot change the kind
        _labels(found, tree)
    return found


def _declared(found: PageType, structured: Structured) -> None:
    """What the page says of itself: JSON-LD types, og:type, a publication-time meta."""
    if structured.types & ARTICLE_TYPES:
        found.add("ld:article", 3)
    elif structured.types & _OTHER_TYPES:
        found.add("ld:other", -3)
    og = next(iter(structured.all("og:type")), "").lower()
    if og == "article":
        found.add("og:article", 1)
    elif _OTHER_OG.match(og):
        found.add("og:other", -2)
    if structured.first("article:published_time"):
        found.add("published-meta", 1)


def _microdata(found: PageType, tree: etree._Element, structured: Structured) -> None:
    """What the page's microdata says its main item is, when its JSON-LD states no type: a product, offer, forum
    thread, Q&A or list (``md:other``); nothing when an article is marked up too."""
    if structured.types & (ARTICLE_TYPES | _OTHER_TYPES):
        return
    types = {name.rstrip("/").rpartition("/")[2] for value in _ITEMTYPES(tree) for name in value.split()}
    if types & _MICRODATA_OTHER and not types & ARTICLE_TYPES:
        found.add("md:other", -3)


def _discovered(found: PageType, hint: DiscoveryHint | None) -> None:
    """How the crawl reached the page: an entry of a sitemap or feed, or a listing's link."""
    if hint is None:
        return
    if hint.source in ("sitemap", "feed"):
        found.add(f"listed:{hint.source}", 3)
    elif hint.source == "listing":
        found.add("linked:listing", 1)


def _chars(el: etree._Element) -> int:
    """Characters of visible text in ``el`` (whitespace not counted)."""
    return len("".join(etree.tostring(el, method="text", encoding=str, with_tail=False).split()))


def _link_share(el: etree._Element) -> float:
    """The share of ``el``'s text that sits in links."""
    unseen = sum(_chars(s) for s in el.iter("script", "style", "noscript", "template"))
    total = _chars(el) - unseen
    return len("".join("".join(_LINK_TEXT(el)).split())) / total if total > 0 else 0.0


def _shape(found: PageType, tree: etree._Element, structured: Structured, block: MainBlock) -> None:
    """What the page's content looks like: a text block, a headline, lists of dated items, code, teasers."""
    found.add("text-block", 1 if block.size >= MIN_BLOCK else -1)
    titled = structured.first("og:title") or (structured.article or {}).get("headline")
    body = tree.find("body")
    if body is None:
        body = tree
    tags: Counter[str] = Counter()
    h1 = None
    forms, controls = [], []
    # one C-level walk of the tree for the elements every piece below reads but links (an XPath per piece cost several
    # times it)
    headings = []
    for el in body.iter("h1", "h2", "h3", "h4", "h5", "time", "pre", "code", "form", "button", "input"):
        tag = el.tag
        if tag in _SECTION_TAGS:
            headings.append(el)
        elif tag == "button" or (tag == "input" and el.get("type") in _BUTTON_INPUTS):
            controls.append(el)
        elif tag == "form":
            forms.append(el)
        elif tag != "input":
            tags[tag] += 1
            if tag == "h1" and h1 is None:
                h1 = el
    if not titled and not tags["h1"]:
        found.add("no-headline", -1)
    if tags["time"] >= 5:
        found.add("many-dated-items", -2)
    if not structured.types & ARTICLE_TYPES and (tags["pre"] >= 3 or tags["code"] >= MANY_CODES):
        found.add("code-listings", -1)
    if block.element is not None and _link_share(block.element) >= 0.3:
        found.add("teasers", -2)
    hrefs = " ".join(_HREFS(body))
    if "cart" in hrefs or "buy" in hrefs or "cart" in " ".join(_CLASSES(body)):  # some link names a cart: which ones
        controls += [a for a in body.iter("a") if _cart_link(a)]
    if any(_puts_in_cart(el) for el in controls):
        found.add("cart", -2)
    if h1 is not None and _calls_to_action(h1):
        found.add("call-to-action", -1)
    if any(_asks(form) and not _NOT_CONTACT.search(_names(form)) and not _in_chrome(form) for form in forms):
        found.add("contact-form", -1)
    _documentation(found, headings)
    if block.size >= LONG_BLOCK and block.size >= CONCENTRATED * block.total:
        found.add("long-text", 1)


def _labels(found: PageType, tree: etree._Element) -> None:
    """The labels of controls and details the page's short text nodes print: an edit link, a feedback question, a
    poster's join date, sort and filter controls, a product's details (see the table).  Read last, and only when
    they could change the kind: they only take away (``LABELS_MOST`` in all), and reading every text node is the
    dearest piece on a long indented page."""
    body = tree.find("body")
    if body is None:
        return
    # the blank nodes (the indentation of a long page, most of its nodes) left out first by a C-level filter
    lines = [label for text in filter(str.strip, _TEXT_NODES(body)) if len(text) <= LABEL and (label := text.strip())]
    labels = "\n" + "\n".join(lines)
    lowered = labels.lower()
    if _EDIT_PAGE.search(lowered):
        found.add("edit-page", -2)
    if _PAGE_FEEDBACK.search(lowered):
        found.add("page-feedback", -1)
    if len(_POSTER.findall(labels)) >= 2:
        found.add("poster-details", -2)
    if _unlinked(_SORT_FILTER, labels, tree):
        found.add("sort-filter", -2)
    if len({" ".join(m[1].split()) for m in _unlinked(_PRODUCT_DETAIL, lowered, tree, lowered=True)}) >= 2:
        found.add("product-details", -2)


def _unlinked(label: re.Pattern[str], texts: str, tree: etree._Element, *, lowered: bool = False) -> list[re.Match[str]]:
    """The lines of ``texts`` (lower-cased ones when ``lowered``) that ``label`` matches and that are no link's text:
    a menu's links name sections ("Filters" of a shop selling them), a control's label does not link (the links are
    read only after a match)."""
    found = list(label.finditer(texts))
    if not found:
        return []
    linked = Counter(" ".join((text.lower() if lowered else text).split()) for text in _LINK_TEXT(tree))
    unlinked = []
    for m in found:
        line = " ".join(m[0].split())
        if linked[line]:
            linked[line] -= 1
        else:
            unlinked.append(m)
    return unlinked


def _documentation(found: PageType, headings: list[etree._Element]) -> None:
    """What the section headings (``<h2>``-``<h5>``) say of documentation: permalinked sections, reference headings
    ("Parameters", "Returns")."""
    anchored = sum(1 for h in headings if h.tag in ("h2", "h3") and any(
        (a.get("href") or "").startswith("#") for a in h.iter("a")))
    if anchored >= 3:
        found.add("heading-anchors", -1)
    if len({m[1].lower() for h in headings if (m := _REFERENCE.fullmatch(text_of(h)))}) >= 2:
        found.add("reference-headings", -1)


def _calls_to_action(h1: etree._Element) -> bool:
    """Whether the headline's own block (the ``<h1>``'s ancestors up to ``_HEADLINE_LEVELS``, not the page's header
    or navigation) holds a link or button that asks the reader to act (``_CALL_TO_ACTION``)."""
    block = h1
    for _ in range(_HEADLINE_LEVELS):
        parent = block.getparent()
        if parent is None or parent.tag in _NOT_HEADLINE_BLOCK:
            break
        block = parent
    return any(_CALL_TO_ACTION.match(text_of(el) or el.get("value") or "") for el in block.iterdescendants(*_ACTIONS)
               if el.tag != "input" or el.get("type") in _ACTION_INPUTS)


def _asks(form: etree._Element) -> bool:
    """Whether a form asks for a message or a phone number (a ``<textarea>``, an ``input type=tel``)."""
    return any(el.tag == "textarea" or el.get("type") == "tel" for el in form.iter("textarea", "input"))


def _in_chrome(el: etree._Element) -> bool:
    """Whether ``el`` sits in the page's footer, sidebar, a widget or a popup (by tag, class or id)."""
    return any(a.tag in _CHROME_TAGS or _CHROME.search(f"{a.get('class', '')} {a.get('id', '')}") for a in el.iterancestors())


def _names(el: etree._Element) -> str:
    """An element's class, id and action: what a form says it is for."""
    return " ".join(el.get(a) or "" for a in ("class", "id", "action", "name"))


def _cart_link(a: etree._Element) -> bool:
    """Whether a link's address or class names a cart (or buying): a shop's control, read by ``_puts_in_cart``."""
    href = a.get("href") or ""
    return "cart" in href or "buy" in href or "cart" in (a.get("class") or "")


def _puts_in_cart(el: etree._Element) -> bool:
    """A button or link that puts an item in a cart, by what it says, how it is named or where it goes."""
    said = " ".join((text_of(el), *(el.get(a) or "" for a in ("value", "aria-label", "class", "name", "id", "href"))))
    return _TO_CART.search(said) is not None


def _section(host: str, sections: list[str]) -> bool | None:
    """True under a section of articles, False under one of other pages, None when neither is named; the
    section nearest the page decides (``/about/blog/…`` is a blog), then the host (``docs.``, ``news.``)."""
    for segment in reversed(sections):
        if _ARTICLE_SECTIONS.fullmatch(segment):
            return True
        if _OTHER_SECTIONS.fullmatch(segment):
            return False
    if _OTHER_HOST.match(host):
        return False
    return True if _ARTICLE_HOST.match(host) else None


def _url(found: PageType, url: str) -> None:
    """What the URL's shape says; nothing for a URL that is not a web address (a saved file)."""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https"):
        return
    host = (parts.hostname or "").lower()
    segments = [s for s in parts.path.split("/") if s]
    if not segments:
        found.add("url:root", -3)
        return
    sections, last = segments[:-1], segments[-1]
    section = _section(host, sections)
    if section is True:
        found.add("url:article-section", 1)
    elif section is False:
        found.add("url:other-section", -2)
    if (not sections and _OTHER_SECTIONS.fullmatch(last)) or _ARTICLE_SECTIONS.fullmatch(last):
        found.add("url:section-page", -2)
    if len(_WORD.findall(_EXTENSION.sub("", last))) >= 4:
        found.add("url:slug", 1)
    if _YEAR_MONTH.search(parts.path):
        found.add("url:date", 1)
