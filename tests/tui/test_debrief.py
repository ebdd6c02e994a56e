"""The debrief: outcome, ✓/✗ per criterion with feedback, masked transcript, actions."""

from __future__ import annotations

import json
from pathlib import Path

from textual.widgets import Input

from repetition_3422.domain.identity import Identity
from repetition_3422.history import load_history
from repetition_3422.tui.app import RehearsalApp
from repetition_3422.tui.clock import ManualClock
from repetition_3422.tui.outputs import CallOutputs
from repetition_3422.tui.screens.call import CallScreen
from repetition_3422.tui.screens.debrief import DebriefScreen
from repetition_3422.tui.screens.home import HomeScreen

from .conftest import SIZE, AppMaker
from .helpers import say, text_of, wait


async def play_without_justificatif(
    app: RehearsalApp, pilot: object, clock: ManualClock, identity: Identity
) -> None:
    """Menu, wait, opposition, code, NIR, then good-bye without asking for the proof."""
    await wait(pilot, clock, 4)  # type: ignore[arg-type]
    await pilot.press("1", "f4")  # type: ignore[attr-defined]
    for text in ("je veux m'opposer", identity.code, identity.nir, "au revoir"):
        await say(pilot, text)  # type: ignore[arg-type]
    await pilot.press("enter")  # type: ignore[attr-defined]
    await pilot.pause()  # type: ignore[attr-defined]


async def test_the_debrief_says_what_went_well_and_what_to_do_next_time(
    make: AppMaker, clock: ManualClock, identity: Identity
) -> None:
    app = make(start_scenario="petit-appel")
    async with app.run_test(size=SIZE) as pilot:
        await play_without_justificatif(app, pilot, clock, identity)
        assert isinstance(app.screen, DebriefScreen)
        summary = text_of(app, "#summary")
        assert "Issue : Opposition enregistrée" in summary
        assert "Score : 25/100" in summary
        assert "Niveau : moyen" in summary
        rubric = text_of(app, "#rubric").splitlines()
        assert rubric[0] == "✗ Demander le justificatif"
        assert "demandez le justificatif avant de raccrocher" in rubric[1]
        assert rubric[2] == "✓ Donner le code"
        transcript = text_of(app, "#masked-transcript")
        assert "Vous : je veux m'opposer" in transcript
        # Numbers are masked in the debrief, never shown whole.
        assert identity.nir not in transcript
        assert identity.code not in transcript
        assert "••" in transcript


async def test_the_attempt_is_kept_in_the_history_without_numbers(
    make: AppMaker, clock: ManualClock, identity: Identity
) -> None:
    app = make(start_scenario="petit-appel")
    async with app.run_test(size=SIZE) as pilot:
        await play_without_justificatif(app, pilot, clock, identity)
    attempts = load_history().attempts
    assert len(attempts) == 1
    assert attempts[0].scenario == "petit-appel"
    assert attempts[0].failed == ("justificatif-demande",)
    assert attempts[0].date.startswith("2025-03-03T10:")
    saved = load_history().path.read_text(encoding="utf-8")
    assert identity.nir not in saved and identity.code not in saved


async def test_replay_harder_and_home(
    make: AppMaker, clock: ManualClock, identity: Identity
) -> None:
    app = make(start_scenario="petit-appel")
    async with app.run_test(size=SIZE) as pilot:
        await play_without_justificatif(app, pilot, clock, identity)
        await pilot.press("h")
        await pilot.pause()
        assert isinstance(app.screen, CallScreen)
        assert app.screen.difficulty == "difficile"
        await pilot.press("escape")
        await pilot.pause()
        await pilot.click("#yes")
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, DebriefScreen)
        # « difficile » is the top level: no harder one to offer.
        assert app.screen.check_action("harder", ()) is False
        assert not app.screen.query("#harder")
        await pilot.press("r")
        await pilot.pause()
        assert isinstance(app.screen, CallScreen)
        assert app.screen.difficulty == "difficile"
        await pilot.press("escape")
        await pilot.pause()
        await pilot.click("#yes")
        await pilot.press("enter", "escape")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        assert "à revoir" in text_of(app, "#scenario-info")


async def test_saving_the_debrief_and_the_aide_memoire(
    make: AppMaker, clock: ManualClock, identity: Identity, tmp_path: Path
) -> None:
    app = make(start_scenario="petit-appel")
    async with app.run_test(size=SIZE) as pilot:
        await play_without_justificatif(app, pilot, clock, identity)
        for key, name in (("s", "bilan.md"), ("p", "aide.html")):
            await pilot.press(key)
            await pilot.pause()
            app.screen.query_one("#document-path", Input).value = str(tmp_path / name)
            await pilot.press("enter")
            await pilot.pause()
            assert isinstance(app.screen, DebriefScreen)
    report = (tmp_path / "bilan.md").read_text(encoding="utf-8")
    assert "justificatif" in report
    assert identity.nir not in report
    assert "<html" in (tmp_path / "aide.html").read_text(encoding="utf-8").lower()


async def test_a_wrong_file_name_is_refused_in_the_dialog(
    make: AppMaker, clock: ManualClock, identity: Identity, tmp_path: Path
) -> None:
    app = make(start_scenario="petit-appel")
    async with app.run_test(size=SIZE) as pilot:
        await play_without_justificatif(app, pilot, clock, identity)
        await pilot.press("s")
        await pilot.pause()
        app.screen.query_one("#document-path", Input).value = str(tmp_path / "bilan.docx")
        await pilot.press("enter")
        await pilot.pause()
        assert "doit finir par" in text_of(app, "#document-help")
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, DebriefScreen)
    assert not (tmp_path / "bilan.docx").exists()


async def test_play_outputs_are_written_after_the_call(
    make: AppMaker, clock: ManualClock, identity: Identity, tmp_path: Path
) -> None:
    outputs = CallOutputs(transcript=tmp_path / "t.json", report=tmp_path / "r.md")
    app = make(start_scenario="petit-appel", outputs=outputs)
    async with app.run_test(size=SIZE) as pilot:
        await play_without_justificatif(app, pilot, clock, identity)
    transcript = json.loads((tmp_path / "t.json").read_text(encoding="utf-8"))
    assert transcript["scenario"] == "petit-appel"
    assert transcript["outcome"]["id"] == "opposition-enregistree"
    assert (tmp_path / "r.md").exists()
