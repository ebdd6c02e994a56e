"""A transfer in a loaded script makes the new persona the speaker of the states after it."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from repetition_3422.domain.identity import generate_identity
from repetition_3422.engine.call import Call
from repetition_3422.engine.events import AdviserSaid
from repetition_3422.engine.settings import CallSettings
from repetition_3422.language import load

SCRIPT = """\
id: transfert
title: Transfert
description: Un transfert vers une responsable.
start: accueil
personas:
  serveur: {name: Serveur vocal, machine: true}
  conseillere: {name: Mme Lefèvre}
  responsable: {name: Mme Durand}
outcomes:
  fin: Fin
states:
  accueil:
    say: "Bonjour."
    on:
      - any: true
        go: passe
  passe:
    kind: transfer
    to: responsable
    say: "Je vous passe ma responsable."
    go: reprise
  reprise:
    say: "Bonjour, ici la responsable."
    on:
      - any: true
        go: fin
  fin:
    kind: end
    say: "Au revoir."
    outcome: fin
    hangup_by: conseiller
"""


def test_states_after_a_transfer_speak_with_the_new_persona(tmp_path: Path) -> None:
    path = tmp_path / "transfert.yaml"
    path.write_text(SCRIPT, encoding="utf-8")
    settings = CallSettings(
        seed=1, difficulty="moyen", mode="practice", at=datetime(2026, 3, 3, 10)
    )
    call = Call(load(path), generate_identity(1), settings)
    said = [e for e in call.start() if isinstance(e, AdviserSaid)]
    assert [e.name for e in said] == ["Mme Lefèvre"]
    said = [e for e in call.say("je voudrais parler à quelqu'un") if isinstance(e, AdviserSaid)]
    assert [(e.name, e.text) for e in said] == [
        ("Mme Lefèvre", "Je vous passe ma responsable."),
        ("Mme Durand", "Bonjour, ici la responsable."),
    ]
    said = [e for e in call.say("merci") if isinstance(e, AdviserSaid)]
    assert [e.name for e in said] == ["Mme Durand"]
