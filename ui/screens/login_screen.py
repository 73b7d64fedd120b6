"""Log in: account number, then PIN (masked), on the keypad; wrong PIN, locked and central-down states.

After a successful login the window keeps the CustomerSession and the customer goes on to where they were
heading (`then`, set by the window when a logged-in screen was asked for) or to "account_home".
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QBoxLayout, QVBoxLayout

from kiosk.services.api import CustomerSession
from kiosk.services.errors import AuthError, CentralUnavailable, ServiceError, ValidationError
from ui.screens.base import Screen, TourStep, register
from ui.widgets.banner import Notice
from ui.widgets.fields import TouchField
from ui.widgets.keypad import Keypad


@register("login")
class LoginScreen(Screen):
    """Step "account" then step "pin"; args: then, then_args (where to go after login)."""

    def build(self) -> None:
        self.step = "account"
        self.then: tuple[str, dict[str, Any]] = ("account_home", {})
        self._error: ServiceError | None = None
        self.intro = self.label(role="muted")
        self.content.addWidget(self.intro)
        self.body = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        self.body.setSpacing(48)
        left = QVBoxLayout()
        left.setSpacing(20)
        self.account = TouchField(self, max_length=10, name="login_account")
        self.pin = TouchField(self, secret=True, max_length=6, name="login_pin")
        self.notice = Notice(self, "error", name="login_notice")
        self.lookup_btn = self.button(lambda: self.go("lookup"), kind="secondary")
        self.lookup_btn.setObjectName("login_lookup_instead")
        self.forgot_btn = self.button(lambda: self.go("pin_register"), kind="secondary")
        self.forgot_btn.setObjectName("login_forgot")
        left.addWidget(self.account)
        left.addWidget(self.pin)
        left.addWidget(self.notice)
        left.addWidget(self.lookup_btn)
        left.addStretch(1)
        left.addWidget(self.forgot_btn)
        self.keypad = Keypad(self)
        self.keypad.fit(False)
        self.left_area = self.scroll_column(left)
        self.body.addWidget(self.left_area, 3)
        self.body.addWidget(self.keypad, 2)
        self.content.addLayout(self.body, 1)
        self.account.activated.connect(lambda: self._set_step("account"))
        self.pin.activated.connect(lambda: self._set_step("pin") if self.account.text() else None)
        self.keypad.submitted.connect(self.on_ok)
        self.keypad.edited.connect(self.on_edited)
        self._set_step("account")

    def relayout(self, portrait: bool) -> None:
        self.body.setDirection(QBoxLayout.Direction.TopToBottom if portrait else QBoxLayout.Direction.LeftToRight)
        self.keypad.fit(portrait)
        self.body.setStretch(0, 0 if portrait else 3)  # portrait: the spare height goes to bigger keys
        self.body.setStretch(1, 1 if portrait else 2)
        self.body.setAlignment(self.keypad, Qt.AlignmentFlag.AlignHCenter if portrait else Qt.AlignmentFlag(0))

    def retranslate(self) -> None:
        self.set_title(self.tr("Ingresar a mi cuenta"))
        self.account.set_caption(self.tr("Número de cuenta"))
        self.pin.set_caption(self.tr("PIN (4 a 6 números)"))
        if self.step == "account":
            self.intro.setText(self.tr("Escriba su número de cuenta, tal como figura en su factura."))
            self.keypad.set_ok_text(self.tr("Siguiente"))
        else:
            self.intro.setText(self.tr("Ahora escriba su PIN. Nadie más lo verá en la pantalla."))
            self.keypad.set_ok_text(self.tr("Ingresar"))
        self.lookup_btn.setText(self.tr("Consultar e imprimir facturas sin ingresar"))
        self.forgot_btn.setText(self.tr("¿Olvidó su PIN? Registrar o cambiar PIN"))
        self._show_error()

    def _set_step(self, step: str) -> None:
        self.step = step
        self.pin.setVisible(step == "pin")
        self.keypad.attach(self.pin.edit if step == "pin" else self.account.edit)
        self.retranslate()

    def step_back(self) -> bool:
        if self.step != "pin":
            return False
        self.pin.clear()
        self._error = None
        self._set_step("account")
        return True

    # -- lifecycle ----------------------------------------------------------------------------------------
    def on_enter(self, args: dict[str, Any]) -> None:
        if args.get("returning"):
            return
        self.clear()
        target = args.get("then")
        if isinstance(target, str):
            self.then = (target, dict(args.get("then_args") or {}))

    def clear(self) -> None:
        self.account.clear()
        self.pin.clear()
        self._error = None
        self.then = ("account_home", {})
        self._set_step("account")

    def on_edited(self) -> None:
        if self._error is not None and not isinstance(self._error, CentralUnavailable):
            self._error = None
            self._show_error()

    # -- actions ------------------------------------------------------------------------------------------
    def on_ok(self) -> None:
        if self.step == "account":
            if self.account.text():
                self._error = None
                self._set_step("pin")
            return
        if not self.pin.text():
            return
        self.run_once("login", self.services.auth.login, self.account.text(), self.pin.text(),
                      on_done=self.on_logged_in, on_error=self.on_failed)

    def on_logged_in(self, session: CustomerSession) -> None:
        name, args = self.then
        nav = self.ctx.nav
        start = getattr(nav, "start_session", None)
        if callable(start):
            start(session)
        else:
            self.ctx.set_session(session)
        self.account.clear()
        self.pin.clear()
        self.go(name, **args)

    def on_failed(self, exc: BaseException) -> None:
        if not isinstance(exc, ServiceError):
            self.fail(exc)
            return
        self._error = exc
        self.pin.clear()
        if isinstance(exc, ValidationError) and exc.params.get("field") == "account":
            self._set_step("account")
        self._show_error()

    def _show_error(self) -> None:
        exc = self._error
        self.lookup_btn.setVisible(isinstance(exc, CentralUnavailable | AuthError) and exc.code != "wrong_pin")
        if exc is None:
            self.notice.clear()
            return
        level = "warning" if isinstance(exc, CentralUnavailable) else "error"
        self.notice.show_message(self.message(exc), level)


def _state(exc: ServiceError) -> Any:
    def setup(screen: LoginScreen) -> None:
        screen.account.setText("1001")
        screen._set_step("pin")
        screen.on_failed(exc)

    return setup


def _typing_pin(screen: LoginScreen) -> None:
    screen.account.setText("1001")
    screen._set_step("pin")
    screen.pin.setText("25")


def tour_steps() -> list[TourStep]:
    return [
        TourStep("login_account", "login"),
        TourStep("login_pin", "login", setup=_typing_pin),
        TourStep("login_wrong_pin", "login", setup=_state(AuthError("wrong_pin", attempts_left=3))),
        TourStep("login_locked", "login", setup=_state(AuthError("locked", locked_seconds=900))),
        TourStep("login_central_unreachable", "login", setup=_state(CentralUnavailable("login_unavailable"))),
    ]
