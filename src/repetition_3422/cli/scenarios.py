"""The ``scenarios`` command: the shipped scenarios, one a line (id, title, duration)."""

from __future__ import annotations

import click

from repetition_3422.errors import Repetition3422Error
from repetition_3422.i18n import _
from repetition_3422.language import load
from repetition_3422.language.catalog import scenario_path, shipped_ids


@click.command("scenarios", help=_("Lister les scénarios fournis : identifiant, titre, durée."))
def scenarios() -> None:
    """Print ``id<TAB>title<TAB>~N min`` for each shipped scenario."""
    for scenario_id in shipped_ids():
        try:
            script = load(scenario_path(scenario_id))
        except Repetition3422Error as error:
            # One broken scenario must not hide the others.
            click.echo(
                _("{id} : scénario illisible ({reason})").format(
                    id=scenario_id, reason=error.message
                ),
                err=True,
            )
            continue
        duration = _("{minutes:g} min").format(minutes=script.duration_min)
        click.echo(f"{script.id}\t{script.title}\t{duration}")
