"""The ``card`` command: fictional practice cards (code, NIR, carte Vitale) to rehearse with."""

from __future__ import annotations

import json
import secrets
from collections.abc import Callable
from pathlib import Path

import click

from repetition_3422.domain.identity import Identity, generate_identities, identity_to_dict
from repetition_3422.errors import UsageError
from repetition_3422.files import write_atomic
from repetition_3422.i18n import _, ngettext

Renderer = Callable[[list[Identity]], str | bytes]
"""Turns practice identities into the content of one output format."""

MAX_CARDS = 200
"""Most cards one command makes (a large workshop)."""


def render_json(identities: list[Identity]) -> str:
    """A JSON list of identity dictionaries, each with ``"fictif": true``."""
    cards = [identity_to_dict(identity) for identity in identities]
    return json.dumps(cards, ensure_ascii=False, indent=2) + "\n"


RENDERERS: dict[str, Renderer] = {"json": render_json}
"""Output formats by name: add ``"pdf"`` or ``"html"`` here (bytes go to ``--out`` only)."""


@click.command(
    "card",
    help=_(
        "Créer des cartes d'entraînement FICTIVES : code, NIR et carte Vitale. Les numéros "
        "passent les contrôles officiels mais ne sont ceux de personne : le NIR porte le "
        "numéro d'ordre 000, jamais attribué."
    ),
)
@click.option(
    "--count",
    type=click.IntRange(1, MAX_CARDS),
    default=1,
    show_default=True,
    help=_("Nombre de cartes d'entraînement à créer (de 1 à 200)."),
)
@click.option(
    "--seed",
    type=click.IntRange(min=0),
    default=None,
    help=_("Graine du tirage : la même graine redonne les mêmes cartes (au hasard sinon)."),
)
@click.option(
    "--format",
    "output_format",
    type=click.Choice(sorted(RENDERERS)),
    default="json",
    show_default=True,
    help=_("Format de sortie."),
)
@click.option(
    "--out",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help=_("Fichier à écrire (remplacé d'un coup) ; sans cette option, la sortie standard."),
)
def card(count: int, seed: int | None, output_format: str, out: Path | None) -> None:
    """Write ``count`` fictional identities in ``output_format`` to ``out`` or stdout."""
    chosen_seed = secrets.randbelow(2**32) if seed is None else seed
    content = RENDERERS[output_format](generate_identities(count, chosen_seed))
    if out is None:
        _echo_content(content, output_format)
        return
    write_atomic(out, content)
    message = ngettext(
        "{count} carte écrite dans {path} (graine {seed}).",
        "{count} cartes écrites dans {path} (graine {seed}).",
        count,
    )
    click.echo(message.format(count=count, path=out, seed=chosen_seed))


def _echo_content(content: str | bytes, output_format: str) -> None:
    if isinstance(content, bytes):
        raise UsageError(
            _("Le format {format} s'écrit dans un fichier : ajoutez --out FICHIER.").format(
                format=output_format
            )
        )
    click.echo(content, nl=False)
