"""Workers of one shared run, through the real CLI against the loopback mirror: every page fetched once,
--max-articles for the whole run, the run's end when nothing waits and nothing is held, and none lost when a
worker is killed (kill -9) mid-run."""

from __future__ import annotations

import json
import signal
import time

import pytest

from tests.conftest import FAST, run_kznews
from tests.distributed.helpers import drained, finish, hold_host, release_host_when_joined, stop, worker, writer
from tests.mirror.server import Override, serve
from tests.mirror.site import build_site
from tests.reliability.helpers import (
    XML,
    article_hits,
    article_urls,
    refetched,
    runs,
    serve_flat,
    soundness,
    wait_for,
)


@pytest.mark.parametrize("workers", [2, pytest.param(3, marks=pytest.mark.slow)])
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


@pytest.mark.slow  # a shared run of worker processes: `pytest -m slow tests/distributed`
def test_max_articles_holds_for_the_run_which_ends_when_nothing_waits_and_nothing_is_held(tmp_path, redis_server):
    site = build_site(24, seed=11)
    paths = [a.path for a in site.articles]
    slow = 3.0
    overrides = {"/index.xml": Override(status=200, content_type=XML)}
    db = tmp_path / "limit.db"  # never opened: no writer, the pages stay in the stream
    with serve(site, overrides) as server:
        overrides["/index.xml"].body = (
            '<?xml version="1.0" encoding="UTF-8"?>\n<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
            f"<sitemap><loc>{server.url('/a.xml')}</loc></sitemap></sitemapindex>\n").encode()
        serve_flat(server, site, "/a.xml", paths=paths[:12])  # each worker finds its own 12 articles
        serve_flat(server, site, "/b.xml", paths=paths[12:])
        overrides["/a.xml"].delay = slow  # held by one worker while the frontier is empty: the other must not leave
        client = redis_server.client()
        hold_host(client)
        crawls = [worker(redis_server.url, db, "--url", server.url(start), "--max-articles", "5", *FAST)
                  for start in ("/index.xml", "/b.xml")]
        release_host_when_joined(client, 2)
        ended: dict[int, float] = {}
        deadline = time.monotonic() + 240
        while len(ended) < 2 and time.monotonic() < deadline:
            ended |= {i: time.monotonic() for i, c in enumerate(crawls) if i not in ended and c.poll() is not None}
            time.sleep(0.05)
        results = [finish(c, 10) for c in crawls]
        hits = article_hits(server, site)
        (answered,) = [h.time + slow for h in server.hits if h.path == "/a.xml"]
        pages = [e for _, e in client.xrange("kznews:pages") if e[b"kind"] == b"page"]
    assert [r[0] for r in results] == [0, 0], [r[2][-2000:] for r in results]
    assert sum(hits.values()) == 5 and max(hits.values()) == 1, hits  # one worker alone would stop at 5, both at 10
    assert len(pages) == 5
    assert min(ended.values()) > answered  # neither left while a sitemap was held
    assert client.hget("kznews:run", "state") == b"finished" and int(client.get("kznews:inflight_n")) == 0


@pytest.mark.slow  # a shared run of worker processes: `pytest -m slow tests/distributed`
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
    # At most what the killed worker had downloaded and not yet sent to the stream: its one download from the
    # host and KZNEWS_REDIS_BACKLOG (4) waiting for extraction; a page sent is not fetched again.
    assert refetched(hits) <= 1 + 4
