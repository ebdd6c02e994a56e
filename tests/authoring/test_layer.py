"""The authoring package sits above the engine and below the documents: it imports the
engine, the language and the domain (and the shared errors, files and i18n), never a
front end, Textual, pyttsx3 or click."""

from __future__ import annotations

import ast
import pkgutil
from pathlib import Path

import pytest

from repetition_3422 import authoring

from ..test_architecture import modules_loaded_by

ALLOWED = ("engine", "language", "domain", "authoring", "errors", "files", "i18n")
"""Packages and modules of repetition_3422 that authoring may import."""

MODULES = [
    info.name
    for info in pkgutil.iter_modules(authoring.__path__, prefix="repetition_3422.authoring.")
]


def imported(path: Path) -> set[str]:
    """Every module a source file imports, at its top or inside functions."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module)
    return found


@pytest.mark.parametrize("path", sorted(Path(authoring.__file__).parent.glob("*.py")))
def test_authoring_imports_only_the_layers_below(path: Path) -> None:
    for module in imported(path):
        if module.startswith("repetition_3422."):
            assert module.split(".")[1] in ALLOWED, (path.name, module)
        assert module.split(".")[0] not in ("textual", "pyttsx3", "click"), (path.name, module)


@pytest.mark.parametrize("module", ["repetition_3422.authoring", *MODULES])
def test_authoring_loads_neither_textual_nor_pyttsx3(module: str) -> None:
    loaded = modules_loaded_by(f"import {module}")
    assert not {"textual", "pyttsx3", "click"} & loaded
