"""What a caller types, brought to one comparable form before intents and slots read it.

Two steps, both pure:

- :func:`fold_text`: lower case, French number words as digits (« quatre-vingt-quatre »
  → ``84``), accents and ligatures removed, every punctuation sign (apostrophes too:
  « m'opposer » → ``m opposer``) turned into a space, spaces collapsed. Slot readers use
  this form: it keeps every letter the caller typed, so a spelled code survives.
- :func:`normalize_text`: the folded text with the usual SMS and spoken shortcuts written
  out (« c » → ``c est``, « jveux » → ``je veux``, « svp » → ``s il vous plait``). Intents
  are matched on this form, and their phrasings go through the same function, so both
  sides always agree.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from repetition_3422.domain.numbers import words_to_digits

_NOT_WORD = re.compile(r"[^0-9a-z]+")
_LIGATURES = str.maketrans({"œ": "oe", "æ": "ae", "ß": "ss", "’": "'", "ʼ": "'", "`": "'"})

SHORTCUTS: dict[str, str] = {
    # SMS forms and spoken contractions people type; the value is the written-out form.
    "jveux": "je veux",
    "jveu": "je veux",
    "jvoudrais": "je voudrais",
    "jvoudrai": "je voudrais",
    "voudrai": "voudrais",
    "jsuis": "je suis",
    "chui": "je suis",
    "chuis": "je suis",
    "jsp": "je sais pas",
    "jsais": "je sais",
    "jai": "j ai",
    "g": "j ai",
    "jpeux": "je peux",
    "jpense": "je pense",
    "jcomprends": "je comprends",
    "jcomprend": "je comprends",
    "comprend": "comprends",
    "jcrois": "je crois",
    "jme": "je me",
    "stp": "s il te plait",
    "svp": "s il vous plait",
    "svpl": "s il vous plait",
    "pk": "pourquoi",
    "pq": "pourquoi",
    "pkoi": "pourquoi",
    "pourkoi": "pourquoi",
    "koi": "quoi",
    "kwa": "quoi",
    "ki": "qui",
    "ke": "que",
    "kel": "quel",
    "kelle": "quelle",
    "qd": "quand",
    "bjr": "bonjour",
    "bsr": "bonsoir",
    "slt": "salut",
    "mrc": "merci",
    "mci": "merci",
    "dac": "d accord",
    "dacc": "d accord",
    "daccord": "d accord",
    "oki": "ok",
    "okay": "ok",
    "ouais": "oui",
    "ouai": "oui",
    "ouaip": "oui",
    "ui": "oui",
    "wi": "oui",
    "nan": "non",
    "nn": "non",
    "tt": "tout",
    "tjs": "toujours",
    "tjrs": "toujours",
    "bcp": "beaucoup",
    "pr": "pour",
    "ds": "dans",
    "vs": "vous",
    "ns": "nous",
    "pb": "probleme",
    "pbm": "probleme",
    "cad": "c est a dire",
    "ya": "il y a",
    "qqn": "quelqu un",
    "qqch": "quelque chose",
    "auj": "aujourd hui",
    "ajd": "aujourd hui",
    "aujourdhui": "aujourd hui",
    "dsl": "desole",
    "num": "numero",
    "secu": "securite sociale",
    "mel": "mail",
    "courriel": "mail",
    "email": "mail",
    "emails": "mail",
    "mails": "mail",
}
"""Whole-word shortcuts and their written-out form (applied after folding)."""

_C_FOLLOWERS = frozenset({"est", "etait", "sera", "serait"})


@lru_cache(maxsize=4096)
def fold_text(text: str) -> str:
    """Lower case, number words as digits, no accents, no punctuation, single spaces.

    >>> fold_text("Je voudrais M'OPPOSER à « Mon espace santé » !")
    'je voudrais m opposer a mon espace sante'
    >>> fold_text("deux quatre-vingt-quatre zéro cinq")
    '2 84 05'
    """
    lowered = unicodedata.normalize("NFC", text).lower().translate(_LIGATURES)
    # Number words first: the converter knows « zéro » and « quatre-vingt-quatre » with
    # their accents and hyphens, which the next steps remove.
    with_digits = words_to_digits(lowered)
    decomposed = unicodedata.normalize("NFKD", with_digits)
    plain = "".join(char for char in decomposed if not unicodedata.combining(char))
    return _NOT_WORD.sub(" ", plain).strip()


@lru_cache(maxsize=4096)
def normalize_text(text: str) -> str:
    """The form intents are matched on: :func:`fold_text` plus shortcuts written out.

    >>> normalize_text("c quoi le code ?")
    'c est quoi le code'
    >>> normalize_text("jveux m'opposer a mon espace santé stp")
    'je veux m opposer a mon espace sante s il te plait'
    >>> normalize_text("par e-mail ou courriel")
    'par mail ou mail'
    """
    words = fold_text(text).split()
    out: list[str] = []
    for index, word in enumerate(words):
        following = words[index + 1] if index + 1 < len(words) else ""
        if word == "e" and following in ("mail", "mails"):
            continue  # « e-mail » is « mail », like « mél » and « courriel »
        if word == "c" and following not in _C_FOLLOWERS:
            # « c quoi » is « c'est quoi »; « c'est » itself is already « c est ».
            out.append("c est")
        else:
            out.append(SHORTCUTS.get(word, word))
    return " ".join(out)


def contains_words(text: str, words: str) -> bool:
    """Whether ``words`` appears in ``text`` on word boundaries (both already normalised).

    >>> contains_words("je veux m opposer", "m opposer"), contains_words("proposer", "opposer")
    (True, False)
    """
    if not words:
        return False
    return f" {words} " in f" {text} "
