"""Symbols as SVG icons (resources/icons) in the colours of the style sheet, instead of characters.

Characters such as ⌫ ⇧ ⌂ ◐ ✔ ⚠ are not in the bundled Noto Sans; they showed only because a development machine
had DejaVu. An icon never depends on the system's fonts. Its colours come from the style sheet, not from code:
kiosk.qss declares them with `qproperty-iconColor` & co. next to each button kind's text colour (a style sheet
can set properties only once per polish, not per pseudo-state, hence one property per state), so an icon is
always drawn like the text beside it, in the default and the high-contrast theme, pressed, checked or disabled.
Sizes follow the widget's font, so "Letra grande" enlarges icons with the text.
"""

from __future__ import annotations

from PySide6.QtCore import Property, QEvent, QSize, Qt
from PySide6.QtGui import QColor, QFontInfo, QIcon, QPainter, QPixmap
from PySide6.QtWidgets import QLabel, QPushButton, QWidget

from ui.icons import pixmap

# Room between an icon and the text after it, as a share of the icon size (QPushButton itself leaves 4 px).
GAP = 0.45
FALLBACK_COLOR = "#1A1A1A"


def _icon_pixmap(name: str, size: int, color: QColor, gap: int, ratio: float) -> QPixmap:
    """The icon at `size` px, followed by `gap` transparent px, rendered for the screen's pixel ratio."""
    art = pixmap(name, (round(size * ratio), round(size * ratio)), color.name())
    if not gap:
        out = QPixmap(art)
    else:
        out = QPixmap(round((size + gap) * ratio), round(size * ratio))
        out.fill(Qt.GlobalColor.transparent)
        p = QPainter(out)
        p.drawPixmap(0, 0, art)
        p.end()
    out.setDevicePixelRatio(ratio)
    return out


class IconButton(QPushButton):
    """A push button whose symbol is an SVG icon; its text (if any) follows the icon.

    An icon-only button gets an accessible name and a tool tip from its owner (the symbol's meaning, translated),
    so assistive technology and staff with a mouse learn what it does. An empty icon name shows no icon.
    """

    def __init__(self, icon_name: str, text: str = "", parent: QWidget | None = None, *, scale: float = 1.3) -> None:
        super().__init__(text, parent)
        self._icon_name = icon_name
        self._scale = scale
        self._colors = {"normal": QColor(), "down": QColor(), "checked": QColor(), "disabled": QColor()}
        self._drawn: tuple[object, ...] = ()
        self.pressed.connect(self.refresh_icon)
        self.released.connect(self.refresh_icon)
        self.toggled.connect(self.refresh_icon)
        self.refresh_icon()

    # -- colours from the style sheet (qproperty-...) ------------------------------------------------------
    def _get(self, state: str) -> QColor:
        return QColor(self._colors[state])

    def _set(self, state: str, color: QColor) -> None:
        self._colors[state] = QColor(color)
        self.refresh_icon()

    iconColor = Property(QColor, lambda self: self._get("normal"), lambda self, c: self._set("normal", c))
    iconDownColor = Property(QColor, lambda self: self._get("down"), lambda self, c: self._set("down", c))
    iconCheckedColor = Property(QColor, lambda self: self._get("checked"), lambda self, c: self._set("checked", c))
    iconDisabledColor = Property(QColor, lambda self: self._get("disabled"),
                                 lambda self, c: self._set("disabled", c))

    @property
    def icon_name(self) -> str:
        return self._icon_name

    def set_icon_name(self, name: str) -> None:
        self._icon_name = name
        self.refresh_icon()

    def current_color(self) -> QColor:
        """The colour for the button's state now, as the style sheet declares it."""
        normal = self._colors["normal"] if self._colors["normal"].isValid() else QColor(FALLBACK_COLOR)
        if not self.isEnabled():
            state = "disabled"
        elif self.isDown():
            state = "down"
        elif self.isChecked():
            state = "checked"
        else:
            state = "normal"
        color = self._colors[state]
        return color if color.isValid() else normal

    def icon_size_px(self) -> int:
        return max(16, round(QFontInfo(self.font()).pixelSize() * self._scale))

    def refresh_icon(self) -> None:
        """Redraw the icon if its colour, size or visibility changed."""
        size = self.icon_size_px()
        color = self.current_color()
        visible = bool(self._icon_name)
        gap = round(size * GAP) if self.text() else 0
        ratio = self.devicePixelRatioF() or 1.0
        key = (self._icon_name, size, color.rgba(), visible, gap, ratio)
        if key == self._drawn:
            return
        self._drawn = key
        if not visible:
            self.setIcon(QIcon())
            return
        pm = _icon_pixmap(self._icon_name, size, color, gap, ratio)
        icon = QIcon()
        # Every mode and state gets the same pixmap: the colour is chosen here, never greyed out by Qt.
        for mode in (QIcon.Mode.Normal, QIcon.Mode.Disabled, QIcon.Mode.Active, QIcon.Mode.Selected):
            for state in (QIcon.State.Off, QIcon.State.On):
                icon.addPixmap(pm, mode, state)
        self.setIconSize(QSize(size + gap, size))
        self.setIcon(icon)

    def setText(self, text: str) -> None:
        super().setText(text)
        self.refresh_icon()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange, QEvent.Type.EnabledChange):
            self.refresh_icon()
        super().changeEvent(event)


class IconLabel(QLabel):
    """A label showing one SVG icon at the size of its font, in the colour the style sheet declares."""

    def __init__(self, icon_name: str, parent: QWidget | None = None, *, scale: float = 1.2) -> None:
        super().__init__(parent)
        self._icon_name = icon_name
        self._scale = scale
        self._color = QColor()
        self._drawn: tuple[object, ...] = ()
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.refresh_icon()

    def _get_color(self) -> QColor:
        return QColor(self._color)

    def _set_color(self, color: QColor) -> None:
        self._color = QColor(color)
        self.refresh_icon()

    iconColor = Property(QColor, _get_color, _set_color)

    @property
    def icon_name(self) -> str:
        return self._icon_name

    def set_icon_name(self, name: str) -> None:
        self._icon_name = name
        self.refresh_icon()

    def current_color(self) -> QColor:
        return QColor(self._color) if self._color.isValid() else QColor(FALLBACK_COLOR)

    def icon_size_px(self) -> int:
        return max(16, round(QFontInfo(self.font()).pixelSize() * self._scale))

    def refresh_icon(self) -> None:
        size = self.icon_size_px()
        color = self.current_color()
        ratio = self.devicePixelRatioF() or 1.0
        key = (self._icon_name, size, color.rgba(), ratio)
        if key == self._drawn:
            return
        self._drawn = key
        if not self._icon_name:
            self.clear()
            return
        self.setPixmap(_icon_pixmap(self._icon_name, size, color, 0, ratio))
        self.setFixedSize(size, size)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self.refresh_icon()
        super().changeEvent(event)
