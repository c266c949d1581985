"""One writing run per archive: an exclusive ``flock`` on ``<db>.lock`` beside the database.

SQLite's own locks only serialise transactions, so two overlapping cron runs
would interleave their batches and runs.  The lock is held for an
``Archive``'s lifetime and taken without waiting: a second writer fails at
once.  The kernel drops an ``flock`` when its holder dies, so ``kill -9``
never leaves a stale lock.  The file itself is never deleted: unlinking it
would let a late opener lock a different inode than the next one.
"""

from __future__ import annotations

import fcntl
import os
from pathlib import Path

from kznews.storage.errors import ArchiveBusy, ArchiveError


def lock_path(db: Path) -> Path:
    """The lock file of the archive ``db``."""
    return db.with_name(db.name + ".lock")


class WriterLock:
    """An exclusive, non-blocking lock on an archive, held until ``release``."""

    def __init__(self, db: Path, label: str) -> None:
        path = lock_path(db)
        try:
            self._fd: int | None = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
        except OSError as exc:
            raise ArchiveError(f"cannot create lock file {path}: {exc.strerror}") from None
        try:
            fcntl.flock(self._fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            holder = _read_pid(self._fd)
            self.release()
            by = f" (pid {holder})" if holder else ""
            raise ArchiveBusy(
                f"{label} is in use by another kznews run{by}; wait for it to finish or stop it"
            ) from None
        except BaseException:
            self.release()
            raise
        # Who holds it, for the message above (best effort: the lock is the flock, not this).
        os.ftruncate(self._fd, 0)
        os.pwrite(self._fd, f"{os.getpid()}\n".encode(), 0)

    def release(self) -> None:
        """Drop the lock (closing the descriptor releases the flock); idempotent."""
        if self._fd is not None:
            os.close(self._fd)
            self._fd = None


def _read_pid(fd: int) -> int | None:
    try:
        return int(os.pread(fd, 32, 0).decode("ascii").strip())
    except (OSError, UnicodeDecodeError, ValueError):
        return None
