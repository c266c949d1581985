"""Loaded by every Python subprocess a test starts (tests/conftest.py puts this folder on PYTHONPATH)."""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))  # the repository, for tests.netguard
from tests.netguard import install  # noqa: E402

install()
sys.path.pop(0)
