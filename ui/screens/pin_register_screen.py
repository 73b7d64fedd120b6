"""Register or reset a PIN: account + identity document, SMS or e-mail, the code received, the new PIN twice.

The kiosk only writes the request; central sends the code. Steps: identify -> channel -> code -> new_pin ->
done, each on the same screen with the keypad; wrong and expired codes send the customer back one step with
the reason and a way to ask for a new code.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QBoxLayout, QLabel, QVBoxLayout

from kiosk.domain import labels
from kiosk.services.errors import AuthError, ServiceError, ValidationError
from ui.icons import pixmap
from ui.screens.base import Screen, TourStep, register
from ui.widgets.banner import Notice
from ui.widgets.fields import TouchField
from ui.widgets.keyboard import Keyboard
from ui.widgets.keypad import Keypad

STEPS = ("identify", "channel", "code", "new_pin", "done")


@register("pin_register")
class PinRegisterScreen(Screen):
    """See the module docstring."""

    def build(self) -> None:
        self.step = "identify"
        self.request_id = ""
        self.channel = ""
        self._error: ServiceError | None = None
        self.intro = self.label(role="subtitle")
        self.content.addWidget(self.intro)
        self.body = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        self.body.setSpacing(48)
        left = QVBoxLayout()
        left.setSpacing(20)
        self.account = TouchField(self, max_length=10, name="pin_account")
        self.document = TouchField(self, max_length=12, name="pin_document")
        self.code = TouchField(self, max_length=8, name="pin_code")
        self.new_pin = TouchField(self, secret=True, max_length=6, name="pin_new")
        self.repeat_pin = TouchField(self, secret=True, max_length=6, name="pin_repeat")
        self.keypad = Keypad(self)
        self.fields = [self.account, self.document, self.code, self.new_pin, self.repeat_pin]
        self.letters = False  # the document is typed on the full keyboard (CURP, passport...)
        self.keyboard = Keyboard(self)
        self.keyboard.hide()
        self.letters_btn = self.button(self.on_letters, kind="secondary")
        self.letters_btn.setObjectName("pin_letters")
        for f in self.fields:
            left.addWidget(f)
            f.activated.connect(lambda f=f: self.on_field(f))
            if f is self.document:
                left.addWidget(self.letters_btn)
        self.sms_btn = self.button(lambda: self.on_channel("sms"), big=True)
        self.sms_btn.setObjectName("pin_sms")
        self.email_btn = self.button(lambda: self.on_channel("email"), big=True)
        self.email_btn.setObjectName("pin_email")
        for b in (self.sms_btn, self.email_btn):
            b.setMinimumHeight(110)
            left.addWidget(b)
        self.done_picture = QLabel(self)
        self.done_picture.setAlignment(Qt.AlignmentFlag.AlignCenter)
        left.addWidget(self.done_picture)
        self.notice = Notice(self, "error", name="pin_notice")
        left.addWidget(self.notice)
        self.new_code_btn = self.button(lambda: self._set_step("channel"), kind="secondary")
        self.new_code_btn.setObjectName("pin_new_code")
        left.addWidget(self.new_code_btn)
        self.login_btn = self.button(lambda: self.go("login"), big=True)
        self.login_btn.setObjectName("pin_login_now")
        self.login_btn.setMinimumHeight(100)
        left.addWidget(self.login_btn)
        left.addStretch(1)
        self.keypad.fit(False)
        self.left_area = self.scroll_column(left)
        self.body.addWidget(self.left_area, 3)
        self.body.addWidget(self.keypad, 2)
        self.body.addWidget(self.keyboard, 0)  # takes the keypad's place while a document has letters
        self.content.addLayout(self.body, 1)
        self.keypad.submitted.connect(self.on_ok)
        self.keypad.edited.connect(self.on_edited)
        self.keyboard.submitted.connect(self.on_ok)
        self.keyboard.edited.connect(self.on_edited)
        self._set_step("identify")

    def on_field(self, field: TouchField) -> None:
        if field is self.document and self.letters:
            return
        if self.letters:
            self._use_letters(False)
        self.keypad.attach(field.edit)

    def on_letters(self) -> None:
        self._use_letters(not self.letters)

    def _use_letters(self, on: bool) -> None:
        """Swap the keypad for the full keyboard while the document is typed (and back)."""
        self.letters = on
        self._stretch()
        self.keyboard.setVisible(on)
        self.keypad.setVisible(not on and self.step in ("identify", "code", "new_pin"))
        if on:
            self.keypad.attach(None)
            self.keyboard.attach(self.document.edit)
        else:
            self.keyboard.attach(None)
            self.keypad.attach(self.document.edit)
        self.retranslate()

    def relayout(self, portrait: bool) -> None:
        self.body.setDirection(QBoxLayout.Direction.TopToBottom if portrait else QBoxLayout.Direction.LeftToRight)
        self.keypad.fit(portrait)
        self.body.setAlignment(self.keypad, Qt.AlignmentFlag.AlignHCenter if portrait else Qt.AlignmentFlag(0))
        self.portrait = portrait
        self._stretch()

    def _stretch(self) -> None:
        """Portrait: spare height to the keys. Landscape: the full keyboard needs more width than the keypad."""
        if self.portrait:
            self.body.setStretch(0, 0)
            self.body.setStretch(1, 1)
            self.body.setStretch(2, 1)
        else:
            self.body.setStretch(0, 2 if self.letters else 3)
            self.body.setStretch(1, 2)
            self.body.setStretch(2, 3)

    def retranslate(self) -> None:
        self.set_title(self.tr("Registrar o cambiar PIN"))
        self.account.set_caption(self.tr("Número de cuenta"))
        self.document.set_caption(self.tr("Número de documento del titular"))
        self.code.set_caption(self.tr("Código recibido"))
        self.new_pin.set_caption(self.tr("Nuevo PIN (4 a 6 números)"))
        self.repeat_pin.set_caption(self.tr("Repita el nuevo PIN"))
        self.sms_btn.setText(labels.channel("sms", self.language))
        self.email_btn.setText(labels.channel("email", self.language))
        self.new_code_btn.setText(self.tr("Pedir un código nuevo"))
        self.letters_btn.setText(self.tr("123  Volver al teclado numérico") if self.letters
                                 else self.tr("ABC  Mi documento tiene letras"))
        self.login_btn.setText(self.tr("Ingresar ahora"))
        intros = {
            "identify": self.tr("Paso 1 de 4: escriba su número de cuenta y el documento del titular."),
            "channel": self.tr("Paso 2 de 4: ¿cómo quiere recibir el código de verificación?"),
            "code": self.tr("Paso 3 de 4: escriba el código que le enviamos. Puede tardar unos minutos."),
            "new_pin": self.tr("Paso 4 de 4: elija un PIN nuevo y escríbalo dos veces. No use 1234 ni su año "
                               "de nacimiento."),
            "done": self.tr("Listo: su PIN quedó registrado. Ya puede ingresar con su número de cuenta y su PIN."),
        }
        self.intro.setText(intros[self.step])
        ok = {"identify": self.tr("Siguiente"), "code": self.tr("Siguiente"), "new_pin": self.tr("Guardar PIN")}
        self.keypad.set_ok_text(ok.get(self.step, self.tr("Aceptar")))
        self._show_error()

    def _set_step(self, step: str) -> None:
        self.step = step
        self.account.setVisible(step == "identify")
        self.document.setVisible(step == "identify")
        self.code.setVisible(step == "code")
        self.new_pin.setVisible(step == "new_pin")
        self.repeat_pin.setVisible(step == "new_pin")
        self.sms_btn.setVisible(step == "channel")
        self.email_btn.setVisible(step == "channel")
        if step != "identify" and self.letters:
            self.letters = False
            self.keyboard.attach(None)
        self.keyboard.setVisible(step == "identify" and self.letters)
        self.letters_btn.setVisible(step == "identify")
        self.keypad.setVisible(step in ("identify", "code", "new_pin") and not self.letters)
        self.login_btn.setVisible(step == "done")
        self.done_picture.setVisible(step == "done")
        if step == "done":
            self.done_picture.setPixmap(pixmap("check", (160, 160), self.color("ok_text", "#155724")))
        first = {"identify": self.account, "code": self.code, "new_pin": self.new_pin}.get(step)
        if not self.letters:
            self.keypad.attach(first.edit if first else None)
        self.retranslate()

    def step_back(self) -> bool:
        previous = {"channel": "identify", "code": "channel", "new_pin": "code"}.get(self.step)
        if previous is None:
            return False
        self._error = None
        self._set_step(previous)
        return True

    # -- lifecycle ----------------------------------------------------------------------------------------
    def on_enter(self, args: dict[str, Any]) -> None:
        if not args.get("returning"):
            self.clear()

    def clear(self) -> None:
        for f in self.fields:
            f.clear()
        if self.letters:
            self.letters = False
            self.keyboard.attach(None)
        self.request_id = ""
        self.channel = ""
        self._error = None
        self._set_step("identify")

    def on_edited(self) -> None:
        if self._error is not None:
            self._error = None
            self._show_error()

    # -- actions ------------------------------------------------------------------------------------------
    def on_ok(self) -> None:
        target = self.document.edit if self.letters else self.keypad.target
        if self.step == "identify":
            if target is self.account.edit:
                if self.account.text():
                    self.keypad.attach(self.document.edit)
                return
            if self.account.text() and self.document.text():
                self._error = None
                self._set_step("channel")
        elif self.step == "code":
            if self.code.text():
                self._error = None
                self._set_step("new_pin")
        elif self.step == "new_pin":
            if target is self.new_pin.edit:
                if self.new_pin.text():
                    self.keypad.attach(self.repeat_pin.edit)
                return
            if self.new_pin.text() and self.repeat_pin.text():
                self.run_once("set_pin", self.services.auth.set_pin, self.request_id, self.code.text(),
                              self.new_pin.text(), self.repeat_pin.text(), on_done=self.on_pin_set,
                              on_error=self.on_failed)

    def on_channel(self, channel: str) -> None:
        self.channel = channel
        self.run_once("request_code", self.services.auth.request_pin_code, self.account.text(),
                      self.document.text(), channel, on_done=self.on_code_requested, on_error=self.on_failed)

    def on_code_requested(self, request_id: str) -> None:
        self.request_id = request_id
        self.code.clear()
        self._error = None
        self._set_step("code")

    def on_pin_set(self, _: object) -> None:
        for f in self.fields:
            f.clear()
        self.request_id = ""
        self._error = None
        self._set_step("done")

    def on_failed(self, exc: BaseException) -> None:
        if not isinstance(exc, ServiceError):
            self.fail(exc)
            return
        field = exc.params.get("field") if isinstance(exc, ValidationError) else None
        if field in ("account", "document"):
            self._set_step("identify")
            if field == "account" and self.letters:
                self._use_letters(False)
            if not self.letters:
                self.keypad.attach(self.account.edit if field == "account" else self.document.edit)
        elif exc.code in ("wrong_code", "malformed_code", "code_expired", "code_blocked"):
            self.code.clear()
            self.new_pin.clear()
            self.repeat_pin.clear()
            self._set_step("code")
        elif field in ("new_pin", "repeat_pin", "pin"):
            self.new_pin.clear()
            self.repeat_pin.clear()
            self._set_step("new_pin")
        self._error = exc
        self._show_error()

    def _show_error(self) -> None:
        exc = self._error
        self.new_code_btn.setVisible(
            self.step == "code" or (exc is not None and exc.code in ("code_expired", "code_blocked")))
        if exc is None:
            self.notice.clear()
        else:
            self.notice.show_message(self.message(exc), "error")


def _state(step: str, exc: ServiceError | None = None) -> Any:
    def setup(screen: PinRegisterScreen) -> None:
        screen.account.setText("1001")
        screen.document.setText("20111222")
        screen._set_step(step)
        if exc is not None:
            screen.on_failed(exc)

    return setup


def _letters(screen: PinRegisterScreen) -> None:
    screen.account.setText("1003")
    screen._use_letters(True)
    screen.document.setText("ROMA8001")


def tour_steps() -> list[TourStep]:
    return [
        TourStep("pin_identify", "pin_register"),
        TourStep("pin_document_letters", "pin_register", setup=_letters),
        TourStep("pin_channel", "pin_register", setup=_state("channel")),
        TourStep("pin_code", "pin_register", setup=_state("code")),
        TourStep("pin_new_pin", "pin_register", setup=_state("new_pin")),
        TourStep("pin_wrong_code", "pin_register", setup=_state("new_pin", AuthError("wrong_code", attempts_left=2))),
        TourStep("pin_code_expired", "pin_register", setup=_state("new_pin", AuthError("code_expired"))),
        TourStep("pin_done", "pin_register", setup=_state("done")),
    ]
