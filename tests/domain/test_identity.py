"""Identity files (YAML, the contract's fields) and generated practice identities."""

from __future__ import annotations

import json
from collections import Counter
from datetime import date
from pathlib import Path

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from repetition_3422.domain.code import validate_code
from repetition_3422.domain.identity import (
    FICTIONAL_ORDER,
    Identity,
    Represented,
    generate_identities,
    generate_identity,
    identity_from_dict,
    identity_to_dict,
    load_identity,
)
from repetition_3422.domain.nir import validate_nir
from repetition_3422.domain.vitale import validate_serial
from repetition_3422.errors import FileReadError, IdentityError

# Fictional numbers only (order number 000).
MINIMAL = """\
code: K7B2 XM4P 9QRT
nir: 2 84 05 75 112 000 82
vitale_type: sans-photo
vitale_serial: 0123 4567
"""


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "identite.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_load_minimal_identity(tmp_path: Path) -> None:
    identity = load_identity(write(tmp_path, MINIMAL))
    assert identity == Identity(
        code="K7B2XM4P9QRT",
        nir="284057511200082",
        vitale_type="sans-photo",
        vitale_serial="01234567",
    )


def test_load_full_identity(tmp_path: Path) -> None:
    text = MINIMAL + (
        "first_name: Camille\n"
        "last_name: Martin\n"
        "birth_date: 12/05/1984\n"
        "fictif: true\n"
        "represented:\n"
        "  kind: enfant\n"
        "  code: abcd efgh 2345\n"
        "  first_name: Léa\n"
        "  birth_date: 2015-09-18\n"
        "  nir: 2 15 09 23 547 000 29\n"
    )
    identity = load_identity(write(tmp_path, text))
    assert identity.birth_date == date(1984, 5, 12)
    assert identity.fictional is True
    assert identity.represented == Represented(
        kind="enfant",
        code="ABCDEFGH2345",
        first_name="Léa",
        birth_date=date(2015, 9, 18),
        nir="215092354700029",
    )


@pytest.mark.parametrize(
    ("line", "attribute", "value"),
    [
        # YAML 1.1 would turn these into a boolean, an octal number, an int or a date.
        ("first_name: No", "first_name", "No"),  # Norway problem
        ("last_name: Yes", "last_name", "Yes"),
        ("first_name: on", "first_name", "on"),
        ("vitale_serial: 01234567", "vitale_serial", "01234567"),  # octal in YAML 1.1
        ("nir: 284057511200082", "nir", "284057511200082"),  # an int in YAML
        ("vitale_serial: 0123_4567", "vitale_serial", "01234567"),  # int with _ in YAML 1.1
        ("code: 1234E5678901", "code", "1234E5678901"),  # a float in YAML
    ],
)
def test_yaml_11_surprises_do_not_bite(
    tmp_path: Path, line: str, attribute: str, value: str
) -> None:
    field = line.split(":", maxsplit=1)[0]
    lines = [kept for kept in MINIMAL.splitlines() if not kept.startswith(f"{field}:")]
    identity = load_identity(write(tmp_path, "\n".join([*lines, line]) + "\n"))
    assert getattr(identity, attribute) == value


def test_unknown_birth_month_is_accepted_in_a_file(tmp_path: Path) -> None:
    """Such people are sent to the 3422 by the app: they must be able to rehearse."""
    text = MINIMAL.replace("2 84 05 75 112 000 82", "1 85 20 75 112 000 32")
    assert load_identity(write(tmp_path, text)).nir == "185207511200032"


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("", ["Le fichier est vide"]),
        ("- a\n- b\n", ["champ: valeur"]),
        ("code: [\n", ["n'est pas du YAML lisible", "identite.yaml:2:1"]),
        (
            "nir: 2 84 05 75 112 000 8\n",
            [
                "4 problèmes",
                "« code » : ce champ obligatoire manque",
                "« nir » : Le numéro de sécurité sociale doit contenir 15 caractères",
                "« vitale_type »",
                "« vitale_serial »",
            ],
        ),
        (MINIMAL + "vitale_serie: 1\n", ["« vitale_serie » : champ inconnu"]),  # a typo
        (MINIMAL.replace("sans-photo", "verte"), ["« vitale_type »", "verte"]),
        (MINIMAL.replace("0123 4567", "05751120"), ["« vitale_serial »", "sécurité sociale"]),
        (MINIMAL.replace("K7B2 XM4P 9QRT", "K7B2 XM4P 9QR"), ["« code »", "12 caractères"]),
        (MINIMAL + "birth_date: 31/02/1984\n", ["« birth_date » : date illisible"]),
        (MINIMAL + "fictif: peut-être\n", ["« fictif »", "true ou false"]),
        (MINIMAL + "first_name: [Jean, Paul]\n", ["« first_name »", "une seule valeur"]),
        (MINIMAL + "represented: enfant\n", ["« represented »", "champ: valeur"]),
        (
            MINIMAL + "represented:\n  kind: cousin\n",
            ["« represented.kind »", "cousin", "« represented.code » : ce champ obligatoire"],
        ),
    ],
)
def test_every_problem_is_a_sentence_naming_its_field(
    tmp_path: Path, text: str, words: list[str]
) -> None:
    with pytest.raises(IdentityError) as caught:
        load_identity(write(tmp_path, text))
    for word in words:
        assert word in str(caught.value)


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(FileReadError):
        load_identity(tmp_path / "absent.yaml")


def test_identity_to_dict_uses_the_contract_names() -> None:
    identity = Identity("K7B2XM4P9QRT", "284057511200082", "avec-photo", "12345678901")
    assert identity_to_dict(identity) == {
        "code": "K7B2XM4P9QRT",
        "nir": "284057511200082",
        "vitale_type": "avec-photo",
        "vitale_serial": "12345678901",
        "fictif": False,
    }


def _check_everything(identity: Identity) -> None:
    assert identity.fictional
    assert validate_nir(identity.nir, strict=True) == identity.nir
    assert identity.nir[10:13] == FICTIONAL_ORDER
    assert validate_code(identity.code) == identity.code
    assert (
        validate_serial(identity.vitale_serial, identity.vitale_type, nir=identity.nir)
        == identity.vitale_serial
    )
    assert identity.birth_date is not None
    assert identity.nir[1:5] == f"{identity.birth_date:%y%m}"
    person = identity.represented
    if person is not None:
        assert person.nir is not None
        assert validate_nir(person.nir) == person.nir
        assert person.nir[10:13] == FICTIONAL_ORDER
        assert validate_code(person.code) == person.code
        assert person.code != identity.code


@settings(deadline=None, max_examples=200)
@given(
    seed=st.integers(min_value=0, max_value=2**64),
    represented=st.sampled_from([None, "enfant", "majeur-protege"]),
)
def test_generated_identities_pass_every_check(seed: int, represented: str | None) -> None:
    identity = generate_identity(seed, represented=represented)  # type: ignore[arg-type]
    _check_everything(identity)
    if represented == "enfant":
        assert identity.represented is not None
        assert identity.represented.last_name == identity.last_name


@settings(deadline=None)
@given(seed=st.integers(min_value=0, max_value=2**32))
def test_generated_identities_read_back_from_their_file(seed: int) -> None:
    identity = generate_identity(seed, represented="enfant")
    as_yaml = yaml.safe_dump(identity_to_dict(identity), allow_unicode=True)
    assert identity_from_dict(yaml.safe_load(as_yaml)) == identity
    as_json = json.dumps(identity_to_dict(identity))
    assert identity_from_dict(json.loads(as_json)) == identity


def test_same_seed_same_identities() -> None:
    assert generate_identities(20, seed=3422) == generate_identities(20, seed=3422)
    assert generate_identities(20, seed=3422) != generate_identities(20, seed=3423)
    assert generate_identity(7) == generate_identity(7)


def test_a_batch_has_every_variant() -> None:
    identities = generate_identities(200, seed=1)
    for identity in identities:
        _check_everything(identity)
    departments = Counter(identity.nir[5:7] for identity in identities)
    assert departments["2A"] + departments["2B"] > 0  # Corsica
    assert departments["97"] > 0  # overseas
    assert departments["99"] > 0  # abroad
    assert {identity.vitale_type for identity in identities} == {"avec-photo", "sans-photo"}
    kinds = Counter(
        None if identity.represented is None else identity.represented.kind
        for identity in identities
    )
    assert kinds["enfant"] > 0
    assert kinds["majeur-protege"] > 0
    assert kinds[None] > 100
    assert len({identity.nir for identity in identities}) == 200
