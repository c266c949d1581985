"""Near-duplicate stories: precision and recall of grouping real bodies with their edited copies, and the cost.

Real bodies: the article bodies of ``../shared/evaldata`` (Zyte's and WCXB's ground truth) and the Russian and
Kazakh texts of ``bench/wordforms`` of 40 words or more.  Each body gets an edited copy, as a republication or a
rewrite makes one (the edit picked by a seeded draw per body): a sentence dropped, the lead rewritten (its
first sentence replaced by a sentence of another body), the dateline changed (a Kazakh agency's dateline put
before it), or all three.  Every original and copy goes through the grouping in one pool; a pair is right when
both sides of one body are grouped together, wrong when two different bodies are (the pool holds many bodies
of one site, which share boilerplate).  Precision and recall are over pairs, for:

- ``minhash``: kznews.storage.stories (datasketch's MinHash scheme in one numpy pass, LSH bands in the archive)
  at several band counts and thresholds;
- ``simhash``: the simhash library's 64-bit fingerprint of the same shingles, grouped at Hamming distance <= k.

Cost per article: the seconds each method spends per body, and the archive writer's (``bench/archive.py``).
Bodies are split in halves by a hash of their id (``bench.cases.half``); the parameters were chosen on the
rule half; both are reported.

Usage: ``python bench/stories.py [--no-append]``
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
import time
from collections.abc import Callable
from itertools import combinations
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.cases import half  # noqa: E402
from bench.results import append  # noqa: E402
from bench.wordforms import SHARED, documents  # noqa: E402
from kznews.storage import stories  # noqa: E402
from kznews.storage.folding import fold  # noqa: E402

_SENTENCE = re.compile(r"(?<=[.!?»])\s+")
DATELINES = ["АСТАНА. КАЗИНФОРМ – ", "Алматы. 16 апреля. КазТАГ - ", "ASTANA. Kazinform – ", "Астана. 5 наурыз. ҚазАқпарат – "]


def bodies() -> list[tuple[str, str]]:
    """``(id, body)`` of every real body of 40 words or more."""
    out = []
    zyte = json.loads((SHARED / "evaldata/zyte/ground-truth.json").read_text("utf-8"))
    out += [(f"zyte-{k[:12]}", v.get("articleBody") or "") for k, v in sorted(zyte.items())]
    for path in sorted((SHARED / "evaldata/wcxb-dev-articles/ground-truth").glob("*.json")):
        truth = json.loads(path.read_text("utf-8"))["ground_truth"]
        out.append((f"wcxb-{path.stem}", truth.get("main_content") or ""))
    out += [(d.id, d.text) for d in documents()]
    return [(i, b) for i, b in out if len(b.split()) >= stories.MIN_WORDS and len(_SENTENCE.split(b)) >= 3]


def edited(body: str, other: str, rng: random.Random) -> str:
    """A republished or rewritten copy of ``body``: a sentence dropped, the lead rewritten, the dateline changed,
    or all three (``other``: a body the rewritten lead is taken from)."""
    sentences = _SENTENCE.split(body)
    edit = rng.choice(["drop", "lead", "dateline", "all"])
    if edit in ("drop", "all"):
        del sentences[rng.randrange(1, len(sentences))]
    if edit in ("lead", "all"):
        sentences[0] = rng.choice(_SENTENCE.split(other))
    text = " ".join(sentences)
    return rng.choice(DATELINES) + text if edit in ("dateline", "all") else text


def minhash_groups(texts: list[str], bands: int, min_shared: int, num_perm: int) -> list[int]:
    """The group of each text, grouped as the archive writer groups (first holder of shared bands)."""
    saved = stories.BANDS, stories.MIN_SHARED_BANDS, stories.NUM_PERM, stories.PERMUTATIONS
    stories.BANDS, stories.MIN_SHARED_BANDS, stories.NUM_PERM = bands, min_shared, num_perm
    stories.PERMUTATIONS = stories.permutations(num_perm)
    try:
        holders: dict[int, list[int]] = {}
        group: list[int] = []
        for i, keys in enumerate(stories.keys_of([fold(t) for t in texts])):
            match = stories.best_match(keys, holders)
            group.append(group[match] if match is not None else i)
            for key in keys:
                holders.setdefault(key, []).append(i)
        return group
    finally:
        stories.BANDS, stories.MIN_SHARED_BANDS, stories.NUM_PERM, stories.PERMUTATIONS = saved


def simhash_groups(texts: list[str], distance: int) -> list[int]:
    from simhash import Simhash, SimhashIndex

    index = SimhashIndex([], k=distance)
    group: list[int] = []
    for i, text in enumerate(texts):
        words = re.findall(r"\w+", fold(text).lower())
        fingerprint = Simhash([" ".join(words[j:j + 3]) for j in range(max(1, len(words) - 2))])
        near = [int(x) for x in index.get_near_dups(fingerprint)]
        group.append(group[min(near)] if near else i)
        index.add(str(i), fingerprint)
    return group


def score(group: list[int], origin: list[int]) -> tuple[float, float]:
    truth = {(i, j) for i, j in combinations(range(len(origin)), 2) if origin[i] == origin[j]}
    members: dict[int, list[int]] = {}
    for i, g in enumerate(group):
        members.setdefault(g, []).append(i)
    found = {pair for m in members.values() for pair in combinations(m, 2)}
    right = len(found & truth)
    return right / len(found) if found else 1.0, right / len(truth)


def _fingerprints(folded: list[str]) -> None:
    from simhash import Simhash

    for text in folded:
        words = re.findall(r"\w+", text.lower())
        Simhash([" ".join(words[j:j + 3]) for j in range(max(1, len(words) - 2))])


def _cost(run: Callable[[], object], n: int) -> float:
    """CPU milliseconds per body of ``run`` (the median of three runs)."""
    times = []
    for _ in range(3):
        start = time.process_time()
        run()
        times.append(time.process_time() - start)
    return 1000 * sorted(times)[1] / n


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--no-append", action="store_true")
    args = parser.parse_args(argv)
    rng = random.Random(19)
    found = bodies()
    lines = ["| method | half | bodies | precision | recall |", "|---|---|---|---|---|"]
    for which in ("rules", "test"):
        pool = [(i, b) for i, b in found if half(f"stories:{i}", frozenset()) == which]
        texts, origin = [], []
        for n, (_, body) in enumerate(pool):
            texts += [body, edited(body, pool[(n + 1) % len(pool)][1], rng)]
            origin += [n, n]
        order = list(range(len(texts)))
        random.Random(7).shuffle(order)  # copies arrive before or after their originals, among other bodies
        texts, origin = [texts[i] for i in order], [origin[i] for i in order]
        for num_perm, bands, min_shared in ((64, 16, 2), (64, 16, 3), (32, 8, 1), (32, 8, 2), (128, 32, 3)):
            p, r = score(minhash_groups(texts, bands, min_shared, num_perm), origin)
            lines.append(f"| minhash {num_perm} perms, {bands} bands, >= {min_shared} shared | {which} | {len(pool)} |"
                         f" **{p:.3f}** | **{r:.3f}** |")
        for distance in (3, 6, 10):
            p, r = score(simhash_groups(texts, distance), origin)
            lines.append(f"| simhash 64 bits, distance <= {distance} | {which} | {len(pool)} | **{p:.3f}** | **{r:.3f}** |")
    folded = [fold(b) for _, b in found]
    minhash_ms = _cost(lambda: stories.keys_of(folded), len(folded))
    simhash_ms = _cost(lambda: _fingerprints(folded), len(folded))
    words = sum(len(b.split()) for b in folded) / len(folded)
    lines += ["", f"Sketch cost per body ({words:.0f} words on average), CPU: minhash (kznews.storage.stories.keys_of, "
              f"a batch at a time) **{minhash_ms:.3f} ms**, simhash (the library's fingerprint) **{simhash_ms:.3f} ms**."]
    report = "\n".join(lines) + (
        f"\n\nThe archive's setting: {stories.NUM_PERM} perms, {stories.BANDS} bands, >= {stories.MIN_SHARED_BANDS}"
        f" shared; bodies of {stories.MIN_WORDS} words or more; each body and one edited copy in the pool.")
    print(report)
    if not args.no_append:
        append("stories (near-duplicate grouping)", report, __file__, argv)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
