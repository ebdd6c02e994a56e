"""Every speed target of the project, each measured beside its reference in one run.

    .venv/bin/python scripts/bench.py [--runs 15] [--states 5000] [--no-speech]

Rows (ours, the reference, their ratio, the target ratio):

- **home screen shown**: a fresh interpreter builds the app as ``repetition-3422`` does
  and runs it headless at 80×24 until the home screen is mounted and drawn, beside a bare
  Textual app (one Static) doing the same; **peak memory** of the same two processes;
- **validate**, **load+check**: the language layer's floors (``scripts/bench_language.py``);
- **speech**: ``scripts/bench_speech.py``'s figures, when espeak-ng is installed.

Fresh interpreters read compiled bytecode (see ``bench_language.bytecode_env``), ours and
the reference take turns within each run, and every figure is a median (memory: the
largest peak), so a machine busy with other work slows both sides alike. Exit code 1
when a row is over its target.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path

from bench_language import (
    VALIDATE_FLOOR,
    Row,
    bytecode_env,
    format_table,
    load_row,
    side_by_side,
    validate_commands,
)

SCREEN_TARGET = 1.3
MEMORY_TARGET = 1.3
SPEECH_TARGET = 1.5
STALL_BUDGET = 0.050
"""Longest event-loop stall allowed while speaking (``bench_speech``'s own target)."""

PILOT = """
import json, resource
shown = []
async def first_screen(pilot):
    await pilot.pause()
    shown.append(type(pilot.app.screen).__name__)
    pilot.app.exit()
def report(app, run=lambda app, **options: app.run(**options)):
    run(app, headless=True, size=(80, 24), auto_pilot=first_screen)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(json.dumps({"screen": shown[0], "peak_kib": peak}))
"""

BARE = (
    PILOT
    + """
from textual.app import App
from textual.widgets import Static
class Bare(App):
    def compose(self):
        yield Static("3422")
report(Bare())
"""
)

HOME = (
    PILOT
    + """
from datetime import datetime
from repetition_3422.domain.identity import generate_identity
from repetition_3422.engine.settings import CallSettings
from repetition_3422.settings import load_settings
from repetition_3422.tui.launch import home_app, start
# What ``repetition-3422`` does (cli/home.py, tui/launch.py), with a fixed seed and moment.
settings = load_settings()
level = settings.difficulty or "moyen"
call_settings = CallSettings(1, level, settings.mode, datetime(2025, 3, 3, 10))
report(home_app(generate_identity(1), call_settings), start)
"""
)


class AppRun:
    """One run of a small app script: wall time, peak memory and the screen it showed."""

    def __init__(self, code: str, env: dict[str, str]) -> None:
        self.code = code
        self.env = env
        self.peaks: list[int] = []
        self.screens: set[str] = set()

    def __call__(self) -> None:
        completed = subprocess.run(
            [sys.executable, "-c", self.code],
            capture_output=True,
            text=True,
            env=self.env,
            check=True,
        )
        result = json.loads(completed.stdout.strip().splitlines()[-1])
        self.peaks.append(int(result["peak_kib"]))
        self.screens.add(str(result["screen"]))


def start_rows(runs: int, env: dict[str, str]) -> tuple[list[Row], list[str]]:
    """The home screen and ``validate`` rows, their processes taking turns in one loop."""
    home, bare = AppRun(HOME, env), AppRun(BARE, env)
    ours, reference = validate_commands()
    commands: list[Callable[[], object]] = [
        home,
        bare,
        lambda: subprocess.run(ours, capture_output=True, check=False, env=env),
        lambda: subprocess.run(reference, capture_output=True, check=False, env=env),
    ]
    for command in commands:  # warm up: bytecode written, files in the page cache
        command()
    home.peaks.clear()  # the first run also compiled the bytecode
    bare.peaks.clear()
    home_s, bare_s, validate_s, yaml_s = side_by_side(commands, runs)
    shown = ", ".join(sorted(home.screens))
    notes = [f"first screen shown: {shown} (bare app: {', '.join(sorted(bare.screens))})"]
    rows = [
        Row("home screen shown", home_s, bare_s, "bare Textual app", SCREEN_TARGET),
        Row(
            "home screen peak memory",
            max(home.peaks),
            max(bare.peaks),
            "bare Textual app",
            MEMORY_TARGET,
            "KiB",
        ),
        Row(
            f"validate {Path(ours[-1]).name}",
            validate_s,
            yaml_s,
            'python -c "import yaml"',
            VALIDATE_FLOOR,
        ),
    ]
    return rows, notes


def speech_rows(lines: int, stall_seconds: float) -> tuple[list[Row], list[str]]:
    """``bench_speech``'s figures as rows, or its own output when they cannot be had so.

    ``scripts/bench_speech.py`` belongs to the speech work: its functions are called when
    they can be; otherwise it runs as a program and what it prints is kept as notes.
    """
    if shutil.which("espeak-ng") is None:
        return [], ["speech: skipped (espeak-ng is not installed)"]
    try:
        return _speech_rows_from_functions(lines, stall_seconds), []
    except Exception as error:  # its API is not ours: fall back to running it
        completed = subprocess.run(
            [sys.executable, str(Path(__file__).with_name("bench_speech.py"))],
            capture_output=True,
            text=True,
            check=False,
        )
        output = (completed.stdout + completed.stderr).rstrip()
        return [], [f"speech (bench_speech.py as a program; {type(error).__name__}):", output]


def _speech_rows_from_functions(lines: int, stall_seconds: float) -> list[Row]:
    import bench_speech  # imports the speech layer: only when speech is measured

    said = (bench_speech.LINES * (lines // len(bench_speech.LINES) + 1))[:lines]
    rows = []
    with tempfile.TemporaryDirectory(prefix="bench-speech-") as name:
        folder = Path(name)
        for engine in ("pyttsx3", "espeak-ng"):
            ours, _startup = bench_speech.first_audio(engine, said, folder)
            plain = bench_speech.plain_espeak(said, folder)
            stall = asyncio.run(bench_speech.longest_stall(engine, folder, stall_seconds))
            rows += [
                Row(
                    f"speech first audio ({engine})",
                    statistics.median(ours),
                    statistics.median(plain),
                    "espeak-ng -w",
                    SPEECH_TARGET,
                ),
                Row(
                    f"speech longest stall ({engine})",
                    stall,
                    STALL_BUDGET,
                    "50 ms budget",
                    1.0,
                ),
            ]
    return rows


def main(argv: Sequence[str] | None = None) -> int:
    """Measure everything, print one table; exit 1 when a row is over its target."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    # 25 interleaved runs: with fewer, a shared 2-core machine moves the ratios by ±0.05.
    parser.add_argument("--runs", type=int, default=25, help="runs of each process")
    parser.add_argument("--states", type=int, default=5000, help="states of the big script")
    parser.add_argument("--speech-lines", type=int, default=20)
    parser.add_argument("--stall-seconds", type=float, default=5.0)
    parser.add_argument("--no-speech", action="store_true", help="leave the speech rows out")
    options = parser.parse_args(argv)
    started = time.perf_counter()
    with tempfile.TemporaryDirectory() as folder, bytecode_env() as env:
        # A private, empty history and settings: the figures must not depend on the user's.
        env["REPETITION_3422_DATA_DIR"] = str(Path(folder) / "data")
        env["REPETITION_3422_CONFIG_DIR"] = str(Path(folder) / "config")
        rows, notes = start_rows(options.runs, env)
    rows.append(load_row(options.states, max(options.runs // 3, 3)))
    if not options.no_speech:
        more, speech_notes = speech_rows(options.speech_lines, options.stall_seconds)
        rows += more
        notes += speech_notes
    print(format_table(rows))
    for note in notes:
        print(note)
    over = [row.name for row in rows if not row.ok]
    verdict = "every row within its target" if not over else f"over target: {', '.join(over)}"
    print(f"{verdict} ({time.perf_counter() - started:.0f} s)")
    return 1 if over else 0


if __name__ == "__main__":
    sys.exit(main())
