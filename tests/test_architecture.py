"""Layers import one way: the core never pulls in Textual or pyttsx3, and CLI commands that
do not open the app start without Textual."""

from __future__ import annotations

import json
import pkgutil
import subprocess
import sys
from pathlib import Path

import pytest

import repetition_3422

CORE_PACKAGES = ("domain", "language", "engine", "authoring", "plain", "documents")
"""Packages below the speech layer: they may import neither Textual nor pyttsx3."""

SPEECH_PACKAGES = ("speech",)
"""The speech layer may import pyttsx3 (in its child process) but never Textual."""


def modules_loaded_by(code: str) -> set[str]:
    """Run ``code`` in a fresh interpreter and return the top-level modules it loaded."""
    probe = (
        "import atexit, json, sys\n"
        "atexit.register(lambda: print(json.dumps(sorted({m.split('.')[0] for m in sys.modules})),"
        " file=sys.__stderr__))\n" + code
    )
    completed = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, timeout=60, check=False
    )
    last_line = completed.stderr.strip().splitlines()[-1]
    loaded: list[str] = json.loads(last_line)
    return set(loaded)


def submodules(package: str) -> list[str]:
    """Every module of ``repetition_3422.<package>``, if that package exists yet."""
    root = f"repetition_3422.{package}"
    try:
        module = __import__(root, fromlist=["__path__"])
    except ModuleNotFoundError:
        return []
    names = [root]
    for info in pkgutil.walk_packages(module.__path__, prefix=f"{root}."):
        if not info.name.endswith("__main__"):
            names.append(info.name)
    return names


def test_the_probe_sees_textual_when_it_is_imported() -> None:
    # Without this, every test below could pass by never seeing anything.
    assert "textual" in modules_loaded_by("import textual")
    assert "textual" not in modules_loaded_by("import json")


@pytest.mark.parametrize("module", [m for package in CORE_PACKAGES for m in submodules(package)])
def test_core_module_imports_neither_textual_nor_pyttsx3(module: str) -> None:
    loaded = modules_loaded_by(f"import {module}")
    assert "textual" not in loaded
    assert "pyttsx3" not in loaded


@pytest.mark.parametrize("module", [m for p in SPEECH_PACKAGES for m in submodules(p)])
def test_speech_module_does_not_import_textual(module: str) -> None:
    assert "textual" not in modules_loaded_by(f"import {module}")


APP_COMMANDS = {"play", "workshop", "serve"}
"""Commands that open the app (or may): they are allowed to import Textual."""


def test_commands_that_do_not_open_the_app_never_import_textual() -> None:
    from repetition_3422.cli import COMMANDS

    for name in sorted(set(COMMANDS) - APP_COMMANDS):
        loaded = modules_loaded_by(
            "from repetition_3422.cli import main\n"
            "try:\n"
            f"    main([{name!r}, '--help'])\n"
            "except SystemExit:\n"
            "    pass\n"
        )
        assert "textual" not in loaded, name


def test_import_linter_contracts_hold() -> None:
    completed = subprocess.run(
        [str(Path(sys.executable).parent / "lint-imports"), "--no-cache"],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
        cwd=Path(repetition_3422.__file__).parents[2],
    )
    assert completed.returncode == 0, completed.stdout + completed.stderr
