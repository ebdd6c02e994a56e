"""The ``play`` command: rehearse one call, in the app or as plain text (``--plain``)."""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import click

from repetition_3422.cli.options import parse_seed
from repetition_3422.domain.identity import Identity, generate_identity, load_identity
from repetition_3422.engine.call import Call
from repetition_3422.engine.settings import MODES, CallSettings, Mode
from repetition_3422.errors import ScriptError, UsageError
from repetition_3422.files import write_atomic
from repetition_3422.i18n import _
from repetition_3422.language import load
from repetition_3422.language.catalog import resolve
from repetition_3422.language.model import Script

if TYPE_CHECKING:
    from repetition_3422.authoring.model import Action
    from repetition_3422.plain.voice import PlainVoice
    from repetition_3422.speech.settings import EngineName
    from repetition_3422.tui.outputs import Recorder
    from repetition_3422.tui.ports import RunningCall

TIME_ZONE = "Europe/Paris"
"""The 3422's clock: an ``--at`` with a time zone is converted to it."""


@click.command(
    "play",
    help=_(
        "Répéter un appel au 3422. SCENARIO est un scénario fourni (voir « scenarios ») ou "
        "le chemin d'un script YAML. Sans --identity, une fiche FICTIVE est tirée au sort."
    ),
)
@click.argument("scenario")
@click.option(
    "--identity",
    "identity_file",
    metavar=_("FICHIER"),
    help=_("Fichier d'identité (YAML) : code, NIR, carte Vitale."),
)
@click.option("--seed", metavar="N", help=_("Graine du tirage : même graine, même appel."))
@click.option("--difficulty", metavar=_("NIVEAU"), help=_("facile, moyen ou difficile."))
@click.option(
    "--mode",
    default="practice",
    show_default=True,
    metavar="practice|real",
    help=_("practice : conseils affichés ; real : l'appel sans aide."),
)
@click.option(
    "--at",
    "at_text",
    metavar=_("DATE-HEURE"),
    help=_("Moment simulé de l'appel, par exemple 2025-03-08T10:00 (un samedi)."),
)
@click.option(
    "--transcript",
    "transcript_file",
    metavar=_("FICHIER.json"),
    help=_("Enregistrer la transcription (numéros masqués)."),
)
@click.option(
    "--record",
    "record_file",
    metavar=_("FICHIER.yaml"),
    help=_("Enregistrer l'appel comme parcours de test (numéros remplacés par la fiche)."),
)
@click.option(
    "--report",
    "report_file",
    metavar=_("FICHIER.(pdf|html|md)"),
    help=_("Enregistrer le bilan de l'appel (numéros masqués)."),
)
@click.option(
    "--voice/--no-voice",
    default=None,
    help=_("Entendre le conseiller (synthèse vocale). Par défaut : le réglage de l'application."),
)
@click.option(
    "--voice-engine",
    metavar="auto|pyttsx3|espeak-ng|silent",
    help=_("Moteur de synthèse vocale (auto par défaut)."),
)
@click.option("--plain", is_flag=True, help=_("Appel en mode texte, ligne par ligne."))
@click.option("--real-time", is_flag=True,
              help=_("Attendre vraiment pendant les mises en attente."))  # fmt: skip
def play(scenario: str, **options: Any) -> None:
    """Run one rehearsal call."""
    chosen = PlayOptions(**options)
    seed = parse_seed(chosen.seed)
    mode = parse_mode(chosen.mode)
    at = parse_at(chosen.at_text)
    transcript_path = (
        None if chosen.transcript_file is None else writable(Path(chosen.transcript_file))
    )
    record_path = None if chosen.record_file is None else writable(Path(chosen.record_file))
    report_path = None if chosen.report_file is None else report_target(chosen.report_file)
    engine = parse_voice_engine(chosen.voice_engine)
    path = resolve(scenario)
    script = load_checked(path)
    settings = CallSettings(seed, parse_difficulty(chosen.difficulty, script), mode, at)
    generated = chosen.identity_file is None
    if chosen.identity_file is None:
        identity = generate_identity(seed)
    else:
        identity = load_identity(Path(chosen.identity_file))
    app = None if chosen.plain else _app_runner()
    if app is not None:
        recorder = None
        if record_path is not None:
            recorder = app_recorder(Recorded(scenario, path, chosen.identity_file, record_path))
        app(
            path, identity, settings, transcript=transcript_path, report=report_path,
            voice=chosen.voice, voice_engine=engine, record=recorder,
        )  # fmt: skip
        return
    if not chosen.plain:
        click.echo(
            _("L'application ne peut pas s'ouvrir ici : l'appel se joue en mode texte."), err=True
        )
    from repetition_3422.plain import run_plain

    finished: list[Call] = []
    stdin = sys.stdin if record_path is None else _tap(sys.stdin)
    voice = plain_voice(script, engine) if chosen.voice else None
    run_plain(
        script, identity, settings, stdin, sys.stdout, show_card=generated,
        real_time=chosen.real_time, stderr=sys.stderr, on_end=finished.append, voice=voice,
    )  # fmt: skip
    if transcript_path is not None and finished:
        text = json.dumps(finished[0].transcript(), ensure_ascii=False, indent=2) + "\n"
        write_atomic(transcript_path, text)
    if report_path is not None and finished:
        from repetition_3422.documents.report import render_report

        render_report(finished[0].transcript(), report_path)
    if record_path is not None and finished:
        source = Recorded(scenario, path, chosen.identity_file, record_path)
        write_atomic(record_path, recording(script, source, identity, settings, stdin))


@dataclass(frozen=True)
class PlayOptions:
    """The options of ``play`` as click gives them (text, checked by the ``parse_*`` helpers
    so that every mistake is a French sentence)."""

    identity_file: str | None
    seed: str | None
    difficulty: str | None
    mode: str
    at_text: str | None
    transcript_file: str | None
    record_file: str | None
    report_file: str | None
    voice: bool | None
    voice_engine: str | None
    plain: bool
    real_time: bool


def parse_mode(text: str) -> Mode:
    """``practice`` or ``real``."""
    for mode in MODES:
        if text == mode:
            return mode
    raise UsageError(
        _("--mode attend practice (avec conseils) ou real (sans aide), pas « {text} ».").format(
            text=text
        )
    )


def parse_at(text: str | None) -> datetime:
    """The simulated time of the call (naive, Paris time); now when not given."""
    if text is None:
        return datetime.now().replace(microsecond=0)
    try:
        moment = datetime.fromisoformat(text.strip())
    except ValueError:
        raise UsageError(
            _("--at attend une date et une heure comme 2025-03-08T10:00, pas « {text} ».").format(
                text=text
            )
        ) from None
    if moment.tzinfo is None:
        return moment
    try:
        return moment.astimezone(ZoneInfo(TIME_ZONE)).replace(tzinfo=None)
    except ZoneInfoNotFoundError:  # no time zone database: keep the wall-clock time given
        return moment.replace(tzinfo=None)


def parse_difficulty(text: str | None, script: Script) -> str:
    """The script's default difficulty, or the one asked if the script has it."""
    if text is None:
        return script.default_difficulty
    if text not in script.difficulties:
        raise UsageError(
            _("Difficulté inconnue « {text} » : ce scénario propose {known}.").format(
                text=text, known=", ".join(script.difficulties)
            )
        )
    return text


def parse_voice_engine(text: str | None) -> EngineName | None:
    """The ``--voice-engine`` name, checked; ``None`` keeps the setting."""
    from repetition_3422.speech.settings import ENGINE_NAMES

    if text is None:
        return None
    for name in ENGINE_NAMES:
        if text == name:
            return name
    raise UsageError(
        _("Moteur de voix inconnu « {text} » : choisissez parmi {known}.").format(
            text=text, known=", ".join(ENGINE_NAMES)
        )
    )


def report_target(text: str) -> Path:
    """The ``--report`` file, its folder and extension checked before the call."""
    from repetition_3422.documents.render import format_for

    path = writable(Path(text))
    format_for(path)
    return path


def plain_voice(script: Script, engine: EngineName | None) -> PlainVoice:
    """The adviser's voice for a plain call; one notice on stderr if nothing can be heard."""
    from repetition_3422.plain.voice import PlainVoice
    from repetition_3422.speech.factory import make_speaker
    from repetition_3422.speech.settings import VoiceSettings

    settings = VoiceSettings(engine=engine or "auto")
    return PlainVoice(
        script,
        lambda listener: make_speaker(settings, listener),
        lambda reason: click.echo(reason, err=True),
    )


def load_checked(path: Path) -> Script:
    """The script in ``path``, checked.

    Raises:
        UsageError: the script has errors (for ``play``, a broken script is bad input).
    """
    try:
        return load(path)
    except ScriptError as error:
        raise UsageError(str(error)) from error


def writable(path: Path) -> Path:
    """``path`` if its folder exists, checked before the call rather than after it."""
    folder = path.parent if str(path.parent) else Path()
    if not folder.is_dir():
        raise UsageError(
            _("Le dossier {folder} n'existe pas : impossible d'y enregistrer {name}.").format(
                folder=folder, name=path.name
            )
        )
    return path


def _app_runner() -> Callable[..., Any] | None:
    """The app's ``run_app``, or ``None`` when the app cannot be imported here."""
    try:
        from repetition_3422.tui import run_app
    except ImportError:  # Textual missing or broken: the text call still works
        return None
    return run_app


def _tap(stdin: TextIO) -> TextIO:
    from repetition_3422.authoring.recorder import LineTap

    return LineTap(stdin)


@dataclass(frozen=True)
class Recorded:
    """Where a recorded call came from (the scenario as named, its file, the identity file)
    and where it goes."""

    scenario: str
    path: Path
    identity_file: str | None
    out: Path


def recording(
    script: Script, source: Recorded, identity: Identity, settings: CallSettings, stdin: TextIO
) -> str:
    """The walkthrough file of the call just played on ``stdin`` (a :class:`LineTap`)."""
    from repetition_3422.authoring.recorder import LineTap, plain_actions

    lines = stdin.lines if isinstance(stdin, LineTap) else []
    actions = plain_actions(script, identity, settings, lines)
    return walkthrough(script, source, identity, settings, actions)


def app_recorder(source: Recorded) -> Recorder:
    """What the app calls with each finished call: it writes ``source.out``."""

    def record(call: RunningCall, steps: Sequence[Action]) -> None:
        from repetition_3422.authoring.recorder import referenced_actions

        actions = referenced_actions(call.script, call.identity, call.settings, steps)
        text = walkthrough(call.script, source, call.identity, call.settings, actions)
        write_atomic(source.out, text)

    return record


def walkthrough(
    script: Script,
    source: Recorded,
    identity: Identity,
    settings: CallSettings,
    actions: Sequence[Action],
) -> str:
    """The walkthrough file of a call, naming the script and card as seen from the file."""
    from repetition_3422.authoring.recorder import walkthrough_text
    from repetition_3422.authoring.scripts import script_reference

    folder = source.out.resolve().parent
    script_ref = script_reference(source.scenario, source.path, folder)
    identity_ref: str | dict[str, int] = (
        {"seed": settings.seed}
        if source.identity_file is None
        else os.path.relpath(Path(source.identity_file).resolve(), folder)
    )
    return walkthrough_text(
        script,
        identity,
        settings,
        actions,
        script_ref=script_ref,
        identity_ref=identity_ref,
        name=_("Appel enregistré : {scenario}, graine {seed}, {difficulty}").format(
            scenario=script.id, seed=settings.seed, difficulty=settings.difficulty
        ),
    )
