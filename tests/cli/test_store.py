"""``kznews store`` and ``--redis`` on the crawling commands: bad input is one line and a non-zero exit."""

from __future__ import annotations

import socket


def _closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]  # closed again when the block ends: nothing listens there


def test_store_without_redis_is_a_usage_error(kznews, tmp_path):
    result = kznews("store", db=tmp_path / "a.db")
    assert result.returncode == 2 and "--redis" in result.stderr


def test_unreachable_redis_is_one_line(kznews, tmp_path):
    url = f"redis://127.0.0.1:{_closed_port()}/0"
    for args in (("crawl", "--url", "http://127.0.0.1:9/feed.xml", "--redis", url), ("harvest", "kt", "--redis", url),
                 ("store", "--redis", url)):
        result = kznews(*args, db=tmp_path / "a.db")
        assert result.returncode == 1, (args, result.stderr)
        assert result.stderr.strip() == f"Error: cannot reach Redis at {url}: Error 111 connecting to 127.0.0.1:" \
            f"{url.split(':')[2].split('/')[0]}. Connection refused.", result.stderr
        if args[0] != "store":
            assert not (tmp_path / "a.db").exists()  # a worker never opens the archive


def test_bad_redis_url_is_one_line(kznews, tmp_path):
    result = kznews("store", "--redis", "http://not-redis/0", db=tmp_path / "a.db")
    assert result.returncode == 1
    assert result.stderr.startswith("Error: bad Redis URL 'http://not-redis/0'") and result.stderr.count("\n") == 1
