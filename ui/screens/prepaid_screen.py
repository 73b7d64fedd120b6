"""Planes prepago: remaining credit days, the plans on offer, and a payment reference for the chosen plan.

Tap a plan -> the payment service makes its reference -> the reference, amount and where to pay are shown
big on screen (the customer may copy it by hand) and "Imprimir referencia" prints the slip.
"""

from __future__ import annotations

from functools import partial
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtWidgets import QGridLayout, QPushButton, QVBoxLayout, QWidget

from kiosk.domain import AccountKind, AccountOverview, PaymentSlip, Plan
from ui.screens.base import TourStep, register
from ui.screens.customer_base import CustomerScreen, HomeTile
from ui.widgets.banner import Notice
from ui.widgets.buttons import big_button
from ui.widgets.panels import KeyValueGrid, Tile, card, discard, label


def group_digits(reference: str, size: int = 4) -> str:
    """ "123456789012345678" -> "1234 5678 9012 3456 78": easier to read aloud and copy."""
    return " ".join(reference[i : i + size] for i in range(0, len(reference), size))


@register("prepaid")
class PrepaidScreen(CustomerScreen):
    """Credit days, plans, payment reference."""

    home_tile = HomeTile(
        "prepaid",
        str(QT_TRANSLATE_NOOP("AccountHomeScreen", "Planes prepago")),
        str(QT_TRANSLATE_NOOP("AccountHomeScreen", "Días de servicio y referencia para pagar un plan")),
        80,
        lambda overview: overview.kind is AccountKind.PREPAID,
    )

    def build_pages(self) -> None:
        self.overview: AccountOverview | None = None
        self.plans: list[Plan] = []
        self.plan: Plan | None = None
        self.slip: PaymentSlip | None = None
        page = QWidget(self)
        box = QVBoxLayout(page)
        box.setContentsMargins(0, 0, 0, 0)
        box.setSpacing(16)
        head, hbox = card(page, "credit_card")
        self.credit_caption = label("", "field", head)
        self.credit = label("", "big", head)
        self.credit.setObjectName("credit_days")
        self.credit_detail = label("", "muted", head)
        hbox.addWidget(self.credit_caption)
        hbox.addWidget(self.credit)
        hbox.addWidget(self.credit_detail)
        box.addWidget(head)
        self.credit_card = head
        self.notice = Notice(page, "info", name="prepaid_notice")
        box.addWidget(self.notice)
        self.plans_title = label("", "subtitle", page)
        box.addWidget(self.plans_title)
        self.plan_grid = QGridLayout()
        self.plan_grid.setSpacing(16)
        self.plan_tiles: list[tuple[int, Tile]] = []
        box.addLayout(self.plan_grid)
        box.addStretch(1)
        self.add_page("plans", page)

        page = QWidget(self)
        box = QVBoxLayout(page)
        box.setContentsMargins(0, 0, 0, 0)
        box.setSpacing(16)
        frame, fbox = card(page, "reference_card")
        self.ref_title = label("", "subtitle", frame)
        self.ref_caption = label("", "field", frame)
        self.reference = label("", "big", frame)
        self.reference.setObjectName("payment_reference")
        self.ref_details = KeyValueGrid(frame)
        self.instructions = label("", "", frame)
        fbox.addWidget(self.ref_title)
        fbox.addWidget(self.ref_caption)
        fbox.addWidget(self.reference)
        fbox.addWidget(self.ref_details)
        fbox.addWidget(self.instructions)
        box.addWidget(frame)
        self.print_btn = big_button("", page, self.on_print, min_height=96, name="print_reference")
        self.other_plan = big_button("", page, self.on_other_plan, kind="secondary", min_height=80, name="other_plan")
        self.other_plan.hide()  # the window's "Volver" goes back to the plans (step_back): one way back
        box.addWidget(self.print_btn)
        box.addWidget(self.other_plan)
        box.addStretch(1)
        self.add_page("reference", page)
        self.show_page("plans")

    def relayout_pages(self, portrait: bool) -> None:
        self._layout_plans()

    def _layout_plans(self) -> None:
        cols = 1 if self.portrait else 2
        for i, (_id, tile) in enumerate(self.plan_tiles):
            self.plan_grid.removeWidget(tile)
            self.plan_grid.addWidget(tile, i // cols, i % cols)

    def retranslate(self) -> None:
        self.set_title(self.tr("Planes prepago"))
        self.credit_caption.setText(self.tr("Días de servicio que le quedan"))
        self.plans_title.setText(self.tr("Elija un plan para obtener su referencia de pago"))
        self.ref_caption.setText(self.tr("Referencia de pago"))
        self.print_btn.setText(self.tr("Imprimir referencia de pago"))
        self.other_plan.setText(self.tr("Elegir otro plan"))
        if self.overview is not None:
            self.on_overview(self.overview)
        if self.plans:
            self.on_plans(self.plans)
        if self.slip is not None and self.plan is not None:
            self.on_slip(self.slip)

    def on_enter(self, args: dict[str, Any]) -> None:
        if args.get("returning") and self.plans:
            return
        self.clear()
        session = self.customer()
        if session is None:
            return
        self.run(self.services.account.overview, session, on_done=self.on_overview)

    def on_overview(self, overview: AccountOverview) -> None:
        self.overview = overview
        session = self.customer()
        prepaid = overview.kind is AccountKind.PREPAID
        self.credit_card.setVisible(prepaid)
        self.plans_title.setVisible(prepaid)
        if not prepaid:
            self.notice.show_message(self.tr("Su cuenta no es prepaga: sus servicios se pagan con la factura."), "info")
            return
        days = overview.credit_days or 0
        self.credit.setText(self.tr("1 día") if days == 1 else self.tr("%1 días").replace("%1", str(days)))
        detail = []
        if overview.prepaid_until is not None:
            detail.append(
                self.tr("Servicio activo hasta el %1").replace("%1", self.date(overview.prepaid_until, "long"))
            )
        if overview.plan_name:
            detail.append(self.tr("Plan actual: %1").replace("%1", overview.plan_name))
        self.credit_detail.setText(" · ".join(detail))
        if days <= 3:
            self.notice.show_message(
                self.tr("Le quedan pocos días: recargue pronto para no quedarse sin servicio."), "warning"
            )
        if session is not None and not self.plans:
            self.run(self.services.account.plans, session, on_done=self.on_plans, on_error=self.on_error)

    def on_error(self, exc: BaseException) -> None:
        self.notice.show_message(self.message(exc), "error")

    def on_plans(self, plans: list[Plan]) -> None:
        self.plans = list(plans)
        for _id, tile in self.plan_tiles:
            self.plan_grid.removeWidget(tile)
            discard(tile)
        self.plan_tiles = []
        for plan in self.plans:
            tile = Tile(self, name=f"plan_{plan.id}")
            days = self.tr("%1 días").replace("%1", str(plan.days))
            tile.set_texts(f"{plan.name} · {self.money(plan.price)}", f"{plan.description} · {days}")
            tile.clicked.connect(partial(self.on_plan, plan.id))
            self.plan_tiles.append((plan.id, tile))
        self._layout_plans()

    def plan_buttons(self) -> list[QPushButton]:
        return [tile for _id, tile in self.plan_tiles]

    def on_plan(self, plan_id: int) -> None:
        session = self.customer()
        self.plan = next((p for p in self.plans if p.id == plan_id), None)
        if session is None or self.plan is None:
            return
        self.run(
            self.services.payments.slip_for_plan,
            session,
            plan_id,
            self.language,
            on_done=self.on_slip,
            on_error=self.on_error,
        )

    def on_slip(self, slip: PaymentSlip) -> None:
        self.slip = slip
        plan = self.plan
        self.ref_title.setText(plan.name if plan else "")
        self.reference.setText(group_digits(slip.reference))
        self.ref_details.set_pairs(
            [
                (self.tr("Importe"), self.money(slip.total)),
                (self.tr("Pagar antes del"), self.date(slip.due_date, "long")),
            ]
        )
        self.instructions.setText(slip.instructions or self.branding.payment_instructions(self.language))
        self.show_page("reference")

    def on_print(self) -> None:
        slip, printing, language = self.slip, self.services.printing, self.language
        if slip is None:
            return
        self.go_print(lambda: printing.payment_slip(slip, language), self.tr("Referencia de pago"))

    def on_other_plan(self) -> None:
        self.slip = None
        self.show_page("plans")

    def step_back(self) -> bool:
        """From a plan's payment reference, "Volver" goes back to the plans."""
        if self.page() == "reference":
            self.on_other_plan()
            return True
        return False

    def clear(self) -> None:
        self.overview = None
        self.plans = []
        self.plan = None
        self.slip = None
        for _id, tile in self.plan_tiles:
            self.plan_grid.removeWidget(tile)
            discard(tile)
        self.plan_tiles = []
        for lab in (self.credit, self.credit_detail, self.reference, self.ref_title, self.instructions):
            lab.clear()
        self.ref_details.clear()
        self.notice.clear()
        self.show_page("plans")


def _reference(screen: PrepaidScreen) -> None:
    if screen.plans:
        screen.on_plan(screen.plans[0].id)


def tour_steps() -> list[TourStep]:
    return [
        TourStep("prepaid", "prepaid", login=True),  # the default demo account: postpaid in most profiles
        TourStep("prepaid_plans", "prepaid", login=True, account="prepaid"),
        TourStep("prepaid_reference", "prepaid", login=True, setup=_reference, account="prepaid"),
    ]
