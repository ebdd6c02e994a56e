"""``repetition-3422 graph``: the call drawn as Mermaid or Graphviz text on stdout."""

from __future__ import annotations

import click

from repetition_3422.errors import PROBLEMS_FOUND
from repetition_3422.i18n import _


@click.command(
    "graph",
    help=_(
        "Dessiner l'appel d'un script (id d'un scénario fourni ou chemin) : états, "
        "transitions et fins, au format Mermaid ou DOT (Graphviz), sur la sortie standard."
    ),
    short_help=_("Graphe d'un script (Mermaid ou DOT)."),
)
@click.argument("script")
@click.option(
    "--format",
    "output",
    type=click.Choice(["mermaid", "dot"]),
    default="mermaid",
    show_default=True,
    help=_("Format du graphe."),
)
@click.pass_context
def graph(ctx: click.Context, script: str, output: str) -> None:
    from repetition_3422.language import load_and_check
    from repetition_3422.language.catalog import resolve
    from repetition_3422.language.diagnostics import render_text
    from repetition_3422.language.graph import RENDERERS, extract

    loaded, found = load_and_check(resolve(script))
    errors = [item for item in found if item.is_error]
    if loaded is None or errors:
        click.echo(render_text(errors), err=True)
        ctx.exit(PROBLEMS_FOUND)
    click.echo(RENDERERS[output](extract(loaded)), nl=False)
