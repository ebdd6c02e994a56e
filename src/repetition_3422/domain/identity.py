"""Practice identities: the identity file (``--identity``), its checks, and its dictionary form."""

from __future__ import annotations

import random
import string
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import Literal, get_args

import yaml

from repetition_3422.domain._fields import FieldReader, read_mapping
from repetition_3422.domain._names import FIRST_NAMES, LAST_NAMES
from repetition_3422.domain.code import validate_code
from repetition_3422.domain.nir import nir_key, validate_nir
from repetition_3422.domain.problems import InvalidValue
from repetition_3422.domain.vitale import (
    VITALE_TYPES,
    VitaleType,
    parse_vitale_type,
    validate_serial,
)
from repetition_3422.errors import IdentityError
from repetition_3422.files import read_text
from repetition_3422.i18n import _, ngettext

RepresentedKind = Literal["enfant", "majeur-protege"]
"""Who a caller may act for: a child, or an adult under a protection measure."""

REPRESENTED_KINDS: tuple[RepresentedKind, ...] = get_args(RepresentedKind)
"""Every kind of represented person."""


@dataclass(frozen=True)
class Represented:
    """The person a caller acts for (a child, a protected adult), with their own code."""

    kind: RepresentedKind
    code: str
    first_name: str | None = None
    last_name: str | None = None
    birth_date: date | None = None
    nir: str | None = None


@dataclass(frozen=True)
class Identity:
    """What a caller gives on the phone, and what the adviser compares it with.

    ``fictional`` marks a generated identity (shown as FICTIF): its NIR has the order
    number ``000``, never given to anyone.
    """

    code: str
    nir: str
    vitale_type: VitaleType
    vitale_serial: str
    first_name: str | None = None
    last_name: str | None = None
    birth_date: date | None = None
    represented: Represented | None = None
    fictional: bool = False


IDENTITY_FIELDS = (
    "code",
    "nir",
    "vitale_type",
    "vitale_serial",
    "first_name",
    "last_name",
    "birth_date",
    "represented",
    "fictif",
)
"""Field names of the identity file (the contract), in their usual order."""

REPRESENTED_FIELDS = ("kind", "code", "first_name", "last_name", "birth_date", "nir")
"""Field names of ``represented``."""

_REQUIRED = ("code", "nir", "vitale_type", "vitale_serial")
_KINDS: dict[str, RepresentedKind] = {
    "enfant": "enfant",
    "majeur-protege": "majeur-protege",
    "majeur-protégé": "majeur-protege",
}


class _StringLoader(yaml.SafeLoader):
    """Safe YAML where every plain scalar stays text (``no``, ``0123``, ``1984-05-12``).

    YAML 1.1 would read ``no`` as false, ``01234567`` as an octal number and a NIR as an
    integer; only ``null``/``~``/empty keep their meaning.
    """


_StringLoader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag == "tag:yaml.org,2002:null"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def load_identity(path: Path) -> Identity:
    """Read an identity file (YAML) and check every field.

    Raises:
        FileReadError: the file is missing or unreadable.
        IdentityError: the YAML is broken or a field breaks the contract; the message
            lists every problem, each a sentence naming its field.
    """
    text = read_text(path)
    try:
        data = yaml.load(text, Loader=_StringLoader)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        where = f"{path}:{mark.line + 1}:{mark.column + 1}" if mark else str(path)
        raise IdentityError(
            _("{where} : ce fichier n'est pas du YAML lisible ({reason}).").format(
                where=where, reason=getattr(error, "problem", None) or error
            )
        ) from error
    return identity_from_dict(data, source=str(path))


def identity_from_dict(data: object, *, source: str = "") -> Identity:
    """Build an :class:`Identity` from the identity file's fields, checking them all.

    Args:
        data: The parsed file: a mapping of field names to text (or ``None``).
        source: Where the data come from, for the error message.

    Raises:
        IdentityError: every problem found, one sentence each.
    """
    problems: list[str] = []
    fields = read_mapping(data, "", problems)
    if problems:
        raise _identity_error(problems, source)
    reader = FieldReader(fields, "", problems)
    reader.require(_REQUIRED, IDENTITY_FIELDS)
    nir = reader.checked("nir", lambda text: validate_nir(text, strict=False))
    card_type = reader.checked("vitale_type", parse_vitale_type)
    serial = None
    if card_type is not None:
        serial = reader.checked(
            "vitale_serial", lambda text: validate_serial(text, card_type, nir=nir)
        )
    code = reader.checked("code", validate_code)
    first_name, last_name = reader.name("first_name"), reader.name("last_name")
    birth_date = reader.birth_date("birth_date")
    represented = _represented(fields.get("represented"), problems)
    fictional = reader.flag("fictif")
    if problems or code is None or nir is None or card_type is None or serial is None:
        raise _identity_error(problems, source)
    return Identity(
        code, nir, card_type, serial, first_name, last_name, birth_date, represented, fictional
    )


def identity_to_dict(identity: Identity) -> dict[str, object]:
    """The identity with the identity file's field names, ready for JSON or YAML.

    Empty optional fields are left out; dates are ISO text; ``fictif`` is always there.
    :func:`identity_from_dict` reads the result back.
    """
    result: dict[str, object] = {
        "code": identity.code,
        "nir": identity.nir,
        "vitale_type": identity.vitale_type,
        "vitale_serial": identity.vitale_serial,
        **_person_fields(identity.first_name, identity.last_name, identity.birth_date),
    }
    if identity.represented is not None:
        person = identity.represented
        result["represented"] = {
            "kind": person.kind,
            "code": person.code,
            **_person_fields(person.first_name, person.last_name, person.birth_date),
            **({} if person.nir is None else {"nir": person.nir}),
        }
    result["fictif"] = identity.fictional
    return result


def _person_fields(first: str | None, last: str | None, birth: date | None) -> dict[str, str]:
    fields = {"first_name": first, "last_name": last}
    fields["birth_date"] = None if birth is None else birth.isoformat()
    return {name: value for name, value in fields.items() if value is not None}


def _represented(value: object, problems: list[str]) -> Represented | None:
    if value in (None, ""):
        return None
    fields = read_mapping(value, "represented", problems)
    if not fields:
        return None
    reader = FieldReader(fields, "represented.", problems)
    reader.require(("kind", "code"), REPRESENTED_FIELDS)
    kind = reader.checked("kind", _parse_kind)
    code = reader.checked("code", validate_code)
    nir = reader.checked("nir", lambda text: validate_nir(text, strict=False))
    first_name, last_name = reader.name("first_name"), reader.name("last_name")
    birth_date = reader.birth_date("birth_date")
    if kind is None or code is None:
        return None
    return Represented(kind, code, first_name, last_name, birth_date, nir)


def _parse_kind(text: str) -> RepresentedKind:
    kind = _KINDS.get(text.strip().lower())
    if kind is None:
        raise InvalidValue(
            "represented.kind",
            _(
                "« {text} » n'est pas un type de personne représentée : écrire « enfant » ou "
                "« majeur-protege »."
            ).format(text=text),
        )
    return kind


def _identity_error(problems: list[str], source: str) -> IdentityError:
    count = len(problems)
    if source:
        head = ngettext(
            "L'identité {source} a un problème :",
            "L'identité {source} a {count} problèmes :",
            count,
        )
    else:
        head = ngettext("L'identité a un problème :", "L'identité a {count} problèmes :", count)
    lines = [head.format(source=source, count=count), *(f"  - {problem}" for problem in problems)]
    return IdentityError("\n".join(lines))


FICTIONAL_ORDER = "000"
"""Order number of every generated NIR: real ones run from 001 to 999."""

CODE_ALPHABET = "".join(sorted(set(string.ascii_uppercase + string.digits) - set("01ILO")))
"""Characters of generated codes: no 0/O or 1/I/L to misread on a printed card."""

_ABROAD_COUNTRIES = ("109", "127", "134", "139", "350", "351", "352")
"""INSEE codes of a few countries (Germany, Italy, Spain, Portugal, Morocco, Tunisia, Algeria)."""

_OVERSEAS = ("971", "972", "973", "974", "976")


def generate_identity(
    seed: int | random.Random, *, represented: RepresentedKind | None = None
) -> Identity:
    """Make a fictional identity (FICTIF) whose numbers pass every official check.

    The NIR has the order number ``000`` (never given to anyone) and passes the strict
    check; the serial is neither date-like nor part of the NIR or of the technical
    number. Births are mostly in mainland France, sometimes in Corsica (2A/2B),
    overseas (97x) or abroad (99).

    Args:
        seed: A number (same number, same identity) or a :class:`random.Random` to draw from.
        represented: Also make a child (``"enfant"``) or a protected adult
            (``"majeur-protege"``) the caller acts for.
    """
    rng = seed if isinstance(seed, random.Random) else random.Random(seed)
    sex = rng.choice("12")
    parent = represented == "enfant"
    born = _birth_date(rng, 1965, 1990) if parent else _birth_date(rng, 1945, 2004)
    nir = _fictional_nir(rng, sex, born)
    card_type = rng.choice(VITALE_TYPES)
    last_name = rng.choice(LAST_NAMES)
    person = None if represented is None else _fictional_represented(rng, represented, last_name)
    return Identity(
        code=_fictional_code(rng),
        nir=nir,
        vitale_type=card_type,
        vitale_serial=_fictional_serial(rng, card_type, nir),
        first_name=rng.choice(FIRST_NAMES[sex]),
        last_name=last_name,
        birth_date=born,
        represented=person,
        fictional=True,
    )


def generate_identities(count: int, seed: int) -> list[Identity]:
    """Make ``count`` fictional identities, the same ones for the same seed.

    About one in six acts for a child and one in eight for a protected adult.
    """
    rng = random.Random(seed)
    kinds: tuple[RepresentedKind | None, ...] = (None, "enfant", "majeur-protege")
    return [
        generate_identity(rng, represented=rng.choices(kinds, weights=(17, 4, 3))[0])
        for _ in range(count)
    ]


def _fictional_represented(rng: random.Random, kind: RepresentedKind, family: str) -> Represented:
    sex = rng.choice("12")
    if kind == "enfant":
        born, last_name = _birth_date(rng, 2008, 2023), family
    else:
        born, last_name = _birth_date(rng, 1935, 1990), rng.choice(LAST_NAMES)
    return Represented(
        kind=kind,
        code=_fictional_code(rng),
        first_name=rng.choice(FIRST_NAMES[sex]),
        last_name=last_name,
        birth_date=born,
        nir=_fictional_nir(rng, sex, born),
    )


def _birth_date(rng: random.Random, first_year: int, last_year: int) -> date:
    start = date(first_year, 1, 1)
    return start + timedelta(days=rng.randrange((date(last_year, 12, 31) - start).days + 1))


def _fictional_nir(rng: random.Random, sex: str, born: date) -> str:
    body = f"{sex}{born:%y%m}{_birth_place(rng, born.year)}{FICTIONAL_ORDER}"
    return body + nir_key(body)


def _birth_place(rng: random.Random, year: int) -> str:
    """Department and commune: 5 characters (``75112``, ``2A004``, ``97112``, ``99350``)."""
    draw = rng.random()
    if draw < 0.08 and year >= 1976:  # 2A and 2B replaced 20 in 1976
        return rng.choice(("2A", "2B")) + f"{rng.randint(1, 366):03d}"
    if draw < 0.16:
        return rng.choice(_OVERSEAS) + f"{rng.randint(1, 34):02d}"
    if draw < 0.20:
        return "99" + rng.choice(_ABROAD_COUNTRIES)
    department = rng.choice([number for number in range(1, 96) if number != 20])
    return f"{department:02d}{rng.randint(1, 909):03d}"


def _fictional_serial(rng: random.Random, card_type: VitaleType, nir: str) -> str:
    length = 11 if card_type == "avec-photo" else rng.randint(8, 13)
    while True:
        serial = str(rng.randint(1, 9)) + "".join(rng.choices(string.digits, k=length - 1))
        try:
            return validate_serial(serial, card_type, nir=nir)
        except InvalidValue:  # date-like or inside the NIR: draw again
            continue


def _fictional_code(rng: random.Random) -> str:
    while True:
        code = "".join(rng.choices(CODE_ALPHABET, k=12))
        digits = sum(char.isdigit() for char in code)
        if 2 <= digits <= 10:  # letters and digits both, as a real code would have
            return code
