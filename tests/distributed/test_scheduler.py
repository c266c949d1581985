"""Workers of one shared run, through the real CLI against the loopback mirror: every page fetched once,
and none lost when a worker is killed (kill -9) mid-run."""

from __future__ import annotations

import json
import signal

import pytest

from tests.conftest import run_kznews
from tests.distributed.helpers import FAST, drained, finish, hold_host, release_host_when_joined, stop, worker, writer
from tests.mirror.server import Override, serve
from tests.mirror.site import build_site
from tests.reliability.helpers import article_hits, article_urls, refetched, runs, serve_flat, soundness, wait_for


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
    args = json.loads(run["args"])
    assert args["url"] == server.url("/all.xml") and args["shared_run"] == 1
    shown = run_kznews("stats", db=db)  # the last runs' table: the shared run and its workers
    assert shown.returncode == 0, shown.stderr
    header, rule, row = shown.stdout.split("Last runs\n")[1].splitlines()[:3]
    assert dict(zip(header.split(), row.split()))["workers"] == str(workers)


def test_worker_killed_then_restarted_loses_nothing(tmp_path, redis_server):
    site = build_site(60, seed=7)
    overrides = {a.path: Override(delay=0.15) for a in site.articles}  # the run outlives the kill
    db = tmp_path / "kill.db"
    with serve(site, overrides) as server:
        serve_flat(server, site)
        args = ("--url", server.url("/all.xml"), "-s", "DOWNLOAD_DELAY=0", "-s", "AUTOTHROTTLE_ENABLED=False")
        store = writer(redis_server.url, db)
        hold_host(redis_server.client())
        doomed, survivor = worker(redis_server.url, db, *args), worker(redis_server.url, db, *args)
        release_host_when_joined(redis_server.client(), 2)
        wait_for(lambda: sum(article_hits(server, site).values()) >= 15, 120, "15 article hits")
        hold_host(redis_server.client())  # the survivor waits for the restarted worker: both finish this run
        doomed.send_signal(signal.SIGKILL)
        finish(doomed)
        wait_for(lambda: redis_server.client().zcard("kznews:workers") == 1, 60, "the killed worker reaped")
        restarted = worker(redis_server.url, db, *args)
        release_host_when_joined(redis_server.client(), 2)
        results = [finish(survivor, 300), finish(restarted, 300)]
        drained(redis_server.client(), db)
        assert stop(store)[0] == 0
        hits = article_hits(server, site)
    assert [r[0] for r in results] == [0, 0], [r[2][-2000:] for r in results]
    assert article_urls(db) == {a.url(server.base_url) for a in site.articles}  # nothing lost
    s = soundness(db)
    assert not s.corrupt and s.duplicates == 0
    # At most what the killed worker held: claimed and not yet through extraction (CONCURRENT_REQUESTS, 16).
    assert refetched(hits) <= 16
