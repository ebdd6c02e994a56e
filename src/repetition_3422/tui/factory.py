"""The factory: build the app from objects that are already loaded (tests build it this way)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING

from repetition_3422.tui.clock import LoopClock
from repetition_3422.tui.rehearsal import Rehearsal
from repetition_3422.tui.scenarios import Scenarios

if TYPE_CHECKING:
    # Only named in annotations: the home screen starts without the engine and the voice.
    from repetition_3422.domain.identity import Identity
    from repetition_3422.engine.settings import CallSettings
    from repetition_3422.errors import Repetition3422Error
    from repetition_3422.history import History
    from repetition_3422.language.model import Script
    from repetition_3422.settings import Settings
    from repetition_3422.tui.app import RehearsalApp
    from repetition_3422.tui.clock import Clock
    from repetition_3422.tui.outputs import CallOutputs
    from repetition_3422.tui.ports import (
        CallFactory,
        IdentityMaker,
        ReportWriter,
        RunningCall,
        ScriptLoader,
        SpeakerFactory,
    )


def make_app(
    *,
    scripts: Iterable[Script] | Mapping[str, Script],
    identity: Identity,
    call_settings: CallSettings,
    speaker: SpeakerFactory,
    clock: Clock | None = None,
    history: History,
    settings: Settings,
    start_scenario: str | None = None,
    watch: Path | None = None,
    script_error: Repetition3422Error | None = None,
    outputs: CallOutputs | None = None,
    call_factory: CallFactory | None = None,
    loader: ScriptLoader | None = None,
    identity_maker: IdentityMaker | None = None,
    report_writer: ReportWriter | None = None,
    settings_file: Path | None = None,
) -> RehearsalApp:
    """Build the rehearsal app from objects that are already loaded.

    Args:
        scripts: The scenarios to offer, in the order to list them: scripts, or
            :class:`~repetition_3422.tui.scenarios.Scenarios` read when first played.
        identity: The practice card.
        call_settings: The engine settings calls start from (seed, level, mode, ``at``);
            each new call takes the next seed, the level and mode chosen on the home screen.
        speaker: Builds the voice, given the app's speech listener (used when the settings
            say speech is on; a silent speaker is used otherwise).
        clock: Every timer of the app (a :class:`~repetition_3422.tui.clock.ManualClock`
            in tests); the event loop's clock by default.
        history: Past attempts (new ones are added to it).
        settings: The person's preferences (saved again when changed on the home screen).
        start_scenario: A script id to call at once (``play SCENARIO``).
        watch: A script file to reload when it changes, or on F5 (``play PATH``).
        script_error: Why ``watch`` did not load: the app opens on the error panel.
        outputs: Files to write after each call (``--transcript``, ``--report``).
        call_factory: Builds a call (the engine's ``Call`` by default).
        loader: Loads a script file (``language.load`` by default).
        identity_maker: Makes a new practice card from a seed (``generate_identity``).
        report_writer: Saves a debrief (``documents.report.render_report`` when it exists).
        settings_file: Where to save settings (the user config folder by default).
    """
    from repetition_3422.tui.app import RehearsalApp

    if isinstance(scripts, Scenarios):
        by_id = scripts
    else:
        by_id = Scenarios()
        for key, script in (
            scripts.items() if isinstance(scripts, Mapping) else ((s.id, s) for s in scripts)
        ):
            by_id[key] = script
    rehearsal = Rehearsal(
        scripts=by_id,
        identity=identity,
        call_settings=call_settings,
        speaker=speaker,
        clock=clock or LoopClock(),
        history=history,
        settings=settings,
        call_factory=call_factory or _engine_call,
        loader=loader or _load_script,
        identity_maker=identity_maker or _generate_identity,
        report_writer=report_writer,
        watch=watch,
        settings_file=settings_file,
    )
    return RehearsalApp(rehearsal, start_scenario, script_error=script_error, outputs=outputs)


def _engine_call(script: Script, identity: Identity, settings: CallSettings) -> RunningCall:
    from repetition_3422.engine.call import Call

    return Call(script, identity, settings)


def _load_script(path: Path) -> Script:
    from repetition_3422.language import load

    return load(path)


def _generate_identity(seed: int) -> Identity:
    from repetition_3422.domain.identity import generate_identity

    return generate_identity(seed)
