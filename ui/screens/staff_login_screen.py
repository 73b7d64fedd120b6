"""Staff entry to maintenance mode: staff number + PIN on the keypad, a scanned staff badge, or the branch PIN.

Reached only by the hidden gesture (hold the header logo 3 s; ui/main_window.py), after the customer session was
wiped. The entry is checked by services.staff on the kiosk itself (works offline); the branch PIN is the
fallback when no staff account can be used. While entry is locked (too many wrong PINs) the screen says for how
many minutes and does not send attempts.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QBoxLayout, QVBoxLayout

from kiosk.services.errors import ServiceError, ValidationError
from ui.messages import staff_message, wait_text
from ui.screens.base import Screen, TourStep, register
from ui.widgets.banner import Notice
from ui.widgets.fields import TouchField
from ui.widgets.keypad import Keypad
from ui.widgets.scanner import ScanCatcher

BADGE_CHARS = "ABCDEFGHJKMNPQRSTVWXYZ-"


@register("staff_login")
class StaffLoginScreen(Screen):
    """Modes "staff" (number, then PIN) and "branch" (the branch PIN only)."""

    def build(self) -> None:
        self.mode = "staff"
        self.step = "number"
        self._error: BaseException | None = None
        self._locked = 0
        self.intro = self.label(role="muted")
        self.content.addWidget(self.intro)
        self.body = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        self.body.setSpacing(48)
        left = QVBoxLayout()
        left.setSpacing(20)
        self.number = TouchField(self, max_length=9, name="staff_number")
        self.pin = TouchField(self, secret=True, max_length=6, name="staff_pin")
        self.notice = Notice(self, "error", name="staff_login_notice")
        self.badge_hint = self.label(role="subtitle")
        self.mode_btn = self.button(self.on_toggle_mode, kind="secondary")
        self.mode_btn.setObjectName("staff_mode")
        left.addWidget(self.number)
        left.addWidget(self.pin)
        left.addWidget(self.notice)
        left.addWidget(self.badge_hint)
        left.addStretch(1)
        left.addWidget(self.mode_btn)
        self.keypad = Keypad(self)
        self.keypad.fit(False)
        self.left_area = self.scroll_column(left)
        self.body.addWidget(self.left_area, 3)
        self.body.addWidget(self.keypad, 2)
        self.content.addLayout(self.body, 1)
        self.number.activated.connect(lambda: self._set_step("number") if self.mode == "staff" else None)
        self.pin.activated.connect(lambda: self._set_step("pin") if self.mode == "branch" or self.number.text()
                                   else None)
        self.keypad.submitted.connect(self.on_ok)
        self.keypad.edited.connect(self.on_edited)
        self.scanner = ScanCatcher(self, extra=BADGE_CHARS)
        self.scanner.scanned.connect(self.on_badge)
        self.scanner.typed.connect(self.keypad.on_key)
        self.scanner.enter.connect(self.on_ok)
        self.scanner.erase.connect(lambda: self.keypad.on_key("back"))
        self.lock_timer = QTimer(self)  # re-asks the service when the lockout should be over
        self.lock_timer.setSingleShot(True)
        self.lock_timer.timeout.connect(self.check_lock)
        self._set_step("number")

    def relayout(self, portrait: bool) -> None:
        self.body.setDirection(QBoxLayout.Direction.TopToBottom if portrait else QBoxLayout.Direction.LeftToRight)
        self.keypad.fit(portrait)
        self.body.setStretch(0, 0 if portrait else 3)
        self.body.setStretch(1, 1 if portrait else 2)
        self.body.setAlignment(self.keypad, Qt.AlignmentFlag.AlignHCenter if portrait else Qt.AlignmentFlag(0))

    def retranslate(self) -> None:
        self.set_title(self.tr("Mantenimiento: ingreso del personal"))
        self.number.set_caption(self.tr("Número de personal"))
        if self.mode == "branch":
            self.pin.set_caption(self.tr("PIN de la sucursal"))
            self.intro.setText(self.tr("Sin conexión o sin cuenta de personal: escriba el PIN de mantenimiento de "
                                       "la sucursal. Entra como operador."))
            self.mode_btn.setText(self.tr("Ingresar con mi número de personal"))
            self.keypad.set_ok_text(self.tr("Ingresar"))
        else:
            self.pin.set_caption(self.tr("PIN"))
            self.mode_btn.setText(self.tr("Usar el PIN de la sucursal"))
            if self.step == "number":
                self.intro.setText(self.tr("Escriba su número de personal, o escanee su credencial con el lector."))
                self.keypad.set_ok_text(self.tr("Siguiente"))
            else:
                self.intro.setText(self.tr("Ahora escriba su PIN."))
                self.keypad.set_ok_text(self.tr("Ingresar"))
        self.badge_hint.setText(self.tr("También puede escanear su credencial del personal.")
                                if self.mode == "staff" else "")
        self.badge_hint.setVisible(self.mode == "staff")
        self._show_error()

    def _set_step(self, step: str) -> None:
        self.step = step
        self.number.setVisible(self.mode == "staff")
        self.pin.setVisible(self.mode == "branch" or step == "pin")
        self.keypad.attach(self.number.edit if step == "number" else self.pin.edit)
        self.retranslate()

    def step_back(self) -> bool:
        if self.mode == "staff" and self.step == "pin":
            self.pin.clear()
            self._error = None
            self._set_step("number")
            return True
        if self.mode == "branch":
            self.on_toggle_mode()
            return True
        return False

    # -- lifecycle ----------------------------------------------------------------------------------------
    def on_enter(self, args: dict[str, Any]) -> None:
        if not args.get("returning"):
            self.clear()
        if args.get("expired"):
            self._error = ServiceError("session_expired")
            self._show_error()
        app = QApplication.instance()
        if app is not None:
            self.scanner.reset()
            app.installEventFilter(self.scanner)
        self.check_lock()

    def on_leave(self) -> None:
        self.lock_timer.stop()
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self.scanner)
        self.scanner.reset()

    def clear(self) -> None:
        self.lock_timer.stop()
        self.number.clear()
        self.pin.clear()
        self._error = None
        self._locked = 0
        self.keypad.ok_key.setEnabled(True)
        self.mode = "staff"
        self._set_step("number")

    def check_lock(self) -> None:
        ctx = self.ctx  # services reached in the worker: lazily built services are built off the GUI thread
        self.run(lambda: ctx.services.staff.locked_seconds(), on_done=self.on_lock, on_error=lambda _exc: None)

    def on_lock(self, seconds: int) -> None:
        """Locked: say for how long, refuse to send attempts, and look again when it should be over."""
        self._locked = int(seconds)
        self.keypad.ok_key.setEnabled(self._locked <= 0)
        if self._locked > 0:
            self.lock_timer.start(min(self._locked, 60) * 1000)
        elif self._error is not None and getattr(self._error, "code", "") == "locked":
            self._error = None
        self._show_error()

    def on_edited(self) -> None:
        if self._error is not None and getattr(self._error, "code", "") not in ("locked", "session_expired"):
            self._error = None
            self._show_error()

    # -- actions ------------------------------------------------------------------------------------------
    def on_toggle_mode(self) -> None:
        self.mode = "branch" if self.mode == "staff" else "staff"
        self.number.clear()
        self.pin.clear()
        if self._locked <= 0:
            self._error = None
        self._set_step("pin" if self.mode == "branch" else "number")

    def on_ok(self) -> None:
        if self._locked > 0:
            return
        staff = self.services.staff
        if self.mode == "branch":
            if self.pin.text():
                self.run_once("staff_login", staff.login_branch, self.pin.text(), on_done=self.on_entered,
                              on_error=self.on_failed)
            return
        if self.step == "number":
            if self.number.text():
                self._error = None
                self._set_step("pin")
            return
        if self.pin.text():
            self.run_once("staff_login", staff.login, self.number.text(), self.pin.text(), on_done=self.on_entered,
                          on_error=self.on_failed)

    def on_badge(self, code: str) -> None:
        if self._locked > 0:
            return
        self.run_once("staff_login", self.services.staff.login_badge, code, on_done=self.on_entered,
                      on_error=self.on_failed)

    def on_entered(self, session: Any) -> None:
        self.number.clear()
        self.pin.clear()
        self._error = None
        start = getattr(self.ctx.nav, "start_staff", None)
        if callable(start):
            start(session)

    def on_failed(self, exc: BaseException) -> None:
        self._error = exc
        self.pin.clear()
        code = getattr(exc, "code", "")
        if code == "locked":
            self.on_lock(int(getattr(exc, "params", {}).get("locked_seconds", 60)))
            return
        if isinstance(exc, ValidationError) and exc.params.get("field") == "staff_number" and self.mode == "staff":
            self.number.clear()
            self._set_step("number")
        self._show_error()

    def _show_error(self) -> None:
        if self._locked > 0:
            self.notice.show_message(self.tr("Entrada bloqueada por demasiados intentos fallidos. Se podrá volver "
                                             "a intentar en %1.").replace("%1", wait_text(self._locked)), "error")
            return
        exc = self._error
        if exc is None:
            self.notice.clear()
            return
        level = "warning" if getattr(exc, "code", "") == "session_expired" else "error"
        self.notice.show_message(staff_message(exc), level)


def _typing_pin(screen: StaffLoginScreen) -> None:
    screen.number.setText("1")
    screen._set_step("pin")
    screen.pin.setText("48")


def _wrong_pin(screen: StaffLoginScreen) -> None:
    screen.number.setText("1")
    screen._set_step("pin")
    screen.on_failed(ServiceError("wrong_pin", attempts_left=2))


def _refused(screen: StaffLoginScreen) -> None:
    screen.number.setText("7")
    screen._set_step("pin")
    screen.on_failed(ServiceError("staff_refused", reason="other_branch"))


def _locked(screen: StaffLoginScreen) -> None:
    screen.lock_timer.stop()
    screen.on_lock(14 * 60 + 20)
    screen.lock_timer.stop()


def _branch(screen: StaffLoginScreen) -> None:
    screen.on_toggle_mode()
    screen.pin.setText("123")


def tour_steps() -> list[TourStep]:
    return [
        TourStep("staff_login", "staff_login"),
        TourStep("staff_login_pin", "staff_login", setup=_typing_pin),
        TourStep("staff_login_wrong_pin", "staff_login", setup=_wrong_pin),
        TourStep("staff_login_refused", "staff_login", setup=_refused),
        TourStep("staff_login_locked", "staff_login", setup=_locked),
        TourStep("staff_login_branch_pin", "staff_login", setup=_branch),
        TourStep("staff_login_expired", "staff_login", args={"expired": True}),
    ]
