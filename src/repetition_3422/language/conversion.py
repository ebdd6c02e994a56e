"""Plain data to the document Structs: one fast msgspec call, every problem placed if it fails."""

from __future__ import annotations

from typing import Any

import msgspec

from repetition_3422.i18n import _
from repetition_3422.language import diagnostics as codes
from repetition_3422.language.diagnostics import Diagnostic, diagnostic
from repetition_3422.language.document import Document, FragmentDoc, ScriptDoc, is_fragment
from repetition_3422.language.yamlnodes import At


def to_document(data: Any, root: At) -> tuple[Document | None, list[Diagnostic]]:
    """The document (script or fragment) in ``data``, or None and every problem found."""
    if not isinstance(data, dict):
        return None, [
            diagnostic(
                codes.NOT_A_MAPPING,
                root.mark,
                _("Le fichier doit être une table de clés (id:, title:, states:…)."),
                _("commencez par « id: mon-script » en début de ligne."),
            )
        ]
    kind: type[Document] = FragmentDoc if is_fragment(data) else ScriptDoc
    try:
        return msgspec.convert(data, kind), []
    except msgspec.ValidationError as error:
        # Imported only for a file with problems: valid files load faster without it.
        from repetition_3422.language.explain import explain

        return None, explain(data, kind, root, str(error))
