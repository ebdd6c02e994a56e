"""Colour themes: Textual's light and dark ones, and a high-contrast one of our own."""

from __future__ import annotations

from textual.theme import Theme

from repetition_3422.settings import ThemeName

HIGH_CONTRAST = Theme(
    name="repetition-contraste",
    primary="#FFFF00",
    secondary="#00FFFF",
    accent="#FFFF00",
    warning="#FFFF00",
    error="#FF6666",
    success="#00FF66",
    foreground="#FFFFFF",
    background="#000000",
    surface="#000000",
    panel="#1A1A1A",
    boost="#333333",
    dark=True,
    variables={
        "border": "#FFFFFF",
        "border-blurred": "#BBBBBB",
        "footer-key-foreground": "#FFFF00",
        "footer-description-foreground": "#FFFFFF",
        "input-selection-background": "#FFFF00 60%",
        "block-cursor-foreground": "#000000",
        "block-cursor-background": "#FFFF00",
    },
)
"""White on black with yellow focus: for low vision and bright rooms."""

TEXTUAL_THEMES: dict[ThemeName, str] = {
    "dark": "textual-dark",
    "light": "textual-light",
    "high-contrast": HIGH_CONTRAST.name,
}
"""The Textual theme behind each theme name of the settings."""

THEME_ORDER: tuple[ThemeName, ...] = ("dark", "light", "high-contrast")
"""The order in which the theme key cycles through themes."""


def next_theme(current: ThemeName) -> ThemeName:
    """The theme after ``current`` in :data:`THEME_ORDER`."""
    return THEME_ORDER[(THEME_ORDER.index(current) + 1) % len(THEME_ORDER)]
