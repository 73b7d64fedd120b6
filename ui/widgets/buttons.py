"""Buttons sized for fingers: every touch target is at least MIN_TOUCH px (tests check all of them)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton, QSizePolicy, QWidget

from ui.widgets.themed_icon import IconButton

MIN_TOUCH = 48


def big_button(
    text: str = "",
    parent: QWidget | None = None,
    slot: Callable[[], None] | None = None,
    kind: str = "",
    min_height: int = 64,
    name: str = "",
    icon: str = "",
) -> QPushButton:
    """A themed push button that never takes keyboard focus away from the field being typed into.

    `icon` names an SVG in resources/icons drawn before the text in the text's colour (an `IconButton`):
    symbols are icons, never characters, since the bundled font has no symbols.
    """
    if icon:
        return icon_button(icon, text, parent, slot, kind=kind, min_height=min_height, name=name)
    return _finish(QPushButton(text, parent), slot, kind, min_height, name)


def icon_button(
    icon: str,
    text: str = "",
    parent: QWidget | None = None,
    slot: Callable[[], None] | None = None,
    kind: str = "",
    min_height: int = 64,
    name: str = "",
) -> IconButton:
    """`big_button` with an SVG icon; the icon can change later (`set_icon_name`, "" for none)."""
    btn = IconButton(icon, text, parent)
    _finish(btn, slot, kind, min_height, name)
    return btn


def _finish(btn: QPushButton, slot: Callable[[], None] | None, kind: str, min_height: int, name: str) -> QPushButton:
    if kind:
        btn.setProperty("kind", kind)
    if name:
        btn.setObjectName(name)
    btn.setMinimumHeight(max(min_height, MIN_TOUCH))
    btn.setMinimumWidth(MIN_TOUCH)
    btn.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    btn.setCursor(Qt.CursorShape.PointingHandCursor)
    btn.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
    if slot is not None:
        btn.clicked.connect(slot)
    return btn


def repolish(widget: QWidget) -> None:
    """Re-apply the style sheet after a dynamic property (kind, role, level) changed."""
    style = widget.style()
    style.unpolish(widget)
    style.polish(widget)
    widget.update()
