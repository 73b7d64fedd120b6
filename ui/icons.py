"""Icons from resources/icons/*.svg, drawn in the colour the theme asks for.

The SVG files use `currentColor`; it is replaced before rendering so one file serves the default and the
high-contrast themes.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from PySide6.QtCore import QByteArray, QRectF, QSize, Qt
from PySide6.QtGui import QIcon, QPainter, QPixmap
from PySide6.QtSvg import QSvgRenderer

import resources

ICONS_DIR = Path(resources.__file__).resolve().parent / "icons"


@lru_cache(maxsize=128)
def pixmap(name: str, size: QSize | tuple[int, int] = (96, 96), color: str = "#1A1A1A") -> QPixmap:
    w, h = (size.width(), size.height()) if isinstance(size, QSize) else size
    pm = QPixmap(w, h)
    pm.fill(Qt.GlobalColor.transparent)
    path = ICONS_DIR / f"{name}.svg"
    if not path.exists():
        return pm
    data = path.read_text(encoding="utf-8").replace("currentColor", color)
    renderer = QSvgRenderer(QByteArray(data.encode("utf-8")))
    vb = renderer.viewBoxF()
    scale = min(w / vb.width(), h / vb.height()) if vb.width() and vb.height() else 1.0
    tw, th = vb.width() * scale, vb.height() * scale
    p = QPainter(pm)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(p, QRectF((w - tw) / 2, (h - th) / 2, tw, th))
    p.end()
    return pm


def icon(name: str, color: str = "#1A1A1A") -> QIcon:
    return QIcon(pixmap(name, (128, 128), color))
