"""Document to model: line ids, defaults, menus, speakers, includes merged with overrides."""

from __future__ import annotations

from pathlib import Path

from repetition_3422.language import load
from repetition_3422.language.model import NO_MARK

from .conftest import MINIMAL, Load, Write, codes

SCRIPT = """\
id: essai
title: Essai
description: Un essai.
start: menu
personas:
  serveur: {name: Serveur vocal, machine: true}
  conseillere: {name: Mme Martin, rate: 0.9}
  superviseur: {name: M. Durand}
outcomes: {ok: Fini}
difficulties: [facile, difficile]
defaults:
  retries: 2
  timeout: 8
  after_retries: fin
  no_match: ["Pardon ?", "Comment ?"]
intents:
  oui: [oui]
  plus: {phrases: "encore", keywords: [plus], patterns: ['^p']}
slots:
  code: {type: code}
  date: {type: date, compare: none}
  autre: {type: nir, compare: represented.nir}
states:
  menu:
    kind: menu
    speaker: serveur
    say: Tapez 1.
    choices:
      - {keys: 1, words: [un, "le un"], go: accueil}
      - {keys: "0", words: conseiller, say: Patientez., go: accueil}
    no_match: "Choix non reconnu."
    retries: 5
  accueil:
    say:
      - "Bonjour."
      - id: accueil.question
        text: ["Que voulez-vous ?", "C'est pour quoi ?"]
        levels: {difficile: "Oui ?"}
        when: visited.menu > 0
    ask: code
    reject: {default: "Code invalide."}
    on:
      - intent: [oui, plus]
        set: {}
        say: D'accord.
        go: transfert
      - slot: code
        go: fin
  transfert:
    kind: transfer
    to: superviseur
    hold: {seconds: 5, announce: "Ne quittez pas."}
    go: fin
  fin: {kind: end, outcome: ok, say: Au revoir.}
global:
  - intent: oui
    say: Bien.
"""


def test_lines_get_stable_ids_where_the_author_gave_none(write: Write) -> None:
    script = load(write(SCRIPT))
    accueil = script.states["accueil"]
    assert [line.id for line in accueil.say] == ["accueil.say.0", "accueil.question"]
    assert accueil.on[0].say[0].id == "accueil.on.0.say.0"
    assert accueil.reject["default"][0].id == "accueil.reject.default.0"
    assert script.states["menu"].on[1].say[0].id == "menu.choices.1.say.0"
    assert script.states["menu"].reprompts.no_match[0].id == "menu.no_match.0"
    assert script.states["transfert"].hold is not None
    assert script.states["transfert"].hold.announce[0].id == "transfert.hold.announce.0"
    assert script.global_on[0].say[0].id == "global.0.say.0"


def test_line_variants_levels_and_conditions(write: Write) -> None:
    question = load(write(SCRIPT)).states["accueil"].say[1]
    assert question.variants == ("Que voulez-vous ?", "C'est pour quoi ?")
    assert question.levels == {"difficile": ("Oui ?",)}
    assert question.when is not None and question.when.source == "visited.menu > 0"
    assert len(question.variant_marks) == 2
    assert question.variant_marks[1].line == question.variant_marks[0].line


def test_defaults_fill_what_a_state_leaves_out(write: Write) -> None:
    script = load(write(SCRIPT))
    menu, accueil = script.states["menu"].reprompts, script.states["accueil"].reprompts
    assert (menu.retries, menu.timeout_s, menu.after_retries) == (5, 8.0, "fin")
    assert [line.variants[0] for line in menu.no_match] == ["Choix non reconnu."]
    assert (accueil.retries, accueil.after_retries) == (2, "fin")
    assert [line.id for line in accueil.no_match] == ["defaults.no_match.0", "defaults.no_match.1"]
    # The same line objects are shared, so the duplicate check sees them once.
    assert accueil.no_match is script.states["transfert"].reprompts.no_match


def test_menu_choices_become_transitions_with_keys_and_words(write: Write) -> None:
    menu = load(write(SCRIPT)).states["menu"]
    assert [(t.keys, t.words, t.go) for t in menu.on] == [
        ("1", ("un", "le un"), "accueil"),
        ("0", ("conseiller",), "accueil"),
    ]


def test_speakers_default_to_the_first_human_persona(write: Write) -> None:
    script = load(write(SCRIPT))
    assert script.default_speaker == "conseillere"
    assert script.states["menu"].speaker == "serveur"
    # The engine voices it by the adviser of the moment.
    assert script.states["accueil"].speaker is None
    assert script.states["fin"].hangup_by == "conseiller"


def test_intents_slots_and_header(write: Write) -> None:
    script = load(write(SCRIPT))
    assert script.intents["oui"].phrases == ("oui",)
    assert script.intents["plus"].phrases == ("encore",)
    assert script.intents["plus"].patterns == ("^p",)
    assert script.slots["code"].compare == "identity.code"
    assert script.slots["date"].compare is None
    assert script.slots["autre"].compare == "represented.nir"
    assert script.default_difficulty == "difficile"  # the middle one of two
    assert script.version == "1"
    assert script.states["accueil"].on[0].intents == ("oui", "plus")


def test_every_element_carries_its_mark(write: Write) -> None:
    path = write(SCRIPT)
    script = load(path)
    accueil = script.states["accueil"]
    assert accueil.mark.file == str(path)
    lines = SCRIPT.splitlines()
    assert accueil.mark.line == lines.index("  accueil:") + 1
    assert accueil.on[0].mark.line == lines.index("      - intent: [oui, plus]") + 1
    assert script.personas["serveur"].mark.line == 6
    assert all(state.mark != NO_MARK for state in script.states.values())


def test_the_script_overrides_what_a_fragment_defines(write: Write) -> None:
    write(
        """\
        intents:
          oui: [oui]
          non: [non]
        outcomes: {ok: Fini, autre: Autre}
        states:
          fin: {kind: end, outcome: autre}
        global:
          - {intent: non, say: Dommage.}
          - {intent: oui, say: Parfait.}
        """,
        "parts/commun.yaml",
    )
    path = write(
        MINIMAL.replace("start: accueil", "start: accueil\nincludes: [./parts/commun.yaml]")
        + "global:\n  - {intent: non, say: Tant pis.}\n"
    )
    script = load(path)
    assert list(script.intents) == ["oui", "non"]
    assert script.intents["oui"].phrases == ("oui", "d'accord")  # the script's own
    assert script.states["fin"].outcome == "ok"
    assert [t.say[0].variants[0] for t in script.global_on] == ["Tant pis.", "Parfait."]
    assert [t.say[0].id for t in script.global_on] == ["global.0.say.0", "commun.global.1.say.0"]
    assert script.includes == ("./parts/commun.yaml",)


def test_shipped_common_fragment_is_included_by_id(load: Load) -> None:
    script, found = load(MINIMAL.replace("start: accueil", "start: accueil\nincludes: [common]"))
    assert found == []
    assert script is not None
    assert {"repeter", "plus_lentement", "pas_compris", "un_instant", "au_revoir"} <= set(
        script.intents
    )
    assert [t.intents for t in script.global_on][:2] == [("repeter",), ("plus_lentement",)]
    assert script.states["fin-appelant"].hangup_by == "appelant"


def test_a_fragment_alone_compiles_with_neutral_settings() -> None:
    from repetition_3422.language.catalog import fragment_path

    script = load(fragment_path("common"))
    assert script.id == "common"
    assert script.start == ""
    assert script.global_on[2].say[0].id == "common.global.2.say.0"


def test_includes_of_includes_and_diamonds_are_read_once(load: Load, write: Write) -> None:
    write("intents: {oui: [oui]}\n", "base.yaml")
    write("includes: [./base.yaml]\nintents: {non: [non]}\n", "a.yaml")
    write("includes: [./base.yaml]\noutcomes: {ok: Fini}\n", "b.yaml")
    text = MINIMAL.replace("start: accueil", "start: accueil\nincludes: [./a.yaml, ./b.yaml]")
    script, found = load(text)
    assert codes(found) == []
    assert script is not None and set(script.intents) == {"oui", "non"}


def test_load_paths_are_accepted_as_strings(write: Write) -> None:
    path: Path = write(MINIMAL)
    assert load(str(path)).id == "essai"
