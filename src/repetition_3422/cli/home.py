"""The bare ``repetition-3422`` command opens the app on its home screen."""

from __future__ import annotations

import secrets
from datetime import datetime
from pathlib import Path


def open_home(
    *,
    identity: Path | None = None,
    seed: int | None = None,
    at: datetime | None = None,
    voice: bool | None = None,
    voice_engine: str | None = None,
) -> int:
    """Open the rehearsal app on the home screen.

    Textual is imported here, not when the module is, so other commands start fast.

    Args:
        identity: An identity file (``--identity``); a fictional card is made otherwise.
        seed: Seeds the practice card and the calls (``--seed``); random otherwise.
        at: The simulated moment of the calls (``--at``); now otherwise.
        voice: ``--voice``/``--no-voice``; ``None`` keeps the person's setting.
        voice_engine: ``--voice-engine``.

    Returns:
        The exit code (0).

    Raises:
        IdentityError: the identity file breaks the identity contract.
        FileReadError: the identity file cannot be read.
    """
    from repetition_3422.domain.identity import generate_identity, load_identity
    from repetition_3422.engine.settings import CallSettings
    from repetition_3422.settings import load_settings
    from repetition_3422.tui.launch import run_home

    chosen_seed = secrets.randbelow(2**31) if seed is None else seed
    card = load_identity(identity) if identity is not None else generate_identity(chosen_seed)
    settings = load_settings()
    call_settings = CallSettings(
        seed=chosen_seed,
        difficulty=settings.difficulty or "moyen",
        mode=settings.mode,
        at=at or datetime.now().replace(microsecond=0),
    )
    return run_home(card, call_settings, voice=voice, voice_engine=voice_engine)
