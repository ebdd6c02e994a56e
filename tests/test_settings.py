"""The settings file: defaults, round trip, bad values, a broken file set aside."""

from __future__ import annotations

from pathlib import Path

import pytest

from repetition_3422.settings import (
    Settings,
    config_dir,
    load_settings,
    save_settings,
    settings_from_mapping,
    settings_path,
    to_toml,
)


@pytest.fixture(autouse=True)
def _config(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("REPETITION_3422_CONFIG_DIR", str(tmp_path / "config"))


def test_the_env_var_moves_the_config_folder(tmp_path: Path) -> None:
    assert config_dir() == tmp_path / "config"
    assert settings_path() == tmp_path / "config" / "settings.toml"


def test_no_file_gives_the_defaults() -> None:
    assert load_settings() == Settings()
    # Speech is opt-in: a voice out of nowhere would startle an anxious person.
    assert Settings().speech is False
    assert Settings().mode == "practice"


def test_settings_round_trip() -> None:
    chosen = Settings(
        theme="high-contrast",
        speech=True,
        voice_engine="espeak-ng",
        speech_rate=0.8,
        difficulty="difficile",
        mode="real",
    )
    save_settings(chosen)
    assert load_settings() == chosen


def test_none_values_are_left_out_of_the_file() -> None:
    text = to_toml(Settings())
    assert "voice_engine" not in text
    assert "difficulty" not in text
    assert 'theme = "dark"' in text


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ({"theme": "pink"}, Settings()),  # unknown theme
        ({"mode": "exam"}, Settings()),  # unknown mode
        ({"speech": "yes"}, Settings()),  # a string is not a boolean
        ({"speech_rate": 9}, Settings()),  # far too fast
        ({"speech_rate": True}, Settings()),  # a boolean is not a rate
        ({"speech_rate": 1}, Settings(speech_rate=1.0)),  # an integer rate is fine
        ({"difficulty": ""}, Settings()),  # empty names mean nothing
        ({"unknown": 1, "theme": "light"}, Settings(theme="light")),  # extra keys ignored
    ],
)
def test_bad_values_fall_back_to_their_default(raw: dict[str, object], expected: Settings) -> None:
    assert settings_from_mapping(raw) == expected


def test_a_broken_file_is_set_aside_and_defaults_are_used() -> None:
    path = settings_path()
    path.parent.mkdir(parents=True)
    path.write_text("theme = = 'dark'\n", encoding="utf-8")
    assert load_settings() == Settings()
    assert not path.exists()
    aside = list(path.parent.glob("settings.toml.corrupt-*"))
    assert len(aside) == 1
    assert aside[0].read_text(encoding="utf-8") == "theme = = 'dark'\n"


def test_strings_with_quotes_survive_the_round_trip() -> None:
    chosen = Settings(voice_engine='a "quoted" \\ engine')
    save_settings(chosen)
    assert load_settings() == chosen
