"""Past attempts: kept without personal numbers, written atomically, a corrupt file set aside;
and the ``forget`` command that erases them."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from repetition_3422.cli.forget import forget
from repetition_3422.history import KEEP, Attempt, data_dir, history_path, load_history
from repetition_3422.settings import Settings, save_settings, settings_path


@pytest.fixture(autouse=True)
def _folders(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("REPETITION_3422_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("REPETITION_3422_CONFIG_DIR", str(tmp_path / "config"))


def attempt(score: int = 50, scenario: str = "opposition", when: str = "10:00") -> Attempt:
    return Attempt(
        scenario=scenario,
        date=f"2025-03-03T{when}:00",
        difficulty="moyen",
        mode="practice",
        outcome="opposition-enregistree",
        score=score,
        failed=("justificatif-demande",),
    )


def test_the_env_var_moves_the_data_folder(tmp_path: Path) -> None:
    assert data_dir() == tmp_path / "data"
    assert history_path() == tmp_path / "data" / "history.json"


def test_no_file_is_an_empty_history() -> None:
    history = load_history()
    assert history.attempts == ()
    assert history.set_aside is None


def test_attempts_are_saved_and_read_back() -> None:
    history = load_history()
    history.add(attempt(40))
    history.add(attempt(80, when="11:00"))
    again = load_history()
    assert again.attempts == (attempt(40), attempt(80, when="11:00"))


def test_the_file_holds_only_the_agreed_fields() -> None:
    load_history().add(attempt())
    document = json.loads(history_path().read_text(encoding="utf-8"))
    assert document["version"] == 1
    assert set(document["attempts"][0]) == {
        "scenario",
        "date",
        "difficulty",
        "mode",
        "outcome",
        "score",
        "failed",
    }


def test_for_scenario_lists_the_newest_first_and_only_that_scenario() -> None:
    history = load_history()
    for hour in range(10, 17):
        history.add(attempt(hour, when=f"{hour}:00"))
    history.add(attempt(99, scenario="fermeture"))
    recent = history.for_scenario("opposition", limit=3)
    assert [a.score for a in recent] == [16, 15, 14]
    assert [a.scenario for a in history.for_scenario("fermeture")] == ["fermeture"]


def test_only_the_last_attempts_are_kept() -> None:
    history = load_history()
    history._attempts = [attempt(i % 100) for i in range(KEEP)]
    history.add(attempt(7, when="23:59"))
    assert len(history.attempts) == KEEP
    assert history.attempts[-1] == attempt(7, when="23:59")


@pytest.mark.parametrize(
    "content",
    [
        "{not json",
        '{"version": 1}',  # no attempts at all
        '{"attempts": "many"}',  # attempts of the wrong kind
        "[1, 2, 3]",  # not an object
    ],
)
def test_a_corrupt_file_is_set_aside_never_a_traceback(content: str) -> None:
    path = history_path()
    path.parent.mkdir(parents=True)
    path.write_text(content, encoding="utf-8")
    history = load_history()
    assert history.attempts == ()
    assert history.set_aside is not None
    assert history.set_aside.read_text(encoding="utf-8") == content
    assert not path.exists()


def test_malformed_entries_are_skipped() -> None:
    path = history_path()
    path.parent.mkdir(parents=True)
    good = {
        "scenario": "opposition",
        "date": "2025-03-03T10:00:00",
        "difficulty": "moyen",
        "mode": "real",
        "outcome": "ligne-coupee",
        "score": 10,
        "failed": [],
    }
    path.write_text(json.dumps({"attempts": [good, {"score": "x"}, 3]}), encoding="utf-8")
    assert [a.outcome for a in load_history().attempts] == ["ligne-coupee"]


def test_writing_leaves_no_temporary_file() -> None:
    load_history().add(attempt())
    assert [p.name for p in history_path().parent.iterdir()] == ["history.json"]


# ---- forget -------------------------------------------------------------------------------


def test_forget_history_asks_and_keeps_everything_on_no() -> None:
    load_history().add(attempt())
    result = CliRunner().invoke(forget, ["--history"], input="n\n")
    assert result.exit_code == 0
    assert history_path().exists()
    assert "Rien n'a été effacé" in result.output


def test_forget_history_with_yes_erases_only_the_history() -> None:
    load_history().add(attempt())
    save_settings(Settings(theme="light"))
    result = CliRunner().invoke(forget, ["--history", "--yes"])
    assert result.exit_code == 0
    assert not history_path().exists()
    assert settings_path().exists()


def test_forget_all_erases_history_and_settings() -> None:
    load_history().add(attempt())
    save_settings(Settings(theme="light"))
    result = CliRunner().invoke(forget, ["--all"], input="y\n")
    assert result.exit_code == 0
    assert not data_dir().exists()
    assert not settings_path().exists()


def test_forget_with_nothing_kept_says_so() -> None:
    result = CliRunner().invoke(forget, ["--all", "--yes"])
    assert result.exit_code == 0
    assert "Rien à effacer" in result.output
