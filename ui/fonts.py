"""The bundled font (resources/fonts/*.ttf), registered at start so every kiosk and the offscreen renderer in
tests draw the same glyphs whatever fonts the operating system has."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QFontDatabase

import resources

FONTS_DIR = Path(resources.__file__).resolve().parent / "fonts"
PREFERRED_FAMILY = "Noto Sans"
# Development fallback only when resources/fonts is still empty; a built kiosk ships its own files.
_SYSTEM_FALLBACK = Path("/usr/share/fonts/truetype/noto")

_registered: str | None = None


def font_files() -> list[Path]:
    files = sorted(FONTS_DIR.glob("*.ttf")) + sorted(FONTS_DIR.glob("*.otf"))
    if not files and _SYSTEM_FALLBACK.is_dir():
        files = sorted(_SYSTEM_FALLBACK.glob("NotoSans-*.ttf"))
    return files


def register_fonts() -> str:
    """Register the bundled fonts with Qt (needs a QGuiApplication) and return the family to use."""
    global _registered
    if _registered is not None:
        return _registered
    families: list[str] = []
    for path in font_files():
        font_id = QFontDatabase.addApplicationFont(str(path))
        if font_id >= 0:
            families.extend(QFontDatabase.applicationFontFamilies(font_id))
    _registered = PREFERRED_FAMILY if PREFERRED_FAMILY in families else (families[0] if families else "Sans Serif")
    return _registered
