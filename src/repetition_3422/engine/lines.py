"""Turning a script's lines into what a persona says: conditions, variants, templates.

Every random choice of a call happens here, through the call's one seeded generator, in
the order the lines are said: the same call replays word for word.
"""

from __future__ import annotations

import random
from collections.abc import Iterable
from typing import Any

from repetition_3422.engine.events import AdviserSaid, ScriptFault
from repetition_3422.engine.names import Names
from repetition_3422.i18n import _
from repetition_3422.language.expressions import ExpressionError, evaluate
from repetition_3422.language.model import Condition, Line
from repetition_3422.language.templates import TemplateError, render

CHARACTERS_PER_SECOND = 14.0
"""Speaking pace used for the simulated clock (about 150 words a minute in French)."""

SLOWER = 1.4
"""How much longer a line takes when said more slowly."""


def speaking_time(text: str, *, slower: bool = False) -> float:
    """Simulated seconds to say ``text`` aloud."""
    seconds = len(text) / CHARACTERS_PER_SECOND
    return round(seconds * (SLOWER if slower else 1.0), 1)


class Voice:
    """Renders lines for one call and collects the script faults met on the way.

    Args:
        names: Resolves the names of conditions and templates.
        rng: The call's seeded generator.
    """

    def __init__(self, names: Names, rng: random.Random) -> None:
        self.names = names
        self.rng = rng
        self.faults: list[ScriptFault] = []
        self.state = ""
        """The state the call is in, named by the faults."""

    def holds(self, condition: Condition | None) -> bool:
        """Whether a ``when`` holds; a condition that cannot be computed is false (and a fault)."""
        if condition is None:
            return True
        return bool(self.value(condition.source, default=False))

    def value(self, source: str, *, default: Any) -> Any:
        """Evaluate an expression; on error record a non-fatal fault and return ``default``."""
        try:
            return evaluate(source, self.names.lookup)
        except ExpressionError as error:
            self._fault(
                _("Condition « {source} » impossible à calculer : {reason}").format(
                    source=source, reason=error.message
                )
            )
            return default

    def render(self, template: str) -> str:
        """Fill a template; on error record a non-fatal fault and return the raw text."""
        try:
            return render(template, self.names.lookup, self.names.apply_filter)
        except (ExpressionError, TemplateError) as error:
            self._fault(
                _("Réplique « {text} » impossible à compléter : {reason}").format(
                    text=template, reason=error.message
                )
            )
            return template

    def say(
        self, lines: Iterable[Line], persona_id: str, state: str, *, slower: bool = False
    ) -> list[AdviserSaid]:
        """What ``persona_id`` says for ``lines``: those whose ``when`` holds, one variant each."""
        persona = self.names.script.personas.get(persona_id)
        name = persona.name if persona is not None else persona_id
        machine = persona.machine if persona is not None else False
        said: list[AdviserSaid] = []
        for line in lines:
            if not self.holds(line.when):
                continue
            variants = line.levels.get(self.names.settings.difficulty) or line.variants
            if not variants:
                continue
            # Draw only when there is a choice, so adding a variant to one line does not
            # change the words of every other line of the call.
            text = variants[0] if len(variants) == 1 else self.rng.choice(variants)
            said.append(
                AdviserSaid(
                    persona=persona_id,
                    name=name,
                    text=self.render(text),
                    line_id=line.id,
                    state=state,
                    machine=machine,
                    slower=slower,
                )
            )
        return said

    def _fault(self, message: str) -> None:
        self.faults.append(ScriptFault(message=message, state=self.state, fatal=False))
