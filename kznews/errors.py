"""The one user-facing error type: what a person running kznews can act on.

Library layers raise subclasses of ``KznewsError`` with a one-line message (an unknown outlet, a bad URL, an
unusable archive, a refused query).  The command line translates them in one place (``kznews.cli.group``):
the message on stderr as ``Error: <message>``, and the exit code the error class names.  Anything else that
escapes is a bug and keeps its traceback.
"""

from __future__ import annotations

from kznews import exitcodes


class KznewsError(Exception):
    """An error with a one-line message for the user; the command exits with ``exit_code``."""

    exit_code: int = exitcodes.ERROR
