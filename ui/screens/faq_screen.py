"""Frequently asked questions, from central content in the customer's language."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QScrollArea, QScroller, QVBoxLayout, QWidget

from kiosk.domain import FaqEntry
from ui.screens.base import Screen, TourStep, register
from ui.widgets.banner import Notice


@register("faq")
class FaqScreen(Screen):
    """A touch-scrolling list of question/answer cards; reloaded when the language changes."""

    def build(self) -> None:
        self.entries: list[FaqEntry] = []
        self.loaded_language = ""
        self.scroll_area = QScrollArea(self)
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll_area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        QScroller.grabGesture(self.scroll_area.viewport(), QScroller.ScrollerGestureType.LeftMouseButtonGesture)
        self.inner = QWidget()
        self.inner.setObjectName("scrollBody")
        self.list = QVBoxLayout(self.inner)
        self.list.setSpacing(20)
        self.list.addStretch(1)
        self.scroll_area.setWidget(self.inner)
        self.notice = Notice(self, "error", name="faq_notice")
        self.content.addWidget(self.notice)
        self.content.addWidget(self.scroll_area, 1)
        self.ctx.language_changed.connect(self.on_language)

    def retranslate(self) -> None:
        self.set_title(self.tr("Preguntas frecuentes"))

    def on_enter(self, args: dict[str, Any]) -> None:
        if self.loaded_language != self.language or not self.entries:
            self.load()

    def on_language(self, _language: str) -> None:
        if self.isVisible():
            self.load()

    def load(self) -> None:
        self.notice.clear()
        language = self.language
        self.run(self.services.info.faq, language, on_done=lambda e: self.show_entries(e, language),
                 on_error=lambda exc: self.notice.show_message(self.message(exc), "error"))

    def show_entries(self, entries: list[FaqEntry], language: str) -> None:
        self.entries = list(entries)
        self.loaded_language = language
        while self.list.count() > 1:
            item = self.list.takeAt(0)
            w = item.widget() if item is not None else None
            if w is not None:
                w.deleteLater()
        for i, entry in enumerate(self.entries):
            card = QFrame(self.inner)
            card.setProperty("role", "card")
            col = QVBoxLayout(card)
            col.setContentsMargins(28, 20, 28, 20)
            q = self.label(entry.question, role="subtitle")
            a = self.label(entry.answer)
            q.setObjectName(f"faq_q{i}")
            col.addWidget(q)
            col.addWidget(a)
            self.list.insertWidget(self.list.count() - 1, card)


def tour_steps() -> list[TourStep]:
    return [TourStep("faq", "faq")]
