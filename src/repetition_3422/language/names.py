"""The names conditions and templates may read, and whether a dotted name is one of them."""

from __future__ import annotations

from repetition_3422.language.model import Script

BUILT_INS: frozenset[str] = frozenset(
    {
        "difficulty",
        "mode",
        "outcome",
        "line_open",
        "weekday",
        "hour",
        "elapsed",
        "extra_data",
        "silences",
        "no_matches",
        "polite",
    }
)
"""Values the engine keeps about the call, readable everywhere."""

IDENTITY_FIELDS: tuple[str, ...] = (
    "code",
    "nir",
    "vitale_serial",
    "vitale_type",
    "first_name",
    "last_name",
    "birth_date",
)
REPRESENTED_FIELDS: tuple[str, ...] = (
    "kind",
    "code",
    "first_name",
    "last_name",
    "birth_date",
    "nir",
)

TEMPLATE_ONLY: frozenset[str] = frozenset(
    {"adviser.name", "today", "now", "caller.first_name", "caller.last_name", "caller.birth_date"}
    | {f"identity.{name}" for name in IDENTITY_FIELDS}
    | {f"represented.{name}" for name in REPRESENTED_FIELDS}
)
"""Names only texts may show (a condition has no use for them)."""

COMPARABLE: frozenset[str] = frozenset(
    {f"identity.{name}" for name in IDENTITY_FIELDS[:4]}
    | {f"represented.{name}" for name in ("code", "nir")}
)
"""Values of the practice identity a slot's ``compare`` may name."""

FAMILIES: dict[str, str] = {
    "heard": "intents",
    "visited": "states",
    "given": "slots",
    "tries": "slots",
    "slots": "slots",
}
"""``heard.<intent>``, ``visited.<state>``…: each prefix and the table its ids come from."""


class Names:
    """What one script's conditions and texts may read."""

    def __init__(self, script: Script) -> None:
        self.variables = frozenset(script.variables)
        self.ids: dict[str, frozenset[str]] = {
            "intents": frozenset(script.intents),
            "states": frozenset(script.states),
            "slots": frozenset(script.slots),
        }
        self.personas = frozenset(script.personas)

    def known(self, name: str, *, template: bool = False) -> bool:
        """Whether ``name`` (dotted) may be read in a condition, or in a text."""
        if name in self.variables or name in BUILT_INS:
            return True
        if template and name in TEMPLATE_ONLY:
            return True
        prefix, _dot, rest = name.partition(".")
        family = FAMILIES.get(prefix)
        if family is not None:
            return rest in self.ids[family]
        if template and prefix == "persona":
            persona, _dot, attribute = rest.partition(".")
            return persona in self.personas and attribute == "name"
        return False

    def every(self, *, template: bool = False) -> list[str]:
        """Every readable name (for « vouliez-vous dire » hints)."""
        names = [*self.variables, *BUILT_INS]
        for prefix, family in FAMILIES.items():
            names.extend(f"{prefix}.{item}" for item in self.ids[family])
        if template:
            names.extend(TEMPLATE_ONLY)
            names.extend(f"persona.{item}.name" for item in self.personas)
        return names
