"""Trámites (Solicitudes de suministro): reconnection, change of holder, new service, e-invoice, contact data
and consent, call-back request.

Each is a short form asked one question at a time (ui.widgets.wizard) -> review -> send -> done with the
request number and the receipt printed. The kinds, their fields, questions, limits and required-ness are the
request service's declaration (kiosk/services/forms.py FORMS): this screen only maps each field's kind to
a widget, so a new kind needs no change here. The service checks every answer and a refused one brings the
customer back to that question with the reason.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import partial
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtWidgets import QVBoxLayout, QWidget

from kiosk.domain import AccountOverview, RequestKind, RequestReceipt, Service, Supply, labels
from kiosk.services.api import PrintResult
from kiosk.services.forms import FORMS, FormField
from ui.screens.base import TourStep, register
from ui.screens.customer_base import HomeTile
from ui.screens.intake_base import FormIntakeScreen
from ui.widgets.panels import ChoiceButtons, label
from ui.widgets.wizard import CHOICE, DIGITS, LONG_TEXT, TEXT, Step

_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")


@register("requests")
class RequestsScreen(FormIntakeScreen):
    """Kind -> form -> review -> done."""

    home_tile = HomeTile(
        "request",
        str(QT_TRANSLATE_NOOP("AccountHomeScreen", "Trámites")),
        str(QT_TRANSLATE_NOOP("AccountHomeScreen", "Reconexión, cambio de titular, factura por correo y más")),
        50,
    )

    receipt_what = "request_receipt"

    def build_pages(self) -> None:
        self.kind: RequestKind | None = None
        self.supplies: list[Supply] = []

        page = QWidget(self)
        box = QVBoxLayout(page)
        box.setContentsMargins(0, 0, 0, 0)
        box.setSpacing(16)
        self.kind_question = label("", "subtitle", page)
        self.kinds = ChoiceButtons(page, columns=2)
        self.kinds.chosen.connect(self.on_kind)
        box.addWidget(self.kind_question)
        box.addWidget(self.kinds)
        box.addStretch(1)
        self.add_page("kinds", page)
        self.build_form("request")
        self.show_page("kinds")

    def relayout_pages(self, portrait: bool) -> None:
        self.kinds.set_columns(1 if portrait else 2)
        self.wizard.relayout(portrait)

    def kind_texts(self) -> dict[RequestKind, tuple[str, str]]:
        """Each kind's name (the catalogue's, as on the receipt and in the claims list) and what it is for."""
        return {kind: (self.case_kind_word(kind), form.summary.text(self.language)) for kind, form in FORMS.items()}

    def retranslate(self) -> None:
        self.set_title(self.tr("Trámites"))
        self.kind_question.setText(self.tr("¿Qué trámite quiere hacer?"))
        texts = self.kind_texts()
        self.kinds.set_choices([(k.value, f"{name}\n{what}") for k, (name, what) in texts.items()])
        self.retranslate_form()

    # -- flow -----------------------------------------------------------------------------------------------

    def on_enter(self, args: dict[str, Any]) -> None:
        if args.get("returning") and self.page() != "kinds":
            return
        self.clear()
        session = self.customer()
        if session is None:
            return
        self.run(self.services.account.overview, session, on_done=self.on_overview)
        wanted = args.get("kind")
        if wanted:
            self.kind = RequestKind(str(wanted))

    def on_overview(self, overview: AccountOverview) -> None:
        self.supplies = list(overview.supplies)
        if self.kind is not None and self.page() == "kinds":
            self.start_form()

    def on_kind(self, value: object) -> None:
        self.kind = RequestKind(str(value))
        self.answers = {}
        self.start_form()

    def field(self, key: str) -> str:
        """What an answer is called on the review page: the catalogue's name, as on the done page and paper."""
        return labels.form_field(key, self.language)

    def steps(self) -> list[Step]:
        """The form's questions, one per field the request service declares (kiosk/services/forms.py FORMS)."""
        if self.kind is None:
            return []
        return [self.step(f) for f in FORMS[self.kind].fields]

    def step(self, f: FormField) -> Step:
        """One declared field as a wizard question: its kind picks the widget (choice buttons, keypad, keyboard);
        words, limits, required-ness and when it is asked come from the declaration."""
        language = self.language
        kind, columns = TEXT, 2
        choices: tuple[tuple[str, str], ...] = ()
        validate: Callable[[str], str | None] | None = None
        if f.kind == "supply":
            kind, columns = CHOICE, 1
            supplies = [s for s in self.supplies if s.active == f.supply_active] or self.supplies
            choices = tuple((str(s.id), self.supply_text(s)) for s in supplies)
        elif f.kind == "choice":
            kind = CHOICE
            choices = tuple((c, labels.choice(c, language)) for c in self.offered(f.choices))
        elif f.kind == "hours":
            kind, choices = CHOICE, self.contact_times()
        elif f.kind == "phone":
            kind = DIGITS
        elif f.kind == "long_text":
            kind = LONG_TEXT
        elif f.kind == "email":
            validate = self._email_ok
        return Step(
            f.name,
            kind,
            self.field(f.name),
            f.question.text(language),
            hint=f.hint.text(language) if f.hint is not None else "",
            choices=choices,
            min_len=f.min_len if f.required or kind == CHOICE else 0,  # a choice is always one of its options
            max_len=f.max_len,
            validate=validate,
            when=f.applies if f.only_if is not None else None,
            columns=columns,
        )

    def offered(self, choices: tuple[str, ...]) -> tuple[str, ...]:
        """A choice of services offers the ones this utility sells, in its order; other choices as declared."""
        if set(choices) <= {s.value for s in Service}:
            return tuple(s.value for s in self.branding.services if s.value in choices)
        return choices

    def _email_ok(self, value: str) -> str | None:
        if _EMAIL.match(value):
            return None
        return self.tr("Revise el correo electrónico: debe tener la forma nombre@ejemplo.com")

    def on_form_left(self) -> None:
        """Back from the first question: to the list of requests."""
        self.answers = {}
        self.wizard.clear()
        self.show_page("kinds")

    def on_answers(self, values: dict[str, str]) -> None:
        self.answers = dict(values)
        if self.kind is None:
            return
        pairs = [(self.tr("Trámite"), self.kind_texts()[self.kind][0]), *self.review_pairs(values)]
        self.review.show_review(
            self.tr("Revise su trámite antes de enviarlo"), pairs, self.tr("Enviar trámite"), self.tr("Corregir")
        )
        self.show_page("review")

    def fields(self) -> dict[str, str]:
        """The answers of the steps that apply, as the request service expects them."""
        keys = {s.key for s in self.wizard.steps()}
        return {k: v for k, v in self.answers.items() if k in keys}

    def on_send(self) -> None:
        session, kind = self.customer(), self.kind
        if session is not None and kind is not None:
            self.send(self.services.requests.submit, session, kind, self.fields(), self.language)

    def show_receipt(self, receipt: RequestReceipt) -> None:
        self.done.show_result(
            self.tr("Trámite registrado"),
            self.tr("Número de trámite"),
            receipt.number,
            [(self.tr("Trámite"), self.case_kind_word(receipt.kind)), *receipt.fields],
            self.tr("Guarde este número para consultar cómo sigue su trámite en «Reclamos»."),
            "ok",
        )

    def receipt_document(self, receipt: RequestReceipt) -> Callable[[], PrintResult]:
        return partial(self.services.printing.request_receipt, receipt, self.language)

    def clear(self) -> None:
        self.kind = None
        self.supplies = []
        self.clear_form()
        for _value, btn in self.kinds.buttons:
            btn.setChecked(False)
        self.show_page("kinds")


# -- tour ---------------------------------------------------------------------------------------------------


def _callback_form(screen: RequestsScreen) -> None:
    screen.on_kind(RequestKind.CALLBACK.value)
    screen.wizard.long.setPlainText("Quiero saber si puedo adherirme a la tarifa social.")


def _e_invoice_review(screen: RequestsScreen) -> None:
    screen.kind = RequestKind.E_INVOICE
    screen.wizard.start(screen.steps(), {"delivery": "email", "email": "maria@correo.com"})
    screen.on_answers({"delivery": "email", "email": "maria@correo.com"})


def _done(screen: RequestsScreen) -> None:
    from datetime import UTC, datetime

    receipt = RequestReceipt(
        "tour",
        "0001-0002-000044",
        RequestKind.E_INVOICE,
        0,
        (
            (labels.form_field("delivery", screen.language), labels.channel("email", screen.language)),
            (labels.form_field("email", screen.language), "maria@correo.com"),
        ),
        datetime.now(UTC),
        "tour",
    )
    screen.kind = RequestKind.E_INVOICE
    screen.on_sent(receipt, print_now=False)
    screen.done.set_printed(screen.tr("Retire su comprobante de la impresora."))


def tour_steps() -> list[TourStep]:
    return [
        TourStep("requests", "requests", login=True),
        TourStep("request_callback_form", "requests", login=True, setup=_callback_form),
        TourStep("request_review", "requests", login=True, setup=_e_invoice_review),
        TourStep("request_done", "requests", login=True, setup=_done),
    ]
