"""Workers of one shared run, through the real CLI against the loopback mirror: every page fetched once."""

from __future__ import annotations

import pytest

from tests.distributed.helpers import FAST, drained, finish, hold_host, release_host_when_joined, stop, worker, writer
from tests.mirror.server import serve
from tests.mirror.site import build_site
from tests.reliability.helpers import article_hits, article_urls, runs, serve_flat, soundness


@pytest.mark.parametrize("workers", [2, 3])
def test_workers_fetch_every_page_exactly_once(tmp_path, redis_server, workers):
    site = build_site(40, seed=4)
    db = tmp_path / "shared.db"
    with serve(site) as server:
        serve_flat(server, site)
        store = writer(redis_server.url, db)
        hold_host(redis_server.client())
        crawls = [worker(redis_server.url, db, "--url", server.url("/all.xml"), *FAST) for _ in range(workers)]
        release_host_when_joined(redis_server.client(), workers)
        results = [finish(c, 240) for c in crawls]
        drained(redis_server.client(), db)
        code, out, err = stop(store)
        hits = article_hits(server, site)
        all_paths = [h.path for h in server.hits]
    assert [r[0] for r in results] == [0] * workers, [r[2][-2000:] for r in results]
    assert code == 0, err[-2000:]
    assert set(hits) == {a.path for a in site.articles}
    assert max(hits.values()) == 1, {p: n for p, n in hits.items() if n > 1}
    assert all_paths.count("/all.xml") == 1  # the start request too: one worker queued it, the others' were seen
    assert article_urls(db) == {a.url(server.base_url) for a in site.articles}
    assert soundness(db).duplicates == 0
    (run,) = runs(db)  # one shared run, every worker in it
    assert run["outcome"] == "finished"
    assert len(run["stats"]["workers"]) == workers
    assert sum(w["pages"] for w in run["stats"]["workers"].values()) == len(server.hits)  # robots.txt included
    assert run["stats"]["kznews/new_articles"] == len(site.articles)
