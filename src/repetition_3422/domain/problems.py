"""The one exception a validator raises: which rule failed, said as a French sentence."""

from __future__ import annotations

from repetition_3422.i18n import _, ngettext

RULES: tuple[str, ...] = (
    "nir.empty",
    "nir.length",
    "nir.characters",
    "nir.sex",
    "nir.month",
    "nir.format",
    "nir.key",
    "serial.empty",
    "serial.digits",
    "serial.length",
    "serial.full-line",
    "serial.date",
    "serial.in-nir",
    "serial.technical",
    "code.empty",
    "code.length",
    "code.characters",
    "vitale.type",
    "represented.kind",
)
"""Every stable rule id a domain validator can report (scripts and the engine branch on them)."""


class InvalidValue(ValueError):
    """A value the caller gave that breaks a format rule.

    Attributes:
        rule: Stable id of the failed rule, one of :data:`RULES` (e.g. ``"nir.key"``).
        message: French sentence (translated) saying which rule failed and how.
    """

    def __init__(self, rule: str, message: str) -> None:
        super().__init__(message)
        self.rule = rule
        self.message = message

    def __str__(self) -> str:
        return self.message

    def __repr__(self) -> str:
        return f"InvalidValue({self.rule!r}, {self.message!r})"


def count_detail(found: int, low: int, high: int | None = None) -> str:
    """Say how many characters were found and how far that is from the expected count.

    Args:
        found: How many characters or digits the value has.
        low: The smallest accepted count.
        high: The largest accepted count (``low`` when omitted).

    Returns:
        A clause such as ``"14 trouvés, il en manque 1"``.
    """
    top = low if high is None else high
    seen = ngettext("{count} trouvé", "{count} trouvés", found).format(count=found)
    if found < low:
        missing = low - found
        gap = ngettext("il en manque {count}", "il en manque {count}", missing)
        return f"{seen}, {gap.format(count=missing)}"
    extra = found - top
    gap = ngettext("il y en a {count} de trop", "il y en a {count} de trop", extra)
    return f"{seen}, {gap.format(count=extra)}"


def with_detail(message: str, detail: str) -> str:
    """Join an official message and its detail into one sentence ending with a full stop."""
    return _("{message} : {detail}.").format(message=message, detail=detail)
