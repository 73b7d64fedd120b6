"""Screens seen broken in the tour (issue 8): each test puts the real window in the state the tour showed and
checks what a customer at the screen would notice."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QApplication, QLabel, QWidget


def _shown_texts(root: QWidget) -> list[str]:
    return [lab.text() for lab in root.findChildren(QLabel) if lab.isVisibleTo(root) and lab.text()]


def test_out_of_service_home_says_it_once_and_keeps_the_tile_small(qtbot: Any, kiosk_window: Any) -> None:
    for orientation in ("portrait", "landscape"):
        kiosk_window.set_orientation(orientation)
        kiosk_window.set_out_of_service(True)
        QApplication.processEvents()
        home: Any = kiosk_window.current()
        texts = _shown_texts(kiosk_window)
        sentences = [t for t in texts if "fuera de servicio" in t]
        assert len(sentences) == 1, sentences
        assert not kiosk_window.banner.isVisible()
        assert not home.welcome.isVisible()  # no "¿Qué quiere hacer hoy?" when there is nothing to do
        assert home.faq_tile.isVisible() and not home.lookup_tile.isVisible()
        assert home.faq_tile.height() <= home.faq_tile.minimumHeight() + 40, home.faq_tile.height()  # not 1,000 px
        kiosk_window.go("faq")  # elsewhere the banner says it (home is not there to)
        assert kiosk_window.banner.isVisible()
        kiosk_window.home()
        assert not kiosk_window.banner.isVisible()
        kiosk_window.set_out_of_service(False)
        assert home.welcome.isVisible() and home.lookup_tile.isVisible()
