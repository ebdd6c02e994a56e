"""``repetition-3422 test``: play walkthrough files, show what failed, measure coverage."""

from __future__ import annotations

import json
from pathlib import Path

import click

from repetition_3422.authoring import report
from repetition_3422.authoring.document import walkthrough_schema
from repetition_3422.authoring.scripts import Scripts
from repetition_3422.authoring.suite import FileRun, coverage_by_script, run_file, walkthrough_files
from repetition_3422.errors import BAD_INPUT, PROBLEMS_FOUND, FileReadError
from repetition_3422.i18n import _
from repetition_3422.language.diagnostics import Diagnostic, render_text


@click.command(
    "test",
    help=_(
        "Jouer des parcours de test (fichiers, ou dossiers parcourus à la recherche de "
        "dossiers walkthroughs/) et dire lesquels échouent. Code de sortie : 0 tout réussit, "
        "1 un parcours échoue, 2 un fichier est illisible."
    ),
    short_help=_("Jouer des parcours de test des scripts."),
)
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@click.option(
    "--coverage",
    is_flag=True,
    help=_("Lister les états, transitions, relances et critères qu'aucun parcours n'atteint."),
)
@click.option(
    "--schema",
    is_flag=True,
    help=_("Afficher le schéma JSON des fichiers de parcours (pour un éditeur) et quitter."),
)
@click.pass_context
def test(ctx: click.Context, paths: tuple[Path, ...], coverage: bool, schema: bool) -> None:
    """Play the walkthrough files at ``paths`` (or print their schema)."""
    if schema:
        click.echo(json.dumps(walkthrough_schema(), ensure_ascii=False, indent=2))
        return
    if not paths:
        raise click.UsageError(_("Donnez au moins un fichier ou un dossier de parcours."))
    session = _Session()
    for path in paths:
        session.path(path)
    ctx.exit(session.finish(coverage=coverage))


class _Session:
    """The files of one ``test`` command, played in order, and what they gave."""

    def __init__(self) -> None:
        self.scripts = Scripts()
        self.runs: list[FileRun] = []
        self.unreadable = 0
        self.shown_scripts: set[Path] = set()

    def path(self, path: Path) -> None:
        """Play every walkthrough file at ``path``."""
        try:
            files = walkthrough_files(path)
        except FileReadError as error:
            self.error(error.message)
            return
        for file in files:
            try:
                run = run_file(file, self.scripts)
            except FileReadError as error:
                self.error(error.message)
                continue
            self.show(run)
            self.runs.append(run)
            self.unreadable += run.read.file is None

    def error(self, message: str) -> None:
        """A path that cannot be read: a sentence on stderr."""
        click.echo(_("Erreur : {message}").format(message=message), err=True)
        self.unreadable += 1

    def show(self, run: FileRun) -> None:
        """The file's problems, then one line per walkthrough."""
        click.echo(report.file_header(run))
        problems: list[Diagnostic] = list(run.read.diagnostics)
        loaded = run.read.script
        if loaded is not None and not loaded.usable:
            key = loaded.path.resolve()
            if key not in self.shown_scripts:  # a broken script is shown once
                self.shown_scripts.add(key)
                problems += [item for item in loaded.diagnostics if item.is_error]
        if problems:
            click.echo(render_text(problems))
        for outcome in run.outcomes:
            click.echo("\n".join(report.outcome_lines(outcome)))
        if not run.script_ok:
            click.echo("\n".join(report.script_broken_lines(run)))

    def finish(self, *, coverage: bool) -> int:
        """Print the summary (and the coverage); return the exit code."""
        total = sum(len(run.read.file.walkthroughs) for run in self.runs if run.read.file)
        failed = sum(run.failed for run in self.runs)
        click.echo(report.summary(total, failed, self.unreadable))
        if coverage:
            for item in coverage_by_script(self.runs):
                click.echo("")
                click.echo("\n".join(report.coverage_lines(item)))
        if self.unreadable:
            return BAD_INPUT
        return PROBLEMS_FOUND if failed else 0
