"""Run the kznews CLI in this process and write its peak RSS (KiB) to a file at exit.

    python -m tests.reliability.rss_run RSS_FILE --db DB crawl ...

The suite measures memory through this wrapper: ``ru_maxrss`` of the process
itself is exact, where polling would miss a short peak.
"""

import atexit
import resource
import sys


def _dump(path: str) -> None:
    with open(path, "w", encoding="ascii") as f:
        f.write(str(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss))


if __name__ == "__main__":
    out = sys.argv[1]
    sys.argv = ["kznews", *sys.argv[2:]]
    atexit.register(_dump, out)
    from kznews.cli import main

    main()
