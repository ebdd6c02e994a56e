"""The call as a graph: the neutral model, then Mermaid and DOT text."""

from __future__ import annotations

from repetition_3422.language import load
from repetition_3422.language.catalog import scenario_path
from repetition_3422.language.graph import GLOBAL, HANGUP, extract, to_dot, to_mermaid

from .conftest import MINIMAL, Write


def test_the_graph_model_has_every_state_and_labelled_transitions() -> None:
    graph = extract(load(scenario_path("exemple")))
    ids = [node.id for node in graph.nodes]
    assert {"accueil", "demande-code", "enregistrement", "fin-ok", GLOBAL} <= set(ids)
    edges = {(edge.source, edge.target, edge.label) for edge in graph.edges}
    assert ("accueil", "demande-code", "s_opposer") in edges
    assert ("demande-code", "enregistrement", "code donné") in edges
    assert ("enregistrement", "fin-ok", "non / merci / au_revoir") in edges
    assert ("accueil", "fin-incomprehension", "après 3 échecs") in edges
    assert (GLOBAL, "fin-appelant", "au_revoir") in edges
    start = next(node for node in graph.nodes if node.start)
    assert start.id == "accueil"
    assert {node.id for node in graph.nodes if node.end} >= {"fin-ok", "fin-appelant"}


def test_keys_conditions_and_hangups_are_drawn(write: Write) -> None:
    text = MINIMAL.replace(
        "on: [{intent: oui, go: fin}]",
        "on: [{intent: oui, when: heard.oui > 1, go: fin}, {intent: non, do: hangup}]",
    )
    graph = extract(load(write(text)))
    labels = {(edge.target, edge.label) for edge in graph.edges}
    assert ("fin", "oui [heard.oui > 1]") in labels
    assert (HANGUP, "non do: hangup") in labels


def test_mermaid_uses_safe_node_ids_and_quoted_labels() -> None:
    text = to_mermaid(extract(load(scenario_path("exemple"))))
    assert text.startswith("flowchart TD\n")
    assert '["accueil"]' in text
    assert '(["fin-ok ⏹ opposition-enregistree"])' in text
    assert '-->|"s_opposer"|' in text
    assert "debut(( )) -->" in text
    # Mermaid reserves « end »: no state id is written as a node id.
    assert "\n    fin-ok" not in text


def test_dot_is_a_digraph_with_ends_marked() -> None:
    text = to_dot(extract(load(scenario_path("exemple"))))
    assert text.startswith('digraph "Premier essai — un appel très court" {')
    assert '"accueil" -> "demande-code" [label="s_opposer"];' in text
    assert '"fin-ok" [label="fin-ok ⏹ opposition-enregistree", peripheries=2];' in text
    assert text.rstrip().endswith("}")
