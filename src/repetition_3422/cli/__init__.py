"""The ``repetition-3422`` command: a click group whose subcommands load on first use.

Each subcommand lives in its own module under :mod:`repetition_3422.cli` and is imported
only when it runs, so ``repetition-3422 validate`` never pays for Textual.
"""

from __future__ import annotations

import gc
import gettext
import importlib
import os
import sys
from typing import Any

import click

from repetition_3422.errors import Repetition3422Error
from repetition_3422.i18n import LANGUAGES, LOCALE_DIR, _, set_language

DEBUG_VARIABLE = "REPETITION_3422_DEBUG"
"""Set this environment variable to see tracebacks instead of sentences."""

COMMANDS: dict[str, str] = {
    # name: "module:attribute" inside repetition_3422.cli
    "graph": "graph:graph",
    "schema": "schema:schema",
    "validate": "validate:validate",
    "card": "card:card",
    "say": "say:say",
    "sheet": "sheet:sheet",
    "voices": "voices:voices",
    "forget": "forget:forget",
    "play": "play:play",
    "scenarios": "scenarios:scenarios",
    "test": "test:test",
    "explore": "explore:explore",
}
"""Every subcommand, by name, with the module that defines it."""


class LazyGroup(click.Group):
    """A group that imports a subcommand's module only when that subcommand is used."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(COMMANDS)

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        target = COMMANDS.get(cmd_name)
        if target is None:
            return None
        module_name, attribute = target.split(":")
        module = importlib.import_module(f"repetition_3422.cli.{module_name}")
        command: click.Command = getattr(module, attribute)
        return command


CLICK_MODULES = ("core", "decorators", "exceptions", "formatting", "parser", "termui", "types")
"""Modules of click that translate their messages with module-level ``_``/``ngettext``."""


def _early_language(argv: list[str]) -> None:
    """Settle the language before click builds any help text."""
    language = None
    for index, word in enumerate(argv):
        if word == "--lang" and index + 1 < len(argv):
            language = argv[index + 1]
        elif word.startswith("--lang="):
            language = word.split("=", 1)[1]
    chosen = set_language("en" if language == "en" else "fr" if language == "fr" else None)
    _translate_click(chosen)


def _translate_click(language: str) -> None:
    """Give click's own messages ("Usage:", "Show this message and exit.") our language.

    click calls ``gettext.gettext`` bound at its import, on the process-wide default domain,
    which follows the environment's locale; we bind its modules to our catalogue instead.
    """
    catalogue = gettext.translation(
        "click", localedir=LOCALE_DIR, languages=[language], fallback=True
    )
    for name in CLICK_MODULES:
        module = sys.modules.get(f"click.{name}")
        if module is None:
            continue
        if hasattr(module, "_"):
            setattr(module, "_", catalogue.gettext)  # noqa: B010 (module attribute)
        if hasattr(module, "ngettext"):
            setattr(module, "ngettext", catalogue.ngettext)  # noqa: B010


def make_cli() -> click.Group:
    """Build the root command; call it after the language is set, so its help is translated."""

    @click.group(
        cls=LazyGroup,
        invoke_without_command=True,
        context_settings={"help_option_names": ["-h", "--help"]},
        help=_("Répéter l'appel au 3422 pour refuser ou fermer « Mon espace santé »."),
        options_metavar=_("[OPTIONS]"),
        subcommand_metavar=_("[COMMANDE] [ARGUMENTS]..."),
    )
    @click.option(
        "--lang",
        type=click.Choice(LANGUAGES),
        default=None,
        help=_("Langue de l'interface (fr ou en)."),
    )
    @click.version_option(
        None,
        "--version",
        package_name="repetition-3422",
        prog_name="repetition-3422",
        help=_("Afficher la version et quitter."),
    )
    @click.pass_context
    def cli(ctx: click.Context, lang: str | None) -> None:
        if ctx.invoked_subcommand is not None:
            return
        from repetition_3422.cli.home import open_home

        ctx.exit(open_home())

    return cli


def main(argv: list[str] | None = None) -> Any:
    """Run the command line; errors become sentences on stderr and contract exit codes."""
    if argv is None:  # the program itself (a caller's process keeps its own collector)
        # What the imports made lives as long as the process: the cycle collector need
        # not walk it at each collection and once more at exit (validate: about 5 ms).
        gc.freeze()
    args = list(sys.argv[1:] if argv is None else argv)
    _early_language(args)
    try:
        return make_cli().main(args=args, prog_name="repetition-3422", standalone_mode=True)
    except Repetition3422Error as error:
        click.echo(_("Erreur : {message}").format(message=error), err=True)
        sys.exit(error.exit_code)
    except KeyboardInterrupt:
        sys.exit(130)
    except Exception as error:  # a bug: still a sentence, the details only on request
        if os.environ.get(DEBUG_VARIABLE):
            raise
        click.echo(
            _(
                "Erreur inattendue ({kind}) : {message}\n"
                "Rien n'a été perdu. Pour voir le détail technique, relancez avec "
                "{variable}=1."
            ).format(kind=type(error).__name__, message=error, variable=DEBUG_VARIABLE),
            err=True,
        )
        sys.exit(1)
