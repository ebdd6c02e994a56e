"""Fixtures for the documents' tests: French text, a fresh transcript."""

from __future__ import annotations

import copy
from collections.abc import Iterator

import pytest

from repetition_3422.i18n import current_language, set_language
from tests.documents.helpers import TRANSCRIPT


@pytest.fixture(autouse=True)
def _french() -> Iterator[None]:
    """Documents are checked in French, whatever the machine's locale."""
    before = current_language()
    set_language("fr")
    yield
    set_language(before)


@pytest.fixture
def transcript() -> dict[str, object]:
    """A fresh copy of :data:`TRANSCRIPT`, free to change."""
    return copy.deepcopy(TRANSCRIPT)
