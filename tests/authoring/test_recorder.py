"""``play … --record FILE.yaml``: a call played by hand becomes a walkthrough that passes."""

from __future__ import annotations

import re
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
import yaml

from repetition_3422.authoring.references import Reference, to_step_text
from repetition_3422.authoring.runner import perform
from repetition_3422.cli import play as play_module
from repetition_3422.domain.code import format_code
from repetition_3422.domain.identity import generate_identity, identity_to_dict
from repetition_3422.domain.nir import format_nir, nir_key, nir_spoken
from repetition_3422.domain.vitale import format_serial
from repetition_3422.engine.call import Call
from repetition_3422.engine.settings import CallSettings
from repetition_3422.language import load
from repetition_3422.language.catalog import scenario_path
from repetition_3422.tui.call_session import Action as AppAction
from repetition_3422.tui.call_session import walkthrough_actions

from .helpers import run, write

IDENTITY = generate_identity(7)  # what --seed 7 draws: FICTIF, order number 000
WRONG_KEY = IDENTITY.nir[:-2] + f"{int(IDENTITY.nir[-2:]) % 97 + 1:02d}"
CALL = [
    "1",
    "bonjour je veux m'opposer à mon espace santé",
    "",
    f"c'est le {IDENTITY.code.lower()}",
    format_nir(WRONG_KEY),
    nir_spoken(IDENTITY.nir),
    IDENTITY.vitale_type.replace("-", " "),
    format_serial(IDENTITY.vitale_serial),
    "oui je confirme",
    "vous pouvez m'envoyer un justificatif ?",
    "merci, au revoir",
]


def record(tmp_path: Path, lines: list[str], *extra: str) -> tuple[int, str, Path]:
    out = tmp_path / "walkthroughs" / "enregistre.yaml"
    out.parent.mkdir(exist_ok=True)
    code, stdout, stderr = run(
        "play", "opposition", "--plain", "--seed", "7", "--at", "2025-03-04T10:00",
        "--record", str(out), *extra,
        input_text="".join(f"{line}\n" for line in lines),
    )  # fmt: skip
    assert stderr == ""
    return code, stdout, out


def numbers_of(identity: Any) -> list[str]:
    return [
        identity.code, format_code(identity.code), identity.nir, format_nir(identity.nir),
        identity.vitale_serial, format_serial(identity.vitale_serial), WRONG_KEY,
    ]  # fmt: skip


def test_a_recorded_call_replays_as_a_passing_walkthrough(tmp_path: Path) -> None:
    code, _out, path = record(tmp_path, CALL)
    assert code == 0
    text = path.read_text(encoding="utf-8")
    for number in numbers_of(IDENTITY):
        assert number.lower() not in text.lower()
    assert not re.search(r"\d(?:[ .]?\d){5,}", text)  # no run of digits survives
    data = yaml.safe_load(text)
    assert data["script"] == "opposition"
    (walkthrough,) = data["walkthroughs"]
    assert walkthrough["identity"] == {"seed": 7}
    says = [step["say"] for step in walkthrough["steps"] if "say" in step]
    assert "c'est le {identity.code|grouped}" in says
    assert "{identity.nir|wrong_key}" in says  # the wrong key kept as a wrong key
    assert "{identity.nir|grouped}" in says  # said in words, found all the same
    assert {"silence": True, "expect": {"state": "demande-code"}} in walkthrough["steps"]
    assert walkthrough["expect"]["outcome"] == "opposition-enregistree"
    assert walkthrough["expect"]["rubric"]["justificatif-demande"] is True
    assert "# Mme Lefèvre : " in text  # what the adviser answered, as comments
    code, out, err = run("test", str(path))
    assert code == 0, out + err
    assert "  ✓ Appel enregistré : opposition, graine 7, moyen" in out


def test_a_call_cut_short_is_recorded_with_its_hang_up(tmp_path: Path) -> None:
    code, _out, path = record(tmp_path, ["1", "je veux m'opposer"])
    assert code == 0
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    (walkthrough,) = data["walkthroughs"]
    assert walkthrough["steps"][-1] == {"hangup": True, "expect": {"ended": True}}
    assert walkthrough["expect"]["outcome"] == "raccroche-appelant"
    assert run("test", str(path))[0] == 0


def test_an_identity_file_is_named_not_copied(tmp_path: Path) -> None:
    card = tmp_path / "fiche.yaml"
    card.write_text(yaml.safe_dump(identity_to_dict(generate_identity(11))), encoding="utf-8")
    code, _out, path = record(tmp_path, CALL[:3], "--identity", str(card))
    assert code == 0
    text = path.read_text(encoding="utf-8")
    assert yaml.safe_load(text)["walkthroughs"][0]["identity"] == "../fiche.yaml"
    assert generate_identity(11).nir not in text
    assert run("test", str(path))[0] == 0


def test_a_script_given_by_path_is_named_from_the_walkthrough_folder(tmp_path: Path) -> None:
    from repetition_3422.language.catalog import scenario_path

    script = write(tmp_path, "copie.yaml", scenario_path("exemple").read_text(encoding="utf-8"))
    out = tmp_path / "walkthroughs" / "copie.yaml"
    out.parent.mkdir()
    code, _o, _e = run(
        "play", str(script), "--plain", "--seed", "2", "--record", str(out),
        input_text="je veux m'opposer\n",
    )  # fmt: skip
    assert code == 0
    assert yaml.safe_load(out.read_text(encoding="utf-8"))["script"] == "../copie.yaml"
    assert run("test", str(out))[0] == 0


def test_record_into_a_missing_folder_is_refused_before_the_call(tmp_path: Path) -> None:
    code, out, err = run(
        "play", "opposition", "--plain", "--record", str(tmp_path / "absent" / "x.yaml"),
        input_text="",
    )  # fmt: skip
    assert code == 2
    assert "Le dossier" in err and "n'existe pas" in err
    assert out == ""


def test_a_call_played_in_the_app_is_recorded_and_replays(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    opened: list[dict[str, Any]] = []

    def fake_app(*args: Any, **options: Any) -> int:
        opened.append(options)
        return 0

    monkeypatch.setattr(play_module, "_app_runner", lambda: fake_app)
    target = tmp_path / "appel.yaml"
    code, _out, err = run(
        "play", "opposition", "--seed", "7", "--at", "2025-03-04T10:00", "--record", str(target)
    )  # fmt: skip
    assert code == 0, err
    record = opened[0]["record"]
    # What the app keeps of a call: its own actions, waits as real seconds.
    session = [
        AppAction("advance", seconds=8.04),
        AppAction("press", "1"),
        AppAction("advance", seconds=61.3),
        AppAction("say", "bonjour je veux m'opposer"),
        AppAction("say", f"c'est {format_code(IDENTITY.code)}"),
        AppAction("silence"),
        AppAction("hang_up"),
    ]
    steps = walkthrough_actions(session)
    call = Call(
        load(scenario_path("opposition")),
        IDENTITY,
        CallSettings(7, "moyen", "practice", datetime(2025, 3, 4, 10)),
    )
    call.start()
    for step in steps:
        perform(call, step, IDENTITY)
    record(call, steps)
    text = target.read_text(encoding="utf-8")
    assert IDENTITY.code not in text and format_code(IDENTITY.code) not in text
    says = [
        step["say"] for step in yaml.safe_load(text)["walkthroughs"][0]["steps"] if "say" in step
    ]
    assert "c'est {identity.code|grouped}" in says
    code, out, err = run("test", str(target))
    assert code == 0, out + err


def test_other_numbers_in_what_was_typed_are_masked_and_braces_kept() -> None:
    nir = IDENTITY.nir
    other_body = nir[:7] + "999" + nir[10:13]
    other = other_body + nir_key(other_body)
    text = f"mon nir {format_nir(nir)}, celui de ma sœur {other} {{sic}}"
    step = to_step_text(text, [Reference(nir, "{identity.nir|grouped}")], [nir])
    assert step.startswith("mon nir {identity.nir|grouped}, celui de ma sœur ")
    assert other not in step and "•" in step
    assert step.endswith("{{sic}}")
