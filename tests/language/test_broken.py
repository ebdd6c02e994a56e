"""One small broken script per check: each must give its code at the exact line and column.

Each file of ``tests/data/broken`` starts with ``# attendu: CODE LINE:COLUMN`` (``*`` for
any place); its name starts with the code, so a new check without an example shows up.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from repetition_3422.language import load_and_check
from repetition_3422.language.diagnostics import CODES

BROKEN = Path(__file__).parent.parent / "data" / "broken"
EXPECTED = re.compile(rb"# attendu: (?P<code>[A-Z]\d{3}) (?P<place>\*|\d+:\d+)")


def broken_files() -> list[Path]:
    """Every broken example, sorted by name (so by code)."""
    return sorted(BROKEN.glob("*.yaml"))


def expectation(path: Path) -> tuple[str, str]:
    """The code and ``line:column`` announced on the file's first line."""
    found = EXPECTED.match(path.read_bytes())
    assert found is not None, f"{path.name} does not start with « # attendu: CODE L:C »"
    return found["code"].decode(), found["place"].decode()


@pytest.mark.parametrize("path", broken_files(), ids=lambda path: path.stem)
def test_broken_script_reports_its_code_at_the_exact_place(path: Path) -> None:
    code, place = expectation(path)
    _script, found = load_and_check(path)
    reported = {(item.code, f"{item.mark.line}:{item.mark.column}") for item in found}
    if place == "*":
        assert code in {item.code for item in found}, found
    else:
        assert (code, place) in reported, found
    assert path.name.startswith(code)
    assert all(item.mark.file == str(path) for item in found if item.code == code)


def test_every_code_has_a_broken_example() -> None:
    examples = {expectation(path)[0] for path in broken_files()}
    assert examples == set(CODES)


@pytest.mark.parametrize("path", broken_files(), ids=lambda path: path.stem)
def test_every_diagnostic_has_a_sentence_and_a_real_place(path: Path) -> None:
    _script, found = load_and_check(path)
    for item in found:
        assert item.message.strip()
        assert item.mark.line >= 1
        assert item.mark.column >= 1


def test_the_language_reference_lists_every_code() -> None:
    reference = (Path(__file__).parents[2] / "docs" / "langage.md").read_text(encoding="utf-8")
    for code, kind in CODES.items():
        assert f"| {code} | {kind.name} |" in reference, code
