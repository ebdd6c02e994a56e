"""The machinery under :class:`~repetition_3422.engine.call.Call`: entering states,
saying lines, holds, transfers, branches, the end of the call.

Front ends use :class:`~repetition_3422.engine.call.Call`; this base class and
:mod:`~repetition_3422.engine.responses` are the engine's inside.
"""

from __future__ import annotations

import random
from dataclasses import replace

from repetition_3422.domain.identity import Identity
from repetition_3422.engine.compiled import compile_script
from repetition_3422.engine.events import (
    AdviserSaid,
    CallEnded,
    CallEvent,
    HoldEnded,
    HoldStarted,
    ScriptFault,
    Transferred,
)
from repetition_3422.engine.holds import HoldProgress, hold_note
from repetition_3422.engine.lines import Voice, speaking_time
from repetition_3422.engine.names import Names
from repetition_3422.engine.record import CallRecord, Visit
from repetition_3422.engine.settings import CallSettings
from repetition_3422.engine.transcript import TurnRecord
from repetition_3422.errors import UsageError
from repetition_3422.i18n import _
from repetition_3422.language.model import (
    HangupBy,
    Hold,
    Line,
    Persona,
    Script,
    State,
    Transition,
)
from repetition_3422.language.transcript import Speaker

MAX_HOPS = 50
"""States entered in a row without waiting for the caller before the call is cut."""

CALLER_HANGUP = "raccroche-appelant"
ADVISER_HANGUP = "raccroche-conseiller"
LINE_CUT = "ligne-coupee"


class CallCore:
    """The state of a call and the moves between states (see :class:`Call`)."""

    def __init__(self, script: Script, identity: Identity, settings: CallSettings) -> None:
        if settings.difficulty not in script.difficulties:
            raise UsageError(
                _("Difficulté inconnue « {level} » : choisissez parmi {known}.").format(
                    level=settings.difficulty, known=", ".join(script.difficulties)
                )
            )
        self.script = script
        self.identity = identity
        self.settings = settings
        self.compiled = compile_script(script)
        self.record = CallRecord(started_at=settings.at, variables=dict(script.variables))
        self._speaker = _first_speaker(script)
        self.names = Names(
            script, identity, settings, self.record, lambda: self.persona_for(self.state)
        )
        self.voice = Voice(self.names, random.Random(settings.seed))
        self.visit = Visit()
        self._state: State | None = None
        self._hold: HoldProgress | None = None
        self._prompt: list[AdviserSaid] = []
        self._turns: list[TurnRecord] = []
        self._ended = False
        self.heard_numbers: set[str] = set()
        """Every attempt at a code, NIR or serial, right or wrong: masked in the transcript
        like the identity's own numbers (a wrong code is still most of the real one)."""

    @property
    def state(self) -> State:
        """The current state (the start state before :meth:`start`)."""
        return self._state or self.script.states[self.script.start]

    def go(self, target: str, events: list[CallEvent]) -> None:
        """Enter ``target`` and follow every state that does not wait for the caller."""
        next_id: str | None = target
        hops = 0
        while next_id is not None and not self._ended:
            hops += 1
            state = self.script.states.get(next_id)
            if hops > MAX_HOPS:
                message = _(
                    "Le scénario tourne en rond sans attendre l'appelant (après « {state} »)."
                )
                self.fatal(message.format(state=next_id), events)
            elif state is None:
                self.fatal(_("L'état « {state} » n'existe pas.").format(state=next_id), events)
            else:
                next_id = self._enter(state, events)

    def take(self, transition: Transition, events: list[CallEvent]) -> str | None:
        """Apply a transition's effects (set, say, do); return the state to go to, if any."""
        for assignment in transition.set:
            current = self.record.variables.get(assignment.variable)
            value = self.voice.value(assignment.expression.source, default=current)
            self.record.variables[assignment.variable] = value
        said = self.say_lines(transition.say, self.persona_for(self.state), events)
        if transition.do == "hangup":
            self.end_call(ADVISER_HANGUP, "conseiller", events)
            return None
        if transition.do in ("repeat", "slower"):
            self._repeat(slower=transition.do == "slower", events=events)
        elif transition.go is None and said:
            self._prompt = said  # a new question asked without leaving the state
        return transition.go

    def say_lines(
        self,
        lines: tuple[Line, ...] | list[Line],
        persona: str,
        events: list[CallEvent],
        *,
        timed: bool = True,
        slower: bool = False,
    ) -> list[AdviserSaid]:
        """Say ``lines`` as ``persona``, recording them in the transcript."""
        said = self.voice.say(lines, persona, self.state.id, slower=slower)
        for line in said:
            self._emit_said(line, events, timed=timed)
        return said

    def add_turn(self, speaker: Speaker, text: str, *, timed: bool) -> None:
        """Record a turn at the current simulated time (and let its speaking time pass)."""
        self._turns.append(TurnRecord(speaker, text, self.state.id, round(self.record.elapsed, 1)))
        if speaker == "caller":
            self.record.caller_turns += 1
        if timed:
            self.record.elapsed += speaking_time(text)

    def persona(self, persona_id: str) -> Persona:
        """The persona ``persona_id``; one named after its id if the script lacks it (the
        checker reports that), so that a call never stops on a missing name."""
        return self.script.personas.get(persona_id) or Persona(persona_id, persona_id)

    def persona_for(self, state: State) -> str:
        """Who speaks in ``state``: its own speaker, the voice server on menus and holds,
        else the adviser of the moment (which a transfer changes)."""
        if state.speaker is not None:
            return state.speaker
        if state.kind in ("menu", "hold"):
            machine = next((p.id for p in self.script.personas.values() if p.machine), None)
            if machine is not None:
                return machine
        return self._speaker

    def end_call(self, outcome: str, hangup_by: HangupBy, events: list[CallEvent]) -> None:
        """End the call with ``outcome``."""
        self._ended = True
        self._hold = None
        self.record.outcome = outcome
        found = self.script.outcomes.get(outcome)
        label = found.label if found is not None else outcome
        events.append(CallEnded(outcome, label, hangup_by, self.state.id))
        self.add_turn("system", _("Fin de l'appel : {label}.").format(label=label), timed=False)

    def fatal(self, message: str, events: list[CallEvent]) -> None:
        """Report a fault the call cannot survive and cut the line."""
        events.append(ScriptFault(message, self.state.id, fatal=True))
        self.end_call(LINE_CUT, "reseau", events)

    def _enter(self, state: State, events: list[CallEvent]) -> str | None:
        self._state = state
        self.voice.state = state.id
        self.visit = Visit()
        self.record.visited[state.id] += 1
        said = self.say_lines(state.say, self.persona_for(state), events)
        if state.kind in ("talk", "menu"):
            self._prompt = said
            return None
        if state.kind == "transfer":
            return self._transfer(state, events)
        if state.kind == "hold" and state.hold is not None:
            return self._start_hold(state.hold, state.go, events)
        if state.kind == "branch":
            return self._branch(state, events)
        if state.kind == "end":
            self.end_call(state.outcome or ADVISER_HANGUP, state.hangup_by or "conseiller", events)
            return None
        return state.go

    def _transfer(self, state: State, events: list[CallEvent]) -> str | None:
        target = state.to or self._speaker
        persona = self.script.personas.get(target)
        if persona is None:
            self.fatal(_("La personne « {persona} » n'existe pas.").format(persona=target), events)
            return None
        self._speaker = target
        events.append(Transferred(target, persona.name, state.id))
        self.add_turn("system", _("Transfert vers {name}.").format(name=persona.name), timed=False)
        return (
            self._start_hold(state.hold, state.go, events) if state.hold is not None else state.go
        )

    def _start_hold(self, hold: Hold, go: str | None, events: list[CallEvent]) -> str | None:
        if hold.seconds <= 0:
            return go
        self._hold = HoldProgress(hold, go)
        events.append(HoldStarted(hold.seconds, hold.sound, self.state.id))
        self.add_turn("system", hold_note(hold), timed=False)
        return None

    def _end_hold(self, hold: HoldProgress, events: list[CallEvent]) -> None:
        self._hold = None
        events.append(HoldEnded(self.state.id))
        if hold.go is not None:
            self.go(hold.go, events)
        else:
            self.fatal(
                _("L'attente « {state} » ne mène nulle part.").format(state=self.state.id), events
            )

    def _branch(self, state: State, events: list[CallEvent]) -> str | None:
        for transition in state.on:
            if self.voice.holds(transition.when):
                target = self.take(transition, events)
                if target is None and not self._ended:
                    self.fatal(
                        _("L'aiguillage « {state} » ne mène nulle part.").format(state=state.id),
                        events,
                    )
                return target
        self.fatal(
            _("Aucune condition de l'aiguillage « {state} » n'est vraie.").format(state=state.id),
            events,
        )
        return None

    def _repeat(self, *, slower: bool, events: list[CallEvent]) -> None:
        for line in self._prompt:
            self._emit_said(replace(line, slower=slower), events, timed=True)

    def _emit_said(self, line: AdviserSaid, events: list[CallEvent], *, timed: bool) -> None:
        events.append(line)
        self._turns.append(
            TurnRecord("adviser", line.text, line.state, round(self.record.elapsed, 1))
        )
        if timed:
            self.record.elapsed += speaking_time(line.text, slower=line.slower)

    def _flush(self, events: list[CallEvent]) -> list[CallEvent]:
        faults, self.voice.faults = self.voice.faults, []
        return [*events, *faults]


def _first_speaker(script: Script) -> str:
    """The adviser at the start: ``default_speaker`` if the model has it, else the first
    persona that is not a machine."""
    chosen = getattr(script, "default_speaker", None)
    if isinstance(chosen, str) and chosen in script.personas:
        return chosen
    humans = [persona.id for persona in script.personas.values() if not persona.machine]
    return (humans or list(script.personas) or [""])[0]
