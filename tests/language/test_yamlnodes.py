"""YAML text to nodes and data: types, YAML 1.1 booleans off, duplicate keys, tags, limits."""

from __future__ import annotations

import time
from typing import Any

import pytest
import yaml

from repetition_3422.language import yamlnodes
from repetition_3422.language.yamlnodes import At, PureComposer, YamlFileError, compose, to_data


def data_of(text: str, composer: type[yaml.SafeLoader] | None = None) -> Any:
    node = compose(text, "t.yaml", composer=composer)
    assert node is not None
    value, problems = to_data(node, "t.yaml")
    assert problems == []
    return value


COMPOSERS = [pytest.param(None, id="libyaml"), pytest.param(PureComposer, id="python")]


@pytest.mark.parametrize("composer", COMPOSERS)
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # The regression guard: YAML 1.1 read these words as booleans.
        ("on: x", {"on": "x"}),
        ("oui: [yes]", {"oui": ["yes"]}),
        (
            "a: [yes, no, on, off, y, n, Yes, NO, On]",
            {"a": ["yes", "no", "on", "off", "y", "n", "Yes", "NO", "On"]},
        ),
        ("a: [true, false, True, FALSE]", {"a": [True, False, True, False]}),
        ("a: [1, -2, 0.95, .5, 1e3]", {"a": [1, -2, 0.95, 0.5, 1000.0]}),
        # Leading zeros stay text: a phone number or a keypad sequence.
        ("a: [0612, 007, 0]", {"a": ["0612", "007", 0]}),
        ('a: ["1", "true", \'on\']', {"a": ["1", "true", "on"]}),
        ("a: [~, null, ]", {"a": [None, None]}),
        ("a:", {"a": None}),
        # Dates and sexagesimal numbers of YAML 1.1 stay text.
        ("a: [2025-03-03, 1:30, 1_000]", {"a": ["2025-03-03", "1:30", "1_000"]}),
        ("a: !!str 12", {"a": "12"}),
        ("a: !!float 2", {"a": 2.0}),
        ("1: x", {"1": "x"}),
        ("a: &x [1]\nb: *x", {"a": [1], "b": [1]}),
    ],
)
def test_scalars_get_the_types_an_author_expects(
    composer: type[yaml.SafeLoader] | None, text: str, expected: Any
) -> None:
    assert data_of(text, composer) == expected


def test_duplicate_keys_are_reported_at_the_second_one() -> None:
    node = compose("a: 1\nb: 2\na: 3\n", "t.yaml")
    assert node is not None
    value, problems = to_data(node, "t.yaml")
    assert value == {"a": 3, "b": 2}
    assert [(p.code, p.mark.line, p.mark.column) for p in problems] == [("Y103", 3, 1)]
    assert "ligne 1" in problems[0].message


@pytest.mark.parametrize(
    "text", ["a: !!python/object:os.system x", "a: !!bool yes", "a: !custom [1]"]
)
def test_unknown_or_mismatched_tags_are_problems(text: str) -> None:
    node = compose(text, "t.yaml")
    assert node is not None
    _value, problems = to_data(node, "t.yaml")
    assert [p.code for p in problems] == ["Y105"]


@pytest.mark.parametrize("composer", COMPOSERS)
@pytest.mark.parametrize(
    ("text", "line", "column"),
    [
        ("title: a: b\n", 1, 9),
        ("a:\n  - x\n - y\n", 3, 2),
        ('a: "pas fermé\n', 2, 1),
        ("a: *inconnu\n", 1, 4),
        ("a: 1\n---\nb: 2\n", 2, 1),
        ("a:\n\t- x\n", 2, 1),
    ],
)
def test_syntax_errors_have_a_place(
    composer: type[yaml.SafeLoader] | None, text: str, line: int, column: int
) -> None:
    with pytest.raises(YamlFileError) as caught:
        compose(text, "t.yaml", composer=composer)
    found = caught.value.diagnostic
    assert (found.code, found.mark.line, found.mark.column) == ("Y102", line, column)
    assert found.message.startswith("YAML mal formé")


def test_control_characters_are_reported_with_their_place() -> None:
    with pytest.raises(YamlFileError) as caught:
        compose("a: 1\nb: x\x07y\n", "t.yaml")
    assert (caught.value.diagnostic.mark.line, caught.value.diagnostic.mark.column) == (2, 5)


def billion_laughs(levels: int = 9) -> str:
    lines = ['a: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    for index in range(1, levels + 1):
        name, previous = chr(ord("a") + index), chr(ord("a") + index - 1)
        lines.append(f"{name}: &{name} [{', '.join([f'*{previous}'] * 9)}]")
    return "\n".join(lines) + "\n"


@pytest.mark.parametrize("composer", COMPOSERS)
def test_an_alias_bomb_is_refused_without_being_expanded(
    composer: type[yaml.SafeLoader] | None,
) -> None:
    # 9**10 strings once expanded: only counting aliases can refuse it this fast.
    started = time.perf_counter()
    node = compose(billion_laughs(), "t.yaml", composer=composer)
    assert node is not None
    with pytest.raises(YamlFileError) as caught:
        to_data(node, "t.yaml")
    assert caught.value.diagnostic.code == "Y104"
    assert time.perf_counter() - started < 2.0


def test_a_few_aliases_are_fine() -> None:
    assert data_of("a: &x [1, 2]\nb: [*x, *x, *x]")["b"] == [[1, 2]] * 3


def test_deep_nesting_is_refused() -> None:
    depth = yamlnodes.MAX_DEPTH + 5
    node = compose("a: " + "[" * depth + "]" * depth, "t.yaml")
    assert node is not None
    with pytest.raises(YamlFileError) as caught:
        to_data(node, "t.yaml")
    assert caught.value.diagnostic.code == "Y104"


def test_very_deep_nesting_is_a_syntax_error_not_a_crash() -> None:
    with pytest.raises(YamlFileError):
        compose("a: " + "[" * 100_000, "t.yaml")


TEXT = """\
a:
  plain: bonjour
  quoted: "bonjour"
  single: 'bonjour'
  block: |
      bonjour
  list: [x, y]
"""


@pytest.mark.parametrize(
    ("key", "line", "column"),
    [("plain", 2, 10), ("quoted", 3, 12), ("single", 4, 12), ("block", 6, 7)],
)
def test_text_marks_point_at_the_first_character_of_the_text(
    key: str, line: int, column: int
) -> None:
    root = At.root(compose(TEXT, "t.yaml"), "t.yaml", TEXT)
    mark = root.key("a").key(key).text_mark()
    assert (mark.line, mark.column) == (line, column)


def test_places_of_missing_keys_fall_back_to_the_parent() -> None:
    root = At.root(compose(TEXT, "t.yaml"), "t.yaml", TEXT)
    assert root.key("a").key("nothing").mark == root.key("a").mark
    assert root.key("a").key_at("list").mark.line == 7
    assert root.follow(("a", "list", 1)).mark.column == 13
    assert root.follow(("a", "list", 9)).mark == root.follow(("a", "list")).mark


def test_empty_text_has_no_node() -> None:
    assert compose("", "t.yaml") is None
    assert compose("# rien\n", "t.yaml") is None
