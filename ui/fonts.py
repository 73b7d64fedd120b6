"""The bundled fonts (resources/fonts/*.ttf), registered at start so every kiosk and the offscreen renderer in
tests draw the same glyphs whatever fonts the operating system has.

Only bundled files are registered, never the system's: a kiosk image has no fonts of its own, so a glyph that
shows only because a development machine has DejaVu would be an empty box at the branch. Symbols (home, erase,
check...) are SVG icons (ui/widgets/themed_icon.py), not characters; tests check that every character of every
user-visible string is in these files (tests/resources/test_glyph_coverage.py).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QFontDatabase

import resources

FONTS_DIR = Path(resources.__file__).resolve().parent / "fonts"
PREFERRED_FAMILY = "Noto Sans"

_registered: str | None = None
_families: set[str] = set()


def font_files() -> list[Path]:
    """The font files that ship with the kiosk (and nothing else)."""
    return sorted(FONTS_DIR.glob("*.ttf")) + sorted(FONTS_DIR.glob("*.otf"))


def register_fonts() -> str:
    """Register the bundled fonts with Qt (needs a QGuiApplication) and return the family to use."""
    global _registered
    if _registered is not None:
        return _registered
    for path in font_files():
        font_id = QFontDatabase.addApplicationFont(str(path))
        if font_id >= 0:
            _families.update(QFontDatabase.applicationFontFamilies(font_id))
    if PREFERRED_FAMILY not in _families:
        raise RuntimeError(f"bundled font {PREFERRED_FAMILY!r} missing from {FONTS_DIR}")
    _registered = PREFERRED_FAMILY
    return _registered


def bundled_families() -> frozenset[str]:
    """The families registered from resources/fonts (after `register_fonts`)."""
    return frozenset(_families)
