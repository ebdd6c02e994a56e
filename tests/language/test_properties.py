"""Property tests: whatever the text, loading only ever fails with the project's own errors."""

from __future__ import annotations

import contextlib
import tempfile
from pathlib import Path
from typing import Any

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from repetition_3422.errors import FileReadError, ScriptError
from repetition_3422.language import load, load_and_check
from repetition_3422.language.catalog import scenario_path

SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
EXAMPLE: dict[str, Any] = yaml.safe_load(scenario_path("exemple").read_text(encoding="utf-8"))

YAML_PIECES = st.sampled_from(
    [
        "id: x\n",
        "title: t\n",
        "start: a\n",
        "states:\n",
        "  a:\n",
        "    say: x\n",
        "    on: [{intent: oui, go: a}]\n",
        "- ",
        ": ",
        "&a ",
        "*a ",
        "!!str ",
        "'",
        '"',
        "{",
        "}",
        "[",
        "]",
        "\t",
        "\n",
        "  ",
        "#",
        "on",
        "yes",
        "1",
        "-1.5e3",
        "~",
        "|\n",
        "kind: end\n",
        "includes: [common]\n",
        "includes: [../../x]\n",
        "\x00",
        "é",
        "{x}",
    ]
)


def _load_text(data: bytes) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "script.yaml"
        path.write_bytes(data)
        with contextlib.suppress(ScriptError, FileReadError):
            load(path)


@SETTINGS
@given(st.lists(YAML_PIECES, max_size=40).map("".join))
def test_random_yaml_like_text_only_raises_project_errors(text: str) -> None:
    _load_text(text.encode("utf-8"))


@SETTINGS
@given(st.binary(max_size=200))
def test_random_bytes_only_raise_project_errors(data: bytes) -> None:
    _load_text(data)


SCALARS = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-5, 5),
    st.floats(allow_nan=False, width=16),
    st.text(max_size=8),
    st.sampled_from(["accueil", "fin-ok", "{adviser.name}", "heard.x >", "oui"]),
)
VALUES = st.recursive(
    SCALARS,
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=6), inner, max_size=3)
    ),
    max_leaves=6,
)


def _paths(data: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    found = [prefix]
    if isinstance(data, dict):
        for key, value in data.items():
            found += _paths(value, (*prefix, key))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            found += _paths(value, (*prefix, index))
    return found


PATHS = _paths(EXAMPLE)[1:]


def _replace(data: Any, path: tuple[Any, ...], value: Any, delete: bool) -> Any:
    if not path:
        return value
    head, rest = path[0], path[1:]
    if isinstance(data, dict):
        copy = dict(data)
        if delete and not rest:
            del copy[head]
        else:
            copy[head] = _replace(data[head], rest, value, delete)
        return copy
    copy_list = list(data)
    if delete and not rest:
        del copy_list[head]
    else:
        copy_list[head] = _replace(data[head], rest, value, delete)
    return copy_list


@SETTINGS
@given(st.lists(st.tuples(st.sampled_from(PATHS), VALUES, st.booleans()), min_size=1, max_size=4))
def test_mutated_valid_scripts_only_raise_project_errors(
    mutations: list[tuple[tuple[Any, ...], Any, bool]],
) -> None:
    data: Any = EXAMPLE
    for path, value, delete in mutations:
        try:
            data = _replace(data, path, value, delete)
        except (KeyError, IndexError, TypeError):
            continue  # an earlier mutation removed that place
    text = yaml.safe_dump(data, allow_unicode=True, sort_keys=False)
    with tempfile.TemporaryDirectory() as folder:
        script = Path(folder) / "script.yaml"
        script.write_text(text, encoding="utf-8")
        # The include of the shipped fragment must still resolve from a temporary folder.
        _script, found = load_and_check(script)
        for item in found:
            assert item.message and item.mark.line >= 0
