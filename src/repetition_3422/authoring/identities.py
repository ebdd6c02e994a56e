"""The caller's identity in a walkthrough: a generated card, a file, or fields written inline."""

from __future__ import annotations

from pathlib import Path

import msgspec

from repetition_3422.authoring.document import IdentityDoc
from repetition_3422.domain.identity import (
    FICTIONAL_ORDER,
    REPRESENTED_KINDS,
    Identity,
    generate_identity,
    identity_from_dict,
    load_identity,
)
from repetition_3422.errors import Repetition3422Error
from repetition_3422.i18n import _

IdentitySpec = str | IdentityDoc | None
"""How a walkthrough gives its identity (see :func:`resolve_identity`)."""


class IdentitySpecError(ValueError):
    """An identity that cannot be used, with the sentence to show."""


def resolve_identity(spec: IdentitySpec, folder: Path, seed: int) -> tuple[Identity, str]:
    """The identity a walkthrough plays with, and a short note saying where it comes from.

    Args:
        spec: ``None`` (the card generated with the walkthrough's ``seed``, as ``play``
            does), a path to an identity file (read from ``folder``), ``{seed: N}`` (with
            ``represented: enfant`` or ``majeur-protege``), or the fields of a card.
        folder: The walkthrough file's folder.
        seed: The walkthrough's seed.

    Raises:
        IdentitySpecError: the file is unreadable, a field is wrong, or an inline NIR is
            not fictional (order number 000): real numbers never go in a test.
    """
    if spec is None:
        return generate_identity(seed), _("fiche fictive de la graine {seed}").format(seed=seed)
    if isinstance(spec, str):
        try:
            return load_identity(folder / spec), spec
        except Repetition3422Error as error:
            raise IdentitySpecError(error.message) from None
    fields = {
        key: value for key, value in msgspec.structs.asdict(spec).items() if value is not None
    }
    if spec.seed is not None:
        return _generated(spec.seed, fields)
    return _written(fields)


def _generated(seed: int, fields: dict[str, object]) -> tuple[Identity, str]:
    extra = sorted(set(fields) - {"seed", "represented"})
    if extra:
        raise IdentitySpecError(
            _("Avec « seed », la fiche est tirée au sort : retirez {fields}.").format(
                fields=", ".join(extra)
            )
        )
    kind = fields.get("represented")
    represented = next((known for known in REPRESENTED_KINDS if known == kind), None)
    if kind is not None and represented is None:
        raise IdentitySpecError(
            _(
                "« represented » vaut enfant ou majeur-protege avec « seed », pas « {kind} »."
            ).format(kind=kind)
        )
    identity = generate_identity(seed, represented=represented)
    return identity, _("fiche fictive de la graine {seed}").format(seed=seed)


def _written(fields: dict[str, object]) -> tuple[Identity, str]:
    try:
        identity = identity_from_dict(fields)
    except Repetition3422Error as error:
        raise IdentitySpecError(error.message) from None
    nirs = [identity.nir]
    if identity.represented is not None and identity.represented.nir:
        nirs.append(identity.represented.nir)
    if any(nir[10:13] != FICTIONAL_ORDER for nir in nirs):
        raise IdentitySpecError(
            _(
                "Un NIR écrit dans un parcours doit être fictif (numéro d'ordre 000, les "
                "chiffres 11 à 13) : n'écrivez jamais un vrai numéro. Le plus simple : "
                "identity: {{seed: 1}}."
            )
        )
    return identity, _("fiche écrite dans le parcours")
