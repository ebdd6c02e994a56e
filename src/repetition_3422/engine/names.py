"""The names conditions and templates read (``heard.justificatif``, ``adviser.name``…) and
the template filters (``|masked``, ``|grouped``, ``|spoken``).

The list of names is the one of the script syntax (``brief/syntax.yaml``, NAMES AVAILABLE
IN CONDITIONS/TEMPLATES). A name nothing defines raises
:class:`~repetition_3422.language.expressions.UnknownName`, which the checker reports
before a call ever runs.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from repetition_3422.domain.code import code_spoken, format_code
from repetition_3422.domain.hours import is_open
from repetition_3422.domain.identity import Identity
from repetition_3422.domain.masking import mask_code, mask_nir, mask_serial, mask_text
from repetition_3422.domain.nir import format_nir, nir_spoken
from repetition_3422.domain.problems import InvalidValue
from repetition_3422.domain.vitale import format_serial, serial_spoken
from repetition_3422.engine.record import CallRecord
from repetition_3422.engine.settings import CallSettings
from repetition_3422.i18n import _
from repetition_3422.language.expressions import UnknownName
from repetition_3422.language.model import Script, SlotType

_IDENTITY_TYPES: dict[str, SlotType] = {
    "code": "code",
    "nir": "nir",
    "vitale_serial": "vitale_serial",
    "vitale_type": "vitale_type",
}
_FORMATS: dict[str, dict[str, Callable[[str], str]]] = {
    "masked": {"code": mask_code, "nir": mask_nir, "vitale_serial": mask_serial},
    "grouped": {"code": format_code, "nir": format_nir, "vitale_serial": format_serial},
    "spoken": {"code": code_spoken, "nir": nir_spoken, "vitale_serial": serial_spoken},
}
_COUNTERS = ("heard", "visited", "given", "tries", "slots")


def secrets_of(identity: Identity) -> tuple[str, ...]:
    """The numbers of an identity that must never be shown unmasked."""
    values = [identity.code, identity.nir, identity.vitale_serial]
    if identity.represented is not None:
        values += [identity.represented.code, identity.represented.nir or ""]
    return tuple(value for value in values if value)


def french_date(moment: datetime) -> str:
    """« lundi 3 mars 2025 »."""
    days = (_("lundi"), _("mardi"), _("mercredi"), _("jeudi"), _("vendredi"), _("samedi"),
            _("dimanche"))  # fmt: skip
    months = (_("janvier"), _("février"), _("mars"), _("avril"), _("mai"), _("juin"),
              _("juillet"), _("août"), _("septembre"), _("octobre"), _("novembre"),
              _("décembre"))  # fmt: skip
    day = _("1er") if moment.day == 1 else str(moment.day)
    return f"{days[moment.weekday()]} {day} {months[moment.month - 1]} {moment.year}"


def french_time(moment: datetime) -> str:
    """« 14 h 05 »."""
    return f"{moment.hour} h {moment.minute:02d}"


@dataclass(frozen=True, slots=True)
class Names:
    """Resolves names for conditions and templates from the call's record and settings.

    Attributes:
        speaker: Gives the id of the persona speaking now (``adviser.name``).
    """

    script: Script
    identity: Identity
    settings: CallSettings
    record: CallRecord
    speaker: Callable[[], str]

    def lookup(self, name: str) -> Any:
        """The value of a dotted name; raises :class:`UnknownName` when nothing defines it."""
        head, _dot, rest = name.partition(".")
        if not rest:
            return self._plain(name)
        if head in _COUNTERS:
            return self._counter(head, rest, name)
        if head in ("identity", "caller", "represented", "adviser", "persona"):
            return self._person(head, rest, name)
        raise UnknownName(name)

    def apply_filter(self, filter_name: str, value: Any, name: str) -> str:
        """Apply a template filter; a value the formatter refuses is shown masked whole."""
        text = "" if value is None else str(value)
        if filter_name == "upper":
            return text.upper()
        if filter_name == "lower":
            return text.lower()
        kind = self.type_of(name)
        formatter = _FORMATS[filter_name].get(kind or "")
        if formatter is None:
            return mask_text(text, secrets_of(self.identity)) if filter_name == "masked" else text
        try:
            return formatter(text)
        except InvalidValue:  # a value of the wrong length: never show it half-formatted
            return mask_text(text, secrets_of(self.identity))

    def type_of(self, name: str) -> SlotType | None:
        """The slot type a name holds (``slots.nir`` → ``nir``), for the filters."""
        head, _dot, rest = name.partition(".")
        if head == "slots" and rest in self.script.slots:
            return self.script.slots[rest].type
        if head in ("identity", "represented"):
            return _IDENTITY_TYPES.get(rest)
        return None

    def _plain(self, name: str) -> Any:
        record, now = self.record, self.record.now
        values: Mapping[str, Callable[[], Any]] = {
            "difficulty": lambda: self.settings.difficulty,
            "mode": lambda: self.settings.mode,
            "outcome": lambda: record.outcome,
            "line_open": lambda: is_open(now),
            "weekday": now.weekday,
            "hour": lambda: now.hour + now.minute / 60,
            "elapsed": lambda: record.elapsed,
            "extra_data": lambda: record.extra_data,
            "silences": lambda: record.silences,
            "no_matches": lambda: record.no_matches,
            "polite": lambda: record.polite,
            "today": lambda: french_date(now),
            "now": lambda: french_time(now),
        }
        if name in record.variables:
            return record.variables[name]
        if name in values:
            return values[name]()
        raise UnknownName(name)

    def _counter(self, head: str, key: str, name: str) -> Any:
        record, script = self.record, self.script
        known = {
            "heard": script.intents,
            "visited": script.states,
            "given": script.slots,
            "tries": script.slots,
            "slots": script.slots,
        }[head]
        if key not in known:
            raise UnknownName(name)
        if head == "heard":
            return record.heard[key]
        if head == "visited":
            return record.visited[key]
        if head == "given":
            return key in record.given
        if head == "tries":
            return record.tries[key]
        return record.slots.get(key, "")

    def _person(self, head: str, rest: str, name: str) -> Any:
        if head == "adviser" and rest == "name":
            speaker = self.speaker()
            found = self.script.personas.get(speaker)
            return found.name if found is not None else speaker
        if head == "persona":
            persona_id, _dot, field_name = rest.partition(".")
            persona = self.script.personas.get(persona_id)
            if persona is None or field_name != "name":
                raise UnknownName(name)
            return persona.name
        source: object | None = {
            "identity": self.identity,
            "caller": self.identity,
            "represented": self.identity.represented,
        }.get(head)
        fields = {
            "identity": ("code", "nir", "vitale_serial", "vitale_type", "first_name",
                         "last_name", "birth_date"),
            "caller": ("first_name", "last_name", "birth_date"),
            "represented": ("kind", "code", "nir", "first_name", "last_name", "birth_date"),
        }.get(head, ())  # fmt: skip
        if rest not in fields:
            raise UnknownName(name)
        value = getattr(source, rest, None) if source is not None else None
        return "" if value is None else value
