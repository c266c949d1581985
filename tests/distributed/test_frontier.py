"""The frontier's scripts on a real Redis: priority within a host across workers, the run's article limit,
a page and its request's end in one step, and what a dead worker's requests go back to."""

from __future__ import annotations

import redis

from kznews.distributed.frontier import Keys, Scripts

P = "t"
K = Keys(P)
HOST = "news.example"
LEASE_MS = 60_000


def _push(client: redis.Redis, scripts: Scripts, *requests: tuple[str, int, str, int], force: str = "0") -> int:
    """Queue ``(url, priority, outlet, limit)`` requests on HOST; how many were queued."""
    args: list[str | int] = [P]
    for url, priority, outlet, limit in requests:
        args += [f"fp:{url}", HOST, f"{url}\npayload of {url}", force, priority, outlet, limit]
    return scripts.push(keys=[K.seen, K.hosts, K.queued, K.seq, K.articles], args=args, client=client)


def _claim(client: redis.Redis, scripts: Scripts, worker: str) -> list[list[bytes]]:
    rows = scripts.claim(keys=[K.hosts, K.inflight(worker), K.queued, K.inflight_n, K.seq, K.archived],
                         args=[P, LEASE_MS, 4, worker], client=client)
    client.delete(f"{P}:slot:{HOST}")  # the host's slot given back at once: the next claim may take its next request
    client.zadd(K.hosts, {HOST: 0}, xx=True)
    return rows


def _url(row: list[bytes]) -> str:
    return row[1].split(b"\n", 1)[0].decode()


def test_a_hosts_requests_go_out_by_priority_then_in_order_whichever_worker_claims(redis_server):
    client = redis_server.client()
    scripts = Scripts(client)
    _push(client, scripts, ("/listing-1", 0, "", 0), ("/article-1", 10, "", 0), ("/sitemap", -5, "", 0))
    _push(client, scripts, ("/article-2", 10, "", 0), ("/listing-2", 0, "", 0))
    claimed = [_url(row) for worker in ("a", "b", "a", "b", "a") for row in _claim(client, scripts, worker)]
    assert claimed == ["/article-1", "/article-2", "/listing-1", "/listing-2", "/sitemap"]
    assert int(client.get(K.queued)) == 0 and int(client.get(K.inflight_n)) == 5


def test_a_dead_workers_requests_go_back_where_they_were(redis_server):
    client = redis_server.client()
    scripts = Scripts(client)
    _push(client, scripts, ("/low", 0, "", 0), ("/high", 5, "", 0), ("/high-later", 5, "", 0))
    (row,) = _claim(client, scripts, "dead")
    assert _url(row) == "/high"
    scripts.leave(keys=[K.workers], args=[P, "dead", 0], client=client)
    assert [_url(r) for w in ("b", "b", "b") for r in _claim(client, scripts, w)] == ["/high", "/high-later", "/low"]
    assert int(client.get(K.inflight_n)) == 3 and int(client.get(K.queued)) == 0


def test_article_requests_beyond_the_outlets_limit_are_refused_whoever_queues_them(redis_server):
    client = redis_server.client()
    scripts = Scripts(client)
    assert _push(client, scripts, ("/a1", 0, "outlet", 3), ("/a2", 0, "outlet", 3), ("/a1", 0, "outlet", 3)) == 2
    assert _push(client, scripts, ("/a3", 0, "outlet", 3), ("/a4", 0, "outlet", 3), ("/other", 0, "other", 3)) == 2
    assert _push(client, scripts, ("/listing", 0, "", 3)) == 1  # not an article request: no limit
    assert _push(client, scripts, ("/a1", 0, "outlet", 3), force="1") == 1  # a retry is not counted again
    assert {k.decode(): int(v) for k, v in client.hgetall(K.articles).items()} == {"outlet": 3, "other": 1}
    assert not client.sismember(K.seen, "fp:/a4")  # refused, not seen: a later run may queue it


def test_a_page_sent_with_its_requests_end_is_not_fetched_again_when_the_worker_dies(redis_server):
    client = redis_server.client()
    scripts = Scripts(client)
    _push(client, scripts, ("/streamed", 0, "", 0), ("/held", 0, "", 0))
    (first,) = _claim(client, scripts, "w")
    (second,) = _claim(client, scripts, "w")
    scripts.stream(keys=[K.pages, K.inflight("w"), K.inflight_n], args=[first[0], "kind", "page", "data", "x"],
                   client=client)
    assert client.xlen(K.pages) == 1 and client.hkeys(K.inflight("w")) == [second[0]]
    assert scripts.leave(keys=[K.workers], args=[P, "w", 0], client=client) == 1  # only the one without its page
    assert [_url(r) for r in _claim(client, scripts, "b")] == ["/held"]
    assert int(client.get(K.inflight_n)) == 1
