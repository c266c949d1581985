"""``kznews store`` and ``--redis`` on the crawling commands: bad input is one line and a non-zero exit.

Each check stops before a crawl starts, so it runs in this process (``CliRunner``); the unreachable Redis of
``kznews store`` also runs as a real process, the exit code and stderr the shell sees.
"""

from __future__ import annotations

import socket

from click.testing import CliRunner, Result

from kznews.cli import main


def _closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]  # closed again when the block ends: nothing listens there


def _invoke(*args: str) -> Result:
    return CliRunner().invoke(main, list(args))


def test_store_without_redis_is_a_usage_error(tmp_path):
    result = _invoke("--db", str(tmp_path / "a.db"), "store")
    assert result.exit_code == 2 and "--redis" in result.stderr


def test_unreachable_redis_is_one_line(kznews, tmp_path):
    url = f"redis://127.0.0.1:{_closed_port()}/0"
    port = url.split(":")[2].split("/")[0]
    expected = f"Error: cannot reach Redis at {url}: Error 111 connecting to 127.0.0.1:{port}. Connection refused."
    for args in (("crawl", "--url", "http://127.0.0.1:9/feed.xml", "--redis", url), ("harvest", "kt", "--redis", url)):
        result = _invoke("--db", str(tmp_path / "a.db"), *args)
        assert result.exit_code == 1, (args, result.output)
        assert result.stderr.strip() == expected, result.stderr
        assert not (tmp_path / "a.db").exists()  # a worker never opens the archive
    stored = kznews("store", "--redis", url, db=tmp_path / "a.db")
    assert stored.returncode == 1, stored.stderr
    assert stored.stderr.strip() == expected, stored.stderr


def test_bad_redis_url_is_one_line(tmp_path):
    result = _invoke("--db", str(tmp_path / "a.db"), "store", "--redis", "http://not-redis/0")
    assert result.exit_code == 1
    assert result.stderr.startswith("Error: bad Redis URL 'http://not-redis/0'") and result.stderr.count("\n") == 1
