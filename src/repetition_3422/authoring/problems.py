"""The kinds of problem a walkthrough file can have (codes T7xx, beside the script's codes)."""

from __future__ import annotations

from repetition_3422.language.diagnostics import ERROR, Code

SCRIPT_NOT_FOUND = Code("T701", "parcours-script", ERROR, "Script du parcours introuvable.")
BAD_STEP = Code("T702", "parcours-etape", ERROR, "Étape sans action, ou avec plusieurs.")
BAD_IDENTITY = Code("T703", "parcours-identite", ERROR, "Fiche d'identité inutilisable.")
BAD_SETTING = Code("T704", "parcours-reglage", ERROR, "Difficulté ou moment invalide.")
BAD_FIELD = Code("T705", "parcours-texte", ERROR, "Champ {identity…} invalide dans une étape.")
UNKNOWN_ID = Code("T706", "parcours-renvoi", ERROR, "Identifiant inconnu dans une attente.")

CODES: tuple[Code, ...] = (
    SCRIPT_NOT_FOUND,
    BAD_STEP,
    BAD_IDENTITY,
    BAD_SETTING,
    BAD_FIELD,
    UNKNOWN_ID,
)
"""Every walkthrough code, in order (the guide lists them)."""
