"""``play SCENARIO --plain`` per the plain-mode contract, driven through click's test runner."""

from __future__ import annotations

import io
import json
import re
from datetime import datetime
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

import repetition_3422.cli.play as play_command
from repetition_3422.cli import main
from repetition_3422.domain.code import format_code
from repetition_3422.domain.identity import generate_identity, identity_to_dict
from repetition_3422.domain.nir import format_nir
from repetition_3422.domain.vitale import format_serial
from repetition_3422.engine.settings import CallSettings
from repetition_3422.language import load
from repetition_3422.language.catalog import scenario_path
from repetition_3422.plain import run_plain

TUESDAY = "2025-03-04T10:00"
SATURDAY = "2025-03-08T10:00"
IDENTITY = generate_identity(7)  # FICTIF, order number 000; also what --seed 7 draws


def run(*args: str, input_text: str = "") -> tuple[int, str, str]:
    """Run the command line as a person would: exit code, stdout, stderr."""
    runner = CliRunner()
    with runner.isolation(input=input_text) as (stdout, stderr, _output):
        try:
            main(list(args))
            code = 0
        except SystemExit as exit_:
            code = exit_.code if isinstance(exit_.code, int) else 1
        return code, stdout.getvalue().decode(), stderr.getvalue().decode()


def play(*lines: str, at: str = TUESDAY, extra: tuple[str, ...] = ()) -> tuple[int, str, str]:
    return run(
        "play", "opposition", "--plain", "--seed", "7", "--at", at, *extra,
        input_text="".join(f"{line}\n" for line in lines),
    )  # fmt: skip


CARD = f"""\
Votre fiche d'entraînement — FICTIF
  Nom : {IDENTITY.first_name} {IDENTITY.last_name}
  Code confidentiel : {format_code(IDENTITY.code)}
  Numéro de sécurité sociale : {format_nir(IDENTITY.nir)}
  Carte Vitale avec photo, numéro de série : {format_serial(IDENTITY.vitale_serial)}
Ces numéros sont inventés : ils ne sont ceux de personne.
Dites chaque réponse à voix haute avant de la taper. Ligne vide : silence ;
fin de saisie (Ctrl-D) : vous raccrochez.

"""


def test_saturday_call_exactly() -> None:
    code, stdout, stderr = play("1", at=SATURDAY)
    assert (code, stderr) == (0, "")
    assert stdout == CARD + (
        "[serveur vocal] Bienvenue à l'Assurance Maladie. Nos conseillers vous répondent du "
        "lundi au vendredi, de 8 h 30 à 17 h 30, sauf les jours fériés. Merci de rappeler "
        "pendant ces horaires. Vous pouvez aussi faire votre démarche sur monespacesante.fr.\n"
        "[raccroché] L'appel est terminé.\n"
        "\n"
        "Bilan de l'appel\n"
        "Issue : Appel en dehors des horaires d'ouverture\n"
        "Durée : 16 s\n"
    )


def test_menu_then_hang_up_exactly() -> None:
    code, stdout, stderr = play("", "1", extra=("--mode", "real"))
    assert (code, stderr) == (0, "")
    assert stdout == CARD + (
        "[sonnerie] Ça sonne…\n"
        "[serveur vocal] Bienvenue à l'Assurance Maladie. Service gratuit, plus le prix "
        "d'un appel.\n"
        "[serveur vocal] Pour Mon espace santé, tapez 1 ou dites « espace santé ». Pour votre "
        "carte Vitale, tapez 2. Pour une autre question, tapez 3. Pour réécouter ce message, "
        "tapez étoile.\n"
        "Vous : (silence)\n"
        "[serveur vocal] Nous n'avons pas reçu votre choix. Pour Mon espace santé, tapez 1.\n"
        "Vous : 1\n"
        "[attente 1 min] musique d'attente…\n"
        "[serveur vocal] Tous nos conseillers sont en ligne. Merci de patienter, votre appel va "
        "être traité.\n"
        "[serveur vocal] Tous nos conseillers sont en ligne. Merci de patienter, votre appel va "
        "être traité.\n"
        "Mme Lefèvre : Bonjour, Mme Lefèvre à l'appareil. Je vous écoute.\n"
        "[raccroché] Vous avez raccroché.\n"
        "\n"
        "Bilan de l'appel\n"
        "Issue : Vous avez raccroché\n"
        "Durée : 1 min 46\n"
    )  # fmt: skip


CONTRACT_LINE = re.compile(
    r"(?:[^\[(:][^:]* : .+"  # Name : text (the adviser, « Vous », the card and debrief)
    r"|\[[^\]]+\] .+"  # [serveur vocal] …, [attente 1 min] …, [raccroché] …
    r"|\((?:conseil|vous pouvez dire) : .+\)"  # practice mode
    r"|  [✓✗] .+|      .+|Bilan de l'appel|Votre fiche .+|Ces numéros .+|fin de saisie .+|)"
)


def test_a_casual_caller_gets_through() -> None:
    code, stdout, stderr = play(
        "1",
        "bonjour je voudrais m'opposer a mon espace sante",
        "c quoi le code ?",
        IDENTITY.code.lower(),
        format_nir(IDENTITY.nir).replace(" ", "."),
        "avec photo",
        IDENTITY.vitale_serial,
        "oui je suis sur",
        "vous m'envoyez un justificatif par mail svp ?",
        "merci au revoir",
    )
    assert (code, stderr) == (0, "")
    assert "Issue : Opposition enregistrée" in stdout
    assert "  ✓ Demander le justificatif" in stdout
    assert "(conseil : " in stdout  # practice mode is the default
    for line in stdout.splitlines():
        assert CONTRACT_LINE.fullmatch(line), line


def test_digits_are_keys_only_on_the_menu() -> None:
    code, stdout, _stderr = play("1", "1")
    assert code == 0
    # At the adviser's, « 1 » is words, not a key: she does not understand it.
    assert stdout.count("[note]") == 0
    assert "Mme Lefèvre : Excusez-moi, c'est à quel sujet ?" in stdout


def test_real_mode_shows_no_hints() -> None:
    _code, stdout, _stderr = play("1", extra=("--mode", "real"))
    assert "(conseil" not in stdout and "(vous pouvez dire" not in stdout


def test_identity_file_is_used_and_no_card_is_printed(tmp_path: Path) -> None:
    other = generate_identity(4)
    path = tmp_path / "moi.yaml"
    path.write_text(yaml.safe_dump(identity_to_dict(other), allow_unicode=True), encoding="utf-8")
    code, stdout, _stderr = play(
        "1", "je veux m'opposer", other.code, extra=("--identity", str(path))
    )  # fmt: skip
    assert code == 0
    assert "FICTIF" not in stdout
    assert "Mme Lefèvre : Merci, c'est noté." in stdout


def test_transcript_file_is_masked(tmp_path: Path) -> None:
    target = tmp_path / "appel.json"
    code, _stdout, _stderr = play(
        "1", "je veux m'opposer", IDENTITY.code, extra=("--transcript", str(target))
    )
    assert code == 0
    transcript = json.loads(target.read_text(encoding="utf-8"))
    assert transcript["scenario"] == "opposition" and transcript["seed"] == 7
    assert transcript["outcome"]["id"] == "raccroche-appelant"
    assert IDENTITY.code not in target.read_text(encoding="utf-8")


def test_without_plain_the_app_opens(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    opened: list[tuple[object, ...]] = []

    def fake_app(*args: object, **options: object) -> int:
        opened.append((*args, options))
        return 0

    monkeypatch.setattr(play_command, "_app_runner", lambda: fake_app)
    target = tmp_path / "t.json"
    code, stdout, stderr = run("play", "opposition", "--seed", "7", "--transcript", str(target))
    assert (code, stdout, stderr) == (0, "", "")
    path, identity, settings, options = opened[0]
    assert path == scenario_path("opposition") and identity == IDENTITY
    assert isinstance(settings, CallSettings) and settings.seed == 7
    assert options == {
        "transcript": target, "report": None, "voice": None, "voice_engine": None, "record": None
    }  # fmt: skip


def test_without_the_app_the_text_call_runs_with_a_notice(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(play_command, "_app_runner", lambda: None)
    code, stdout, stderr = run("play", "opposition", "--seed", "7", "--at", SATURDAY)
    assert code == 0
    assert "mode texte" in stderr and len(stderr.splitlines()) == 1
    assert "Bilan de l'appel" in stdout


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (("play", "inexistant", "--plain"), "n'est ni un scénario fourni"),
        (("play", "opposition", "--plain", "--at", "samedi"), "--at attend une date"),
        (("play", "opposition", "--plain", "--difficulty", "expert"), "Difficulté inconnue"),
        (("play", "opposition", "--plain", "--seed", "sept"), "--seed attend un nombre"),
        (("play", "opposition", "--plain", "--mode", "examen"), "--mode attend"),
        (("play", "opposition", "--plain", "--identity", "/nulle/part.yaml"), "n'existe pas"),
        (("play", "opposition", "--plain", "--transcript", "/nulle/part/t.json"), "n'existe pas"),
        (("play", "opposition", "--plain", "--report", "bilan.docx"), ".pdf"),
        (("play", "opposition", "--plain", "--report", "/nulle/part/b.md"), "n'existe pas"),
        (("play", "opposition", "--plain", "--voice-engine", "robot"), "Moteur de voix inconnu"),
    ],
)
def test_bad_input_is_a_sentence_with_exit_2(args: tuple[str, ...], words: str) -> None:
    code, stdout, stderr = run(*args)
    assert code == 2
    assert words in stderr
    assert "Traceback" not in stderr and stdout == ""


def test_broken_identity_and_broken_script_are_bad_input(tmp_path: Path) -> None:
    identity = tmp_path / "faux.yaml"
    identity.write_text("code: ABC\nnir: 123\n", encoding="utf-8")
    code, _stdout, stderr = run("play", "opposition", "--plain", "--identity", str(identity))
    assert code == 2 and "Erreur" in stderr and "Traceback" not in stderr
    script = tmp_path / "casse.yaml"
    script.write_text(
        "id: casse\ntitle: Cassé\ndescription: x\nstart: nulle-part\n", encoding="utf-8"
    )
    code, _stdout, stderr = run("play", str(script), "--plain")
    assert code == 2 and "nulle-part" in stderr and "Traceback" not in stderr


def test_scenarios_lists_one_a_line() -> None:
    code, stdout, stderr = run("scenarios")
    assert (code, stderr) == (0, "")
    lines = stdout.splitlines()
    assert "opposition\tRefuser la création de Mon espace santé\t6 min" in lines
    assert all(line.count("\t") == 2 for line in lines)


def test_real_time_waits_the_holds_out() -> None:
    waited: list[float] = []
    stdout = io.StringIO()
    settings = CallSettings(seed=7, difficulty="moyen", mode="real", at=datetime(2025, 3, 4, 10))
    result = run_plain(
        load(scenario_path("opposition")), IDENTITY, settings, io.StringIO("1\n"), stdout,
        show_card=False, real_time=True, sleep=waited.append,
    )  # fmt: skip
    assert sum(waited) == pytest.approx(8 + 60)  # the ring, then the hold
    assert max(waited) <= 1.0
    assert result.outcome == "raccroche-appelant"
    assert stdout.getvalue().startswith("[sonnerie] Ça sonne…\n")
