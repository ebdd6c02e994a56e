"""Reading a walkthrough file: text → marked nodes → document → model, every problem placed."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any, TypeVar

import msgspec

from repetition_3422.authoring.document import (
    ExpectDoc,
    StepDoc,
    WalkthroughDoc,
    WalkthroughFileDoc,
)
from repetition_3422.authoring.expectations import expectation
from repetition_3422.authoring.identities import IdentitySpecError, resolve_identity
from repetition_3422.authoring.model import (
    Action,
    Expectation,
    HangUp,
    Press,
    Say,
    Silence,
    Step,
    Wait,
    Walkthrough,
    WalkthroughFile,
)
from repetition_3422.authoring.numbers import FieldError, render
from repetition_3422.authoring.problems import (
    BAD_FIELD,
    BAD_IDENTITY,
    BAD_SETTING,
    BAD_STEP,
    SCRIPT_NOT_FOUND,
)
from repetition_3422.authoring.scripts import LoadedScript, Scripts, find_script
from repetition_3422.domain.identity import Identity, generate_identity
from repetition_3422.engine.settings import CallSettings
from repetition_3422.files import read_bytes
from repetition_3422.i18n import _
from repetition_3422.language import diagnostics as codes
from repetition_3422.language.catalog import shipped_ids
from repetition_3422.language.diagnostics import (
    Code,
    Diagnostic,
    diagnostic,
    did_you_mean,
    sort_key,
)
from repetition_3422.language.loader import decode
from repetition_3422.language.model import Mark, Script
from repetition_3422.language.walk import shift
from repetition_3422.language.yamlnodes import At, YamlFileError, load_data

DEFAULT_SEED = 1
"""Seed of a walkthrough that gives none."""

DEFAULT_AT = datetime(2025, 3, 4, 10, 0)
"""When a walkthrough's call is placed unless it says (a Tuesday morning: the line is open)."""

KEYS = frozenset("0123456789*#")
"""Keys of a phone keypad."""

T = TypeVar("T")


@dataclass
class ReadFile:
    """What reading one walkthrough file gave.

    Attributes:
        file: The walkthroughs, or ``None`` when a problem stops them.
        script: The script the file names, once found.
    """

    path: Path
    file: WalkthroughFile | None
    diagnostics: list[Diagnostic] = field(default_factory=list)
    script: LoadedScript | None = None


def read_walkthroughs(path: Path, scripts: Scripts) -> ReadFile:
    """Read ``path``, find and load its script, and check every walkthrough against it.

    Raises:
        FileReadError: ``path`` is missing or unreadable.
    """
    name = str(path)
    text, problems = decode(read_bytes(path), name)
    if text is None:
        return ReadFile(path, None, problems)
    try:
        root_node, data, problems = load_data(text, name)
    except YamlFileError as error:
        return ReadFile(path, None, [error.diagnostic])
    root = At.root(root_node, name, text)
    doc, shape = _document(data, root)
    if doc is None or problems or shape:
        return ReadFile(path, None, problems + shape)
    reader = _Reader(path, root, scripts)
    walkthroughs = reader.read(doc)
    usable = walkthroughs if not reader.problems and reader.loaded is not None else None
    return ReadFile(path, usable, sorted(reader.problems, key=sort_key), reader.loaded)


def _document(data: Any, root: At) -> tuple[WalkthroughFileDoc | None, list[Diagnostic]]:
    if not isinstance(data, dict):
        message = _("Un fichier de parcours est une table de clés (script:, walkthroughs:).")
        return None, [diagnostic(codes.NOT_A_MAPPING, root.mark, message)]
    try:
        return msgspec.convert(data, WalkthroughFileDoc), []
    except msgspec.ValidationError as error:
        from repetition_3422.language.explain import explain

        return None, explain(data, WalkthroughFileDoc, root, str(error))


class _Reader:
    """Turns a walkthrough document into the model, collecting problems."""

    def __init__(self, path: Path, root: At, scripts: Scripts) -> None:
        self.path = path
        self.root = root
        self.scripts = scripts
        self.problems: list[Diagnostic] = []
        self.loaded: LoadedScript | None = None

    def problem(self, code: Code, mark: Mark, message: str, hint: str | None = None) -> None:
        """Note a problem (once: the file's own settings serve every walkthrough)."""
        found = diagnostic(code, mark, message, hint)
        if found not in self.problems:
            self.problems.append(found)

    def read(self, doc: WalkthroughFileDoc) -> WalkthroughFile | None:
        """The walkthroughs of the file, its script found and loaded."""
        script_path = find_script(doc.script, self.path.parent)
        where = self.root.key("script").text_mark()
        if script_path is None:
            self.problem(
                SCRIPT_NOT_FOUND,
                where,
                _("Script « {name} » introuvable : ni un scénario fourni, ni un fichier.").format(
                    name=doc.script
                ),
                did_you_mean(doc.script, shipped_ids())
                or _("un chemin se lit depuis le dossier du fichier de parcours."),
            )
            return None
        self.loaded = self.scripts.get(script_path)
        if self.loaded.unreadable is not None:
            self.problem(SCRIPT_NOT_FOUND, where, self.loaded.unreadable)
            return None
        script = self.loaded.script if self.loaded.usable else None
        place = self.root.key("walkthroughs")
        walkthroughs = tuple(
            self.walkthrough(item, doc, place.item(index), script)
            for index, item in enumerate(doc.walkthroughs)
        )
        return WalkthroughFile(self.path, script_path, walkthroughs)

    def walkthrough(
        self, doc: WalkthroughDoc, top: WalkthroughFileDoc, at: At, script: Script | None
    ) -> Walkthrough:
        """One walkthrough, its settings taken from itself, else from the file."""
        seed = _first(doc.seed, top.seed, DEFAULT_SEED)
        identity, note = self.identity(doc, top, at, seed)
        settings = CallSettings(
            seed=seed,
            difficulty=self.difficulty(doc, top, at, script),
            mode=_first(doc.mode, top.mode, "practice"),
            at=self.moment(doc, top, at),
        )
        steps_at = at.key("steps")
        steps = tuple(
            self.step(step, steps_at.item(index), identity, script)
            for index, step in enumerate(doc.steps)
        )
        final = None if doc.expect is None else self.expect(doc.expect, at.key("expect"), script)
        return Walkthrough(
            name=doc.name,
            script=self.loaded.path if self.loaded is not None else self.path,
            identity=identity,
            settings=settings,
            steps=steps,
            expect=final,
            mark=at.key("name").mark,
            identity_note=note,
        )

    def identity(
        self, doc: WalkthroughDoc, top: WalkthroughFileDoc, at: At, seed: int
    ) -> tuple[Identity, str]:
        """The card the walkthrough plays with, and a note of where it comes from."""
        spec, where = (doc.identity, at) if doc.identity is not None else (top.identity, self.root)
        try:
            return resolve_identity(spec, self.path.parent, seed)
        except IdentitySpecError as error:
            self.problem(BAD_IDENTITY, where.key("identity").mark, str(error))
            return generate_identity(seed), ""

    def difficulty(
        self, doc: WalkthroughDoc, top: WalkthroughFileDoc, at: At, script: Script | None
    ) -> str:
        """The difficulty asked, checked against the script's."""
        chosen = doc.difficulty or top.difficulty
        if script is None:
            return chosen or ""
        if chosen is None:
            return script.default_difficulty
        if chosen not in script.difficulties:
            where = (at if doc.difficulty else self.root).key("difficulty").mark
            self.problem(
                BAD_SETTING,
                where,
                _("Difficulté « {level} » inconnue de ce script ({known}).").format(
                    level=chosen, known=", ".join(script.difficulties)
                ),
                did_you_mean(chosen, script.difficulties),
            )
        return chosen

    def moment(self, doc: WalkthroughDoc, top: WalkthroughFileDoc, at: At) -> datetime:
        """When the call is placed."""
        text = doc.at or top.at
        if text is None:
            return DEFAULT_AT
        try:
            return datetime.fromisoformat(text.strip()).replace(tzinfo=None)
        except ValueError:
            where = (at if doc.at else self.root).key("at").mark
            message = _("« {text} » n'est pas un moment : écrivez par exemple 2025-03-08T10:00.")
            self.problem(BAD_SETTING, where, message.format(text=text))
            return DEFAULT_AT

    def step(self, doc: StepDoc, at: At, identity: Identity, script: Script | None) -> Step:
        """One step: its action (at most one) and its expectation."""
        actions = self.actions(doc, at, identity)
        if len(actions) > 1:
            self.problem(
                BAD_STEP,
                at.mark,
                _("Une étape ne fait qu'une chose ; celle-ci en fait {count} ({what}).").format(
                    count=len(actions), what=", ".join(source for _action, source in actions)
                ),
                _("séparez-les en plusieurs étapes, chacune avec son « - »."),
            )
        elif not actions and doc.expect is None:
            self.problem(
                BAD_STEP,
                at.mark,
                _("Étape vide : écrivez say, press, silence, wait, hangup ou expect."),
            )
        action, source = actions[0] if actions else (None, _("vérification"))
        expected = None if doc.expect is None else self.expect(doc.expect, at.key("expect"), script)
        return Step(action, expected, at.mark, source)

    def actions(self, doc: StepDoc, at: At, identity: Identity) -> list[tuple[Action, str]]:
        """Every action a step writes, with how it is written."""
        found: list[tuple[Action, str]] = []
        if doc.say is not None:
            self.check_fields(doc.say, at.key("say"), identity)
            found.append((Say(doc.say), f"say: « {doc.say} »"))
        if doc.press is not None:
            found.append((self.press(str(doc.press), at.key("press")), f"press: {doc.press}"))
        if doc.silence is not None and doc.silence is not False:
            count = 1 if doc.silence is True else int(doc.silence)
            if count < 1:
                self.problem(BAD_STEP, at.key("silence").mark, _("silence : true ou au moins 1."))
            found.append((Silence(max(count, 1)), f"silence: {doc.silence}"))
        if doc.wait is not None:
            found.append((self.wait(doc.wait, at.key("wait")), f"wait: {doc.wait}"))
        if doc.hangup:
            found.append((HangUp(), "hangup"))
        return found

    def press(self, keys: str, at: At) -> Press:
        """Keys of a phone keypad only."""
        if not keys or not set(keys) <= KEYS:
            message = _("« {keys} » : seules les touches 0 à 9, * et # existent.")
            self.problem(BAD_STEP, at.mark, message.format(keys=keys))
        return Press(keys)

    def wait(self, value: float | str, at: At) -> Wait:
        """A positive number of seconds, or the rest of the hold."""
        if isinstance(value, str):
            return Wait(None)
        if value <= 0:
            self.problem(BAD_STEP, at.mark, _("wait : un nombre de secondes positif, ou end."))
        return Wait(float(value))

    def check_fields(self, text: str, at: At, identity: Identity) -> None:
        """Report a ``{…}`` field of a ``say`` that the card cannot fill."""
        try:
            render(text, identity)
        except FieldError as error:
            self.problem(
                BAD_FIELD,
                shift(at.text_mark(), text, error.column),
                error.message,
                _("les numéros s'écrivent {identity.nir}, {identity.code|grouped}…"),
            )

    def expect(self, doc: ExpectDoc, at: At, script: Script | None) -> Expectation:
        """An expectation, its unknown ids reported."""
        found, problems = expectation(doc, at, script)
        self.problems.extend(problems)
        return found


def _first(own: T | None, shared: T | None, default: T) -> T:
    """The walkthrough's own value, else the file's, else ``default``."""
    if own is not None:
        return own
    return shared if shared is not None else default
