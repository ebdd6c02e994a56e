"""The rehearsal app: moves between home, call and debrief screens, and owns the voice."""

from __future__ import annotations

from pathlib import Path, PurePath
from typing import TYPE_CHECKING, ClassVar

from textual import events
from textual.app import App
from textual.binding import Binding, BindingType
from textual.message import Message

from repetition_3422.errors import Repetition3422Error
from repetition_3422.i18n import _
from repetition_3422.tui.messages import CallOver, GoHome, SettingsChanged, SpeechNews, StartCall
from repetition_3422.tui.outputs import CallOutputs
from repetition_3422.tui.screens.home import HomeScreen
from repetition_3422.tui.screens.too_small import TooSmallScreen, too_small
from repetition_3422.tui.themes import HIGH_CONTRAST, TEXTUAL_THEMES, next_theme
from repetition_3422.tui.translate import N_, translate_bindings

if TYPE_CHECKING:
    from repetition_3422.language.model import Script
    from repetition_3422.speech.speaker import Speaker, SpeechEvent
    from repetition_3422.tui.rehearsal import Rehearsal
    from repetition_3422.tui.watcher import ScriptWatcher

STYLES = Path(__file__).parent / "styles"

# The call, debrief and error screens, the engine and the voice are imported when first
# needed, not at startup: the home screen must appear fast (see scripts/bench.py).


class ScriptReloaded(Message):
    """The watched script was loaded again (or failed to)."""

    def __init__(self, result: Script | Repetition3422Error) -> None:
        self.result = result
        super().__init__()


class RehearsalApp(App[None]):
    """Rehearse the call to the 3422; build it with :func:`repetition_3422.tui.make_app`."""

    CSS_PATH: ClassVar[list[str | PurePath]] = [STYLES / "app.tcss", STYLES / "home.tcss"]
    """The call and debrief screens bring their own styles when they first open."""
    TITLE = "Répétition 3422"
    ENABLE_COMMAND_PALETTE = False
    """One way to do each thing, shown in the footer: no palette to discover."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+q", "quit", N_("Quitter"), priority=True, id="app.quit"),
        Binding("f5", "reload", N_("Recharger"), id="app.reload"),
        Binding("ctrl+r", "reload", N_("Recharger"), show=False, id="app.reload-ctrl-r"),
        Binding("ctrl+c", "help_quit", show=False, system=True),
    ]

    def __init__(
        self,
        rehearsal: Rehearsal,
        start_scenario: str | None = None,
        *,
        script_error: Repetition3422Error | None = None,
        outputs: CallOutputs | None = None,
    ) -> None:
        """Build the app (use :func:`repetition_3422.tui.make_app`).

        Args:
            rehearsal: The app's objects.
            start_scenario: A script id to call at once (``play``).
            script_error: Why the watched script did not load: the app opens on the error
                panel and starts the call once the file is fixed.
            outputs: Files to write after each call (``--transcript``, ``--report``).
        """
        super().__init__()
        translate_bindings(self)
        self.rehearsal = rehearsal
        self.start_scenario = start_scenario
        self.outputs = outputs or CallOutputs()
        self._script_error = script_error
        self._voice: Speaker | None = None
        self._voice_on = False
        self._watcher: ScriptWatcher | None = None
        self._watched_id: str | None = None

    def on_mount(self) -> None:
        self.register_theme(HIGH_CONTRAST)
        self.theme = TEXTUAL_THEMES[self.rehearsal.settings.theme]
        self.push_screen(HomeScreen(self.rehearsal))
        watch = self.rehearsal.watch
        if watch is not None:
            from repetition_3422.tui.watcher import ScriptWatcher

            self._watcher = ScriptWatcher(
                watch, self.rehearsal.loader, self.rehearsal.clock, self._reloaded
            )
            self._watcher.start()
            self._watched_id = self.start_scenario
        if self._script_error is not None:
            self._show_errors(self._script_error)
        elif self.start_scenario is not None and self.start_scenario in self.rehearsal.scripts:
            self.start_call(self.start_scenario)
        self._guard_size(self.size.width, self.size.height)

    def on_resize(self, event: events.Resize) -> None:
        self._guard_size(event.size.width, event.size.height)

    # ---- moving between screens -------------------------------------------------------

    def start_call(self, script_id: str, difficulty: str | None = None) -> None:
        """Open the call screen on a new call of ``script_id``."""
        from repetition_3422.tui.call_session import CallSession
        from repetition_3422.tui.screens.call import CallScreen
        from repetition_3422.tui.screens.debrief import DebriefScreen

        try:
            script = self.rehearsal.scripts[script_id]  # read now if it was not yet
            settings = self.rehearsal.settings_for(script, difficulty)
            call = self.rehearsal.new_call(script, settings)
        except Repetition3422Error as error:
            self.notify(str(error), severity="error", timeout=10)
            return
        screen = CallScreen(self.rehearsal, script, settings, CallSession(call, script, self.voice))
        if isinstance(self.screen, DebriefScreen | CallScreen):
            self.switch_screen(screen)
        else:
            self.push_screen(screen)

    def on_start_call(self, message: StartCall) -> None:
        self.start_call(message.script_id, message.difficulty)

    def on_call_over(self, message: CallOver) -> None:
        from repetition_3422.tui.call_session import walkthrough_actions
        from repetition_3422.tui.outputs import debrief_writers, record_attempt
        from repetition_3422.tui.screens.debrief import DebriefScreen

        script = self.rehearsal.scripts.get(message.script_id)
        call = message.session.call
        if script is None:
            return
        result, transcript = call.result(), call.transcript()
        for problem in (
            record_attempt(self.rehearsal, script.id, message.difficulty, result),
            *self.outputs.write(transcript),
            *self.outputs.write_record(call, walkthrough_actions(message.session.actions)),
        ):
            if problem:
                self.notify(problem, severity="warning", timeout=10)
        save_report, save_sheet = debrief_writers(self.rehearsal, transcript, result)
        self.switch_screen(
            DebriefScreen(
                self.rehearsal,
                script,
                message.difficulty,
                result,
                transcript,
                save_report=save_report,
                save_sheet=save_sheet,
            )
        )

    def on_go_home(self, message: GoHome) -> None:
        while len(self.screen_stack) > 1 and not isinstance(self.screen, HomeScreen):
            self.pop_screen()

    # ---- voice, settings, themes ------------------------------------------------------

    @property
    def voice(self) -> Speaker:
        """The voice for the next call: spoken or silent, as the settings say."""
        wanted = self.rehearsal.settings.speech
        if self._voice is None or wanted != self._voice_on:
            self.close_voice()
            self._voice = self.rehearsal.open_speaker(self._speech_news)
            self._voice_on = wanted
        return self._voice

    def _speech_news(self, event: SpeechEvent) -> None:
        # Called from the speech thread: post_message is safe from any thread.
        self.post_message(SpeechNews(event))

    def close_voice(self) -> None:
        """Release the speech engine (when the app ends)."""
        if self._voice is not None:
            self._voice.close()
            self._voice = None

    def on_speech_news(self, message: SpeechNews) -> None:
        from repetition_3422.speech.speaker import SpeechUnavailable
        from repetition_3422.tui.screens.call import CallScreen

        if isinstance(message.event, SpeechUnavailable):
            # The voice reports this once: the call goes on in text, and the person knows why.
            self.notify(message.event.reason, title=_("Voix"), severity="warning", timeout=12)

        for screen in self.screen_stack:
            if isinstance(screen, CallScreen):
                screen.heard(message.event)

    def on_settings_changed(self, message: SettingsChanged) -> None:
        self.theme = TEXTUAL_THEMES[self.rehearsal.settings.theme]

    def action_cycle_theme(self) -> None:
        """Dark, light, high contrast, in turn."""
        theme = next_theme(self.rehearsal.settings.theme)
        problem = self.rehearsal.change_settings(theme=theme)
        self.theme = TEXTUAL_THEMES[theme]
        if problem:
            self.notify(problem, severity="warning")

    def action_help_quit(self) -> None:
        """Ctrl+C does not quit (it copies): say which key does, in the person's language."""
        self.notify(_("Pour quitter, appuyez sur Ctrl+Q."), title=_("Quitter ?"))

    async def action_quit(self) -> None:
        """Stop the voice, then leave."""
        self.close_voice()
        self.exit()

    # ---- hot reload ---------------------------------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """« Recharger » exists only when a script file is watched."""
        if action == "reload":
            return self._watcher is not None
        return True

    def action_reload(self) -> None:
        """Load the watched script again now."""
        if self._watcher is not None:
            self._watcher.reload()

    def _reloaded(self, result: Script | Repetition3422Error) -> None:
        self.post_message(ScriptReloaded(result))

    def on_script_reloaded(self, message: ScriptReloaded) -> None:
        result = message.result
        if isinstance(result, Repetition3422Error):
            self._show_errors(result)
            return
        self._adopt(result)

    def _show_errors(self, error: Repetition3422Error) -> None:
        from repetition_3422.tui.screens.script_errors import ScriptErrorsScreen

        path = self.rehearsal.watch or Path()
        for screen in self.screen_stack:
            if isinstance(screen, ScriptErrorsScreen):
                screen.show(error)
                return
        self.push_screen(ScriptErrorsScreen(path, error))

    def _adopt(self, script: Script) -> None:
        from repetition_3422.tui.screens.call import CallScreen
        from repetition_3422.tui.screens.script_errors import ScriptErrorsScreen

        if self._watched_id and self._watched_id != script.id:
            self.rehearsal.scripts.pop(self._watched_id, None)
        self._watched_id = script.id
        self.rehearsal.scripts[script.id] = script
        if isinstance(self.screen, ScriptErrorsScreen):
            self.pop_screen()
        calls = [s for s in self.screen_stack if isinstance(s, CallScreen)]
        for home in (s for s in self.screen_stack if isinstance(s, HomeScreen)):
            home.set_scripts()
        if calls:
            self.notify(calls[-1].reload(script))
        elif self._script_error is not None:
            # The app opened on a broken script: the call it was asked for starts now.
            self._script_error = None
            self.start_call(script.id)
        else:
            self.notify(_("Script rechargé."))

    def _guard_size(self, width: int, height: int) -> None:
        showing = isinstance(self.screen, TooSmallScreen)
        if too_small(width, height) and not showing:
            self.push_screen(TooSmallScreen())
        elif showing and not too_small(width, height):
            self.pop_screen()
