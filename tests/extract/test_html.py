"""html.py: decoding order (BOM, header, meta, utf-8 then cp1251) and text helpers."""

from kznews.extract.html import decode, parse, text_of

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
