"""Startup benchmark: time to a usable home screen and peak memory, against a bare Textual app.

Each measurement runs in a fresh interpreter (imports are what startup costs), headless at
80×24, and exits as soon as the first screen is mounted and drawn. The bare app (one
Static) is measured in the same run, so the ratios do not depend on the machine.

    .venv/bin/python scripts/bench.py [--runs 7] [--max-ratio 1.3]

Exit code 1 when a ratio is above ``--max-ratio``.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

PILOT = """
import json, resource
shown = []
async def first_screen(pilot):
    await pilot.pause()
    shown.append(type(pilot.app.screen).__name__)
    pilot.app.exit()
def report(app):
    app.run(headless=True, size=(80, 24), auto_pilot=first_screen)
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

REHEARSAL = (
    PILOT
    + """
from datetime import datetime
from repetition_3422.domain.identity import generate_identity
from repetition_3422.engine.settings import CallSettings
from repetition_3422.history import load_history
from repetition_3422.settings import load_settings
from repetition_3422.speech.speaker import SilentSpeaker
from repetition_3422.tui import make_app
from repetition_3422.tui.launch import shipped_scripts
settings = load_settings()
app = make_app(
    scripts=shipped_scripts(),
    identity=generate_identity(1),
    call_settings=CallSettings(1, "moyen", settings.mode, datetime(2025, 3, 3, 10)),
    speaker=SilentSpeaker,
    history=load_history(),
    settings=settings,
)
report(app)
"""
)


def measure(code: str, env: dict[str, str]) -> tuple[float, int, str]:
    """Seconds from process start to exit, peak resident memory (KiB), the screen shown."""
    start = time.perf_counter()
    completed = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=env, check=True
    )
    seconds = time.perf_counter() - start
    result = json.loads(completed.stdout.strip().splitlines()[-1])
    return seconds, int(result["peak_kib"]), str(result["screen"])


def main() -> int:
    """Measure both apps, print the figures and ratios."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--max-ratio", type=float, default=1.3)
    options = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        env = dict(os.environ)
        # A private, empty history and settings: the figures must not depend on the user's.
        env["REPETITION_3422_DATA_DIR"] = str(Path(folder) / "data")
        env["REPETITION_3422_CONFIG_DIR"] = str(Path(folder) / "config")
        measure(BARE, env)  # warm the file cache and bytecode so the first run is not unfair
        measure(REHEARSAL, env)
        bare = [measure(BARE, env) for _ in range(options.runs)]
        ours = [measure(REHEARSAL, env) for _ in range(options.runs)]
    bare_s = statistics.median(run[0] for run in bare)
    ours_s = statistics.median(run[0] for run in ours)
    bare_kib = max(run[1] for run in bare)
    ours_kib = max(run[1] for run in ours)
    time_ratio, memory_ratio = ours_s / bare_s, ours_kib / bare_kib
    print(f"first screen shown: {ours[0][2]} (bare app: {bare[0][2]})")
    print(f"startup   bare {bare_s * 1000:7.0f} ms   app {ours_s * 1000:7.0f} ms", end="")
    print(f"   ratio {time_ratio:.2f}")
    print(f"peak RSS  bare {bare_kib / 1024:7.1f} MiB  app {ours_kib / 1024:7.1f} MiB", end="")
    print(f"  ratio {memory_ratio:.2f}")
    worst = max(time_ratio, memory_ratio)
    verdict = "ok" if worst <= options.max_ratio else "above target"
    print(f"target ≤ {options.max_ratio:.2f}: {verdict}")
    return 0 if worst <= options.max_ratio else 1


if __name__ == "__main__":
    sys.exit(main())
