"""The home screen: choose a scenario and how to play it, see the practice card and the history."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import (
    Button,
    ContentSwitcher,
    Label,
    OptionList,
    Static,
)

from repetition_3422.errors import Repetition3422Error
from repetition_3422.i18n import _
from repetition_3422.tui.messages import SettingsChanged, StartCall
from repetition_3422.tui.translate import N_, translate_bindings
from repetition_3422.tui.widgets.choice import Choice
from repetition_3422.tui.widgets.footer import Footer
from repetition_3422.tui.widgets.practice_card import CardDetails
from repetition_3422.tui.widgets.scenario_info import ScenarioInfo
from repetition_3422.tui.widgets.tab_bar import TabBar

if TYPE_CHECKING:
    from repetition_3422.language.summaries import ScenarioSummary
    from repetition_3422.settings import Mode
    from repetition_3422.tui.rehearsal import Rehearsal

HOW_IT_WORKS = N_(
    "1. Choisissez un scénario, un niveau et un mode, puis appelez.\n"
    "2. Gardez la carte d'entraînement sous les yeux : ses numéros sont fictifs, "
    "on ne vous demande jamais les vôtres.\n"
    "3. Avant de taper chaque réponse, dites-la à voix haute, comme au téléphone : "
    "c'est ce qui prépare vraiment à l'appel.\n"
    "4. Au serveur vocal, tapez le chiffre demandé (1, 2…) ou cliquez sur le clavier.\n"
    "5. Restez poli·e et ferme. Avant de raccrocher, demandez le justificatif : "
    "on ne vous le proposera pas.\n"
    "6. À la fin, le bilan dit ce qui s'est bien passé et quoi faire la prochaine fois.\n\n"
    "Tout se passe sur votre ordinateur : rien n'est envoyé, et vos essais ne gardent "
    "aucun numéro."
)
"""The « comment ça marche » text (French source string)."""

MODE_CHOICES: tuple[tuple[str, Mode], ...] = (
    (N_("Entraînement (aide)"), "practice"),
    (N_("Comme en vrai"), "real"),
)
"""The two modes as the home screen names them (French source strings)."""

SPEECH_CHOICES: tuple[tuple[str, bool], ...] = (
    (N_("Texte seulement"), False),
    (N_("Avec la voix"), True),
)
"""Speech off or on, said plainly (a bare check box reads badly in a terminal)."""


class HomeScreen(Screen[None]):
    """Where every rehearsal starts."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("a", "call", N_("Appeler"), id="home.call"),
        Binding("n", "new_card", N_("Carte"), id="home.new-card"),
        Binding("d", "cycle_difficulty", N_("Niveau"), id="home.difficulty"),
        Binding("m", "toggle_mode", N_("Mode"), id="home.mode"),
        Binding("v", "toggle_speech", N_("Voix"), id="home.speech"),
        Binding("t", "app.cycle_theme", N_("Thème"), id="home.theme"),
        Binding("f1", "how_it_works", N_("Aide"), id="home.help"),
    ]
    """Letters work here because no text is typed on this screen."""

    AUTO_FOCUS = "#scenario-list"
    """The list has the focus from the start (set as the screen is composed, so the
    footer is not rebuilt for a second focus change)."""

    def __init__(self, rehearsal: Rehearsal) -> None:
        super().__init__()
        translate_bindings(self)
        self.rehearsal = rehearsal
        self._script_ids = list(rehearsal.scripts)
        self._levels: tuple[str, ...] = ()
        self._shown: object = None
        self._filled = {"tab-scenarios"}  # the tabs whose content is mounted

    def compose(self) -> ComposeResult:
        yield Static(_("Répétition 3422 — s'entraîner à l'appel au 3422"), id="app-title")
        # One widget for the tab bar, not Textual's TabbedContent (a widget per tab and an
        # animated underline): the first screen appears 30 ms sooner.
        yield TabBar(
            [
                ("tab-scenarios", _("Scénarios")),
                ("tab-card", _("Carte d'entraînement")),
                ("tab-help", _("Comment ça marche")),
            ],
            id="home-tab-bar",
        )
        with ContentSwitcher(id="home-tabs", initial="tab-scenarios"):
            with Vertical(id="tab-scenarios", classes="tab-pane"):
                with Horizontal(id="home-main"):
                    yield OptionList(*self._titles(), id="scenario-list")
                    with VerticalScroll(id="scenario-side"):
                        yield ScenarioInfo(id="scenario-info")
                yield from self._call_options()
            # The other tabs are filled when first shown (see _fill): hidden, they would
            # only delay the first screen.
            yield Vertical(id="tab-card", classes="tab-pane")
            yield Vertical(id="tab-help", classes="tab-pane")
        yield Footer()

    def _tab_content(self, pane: str) -> list[Widget]:
        if pane == "tab-card":
            return [
                VerticalScroll(
                    CardDetails(self.rehearsal.identity, id="card-details"),
                    Button(_("Nouvelle carte"), id="new-card", compact=True),
                )
            ]
        if pane == "tab-help":
            return [VerticalScroll(Static(_(HOW_IT_WORKS), id="how-it-works"), id="help-scroll")]
        return []

    def _call_options(self) -> ComposeResult:
        settings = self.rehearsal.settings
        with Horizontal(classes="call-options"):
            yield Label(_("Niveau"), classes="option-label")
            # The first scenario's levels from the start: its highlight will not rebuild them.
            first = self.rehearsal.scripts.summaries()[:1]
            self._levels = first[0].difficulties if first else ()
            # Choices, not selects: a select builds its list (hidden) with the screen, and
            # three of them slowed the first screen by a tenth.
            tooltip = _("Entrée, Espace, flèches ou clic : changer")
            yield Choice[str](
                [(level, level) for level in self._levels], id="difficulty", tooltip=tooltip
            )
            yield Label(_("Mode"), classes="option-label")
            yield Choice[str](
                [(_(label), value) for label, value in MODE_CHOICES],
                value=settings.mode,
                id="mode",
                tooltip=tooltip,
            )
        with Horizontal(classes="call-options with-button"):
            yield Label(_("Voix"), classes="option-label")
            yield Choice[bool](
                [(_(label), value) for label, value in SPEECH_CHOICES],
                value=settings.speech,
                id="speech",
                tooltip=tooltip,
            )
            yield Button(_("Appeler le 3422"), id="call", variant="success")

    def on_mount(self) -> None:
        if self._script_ids:
            self.query_one("#scenario-list", OptionList).highlighted = 0
        else:
            self.query_one("#scenario-info", ScenarioInfo).update(
                _("Aucun scénario n'a pu être chargé.")
            )

    def on_screen_resume(self) -> None:
        """Back from a call: the history and the card may have changed."""
        self._show_selected()
        if "tab-card" in self._filled:
            self.query_one("#card-details", CardDetails).show(self.rehearsal.identity)

    def set_scripts(self) -> None:
        """List the scripts again (one was reloaded), keeping the highlighted row."""
        scenarios = self.query_one("#scenario-list", OptionList)
        highlighted = scenarios.highlighted or 0
        self._script_ids = list(self.rehearsal.scripts)
        scenarios.clear_options()
        scenarios.add_options(self._titles())
        if self._script_ids:
            scenarios.highlighted = min(highlighted, len(self._script_ids) - 1)

    @property
    def selected(self) -> ScenarioSummary | None:
        """The highlighted scenario (its summary: the script is read when it is called)."""
        index = self.query_one("#scenario-list", OptionList).highlighted
        if index is None or not self._script_ids:
            return None
        return self.rehearsal.scripts.summary(self._script_ids[index])

    def _titles(self) -> list[Content]:
        return [Content(summary.title) for summary in self.rehearsal.scripts.summaries()]

    # ---- reacting to the widgets --------------------------------------------------------

    @on(OptionList.OptionHighlighted, "#scenario-list")
    def _highlighted(self) -> None:
        self._show_selected()

    @on(OptionList.OptionSelected, "#scenario-list")
    def _selected(self) -> None:
        # A choice reads the details first; the call starts from the button (or « a »).
        self.query_one("#call", Button).focus()

    @on(Choice.Changed, "#difficulty")
    def _difficulty_changed(self, event: Choice.Changed) -> None:
        if isinstance(event.value, str) and event.value != self.rehearsal.settings.difficulty:
            self._save(difficulty=event.value)

    @on(Choice.Changed, "#mode")
    def _mode_changed(self, event: Choice.Changed) -> None:
        if event.value in ("practice", "real") and event.value != self.rehearsal.settings.mode:
            self._save(mode=event.value)

    @on(Choice.Changed, "#speech")
    def _speech_changed(self, event: Choice.Changed) -> None:
        if isinstance(event.value, bool) and event.value != self.rehearsal.settings.speech:
            self._save(speech=event.value)

    @on(Button.Pressed, "#call")
    def _call_pressed(self) -> None:
        self.action_call()

    @on(Button.Pressed, "#new-card")
    async def _new_card_pressed(self) -> None:
        await self.action_new_card()

    @on(TabBar.Activated, "#home-tab-bar")
    async def _tab_chosen(self, event: TabBar.Activated) -> None:
        await self._fill(event.tab)
        self.query_one("#home-tabs", ContentSwitcher).current = event.tab

    # ---- actions ----------------------------------------------------------------------

    def action_call(self) -> None:
        """Start a call of the highlighted scenario."""
        script = self.selected
        if script is not None:
            self.post_message(StartCall(script.id))

    async def action_new_card(self) -> None:
        """Make a new fictional practice card and show it."""
        identity = self.rehearsal.new_card()
        await self._fill("tab-card")
        self.query_one("#card-details", CardDetails).show(identity)
        await self._open_tab("tab-card", "#new-card")
        self.notify(_("Nouvelle carte d'entraînement (FICTIF)."))

    def action_cycle_difficulty(self) -> None:
        """Choose the next level of the highlighted scenario."""
        script = self.selected
        if script is None:
            return
        levels = script.difficulties
        current = self.rehearsal.difficulty_for(script)
        chosen = levels[(levels.index(current) + 1) % len(levels)]
        self.query_one("#difficulty", Choice).value = chosen

    def action_toggle_mode(self) -> None:
        """Switch between practice and « comme en vrai »."""
        mode: Mode = "real" if self.rehearsal.settings.mode == "practice" else "practice"
        self.query_one("#mode", Choice).value = mode

    def action_toggle_speech(self) -> None:
        """Turn the voice on or off."""
        self.query_one("#speech", Choice).value = not self.rehearsal.settings.speech

    async def action_how_it_works(self) -> None:
        """Show « comment ça marche »."""
        await self._open_tab("tab-help", "#help-scroll")

    # ---- inside -------------------------------------------------------------------------

    def _show_selected(self) -> None:
        script = self.selected
        if script is None:
            return
        attempts = self.rehearsal.history.for_scenario(script.id, limit=5)
        labels = self._criteria(script.id) if any(item.failed for item in attempts) else {}
        # Shown again only when it changed: each update lays the screen out again.
        if (script, attempts, labels) != self._shown:
            self._shown = (script, attempts, labels)
            self.query_one("#scenario-info", ScenarioInfo).show(script, attempts, labels)
        difficulty = self.query_one("#difficulty", Choice)
        with self.prevent(Choice.Changed):
            if script.difficulties != self._levels:
                self._levels = script.difficulties
                difficulty.set_options([(level, level) for level in script.difficulties])
            difficulty.value = self.rehearsal.difficulty_for(script)

    def _criteria(self, scenario_id: str) -> Mapping[str, str]:
        """The labels of a scenario's rubric criteria, by id (the script is read for them)."""
        try:
            script = self.rehearsal.scripts[scenario_id]
        except Repetition3422Error:
            return {}
        return {criterion.id: criterion.label for criterion in script.rubric}

    async def _fill(self, pane: str) -> None:
        """Mount the content of tab ``pane`` the first time it is shown."""
        if pane not in self._filled:
            self._filled.add(pane)
            await self.query_one(f"#{pane}", Vertical).mount_all(self._tab_content(pane))

    async def _open_tab(self, pane: str, focus: str) -> None:
        # Focus moves into the pane too: a focused widget must not be left hidden.
        await self._fill(pane)
        self.query_one("#home-tab-bar", TabBar).active = pane
        self.query_one("#home-tabs", ContentSwitcher).current = pane
        self.query_one(focus).focus()

    def _save(self, **changes: object) -> None:
        problem = self.rehearsal.change_settings(**changes)
        if problem:
            self.notify(problem, severity="warning")
        self.post_message(SettingsChanged())
