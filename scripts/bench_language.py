"""Measure the language layer's two speed floors and print both ratios side by side.

1. Loading and checking a generated 5,000-state script, against PyYAML's C loader
   parsing the same text (floor: at most 2×).
2. ``repetition-3422 validate`` of a shipped scenario, against ``python -c "import yaml"``
   (floor: at most 3×), both as fresh processes.

Usage: ``python scripts/bench_language.py [--states N] [--runs N]``.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import yaml

from repetition_3422.language import load_and_check
from repetition_3422.language.catalog import scenario_path

LOAD_FLOOR = 2.0
VALIDATE_FLOOR = 3.0


def generate(states: int) -> str:
    """A valid script of ``states`` talk states in a chain, each with conditions and texts."""
    lines = [
        "id: gros",
        "title: Script généré",
        "description: Un long script pour mesurer le chargement.",
        "start: s0",
        "personas: {conseillere: {name: Mme Martin}}",
        "variables: {compteur: 0}",
        "outcomes: {ok: Fini}",
        'defaults: {after_retries: fin, no_match: ["Pardon ?", "Comment ?"]}',
        "intents:",
        '  oui: [oui, "d\'accord"]',
        "  non: {phrases: [non], keywords: [jamais]}",
        "states:",
    ]
    for index in range(states):
        following = f"s{index + 1}" if index + 1 < states else "fin"
        lines += [
            f"  s{index}:",
            f'    say: "Bonjour, {{adviser.name}}, étape {index}."',
            "    on:",
            "      - intent: oui",
            f"        when: compteur < {index + 1}",
            "        set: {compteur: compteur + 1}",
            f"        go: {following}",
            "      - intent: non",
            '        say: ["Vraiment ?", {text: "Êtes-vous sûr ?", when: heard.non > 1}]',
            f"        go: {following}",
        ]
    lines += ["  fin: {kind: end, outcome: ok, say: Au revoir.}"]
    return "\n".join(lines) + "\n"


def best(action: Callable[[], object], runs: int) -> float:
    """The shortest of ``runs`` timings of ``action`` (the least disturbed one)."""
    timings = []
    for _ in range(runs):
        started = time.perf_counter()
        action()
        timings.append(time.perf_counter() - started)
    return min(timings)


def process_time(command: list[str], runs: int) -> float:
    """Median wall time of ``command`` run as a fresh process."""
    timings = []
    for _ in range(runs):
        started = time.perf_counter()
        subprocess.run(command, capture_output=True, check=False)
        timings.append(time.perf_counter() - started)
    return statistics.median(timings)


def main() -> int:
    """Run both measurements; exit 1 when a floor is not met."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--states", type=int, default=5000)
    parser.add_argument("--runs", type=int, default=5)
    options = parser.parse_args()

    text = generate(options.states)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "gros.yaml"
        path.write_text(text, encoding="utf-8")
        _script, found = load_and_check(path)
        assert not found, found[:3]
        parse = best(lambda: yaml.load(text, Loader=yaml.CSafeLoader), options.runs)
        ours = best(lambda: load_and_check(path), options.runs)

    python = sys.executable
    baseline = process_time([python, "-c", "import yaml"], options.runs * 2)
    command = [python, "-m", "repetition_3422", "validate", str(scenario_path("exemple"))]
    validate = process_time(command, options.runs * 2)

    rows = [
        (f"load+check {options.states} states", ours, parse, "yaml.CSafeLoader", LOAD_FLOOR),
        ("validate exemple.yaml", validate, baseline, 'python -c "import yaml"', VALIDATE_FLOOR),
    ]
    print(f"{'measure':32} {'ours':>9} {'baseline':>9} {'ratio':>6} {'floor':>6}  baseline is")
    met = True
    for name, value, reference, what, floor in rows:
        ratio = value / reference
        met = met and ratio <= floor
        print(f"{name:32} {value:8.3f}s {reference:8.3f}s {ratio:6.2f} {floor:5.1f}×  {what}")
    return 0 if met else 1


if __name__ == "__main__":
    sys.exit(main())
