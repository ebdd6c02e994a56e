"""``repetition-3422 validate``: check scripts and show every problem at its line."""

from __future__ import annotations

from pathlib import Path

import click

from repetition_3422.errors import BAD_INPUT, PROBLEMS_FOUND, FileReadError
from repetition_3422.i18n import _, ngettext

SKIPPED_FOLDERS = frozenset({"walkthroughs"})
"""Folders of walkthrough tests: YAML files that are not scripts."""


def script_files(path: Path) -> list[Path]:
    """The scripts at ``path``: the file itself, or the ``*.yaml`` files under a folder.

    Raises:
        FileReadError: the path does not exist, or the folder holds no script.
    """
    if path.is_file():
        return [path]
    if not path.is_dir():
        raise FileReadError(_("{path} n'existe pas.").format(path=path))
    found = sorted(
        item
        for item in path.rglob("*.yaml")
        if item.is_file() and not SKIPPED_FOLDERS.intersection(item.relative_to(path).parts[:-1])
    )
    if not found:
        raise FileReadError(
            _("Le dossier {path} ne contient aucun script (*.yaml).").format(path=path)
        )
    return found


@click.command(
    "validate",
    help=_(
        "Vérifier des scripts de dialogue (fichiers, ou dossiers parcourus à la recherche "
        "de *.yaml) et montrer chaque problème à sa ligne. Code de sortie : 0 sans problème, "
        "1 s'il y a des problèmes, 2 si un fichier est illisible."
    ),
    short_help=_("Vérifier des scripts de dialogue."),
)
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option(
    "--strict", is_flag=True, help=_("Les avertissements comptent aussi comme des problèmes.")
)
@click.option(
    "--format",
    "output",
    type=click.Choice(["text", "json"]),
    default="text",
    show_default=True,
    help=_("Texte pour une personne, JSON pour un éditeur ou l'intégration continue."),
)
@click.pass_context
def validate(ctx: click.Context, paths: tuple[Path, ...], strict: bool, output: str) -> None:
    from repetition_3422.language import load_and_check
    from repetition_3422.language.diagnostics import Diagnostic, as_json, render_text

    found: list[Diagnostic] = []
    checked: list[str] = []
    unreadable = False
    for path in paths:
        try:
            files = script_files(path)
        except FileReadError as error:
            click.echo(_("Erreur : {message}").format(message=error), err=True)
            unreadable = True
            continue
        for file in files:
            try:
                found += load_and_check(file)[1]
            except FileReadError as error:
                click.echo(_("Erreur : {message}").format(message=error), err=True)
                unreadable = True
                continue
            checked.append(str(file))
    if output == "json":
        click.echo(as_json(found, checked))
    else:
        click.echo(render_text(found))
        click.echo(
            ngettext("{n} fichier vérifié.", "{n} fichiers vérifiés.", len(checked)).format(
                n=len(checked)
            )
        )
    failing = [item for item in found if item.is_error or strict]
    ctx.exit(BAD_INPUT if unreadable else PROBLEMS_FOUND if failing else 0)
