"""Helpers for the language tests: write a script to a temporary file and load it."""

from __future__ import annotations

import textwrap
from collections.abc import Callable
from pathlib import Path

import pytest

from repetition_3422.language import load_and_check
from repetition_3422.language.diagnostics import Diagnostic
from repetition_3422.language.model import Script

MINIMAL = """\
id: essai
title: Essai
description: Un essai.
start: accueil
personas: {conseillere: {name: Mme Martin}}
outcomes: {ok: Fini}
defaults: {after_retries: fin}
intents:
  oui: [oui, "d'accord"]
  non: [non]
states:
  accueil:
    say: Bonjour.
    on: [{intent: oui, go: fin}]
  fin: {kind: end, outcome: ok}
"""
"""A valid script with no problem at all, to build variations on."""

Write = Callable[..., Path]
Load = Callable[..., tuple[Script | None, list[Diagnostic]]]


@pytest.fixture
def write(tmp_path: Path) -> Write:
    """Write a (dedented) text to a file of ``tmp_path`` and return its path."""

    def _write(text: str, name: str = "script.yaml") -> Path:
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text), encoding="utf-8")
        return path

    return _write


@pytest.fixture
def load(write: Write) -> Load:
    """Write a script and load it: ``(script, diagnostics)``."""

    def _load(text: str, name: str = "script.yaml") -> tuple[Script | None, list[Diagnostic]]:
        return load_and_check(write(text, name))

    return _load


def codes(found: list[Diagnostic]) -> list[str]:
    """The codes of ``found``, in order."""
    return [item.code for item in found]
