"""Walkthrough files that replay what exploration found, for an author to run with ``test``."""

from __future__ import annotations

from typing import Any

from repetition_3422.authoring.explore import Problem, ProblemKind
from repetition_3422.authoring.recorder import step_data
from repetition_3422.authoring.writer import document
from repetition_3422.i18n import _


def kind_label(kind: ProblemKind) -> str:
    """« plantage », « erreur du scénario », « bloqué », « sans fin »."""
    labels = {
        "crash": _("plantage"),
        "fault": _("erreur du scénario"),
        "stuck": _("bloqué"),
        "endless": _("sans fin"),
    }
    return labels[kind]


def file_name(script_id: str, problem: Problem) -> str:
    """« opposition-fault-1017.yaml »."""
    return f"{script_id}-{problem.kind}-{problem.seed}.yaml"


def replay_text(problem: Problem, script_ref: str, command: str) -> str:
    """The walkthrough that replays ``problem``: it fails until the script is fixed.

    A crash or a script fault fails the step where it happens; a stuck or endless call
    fails the final ``ended: true``.
    """
    identity: dict[str, Any] = {"seed": problem.seed}
    if problem.represented:
        identity["represented"] = "enfant"
    walkthrough: dict[str, Any] = {
        "name": _("Exploration, graine {seed} : {kind} dans « {state} »").format(
            seed=problem.seed, kind=kind_label(problem.kind), state=problem.state
        ),
        "identity": identity,
        "seed": problem.seed,
        "difficulty": problem.settings.difficulty,
        "mode": problem.settings.mode,
        "at": problem.settings.at.isoformat(timespec="minutes"),
        "steps": [step_data(action) for action in problem.actions],
    }
    if problem.kind in ("stuck", "endless"):
        walkthrough["expect"] = {"ended": True}
    header = [
        _("Trouvé par « {command} » : {kind}.").format(
            command=command, kind=kind_label(problem.kind)
        ),
        problem.message,
        _("Rejouez-le avec « repetition-3422 test » ; gardez-le comme test une fois corrigé."),
    ]
    return document({"script": script_ref, "walkthroughs": [walkthrough]}, header)
