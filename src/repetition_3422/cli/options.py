"""Option values shared by several commands, checked so that every mistake is a sentence."""

from __future__ import annotations

import secrets

from repetition_3422.errors import UsageError
from repetition_3422.i18n import _

MAX_SEED = 10**6
"""Seeds drawn when none is given stay short enough to note down and replay."""


def parse_seed(text: str | None) -> int:
    """The ``--seed`` number, or a fresh one."""
    if text is None:
        return secrets.randbelow(MAX_SEED)
    try:
        return int(text)
    except ValueError:
        raise UsageError(
            _("--seed attend un nombre entier (par exemple --seed 42), pas « {text} ».").format(
                text=text
            )
        ) from None
