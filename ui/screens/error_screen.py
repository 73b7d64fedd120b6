"""The friendly error screen: what happened, in plain words, what to do next; never a stack trace."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from kiosk.services.errors import ServiceError
from ui.icons import pixmap
from ui.screens.base import Screen, TourStep, register
from ui.widgets.banner import Notice


@register("error")
class ErrorScreen(Screen):
    """args: error (an exception); the message comes from ui/messages.py."""

    def build(self) -> None:
        self.picture = QLabel(self)
        self.picture.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.content.addWidget(self.picture)
        self.ctx.accessibility_changed.connect(self.on_theme)
        self.on_theme()
        self.notice = Notice(self, "error", name="error_notice")
        self.content.addWidget(self.notice)
        self.hint = self.label(role="muted")
        self.content.addWidget(self.hint)
        self.content.addStretch(1)
        self.retry = self.button(self.back, kind="", big=True)
        self.retry.setObjectName("error_retry")
        self.retry.setMinimumHeight(96)
        self.content.addWidget(self.retry)
        self.error: BaseException | None = None
        self.title.setAlignment(Qt.AlignmentFlag.AlignLeft)

    def on_theme(self) -> None:
        self.picture.setPixmap(pixmap("warning", (140, 140), self.color("error_text", "#8A1C12")))

    def retranslate(self) -> None:
        self.set_title(self.tr("No pudimos completar lo que pidió"))
        self.hint.setText(self.tr("Puede volver e intentarlo otra vez, o empezar de nuevo desde el inicio."))
        self.retry.setText(self.tr("Intentar de nuevo"))
        self._show()

    def on_enter(self, args: dict[str, Any]) -> None:
        if not args.get("returning"):
            err = args.get("error")
            self.error = err if isinstance(err, BaseException) else None
        self._show()

    def _show(self) -> None:
        if self.error is None:
            self.notice.clear()
            return
        self.notice.show_message(self.message(self.error), "error")

    def clear(self) -> None:
        self.error = None
        self.notice.clear()


def tour_steps() -> list[TourStep]:
    return [
        TourStep("error_generic", "error", {"error": RuntimeError("boom")}),
        TourStep("error_central_unavailable", "error", {"error": ServiceError("central_unavailable")}),
    ]
