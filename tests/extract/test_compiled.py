"""The extraction's patterns kept between processes: the same patterns as ``re.compile``'s, built from the file."""

from __future__ import annotations

import marshal
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from kznews.extract import compiled, datelines, dates, tickers
from kznews.extract.compiled import Patterns
from tests.conftest import REPO

# Real patterns of the extraction (a ticker's quote, dates in every alphabet, a dateline's forms), and small ones with
# what a program has to carry: named groups, flags set inside the pattern, bytes.
_SOURCES = [(p.pattern, p.flags) for p in (tickers._QUOTE, tickers._MENTION, dates._INSIDE[0], datelines._FORMS[0][0])]
_SOURCES += [(r"(?P<day>\d{1,2})\s+(?i:апреля)", 0), (rb"\d[.,] ?\d{1,5}", 0), (r"(?x) a b # c", re.I)]
_TEXTS = ("Курс доллара: USD 470,50 тенге, евро — 512,3 теңге", "АЛМАТЫ, 16 апреля. КазТАГ - Сегодня",
          "Astana, 5-nauryz 2024 jyl (QazAqparat) —", "1 ЕУРО EUR 513.25", "қаңтардың 3-і күні", "")


def _same(kept: re.Pattern, fresh: re.Pattern, texts: tuple[str, ...]) -> None:
    assert (kept.pattern, kept.flags, kept.groups, kept.groupindex) == (
        fresh.pattern, fresh.flags, fresh.groups, fresh.groupindex)
    for text in texts:
        for start in range(0, len(text) + 1, 3):
            a, b = kept.search(text, start), fresh.search(text, start)
            assert (a and (a.span(), a.groupdict() or a.groups())) == (b and (b.span(), b.groupdict() or b.groups()))


def _kept_in(folder: Path, *sources: tuple[str | bytes, int]) -> Patterns:
    """A module's patterns compiled in a process of their own, which keeps them in ``folder`` at its exit."""
    script = ("import marshal, sys; from kznews.extract.compiled import Patterns\n"
              "p = Patterns('tests.kept')\nfor s, f in marshal.load(sys.stdin.buffer): p.compile(s, f)\n")
    done = subprocess.run([sys.executable, "-c", script], cwd=REPO, capture_output=True,
                          input=marshal.dumps([(s, int(f)) for s, f in sources]),
                          env={**os.environ, "KZNEWS_CACHE_DIR": str(folder)})
    assert done.returncode == 0, done.stderr.decode()
    return Patterns("tests.kept")


def test_a_pattern_built_from_the_kept_program_is_the_pattern_re_compiles(tmp_path: Path,
                                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("KZNEWS_CACHE_DIR", str(tmp_path))
    patterns = _kept_in(tmp_path, *_SOURCES)
    assert len(list(tmp_path.glob("patterns-tests.kept-*.marshal"))) == 1

    fresh = [re.compile(source, flags) for source, flags in _SOURCES]
    monkeypatch.setattr(compiled._parser, "parse", None)  # from the file, or this fails: nothing is compiled again
    kept = [patterns.compile(source, flags) for source, flags in _SOURCES]
    monkeypatch.undo()
    for (source, _), one, other in zip(_SOURCES, kept, fresh, strict=True):
        _same(one, other, tuple(t.encode() for t in _TEXTS) if isinstance(source, bytes) else _TEXTS)


def test_a_damaged_file_or_an_unwritable_folder_compiles_as_re_does(tmp_path: Path,
                                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("KZNEWS_CACHE_DIR", str(tmp_path))
    patterns = _kept_in(tmp_path, (r"(?P<n>\d+)\s*тенге", re.I))
    (path,) = tmp_path.glob("*.marshal")
    path.write_bytes(path.read_bytes()[:100])  # cut short
    _same(patterns.compile(r"(?P<n>\d+)\s*тенге", re.I), re.compile(r"(?P<n>\d+)\s*тенге", re.I), _TEXTS)

    monkeypatch.setenv("KZNEWS_CACHE_DIR", str(path / "not-a-folder"))
    patterns = Patterns("tests.unwritable")
    _same(patterns.compile(r"\d+", 0), re.compile(r"\d+"), _TEXTS)
    patterns._save()  # what runs at exit: nothing written, nothing raised
    assert not list(tmp_path.glob("*unwritable*"))


def test_the_file_keeps_what_the_module_compiles_now(tmp_path: Path) -> None:
    _kept_in(tmp_path, ("old", 0), ("both", 0))
    _kept_in(tmp_path, ("both", 0), ("new", 0))  # the module changed: "old" is gone from it
    (path,) = tmp_path.glob("*.marshal")
    assert sorted(marshal.loads(path.read_bytes())) == [("both", 0), ("new", 0)]
