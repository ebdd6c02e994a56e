"""The home screen: scenarios, level, mode, voice, the practice card, the history."""

from __future__ import annotations

from textual.widgets import ContentSwitcher

from repetition_3422.history import Attempt, load_history
from repetition_3422.settings import load_settings
from repetition_3422.tui.widgets.choice import Choice
from repetition_3422.tui.widgets.footer import Footer
from repetition_3422.tui.widgets.tab_bar import TabBar

from .conftest import SIZE, AppMaker
from .helpers import text_of


async def test_home_shows_the_scenario_and_how_long_it_takes(make: AppMaker) -> None:
    app = make()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        info = text_of(app, "#scenario-info")
        assert "Petit appel d'essai" in info
        assert "Durée : environ 2 minutes" in info
        assert "Aucun essai pour l'instant." in info


async def test_home_lists_past_attempts_with_what_to_work_on(make: AppMaker) -> None:
    history = load_history()
    history.add(
        Attempt(
            "petit-appel",
            "2025-03-01T14:05:00",
            "facile",
            "real",
            "raccroche-appelant",
            40,
            ("justificatif-demande",),
        )
    )
    app = make(history=history)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        info = text_of(app, "#scenario-info")
        assert "01/03 14:05 · facile · comme en vrai · 40/100" in info
        assert "à revoir : Demander le justificatif" in info


async def test_level_mode_and_voice_are_chosen_and_remembered(make: AppMaker) -> None:
    app = make()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert app.screen.query_one("#difficulty", Choice).value == "moyen"
        await pilot.press("d", "m", "v")
        await pilot.pause()
        assert app.screen.query_one("#difficulty", Choice).value == "difficile"
    saved = load_settings()
    assert (saved.difficulty, saved.mode, saved.speech) == ("difficile", "real", True)


def shown(choice: Choice[object]) -> str:
    """What a choice draws, its padding left out."""
    return " ".join(str(choice.render()).split())


async def test_the_choices_change_with_enter_space_arrows_and_a_click(make: AppMaker) -> None:
    app = make()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        level = app.screen.query_one("#difficulty", Choice)
        mode = app.screen.query_one("#mode", Choice)
        speech = app.screen.query_one("#speech", Choice)
        assert (level.value, mode.value, speech.value) == ("moyen", "practice", False)
        assert shown(level) == "moyen ▸"
        await pilot.press("tab", "tab")  # from the list, past the details
        assert app.focused is level
        await pilot.press("enter")
        assert level.value == "difficile"
        await pilot.press("left", "left")
        assert level.value == "facile"
        await pilot.press("tab", "space")
        assert app.focused is mode
        assert mode.value == "real"
        assert shown(mode) == "Comme en vrai ▸"
        await pilot.click("#speech")
        await pilot.pause()
        assert app.focused is speech
        assert speech.value is True
        assert shown(speech) == "Avec la voix ▸"
    saved = load_settings()
    assert (saved.difficulty, saved.mode, saved.speech) == ("facile", "real", True)


async def test_a_new_practice_card_is_made_and_shown(make: AppMaker) -> None:
    app = make()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        before = app.rehearsal.identity
        await pilot.press("n")
        await pilot.pause()
        after = app.rehearsal.identity
        assert after != before
        assert after.fictional
        assert app.screen.query_one("#home-tabs", ContentSwitcher).current == "tab-card"
        card = text_of(app, "#card-numbers")
        assert "FICTIF" in card
        assert after.code[:4] in card
        where = text_of(app, "#card-where")
        assert "8025000002" in where  # the long line of a card with photo
        assert "au verso, en haut à gauche" in where


async def test_comment_ca_marche_invites_to_say_answers_aloud(make: AppMaker) -> None:
    app = make()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("f1")
        await pilot.pause()
        assert app.screen.query_one("#home-tabs", ContentSwitcher).current == "tab-help"
        assert "dites-la à voix haute" in text_of(app, "#how-it-works")


async def test_choosing_a_scenario_moves_to_the_call_button(make: AppMaker) -> None:
    app = make()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter")
        await pilot.pause()
        assert app.focused is not None and app.focused.id == "call"


async def test_a_key_of_the_footer_runs_when_clicked(make: AppMaker) -> None:
    app = make()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        footer = app.screen.query_one(Footer)
        line = footer.render().plain
        assert line.startswith(" a Appeler  n Carte  d Niveau ")
        before = app.rehearsal.identity
        await pilot.click(Footer, offset=(line.index("Carte"), 0))
        await pilot.pause()
        assert app.rehearsal.identity != before
        assert app.screen.query_one("#home-tabs", ContentSwitcher).current == "tab-card"


async def test_the_tabs_are_chosen_by_keyboard_and_by_click(make: AppMaker) -> None:
    app = make()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        switcher = app.screen.query_one("#home-tabs", ContentSwitcher)
        assert switcher.current == "tab-scenarios"
        bar = app.screen.query_one("#home-tab-bar", TabBar)
        bar.focus()
        await pilot.press("right")
        await pilot.pause()
        assert switcher.current == bar.active == "tab-card"
        assert "FICTIF" in text_of(app, "#card-numbers")
        await pilot.press("right")
        await pilot.pause()
        assert switcher.current == bar.active == "tab-help"
        assert "dites-la à voix haute" in text_of(app, "#how-it-works")
        await pilot.press("right")
        await pilot.pause()
        assert switcher.current == bar.active == "tab-scenarios"
        # « Scénarios » takes 11 cells with its padding, « Carte d'entraînement » 22.
        await pilot.click("#home-tab-bar", offset=(35, 0))
        await pilot.pause()
        assert switcher.current == bar.active == "tab-help"
        await pilot.click("#home-tab-bar", offset=(2, 0))
        await pilot.pause()
        assert switcher.current == bar.active == "tab-scenarios"
