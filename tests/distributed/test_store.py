"""``kznews store``: the one writer of a shared run (what it publishes, what survives its death)."""

from __future__ import annotations

import signal
import time

import pytest

from tests.conftest import FAST
from tests.distributed.helpers import (
    drained,
    finish,
    hold_host,
    release_host_when_joined,
    stop,
    worker,
    writer,
)
from tests.mirror.server import Override, serve
from tests.mirror.site import build_site
from tests.reliability.helpers import (
    adhoc,
    article_hits,
    article_urls,
    count_articles_readonly,
    crawl,
    refetched,
    runs,
    serve_flat,
    soundness,
    wait_for,
)


def test_an_incremental_run_across_workers_refetches_nothing_archived(tmp_path, redis_server):
    site = build_site(20, seed=10)
    db = tmp_path / "seeded.db"
    with serve(site) as server:
        serve_flat(server, site)
        assert crawl(db, *adhoc(server, "/all.xml", *FAST)).returncode == 0  # a one-machine crawl archived everything
        before = article_hits(server, site)
        store = writer(redis_server.url, db)
        wait_for(lambda: redis_server.client().hlen("kznews:archived") >= len(site.articles), 120,
                 "the archive published")
        hold_host(redis_server.client())
        crawls = [worker(redis_server.url, db, "--url", server.url("/all.xml"), *FAST) for _ in range(2)]
        release_host_when_joined(redis_server.client(), 2)
        results = [finish(c, 240) for c in crawls]
        drained(redis_server.client(), db)
        assert stop(store)[0] == 0
        after = article_hits(server, site)
    assert [r[0] for r in results] == [0, 0], [r[2][-2000:] for r in results]
    assert after == before  # the sitemap was read again, no article was
    shared = runs(db)[-1]
    assert shared["outcome"] == "finished" and shared["stats"]["kznews/incremental/skipped"] == len(site.articles)


@pytest.mark.slow  # a shared run of worker processes: `pytest -m slow tests/distributed`
def test_writer_killed_then_restarted_writes_everything_once(tmp_path, redis_server):
    site = build_site(50, seed=8)
    overrides = {a.path: Override(delay=0.15) for a in site.articles}  # the crawl outlives the kill
    db = tmp_path / "writer.db"
    small = ("-s", "KZNEWS_BATCH_SIZE=5", "-s", "KZNEWS_FLUSH_SECONDS=0.5")
    with serve(site, overrides) as server:
        serve_flat(server, site)
        store = writer(redis_server.url, db, *small)
        running = worker(redis_server.url, db, "--url", server.url("/all.xml"), *FAST)
        wait_for(lambda: count_articles_readonly(db) >= 10, 120, "10 archived articles")
        store.send_signal(signal.SIGKILL)  # mid-run: what it read and did not acknowledge dies with it
        finish(store)
        time.sleep(1)
        store = writer(redis_server.url, db, *small)
        result = finish(running, 300)
        drained(redis_server.client(), db)
        code, out, err = stop(store)  # SIGTERM: the batch in hand is committed, exit 0
        hits = article_hits(server, site)
    assert result[0] == 0, result[2][-2000:]
    assert code == 0, err[-2000:]
    assert article_urls(db) == {a.url(server.base_url) for a in site.articles}  # nothing lost
    s = soundness(db)
    assert not s.corrupt and s.duplicates == 0  # nothing written twice
    assert refetched(hits) == 0  # the writer's death costs no fetch
    assert runs(db)[-1]["outcome"] == "finished"
