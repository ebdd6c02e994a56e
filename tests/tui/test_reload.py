"""For script authors: hot reload on save or F5, and a readable panel for a broken script."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

from repetition_3422.domain.identity import Identity
from repetition_3422.errors import ScriptError
from repetition_3422.language import load
from repetition_3422.tui.clock import ManualClock
from repetition_3422.tui.screens.call import CallScreen
from repetition_3422.tui.screens.script_errors import ScriptErrorsScreen

from .conftest import SIZE, SMALL_SCRIPT, AppMaker
from .helpers import call_screen, say, text_of, transcript_text, wait

BROKEN = """id: petit-appel
title: Cassé
description: Un script cassé.
start: accueil
states:
  accueil:
    say: "Bonjour."
    on:
      - intent: inconnue
        go: nulle-part
"""


def edit(path: Path, old: str, new: str) -> None:
    """Change the file as an editor would, making sure its time stamp moves."""
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace(old, new), encoding="utf-8")
    stat = path.stat()
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000))


def copy_script(tmp_path: Path) -> Path:
    target = tmp_path / "petit-appel.yaml"
    shutil.copy(SMALL_SCRIPT, target)
    return target


async def test_a_saved_change_reloads_and_the_call_goes_on_from_the_same_state(
    make: AppMaker, clock: ManualClock, identity: Identity, tmp_path: Path
) -> None:
    path = copy_script(tmp_path)
    app = make(scripts=[load(path)], start_scenario="petit-appel", watch=path)
    async with app.run_test(size=SIZE) as pilot:
        await wait(pilot, clock, 4)
        await pilot.press("1", "f4")
        await say(pilot, "je veux m'opposer")
        await say(pilot, identity.code)
        assert call_screen(app).session.call.state.id == "demande-nir"
        edit(path, "Et votre numéro de sécurité sociale ?", "Votre NIR, s'il vous plaît ?")
        await wait(pilot, clock, 1)
        screen = call_screen(app)
        assert screen.session.call.state.id == "demande-nir"
        assert "Votre NIR, s'il vous plaît ?" in transcript_text(app)[-1]
        # The replayed call kept the code already given: the NIR finishes the identification.
        await say(pilot, identity.nir)
        assert screen.session.call.state.id == "enregistrement"


async def test_f5_reloads_and_a_removed_state_restarts_the_call(
    make: AppMaker, clock: ManualClock, tmp_path: Path
) -> None:
    path = copy_script(tmp_path)
    app = make(scripts=[load(path)], start_scenario="petit-appel", watch=path)
    async with app.run_test(size=SIZE) as pilot:
        await wait(pilot, clock, 4)
        assert call_screen(app).session.call.state.id == "menu"
        text = path.read_text(encoding="utf-8")
        path.write_text(
            text.replace("  menu:\n", "  menu-principal:\n").replace(
                "go: menu\n", "go: menu-principal\n"
            ),
            encoding="utf-8",
        )
        await pilot.press("f5")
        await pilot.pause()
        screen = call_screen(app)
        assert screen.session.call.state.id == "sonnerie"
        assert any("n'existe plus" in str(n.message) for n in app._notifications)


async def test_a_broken_save_shows_the_problems_then_the_fix_goes_back_to_the_call(
    make: AppMaker, clock: ManualClock, tmp_path: Path
) -> None:
    path = copy_script(tmp_path)
    app = make(scripts=[load(path)], start_scenario="petit-appel", watch=path)
    async with app.run_test(size=SIZE) as pilot:
        await wait(pilot, clock, 4)
        edit(path, "    kind: menu\n", "    kind: menu\n    nonsense: [\n")
        await wait(pilot, clock, 1)
        assert isinstance(app.screen, ScriptErrorsScreen)
        panel = text_of(app, "#errors-text")
        assert f"{path}:" in panel
        edit(path, "    nonsense: [\n", "")
        await wait(pilot, clock, 1)
        assert isinstance(app.screen, CallScreen)
        assert app.screen.session.call.state.id == "menu"


async def test_a_script_broken_from_the_start_opens_the_error_panel(
    make: AppMaker, clock: ManualClock, tmp_path: Path
) -> None:
    path = tmp_path / "petit-appel.yaml"
    path.write_text(BROKEN, encoding="utf-8")
    try:
        load(path)
    except ScriptError as error:
        problem = error
    app = make(scripts=[], watch=path, script_error=problem)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, ScriptErrorsScreen)
        panel = text_of(app, "#errors-text")
        # file:line:column, the line itself and a caret under the place.
        assert f"{path}:9:" in panel or f"{path}:10:" in panel
        assert "^" in panel
        shutil.copy(SMALL_SCRIPT, path)
        await pilot.press("ctrl+r")
        await pilot.pause()
        assert isinstance(app.screen, CallScreen)
        assert app.screen.script.id == "petit-appel"


async def test_reload_is_offered_only_when_a_file_is_watched(make: AppMaker) -> None:
    app = make()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert app.check_action("reload", ()) is False
