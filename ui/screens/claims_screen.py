"""Reclamos: file a claim against one of the account's supplies, and see how earlier ones are going.

Start page: "Nuevo reclamo" and the list of the account's claims and requests with their status. A new
claim: supply (skipped with only one) -> category (catalogue of that service) -> description on the
on-screen keyboard (500 characters, with a counter) -> contact phone: the account's phone on file is offered
(masked) with "another phone" to type one on the keypad -> preferred time -> review -> done with the claim
number and the receipt printed. The claim is committed on the kiosk (outbox)
before anything prints.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtWidgets import QSizePolicy, QVBoxLayout, QWidget

from kiosk.domain import AccountOverview, CaseStatus, ClaimCategory, ClaimReceipt, Supply
from kiosk.formatting import format_datetime
from kiosk.services.api import PHONE_ON_FILE, PrintResult
from ui.screens.base import TourStep, register
from ui.screens.customer_base import HomeTile
from ui.screens.intake_base import FormIntakeScreen
from ui.widgets.banner import Notice
from ui.widgets.buttons import big_button
from ui.widgets.panels import ChoiceButtons, DataTable, label
from ui.widgets.wizard import CHOICE, DIGITS, LONG_TEXT, Step

DESCRIPTION_MAX = 500
OTHER_PHONE = "other"


@register("claims")
class ClaimsScreen(FormIntakeScreen):
    """New claim wizard and the list of claims and requests."""

    home_tile = HomeTile(
        "claim",
        str(QT_TRANSLATE_NOOP("AccountHomeScreen", "Reclamos")),
        str(QT_TRANSLATE_NOOP("AccountHomeScreen", "Hacer un reclamo y ver cómo siguen los suyos")),
        40,
    )

    receipt_what = "claim_receipt"

    def build_pages(self) -> None:
        self.supplies: list[Supply] = []
        self.supply: Supply | None = None
        self.categories: list[ClaimCategory] = []
        self.category: ClaimCategory | None = None
        self.cases: list[CaseStatus] = []
        self.overview: AccountOverview | None = None  # for the phone on file

        page = QWidget(self)
        box = QVBoxLayout(page)
        box.setContentsMargins(0, 0, 0, 0)
        box.setSpacing(16)
        self.new_claim = big_button("", page, self.on_new_claim, min_height=110, name="claim_new", icon="plus")
        self.cases_title = label("", "subtitle", page)
        self.cases_table = DataTable(page, columns=4)
        self.cases_table.setObjectName("cases_table")
        self.cases_empty = label("", "muted", page)
        self.new_claim.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        box.addWidget(self.new_claim)
        box.addWidget(self.cases_title)
        box.addWidget(self.cases_empty)
        box.addWidget(self.cases_table, 1)
        box.addStretch(0)  # takes the room when the table is hidden (no cases yet)
        self.add_page("start", page)

        page = QWidget(self)
        box = QVBoxLayout(page)
        box.setContentsMargins(0, 0, 0, 0)
        box.setSpacing(16)
        self.choice_question = label("", "subtitle", page)
        self.choice_notice = Notice(page, "info", name="claim_choice_notice")
        self.choices = ChoiceButtons(page, columns=1)
        self.choices.chosen.connect(self.on_choice)
        box.addWidget(self.choice_question)
        box.addWidget(self.choice_notice)
        box.addWidget(self.choices)
        box.addStretch(1)
        self.add_page("choose", page)
        self.choosing = ""  # "supply" or "category"
        self.build_form("claim")
        self.show_page("start")

    def relayout_pages(self, portrait: bool) -> None:
        self.choices.set_columns(1 if portrait else 2)
        self.wizard.relayout(portrait)

    def retranslate(self) -> None:
        self.set_title(self.tr("Reclamos"))
        self.new_claim.setText(self.tr("Hacer un reclamo nuevo"))
        self.cases_title.setText(self.tr("Mis reclamos y trámites"))
        self.cases_table.set_headers(
            [self.tr("Reclamo o trámite"), self.tr("Número"), self.tr("Fecha"), self.tr("Estado")]
        )
        self.cases_empty.setText(self.tr("Todavía no tiene reclamos ni trámites."))
        self.retranslate_form()
        self.fill_cases()

    # -- start page -----------------------------------------------------------------------------------------

    def on_enter(self, args: dict[str, Any]) -> None:
        if args.get("returning") and self.page() != "start":
            return
        self.clear()
        session = self.customer()
        if session is None:
            return
        self.run(self.services.account.cases, session, on_done=self.on_cases, on_error=self.on_cases_error)

    def on_cases(self, cases: list[CaseStatus]) -> None:
        self.cases = sorted(cases, key=lambda c: c.created_at, reverse=True)
        self.fill_cases()

    def on_cases_error(self, exc: BaseException) -> None:
        self.cases_empty.setText(self.message(exc))
        self.cases_empty.show()

    def fill_cases(self) -> None:
        rows = []
        for case in self.cases:
            kind = self.case_kind_word(case.kind)
            if case.summary and case.summary != case.kind:  # a request still queued has only its kind code
                kind += f" · {case.summary}"
            rows.append(
                [
                    kind,
                    case.number,
                    format_datetime(case.created_at, self.babel_locale, self.config.kiosk.timezone),
                    self.case_status_word(case.status),
                ]
            )
        self.cases_table.set_rows(rows)
        self.cases_table.setVisible(bool(rows))
        self.cases_empty.setVisible(not rows)

    # -- new claim ------------------------------------------------------------------------------------------

    def on_new_claim(self) -> None:
        session = self.customer()
        if session is None:
            return
        self.answers = {}
        self.run(self.services.account.overview, session, on_done=self.on_overview)

    def on_overview(self, overview: AccountOverview) -> None:
        self.overview = overview
        self.supplies = [s for s in overview.supplies if s.active]
        if len(self.supplies) == 1:
            self.on_supply(self.supplies[0])
            return
        self._choose_supply()

    def _choose_supply(self) -> None:
        self.choosing = "supply"
        self.choice_question.setText(self.tr("¿Sobre qué servicio es el reclamo?"))
        self.choices.set_choices([(s.id, self.supply_text(s)) for s in self.supplies])
        self.choice_notice.clear()
        if not self.supplies:
            self.choice_notice.show_message(self.tr("Su cuenta no tiene servicios activos para reclamar."), "info")
        self.show_page("choose")

    def on_choice(self, value: object) -> None:
        if self.choosing == "supply":
            supply = next((s for s in self.supplies if s.id == value), None)
            if supply is not None:
                self.on_supply(supply)
        elif self.choosing == "category":
            self.category = next((c for c in self.categories if c.code == value), None)
            if self.category is not None:
                self.start_form()

    def on_supply(self, supply: Supply) -> None:
        self.supply = supply
        self.run(self.services.claims.categories, supply, on_done=self.on_categories)

    def on_categories(self, categories: list[ClaimCategory]) -> None:
        self.categories = list(categories)
        self.choosing = "category"
        supply = self.supply
        self.choice_question.setText(
            self.tr("¿Qué problema tiene con %1?").replace(
                "%1", self.service_name(supply.service).lower() if supply else ""
            )
        )
        self.choice_notice.clear()
        self.choices.set_choices([(c.code, c.label(self.language)) for c in self.categories])
        self.show_page("choose")

    def phone_on_file(self) -> str:
        """The account's phone as the kiosk knows it (masked), or "" when it has none."""
        return (self.overview.phone_masked or "") if self.overview is not None else ""

    def steps(self) -> list[Step]:
        on_file = self.phone_on_file()
        offer = []
        if on_file:  # offer the phone on file instead of asking for a number every time
            offer.append(Step(
                "contact_choice",
                CHOICE,
                self.tr("Teléfono de contacto"),
                self.tr("¿Lo llamamos al teléfono de su cuenta?"),
                choices=(
                    (PHONE_ON_FILE, self.tr("Sí, al %1").replace("%1", on_file)),
                    (OTHER_PHONE, self.tr("No, a otro teléfono")),
                ),
                columns=1,
            ))
        return [
            Step(
                "description",
                LONG_TEXT,
                self.tr("Descripción"),
                self.tr("Cuéntenos qué pasa"),
                hint=self.tr("Por ejemplo: desde cuándo, si afecta a toda la casa, si hay peligro."),
                max_len=DESCRIPTION_MAX,
            ),
            *offer,
            Step(
                "contact_phone",
                DIGITS,
                self.tr("Teléfono de contacto"),
                self.tr("¿A qué teléfono lo podemos llamar?"),
                hint=self.tr("Con el código de área, solo números."),
                min_len=6,
                max_len=15,
                when=(lambda v: v.get("contact_choice") != PHONE_ON_FILE) if on_file else None,
            ),
            Step(
                "contact_time",
                CHOICE,
                self.tr("Horario de contacto"),
                self.tr("¿En qué horario prefiere que lo llamemos?"),
                choices=self.contact_times(),
            ),
        ]

    def on_form_left(self) -> None:
        """Back from the first question: to the categories, answers kept."""
        self.answers = self.wizard.values
        self.show_page("choose")

    def step_back(self) -> bool:
        """The window's "Volver" walks the claim backwards: question by question, then the category, the
        supply (when there are several) and the list; from the list or a filed claim it leaves."""
        if self.page() == "choose":
            if self.choosing == "category" and len(self.supplies) > 1:
                self._choose_supply()
            else:
                self.show_page("start")
            return True
        return super().step_back()

    def on_answers(self, values: dict[str, str]) -> None:
        self.answers = dict(values)
        pairs = []
        if self.supply is not None:
            pairs.append((self.tr("Servicio"), self.supply_text(self.supply).replace("\n", " · ")))
        if self.category is not None:
            pairs.append((self.tr("Problema"), self.category.label(self.language)))
        self.review.show_review(
            self.tr("Revise su reclamo antes de enviarlo"),
            [*pairs, *self.review_pairs(values)],
            self.tr("Enviar reclamo"),
            self.tr("Corregir"),
        )
        self.show_page("review")

    def answer_text(self, step: Step, value: str) -> str:
        """The phone on file is said as "3511…67 (el de su cuenta)"; "another phone" shows the number typed."""
        if step.key == "contact_choice":
            return self.tr("%1 (el de su cuenta)").replace("%1", self.phone_on_file()) if value == PHONE_ON_FILE else ""
        return super().answer_text(step, value)

    def on_send(self) -> None:
        session, supply, category = self.customer(), self.supply, self.category
        if session is None or supply is None or category is None:
            return
        a = self.answers
        self.send(
            self.services.claims.file,
            session,
            supply.id,
            category.code,
            a.get("description", ""),
            PHONE_ON_FILE if a.get("contact_choice") == PHONE_ON_FILE else a.get("contact_phone", ""),
            a.get("contact_time", ""),
        )

    def on_send_error(self, exc: BaseException) -> None:
        problem = self.field_error(exc)
        on_file = self.answers.get("contact_choice") == PHONE_ON_FILE
        if problem is not None and problem[0] == "contact_phone" and on_file:
            self.answers["contact_choice"] = OTHER_PHONE  # no phone on file after all: ask for one
            self.answers.setdefault("contact_phone", "")
        super().on_send_error(exc)

    def show_receipt(self, receipt: ClaimReceipt) -> None:
        details = [
            (self.tr("Problema"), receipt.category.label(self.language)),
            (self.tr("Fecha"), format_datetime(receipt.created_at, self.babel_locale, self.config.kiosk.timezone)),
            (self.tr("Le llamaremos al"), receipt.contact_phone),
        ]
        self.done.show_result(
            self.tr("Reclamo registrado"),
            self.tr("Número de reclamo"),
            receipt.number,
            details,
            self.tr("Guarde este número para consultar cómo sigue su reclamo."),
            "ok",
        )

    def receipt_document(self, receipt: ClaimReceipt) -> Callable[[], PrintResult]:
        return partial(self.services.printing.claim_receipt, receipt, self.language)

    def clear(self) -> None:
        self.supplies = []
        self.supply = None
        self.categories = []
        self.category = None
        self.cases = []
        self.overview = None
        self.choosing = ""
        self.cases_table.clear_rows()
        self.choices.clear()
        self.choice_notice.clear()
        self.clear_form()
        self.show_page("start")


# -- tour ---------------------------------------------------------------------------------------------------


def _description(screen: ClaimsScreen) -> None:
    from kiosk.domain import Service

    screen.supply = Supply(0, 0, Service.ELECTRICITY, "Av. San Martín 1234", True)
    screen.category = ClaimCategory("low_voltage", Service.ELECTRICITY, "Baja tensión", "Low voltage")
    screen.start_form()
    screen.wizard.long.setPlainText("Desde ayer a la noche las luces bajan de intensidad y la heladera se apaga.")


def _done(screen: ClaimsScreen) -> None:
    from datetime import UTC, datetime

    _description(screen)
    category = screen.category
    assert category is not None
    receipt = ClaimReceipt(
        "tour", "0001-0002-000043", 0, 0, category, "…", "3511234567", "morning", datetime.now(UTC), "tour"
    )
    screen.on_sent(receipt, print_now=False)
    screen.done.set_printed(screen.tr("Retire su comprobante de la impresora."))


def _contact_phone(screen: ClaimsScreen) -> None:
    """The phone question with the account's own phone on offer (the overview says which, masked)."""
    session = screen.customer()
    if session is None:
        return

    def ready(overview: AccountOverview) -> None:
        screen.overview = overview
        _description(screen)
        screen.wizard.on_next()

    screen.run(screen.services.account.overview, session, on_done=ready)


def tour_steps() -> list[TourStep]:
    return [
        TourStep("claims", "claims", login=True),
        TourStep("claims_open_and_closed", "claims", login=True, account="cases"),
        TourStep("claim_description", "claims", login=True, setup=_description),
        TourStep("claim_description_large_text", "claims", login=True, setup=_description,
                 window_setup=lambda w: w.on_toggle_large_text()),
        TourStep("claim_contact_phone", "claims", login=True, setup=_contact_phone),
        TourStep("claim_done", "claims", login=True, setup=_done),
    ]
