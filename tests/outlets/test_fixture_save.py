"""`kznews fixture save` against a loopback mirror: a page and its JSON, never over one, never off-site."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from click.testing import Result

from kznews import sites
from kznews.cli.fixture import NOTE, default_name
from kznews.extract import extract_page
from tests.mirror.outlets import OutletMirror, build_outlet
from tests.mirror.server import MirrorServer, Override, serve
from tests.sites.test_outlet_pages import actual

Cli = Callable[..., Result]
KT = "https://www.kt.kz"


@pytest.fixture(scope="module")
def kt() -> OutletMirror:
    return build_outlet("kt", n_articles=6)


@pytest.fixture
def mirror(kt: OutletMirror) -> Iterator[MirrorServer]:
    with serve(kt, {}) as server:  # type: ignore[arg-type]  # duck-typed site
        yield server


def _meta(path: Path) -> dict:
    return json.loads(path.read_text("utf-8"))


def test_an_article_is_saved_with_what_extraction_gives(cli: Cli, kt: OutletMirror, mirror: MirrorServer,
                                                        tmp_path: Path) -> None:
    article = kt.articles[0]
    url = KT + article.path
    result = cli("fixture", "save", "kt", url, "--mirror", mirror.base_url, "--name", "article-ru-1",
                 "--dir", str(tmp_path))
    assert result.exit_code == 0, result.output
    page, meta_path = tmp_path / "kt" / "article-ru-1.html", tmp_path / "kt" / "article-ru-1.json"
    assert page.read_bytes() == kt.render(article.path, mirror.base_url)[1]  # the bytes as served
    meta = _meta(meta_path)
    assert list(meta) == ["url", "fetched_at", "constructed", "kind", "note", "expected"]
    assert (meta["url"], meta["constructed"], meta["kind"], meta["note"]) == (url, False, "article", NOTE)
    expected = meta["expected"]
    assert expected["headline"] == article.headline and expected["published_at"] == article.published_at
    assert {"body_start", "body_end", "lang", "tickers"} <= set(expected)
    # As saved, the fixture passes the saved-page tests (tests/sites/test_outlet_pages.py).
    record = extract_page(page.read_bytes(), url, outlet=sites.get("kt"), fetched_at=meta["fetched_at"])
    assert all(actual(record, name, value) == value for name, value in expected.items())
    hits = [h for h in mirror.hits if h.path == article.path]
    assert len(hits) == 1 and hits[0].user_agent and hits[0].user_agent.startswith("kznews/")


def test_a_listing_gets_its_links_and_a_hashed_name(cli: Cli, kt: OutletMirror, mirror: MirrorServer,
                                                   tmp_path: Path) -> None:
    day = next(p for p in kt.files if p.startswith("/rus/archive/") and kt.render(p, "")[1].count(b"news-item"))
    url = KT + day
    assert cli("fixture", "save", "kt", url, "--mirror", mirror.base_url, "--dir", str(tmp_path)).exit_code == 0
    meta = _meta(tmp_path / "kt" / f"{default_name(url)}.json")
    assert meta["kind"] == "listing" and meta["expected"]["links_min"] >= 1
    assert meta["expected"]["link"]["url"].startswith(KT + "/rus/")  # links as the outlet's


def test_an_existing_fixture_is_kept_unless_forced(cli: Cli, kt: OutletMirror, mirror: MirrorServer,
                                                   tmp_path: Path) -> None:
    args = ("fixture", "save", "kt", KT + kt.articles[1].path, "--mirror", mirror.base_url,
            "--name", "same", "--dir", str(tmp_path))
    assert cli(*args).exit_code == 0
    meta = tmp_path / "kt" / "same.json"
    meta.write_text("{}", "utf-8")
    again = cli(*args)
    assert again.exit_code == 1 and again.output == f"Error: fixture kt/same exists in {tmp_path} (--force replaces it)\n"
    assert meta.read_text("utf-8") == "{}"
    assert len(mirror.hits_for(kt.articles[1].path)) == 1  # refused before fetching
    assert cli(*args, "--force").exit_code == 0 and _meta(meta)["note"] == NOTE


@pytest.mark.parametrize(("url", "extra", "message"), [
    ("file:///etc/passwd", (), "Error: not an http(s) URL: 'file:///etc/passwd'"),
    ("https://example.com/rus/politics/x_1.html", (), "Error: https://example.com/rus/politics/x_1.html is not on kt's domains (kt.kz)"),
    ("https://example.com/x", ("--mirror", "MIRROR"), "Error: https://example.com/x is on neither kt's domains nor the mirror"),
    (KT + "/rus/politics/x_1.html", ("--name", "../up"), "Error: --name '../up': use letters"),
    (KT + "/rus/politics/missing_1.html", ("--mirror", "MIRROR"), "Error: MIRROR/rus/politics/missing_1.html: HTTP 404"),
])
def test_bad_input_is_one_line_and_writes_nothing(cli: Cli, mirror: MirrorServer, tmp_path: Path, url: str,
                                                  extra: tuple[str, ...], message: str) -> None:
    extra = tuple(mirror.base_url if a == "MIRROR" else a for a in extra)
    result = cli("fixture", "save", "kt", url, *extra, "--dir", str(tmp_path))
    assert result.exit_code == 1
    assert len(result.output.splitlines()) == 1
    assert result.output.startswith(message.replace("MIRROR", mirror.base_url))
    assert not any(tmp_path.iterdir())


def test_a_redirect_off_the_outlet_is_refused(cli: Cli, kt: OutletMirror, mirror: MirrorServer,
                                              tmp_path: Path) -> None:
    path = kt.articles[2].path
    mirror.overrides[path] = Override(status=302, headers={"Location": "http://example.com/elsewhere"})
    result = cli("fixture", "save", "kt", KT + path, "--mirror", mirror.base_url, "--dir", str(tmp_path))
    assert result.exit_code == 1
    assert result.output.strip().endswith("redirects off the outlet, to http://example.com/elsewhere")
    assert not any(tmp_path.iterdir())


def test_a_url_on_the_mirror_host_is_allowed_with_mirror(cli: Cli, kt: OutletMirror, mirror: MirrorServer,
                                                         tmp_path: Path) -> None:
    url = mirror.base_url + kt.articles[3].path
    assert cli("fixture", "save", "kt", url, "--dir", str(tmp_path)).exit_code == 1  # not without it
    assert cli("fixture", "save", "kt", url, "--mirror", mirror.base_url, "--dir", str(tmp_path)).exit_code == 0
    assert _meta(tmp_path / "kt" / f"{default_name(url)}.json")["url"] == url
