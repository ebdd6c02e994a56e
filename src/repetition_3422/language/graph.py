"""The call as a graph: a neutral model of states and transitions, then Mermaid or DOT text."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass

from repetition_3422.i18n import _
from repetition_3422.language.model import Script, State, Transition

GLOBAL = "*global*"
"""Pseudo-node from which the global transitions leave (they apply in every talk state)."""

HANGUP = "*raccroche*"
"""Pseudo-node where ``do: hangup`` transitions end."""


@dataclass(frozen=True, slots=True)
class Node:
    """A state (or a pseudo-node) as drawn."""

    id: str
    label: str
    kind: str
    start: bool = False
    end: bool = False


@dataclass(frozen=True, slots=True)
class Edge:
    """An arrow between two nodes, labelled with what makes the call take it."""

    source: str
    target: str
    label: str
    style: str = "normal"
    """``normal``, ``retries`` (after too many failures) or ``global``."""


@dataclass(frozen=True, slots=True)
class Graph:
    """Nodes and edges of a script, in the order written."""

    title: str
    nodes: tuple[Node, ...]
    edges: tuple[Edge, ...]


def transition_label(item: Transition) -> str:
    """What fires a transition, briefly: intents, keys, slot, condition."""
    parts: list[str] = []
    if item.keys is not None:
        parts.append(_("touche {keys}").format(keys=item.keys))
    if item.intents:
        parts.append(" / ".join(item.intents))
    if item.slot is not None:
        parts.append(_("{slot} donné").format(slot=item.slot))
    if item.any:
        parts.append(_("autre réponse"))
    if item.when is not None:
        parts.append(f"[{item.when.source}]")
    if item.do is not None:
        parts.append(f"do: {item.do}")
    return " ".join(parts)


def _state_node(state: State, script: Script) -> Node:
    label = state.id if state.kind == "talk" else f"{state.id} ({state.kind})"
    if state.kind == "end" and state.outcome:
        label = f"{state.id} ⏹ {state.outcome}"
    return Node(state.id, label, state.kind, state.id == script.start, state.kind == "end")


def _state_edges(state: State) -> list[Edge]:
    edges: list[Edge] = []
    if state.go is not None:
        edges.append(Edge(state.id, state.go, ""))
    for item in state.on:
        target = HANGUP if item.do == "hangup" else item.go
        if target is not None:
            edges.append(Edge(state.id, target, transition_label(item)))
    if state.reprompts.after_retries is not None and state.kind in ("talk", "menu"):
        label = _("après {n} échecs").format(n=state.reprompts.retries)
        edges.append(Edge(state.id, state.reprompts.after_retries, label, "retries"))
    return edges


def extract(script: Script) -> Graph:
    """The graph of ``script``: every state, its ways out, and the global transitions."""
    nodes = [_state_node(state, script) for state in script.states.values()]
    edges = [edge for state in script.states.values() for edge in _state_edges(state)]
    for item in script.global_on:
        target = HANGUP if item.do == "hangup" else item.go
        if target is not None:
            edges.append(Edge(GLOBAL, target, transition_label(item), "global"))
    if any(edge.source == GLOBAL for edge in edges):
        nodes.append(Node(GLOBAL, _("partout"), "global"))
    if any(edge.target == HANGUP for edge in edges):
        nodes.append(Node(HANGUP, _("raccroché"), "end", end=True))
    return Graph(script.title, tuple(nodes), tuple(edges))


def _mermaid_text(text: str) -> str:
    return text.replace('"', "#quot;")


_SHAPES: dict[str, tuple[str, str]] = {
    "end": ("([", "])"),
    "global": ("{{", "}}"),
    "branch": ("{", "}"),
    "hold": ("[/", "/]"),
}
"""Mermaid node shapes by kind (a box for the others)."""


def to_mermaid(graph: Graph) -> str:
    """A Mermaid flowchart (states get short ids: Mermaid reserves words such as ``end``)."""
    ids = {node.id: f"s{index}" for index, node in enumerate(graph.nodes)}
    lines = ["flowchart TD", f"    %% {_mermaid_text(graph.title)}"]
    for node in graph.nodes:
        opening, closing = _SHAPES.get("end" if node.end else node.kind, ("[", "]"))
        lines.append(f'    {ids[node.id]}{opening}"{_mermaid_text(node.label)}"{closing}')
    start = next((node for node in graph.nodes if node.start), None)
    if start is not None:
        lines.append(f"    debut(( )) --> {ids[start.id]}")
    for edge in graph.edges:
        if edge.source not in ids or edge.target not in ids:
            continue
        arrow = "-.->" if edge.style != "normal" else "-->"
        label = f'|"{_mermaid_text(edge.label)}"|' if edge.label else ""
        lines.append(f"    {ids[edge.source]} {arrow}{label} {ids[edge.target]}")
    return "\n".join(lines) + "\n"


def to_dot(graph: Graph) -> str:
    """A Graphviz DOT digraph."""

    def quote(text: str) -> str:
        return json.dumps(text, ensure_ascii=False)  # a JSON string is a valid DOT quoted id

    lines = [f"digraph {quote(graph.title)} {{", "    rankdir=TB;", "    node [shape=box];"]
    for node in graph.nodes:
        attributes = [f"label={quote(node.label)}"]
        if node.end:
            attributes.append("shape=doublecircle" if node.id == HANGUP else "peripheries=2")
        if node.kind == "global":
            attributes.append("shape=hexagon")
        if node.start:
            attributes.append("style=bold")
        lines.append(f"    {quote(node.id)} [{', '.join(attributes)}];")
    known = {node.id for node in graph.nodes}
    for edge in graph.edges:
        if edge.source not in known or edge.target not in known:
            continue
        attributes = [f"label={quote(edge.label)}"] if edge.label else []
        if edge.style != "normal":
            attributes.append("style=dashed")
        suffix = f" [{', '.join(attributes)}]" if attributes else ""
        lines.append(f"    {quote(edge.source)} -> {quote(edge.target)}{suffix};")
    lines.append("}")
    return "\n".join(lines) + "\n"


RENDERERS: dict[str, Callable[[Graph], str]] = {"mermaid": to_mermaid, "dot": to_dot}
"""Output formats of ``repetition-3422 graph``, by name."""
