"""Printing: progress, "take your paper", or what to do when the printer is out of paper or offline.

The document is never lost: the print job is kept (PrintResult.job_id) and "Imprimir otra vez" reprints it; a
failed job also waits in the replica under a short number (PrinterError params["job_number"], "K-4821") that the
customer quotes at the counter, where staff reprint it from maintenance mode.
Leaving is the window's "Volver" / "Inicio": no "Listo" of its own beside them.
args: job (a callable returning PrintResult, run off the GUI thread), what (what is being printed: a string, or
a callable returning the translated string, so that a language switch on this screen retitles it).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QProgressBar

from kiosk.domain import PrinterState
from kiosk.services.api import PrintResult
from kiosk.services.errors import ServiceError
from ui.icons import pixmap
from ui.screens.base import Screen, TourStep, register
from ui.widgets.banner import Notice


@register("printing")
class PrintingScreen(Screen):
    """States: printing, done, problem (out of paper / offline / error)."""

    def build(self) -> None:
        self.job: Callable[[], PrintResult] | None = None
        self.what: str | Callable[[], str] = ""
        self.result: PrintResult | None = None
        self.state = "idle"
        self.problem: BaseException | PrinterState | None = None
        self.picture = QLabel(self)
        self.picture.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.content.addStretch(1)
        self.content.addWidget(self.picture)
        self.status = self.label(role="title")
        self.status.setObjectName("print_status")
        self.status.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.content.addWidget(self.status)
        self.notice = Notice(self, "error", name="print_notice")  # what went wrong, then what to do instead
        self.content.addWidget(self.notice)
        self.detail = self.label(role="subtitle")
        self.detail.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.content.addWidget(self.detail)
        self.progress = QProgressBar(self)
        self.progress.setRange(0, 0)
        self.progress.setTextVisible(False)
        self.progress.setMaximumWidth(800)
        self.content.addWidget(self.progress, 0, Qt.AlignmentFlag.AlignHCenter)
        self.content.addStretch(2)
        row = QHBoxLayout()
        row.setSpacing(24)
        self.again_btn = self.button(self.on_again, kind="secondary", big=True)
        self.again_btn.setObjectName("print_again")
        self.done_btn = self.button(self.on_done_tapped, big=True)
        self.done_btn.setObjectName("print_done")
        for b in (self.again_btn, self.done_btn):
            b.setMinimumHeight(100)
            row.addWidget(b)
        self.content.addLayout(row)
        self.ctx.accessibility_changed.connect(self._render)

    def _title(self) -> str:
        what = self.what() if callable(self.what) else self.what
        return what or self.tr("Impresión")

    def retranslate(self) -> None:
        self.set_title(self._title())
        self.again_btn.setText(self.tr("Imprimir otra vez"))
        self.done_btn.setText(self.tr("Listo"))
        self._render()

    def on_enter(self, args: dict[str, Any]) -> None:
        if args.get("returning"):
            return
        job = args.get("job")
        what = args.get("what") or ""
        self.what = what if callable(what) else str(what)
        self.result = None
        self.problem = None
        self.set_title(self._title())
        if callable(job):
            self.job = job
            self._start(job)

    def clear(self) -> None:
        self.job = None
        self.result = None
        self.problem = None
        self.what = ""
        self.state = "idle"
        self.notice.clear()
        self.status.clear()
        self.detail.clear()

    def _start(self, job: Callable[[], PrintResult]) -> None:
        self.state = "printing"
        self._render()
        self.run(job, on_done=self.on_printed, on_error=self.on_print_error)

    def on_printed(self, result: PrintResult) -> None:
        self.result = result
        if result.state.can_print:
            self.state = "done"
        else:
            self.state = "problem"
            self.problem = result.state
        self._render()

    def on_print_error(self, exc: BaseException) -> None:
        if not isinstance(exc, ServiceError):
            self.fail(exc)
            return
        job_id = exc.params.get("job_id")
        if job_id:
            state = exc.params.get("state")
            number = exc.params.get("job_number")
            self.result = PrintResult(str(job_id), PrinterState(state) if state else PrinterState.ERROR, 0,
                                      job_number=str(number) if number else None)
        self.state = "problem"
        self.problem = exc
        self._render()

    def on_again(self) -> None:
        if self.result is not None and self.result.job_id:
            printing, job_id = self.services.printing, self.result.job_id
            self._start(lambda: printing.reprint(job_id))
        elif self.job is not None:
            self._start(self.job)

    def on_done_tapped(self) -> None:
        self.home() if self.session is None else self.back()

    def _render(self) -> None:
        state = self.state
        self.progress.setVisible(state == "printing")
        self.again_btn.setVisible(state in ("done", "problem"))
        self.done_btn.setVisible(False)  # "Volver" and "Inicio" in the footer already do what "Listo" did
        if state == "printing":
            self.picture.setPixmap(pixmap("printer", (160, 160), self.color("primary")))
            self.status.setText(self.tr("Imprimiendo…"))
            self.detail.setText(self.tr("Espere un momento, por favor."))
            self.notice.clear()
        elif state == "done":
            self.picture.setPixmap(pixmap("check", (160, 160), self.color("ok_text", "#155724")))
            self.status.setText(self.tr("Retire su comprobante"))
            self.detail.setText(self.tr("Está saliendo por la ranura de la impresora, debajo de la pantalla."))
            self.notice.clear()
        elif state == "problem":
            self.picture.setPixmap(pixmap("warning", (160, 160), self.color("error_text", "#8A1C12")))
            self.status.setText(self.tr("No pudimos imprimir"))
            number = self.result.job_number if self.result is not None else None
            self.detail.setText(
                self.tr("Número de trabajo %1. Mientras tanto, en el mostrador de atención pueden darle el mismo "
                        "comprobante; mencione este número.").replace("%1", number) if number else
                self.tr("Mientras tanto, en el mostrador de atención pueden darle el mismo comprobante."))
            self.notice.show_message(self._problem_text(), "error")
        else:
            self.picture.clear()
            self.status.clear()
            self.detail.clear()
            self.notice.clear()

    def _problem_text(self) -> str:
        problem = self.problem
        if isinstance(problem, BaseException):
            return self.message(problem)
        code = {
            PrinterState.OUT_OF_PAPER: "printer_out_of_paper",
            PrinterState.OFFLINE: "printer_offline",
        }.get(problem or PrinterState.ERROR, "printer_error")
        return self.message(ServiceError(code))


def _state(state: str, problem: PrinterState | None = None) -> Any:
    def setup(screen: PrintingScreen) -> None:
        screen.what = lambda: QCoreApplication.translate("InvoiceFoundScreen", "Duplicado de factura")
        screen.set_title(screen._title())
        screen.state = state
        screen.problem = problem
        screen.result = PrintResult("3f9c2a71d0b84e55", problem or PrinterState.READY, 0 if problem else 1,
                                    job_number="K-4821" if problem else None)
        screen._render()

    return setup


def tour_steps() -> list[TourStep]:
    return [
        TourStep("printing_progress", "printing", setup=_state("printing")),
        TourStep("printing_done", "printing", setup=_state("done")),
        TourStep("printing_out_of_paper", "printing", setup=_state("problem", PrinterState.OUT_OF_PAPER)),
        TourStep("printing_offline", "printing", setup=_state("problem", PrinterState.OFFLINE)),
    ]
