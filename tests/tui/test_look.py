"""Look and access: themes, a terminal too small, French and English labels."""

from __future__ import annotations

import gettext
from typing import ClassVar

import pytest
from textual.widgets import Static

from repetition_3422 import i18n
from repetition_3422.settings import Settings, load_settings
from repetition_3422.tui.screens.home import HomeScreen
from repetition_3422.tui.screens.too_small import TooSmallScreen

from .conftest import SIZE, AppMaker


def footer_labels(app: object) -> list[str]:
    screen = app.screen  # type: ignore[attr-defined]
    return [
        active.binding.description
        for active in screen.active_bindings.values()
        if active.binding.show and active.binding.description
    ]


async def test_the_saved_theme_is_applied_and_t_cycles_through_three(make: AppMaker) -> None:
    app = make(settings=Settings(theme="light"))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert app.theme == "textual-light"
        await pilot.press("t")
        assert app.theme == "repetition-contraste"
        await pilot.press("t")
        assert app.theme == "textual-dark"
    assert load_settings().theme == "dark"


@pytest.mark.parametrize("size", [(59, 24), (80, 19)])
async def test_below_60_by_20_a_clear_message_asks_for_a_bigger_window(
    make: AppMaker, size: tuple[int, int]
) -> None:
    app = make()
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, TooSmallScreen)
        message = str(app.screen.query_one("#too-small", Static).render())
        assert message == "Fenêtre trop petite : agrandissez-la à au moins 60×20."
        await pilot.resize_terminal(60, 20)
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)


async def test_the_call_is_usable_at_60_by_20(make: AppMaker) -> None:
    app = make(start_scenario="petit-appel")
    async with app.run_test(size=(60, 20)) as pilot:
        await pilot.pause()
        for selector in ("#call-status", "#transcript", "#answer"):
            region = app.screen.query_one(selector).region
            assert region.width > 0 and region.height > 0, selector


async def test_every_footer_action_is_labelled_in_french(make: AppMaker) -> None:
    app = make(start_scenario="petit-appel")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        labels = footer_labels(app)
        assert {"Répéter", "Carte", "Raccrocher", "Quitter"} <= set(labels)


class _English(gettext.NullTranslations):
    """A stand-in English catalogue, so the test does not depend on the shipped one."""

    WORDS: ClassVar[dict[str, str]] = {
        "Répéter": "Repeat",
        "Raccrocher": "Hang up",
        "Quitter": "Quit",
        "Carte": "Card",
    }

    def gettext(self, message: str) -> str:
        return self.WORDS.get(message, message)


async def test_labels_follow_the_language_set_before_the_app_is_built(
    make: AppMaker, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The screen classes were defined (imported) in French: translation happens per instance.
    monkeypatch.setattr(i18n._Current, "translations", _English())
    monkeypatch.setattr(i18n._Current, "language", "en")
    app = make(start_scenario="petit-appel")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        labels = footer_labels(app)
        assert {"Repeat", "Card", "Hang up", "Quit"} <= set(labels)
        assert "Répéter" not in labels
