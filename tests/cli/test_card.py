"""The ``card`` command: fictional practice cards as JSON, on stdout or in a file."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from repetition_3422.cli import card as card_module
from repetition_3422.cli.card import card
from repetition_3422.domain.identity import generate_identities, identity_from_dict
from repetition_3422.errors import FileWriteError, UsageError


def run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(card, list(args))
    return result.exit_code, result.output


def test_one_card_by_default() -> None:
    code, output = run("--seed", "1")
    assert code == 0
    cards = json.loads(output)
    assert len(cards) == 1
    assert cards[0]["fictif"] is True
    assert cards[0]["nir"][10:13] == "000"


def test_cards_read_back_as_identities() -> None:
    code, output = run("--count", "5", "--seed", "3422")
    assert code == 0
    identities = [identity_from_dict(item) for item in json.loads(output)]
    assert identities == generate_identities(5, seed=3422)


def test_same_seed_same_cards_and_random_without_seed() -> None:
    assert run("--count", "3", "--seed", "9") == run("--count", "3", "--seed", "9")
    assert run("--count", "3")[1] != run("--count", "3")[1]


@pytest.mark.parametrize("count", ["0", "201", "beaucoup"])
def test_count_outside_1_to_200_is_refused(count: str) -> None:
    code, output = run("--count", count)
    assert code == 2
    assert "--count" in output


def test_only_json_for_now() -> None:
    code, output = run("--format", "csv")
    assert code == 2
    assert "json" in output


def test_out_writes_the_file_and_says_so(tmp_path: Path) -> None:
    target = tmp_path / "cartes.json"
    code, output = run("--count", "2", "--seed", "5", "--out", str(target))
    assert code == 0
    assert len(json.loads(target.read_text(encoding="utf-8"))) == 2
    assert "2 cartes écrites" in output
    assert "graine 5" in output
    assert list(tmp_path.iterdir()) == [target]  # no temporary file left behind


def test_out_in_a_missing_folder_is_a_sentence(tmp_path: Path) -> None:
    result = CliRunner().invoke(card, ["--out", str(tmp_path / "absent" / "cartes.json")])
    assert isinstance(result.exception, FileWriteError)
    assert "Impossible d'écrire" in str(result.exception)


def test_help_is_in_french() -> None:
    code, output = run("--help")
    assert code == 0
    assert "FICTIVES" in output
    assert "Nombre de cartes" in output


def test_a_binary_format_needs_out(monkeypatch: pytest.MonkeyPatch) -> None:
    """A later format such as PDF gives bytes: they never go to the terminal."""
    monkeypatch.setitem(card_module.RENDERERS, "json", lambda identities: b"%PDF-1.7")
    result = CliRunner().invoke(card, [])
    assert isinstance(result.exception, UsageError)
    assert "--out" in str(result.exception)
