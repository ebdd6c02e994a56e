"""YAML text to marked nodes, then to plain data: safe, YAML 1.1 booleans off, bounded."""

from __future__ import annotations

from typing import Any

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from repetition_3422.i18n import N_, _
from repetition_3422.language import diagnostics as codes
from repetition_3422.language.diagnostics import Diagnostic, diagnostic
from repetition_3422.language.model import Mark
from repetition_3422.language.yamlscalars import PLAIN as _PLAIN
from repetition_3422.language.yamlscalars import STR as _STR
from repetition_3422.language.yamlscalars import Composer as _Composer
from repetition_3422.language.yamlscalars import plain_value as _plain_value

MAX_DEPTH = 64
"""Deepest nesting accepted; real scripts stay under 10."""

MAX_NODES = 1_000_000
"""Most values accepted once aliases are expanded (a 5,000-state script has ~150,000)."""

MAX_ALIASES = 2_000
"""Most uses of ``*alias`` for lists or tables: bounds an alias bomb before it expands."""

_YAML_MESSAGES: tuple[tuple[str, str], ...] = (
    ("mapping values are not allowed", N_("« : » inattendu")),
    ("could not find expected ':'", N_("« : » manquant après une clé")),
    ("cannot start any token", N_("caractère interdit à cet endroit (une tabulation ?)")),
    ("found undefined alias", N_("alias « * » inconnu")),
    ("did not find expected key", N_("clé attendue : l'indentation est-elle juste ?")),
    ("did not find expected '-'", N_("« - » attendu : l'indentation est-elle juste ?")),
    (
        "unexpected end of stream",
        N_("fin de fichier inattendue : guillemet ou crochet non fermé ?"),
    ),
    ("expected a single document", N_("un seul document par fichier (pas de « --- » en plus)")),
    ("exceeded maximum nesting depth", N_("imbrication trop profonde")),
    ("found duplicate anchor", N_("ancre « & » définie deux fois")),
    ("control characters are not allowed", N_("caractère de contrôle interdit")),
)


class PureComposer(yaml.SafeLoader):
    """The same composer without libyaml (the fallback; tests compare both)."""

    resolve = _Composer.resolve


class YamlFileError(Exception):
    """The text cannot be read as YAML (or is too big to): nothing more can be checked."""

    def __init__(self, found: Diagnostic) -> None:
        super().__init__(found.message)
        self.diagnostic = found


def mark_of(node: Node, file: str) -> Mark:
    """The 1-based place where ``node`` starts."""
    return Mark(file, node.start_mark.line + 1, node.start_mark.column + 1)


def compose(text: str, file: str, *, composer: type[yaml.SafeLoader] | None = None) -> Node | None:
    """Parse ``text`` into nodes (None for an empty document).

    Args:
        text: The YAML text.
        file: The file name the marks carry.
        composer: The loader class to compose with (libyaml's when available).

    Raises:
        YamlFileError: the text is not well-formed YAML.
    """
    loader = (composer or _Composer)(text)
    try:
        node: Node | None = loader.get_single_node()
    except yaml.MarkedYAMLError as error:
        raise YamlFileError(_syntax_problem(error, file)) from None
    except yaml.YAMLError as error:  # reader errors carry a position, not a mark
        raise YamlFileError(_reader_problem(error, text, file)) from None
    except RecursionError:  # the pure-Python composer recurses once per nesting level
        raise YamlFileError(
            diagnostic(codes.TOO_BIG, Mark(file, 1, 1), _("Imbrication trop profonde."))
        ) from None
    finally:
        loader.dispose()
    return node


def _syntax_problem(error: yaml.MarkedYAMLError, file: str) -> Diagnostic:
    where = error.problem_mark or error.context_mark
    mark = Mark(file, where.line + 1, where.column + 1) if where else Mark(file, 1, 1)
    english = f"{error.context or ''} {error.problem or ''}"
    reason = next((_(french) for key, french in _YAML_MESSAGES if key in english), english.strip())
    return diagnostic(
        codes.YAML_SYNTAX,
        mark,
        _("YAML mal formé : {reason}.").format(reason=reason),
        _(
            "indentez avec des espaces, et mettez entre guillemets un texte "
            "qui contient « : » ou « # »."
        ),
    )


def _reader_problem(error: yaml.YAMLError, text: str, file: str) -> Diagnostic:
    position = int(getattr(error, "position", 0) or 0)
    line = text.count("\n", 0, position) + 1
    column = position - (text.rfind("\n", 0, position) + 1) + 1
    english = str(error)
    reason = next((_(french) for key, french in _YAML_MESSAGES if key in english), english)
    return diagnostic(
        codes.YAML_SYNTAX,
        Mark(file, line, column),
        _("Texte illisible : {reason}.").format(reason=reason),
    )


class _Walker:
    """Turns nodes into dicts, lists and scalars, noting duplicate keys and odd tags."""

    def __init__(self, file: str, aliases_possible: bool) -> None:
        self.file = file
        self.problems: list[Diagnostic] = []
        self.count = 0
        self.aliases = 0
        # A collection node met twice is an alias; tracking costs a set, so only when
        # the text has an anchor at all.
        self.seen: set[int] | None = set() if aliases_possible else None

    def value(self, node: Node, depth: int) -> Any:
        self.count += 1
        if self.count > MAX_NODES:
            self._refuse(
                node, _("Plus de {limit} valeurs une fois les alias développés."), MAX_NODES
            )
        if type(node) is ScalarNode:
            return self.scalar(node)
        if depth > MAX_DEPTH:
            self._refuse(node, _("Imbrication de plus de {limit} niveaux."), MAX_DEPTH)
        if self.seen is not None:
            self._note_alias(node)
        if type(node) is MappingNode:
            return self.mapping(node, depth)
        if node.tag not in ("tag:yaml.org,2002:seq", "!"):
            self._tag_problem(node)
        return [self.value(item, depth + 1) for item in node.value]

    def _note_alias(self, node: Node) -> None:
        key = id(node)
        if key in self.seen:  # type: ignore[operator]
            self.aliases += 1
            if self.aliases > MAX_ALIASES:
                self._refuse(node, _("Plus de {limit} alias de listes ou de tables."), MAX_ALIASES)
        else:
            self.seen.add(key)  # type: ignore[union-attr]

    def _refuse(self, node: Node, message: str, limit: int) -> None:
        raise YamlFileError(
            diagnostic(
                codes.TOO_BIG,
                mark_of(node, self.file),
                message.format(limit=limit),
                _("un script n'a pas besoin d'être si gros : un alias en cascade ?"),
            )
        )

    def mapping(self, node: MappingNode, depth: int) -> dict[str, Any]:
        result: dict[str, Any] = {}
        if node.tag not in ("tag:yaml.org,2002:map", "!"):
            self._tag_problem(node)
        for key_node, value_node in node.value:
            if type(key_node) is not ScalarNode:
                self.problems.append(
                    diagnostic(
                        codes.WRONG_TYPE,
                        mark_of(key_node, self.file),
                        _("Une clé doit être un simple mot, pas une liste ni une table."),
                    )
                )
                continue
            key = key_node.value
            if key in result:
                self._duplicate(key, key_node, node)
            result[key] = self.value(value_node, depth + 1)
        return result

    def _duplicate(self, key: str, again: Node, mapping: MappingNode) -> None:
        earlier = next(k for k, _v in mapping.value if type(k) is ScalarNode and k.value == key)
        self.problems.append(
            diagnostic(
                codes.DUPLICATE_KEY,
                mark_of(again, self.file),
                _("La clé « {key} » apparaît deux fois (d'abord ligne {line}).").format(
                    key=key, line=earlier.start_mark.line + 1
                ),
                _("YAML garderait la seconde en silence : supprimez ou renommez l'une des deux."),
            )
        )

    def scalar(self, node: ScalarNode) -> Any:
        tag = node.tag
        if tag == _PLAIN:
            return _plain_value(node.value)
        if tag in (_STR, "!"):
            return node.value
        return self._tagged(node)

    def _tagged(self, node: ScalarNode) -> Any:
        short = node.tag.replace("tag:yaml.org,2002:", "")
        value = _plain_value(node.value)
        expected = {"int": int, "float": float, "bool": bool, "null": type(None)}.get(short)
        if expected is float and type(value) is int:
            return float(value)
        if expected is not None and type(value) is expected:
            return value
        self._tag_problem(node)
        return node.value

    def _tag_problem(self, node: Node) -> None:
        self.problems.append(
            diagnostic(
                codes.YAML_TAG,
                mark_of(node, self.file),
                _("L'étiquette « {tag} » n'est pas prise en charge ici.").format(tag=node.tag),
                _("retirez-la : le type se déduit de la valeur (un texte : entre guillemets)."),
            )
        )


def to_data(
    node: Node, file: str, *, aliases_possible: bool = True
) -> tuple[Any, list[Diagnostic]]:
    """Plain data for ``node`` and the problems met (duplicate keys, tags).

    Raises:
        YamlFileError: the data would be too big or too deep (an alias bomb).
    """
    walker = _Walker(file, aliases_possible)
    data = walker.value(node, 0)
    return data, walker.problems


def load_data(text: str, file: str) -> tuple[Node | None, Any, list[Diagnostic]]:
    """Compose and convert ``text``: ``(root node, data, problems)``.

    Raises:
        YamlFileError: the text is not YAML, or is too big once aliases are expanded.
    """
    root = compose(text, file)
    if root is None:
        return None, None, []
    data, problems = to_data(root, file, aliases_possible="&" in text)
    return root, data, problems


class NodeIndex:
    """Finds key nodes in mappings fast: one dict per mapping, built on first use."""

    def __init__(self, file: str, text: str = "") -> None:
        self.file = file
        self.text = text
        self._maps: dict[int, dict[str, tuple[Node, Node]]] = {}

    def entries(self, node: MappingNode) -> dict[str, tuple[Node, Node]]:
        """``key -> (key node, value node)`` of a mapping (the last one of a duplicate key)."""
        found = self._maps.get(id(node))
        if found is None:
            found = {k.value: (k, v) for k, v in node.value if type(k) is ScalarNode}
            self._maps[id(node)] = found
        return found


class At:
    """A place in a file's node tree, to give every compiled element and problem its mark.

    Going to a key or an item that is not there keeps the mark of the closest parent, so a
    missing key is reported where it should have been written.
    """

    __slots__ = ("_fallback", "_index", "node")

    def __init__(self, node: Node | None, index: NodeIndex, fallback: Mark | None = None) -> None:
        self.node = node
        self._index = index
        self._fallback = fallback or Mark(index.file, 1, 1)

    @classmethod
    def root(cls, node: Node | None, file: str, text: str = "") -> At:
        """The place of a whole file's root node (``text`` locates ``|`` blocks exactly)."""
        return cls(node, NodeIndex(file, text))

    @property
    def file(self) -> str:
        """The file this place is in."""
        return self._index.file

    @property
    def mark(self) -> Mark:
        """Where the node starts, or the closest parent's mark."""
        return self._fallback if self.node is None else mark_of(self.node, self._index.file)

    def key(self, name: str) -> At:
        """The value written under ``name``."""
        pair = self._pair(name)
        return At(None if pair is None else pair[1], self._index, self.mark)

    def key_at(self, name: str) -> At:
        """The key ``name`` itself (where an unknown or duplicate key is reported)."""
        pair = self._pair(name)
        return At(None if pair is None else pair[0], self._index, self.mark)

    def item(self, index: int) -> At:
        """The ``index``-th item of a list (or the place itself for a lone value)."""
        node = self.node
        if type(node) is SequenceNode and 0 <= index < len(node.value):
            return At(node.value[index], self._index, self.mark)
        return At(node if type(node) is not SequenceNode else None, self._index, self.mark)

    def follow(self, path: tuple[str | int, ...]) -> At:
        """The place at ``path`` (keys and list indexes) from here."""
        place = self
        for step in path:
            place = place.item(step) if isinstance(step, int) else place.key(step)
        return place

    def text_mark(self) -> Mark:
        """Where the text of a scalar starts: after its quote, on the next line for ``|``/``>``."""
        node = self.node
        if type(node) is not ScalarNode:
            return self.mark
        start = node.start_mark
        if node.style in ('"', "'"):
            return Mark(self._index.file, start.line + 1, start.column + 2)
        if node.style in ("|", ">"):
            return Mark(self._index.file, start.line + 2, _block_indent(node, self._index.text) + 1)
        return Mark(self._index.file, start.line + 1, start.column + 1)

    def _pair(self, name: str) -> tuple[Node, Node] | None:
        if type(self.node) is not MappingNode:
            return None
        return self._index.entries(self.node).get(name)


def _block_indent(node: ScalarNode, text: str) -> int:
    """Column (0-based) of the first line of a ``|`` or ``>`` block's text."""
    start = text.find("\n", node.start_mark.index) + 1
    if not text or start == 0:  # without the text, the block is indented at least one more
        return node.start_mark.column + 1
    end = text.find("\n", start)
    line = text[start:] if end < 0 else text[start:end]
    return len(line) - len(line.lstrip(" "))
