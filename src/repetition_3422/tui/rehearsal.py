"""Everything the app is built from: loaded scripts, the identity, settings and services."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from repetition_3422.errors import Repetition3422Error
from repetition_3422.settings import save_settings

if TYPE_CHECKING:
    # Only named in annotations: the home screen starts without the engine and the voice.
    from repetition_3422.domain.identity import Identity
    from repetition_3422.engine.settings import CallSettings
    from repetition_3422.history import Attempt, History
    from repetition_3422.language.model import Script
    from repetition_3422.language.summaries import ScenarioSummary
    from repetition_3422.settings import Mode, Settings
    from repetition_3422.speech.speaker import Listener, Speaker
    from repetition_3422.tui.clock import Clock
    from repetition_3422.tui.ports import (
        CallFactory,
        IdentityMaker,
        ReportWriter,
        RunningCall,
        ScriptLoader,
        SpeakerFactory,
    )
    from repetition_3422.tui.scenarios import Scenarios

CARD_SEED_STEP = 7919
"""Distance between the seeds of two successive practice cards (a prime, to spread them)."""


@dataclass
class Rehearsal:
    """The objects the app works with, built once by the factory.

    Attributes:
        scripts: The scenarios by id, in the order the home screen lists them (each
            script is read when first needed).
        identity: The practice card in use.
        call_settings: The engine's ``CallSettings`` the first call starts from.
        speaker: Builds the voice (used when speech is on).
        clock: Every timer of the app.
        history: Past attempts.
        settings: The person's preferences.
        call_factory: Builds an engine call.
        loader: Loads a script file (hot reload).
        identity_maker: Makes a new fictional identity from a seed.
        report_writer: Saves a debrief document, if the documents layer offers it.
        watch: A script file to reload when it changes (``play PATH``).
        settings_file: Where settings are saved (``None``: the user config folder).
    """

    scripts: Scenarios
    identity: Identity
    call_settings: CallSettings
    speaker: SpeakerFactory
    clock: Clock
    history: History
    settings: Settings
    call_factory: CallFactory
    loader: ScriptLoader
    identity_maker: IdentityMaker
    report_writer: ReportWriter | None = None
    watch: Path | None = None
    settings_file: Path | None = None
    calls_made: int = field(default=0, init=False)
    cards_made: int = field(default=0, init=False)

    @property
    def base_seed(self) -> int:
        """The seed the person asked for."""
        return self.call_settings.seed

    def difficulty_for(self, script: Script | ScenarioSummary) -> str:
        """The level to play ``script`` at: the chosen one if the script has it."""
        chosen = self.settings.difficulty
        return chosen if chosen in script.difficulties else script.default_difficulty

    def harder(self, script: Script | ScenarioSummary, difficulty: str) -> str | None:
        """The level after ``difficulty`` in ``script``, or ``None`` at the top."""
        levels = script.difficulties
        index = levels.index(difficulty) if difficulty in levels else len(levels)
        return levels[index + 1] if index + 1 < len(levels) else None

    def settings_for(self, script: Script, difficulty: str | None = None) -> CallSettings:
        """Engine settings for a new call of ``script``: each call gets the next seed."""
        settings = dataclasses.replace(
            self.call_settings,
            seed=self.base_seed + self.calls_made,
            difficulty=difficulty or self.difficulty_for(script),
            mode=self.settings.mode,
        )
        self.calls_made += 1
        return settings

    def new_call(self, script: Script, settings: CallSettings) -> RunningCall:
        """Build a call of ``script`` with the practice card in use."""
        return self.call_factory(script, self.identity, settings)

    def open_speaker(self, listener: Listener) -> Speaker:
        """The voice if speech is on, otherwise a silent speaker."""
        if self.settings.speech:
            return self.speaker(listener)
        from repetition_3422.speech.speaker import SilentSpeaker

        return SilentSpeaker(listener)

    def new_card(self) -> Identity:
        """Replace the practice card with a new fictional one."""
        self.cards_made += 1
        self.identity = self.identity_maker(self.base_seed + CARD_SEED_STEP * self.cards_made)
        return self.identity

    def change_settings(self, **changes: Any) -> str | None:
        """Apply and save setting changes; return a sentence if they could not be saved."""
        self.settings = dataclasses.replace(self.settings, **changes)
        try:
            save_settings(self.settings, self.settings_file)
        except Repetition3422Error as error:
            return str(error)
        return None

    @property
    def mode(self) -> Mode:
        """``practice`` or ``real``."""
        return self.settings.mode

    def record(self, attempt: Attempt) -> str | None:
        """Add ``attempt`` to the history; return a sentence if it could not be saved."""
        try:
            self.history.add(attempt)
        except Repetition3422Error as error:  # a full disk must not end the rehearsal
            return str(error)
        return None
