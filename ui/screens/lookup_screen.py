"""Invoice look-up without login: account number + invoice number on the keypad, or a scanned payment code.

A barcode scanner works at once, without tapping a field: while this screen is shown a ScanCatcher watches
the keyboard and a fast burst of digits ending in Enter becomes a `by_scan` look-up.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QBoxLayout, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from kiosk.domain import InvoiceSummary
from kiosk.services.errors import ServiceError, Throttled, ValidationError
from ui.icons import pixmap
from ui.screens.base import Screen, TourStep, register
from ui.widgets.banner import Notice
from ui.widgets.fields import TouchField
from ui.widgets.keypad import Keypad
from ui.widgets.scanner import ScanCatcher


@register("lookup")
class LookupScreen(Screen):
    """Two fields and a keypad; OK on the account moves to the invoice number, OK there searches."""

    def build(self) -> None:
        self.intro = self.label(role="muted")
        self.content.addWidget(self.intro)
        self.body = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        self.body.setSpacing(48)
        left = QVBoxLayout()
        left.setSpacing(20)
        self.account = TouchField(self, max_length=10, name="lookup_account")
        self.invoice = TouchField(self, max_length=14, name="lookup_invoice")
        self.notice = Notice(self, "error", name="lookup_notice")
        left.addWidget(self.account)
        left.addWidget(self.invoice)
        left.addWidget(self.notice)
        self.scan_box = QWidget(self)
        scan_row = QHBoxLayout(self.scan_box)
        scan_row.setContentsMargins(0, 0, 0, 0)
        scan_row.setSpacing(20)
        self.scan_picture = QLabel(self.scan_box)
        self.scan_picture.setObjectName("scan_picture")
        self.scan_text = QLabel(self.scan_box)
        self.scan_text.setProperty("role", "subtitle")
        self.scan_text.setWordWrap(True)
        scan_row.addWidget(self.scan_picture)
        scan_row.addWidget(self.scan_text, 1)
        left.addStretch(1)
        left.addWidget(self.scan_box)
        self.keypad = Keypad(self, extra_key="-")
        self.keypad.fit(False)
        self.left_area = self.scroll_column(left)
        self.body.addWidget(self.left_area, 3)
        self.body.addWidget(self.keypad, 2)
        self.content.addLayout(self.body, 1)

        self.account.activated.connect(lambda: self.keypad.attach(self.account.edit))
        self.invoice.activated.connect(lambda: self.keypad.attach(self.invoice.edit))
        self.keypad.submitted.connect(self.on_ok)
        self.keypad.edited.connect(self.notice.clear)
        self.scanner = ScanCatcher(self)
        self.scanner.scanned.connect(self.on_scanned)
        self.scanner.typed.connect(self.on_typed)
        self.scanner.enter.connect(self.on_ok)
        self.scanner.erase.connect(lambda: self.keypad.on_key("back"))
        self.ctx.accessibility_changed.connect(self.on_theme)
        self.on_theme()
        self.keypad.attach(self.account.edit)
        self._error: BaseException | None = None
        self.cooldown = QTimer(self)  # after "too many attempts": searching is paused for the wait
        self.cooldown.setSingleShot(True)
        self.cooldown.timeout.connect(self.on_cooldown_over)

    def on_theme(self) -> None:
        self.scan_picture.setPixmap(pixmap("scan-invoice", (210, 140), self.color("text")))

    def relayout(self, portrait: bool) -> None:
        self.body.setDirection(QBoxLayout.Direction.TopToBottom if portrait else QBoxLayout.Direction.LeftToRight)
        self.keypad.fit(portrait)
        self.body.setStretch(0, 0 if portrait else 3)  # portrait: the spare height goes to bigger keys
        self.body.setStretch(1, 1 if portrait else 2)
        self.body.setAlignment(self.keypad, Qt.AlignmentFlag.AlignHCenter if portrait else Qt.AlignmentFlag(0))

    def retranslate(self) -> None:
        self.set_title(self.tr("Consultar factura"))
        self.intro.setText(self.tr("Escriba los números que figuran en su factura. No necesita ingresar con PIN."))
        self.account.set_caption(self.tr("Número de cuenta"))
        self.invoice.set_caption(self.tr("Número de factura (por ejemplo 0021-00049107)"))
        self.scan_text.setText(self.tr("o escanee el código de barras de su factura con el lector"))
        self.keypad.set_ok_text(self.tr("Buscar") if self.keypad.target is self.invoice.edit else self.tr("Siguiente"))
        if self._error is not None:
            self.notice.show_message(self.message(self._error), self._level(self._error))

    # -- lifecycle ----------------------------------------------------------------------------------------
    def on_enter(self, args: dict[str, Any]) -> None:
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self.scanner)
        self.scanner.reset()
        if not args.get("returning"):
            self.clear()
        if args.get("scan"):
            self.on_scanned(str(args["scan"]))

    def on_leave(self) -> None:
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self.scanner)
        self.scanner.reset()

    def on_cooldown_over(self) -> None:
        self.keypad.ok_key.setEnabled(True)
        if isinstance(self._error, Throttled):
            self._error = None
            self.notice.clear()

    def clear(self) -> None:
        self.cooldown.stop()
        self.keypad.ok_key.setEnabled(True)
        self.account.clear()
        self.invoice.clear()
        self.notice.clear()
        self._error = None
        self.keypad.attach(self.account.edit)
        self.retranslate()

    # -- input --------------------------------------------------------------------------------------------
    def on_typed(self, digit: str) -> None:
        if self.keypad.target is None:
            self.keypad.attach(self.account.edit)
        self.keypad.on_key(digit)

    def on_ok(self) -> None:
        if self.keypad.target is self.account.edit and not self.invoice.text():
            if self.account.text():
                self.keypad.attach(self.invoice.edit)
                self.retranslate()
            return
        self.search()

    def search(self) -> None:
        if self.cooldown.isActive():
            return
        self.notice.clear()
        self._error = None
        self.run_once("lookup", self.services.lookup.by_number, self.account.text(), self.invoice.text(),
                      on_done=self.on_found, on_error=self.on_failed)

    def on_scanned(self, digits: str) -> None:
        if self.cooldown.isActive():
            return
        self.notice.clear()
        self._error = None
        self.run_once("lookup", self.services.lookup.by_scan, digits, on_done=self.on_found, on_error=self.on_failed)

    def on_found(self, invoice: InvoiceSummary) -> None:
        self.go("invoice_found", invoice=invoice)

    def on_failed(self, exc: BaseException) -> None:
        if not isinstance(exc, ServiceError):
            self.fail(exc)
            return
        self._error = exc
        self.notice.show_message(self.message(exc), self._level(exc))
        if isinstance(exc, Throttled):
            self.keypad.ok_key.setEnabled(False)
            self.cooldown.start(max(1, int(exc.params.get("wait_seconds", 30))) * 1000)
        if isinstance(exc, ValidationError) and exc.params.get("field") == "account":
            self.keypad.attach(self.account.edit)
        elif isinstance(exc, ValidationError) and exc.params.get("field") == "invoice":
            self.keypad.attach(self.invoice.edit)
        self.retranslate()

    @staticmethod
    def _level(exc: BaseException) -> str:
        return "warning" if isinstance(exc, Throttled) else "error"


def _state(code: str, field: str | None = None, **params: Any) -> Any:
    def setup(screen: LookupScreen) -> None:
        screen.account.setText("1001")
        screen.invoice.setText("0021-00049199" if code != "malformed_invoice" else "21-")
        cls = Throttled if code == "too_many_attempts" else (ValidationError if field else ServiceError)
        extra = {"field": field} if field else {}
        screen.on_failed(cls(code, **extra, **params))

    return setup


def tour_steps() -> list[TourStep]:
    return [
        TourStep("lookup", "lookup"),
        TourStep("lookup_not_found", "lookup", setup=_state("invoice_not_found")),
        TourStep("lookup_malformed", "lookup", setup=_state("malformed_invoice", "invoice")),
        TourStep("lookup_slowed_down", "lookup", setup=_state("too_many_attempts", wait_seconds=30)),
    ]
