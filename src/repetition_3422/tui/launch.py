"""Running the app for real: the shipped scenarios, the person's settings and history, a voice."""

from __future__ import annotations

import dataclasses
import gc
from pathlib import Path
from typing import TYPE_CHECKING, Any

from repetition_3422.errors import Repetition3422Error, ScriptError
from repetition_3422.history import load_history
from repetition_3422.settings import Settings, load_settings
from repetition_3422.tui.factory import make_app
from repetition_3422.tui.scenarios import Scenarios

if TYPE_CHECKING:
    from repetition_3422.domain.identity import Identity
    from repetition_3422.engine.settings import CallSettings
    from repetition_3422.language.model import Script
    from repetition_3422.speech.speaker import Listener, Speaker
    from repetition_3422.tui.app import RehearsalApp
    from repetition_3422.tui.outputs import Recorder
    from repetition_3422.tui.ports import SpeakerFactory


def shipped_scripts() -> dict[str, Script]:
    """Every shipped scenario that reads without error (a broken one is left out, not fatal).

    The full checks are skipped: the project's own tests check the shipped scenarios, and
    they would double the time the home screen takes to appear.
    """
    from repetition_3422.language.catalog import scenario_path, shipped_ids
    from repetition_3422.language.loader import read_script

    scripts: dict[str, Script] = {}
    for scenario in shipped_ids():
        try:
            loaded = read_script(scenario_path(scenario))
        except Repetition3422Error:
            continue
        if loaded.script is not None and not any(d.is_error for d in loaded.diagnostics):
            scripts[loaded.script.id] = loaded.script
    return scripts


def shipped_scenarios(first: Script | None = None) -> Scenarios:
    """The shipped scenarios, after ``first`` if given, each read when first played.

    The home screen shows them from their summaries, read in a few milliseconds; a script
    is read in full (without the checks, as :func:`shipped_scripts`) when a call starts.
    """
    from repetition_3422.language.summaries import summaries

    return Scenarios(() if first is None else (first,), summaries=summaries(), read=read_shipped)


def read_shipped(path: Path) -> Script:
    """A shipped script, read without the checks (see :func:`shipped_scripts`).

    Raises:
        ScriptError: the script cannot be read or built; its problems are attached.
    """
    from repetition_3422.language.loader import read_script, script_error

    loaded = read_script(path)
    if loaded.script is None or any(item.is_error for item in loaded.diagnostics):
        raise script_error(path, loaded.diagnostics)
    return loaded.script


def speaker_factory(settings: Settings, voice_engine: str | None = None) -> SpeakerFactory:
    """Builds the voice the settings ask for (``voice_engine`` overrides their engine)."""

    def build(listener: Listener) -> Speaker:
        from repetition_3422.speech.factory import make_speaker
        from repetition_3422.speech.settings import ENGINE_NAMES, EngineName, VoiceSettings

        wanted = voice_engine or settings.voice_engine or "auto"
        engine: EngineName = next((name for name in ENGINE_NAMES if name == wanted), "auto")
        return make_speaker(VoiceSettings(engine=engine, rate=settings.speech_rate), listener)

    return build


def home_app(
    identity: Identity,
    call_settings: CallSettings,
    *,
    voice: bool | None = None,
    voice_engine: str | None = None,
) -> RehearsalApp:
    """The app on its home screen, as the bare ``repetition-3422`` command opens it.

    Args:
        identity: The practice card to start with.
        call_settings: Seed and simulated moment of the calls (level and mode come from
            the person's settings).
        voice: ``--voice``/``--no-voice`` for this session; ``None`` keeps the setting.
        voice_engine: ``--voice-engine`` for this session.
    """
    settings = load_settings()
    if voice is not None:
        settings = dataclasses.replace(settings, speech=voice)
    return make_app(
        scripts=shipped_scenarios(),
        identity=identity,
        call_settings=call_settings,
        speaker=speaker_factory(settings, voice_engine),
        history=load_history(),
        settings=settings,
    )


def run_home(
    identity: Identity,
    call_settings: CallSettings,
    *,
    voice: bool | None = None,
    voice_engine: str | None = None,
) -> int:
    """Open the app on the home screen (the bare ``repetition-3422`` command).

    Args:
        identity: The practice card to start with.
        call_settings: Seed and simulated moment of the calls (level and mode come from
            the person's settings).
        voice: ``--voice``/``--no-voice`` for this session; ``None`` keeps the setting.
        voice_engine: ``--voice-engine`` for this session.

    Returns:
        The exit code (0).
    """
    start(home_app(identity, call_settings, voice=voice, voice_engine=voice_engine))
    return 0


def start(app: RehearsalApp, **run_options: Any) -> None:
    """Run ``app`` until it ends (``run_options`` go to ``App.run``), then close the voice.

    What starting made (modules, the app, the settings) lives as long as the app, so it
    is taken out of the cycle collector's sight: Textual makes many objects as the first
    screen opens, and each collection would walk the startup ones again (about 15 ms).
    """
    gc.freeze()
    try:
        app.run(**run_options)
    finally:
        app.close_voice()


def run_app(
    script_path: Path,
    identity: Identity,
    call_settings: CallSettings,
    *,
    voice: bool | None = None,
    voice_engine: str | None = None,
    transcript: Path | None = None,
    report: Path | None = None,
    record: Recorder | None = None,
) -> int:
    """Open the app on a call of ``script_path`` (``play SCENARIO`` without ``--plain``).

    The file is watched: saved changes reload it (F5 or Ctrl+R too) and the call goes on
    from the same state. A script with errors opens the error panel instead of a call.

    Args:
        script_path: The script (a shipped scenario's file or any path).
        identity: The practice card.
        call_settings: Seed, level, mode and simulated moment of the first call; level and
            mode override the saved preferences for this session.
        voice: ``--voice``/``--no-voice``; ``None`` keeps the setting.
        voice_engine: ``--voice-engine``.
        transcript: ``--transcript FILE.json``, written after each call.
        report: ``--report FILE``, written after each call.
        record: Writes each finished call as a walkthrough (``--record FILE.yaml``).

    Returns:
        The exit code (0).

    Raises:
        FileReadError: the script file cannot be read at all.
    """
    from repetition_3422.language import load
    from repetition_3422.tui.outputs import CallOutputs

    settings = dataclasses.replace(
        load_settings(), difficulty=call_settings.difficulty, mode=call_settings.mode
    )
    if voice is not None:
        settings = dataclasses.replace(settings, speech=voice)
    script: Script | None = None
    error: ScriptError | None = None
    try:
        script = load(script_path)
    except ScriptError as problem:
        error = problem
    scripts = shipped_scenarios(script)
    first = None if script is None else script.id
    app = make_app(
        scripts=scripts,
        identity=identity,
        call_settings=call_settings,
        speaker=speaker_factory(settings, voice_engine),
        history=load_history(),
        settings=settings,
        start_scenario=first,
        watch=script_path,
        script_error=error,
        outputs=CallOutputs(transcript=transcript, report=report, record=record),
    )
    start(app)
    return 0
