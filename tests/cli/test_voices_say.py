"""``voices`` and ``say``: exit codes, French sentences, atomic WAV files."""

from __future__ import annotations

from pathlib import Path

import pytest

from repetition_3422.cli import main
from tests.speech.helpers import needs_espeak, wav_facts


def run(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    with pytest.raises(SystemExit) as stopped:
        main(args)
    captured = capsys.readouterr()
    return int(stopped.value.code or 0), captured.out, captured.err


@pytest.fixture
def no_engine(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("shutil.which", lambda name: None)
    monkeypatch.setattr("importlib.util.find_spec", lambda name: None)


@pytest.mark.espeak
@needs_espeak
def test_voices_lists_french_voices_of_each_engine(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(["voices"], capsys)
    assert (code, err) == (0, "")
    lines = out.splitlines()
    assert lines[0].split() == ["moteur", "voix", "langue", "nom"]
    assert any(line.startswith("* pyttsx3") and "fr-fr" in line for line in lines)
    assert any(line.startswith("* espeak-ng") and "roa/fr " in line for line in lines)
    assert not any(" en" in line for line in lines[1:-1])


@pytest.mark.espeak
@needs_espeak
def test_voices_all_languages_for_one_engine(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(["voices", "--voice-engine", "espeak-ng", "--all"], capsys)
    assert code == 0
    assert "pyttsx3" not in out
    assert "en-gb" in out


def test_voices_without_any_engine_exits_2(
    no_engine: None, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = run(["voices"], capsys)
    assert (code, out) == (2, "")
    assert err.startswith("Erreur : Aucune voix de synthèse")
    assert "Traceback" not in err


@pytest.mark.espeak
@needs_espeak
@pytest.mark.parametrize("engine", ["pyttsx3", "espeak-ng"])
def test_say_writes_a_wav(engine: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "conseiller.wav"
    args = ["say", "Votre code est K7B2 XM4P 9QRT.", "--out", str(out), "--voice-engine", engine]
    code, stdout, err = run([*args, "--voice", "fr-fr+f2", "--rate", "0.8"], capsys)
    assert (code, err) == (0, "")
    assert str(out) in stdout
    channels, width, seconds, level = wav_facts(out)
    assert (channels, width) == (1, 2)
    assert seconds > 4  # spelled one character at a time, slowly
    assert level > 1000
    assert [p.name for p in tmp_path.iterdir()] == ["conseiller.wav"]  # no temporary left


@pytest.mark.parametrize(
    ("where", "message"),
    [
        ("missing-folder/x.wav", "Le dossier"),
        (".", "est un dossier"),
    ],
)
def test_say_to_a_bad_path_is_a_sentence(
    where: str, message: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = run(["say", "Bonjour.", "--out", str(tmp_path / where)], capsys)
    assert code == 2
    assert message in err
    assert "Traceback" not in err


@pytest.mark.espeak
@needs_espeak
@pytest.mark.skipif(not Path("/proc").is_dir(), reason="needs a folder nobody may write in")
def test_say_to_an_unwritable_folder_is_a_sentence(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = run(["say", "Bonjour.", "--out", "/proc/conseiller.wav"], capsys)
    assert code == 2
    assert err.startswith("Erreur : Impossible d'écrire /proc/conseiller.wav")
    assert "Traceback" not in err


@pytest.mark.espeak
@needs_espeak
def test_say_with_an_unknown_voice(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(
        ["say", "Bonjour.", "--out", str(tmp_path / "x.wav"), "--voice", "zz"], capsys
    )
    assert code == 2
    assert "La voix « zz » n'est pas installée" in err


def test_say_without_engine_exits_2(
    no_engine: None, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = run(["say", "Bonjour.", "--out", str(tmp_path / "x.wav")], capsys)
    assert code == 2
    assert "Aucune voix de synthèse" in err
    assert not (tmp_path / "x.wav").exists()


def test_say_silent_engine_and_empty_text(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = str(tmp_path / "x.wav")
    code, _, err = run(["say", "Bonjour.", "--out", out, "--voice-engine", "silent"], capsys)
    assert code == 2
    assert "silent" in err
    code, _, err = run(["say", "  ", "--out", out], capsys)
    assert code == 2
    assert "vide" in err
