"""What every logged-in customer screen shares: the session guard, pages, and receipts printed in place.

Not a screen module itself (no `_screen` suffix): the screens in account_home_screen.py, invoices_screen.py,
reading_screen.py, ... subclass CustomerScreen.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, ClassVar

from PySide6.QtWidgets import QStackedWidget, QWidget

from kiosk.domain import AccountOverview, InvoiceStatus, Service, Supply, labels
from kiosk.services.api import CustomerSession, PrintResult
from kiosk.services.errors import PrinterError, ServiceError
from ui.screens.base import Screen
from ui.widgets.done_panel import DonePanel
from ui.widgets.wizard import Wizard


@dataclass(frozen=True)
class HomeTile:
    """A logged-in screen's tile on the account home, declared by the screen class (`home_tile`).

    The account home builds its grid from every registered screen that declares one, so a new screen with a
    tile needs no edit there. `title` and `sub` are Spanish sources marked QT_TRANSLATE_NOOP("AccountHomeScreen",
    ...): lupdate files them under the home, which translates them. `icon` is a resources/icons name; `order`
    places the tile (the order customers look for tasks); `shown(overview)` says whether the account gets the
    tile (None: every account).
    """

    icon: str
    title: str
    sub: str
    order: int
    shown: Callable[[AccountOverview], bool] | None = None


def has_meter(overview: AccountOverview) -> bool:
    """The account has a metered supply (readings and consumption apply)."""
    return any(s.service.metered for s in overview.supplies)


class CustomerScreen(Screen):
    """Base of the logged-in screens: pages in a stack, session access, in-place receipt printing."""

    requires_login = True
    home_tile: ClassVar[HomeTile | None] = None  # its tile on the account home, if it has one

    def build(self) -> None:
        self.stack = QStackedWidget(self)
        self.content.addWidget(self.stack, 1)
        self._pages: dict[str, QWidget] = {}
        self._reprint_job: str | None = None
        self._print_what = ""
        self.build_pages()

    def build_pages(self) -> None:
        """Create the pages (subclasses)."""

    def relayout(self, portrait: bool) -> None:
        """Rearrange the pages, then drop the layouts' cached sizes: a hidden page that changed shape (the
        form's keyboard moving under the question) would otherwise keep the window at its old width."""
        self.relayout_pages(portrait)
        for page in self._pages.values():
            for child in page.findChildren(QWidget):
                child.updateGeometry()
            page.updateGeometry()
            layout = page.layout()
            if layout is not None:
                layout.invalidate()
        self.stack.updateGeometry()
        self.outer.invalidate()

    def relayout_pages(self, portrait: bool) -> None:
        """Rearrange the pages for a portrait or landscape kiosk (subclasses)."""

    def add_page(self, key: str, page: QWidget) -> QWidget:
        page.setObjectName(f"page_{key}")
        self._pages[key] = page
        self.stack.addWidget(page)
        return page

    def show_page(self, key: str) -> None:
        self.stack.setCurrentWidget(self._pages[key])

    def page(self) -> str:
        current = self.stack.currentWidget()
        for key, page in self._pages.items():
            if page is current:
                return key
        return ""

    def customer(self) -> CustomerSession | None:
        """The session; None means it was wiped, and the screen must not call any service."""
        return self.session

    # -- words ----------------------------------------------------------------------------------------------

    def service_name(self, service: Service) -> str:
        """The service's name from the one catalogue the printed documents read too (kiosk.domain.labels)."""
        return labels.service(service, self.language)

    def supply_text(self, supply: Supply) -> str:
        """ "Energía eléctrica — Av. San Martín 1234 (medidor E-448812)": how a customer recognises a supply."""
        text = f"{self.service_name(supply.service)} — {supply.address}"
        if supply.meter_number:
            text += "\n" + self.tr("Medidor %1").replace("%1", supply.meter_number)
        elif supply.plan_name:
            text += "\n" + supply.plan_name
        return text

    def status_word(self, status: InvoiceStatus) -> str:
        """The status from the one catalogue the walk-in screen and the printed duplicate read too."""
        return labels.invoice_status(status, self.language)

    def case_kind_word(self, kind: str) -> str:
        return labels.case_kind(kind, self.language)

    def case_status_word(self, status: str) -> str:
        return labels.case_state(status, self.language)

    def contact_times(self) -> tuple[tuple[str, str], ...]:
        """The preferred-time choices the claim and call-back forms offer (codes known to the services)."""
        return tuple((code, label.text(self.language)) for code, label in labels.CONTACT_TIMES.items())

    def field_error(self, exc: BaseException) -> tuple[str, str] | None:
        """(field, sentence) when the service refused one answer of a form, else None."""
        if isinstance(exc, ServiceError) and exc.code == "invalid_field":
            field = str(exc.params.get("field", ""))
            reason = str(exc.params.get("reason", ""))
            text = {
                "required": self.tr("Complete este dato para seguir."),
                "too_long": self.tr("El texto es demasiado largo; acórtelo un poco."),
                "invalid": self.tr("Este dato no parece correcto; revíselo."),
                "choice": self.tr("Elija una de las opciones."),
            }.get(reason, self.message(exc))
            return field, text
        return None

    # -- receipts -------------------------------------------------------------------------------------------

    def print_receipt(self, panel: DonePanel, job: Callable[[], PrintResult], what: str) -> None:
        """Print a receipt in the background, keeping the number on screen whatever the printer does."""
        self._print_what = what
        panel.set_printing(self.tr("Imprimiendo su comprobante…"))
        self.run(
            job,
            on_done=lambda r: self.on_receipt_printed(panel, r),
            on_error=lambda e: self.on_receipt_failed(panel, e),
        )

    def on_receipt_printed(self, panel: DonePanel, result: PrintResult) -> None:
        self._reprint_job = None
        panel.set_printed(self.tr("Retire su comprobante de la impresora."))

    def on_receipt_failed(self, panel: DonePanel, exc: BaseException) -> None:
        job = exc.params.get("job_id") if isinstance(exc, PrinterError) else None
        self._reprint_job = str(job) if job else None
        text = self.message(exc) + " " + self.tr("Anote el número: su trámite ya quedó registrado.")
        panel.set_print_failed(text, self.tr("Imprimir de nuevo"))

    def reprint(self, panel: DonePanel, again: Callable[[], PrintResult]) -> None:
        """Print again: the same job when the printer kept it, otherwise a new one."""
        job_id = self._reprint_job
        if job_id:
            self.print_receipt(panel, lambda: self.services.printing.reprint(job_id), self._print_what)
        else:
            self.print_receipt(panel, again, self._print_what)

    def wizard_texts(self, wizard: Wizard) -> None:
        wizard.set_texts(
            self.tr("Anterior"),
            self.tr("Siguiente"),
            self.tr("Complete este dato para seguir."),
            self.tr("Escriba al menos {n} caracteres."),
            self.tr("{n} de {max} caracteres"),
        )

    def forget_receipt(self) -> None:
        self._reprint_job = None
        self._print_what = ""

    def go_print(self, job: Callable[[], Any], what: str) -> None:
        """Hand a document to the printing screen (progress, paper out, print again)."""
        self.go("printing", job=job, what=what)
