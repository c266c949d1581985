"""The extraction's regular expressions, compiled once per Python and kept between processes.

Extraction's patterns are large (every form of a reporting verb, every spelling of a currency or a month in every
Kazakh alphabet), and ``re`` compiles them in Python: seconds of CPU in every process that extracts, that is in a
crawl, in each of its extraction workers, in ``kznews extract`` and ``kznews reextract``.  What ``re`` compiles a
pattern to, its program (a list of opcodes for the ``_sre`` engine), depends only on the pattern, its flags and
the Python that compiled it; so a module's programs are kept in a file of their own for each Python version and
engine (``_sre.MAGIC``), as Python keeps a module's bytecode, and the next process builds each pattern from its
program in microseconds.

This reads ``re``'s compiler (``re._parser``, ``re._compiler``) and ``_sre.compile``, which are not public: any
failure of that path (another Python, a damaged file) falls back to ``re.compile``, so a pattern is always the one
``re.compile`` makes.  The folder is ``KZNEWS_CACHE_DIR``, else ``$XDG_CACHE_HOME/kznews``, else
``~/.cache/kznews``; a process that cannot write there compiles as ``re`` does.
"""

from __future__ import annotations

import atexit
import marshal
import os
import re
import sys
import tempfile
from pathlib import Path
from typing import Any, AnyStr

try:  # the engine and compiler ``re`` is built on (CPython)
    import _sre  # type: ignore[import-not-found]
    from re import _compiler, _parser  # type: ignore[attr-defined]
except ImportError:  # another implementation: patterns compile as usual
    _sre = None

# What ``_sre.compile`` takes after the pattern: flags, program, groups, names, names by group; kept by (pattern, flags)
_Program = tuple[int, list[int], int, dict[str, int], tuple[str | None, ...]]
_Key = tuple[str | bytes, int]


class Patterns:
    """The patterns one module compiles at import, kept in a file of its own: a process that imports the module
    compiles all of them, so what it used is the module's whole current set, and a pattern the module no longer
    has leaves the file at the next write.  ``compile`` only at import, never for patterns built at run time."""

    def __init__(self, module: str) -> None:
        self.module = module
        self._kept: dict[_Key, _Program] | None = None  # read from the file at the first pattern
        self._used: dict[_Key, _Program] = {}  # what this process built: what the file keeps
        self._new = False  # a pattern was compiled here: the file is written at exit

    def compile(self, source: AnyStr, flags: int = 0) -> re.Pattern[AnyStr]:
        """``re.compile(source, flags)``, from the program a previous process kept when there is one."""
        if _sre is None:
            return re.compile(source, flags)
        key = (source, int(flags))
        program = self._load().get(key)
        if program is not None:
            try:
                compiled: re.Pattern[AnyStr] = _sre.compile(source, *program)
            except (TypeError, ValueError, RuntimeError):  # a program this Python's engine does not take
                pass
            else:
                self._used[key] = program
                return compiled
        return self._compile(source, key)

    def _compile(self, source: AnyStr, key: _Key) -> re.Pattern[AnyStr]:
        """Compile as ``re`` does, keeping the program for the file."""
        flags = key[1]
        try:
            parsed = _parser.parse(source, flags)
            code = [int(op) for op in _compiler._code(parsed, flags)]
            names = parsed.state.groupdict
            by_group: list[str | None] = [None] * parsed.state.groups
            for name, group in names.items():
                by_group[group] = name
            program: _Program = (int(flags | parsed.state.flags), code, parsed.state.groups - 1, dict(names),
                                 tuple(by_group))
            compiled: re.Pattern[AnyStr] = _sre.compile(source, *program)
        except (AttributeError, TypeError, ValueError, RuntimeError):  # ``re``'s internals are not what this expects
            return re.compile(source, flags)
        self._used[key] = program
        if not self._new:
            self._new = True
            atexit.register(self._save)
        return compiled

    def _path(self) -> Path:
        """The file of this module's programs, for this Python."""
        folder = os.environ.get("KZNEWS_CACHE_DIR") or Path(
            os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "kznews"
        return Path(folder) / (f"patterns-{self.module}-{sys.implementation.cache_tag}-{sys.hexversion:x}"
                               f"-{_sre.MAGIC}.marshal")

    def _load(self) -> dict[_Key, _Program]:
        """The programs kept by an earlier process (none if the file is missing, unreadable or not a cache)."""
        if self._kept is None:
            try:
                loaded: Any = marshal.loads(self._path().read_bytes())
            except (OSError, EOFError, ValueError, TypeError):
                loaded = None
            self._kept = loaded if isinstance(loaded, dict) else {}
        return self._kept

    def _save(self) -> None:
        """Write the programs this process used in place of the file, at exit: atomically (a process reading it
        meanwhile sees the old file or the new one), and silently when the folder cannot be written."""
        path = self._path()
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            fd, temporary = tempfile.mkstemp(dir=path.parent, prefix=path.name, suffix=".tmp")
            try:
                with os.fdopen(fd, "wb") as fh:
                    fh.write(marshal.dumps(self._used))
                os.replace(temporary, path)
            except BaseException:
                os.unlink(temporary)
                raise
        except OSError:
            pass
