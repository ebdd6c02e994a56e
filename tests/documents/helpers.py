"""Helpers for the documents' tests: a transcript, text out of a PDF, NIRs found in text."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

TRANSCRIPT: dict[str, object] = {
    "version": 1,
    "scenario": "opposition-simple",
    "seed": 7,
    "difficulty": "facile",
    "mode": "practice",
    "outcome": {"id": "opposition-enregistree", "label": "Opposition enregistrée"},
    "rubric": [
        {
            "id": "justificatif-demande",
            "label": "Justificatif demandé",
            "passed": False,
            "weight": 3,
            "feedback": "Demandez le justificatif avant de raccrocher.",
        },
        {
            "id": "code-donne",
            "label": "Code donné",
            "passed": True,
            "weight": 1,
            "feedback": "Code donné clairement, groupe par groupe.",
        },
        {
            "id": "nom-conseiller-demande",
            "label": "Nom du conseiller demandé",
            "passed": False,
            "weight": 1,
            "feedback": "Demandez le nom du conseiller.",
        },
    ],
    "score": 58.3,
    "duration_s": 372.4,
    "turns": [
        {"speaker": "system", "text": "[serveur vocal] Tapez 1.", "state": "menu", "t": 0},
        {"speaker": "adviser", "text": "Votre numéro, s'il vous plaît ?", "state": "nir", "t": 65},
        {"speaker": "caller", "text": "2 84 •• •• ••• ••• 28", "state": "nir", "t": 95.6},
    ],
}
"""A transcript as the contract describes it, already masked."""


def flat(text: str) -> str:
    """Text with every kind of space (no-break ones too) and line break made one space."""
    return re.sub(r"\s+", " ", text.replace("\u00a0", " ").replace("\u202f", " ")).strip()


def pdf_text(path: Path) -> str:
    """The text of a PDF as ``pdftotext`` reads it, flattened; skips without poppler-utils."""
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext (poppler-utils) is not installed")
    completed = subprocess.run(
        ["pdftotext", "-enc", "UTF-8", str(path), "-"],
        capture_output=True,
        text=True,
        check=True,
        timeout=60,
    )
    return flat(completed.stdout)


def pdf_pages(path: Path) -> int:
    """How many pages a PDF has (a form feed ends each page in ``pdftotext``'s output)."""
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext (poppler-utils) is not installed")
    completed = subprocess.run(
        ["pdftotext", "-layout", str(path), "-"],
        capture_output=True,
        text=True,
        check=True,
        timeout=60,
    )
    return completed.stdout.count("\f")


NIR_LIKE = re.compile(
    r"(?<![\w•])(?:"
    r"[12] \d{2} \d{2} (?:\d{2}|2[AB]) \d{3} (?P<mainland>\d{3}) \d{2}"  # 2 84 05 75 112 000 28
    r"|[12] \d{2} \d{2} 9[78]\d \d{2} (?P<overseas>\d{3}) \d{2}"  # 1 85 12 971 12 000 45
    r"|[12]\d{4}(?:\d{2}|2[AB])\d{3}(?P<compact>\d{3})\d{2}"  # 284057511200028
    r")(?![\w•])"
)
"""A NIR written the usual way (mainland or overseas) or in one piece."""


def order_numbers(text: str) -> list[str]:
    """The order number of every NIR found in ``text``."""
    return [
        match["mainland"] or match["overseas"] or match["compact"]
        for match in NIR_LIKE.finditer(flat(text))
    ]
