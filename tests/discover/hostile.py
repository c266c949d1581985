"""Hostile XML documents shared by the discovery tests (billion laughs, XXE)."""

from __future__ import annotations

from pathlib import Path

LAUGHS = '<!ENTITY lol "lol">' + "".join(
    f'<!ENTITY lol{i} "{("&lol%d;" % (i - 1) if i > 1 else "&lol;") * 10}">' for i in range(1, 10)
)


def billion_laughs(root: str, inner: str) -> bytes:
    """A document whose ``inner`` markup may use ``&lol9;`` (10^9 "lol"s if expanded)."""
    return f'<?xml version="1.0"?><!DOCTYPE {root} [{LAUGHS}]>{inner}'.encode()


def xxe(root: str, inner: str, secret: Path) -> bytes:
    """A document whose ``inner`` markup may use ``&xxe;`` (a local file) and loads it as DTD."""
    uri = secret.as_uri()
    return (
        f'<?xml version="1.0"?>\n<!DOCTYPE {root} SYSTEM "{uri}" [\n'
        f'<!ENTITY xxe SYSTEM "{uri}">\n<!ENTITY % pe SYSTEM "{uri}">\n%pe;\n]>\n{inner}'
    ).encode()
