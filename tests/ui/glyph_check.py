"""Which characters a window draws from a font it does not ship, or cannot draw at all.

Everything the window paints is captured by rendering it into an SVG (QSvgGenerator records every text item
with the font it asked for: labels, buttons, fields, table cells, the consumption chart's own QPainter text).
Each text is then laid out again with that font (QTextLayout): a glyph run from a family that is not bundled
is a character that shows only thanks to the operating system's fonts, glyph 0 is the empty box a customer
would see. Used by tests/ui/glyph_tour_runner.py under an empty fontconfig.
"""

from __future__ import annotations

import unicodedata
import xml.etree.ElementTree as ET
from collections.abc import Iterable

from PySide6.QtCore import QBuffer, QIODevice, QRect
from PySide6.QtGui import QFont, QTextLayout
from PySide6.QtSvg import QSvgGenerator
from PySide6.QtWidgets import QWidget

_SVG = "{http://www.w3.org/2000/svg}"


def drawn_texts(widget: QWidget) -> list[tuple[str, QFont]]:
    """Every text item the widget (and its visible children) paints, with the font it was drawn in."""
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    generator = QSvgGenerator()
    generator.setOutputDevice(buffer)
    generator.setSize(widget.size())
    generator.setViewBox(QRect(0, 0, widget.width(), widget.height()))
    widget.render(generator)
    buffer.close()
    root = ET.fromstring(bytes(buffer.data().data()))
    out: list[tuple[str, QFont]] = []
    for element in root.iter(f"{_SVG}text"):
        text = "".join(element.itertext())
        if not text.strip():
            continue
        font = QFont(element.get("font-family", ""))
        font.setPixelSize(max(1, round(float(element.get("font-size", "12")))))
        font.setWeight(QFont.Weight(int(element.get("font-weight", "400"))))
        font.setItalic(element.get("font-style", "normal") != "normal")
        out.append((text, font))
    return out


def glyph_problems(text: str, font: QFont, bundled: Iterable[str]) -> list[str]:
    """How `text` in `font` fails to come from the bundled fonts, one line per character:
    "U+FF0B '＋' FULLWIDTH PLUS SIGN in '＋  Hacer un reclamo nuevo': no glyph in 'Noto Sans'".

    Each character is laid out on its own: Qt's glyph runs do not say reliably which character a fallback
    glyph stands for, and the kiosk's scripts (Latin) need no shaping across characters.
    """
    families = set(bundled)
    problems: list[str] = []
    if font.family() not in families:
        problems.append(f"font {font.family()!r} is not bundled, in {text!r}")
    for ch in dict.fromkeys(text):
        if unicodedata.category(ch) == "Cc":
            continue
        for family, glyph in _glyphs(ch, font):
            if family in families and glyph != 0:
                continue
            why = f"no glyph in {family!r}" if family in families else f"drawn from {family!r}, not a bundled font"
            problems.append(f"U+{ord(ch):04X} {ch!r} {unicodedata.name(ch, '?')} in {text!r}: {why}")
    return problems


def _glyphs(ch: str, font: QFont) -> list[tuple[str, int]]:
    """(family, glyph index) of every glyph Qt draws for one character in `font`."""
    layout = QTextLayout(ch, font)
    layout.beginLayout()
    line = layout.createLine()
    line.setLineWidth(1e6)
    layout.endLayout()
    return [(run.rawFont().familyName(), glyph) for run in layout.glyphRuns() for glyph in run.glyphIndexes()]


def window_problems(widget: QWidget, bundled: Iterable[str]) -> list[str]:
    """Every glyph problem in what the widget shows now (empty when all comes from the bundled fonts)."""
    families = frozenset(bundled)
    problems: list[str] = []
    for text, font in drawn_texts(widget):
        problems.extend(glyph_problems(text, font, families))
    return sorted(set(problems))
