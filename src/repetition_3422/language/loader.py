"""Reading a script file and the fragments it includes: text → nodes → document → model."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from msgspec import Struct, field

from repetition_3422.errors import FileReadError, ScriptError
from repetition_3422.files import read_bytes
from repetition_3422.i18n import _, ngettext
from repetition_3422.language import catalog, merge
from repetition_3422.language import diagnostics as codes
from repetition_3422.language.compile import compile_script
from repetition_3422.language.conversion import to_document
from repetition_3422.language.diagnostics import Diagnostic, diagnostic, did_you_mean
from repetition_3422.language.document import ScriptDoc
from repetition_3422.language.merge import SourceFile
from repetition_3422.language.model import Mark, Script
from repetition_3422.language.yamlnodes import At, YamlFileError, load_data


class Loaded(Struct):
    """What loading one script gave: the model (None when it cannot be built) and problems."""

    script: Script | None
    diagnostics: list[Diagnostic] = field(default_factory=list)
    fragment: bool = False
    texts: dict[str, str] = field(default_factory=dict)
    """The text of every file read, by displayed name (to quote lines in diagnostics)."""
    places: dict[str, Mark] = field(default_factory=dict)
    """Where script-wide settings were written (:data:`checks.Places`)."""


def decode(raw: bytes, file: str) -> tuple[str | None, list[Diagnostic]]:
    """UTF-8 text (a leading BOM is dropped), or the place of the first bad byte."""
    try:
        return raw.decode("utf-8-sig"), []
    except UnicodeDecodeError as error:
        before = raw[: error.start]
        line = before.count(b"\n") + 1
        column = len(before[before.rfind(b"\n") + 1 :].decode("utf-8", errors="replace")) + 1
        return None, [
            diagnostic(
                codes.ENCODING,
                Mark(file, line, column),
                _("Le fichier n'est pas en UTF-8 : octet 0x{byte:02x} illisible.").format(
                    byte=raw[error.start]
                ),
                _("enregistrez le fichier en UTF-8 depuis votre éditeur."),
            )
        ]


class _Reader:
    """Reads a script and, depth first, the files it includes, each once."""

    def __init__(self) -> None:
        self.files: list[SourceFile] = []
        self.diagnostics: list[Diagnostic] = []
        self.texts: dict[str, str] = {}
        self._done: set[Path] = set()

    def read(self, path: Path, origin: str, chain: tuple[Path, ...]) -> SourceFile | None:
        """Read ``path`` after the files it includes; None when it cannot be used."""
        file = str(path)
        text, problems = decode(read_bytes(path), file)
        self.diagnostics.extend(problems)
        if text is None:
            return None
        self.texts[file] = text
        try:
            root_node, data, problems = load_data(text, file)
        except YamlFileError as error:
            self.diagnostics.append(error.diagnostic)
            return None
        self.diagnostics.extend(problems)
        root = At.root(root_node, file, text)
        doc, problems = to_document(data, root)
        self.diagnostics.extend(problems)
        if doc is None:
            return None
        includes = [doc.includes] if isinstance(doc.includes, str) else doc.includes
        for index, name in enumerate(includes):
            self.include(name, path, root.key("includes").item(index), (*chain, path.resolve()))
        source = SourceFile(doc, root, origin)
        self.files.append(source)
        return source

    def include(self, name: str, parent: Path, at: At, chain: tuple[Path, ...]) -> None:
        """Read an included file, reporting a missing file or an inclusion loop."""
        path = (
            (parent.parent / name) if catalog.looks_like_path(name) else catalog.fragment_path(name)
        )
        resolved = path.resolve()
        if resolved in chain:
            loop = " → ".join([*(item.name for item in chain), resolved.name])
            self.diagnostics.append(
                diagnostic(
                    codes.INCLUDE_CYCLE,
                    at.mark,
                    _("Inclusion en boucle : {loop}.").format(loop=loop),
                    _("retirez l'une de ces inclusions."),
                )
            )
            return
        if resolved in self._done:
            return
        if not path.is_file():
            self.diagnostics.append(_missing_include(name, path, at))
            return
        self._done.add(resolved)
        try:
            self.read(path, path.stem, chain)
        except FileReadError as error:
            self.diagnostics.append(diagnostic(codes.INCLUDE_NOT_FOUND, at.mark, error.message))


def _missing_include(name: str, path: Path, at: At) -> Diagnostic:
    if catalog.looks_like_path(name):
        return diagnostic(
            codes.INCLUDE_NOT_FOUND,
            at.mark,
            _("Le fichier inclus {path} n'existe pas.").format(path=path),
            _("le chemin se lit depuis le dossier du script."),
        )
    known = catalog.fragment_ids()
    return diagnostic(
        codes.INCLUDE_NOT_FOUND,
        at.mark,
        _("Aucun fragment fourni ne s'appelle « {name} » (fragments : {known}).").format(
            name=name, known=", ".join(known) or _("aucun")
        ),
        did_you_mean(name, known)
        or _("pour un fichier à vous, écrivez un chemin : « ./{name}.yaml ».").format(name=name),
    )


def read_script(path: Path) -> Loaded:
    """Read, merge and compile ``path``; problems of the checker are not included.

    Raises:
        FileReadError: ``path`` itself cannot be read (a missing include is a diagnostic).
    """
    reader = _Reader()
    main = reader.read(path, "", ())
    loaded = Loaded(None, reader.diagnostics, texts=reader.texts)
    if main is None:
        return loaded
    loaded.fragment = not isinstance(main.doc, ScriptDoc)
    if loaded.fragment:  # its global lines get the ids they have once included
        reader.files[-1] = SourceFile(main.doc, main.root, path.stem)
    if any(item.is_error for item in reader.diagnostics):
        return loaded
    loaded.script = compile_script(reader.files, source=path)
    loaded.places = _places(reader.files)
    return loaded


def _places(files: Sequence[SourceFile]) -> dict[str, Mark]:
    root = files[-1].root
    found = {
        key: root.key(key).mark
        for key in ("start", "default_speaker", "default_difficulty")
        if root.key_at(key).node is not None
    }
    for name, placed in merge.section(files, "variables").items():
        found[f"variables.{name}"] = placed.mark
    return found


class InvalidScriptError(ScriptError):
    """A script that cannot be used; ``diagnostics`` holds every problem found."""

    def __init__(self, message: str, diagnostics: Sequence[Diagnostic]) -> None:
        super().__init__(message)
        self.diagnostics = list(diagnostics)


def script_error(path: Path, problems: Sequence[Diagnostic]) -> InvalidScriptError:
    """The exception for a script that cannot be used, with every problem attached."""
    errors = [item for item in problems if item.is_error]
    message = ngettext(
        "Le script {path} a {n} erreur.", "Le script {path} a {n} erreurs.", len(errors)
    ).format(path=path, n=len(errors))
    if errors:
        message += f"\n{errors[0].mark}: {errors[0].message}"
    return InvalidScriptError(message, problems)
