"""Symbols drawn as SVG icons: in the colour of the text beside them, in every theme and state, and named.

The icon colours are declared in kiosk.qss apart from the text colours (a style sheet cannot set a property per
pseudo-state); these tests render real buttons with the real style sheet and compare the icon's pixels with
the pixels of a letter "I" drawn by the same kind of button in the same state.
"""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QWidget

from kiosk.testing.world import demo_branding
from ui import theme
from ui.widgets.buttons import big_button, icon_button
from ui.widgets.themed_icon import IconButton, IconLabel

KINDS = ("", "secondary", "header", "key", "tile", "ok")
STATES = ("normal", "down", "checked", "disabled")


def _sheet(theme_name: str) -> str:
    return theme.style_sheet(theme.load_theme(theme_name, demo_branding("coop-ar")))


def _put_in_state(qtbot: Any, button: QPushButton, state: str) -> None:
    button.setCheckable(state == "checked")
    if state == "checked":
        button.setChecked(True)
    elif state == "disabled":
        button.setEnabled(False)
    elif state == "down":
        qtbot.mousePress(button, Qt.MouseButton.LeftButton)


def _distance(a: QColor, b: QColor) -> int:
    return abs(a.red() - b.red()) + abs(a.green() - b.green()) + abs(a.blue() - b.blue())


def _ink(image: QImage, background: QColor) -> QColor:
    """The colour of what is drawn in the middle third of a button: the pixel farthest from its background."""
    w, h = image.width(), image.height()
    best, best_d = background, -1
    for x in range(w // 3, 2 * w // 3):
        for y in range(h // 4, 3 * h // 4):
            c = image.pixelColor(x, y)
            d = _distance(c, background)
            if d > best_d:
                best, best_d = c, d
    return best


def _render(qtbot: Any, theme_name: str, kind: str, state: str) -> tuple[QColor, QColor, QColor]:
    """(background, colour of a letter I, colour of the icon) for one kind of button in one state."""
    host = QWidget()
    qtbot.addWidget(host)
    host.setStyleSheet(_sheet(theme_name))
    row = QHBoxLayout(host)
    letter = big_button("I", host, kind=kind, min_height=96)
    icon = big_button("", host, kind=kind, min_height=96, icon="contrast")  # half disc: solid pixels
    for btn in (letter, icon):
        btn.setFixedSize(160, 96)
        row.addWidget(btn)
    host.show()
    qtbot.waitExposed(host)
    images = []
    for btn in (letter, icon):
        _put_in_state(qtbot, btn, state)
        images.append(btn.grab().toImage())
        if state == "down":
            qtbot.mouseRelease(btn, Qt.MouseButton.LeftButton)
    background = images[0].pixelColor(12, images[0].height() // 2)
    return background, _ink(images[0], background), _ink(images[1], background)


@pytest.mark.parametrize("theme_name", theme.THEME_NAMES)
@pytest.mark.parametrize("kind", KINDS)
def test_icon_has_the_colour_of_the_text_in_every_state(qtbot: Any, theme_name: str, kind: str) -> None:
    for state in STATES:
        background, text, icon = _render(qtbot, theme_name, kind, state)
        assert _distance(text, icon) <= 6, (
            f"{theme_name} kind={kind!r} {state}: icon {icon.name()} but text {text.name()} on {background.name()}")
        assert theme.contrast_ratio(icon.name(), background.name()) >= 3, (theme_name, kind, state)


def test_notice_icon_takes_the_level_colour_and_follows_the_theme(qtbot: Any, kiosk_window: Any) -> None:
    banner = kiosk_window.banner
    for contrast in (False, True):
        if contrast != kiosk_window.ctx.high_contrast:
            kiosk_window.on_toggle_contrast()
        colors = kiosk_window.ctx.theme_colors
        for level, key in (("info", "text"), ("warning", "warning_text"), ("error", "error_text"),
                           ("ok", "ok_text")):
            banner.show_message("Sin conexión con la central", level)
            assert isinstance(banner.icon, IconLabel)
            assert banner.icon.icon_name
            assert banner.icon.current_color().name().upper() == colors[key].upper(), (contrast, level)
            # and it is what is painted: the icon's middle row holds that colour
            image = banner.icon.grab().toImage()
            row = {image.pixelColor(x, image.height() // 2).name().upper() for x in range(image.width())}
            assert colors[key].upper() in row, (contrast, level, row)


def test_screens_built_before_a_theme_switch_get_the_new_icon_colours(qtbot: Any, kiosk_window: Any) -> None:
    kiosk_window.build_all()
    kiosk_window.on_toggle_contrast()
    kiosk_window.go("lookup")
    back = kiosk_window.current().keypad.back_key
    assert isinstance(back, IconButton)
    assert back.current_color().name().upper() == kiosk_window.ctx.theme_colors["key_text"].upper()
    home = kiosk_window.footer.home
    assert home.current_color().name().upper() == kiosk_window.ctx.theme_colors["text"].upper()


def test_larger_text_enlarges_the_icons(qtbot: Any, kiosk_window: Any) -> None:
    home = kiosk_window.footer.home
    before = home.iconSize().height()
    kiosk_window.on_toggle_large_text()
    assert home.iconSize().height() >= round(before * theme.LARGE_SCALE) - 1


def test_icon_only_buttons_say_what_they_do(qtbot: Any, kiosk_window: Any) -> None:
    kiosk_window.build_all()
    icon_only = [b for b in kiosk_window.findChildren(IconButton) if not b.text()]
    assert {b.objectName() for b in icon_only} >= {"key_back", "key_shift"}
    for language in ("es", "en"):
        kiosk_window.set_language(language)
        names = {b.objectName(): b.accessibleName() for b in icon_only}
        assert all(names.values()), names
        assert all(b.toolTip() == b.accessibleName() for b in icon_only)
    assert kiosk_window.findChild(QPushButton, "key_shift").accessibleName() == "Shift"


def test_an_empty_icon_name_draws_nothing(qtbot: Any) -> None:
    btn = icon_button("tick", "", None, kind="key")
    qtbot.addWidget(btn)
    assert not btn.icon().isNull()
    btn.set_icon_name("")
    assert btn.icon().isNull()
    label = IconLabel("warning")
    qtbot.addWidget(label)
    assert not label.pixmap().isNull()
    label.set_icon_name("")
    assert label.pixmap().isNull()


def test_invoice_check_shows_a_tick_only_when_selected(qtbot: Any, kiosk_window: Any) -> None:
    from ui.widgets.invoice_list import InvoiceRow

    invoice = next(i for i in kiosk_window.ctx.services.info.w.invoices if i.is_open)
    row = InvoiceRow(invoice)
    qtbot.addWidget(row)
    assert row.check.icon().isNull()
    row.set_selected(True)
    assert not row.check.icon().isNull() and row.check.isChecked()
    row.set_selected(False)
    assert row.check.icon().isNull()


def test_icon_pixels_are_drawn_where_the_button_is(qtbot: Any) -> None:
    """An icon-only key shows ink in its middle (the SVG is found and rendered, not a blank pixmap)."""
    host = QWidget()
    qtbot.addWidget(host)
    host.setStyleSheet(_sheet("default"))
    key = big_button("", host, kind="key", min_height=96, icon="backspace")
    key.setFixedSize(120, 96)
    host.show()
    qtbot.waitExposed(host)
    image = key.grab().toImage()
    background = image.pixelColor(QPoint(10, 48))
    assert _distance(_ink(image, background), background) > 300
