"""What ``test`` prints: one line per walkthrough, the failures in detail, the coverage."""

from __future__ import annotations

from pathlib import Path

from repetition_3422.authoring.coverage import KINDS, Coverage, Kind
from repetition_3422.authoring.model import Expectation, Step
from repetition_3422.authoring.runner import Failure, Outcome
from repetition_3422.authoring.suite import FileRun
from repetition_3422.i18n import _, ngettext
from repetition_3422.language.diagnostics import counted
from repetition_3422.language.model import Mark

PASSED = "✓"
FAILED = "✗"


def shown(path: Path | str) -> str:
    """``path`` relative to the current folder when it is inside it (shorter to read)."""
    candidate = Path(path)
    try:
        return str(candidate.resolve().relative_to(Path.cwd()))
    except ValueError:
        return str(candidate)


def place(mark: Mark) -> str:
    """``file:line`` of a mark, the file shown relative to the current folder."""
    return f"{shown(mark.file)}:{mark.line}"


def percent(value: float) -> str:
    """« 100 % », « 97,3 % »: French writing of a share."""
    text = f"{value:.1f}".replace(".", ",").removesuffix(",0")
    return f"{text}\u00a0%"


def file_header(run: FileRun) -> str:
    """« parcours/opposition.yaml (opposition) »."""
    script = run.read.script
    if script is None or script.script is None:
        return shown(run.read.path)
    return f"{shown(run.read.path)} ({script.script.id})"


def outcome_lines(outcome: Outcome) -> list[str]:
    """``✓ name``, or ``✗ name`` followed by the failure."""
    walkthrough = outcome.walkthrough
    if outcome.failure is None:
        return [f"  {PASSED} {walkthrough.name}"]
    settings = walkthrough.settings
    played = _("joué avec : graine {seed}, {difficulty}, {mode}, le {at} ; {card}").format(
        seed=settings.seed,
        difficulty=settings.difficulty,
        mode=settings.mode,
        at=settings.at.isoformat(sep=" ", timespec="minutes"),
        card=walkthrough.identity_note,
    )
    return [f"  {FAILED} {walkthrough.name}", *failure_lines(outcome.failure), f"      {played}"]


def failure_lines(failure: Failure) -> list[str]:
    """Where it failed, what was expected, what happened, the end of the transcript."""
    where = failure.where
    if isinstance(where, Step):
        head = _("{place} : étape {number}, {step}").format(
            place=_full(where.mark), number=failure.step, step=where.source
        )
    elif isinstance(where, Expectation):
        head = _("{place} : attentes de fin de parcours").format(place=_full(where.mark))
    else:
        head = _("au début de l'appel")
    lines = [f"      {head}"]
    for difference in failure.differences:
        lines.append("      " + _("attendu : {text}").format(text=difference.expected))
        lines.append("      " + _("obtenu  : {text}").format(text=difference.got))
    if failure.transcript:
        lines.append("      " + _("fin de la transcription :"))
        lines += [f"        {turn}" for turn in failure.transcript]
    return lines


def _full(mark: Mark) -> str:
    return f"{shown(mark.file)}:{mark.line}:{mark.column}"


def script_broken_lines(run: FileRun) -> list[str]:
    """Each walkthrough marked failed because its script has errors."""
    if run.read.file is None:
        return []
    reason = _("le script a des erreurs (voir plus haut) : rien n'a été joué")
    return [f"  {FAILED} {item.name} — {reason}" for item in run.read.file.walkthroughs]


def summary(total: int, failed: int, unreadable: int) -> str:
    """« 12 parcours : 11 réussis, 1 en échec. » and the files that could not be read."""
    text = ngettext("{n} parcours", "{n} parcours", total).format(n=total)
    if failed:
        text += " : " + _("{passed}, {failed}.").format(
            passed=counted("{n} réussi", "{n} réussis", total - failed),
            failed=counted("{n} en échec", "{n} en échec", failed),
        )
    else:
        text += " : " + counted("{n} réussi", "{n} réussis", total) + "."
    if unreadable:
        text += " " + counted("{n} fichier illisible.", "{n} fichiers illisibles.", unreadable)
    return text


def kind_label(kind: Kind) -> str:
    """« états », « transitions », « relances », « critères »."""
    labels = {
        "state": _("états"),
        "transition": _("transitions"),
        "reprompt": _("relances"),
        "criterion": _("critères"),
    }
    return labels[kind]


def missed_heading(kind: Kind) -> str:
    """The heading of what nothing reached, per kind."""
    headings = {
        "state": _("États jamais atteints :"),
        "transition": _("Transitions jamais prises :"),
        "reprompt": _("Relances jamais dites :"),
        "criterion": _("Résultats de critères jamais obtenus :"),
    }
    return headings[kind]


def coverage_lines(coverage: Coverage) -> list[str]:
    """The coverage of one script: a share per kind, then what nothing reached."""
    script = coverage.script
    source = shown(script.source) if script.source is not None else script.id
    lines = [
        _("Couverture de « {id} » ({source}) : {share}").format(
            id=script.id, source=source, share=percent(coverage.percent())
        )
    ]
    for kind in KINDS:
        done, total = coverage.counts(kind)
        label = kind_label(kind)
        lines.append(f"  {label:<12} {done:>4}/{total:<4} {percent(coverage.percent(kind))}")
    for kind in KINDS:
        missed = coverage.missed(kind)
        if missed:
            lines.append("  " + missed_heading(kind))
            lines += [f"    {place(item.mark)}  {item.label}" for item in missed]
    return lines
