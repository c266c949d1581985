"""html.py: decoding order (BOM, header, meta, utf-8 then cp1251), parsing and text helpers."""

import re

import lxml.html
import pytest
from lxml import etree

from kznews.extract.html import decode, load, parse, squash, text_of, text_pieces

from .shared import PAGES

RU = "Казахстан"


def test_header_charset_wins_over_meta():
    body = f'<meta charset="utf-8"><p>{RU}</p>'.encode("cp1251")
    assert RU in decode(body, {"Content-Type": ["text/html; charset=windows-1251"]})


def test_header_name_is_case_insensitive():
    body = f"<p>{RU}</p>".encode("cp1251")
    assert RU in decode(body, {"content-type": ["text/html; charset=cp1251"]})


def test_meta_charset_used_without_header():
    body = f'<meta http-equiv="Content-Type" content="text/html; charset=windows-1251"><p>{RU}</p>'.encode("cp1251")
    assert RU in decode(body)


def test_bom_wins():
    body = b"\xef\xbb\xbf" + f"<p>{RU}</p>".encode()
    assert decode(body, {"Content-Type": ["text/html; charset=cp1251"]}) == f"<p>{RU}</p>"


def test_utf8_bytes_declared_windows_1251_are_read_as_utf8():
    kazakh = "Тоқаев әғқңөұүһі"
    body = f'<meta charset="utf-8"><p>{kazakh}</p>'.encode()
    assert kazakh in decode(body, {"Content-Type": ["text/html; charset=windows-1251"]})


def test_kz_1048_declared_is_decoded_with_its_kazakh_letters():
    kazakh = "Қазақстан әғқңөұүһі"
    body = f"<p>{kazakh}</p>".encode("kz1048")
    assert kazakh in decode(body, {"Content-Type": ["text/html; charset=KZ-1048"]})


def test_undeclared_utf8():
    assert RU in decode(f"<p>{RU}</p>".encode())


def test_undeclared_cp1251_fallback():
    assert RU in decode(f"<p>{RU}</p>".encode("cp1251"))


def test_unknown_declared_charset_is_ignored():
    assert RU in decode(f"<p>{RU}</p>".encode(), {"Content-Type": ["text/html; charset=nonsense"]})


def test_xml_declaration_does_not_break_parsing():
    tree = parse(f'<?xml version="1.0" encoding="utf-8"?><html><body><p>{RU}</p></body></html>')
    assert text_of(tree.find(".//p")) == RU


def test_text_of_skips_comments_and_scripts():
    tree = parse("<html><body><div>a<!-- b --><script>c</script> d</div></body></html>")
    assert text_of(tree.find(".//div")) == "a d"


def test_text_of_reads_a_line_break_as_a_space():
    tree = parse("<html><body><h1>Top Programs (US)<br>Your Guide<br/></h1></body></html>")
    assert text_of(tree.find(".//h1")) == "Top Programs (US) Your Guide"


def _same_tree(a: etree._Element, b: etree._Element) -> bool:
    return etree.tostring(a, encoding="unicode") == etree.tostring(b, encoding="unicode")


@pytest.mark.parametrize("path", sorted(PAGES.glob("*/*.html")), ids=lambda p: p.name)
def test_load_parses_the_saved_pages_as_decode_then_parse(path):
    body = path.read_bytes()
    tree = load(body, {"Content-Type": ["text/html; charset=utf-8"]})
    assert _same_tree(tree, parse(decode(body)))


@pytest.mark.parametrize("body, headers", [
    (f"<p>{RU}</p>".encode("cp1251"), None),  # not UTF-8: the text is re-encoded
    (b"\xef\xbb\xbf" + f"<p>{RU}</p>".encode(), None),  # BOM
    (f"<p>{RU} \xff\xfe</p>".encode() + b"\xff", {"Content-Type": ["text/html; charset=utf-8"]}),  # broken UTF-8
    (f"<p>{RU}</p>", None),  # already text
])
def test_load_matches_decode_then_parse(body, headers):
    tree = load(body, headers)
    assert _same_tree(tree, parse(decode(body, headers))) and RU in text_of(tree)


@pytest.mark.parametrize("bad", [b"\xff", b"\xd0", b"\xe2\x82", b"\xc3(", b"\xed\xa0\x80"])
def test_malformed_bytes_in_declared_utf8_read_as_replacements_and_the_rest_reads(bad):
    """Declared UTF-8 is parsed as it came: a malformed sequence reads as U+FFFD and the text after it stays
    UTF-8 (a parser that switched to Latin-1 there would garble every later letter)."""
    body = f"<html><body><p>{RU} ".encode() + bad + f" {RU}</p></body></html>".encode()
    text = text_of(load(body, {"Content-Type": ["text/html; charset=utf-8"]}).find(".//p"))
    assert text.startswith(f"{RU} \ufffd") and text.endswith(f" {RU}") and set(text[len(RU) + 1:-len(RU) - 1]) <= set("\ufffd(")


def test_elements_are_lxml_html_elements():
    tree = parse("<html><head><title>t</title></head><body><p>a<!-- c --></p></body></html>")
    assert all(isinstance(el, lxml.html.HtmlElement) for el in tree.iter(tag=etree.Element))
    assert tree.find(".//title").text_content() == "t"


def test_text_pieces_in_order_around_a_script():
    tree = parse("<html><body><div>a<b>b</b>c<script>x</script>d<!-- e --><i>f</i>g</div></body></html>")
    assert list(text_pieces(tree.find(".//div"))) == ["a", "b", "c", "d", "f", "g"]
    assert list(text_pieces(tree.find(".//b"))) == ["b"]


def test_squash_collapses_every_whitespace_that_re_knows():
    """``squash`` splits on str whitespace: the same characters as re's \\s, nbsp and the Unicode spaces included."""
    spaces = "".join(c for c in map(chr, range(0x3001)) if re.match(r"\s", c))
    assert len(spaces) > 20 and squash(f"{spaces}a{spaces}b c{spaces}") == "a b c"
    others = "".join(c for c in map(chr, range(0x3001)) if not re.match(r"\s", c))
    assert squash(others) == others  # nothing else is taken for a space
