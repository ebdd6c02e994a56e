"""The ``forget`` command: erase what the app keeps (history of attempts, preferences)."""

from __future__ import annotations

import shutil
from pathlib import Path

import click

from repetition_3422.errors import FileWriteError, UsageError
from repetition_3422.history import data_dir, history_path
from repetition_3422.i18n import _
from repetition_3422.settings import config_dir


@click.command(
    "forget",
    help=_("Effacer ce que repetition-3422 garde sur cet ordinateur (jamais aucun numéro)."),
)
@click.option(
    "--history", "what", flag_value="history", help=_("Effacer l'historique de vos essais.")
)
@click.option(
    "--all",
    "what",
    flag_value="all",
    help=_("Effacer tout ce que l'application garde : essais et préférences."),
)
@click.option("--yes", is_flag=True, help=_("Ne pas demander de confirmation."))
def forget(what: str | None, yes: bool) -> None:
    """Erase the history of attempts, or everything the app keeps."""
    if what is None:
        raise UsageError(_("Dites quoi effacer : --history (vos essais) ou --all (tout)."))
    targets = [history_path()] if what == "history" else [data_dir(), config_dir()]
    present = [path for path in targets if path.exists()]
    if not present:
        click.echo(_("Rien à effacer : l'application ne garde rien pour l'instant."))
        return
    listing = "\n".join(f"  {path}" for path in present)
    question = _("Effacer définitivement :\n{paths}\n?").format(paths=listing)
    if not yes and not click.confirm(question, default=False):
        click.echo(_("Rien n'a été effacé."))
        return
    for path in present:
        _erase(path)
    click.echo(_("C'est effacé."))


def _erase(path: Path) -> None:
    try:
        if path.is_dir():
            shutil.rmtree(path)
        else:
            path.unlink()
    except OSError as error:
        raise FileWriteError(
            _("Impossible d'effacer {path} : {reason}.").format(
                path=path, reason=error.strerror or error
            )
        ) from error
