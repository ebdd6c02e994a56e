"""``repetition-3422 explore``: random calls of a script, to find crashes, faults and traps."""

from __future__ import annotations

from pathlib import Path

import click

from repetition_3422.authoring.coverage import Coverage
from repetition_3422.authoring.explore import MAX_TURNS, Exploration
from repetition_3422.authoring.explore import explore as run_exploration
from repetition_3422.authoring.replays import file_name, kind_label, replay_text
from repetition_3422.authoring.report import percent, shown
from repetition_3422.authoring.scripts import script_reference
from repetition_3422.cli.options import parse_seed
from repetition_3422.errors import PROBLEMS_FOUND, FileWriteError
from repetition_3422.files import write_atomic
from repetition_3422.i18n import _, ngettext
from repetition_3422.language import load_and_check
from repetition_3422.language.catalog import resolve
from repetition_3422.language.diagnostics import render_text


@click.command(
    "explore",
    help=_(
        "Jouer au hasard de nombreux appels d'un script (SCRIPT : scénario fourni ou chemin) "
        "pour trouver les plantages, les erreurs du scénario, les états dont on ne peut pas "
        "sortir et les appels sans fin. Chaque problème est écrit comme un parcours à "
        "rejouer avec « test ». Code de sortie : 0 rien trouvé, 1 des problèmes."
    ),
    short_help=_("Explorer un script au hasard pour y trouver des problèmes."),
)
@click.argument("script_name", metavar="SCRIPT")
@click.option(
    "--walks",
    type=click.IntRange(min=1),
    metavar="N",
    default=500,
    show_default=True,
    help=_("Nombre d'appels joués."),
)
@click.option(
    "--seed", "seed_text", metavar="N", help=_("Graine du premier appel (au hasard sinon).")
)
@click.option(
    "--out",
    "out_dir",
    metavar=_("DOSSIER"),
    default="exploration",
    show_default=True,
    help=_("Où écrire les parcours qui rejouent les problèmes trouvés."),
)
@click.option(
    "--max-turns",
    type=click.IntRange(min=5),
    metavar="N",
    default=MAX_TURNS,
    show_default=True,
    help=_("Tours de parole au-delà desquels un appel est dit sans fin."),
)
@click.pass_context
def explore_command(
    ctx: click.Context,
    script_name: str,
    *,
    walks: int,
    seed_text: str | None,
    out_dir: str,
    max_turns: int,
) -> None:
    """Explore ``script_name`` with seeded random calls; write a replay per problem found."""
    path = resolve(script_name)
    script, found = load_and_check(path)
    errors = [item for item in found if item.is_error]
    if script is None or errors:
        click.echo(render_text(errors))
        ctx.exit(PROBLEMS_FOUND)
    seed = parse_seed(seed_text)
    result = run_exploration(script, walks, seed, max_turns=max_turns)
    click.echo(_summary(result))
    problems = result.distinct()
    if not problems:
        click.echo(_("Aucun problème trouvé."))
        return
    _write_problems(result, script_name, path, Path(out_dir))
    ctx.exit(PROBLEMS_FOUND)


def _write_problems(result: Exploration, script_name: str, path: Path, out: Path) -> None:
    """Write a replay file per distinct problem and print where it is."""
    folder = _folder(out)
    script_ref = script_reference(script_name, path, folder)
    problems = result.distinct()
    for problem, count in problems:
        command = f"repetition-3422 explore {script_name} --walks 1 --seed {problem.seed}"
        target = folder / file_name(result.script.id, problem)
        write_atomic(target, replay_text(problem, script_ref, command))
        times = ngettext("{n} appel", "{n} appels", count).format(n=count)
        click.echo(
            _("✗ {kind} — état « {state} », graine {seed} ({times}) : {message}").format(
                kind=kind_label(problem.kind),
                state=problem.state,
                seed=problem.seed,
                times=times,
                message=problem.message,
            )
        )
        click.echo("    " + _("à rejouer : repetition-3422 test {path}").format(path=shown(target)))
    found = ngettext("{n} problème distinct", "{n} problèmes distincts", len(problems))
    click.echo(
        _("{found}, dans {walks} appels sur {total}.").format(
            found=found.format(n=len(problems)), walks=len(result.problems), total=result.walks
        )
    )


explore = explore_command
"""The command, under the name the command registry looks for."""


def _folder(path: Path) -> Path:
    try:
        path.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise FileWriteError(
            _("Impossible de créer le dossier {path} : {reason}.").format(
                path=path, reason=error.strerror or error
            )
        ) from error
    return path


def _summary(result: Exploration) -> str:
    coverage = Coverage.of(result.script, result.reached)
    head = _(
        "Exploration de « {id} » : {walks} appels (graines {first} à {last}) en {seconds} s."
    ).format(
        id=result.script.id,
        walks=result.walks,
        first=result.seed,
        last=result.seed + result.walks - 1,
        seconds=f"{result.seconds:.1f}".replace(".", ","),
    )
    reached = _("Atteints au hasard : états {states}, transitions {transitions}.").format(
        states=percent(coverage.percent("state")),
        transitions=percent(coverage.percent("transition")),
    )
    return f"{head}\n{reached}"
