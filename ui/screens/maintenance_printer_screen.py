"""Maintenance: the printer (state, roll counter), a test page, "paper roll replaced", and the kept jobs.

A print that failed (out of paper, offline) is kept with a short number the customer was shown ("K-4821"); staff
find it by that number on the keypad (the digits; "K-" is written for them) and reprint it once the printer is
fixed. Everything goes through services.maintenance, which audits it.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QBoxLayout, QFrame, QHBoxLayout, QVBoxLayout, QWidget

from kiosk.domain.maintenance import KeptJob, PrinterStatus
from ui.screens.base import TourStep, register
from ui.screens.maintenance_status_screen import printer_state_text
from ui.screens.staff_base import StaffScreen, ago_text, local_time
from ui.widgets.fields import TouchField
from ui.widgets.keypad import Keypad

NUMBER_PREFIX = "K-"


@register("maintenance_printer")
class MaintenancePrinterScreen(StaffScreen):
    """Printer state and actions, the kept jobs, and the keypad to find one by number."""

    def build(self) -> None:
        self.printer: PrinterStatus | None = None
        self.jobs: list[KeptJob] = []
        self.found: KeptJob | None = None
        self.content.addWidget(self.staff_notice())
        self.body = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        self.body.setSpacing(40)
        left = QVBoxLayout()
        left.setSpacing(14)
        self.state = self.label(role="big")
        self.state.setObjectName("printer_state")
        self.details = self.label(role="muted")
        actions = QHBoxLayout()
        actions.setSpacing(16)
        self.test_btn = self.button(self.on_test_page, kind="secondary", big=True)
        self.test_btn.setObjectName("printer_test_page")
        self.paper_btn = self.button(self.on_paper_replaced, kind="secondary", big=True)
        self.paper_btn.setObjectName("printer_paper_replaced")
        actions.addWidget(self.test_btn)
        actions.addWidget(self.paper_btn)
        self.jobs_title = self.label(role="subtitle")
        self.jobs_col = QVBoxLayout()
        self.jobs_col.setSpacing(10)
        self.no_jobs = self.label(role="muted")
        self.jobs_col.addWidget(self.no_jobs)
        self.jobs_col.addStretch(1)
        self.found_text = self.label(role="value")
        self.found_text.setObjectName("kept_found")
        self.found_reprint = self.button(self.on_reprint_found, big=True)
        self.found_reprint.setObjectName("kept_found_reprint")
        self.found_reprint.hide()
        left.addWidget(self.found_text)
        left.addWidget(self.found_reprint)
        left.addWidget(self.state)
        left.addWidget(self.details)
        left.addLayout(actions)
        left.addWidget(self.jobs_title)
        left.addLayout(self.jobs_col, 1)
        self.left_area = self.scroll_column(left)
        right = QVBoxLayout()
        right.setSpacing(14)
        self.number = TouchField(self, max_length=6, name="kept_number")
        self.keypad = Keypad(self)
        self.keypad.fit(False)
        self.keypad.attach(self.number.edit)
        self.keypad.submitted.connect(self.on_find)
        self.keypad.edited.connect(self.on_edited)
        self.number.activated.connect(lambda: self.keypad.attach(self.number.edit))
        right.addWidget(self.number)
        right.addWidget(self.keypad, 1)
        self.right = QWidget(self)
        self.right.setLayout(right)
        right.setContentsMargins(0, 0, 0, 0)
        self.body.addWidget(self.left_area, 3)
        self.body.addWidget(self.right, 2)
        self.content.addLayout(self.body, 1)
        self.job_widgets: list[QWidget] = []

    def relayout(self, portrait: bool) -> None:
        self.set_direction(self.body, portrait)
        self.keypad.fit(portrait)
        self.body.setStretch(0, 1 if portrait else 3)
        self.body.setStretch(1, 0 if portrait else 2)
        self.right.setFixedWidth(680 if portrait else 640)
        self.body.setAlignment(self.right, Qt.AlignmentFlag.AlignHCenter if portrait else Qt.AlignmentFlag(0))

    def retranslate(self) -> None:
        self.set_title(self.tr("Impresora"))
        self.test_btn.setText(self.tr("Imprimir página de prueba"))
        self.paper_btn.setText(self.tr("Cambié el rollo de papel"))
        self.number.set_caption(self.tr("Buscar un trabajo guardado: número %1…").replace("%1", NUMBER_PREFIX))
        self.keypad.set_ok_text(self.tr("Buscar"))
        self.found_reprint.setText(self.tr("Reimprimir"))
        self.no_jobs.setText(self.tr("No hay trabajos guardados."))
        self._show_printer()
        self._show_jobs()
        self._show_found()

    # -- lifecycle ----------------------------------------------------------------------------------------
    def on_enter(self, args: dict[str, Any]) -> None:
        if not args.get("returning"):
            self.clear()
        self.load()

    def load(self) -> None:
        self.call(self.services.maintenance.printer, on_done=self.on_printer)
        self.call(self.services.maintenance.kept_jobs, on_done=self.on_jobs)

    def clear(self) -> None:
        super().clear()
        self.printer = None
        self.jobs = []
        self.found = None
        self.number.clear()
        self.keypad.attach(self.number.edit)
        self._show_printer()
        self._show_jobs()
        self._show_found()

    def on_printer(self, status: PrinterStatus) -> None:
        self.printer = status
        self._show_printer()

    def on_jobs(self, jobs: list[KeptJob]) -> None:
        self.jobs = list(jobs)
        self._show_jobs()

    def _show_printer(self) -> None:
        p = self.printer
        if p is None:
            self.state.setText("…")
            self.details.clear()
            return
        state = printer_state_text(str(p.state))
        if p.paper_low and str(p.state) == "ready":
            state += " · " + printer_state_text("paper_low")
        self.state.setText(state)
        self.state.setProperty("tone", "" if str(p.state) == "ready" and not p.paper_low else "error")
        self.state.style().polish(self.state)
        left = max(0.0, p.roll_length_m - p.roll_used_m)
        paper = {"roll": self.tr("rollo"), "a4": self.tr("hoja A4")}.get(p.paper, p.paper)
        self.details.setText(self.tr("Impresora %1, papel: %2. Rollo: quedan unos %3 m de %4 m.")
                             .replace("%1", p.backend).replace("%2", paper)
                             .replace("%3", f"{left:.0f}").replace("%4", f"{p.roll_length_m:.0f}"))

    def _show_jobs(self) -> None:
        for w in self.job_widgets:
            self.jobs_col.removeWidget(w)
            w.hide()  # deleted later; hidden now (no event loop may run before the next paint)
            w.deleteLater()
        self.job_widgets = []
        self.jobs_title.setText(self.tr("Trabajos guardados para reimprimir: %1").replace("%1", str(len(self.jobs))))
        self.no_jobs.setVisible(not self.jobs)
        for i, job in enumerate(self.jobs):
            w = self._job_widget(job)
            self.jobs_col.insertWidget(i, w)
            self.job_widgets.append(w)

    def kind_text(self, kind: str) -> str:
        """The document's name staff read ("Cupón de pago"), not the job's code ("payment-slip")."""
        names = {"payment-slip": self.tr("Cupón de pago"), "duplicate": self.tr("Duplicado de factura"),
                 "statement": self.tr("Estado de cuenta"), "test-page": self.tr("Página de prueba"),
                 "claim-receipt": self.tr("Comprobante de reclamo"),
                 "reading-receipt": self.tr("Comprobante de lectura"),
                 "request-receipt": self.tr("Comprobante de trámite")}
        return names.get(kind.replace("_", "-"), kind)

    def reason_text(self, reason: str) -> str:
        """Why the job was kept, in words: the printer's state, or a print cut short."""
        names = {"printing": self.tr("imprimiéndose"), "interrupted": self.tr("impresión interrumpida")}
        return names.get(reason) or printer_state_text(reason).lower()

    def _job_text(self, job: KeptJob) -> str:
        text = self.tr("%1 · %2 · %n páginas", None, job.pages).replace("%1", job.number) \
            .replace("%2", self.kind_text(job.kind))
        text += "\n" + self.tr("Guardado %1 (%2); vence %3").replace("%1", ago_text(job.created_at)) \
            .replace("%2", self.reason_text(job.reason)).replace("%3", local_time(job.expires_at))
        if job.reprinted:
            text += " · " + self.tr("ya reimpreso")
        return text

    def _job_widget(self, job: KeptJob) -> QWidget:
        box = QFrame(self)
        box.setProperty("role", "notice")
        box.setProperty("level", "info")
        box.setObjectName(f"kept_{job.number}")
        line = QHBoxLayout(box)
        line.setContentsMargins(20, 10, 20, 10)
        text = self.label(self._job_text(job))
        line.addWidget(text, 1)
        btn = self.button(lambda: self.on_reprint(job.number), self.tr("Reimprimir"), kind="secondary")
        btn.setObjectName(f"kept_reprint_{job.number}")
        btn.setMinimumWidth(200)
        line.addWidget(btn, 0, Qt.AlignmentFlag.AlignVCenter)
        return box

    # -- actions ------------------------------------------------------------------------------------------
    def on_test_page(self) -> None:
        self.call(self.services.maintenance.test_page, on_done=lambda _r: self._done(self.tr("Página de prueba "
                  "enviada a la impresora.")), key="test_page")

    def on_paper_replaced(self) -> None:
        self.call(self.services.maintenance.paper_replaced, on_done=self.on_paper_done, key="paper")

    def on_paper_done(self, status: PrinterStatus) -> None:
        self.on_printer(status)
        self.show_ok(self.tr("Contador del rollo en cero: avisará cuando quede poco papel."))

    def _done(self, text: str) -> None:
        self.show_ok(text)
        self.load()

    def on_edited(self) -> None:
        self.found = None
        self._show_found()

    def typed_number(self) -> str:
        digits = "".join(ch for ch in self.number.text() if ch.isdigit())
        return f"{NUMBER_PREFIX}{digits}" if digits else ""

    def on_find(self) -> None:
        number = self.typed_number()
        if number:
            self.call(self.services.maintenance.find_kept, number, on_done=self.on_found, key="find")

    def on_found(self, job: KeptJob) -> None:
        self.found = job
        self.notice.clear()
        self._show_found()

    def _show_found(self) -> None:
        job = self.found
        self.found_text.setVisible(job is not None)
        self.found_reprint.setVisible(job is not None)
        self.found_text.setText(self._job_text(job) if job is not None else "")

    def on_reprint_found(self) -> None:
        if self.found is not None:
            self.on_reprint(self.found.number)

    def on_reprint(self, number: str) -> None:
        self.call(self.services.maintenance.reprint_kept, number,
                  on_done=lambda _r: self._done(self.tr("Trabajo %1 reimpreso.").replace("%1", number)),
                  key="reprint")


def _paper_low(screen: MaintenancePrinterScreen) -> None:
    from dataclasses import replace

    if screen.printer is not None:
        screen.on_printer(replace(screen.printer, roll_used_m=screen.printer.roll_length_m - 3, paper_low=True))


def _found(screen: MaintenancePrinterScreen) -> None:
    if screen.jobs:
        screen.number.setText(screen.jobs[0].number.removeprefix(NUMBER_PREFIX))
        screen.on_found(screen.jobs[0])


def tour_steps() -> list[TourStep]:
    return [
        TourStep("maintenance_printer", "maintenance_printer", staff="operator"),
        TourStep("maintenance_printer_paper_low", "maintenance_printer", staff="operator", setup=_paper_low),
        TourStep("maintenance_printer_found", "maintenance_printer", staff="operator", setup=_found,
                 world=True),  # the demo data keeps no failed print: the in-memory world does
    ]
