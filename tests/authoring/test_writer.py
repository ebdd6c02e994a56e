"""Walkthrough files written by the program read back as the same data."""

from __future__ import annotations

from typing import Any

from hypothesis import given
from hypothesis import strategies as st

from repetition_3422.authoring.writer import Commented, Text, document, scalar
from repetition_3422.language.yamlnodes import load_data

KEYS = st.from_regex(r"[a-z][a-z_]{0,8}", fullmatch=True)
SCALARS = st.one_of(
    st.text(st.characters(codec="utf-8")),  # no lone surrogates: files are UTF-8
    st.integers(),
    st.booleans(),
    st.from_regex(r"[a-z][a-z0-9_.-]{0,10}", fullmatch=True),
)
VALUES = st.recursive(
    SCALARS,
    lambda inner: st.one_of(st.lists(inner, max_size=4), st.dictionaries(KEYS, inner, max_size=4)),
    max_leaves=12,
)


def read_back(text: str) -> Any:
    _root, data, problems = load_data(text, "essai.yaml")
    assert problems == []
    return data


@given(st.dictionaries(KEYS, VALUES, min_size=1, max_size=5))
def test_a_written_document_reads_back_the_same(value: dict[str, Any]) -> None:
    assert read_back(document(value, ["un commentaire"])) == value


def test_texts_are_quoted_and_ids_are_not() -> None:
    assert scalar("demande-code") == "demande-code"
    assert scalar(Text("oui")) == '"oui"'  # what a caller says is always a text
    assert scalar("no") == '"no"'
    assert scalar("12") == '"12"'
    assert scalar("Bonjour : oui") == '"Bonjour : oui"'


def test_comments_go_before_and_after_list_items() -> None:
    text = document({"steps": [Commented({"say": Text("oui")}, ("avant",), ("après",))]})
    assert text == 'steps:\n  # avant\n  - say: "oui"\n    # après\n'
    assert read_back(text) == {"steps": [{"say": "oui"}]}
