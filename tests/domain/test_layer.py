"""The domain layer stays pure: no UI, speech or CLI imports; its doctests run; rule ids known."""

from __future__ import annotations

import doctest
import importlib
import pkgutil
import re
import subprocess
import sys
from pathlib import Path

import pytest

import repetition_3422.domain
from repetition_3422.domain.problems import RULES, InvalidValue, count_detail

MODULES = sorted(
    f"repetition_3422.domain.{module.name}"
    for module in pkgutil.iter_modules(repetition_3422.domain.__path__)
)


@pytest.mark.parametrize("module", MODULES)
def test_domain_imports_no_upper_layer(module: str) -> None:
    forbidden = ("textual", "rich", "pyttsx3", "click", "repetition_3422.engine")
    code = (
        f"import sys, {module}\n"
        f"bad = [name for name in {forbidden!r} if name in sys.modules]\n"
        "others = [name for name in sys.modules if name.startswith('repetition_3422.')"
        " and name.split('.')[1] not in ('domain', 'errors', 'i18n', 'files')]\n"
        "print(bad + others)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "[]"


@pytest.mark.parametrize("module", MODULES)
def test_doctests(module: str) -> None:
    outcome = doctest.testmod(importlib.import_module(module))
    assert outcome.failed == 0


def test_invalid_value() -> None:
    problem = InvalidValue("nir.key", "Une phrase.")
    assert (problem.rule, problem.message, str(problem)) == (
        "nir.key",
        "Une phrase.",
        "Une phrase.",
    )
    assert isinstance(problem, ValueError)
    assert len(set(RULES)) == len(RULES)


@pytest.mark.parametrize(
    ("found", "low", "high", "detail"),
    [
        (14, 15, None, "14 trouvés, il en manque 1"),
        (1, 12, None, "1 trouvé, il en manque 11"),
        (16, 15, None, "16 trouvés, il y en a 1 de trop"),
        (7, 8, 13, "7 trouvés, il en manque 1"),
        (15, 8, 13, "15 trouvés, il y en a 2 de trop"),
    ],
)
def test_count_detail(found: int, low: int, high: int | None, detail: str) -> None:
    assert count_detail(found, low, high) == detail


def test_every_raised_rule_is_listed_and_every_listed_rule_is_raised() -> None:
    folder = Path(repetition_3422.domain.__file__).parent
    source = "\n".join(path.read_text(encoding="utf-8") for path in folder.glob("*.py"))
    raised = set(re.findall(r'InvalidValue\(\s*"([a-z.-]+)"', source))
    assert raised == set(RULES)
