"""The worker's link to Redis: Redis lost mid-run is one clear error, and the run resumes from the archive."""

from __future__ import annotations

import pytest

from tests.distributed.helpers import drained, finish, stop, worker, writer
from tests.mirror.server import Override, serve
from tests.mirror.site import build_site
from tests.reliability.helpers import (
    article_hits,
    article_urls,
    count_articles_readonly,
    serve_flat,
    soundness,
    wait_for,
)


@pytest.mark.slow  # a shared run of worker processes: `pytest -m slow tests/distributed`
def test_redis_restarted_mid_run_is_a_clear_error_and_resumes(tmp_path, redis_server):
    site = build_site(40, seed=9)
    overrides = {a.path: Override(delay=0.15) for a in site.articles}  # the run outlives the restart
    db = tmp_path / "redis.db"
    with serve(site, overrides) as server:
        serve_flat(server, site)
        args = ("--url", server.url("/all.xml"), "-s", "DOWNLOAD_DELAY=0", "-s", "AUTOTHROTTLE_ENABLED=False")
        store = writer(redis_server.url, db, "-s", "KZNEWS_FLUSH_SECONDS=0.5")
        crawl = worker(redis_server.url, db, *args)
        wait_for(lambda: count_articles_readonly(db) >= 5, 120, "5 archived articles")
        redis_server.stop()  # everything in Redis is lost (no persistence)
        redis_server.start()
        code, out, err = finish(crawl, 120)
        store_code, _, store_err = finish(store, 120)
        assert code != 0 and "lost the shared run" in err, (code, err[-2000:])
        assert store_code != 0 and "Redis" in store_err.strip().splitlines()[-1], store_err[-2000:]
        assert not soundness(db).corrupt
        # Resumed: the writer publishes what the archive holds, a worker starts a new run and fetches the rest.
        store = writer(redis_server.url, db)
        archived, before = article_urls(db), article_hits(server, site)
        wait_for(lambda: redis_server.client().hlen("kznews:archived") >= len(archived), 120, "the archive published")
        result = finish(worker(redis_server.url, db, *args), 300)
        drained(redis_server.client(), db)
        assert stop(store)[0] == 0
        second = article_hits(server, site) - before
    assert result[0] == 0, result[2][-2000:]
    assert article_urls(db) == {a.url(server.base_url) for a in site.articles}
    assert soundness(db).duplicates == 0
    assert archived and not {server.url(path) for path in second} & archived  # nothing archived is fetched again
