"""The bundled Noto Sans, registered with ReportLab once, so accents, ñ, ₲ and € print on any printer.

ReportLab's built-in Helvetica has no ₲ and relies on the viewer's fonts; embedding a bundled TrueType font
makes every PDF self-contained and identical on every kiosk. The UI registers the same files with Qt
(`FONT_FILES`), so screen and paper share one typeface.
"""

from __future__ import annotations

import threading
from pathlib import Path

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

FAMILY = "NotoSans"
REGULAR = "NotoSans"
BOLD = "NotoSans-Bold"

FONTS_DIR = Path(__file__).resolve().parent.parent / "resources" / "fonts"
FONT_FILES: dict[str, Path] = {
    REGULAR: FONTS_DIR / "NotoSans-Regular.ttf",
    BOLD: FONTS_DIR / "NotoSans-Bold.ttf",
}
LICENSE_FILE = FONTS_DIR / "OFL.txt"

_lock = threading.Lock()
_registered = False


def register_fonts() -> str:
    """Register the NotoSans family with ReportLab (idempotent, thread-safe); returns the family name.

    Bold maps onto the family so that `<b>` in Paragraph markup picks NotoSans-Bold; there is no bundled
    italic, so italic maps to the upright faces rather than falling back to a non-embedded font.
    """
    global _registered
    if _registered:
        return FAMILY
    with _lock:
        if _registered:
            return FAMILY
        for name, path in FONT_FILES.items():
            pdfmetrics.registerFont(TTFont(name, str(path)))
        pdfmetrics.registerFontFamily(FAMILY, normal=REGULAR, bold=BOLD, italic=REGULAR, boldItalic=BOLD)
        addMapping(FAMILY, 0, 1, REGULAR)
        addMapping(FAMILY, 1, 1, BOLD)
        _registered = True
    return FAMILY
