"""Separators people type inside numbers, shared by the validators and the masking."""

from __future__ import annotations

import re

SEPARATOR_CLASS = r"[\s.\-‐‑‒–—_/]"
"""One separator: any whitespace, a dot, a dash (ASCII or typographic), ``_`` or ``/``."""

_SEPARATORS = re.compile(SEPARATOR_CLASS)


def strip_separators(text: str) -> str:
    """Remove every separator from ``text`` (``"2 84.05-75"`` → ``"2840575"``)."""
    return _SEPARATORS.sub("", text)


def first_outside(text: str, allowed: str) -> str | None:
    """The first character of ``text`` that is not in ``allowed``, or ``None``."""
    return next((char for char in text if char not in allowed), None)
