"""Whole calls written as text files (``tests/data/calls/*.txt``), played on the engine.

A call file starts with ``# key: value`` lines, then has one caller line per line, as
the plain front end reads them (a line of only digits, ``*`` or ``#`` on the voice menu
is keypad input, an empty line is a silence, the end of the file hangs up). Other lines
starting with ``# `` are comments. Keys:

- ``identity``: seed of the generated (FICTIF) identity; ``seed``, ``difficulty``,
  ``mode``, ``at``: the call's settings;
- ``outcome``: the expected outcome id; ``passed`` / ``failed``: the rubric criteria
  expected met / missed (together, exactly those that apply); ``score``: the score.

Caller lines may use the identity's numbers: ``{code}``, ``{nir_grouped}``,
``{serial_line}``… (see :func:`numbers`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from repetition_3422.domain.code import format_code
from repetition_3422.domain.identity import Identity, generate_identity
from repetition_3422.domain.nir import format_nir, nir_key, nir_spoken
from repetition_3422.domain.vitale import FULL_LINE_PREFIX, format_serial
from repetition_3422.engine.call import Call
from repetition_3422.engine.events import CallEvent
from repetition_3422.engine.settings import CallSettings
from repetition_3422.language import load
from repetition_3422.language.catalog import scenario_path

CALLS_DIR = Path(__file__).parent.parent / "data" / "calls"
"""Where the call files are."""

_KEYPAD = re.compile(r"[0-9*#]+")
_HEADER = re.compile(r"# ([a-z_]+): (.*)")


@dataclass
class CallFile:
    """A call file, read."""

    path: Path
    settings: dict[str, str] = field(default_factory=dict)
    lines: list[str] = field(default_factory=list)

    @property
    def identity(self) -> Identity:
        """The generated identity the call is played with."""
        return generate_identity(int(self.settings.get("identity", "1")))

    def expected(self, key: str) -> set[str]:
        """A space-separated header value as a set."""
        return set(self.settings.get(key, "").split())


def read_call(path: Path) -> CallFile:
    """Read a call file."""
    call_file = CallFile(path)
    for raw in path.read_text(encoding="utf-8").splitlines():
        header = _HEADER.fullmatch(raw)
        if header and not call_file.lines:
            call_file.settings[header.group(1)] = header.group(2).strip()
        elif not raw.startswith("# "):
            call_file.lines.append(raw)
    return call_file


def numbers(identity: Identity) -> dict[str, str]:
    """The placeholders of call lines, from the identity's numbers."""
    nir, code, serial = identity.nir, identity.code, identity.vitale_serial
    wrong_key = f"{int(nir[-2:]) % 97 + 1:02d}"
    other_body = nir[:7] + ("111" if nir[7:10] != "111" else "222") + nir[10:13]
    return {
        "code": code,
        "code_grouped": format_code(code),
        "code_spelled": " ".join(code.lower()),
        "code_short": format_code(code)[:-1],
        "code_other": ("ZZ" if code[:2] != "ZZ" else "YY") + code[2:],
        "nir": nir,
        "nir_grouped": format_nir(nir),
        "nir_dots": format_nir(nir).replace(" ", "."),
        "nir_spoken": nir_spoken(nir),
        "nir_short": format_nir(nir)[:-1],
        "nir_bad_key": format_nir(nir[:-2] + wrong_key),
        "nir_other": format_nir(other_body + nir_key(other_body)),
        "serial": serial,
        "serial_grouped": format_serial(serial),
        "serial_line": f"{FULL_LINE_PREFIX} {format_serial(serial)}",
        "serial_other": serial[:-1] + str((int(serial[-1]) + 1) % 10),
        "card": identity.vitale_type.replace("-", " "),
    }


def play(call_file: CallFile) -> tuple[Call, list[CallEvent]]:
    """Play a call file on the shipped scenario it names (default ``opposition``)."""
    script = load(scenario_path(call_file.settings.get("scenario", "opposition")))
    options = call_file.settings
    settings = CallSettings(
        seed=int(options.get("seed", "1")),
        difficulty=options.get("difficulty", script.default_difficulty),
        mode="real" if options.get("mode") == "real" else "practice",
        at=datetime.fromisoformat(options.get("at", "2025-03-04T10:00")),
    )
    identity = call_file.identity
    values = numbers(identity)
    call = Call(script, identity, settings)
    events = call.start()
    lines = iter(call_file.lines)
    while not call.ended:
        if call.waiting:
            events += call.advance(call.waiting)
            continue
        text = next(lines, None)
        if text is None:
            events += call.hang_up()
        elif not text.strip():
            events += call.silence()
        elif call.keypad_active and _KEYPAD.fullmatch(text.strip()):
            events += call.press(text.strip())
        else:
            events += call.say(text.format(**values))
    return call, events
