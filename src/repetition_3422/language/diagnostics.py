"""Problems found in a script: a code, a place, a French sentence, a hint; text and JSON forms."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Literal

from msgspec import Struct

from repetition_3422.i18n import _, current_language, ngettext
from repetition_3422.language.model import Mark

Severity = Literal["erreur", "avertissement"]
"""An error makes a script unusable; a warning points at something probably unintended."""

ERROR: Severity = "erreur"
WARNING: Severity = "avertissement"


class Code(Struct, frozen=True):
    """A kind of problem: stable code (``R301``), readable name, severity, what it means."""

    code: str
    name: str
    severity: Severity
    summary: str


class Diagnostic(Struct, frozen=True):
    """One problem at one place of one file."""

    code: str
    name: str
    severity: Severity
    message: str
    mark: Mark
    hint: str | None = None

    @property
    def is_error(self) -> bool:
        """True for errors, False for warnings."""
        return self.severity == ERROR


CODES: dict[str, Code] = {}
"""Every diagnostic code, by code; ``docs/langage.md`` lists them."""


def _code(code: str, name: str, severity: Severity, summary: str) -> Code:
    CODES[code] = Code(code, name, severity, summary)
    return CODES[code]


# Reading the file (Y1xx): nothing else can be checked until these are fixed.
ENCODING = _code("Y101", "encodage", ERROR, "Le fichier n'est pas en UTF-8.")
YAML_SYNTAX = _code("Y102", "syntaxe-yaml", ERROR, "Le YAML est mal formé.")
DUPLICATE_KEY = _code("Y103", "cle-en-double", ERROR, "Une clé apparaît deux fois.")
TOO_BIG = _code("Y104", "yaml-trop-gros", ERROR, "Trop d'alias, de nœuds ou d'imbrication.")
YAML_TAG = _code("Y105", "etiquette-yaml", ERROR, "Étiquette YAML (« !! ») non prise en charge.")
NOT_A_MAPPING = _code("Y106", "document-vide", ERROR, "Le fichier n'est pas une table de clés.")
# Shape of the document (S2xx).
UNKNOWN_KEY = _code("S201", "cle-inconnue", ERROR, "Clé que le langage ne connaît pas.")
WRONG_TYPE = _code("S202", "type-incorrect", ERROR, "Valeur du mauvais type.")
MISSING_KEY = _code("S203", "cle-manquante", ERROR, "Clé obligatoire absente.")
BAD_VALUE = _code("S204", "valeur-invalide", ERROR, "Valeur hors des choix permis.")
INCLUDE_NOT_FOUND = _code("S205", "inclusion-introuvable", ERROR, "Fichier inclus introuvable.")
INCLUDE_CYCLE = _code("S206", "inclusion-en-boucle", ERROR, "Des fichiers s'incluent en boucle.")
# References between parts (R3xx).
UNKNOWN_STATE = _code("R301", "etat-inconnu", ERROR, "Renvoi vers un état qui n'existe pas.")
UNKNOWN_PERSONA = _code("R302", "persona-inconnue", ERROR, "Persona non déclarée.")
UNKNOWN_INTENT = _code("R303", "intention-inconnue", ERROR, "Intention non déclarée.")
UNKNOWN_SLOT = _code("R304", "donnee-inconnue", ERROR, "Donnée (slot) non déclarée.")
UNKNOWN_NAME = _code("R305", "nom-inconnu", ERROR, "Nom inconnu dans une condition ou un texte.")
BAD_EXPRESSION = _code("R306", "condition-illisible", ERROR, "Condition ou calcul illisible.")
BAD_TEMPLATE = _code("R307", "texte-illisible", ERROR, "Accolades mal formées dans un texte.")
DUPLICATE_ID = _code("R308", "identifiant-en-double", ERROR, "Deux éléments ont le même id.")
DUPLICATE_LINE = _code("R309", "replique-en-double", ERROR, "Deux répliques ont le même id.")
UNKNOWN_OUTCOME = _code("R310", "issue-inconnue", ERROR, "Issue (outcome) non déclarée.")
UNKNOWN_LEVEL = _code("R311", "difficulte-inconnue", ERROR, "Niveau de difficulté non déclaré.")
UNDECLARED_VARIABLE = _code("R312", "variable-non-declaree", ERROR, "`set` d'une variable absente.")
BAD_PATTERN = _code("R313", "motif-illisible", ERROR, "Expression régulière invalide.")
BAD_COMPARE = _code("R314", "comparaison-inconnue", ERROR, "Valeur de `compare` inconnue.")
# The shape of the call (G4xx).
UNREACHABLE = _code("G401", "etat-inaccessible", WARNING, "Aucun chemin ne mène à cet état.")
DEAD_END = _code("G402", "impasse", ERROR, "État sans sortie qui n'est pas une fin.")
NO_WAY_TO_END = _code("G403", "sans-fin", ERROR, "Aucun chemin ne mène à une fin.")
ENDLESS_REPROMPTS = _code("G404", "relances-sans-fin", WARNING, "Relances sans limite.")
SHADOWED = _code("G405", "transition-masquee", WARNING, "Transition qui ne peut jamais gagner.")
NO_DEFAULT_BRANCH = _code("G406", "branche-sans-defaut", WARNING, "Aiguillage sans cas par défaut.")
# Variables (V5xx).
NEVER_READ = _code("V501", "variable-jamais-lue", WARNING, "Variable jamais lue.")
NEVER_SET = _code("V502", "variable-jamais-modifiee", WARNING, "Variable lue mais jamais modifiée.")
# What each kind of state needs (K6xx).
MENU_WITHOUT_KEYS = _code("K601", "menu-sans-touches", ERROR, "Menu sans touches.")
END_WITHOUT_OUTCOME = _code("K602", "fin-sans-issue", ERROR, "État de fin sans `outcome`.")
BAD_WEIGHT = _code("K603", "poids-invalide", ERROR, "Critère de poids nul ou négatif.")
MISSING_FOR_KIND = _code("K604", "champ-requis", ERROR, "Champ requis par ce genre d'état.")
IGNORED_FOR_KIND = _code("K605", "champ-ignore", WARNING, "Champ sans effet ici.")
NO_TRIGGER = _code("K606", "transition-sans-declencheur", ERROR, "Transition sans déclencheur.")
DO_AND_GO = _code("K607", "do-et-go", ERROR, "`do` et `go` ensemble.")


def diagnostic(code: Code, mark: Mark, message: str, hint: str | None = None) -> Diagnostic:
    """A :class:`Diagnostic` of kind ``code``."""
    return Diagnostic(code.code, code.name, code.severity, message, mark, hint)


def did_you_mean(word: str, choices: Iterable[str]) -> str | None:
    """« vouliez-vous dire « accueil » ? » for the closest choice, or None."""
    import difflib  # only when a problem is found

    close = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    if not close:
        return None
    return _("vouliez-vous dire « {word} » ?").format(word=close[0])


def sort_key(item: Diagnostic) -> tuple[str, int, int, str]:
    """Order of diagnostics: file, line, column, code."""
    return (item.mark.file, item.mark.line, item.mark.column, item.code)


class SourceLines:
    """Reads (once) the lines of the files diagnostics point at, to show them with a caret."""

    def __init__(self, texts: dict[str, str] | None = None) -> None:
        self._lines: dict[str, list[str]] = {
            name: text.splitlines() for name, text in (texts or {}).items()
        }

    def line(self, file: str, number: int) -> str | None:
        """Line ``number`` (1-based) of ``file``, or None when it cannot be read."""
        if file not in self._lines:
            try:
                text = Path(file).read_bytes().decode("utf-8-sig", errors="replace")
            except OSError:
                text = ""
            self._lines[file] = text.splitlines()
        lines = self._lines[file]
        return lines[number - 1] if 0 < number <= len(lines) else None


def render(item: Diagnostic, source: str | None) -> str:
    """``file:line:column: erreur [R301]: message``, the source line, a caret, the hint."""
    label = _("erreur") if item.is_error else _("avertissement")
    head = f"{item.mark}: {label} [{item.code}]: {item.message}"
    parts = [head]
    if source is not None and item.mark.line > 0:
        number = str(item.mark.line)
        gutter = " " * len(number)
        # Tabs are copied so the caret stays under the right character.
        before = source[: max(item.mark.column - 1, 0)]
        padding = "".join(char if char == "\t" else " " for char in before)
        parts.append(f" {number} | {source}")
        parts.append(f" {gutter} | {padding}^")
    if item.hint:
        parts.append(_("  conseil : {hint}").format(hint=item.hint))
    return "\n".join(parts)


def summary(diagnostics: Sequence[Diagnostic]) -> str:
    """The count line: « 2 erreurs, 1 avertissement. » or « Aucun problème. »."""
    errors = sum(1 for item in diagnostics if item.is_error)
    warnings = len(diagnostics) - errors
    if not diagnostics:
        return _("Aucun problème.")
    return _("{errors}, {warnings}.").format(
        errors=counted("{n} erreur", "{n} erreurs", errors),
        warnings=counted("{n} avertissement", "{n} avertissements", warnings),
    )


def counted(singular: str, plural: str, count: int) -> str:
    """``singular`` or ``plural`` with ``{n}`` filled; zero takes the singular in French."""
    form = 1 if count == 0 and current_language() == "fr" else count
    return ngettext(singular, plural, form).format(n=count)


def render_text(diagnostics: Sequence[Diagnostic], sources: SourceLines | None = None) -> str:
    """Every diagnostic in order, each with its source line, then the count line."""
    lines = sources or SourceLines()
    blocks = [
        render(item, lines.line(item.mark.file, item.mark.line))
        for item in sorted(diagnostics, key=sort_key)
    ]
    return "\n".join([*blocks, summary(diagnostics)])


def as_json(diagnostics: Sequence[Diagnostic], files: Sequence[str] = ()) -> str:
    """The diagnostics as a JSON document (for editors and CI)."""
    import json

    errors = sum(1 for item in diagnostics if item.is_error)
    payload = {
        "files": list(files),
        "errors": errors,
        "warnings": len(diagnostics) - errors,
        "diagnostics": [
            {
                "file": item.mark.file,
                "line": item.mark.line,
                "column": item.mark.column,
                "severity": item.severity,
                "code": item.code,
                "name": item.name,
                "message": item.message,
                "hint": item.hint,
            }
            for item in sorted(diagnostics, key=sort_key)
        ],
    }
    return json.dumps(payload, ensure_ascii=False, indent=2)
