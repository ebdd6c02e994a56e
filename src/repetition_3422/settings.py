"""The person's preferences: one typed settings object, kept as TOML in the user config folder."""

from __future__ import annotations

import json
import os
import tomllib
from dataclasses import dataclass, fields, replace
from datetime import datetime
from pathlib import Path
from typing import Any, Literal, get_args

from repetition_3422.errors import FileWriteError
from repetition_3422.files import write_atomic

ThemeName = Literal["dark", "light", "high-contrast"]
"""Colour themes the app offers."""

Mode = Literal["practice", "real"]
"""``practice`` shows hints and suggested replies; ``real`` (« comme en vrai ») shows none."""

CONFIG_DIR_VARIABLE = "REPETITION_3422_CONFIG_DIR"
"""Environment variable that moves the config folder (tests point it at a temporary one)."""

SETTINGS_FILE = "settings.toml"
"""Name of the settings file inside the config folder."""

SPEECH_RATES = (0.5, 2.0)
"""Slowest and fastest relative speech rate accepted."""


@dataclass(frozen=True, slots=True)
class Settings:
    """Everything the app remembers between two sessions (never any personal number)."""

    theme: ThemeName = "dark"
    """Colour theme: ``dark``, ``light`` or ``high-contrast``."""

    speech: bool = False
    """Whether the adviser's lines are spoken aloud; off until the person asks for it."""

    voice_engine: str | None = None
    """Speech engine by name (``pyttsx3``, ``espeak-ng``…); ``None`` picks the first available."""

    speech_rate: float = 1.0
    """Relative speed of the voice: 1.0 is normal, 0.8 slower (between 0.5 and 2.0)."""

    difficulty: str | None = None
    """Difficulty of the next call; ``None`` uses the scenario's default level."""

    mode: Mode = "practice"
    """``practice`` (hints and suggested replies) or ``real`` (none, as on the real line)."""


def config_dir() -> Path:
    """The folder holding the settings: ``$REPETITION_3422_CONFIG_DIR`` or the platform's."""
    override = os.environ.get(CONFIG_DIR_VARIABLE)
    if override:
        return Path(override)
    from platformdirs import user_config_dir

    return Path(user_config_dir("repetition-3422", appauthor=False))


def settings_path() -> Path:
    """Where the settings file lives."""
    return config_dir() / SETTINGS_FILE


def load_settings(path: Path | None = None) -> Settings:
    """Read the settings; a missing file gives the defaults.

    A value of the wrong type falls back to its default. A file that is not TOML at all is
    set aside (renamed ``settings.toml.corrupt-<date>``) so that saving does not erase what
    the person may want to repair; the defaults are used meanwhile.
    """
    target = path or settings_path()
    try:
        raw = tomllib.loads(target.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return Settings()
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError):
        set_aside(target)
        return Settings()
    return settings_from_mapping(raw)


def settings_from_mapping(raw: dict[str, Any]) -> Settings:
    """Build settings from decoded values, keeping only the valid ones."""
    defaults = Settings()
    values: dict[str, Any] = {}
    for name in (field.name for field in fields(Settings)):
        if name in raw and _valid(name, raw[name]):
            values[name] = raw[name]
    if "speech_rate" in values:
        values["speech_rate"] = float(values["speech_rate"])
    return replace(defaults, **values)


def save_settings(settings: Settings, path: Path | None = None) -> None:
    """Write the settings atomically, creating the config folder when needed.

    Raises:
        FileWriteError: the folder cannot be created or written.
    """
    target = path or settings_path()
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise FileWriteError(str(error)) from error
    write_atomic(target, to_toml(settings))


def to_toml(settings: Settings) -> str:
    """The settings as TOML text (``None`` values are left out, as TOML has no null)."""
    lines = ["# repetition-3422 : préférences de l'application"]
    for field in fields(Settings):
        value = getattr(settings, field.name)
        if value is None:
            continue
        # JSON string and number literals are valid TOML basic strings and floats.
        text = ("true" if value else "false") if isinstance(value, bool) else json.dumps(value)
        lines.append(f"{field.name} = {text}")
    return "\n".join(lines) + "\n"


def set_aside(path: Path) -> Path | None:
    """Rename an unreadable file out of the way; return its new path (``None`` if it failed)."""
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    aside = path.with_name(f"{path.name}.corrupt-{stamp}")
    try:
        path.replace(aside)
    except OSError:
        return None
    return aside


def _valid(name: str, value: Any) -> bool:
    if name == "theme":
        return value in get_args(ThemeName)
    if name == "mode":
        return value in get_args(Mode)
    if name == "speech":
        return isinstance(value, bool)
    if name == "speech_rate":
        is_number = isinstance(value, int | float) and not isinstance(value, bool)
        return is_number and SPEECH_RATES[0] <= value <= SPEECH_RATES[1]
    return isinstance(value, str) and bool(value)
