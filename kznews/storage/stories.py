"""The same story across outlets: near-duplicate bodies found by MinHash and locality-sensitive hashing.

An article's body, folded and lowercased, is read as the set of its word ``SHINGLE``-grams and sketched by
MinHash in ``NUM_PERM`` values: datasketch's ``affine32`` scheme (each shingle hash pre-mixed by the
MurmurHash3 finalizer, then ``a * h + b`` modulo 2**32), computed for a whole batch of bodies at once with numpy
(datasketch sketches one body at a time; the tests check the values are datasketch's).  The sketch is cut
into ``BANDS`` bands; each band hashes to a key the archive keeps in ``story_bands``.  Two bodies whose shingle
sets are alike share bands (a band is equal with the probability of the Jaccard similarity to the power of its
rows), and a body sharing ``MIN_SHARED_BANDS`` bands or more with an archived one tells the same story.
Republished wire copy, a rewritten lead, a dropped sentence or another dateline leave most shingles alike;
two stories on one topic share a few phrases, not bands.  Bodies of fewer than ``MIN_WORDS`` words (stubs,
captions) are not grouped.  The parameters are chosen from the figures of bench/stories.py.
"""

from __future__ import annotations

import re
import zlib
from collections.abc import Sequence

import numpy as np

SHINGLE = 3  # words per shingle (``_shingles`` mixes three neighbours)
NUM_PERM = 32
BANDS = 8
MIN_SHARED_BANDS = 2
MIN_WORDS = 40
_WORD = re.compile(r"[^\W_]+")


def permutations(num_perm: int) -> tuple[np.ndarray, np.ndarray]:
    """The ``(a, b)`` of ``num_perm`` permutations ``a * h + b`` (``a`` odd), seeded: the same on every machine, so
    the archive's keys stay comparable."""
    rng = np.random.RandomState(1)
    return (rng.randint(0, 2**31, size=num_perm, dtype=np.uint64).astype(np.uint32) * np.uint32(2) + np.uint32(1),
            rng.randint(0, 2**32, size=num_perm, dtype=np.uint64).astype(np.uint32))


PERMUTATIONS = permutations(NUM_PERM)


def _fmix32(h: np.ndarray) -> np.ndarray:
    """MurmurHash3's 32-bit finalizer, element-wise (multiplications wrap modulo 2**32)."""
    h = h ^ (h >> np.uint32(16))
    h = h * np.uint32(0x85EBCA6B)
    h = h ^ (h >> np.uint32(13))
    h = h * np.uint32(0xC2B2AE35)
    return h ^ (h >> np.uint32(16))


def shingles(folded_bodies: Sequence[str | None]) -> list[np.ndarray | None]:
    """For each folded body, 32-bit hashes of its word ``SHINGLE``-grams, lowercased (each word's CRC-32 mixed
    with its neighbours': stable from process to process, as Python's ``hash`` is not); None for a body of fewer
    than ``MIN_WORDS`` words.  The words of every body are hashed in one pass."""
    texts = [_WORD.findall(body.lower()) if body else [] for body in folded_bodies]
    every = [word for words in texts for word in words]
    hashes = np.fromiter(map(zlib.crc32, map(str.encode, every)), dtype=np.uint64, count=len(every))
    mixed = ((hashes[:-2] * np.uint64(0x9E3779B1) + hashes[1:-1] * np.uint64(0x85EBCA77) + hashes[2:])
             & np.uint64(0xFFFFFFFF)).astype(np.uint32)
    out: list[np.ndarray | None] = []
    start = 0
    for words in texts:
        out.append(mixed[start:start + len(words) - SHINGLE + 1] if len(words) >= MIN_WORDS else None)
        start += len(words)
    return out


def signatures(sets: Sequence[np.ndarray]) -> np.ndarray:
    """The MinHash values of each shingle set (``len(sets)`` x ``NUM_PERM``), all sets in one numpy pass."""
    if not sets:
        return np.empty((0, NUM_PERM), dtype=np.uint32)
    starts = np.cumsum([0, *(len(s) for s in sets[:-1])])
    a, b = PERMUTATIONS
    permuted = _fmix32(np.concatenate(sets))[:, None] * a + b
    values: np.ndarray = np.minimum.reduceat(permuted, starts, axis=0)
    return values


def band_keys(values: np.ndarray) -> np.ndarray:
    """One 63-bit key per band of each signature (rows x ``BANDS``): the band's number in the top bits, a hash of
    its values below."""
    rows = values.shape[1] // BANDS
    bands = values.reshape(len(values), BANDS, rows).astype(np.uint64)
    mixed = np.zeros(bands.shape[:2], dtype=np.uint64)
    for i in range(rows):
        mixed = (mixed ^ bands[:, :, i]) * np.uint64(0x100000001B3)  # FNV-1a over the band's values
    mixed ^= mixed >> np.uint64(29)
    keys: np.ndarray = (mixed & np.uint64(2**56 - 1)) | (np.arange(BANDS, dtype=np.uint64) << np.uint64(56))
    return keys.astype(np.int64)


def keys_of(folded_bodies: Sequence[str | None]) -> list[list[int]]:
    """The band keys of each folded body (none for a body too short to group)."""
    sets = shingles(folded_bodies)
    found = [s for s in sets if s is not None]
    keys = iter(band_keys(signatures(found)).tolist())
    return [[] if s is None else next(keys) for s in sets]


def best_match(keys: Sequence[int], holders: dict[int, list[int]]) -> int | None:
    """Of the articles holding one of ``keys`` (``holders``: key -> article ids), the one sharing the most bands,
    the earliest on a tie, if it shares ``MIN_SHARED_BANDS`` or more."""
    shared: dict[int, int] = {}
    for key in keys:
        for article_id in holders.get(key, ()):
            shared[article_id] = shared.get(article_id, 0) + 1
    if not shared:
        return None
    article_id, count = min(shared.items(), key=lambda item: (-item[1], item[0]))
    return article_id if count >= MIN_SHARED_BANDS else None
