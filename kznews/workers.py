"""Extraction worker processes: extraction holds the GIL, so more cores need more processes.

Used by the crawl (``ExtractPipeline``) and by ``kznews reextract``.
"""

from __future__ import annotations

import ctypes
import os
import signal
import sys
from concurrent.futures import ProcessPoolExecutor
from multiprocessing import get_context

_PR_SET_PDEATHSIG = 1  # linux/prctl.h


def _worker_init() -> None:
    """Set up an extraction worker: it leaves Ctrl-C to its parent (which finishes or stops its
    work), and on Linux it dies with the parent, so a ``kill -9`` of the crawler leaves no worker
    behind (an orphan would also hold the crawler's output open).
    """
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    if sys.platform == "linux":
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL)
        if os.getppid() == 1:  # the parent died before prctl took effect
            os._exit(1)


def extraction_pool(workers: int, start: str = "spawn") -> ProcessPoolExecutor:
    """``workers`` extraction processes, started by spawn, not fork: the crawler process runs
    threads (DNS, the reactor's pool), and a forked child would inherit their locks.  A process
    that runs no threads (``kznews import``) may ask for ``start="fork"``: its workers then begin
    with the modules it has imported, instead of each importing the extraction stack again."""
    return ProcessPoolExecutor(workers, mp_context=get_context(start), initializer=_worker_init)
