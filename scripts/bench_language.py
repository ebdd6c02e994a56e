"""Measure the language layer's two speed floors, each beside its reference in the same run.

1. Loading and checking a generated 5,000-state script, against PyYAML's C loader
   parsing the same text (floor: at most 2×), in this process.
2. ``repetition-3422 validate`` of a shipped scenario, against ``python -c "import yaml"``
   (floor: at most 3×), both as fresh processes reading compiled bytecode.

Ours and the reference alternate within one loop and each figure is a median, so a
machine busy with other work slows both alike. ``scripts/bench.py`` runs these with the
app's start-up rows; alone: ``python scripts/bench_language.py [--states N] [--runs N]``.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from functools import partial
from pathlib import Path
from typing import NamedTuple

import yaml

from repetition_3422.language import load_and_check
from repetition_3422.language.catalog import scenario_path

LOAD_FLOOR = 2.0
VALIDATE_FLOOR = 3.0
VALIDATED = "opposition"
"""The shipped scenario ``validate`` is timed on (the larger one, with two fragments)."""


class Row(NamedTuple):
    """One measurement beside its reference: ``ours / reference`` must stay within ``target``."""

    name: str
    ours: float
    reference: float
    reference_name: str
    target: float
    unit: str = "s"

    @property
    def ratio(self) -> float:
        """``ours / reference``."""
        return self.ours / self.reference

    @property
    def ok(self) -> bool:
        """Whether the ratio is within the target."""
        return self.ratio <= self.target


def format_table(rows: Sequence[Row]) -> str:
    """Every row with its figures, ratio, target and verdict, one a line."""

    def figure(value: float, unit: str) -> str:
        return f"{value * 1000:7.1f} ms" if unit == "s" else f"{value / 1024:6.1f} MiB"

    lines = [
        f"{'measure':36} {'ours':>10} {'reference':>10} {'ratio':>6} {'target':>7}  "
        f"{'':4}  reference is"
    ]
    for row in rows:
        verdict = "ok" if row.ok else "OVER"
        lines.append(
            f"{row.name:36} {figure(row.ours, row.unit):>10} "
            f"{figure(row.reference, row.unit):>10} {row.ratio:6.2f} {row.target:6.1f}×  "
            f"{verdict:4}  {row.reference_name}"
        )
    return "\n".join(lines)


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


def timed(action: Callable[[], object]) -> float:
    """Seconds ``action`` takes."""
    started = time.perf_counter()
    action()
    return time.perf_counter() - started


def side_by_side(actions: Sequence[Callable[[], object]], runs: int) -> list[float]:
    """The median time of each action, the actions taking turns within each run."""
    timings: list[list[float]] = [[] for _ in actions]
    for turn in range(runs):
        # Who goes first alternates too: neither side always meets a cold cache.
        order = range(len(actions)) if turn % 2 == 0 else reversed(range(len(actions)))
        for index in order:
            timings[index].append(timed(actions[index]))
    return [statistics.median(values) for values in timings]


def load_row(states: int, runs: int) -> Row:
    """Load and check a ``states``-state script, beside the C loader parsing its text."""
    text = generate(states)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "gros.yaml"
        path.write_text(text, encoding="utf-8")
        _script, found = load_and_check(path)
        assert not found, found[:3]
        ours, parse = side_by_side(
            [lambda: load_and_check(path), lambda: yaml.load(text, Loader=yaml.CSafeLoader)], runs
        )
    return Row(f"load+check {states} states", ours, parse, "yaml.CSafeLoader", LOAD_FLOOR)


def validate_commands() -> tuple[list[str], list[str]]:
    """``repetition-3422 validate`` of a shipped scenario, and ``python -c "import yaml"``."""
    python = sys.executable
    installed = Path(python).with_name("repetition-3422")
    command = [str(installed)] if installed.exists() else [python, "-m", "repetition_3422"]
    return [*command, "validate", str(scenario_path(VALIDATED))], [python, "-c", "import yaml"]


@contextmanager
def bytecode_env() -> Iterator[dict[str, str]]:
    """An environment in which fresh interpreters read compiled bytecode, as installed.

    With ``PYTHONDONTWRITEBYTECODE`` set (some shells and CI do) the project's modules
    would be compiled from source at every start while the libraries' are not: that
    would time the compiler, not the program. The bytecode goes to a temporary folder,
    never into the source tree.
    """
    with tempfile.TemporaryDirectory(prefix="bench-pyc-") as folder:
        env = dict(os.environ)
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        env["PYTHONPYCACHEPREFIX"] = folder
        yield env


def process_times(commands: Sequence[Sequence[str]], runs: int, env: dict[str, str]) -> list[float]:
    """The median wall time of each command as a fresh process, the commands taking turns."""
    for command in commands:  # warm up: bytecode written, files in the page cache
        subprocess.run(command, capture_output=True, check=False, env=env)
    return side_by_side(
        [
            partial(subprocess.run, command, capture_output=True, check=False, env=env)
            for command in commands
        ],
        runs,
    )


def validate_row(runs: int, env: dict[str, str]) -> Row:
    """``validate`` of a shipped scenario beside ``python -c "import yaml"``."""
    ours, reference = validate_commands()
    validate, baseline = process_times([ours, reference], runs, env)
    return Row(
        f"validate {VALIDATED}.yaml", validate, baseline, 'python -c "import yaml"', VALIDATE_FLOOR
    )


def main() -> int:
    """Run both measurements; exit 1 when a floor is not met."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--states", type=int, default=5000)
    parser.add_argument("--runs", type=int, default=11)
    options = parser.parse_args()
    with bytecode_env() as env:
        rows = [load_row(options.states, options.runs), validate_row(options.runs * 2, env)]
    print(format_table(rows))
    return 0 if all(row.ok for row in rows) else 1


if __name__ == "__main__":
    sys.exit(main())
