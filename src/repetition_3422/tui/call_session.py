"""A call as the app runs it: the engine, the voice and real time, without any widget.

The call screen only draws what this object reports, so the rules of timing (when a
silence counts, how a hold passes, barge-in) are tested here without Textual.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

from repetition_3422.engine.events import (
    AdviserSaid,
    CallEnded,
    CallEvent,
    HoldEnded,
    HoldStarted,
)
from repetition_3422.language.model import Script
from repetition_3422.speech.speaker import (
    Speaker,
    SpeechEvent,
    SpeechFinished,
    SpeechUnavailable,
    Utterance,
)
from repetition_3422.tui.ports import RunningCall

if TYPE_CHECKING:
    from repetition_3422.authoring.model import Action as WalkthroughAction

SLOWER_RATE = 0.8
"""Speech rate factor of a line the adviser repeats more slowly."""

SKIP_STEPS = 5
"""At most this many jumps to get past one wait (an engine may need a last small step)."""

SKIP_MARGIN = 0.01
"""Seconds added to a skipped wait so that it is surely over."""

Status = Literal["sonnerie", "serveur", "attente", "conseiller", "transfert", "raccroche"]
"""What the status line of the call shows."""

ActionKind = Literal["say", "press", "silence", "advance", "hang_up"]


@dataclass(frozen=True, slots=True)
class Action:
    """One thing the caller (or time) did, kept to replay the call on a reloaded script."""

    kind: ActionKind
    text: str = ""
    seconds: float = 0.0


def walkthrough_actions(actions: Sequence[Action]) -> list[WalkthroughAction]:
    """The caller's actions as a walkthrough's steps (``play --record`` in the app)."""
    from repetition_3422.authoring.model import HangUp, Press, Say, Silence, Wait

    steps: list[WalkthroughAction] = []
    for action in actions:
        match action.kind:
            case "say":
                steps.append(Say(action.text))
            case "press":
                steps.append(Press(action.text))
            case "silence":
                steps.append(Silence())
            case "advance":
                # Rounded up: a replayed wait must not stop a hair before the hold ends.
                steps.append(Wait(math.ceil(action.seconds * 10) / 10))
            case "hang_up":
                steps.append(HangUp())
    return steps


@dataclass(frozen=True, slots=True)
class Hold:
    """The wait in progress: its length, what is heard and how much has passed."""

    seconds: float
    sound: str
    passed: float = 0.0


@dataclass(frozen=True, slots=True)
class Step:
    """What one action produced (``action`` is ``None`` for the start of the call)."""

    action: Action | None
    events: list[CallEvent]


class CallSession:
    """Drives a :class:`RunningCall` in real time and speaks what the advisers say.

    Args:
        call: The engine's call.
        script: Its script (personas' voices and rates).
        speaker: The voice (it applies the person's preferred rate on top of each persona's).
    """

    def __init__(self, call: RunningCall, script: Script, speaker: Speaker) -> None:
        self.call = call
        self.script = script
        self.speaker = speaker
        self.actions: list[Action] = []
        self.hold: Hold | None = None
        self.silent_for = 0.0
        self.speech_problem: str | None = None
        self._speaking = 0
        self.started_at = 0.0
        self.skipped = 0.0
        self._last_tick: float | None = None
        self._in_transfer = False
        self._muted = False
        self._waits = 0

    @classmethod
    def replayed(
        cls,
        call: RunningCall,
        script: Script,
        speaker: Speaker,
        actions: list[Action],
        now: float,
    ) -> tuple[CallSession, list[Step]]:
        """Play ``actions`` again on a fresh ``call``, silently (a script was reloaded).

        The engine is a pure function of its inputs, so the same actions lead to the same
        state as long as the script's paths did not change.

        Returns:
            The session, ready to go on, and what each action produced.
        """
        session = cls(call, script, speaker)
        session._muted = True
        steps = [Step(None, session.start(now))]
        for action in actions:
            steps.append(Step(action, session._replay(action)))
        session._muted = False
        session._last_tick = None  # the next tick starts counting afresh
        if session.hold is not None:
            left = max(session.hold.seconds - session.hold.passed, 0.0)
            speaker.play_sound(session.hold.sound, left)  # type: ignore[arg-type]
        return session, steps

    # ---- caller actions -------------------------------------------------------------

    def start(self, now: float) -> list[CallEvent]:
        """Start the call; ``now`` is the clock's time, the origin of the call timer."""
        self.started_at = self._last_tick = now
        return self._run(self.call.start())

    def say(self, text: str) -> list[CallEvent]:
        """The caller says ``text``."""
        return self._act(Action("say", text), lambda: self.call.say(text))

    def press(self, keys: str) -> list[CallEvent]:
        """The caller presses keypad keys."""
        return self._act(Action("press", keys), lambda: self.call.press(keys))

    def hang_up(self) -> list[CallEvent]:
        """The caller hangs up."""
        if self.call.ended:
            return []
        return self._act(Action("hang_up"), self.call.hang_up)

    def skip_hold(self) -> list[CallEvent]:
        """Let the whole wait pass at once."""
        events: list[CallEvent] = []
        waits = self._waits
        # Only the wait in progress: a script may chain waits, or even loop on one.
        for _attempt in range(SKIP_STEPS):
            if self.hold is None or self._waits != waits or self.call.ended:
                break
            left = max(float(self.call.waiting), 0.0) + SKIP_MARGIN
            self.skipped += left
            events += self._advance(left)
        return events

    def elapsed(self, now: float) -> float:
        """Seconds the call has lasted at ``now``, skipped waits included."""
        return max(now - self.started_at, 0.0) + self.skipped

    def jump(self, state: str) -> list[CallEvent]:
        """Go straight to ``state`` (a reloaded script whose paths changed)."""
        events: list[CallEvent] = []
        self.call.go(state, events)
        return self._run(events)

    def typing(self) -> None:
        """The caller is typing: they are not silent, and the adviser stops (barge-in)."""
        self.silent_for = 0.0
        if self._speaking:
            self.speaker.cancel()
            self._speaking = 0

    # ---- time and speech --------------------------------------------------------------

    def tick(self, now: float) -> list[CallEvent]:
        """Real time moved to ``now``: a hold progresses, a silence may time out."""
        previous = self._last_tick if self._last_tick is not None else now
        self._last_tick = now
        seconds = max(now - previous, 0.0)
        if self.call.ended or seconds == 0.0:
            return []
        if self.hold is not None:
            return self._advance(seconds)
        if self._speaking:
            return []
        self.silent_for += seconds
        if self.silent_for + 1e-9 < self.timeout:
            return []
        self.silent_for = 0.0
        return self._act(Action("silence"), self.call.silence)

    def heard(self, event: SpeechEvent) -> None:
        """Take note of what the voice reports (a line finished, no voice at all)."""
        if isinstance(event, SpeechFinished):
            self._speaking = max(self._speaking - 1, 0)
            if self._speaking == 0:
                self.silent_for = 0.0
        elif isinstance(event, SpeechUnavailable):
            self.speech_problem = event.reason
            self._speaking = 0

    @property
    def timeout(self) -> float:
        """Seconds of silence after which the caller counts as silent, in this state."""
        return self.call.state.reprompts.timeout_s

    @property
    def silence_left(self) -> float | None:
        """Seconds before the silence counts, while the adviser waits for the caller."""
        if self.call.ended or self.hold is not None or self._speaking:
            return None
        return max(self.timeout - self.silent_for, 0.0)

    @property
    def status(self) -> Status:
        """What the status line shows now."""
        if self.call.ended:
            return "raccroche"
        if self.hold is not None:
            if self._in_transfer:
                return "transfert"
            return "sonnerie" if self.hold.sound == "ringing" else "attente"
        if self.call.state.kind == "menu" or self._speaker_is_machine():
            return "serveur"
        return "conseiller"

    @property
    def adviser_name(self) -> str:
        """Name of the persona speaking now."""
        return self.call.speaker.name

    def close(self) -> None:
        """Silence the voice and the hold music."""
        self.speaker.cancel()
        self.speaker.stop_sound()

    # ---- inside -------------------------------------------------------------------------

    def _replay(self, action: Action) -> list[CallEvent]:
        if action.kind == "say":
            return self.say(action.text)
        if action.kind == "press":
            return self.press(action.text)
        if action.kind == "silence":
            return self._act(action, self.call.silence)
        if action.kind == "advance":
            return self._advance(action.seconds)
        return self.hang_up()

    def _act(self, action: Action, step: Callable[[], list[CallEvent]]) -> list[CallEvent]:
        self.actions.append(action)
        self.silent_for = 0.0
        return self._run(step())

    def _advance(self, seconds: float) -> list[CallEvent]:
        if self.hold is not None:
            self.hold = Hold(self.hold.seconds, self.hold.sound, self.hold.passed + seconds)
        last = self.actions[-1] if self.actions else None
        # Consecutive ticks of one wait replay as a single step.
        if last is not None and last.kind == "advance":
            self.actions[-1] = Action("advance", seconds=last.seconds + seconds)
        else:
            self.actions.append(Action("advance", seconds=seconds))
        return self._run(self.call.advance(seconds))

    def _run(self, events: list[CallEvent]) -> list[CallEvent]:
        for event in events:
            self._voice(event)
        return events

    def _voice(self, event: CallEvent) -> None:
        if isinstance(event, AdviserSaid):
            if not self._muted:
                self._speak(event)
        elif isinstance(event, HoldStarted):
            self.hold = Hold(event.seconds, event.sound)
            self._waits += 1
            self._in_transfer = self.call.state.kind == "transfer"
            if not self._muted:
                self.speaker.play_sound(event.sound, event.seconds)
        elif isinstance(event, HoldEnded | CallEnded):
            self.hold = None
            self._in_transfer = False
            if not self._muted:
                self.speaker.stop_sound()

    def _speak(self, said: AdviserSaid) -> None:
        persona = self.script.personas.get(said.persona)
        rate = persona.rate if persona else 1.0
        voice = persona.voice if persona else None
        self._speaking += 1
        self.speaker.speak(
            Utterance(
                text=said.text,
                line_id=said.line_id,
                voice=voice,
                rate=rate * (SLOWER_RATE if said.slower else 1.0),
            )
        )

    def _speaker_is_machine(self) -> bool:
        return self.call.speaker.machine
