"""Binding descriptions in the interface language, settled when each screen is created."""

from __future__ import annotations

from dataclasses import replace

from textual.binding import Binding
from textual.dom import DOMNode

from repetition_3422.i18n import N_, _

__all__ = ["N_", "translate_bindings"]


def translate_bindings(node: DOMNode) -> None:
    """Translate the descriptions, tooltips and key labels of ``node``'s bindings.

    Textual reads ``BINDINGS`` once, when the class is defined, which may be before the CLI
    has chosen the language. Each node gets its own copy of the bindings when it is
    created, so translating that copy here shows the language in force at that moment,
    and tests can build the app in French and in English in the same process.
    """
    # ``_bindings`` is private, but Textual offers no public way to relabel a binding.
    bindings = node._bindings
    bindings.key_to_bindings = {
        key: [_translated(binding) for binding in key_bindings]
        for key, key_bindings in bindings.key_to_bindings.items()
    }


def _translated(binding: Binding) -> Binding:
    return replace(
        binding,
        description=_(binding.description) if binding.description else "",
        tooltip=_(binding.tooltip) if binding.tooltip else "",
        key_display=_(binding.key_display) if binding.key_display else None,
    )
