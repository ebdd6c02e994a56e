"""What a call in progress tells its front end: one small frozen record per happening.

The engine returns a list of these for every caller action; the plain front end prints
them, the app draws them and speaks the adviser's lines.
"""

from __future__ import annotations

from dataclasses import dataclass

from repetition_3422.language.model import HangupBy, HoldSound


@dataclass(frozen=True, slots=True)
class AdviserSaid:
    """A persona speaks. ``text`` is rendered and may contain the caller's numbers unmasked
    (the adviser reads them back); front ends mask it before saving anything."""

    persona: str
    name: str
    text: str
    line_id: str
    state: str
    machine: bool = False
    slower: bool = False


@dataclass(frozen=True, slots=True)
class HoldStarted:
    """The caller is put on hold (or hears the ring) for ``seconds`` of simulated time."""

    seconds: float
    sound: HoldSound
    state: str


@dataclass(frozen=True, slots=True)
class HoldEnded:
    """The wait is over."""

    state: str


@dataclass(frozen=True, slots=True)
class Transferred:
    """The call passes to another persona."""

    persona: str
    name: str
    state: str


@dataclass(frozen=True, slots=True)
class SlotRejected:
    """The caller gave a value that breaks a rule (``rule``) or is not the one on file."""

    slot: str
    rule: str
    state: str


@dataclass(frozen=True, slots=True)
class SlotFilled:
    """The caller gave a valid value that matches the file."""

    slot: str
    state: str


@dataclass(frozen=True, slots=True)
class CallEnded:
    """The call is over."""

    outcome: str
    label: str
    hangup_by: HangupBy
    state: str


@dataclass(frozen=True, slots=True)
class SystemNote:
    """Something the front end tells the caller that no persona says.

    For instance typing while on hold (nobody hears it) or pressing keys outside the voice
    menu: the call goes on, nothing was wrong with the script.
    """

    text: str
    state: str


@dataclass(frozen=True, slots=True)
class ScriptFault:
    """The script cannot go on (a loop that never waits for the caller, a missing state, a
    condition that cannot be computed). ``fatal`` faults end the call (``ligne-coupee``);
    front ends show ``message`` as an error, not as part of the call."""

    message: str
    state: str
    fatal: bool = True


CallEvent = (
    AdviserSaid
    | HoldStarted
    | HoldEnded
    | Transferred
    | SlotRejected
    | SlotFilled
    | CallEnded
    | SystemNote
    | ScriptFault
)
"""Everything a call can report."""
