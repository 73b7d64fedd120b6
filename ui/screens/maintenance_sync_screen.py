"""Maintenance: sync now / reconcile now through the window's SyncBridge, and the parked outbox rows.

The background sync (ui/sync_bridge.py) runs the round; this screen only wakes it and shows its progress and
result, and records the request and its outcome in the audit (services.staff.record). Without a bridge (a kiosk
started without sync) the screen says sync is not running here; the tour gives it an idle stand-in
(`stand_in_bridge`) so its states show a running sync. Parked rows (central refused them) show
with central's reason; an operator retries one or all, a technician may discard one with a typed reason.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal
from PySide6.QtWidgets import QBoxLayout, QFrame, QHBoxLayout, QProgressBar, QVBoxLayout, QWidget

from kiosk.services.errors import ServiceError
from kiosk.sync.outbox import ParkedRow
from kiosk.sync.report import SyncReport
from ui.screens.base import TourStep, register
from ui.screens.staff_base import StaffScreen, ago_text
from ui.widgets.banner import Notice
from ui.widgets.fields import TouchField
from ui.widgets.keyboard import Keyboard


@register("maintenance_sync")
class MaintenanceSyncScreen(StaffScreen):
    """Sync actions, progress and result on top; the parked rows below; the discard reason on its own panel."""

    def build(self) -> None:
        self.rows: list[ParkedRow] = []
        self.waiting: str = ""  # "sync" | "reconcile" while a requested round has not finished
        self.report: SyncReport | None = None
        self.discarding: ParkedRow | None = None
        self._bridge: Any = None
        self.stand_in: Any = None  # the tour's idle bridge where the window has none (_StandInBridge)
        self.content.addWidget(self.staff_notice())

        # main panel
        self.main = QWidget(self)
        col = QVBoxLayout(self.main)
        col.setContentsMargins(0, 0, 0, 0)
        col.setSpacing(16)
        self.state = Notice(self, "info", name="sync_state")
        self.progress = QProgressBar(self.main)
        self.progress.setObjectName("sync_progress")
        self.progress.setTextVisible(False)
        self.progress.setMinimumHeight(28)
        self.progress.hide()
        self.progress_text = self.label(role="muted")
        self.progress_text.hide()
        self.result = self.label(role="value")
        self.result.hide()
        self.result.setObjectName("sync_result")
        actions = QHBoxLayout()
        actions.setSpacing(20)
        self.sync_btn = self.button(lambda: self.on_sync(False), big=True)
        self.sync_btn.setObjectName("sync_now")
        self.reconcile_btn = self.button(lambda: self.on_sync(True), kind="secondary", big=True)
        self.reconcile_btn.setObjectName("reconcile_now")
        actions.addWidget(self.sync_btn)
        actions.addWidget(self.reconcile_btn)
        col.addWidget(self.state)
        col.addWidget(self.progress)
        col.addWidget(self.progress_text)
        col.addWidget(self.result)
        col.addLayout(actions)
        head = QHBoxLayout()
        self.parked_title = self.label(role="subtitle")
        self.retry_all_btn = self.button(self.on_retry_all, kind="secondary")
        self.retry_all_btn.setObjectName("parked_retry_all")
        head.addWidget(self.parked_title, 1)
        head.addWidget(self.retry_all_btn)
        col.addLayout(head)
        self.list_col = QVBoxLayout()
        self.list_col.setSpacing(12)
        self.empty = self.label(role="muted")
        self.list_col.addWidget(self.empty)
        self.list_col.addStretch(1)
        col.addWidget(self.scroll_column(self.list_col), 1)
        self.content.addWidget(self.main, 1)

        # discard panel
        self.discard_panel = QWidget(self)
        dcol = QVBoxLayout(self.discard_panel)
        dcol.setContentsMargins(0, 0, 0, 0)
        dcol.setSpacing(16)
        self.discard_what = self.label(role="subtitle")
        self.reason = TouchField(self, max_length=200, name="discard_reason")
        row = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        self.discard_row = row
        row.setSpacing(20)
        self.discard_cancel = self.button(self.on_discard_cancel, kind="secondary")
        self.discard_cancel.setObjectName("discard_cancel")
        self.discard_confirm = self.button(self.on_discard_confirm)
        self.discard_confirm.setObjectName("discard_confirm")
        row.addWidget(self.reason, 1)
        row.addWidget(self.discard_cancel, 0, Qt.AlignmentFlag.AlignBottom)
        row.addWidget(self.discard_confirm, 0, Qt.AlignmentFlag.AlignBottom)
        self.keyboard = Keyboard(self, key_size=56)
        self.keyboard.set_accept_visible(False)
        self.keyboard.attach(self.reason.edit)
        dcol.addWidget(self.discard_what)
        dcol.addLayout(row)
        dcol.addStretch(1)
        dcol.addWidget(self.keyboard)
        self.discard_panel.hide()
        self.content.addWidget(self.discard_panel, 1)
        self.row_widgets: list[QWidget] = []

    def relayout(self, portrait: bool) -> None:
        """Portrait: the reason takes the whole width, its buttons under it."""
        self.set_direction(self.discard_row, portrait)

    def retranslate(self) -> None:
        self.set_title(self.tr("Sincronización"))
        self.sync_btn.setText(self.tr("Sincronizar ahora"))
        self.reconcile_btn.setText(self.tr("Conciliar ahora"))
        self.retry_all_btn.setText(self.tr("Reintentar todas"))
        self.empty.setText(self.tr("No hay filas retenidas: todo lo que este equipo registró llegó a la central."))
        self.reason.set_caption(self.tr("Motivo del descarte (queda en la auditoría)"))
        self.discard_cancel.setText(self.tr("Cancelar"))
        self.discard_confirm.setText(self.tr("Descartar la fila"))
        self._show_state()
        self._show_rows()
        if self.discarding is not None:
            self._show_discard_what()

    # -- lifecycle ----------------------------------------------------------------------------------------
    @property
    def bridge(self) -> Any:
        return getattr(self.ctx.nav, "sync_bridge", None) or self.stand_in

    def on_enter(self, args: dict[str, Any]) -> None:
        if not args.get("returning"):
            self.clear()
        bridge = self.bridge
        if bridge is not None and bridge is not self._bridge:
            bridge.progress.connect(self.on_progress)
            bridge.round_finished.connect(self.on_round)
            bridge.state_changed.connect(lambda _s: self._show_state())
            self._bridge = bridge
        self._show_state()
        self.load()

    def clear(self) -> None:
        super().clear()
        self.waiting = ""
        self.report = None
        self.rows = []
        self.reason.clear()
        self.discarding = None
        self.discard_panel.hide()
        self.main.show()
        self.progress.hide()
        self.progress_text.clear()
        self.progress_text.hide()
        self.result.clear()
        self._show_rows()

    def load(self) -> None:
        self.call(self.services.staff.parked, on_done=self.on_rows)

    def on_rows(self, rows: list[ParkedRow]) -> None:
        self.rows = list(rows)
        self._show_rows()

    # -- sync ---------------------------------------------------------------------------------------------
    def _show_state(self) -> None:
        bridge = self.bridge
        running = bridge is not None and bridge.is_running()
        for btn in (self.sync_btn, self.reconcile_btn):
            btn.setVisible(running)
            btn.setEnabled(running and not self.waiting)
        if not running:
            self.state.show_message(self.tr("La sincronización no está funcionando en este equipo (se inició sin "
                                            "sincronización). Reinicie la aplicación o avise a sistemas."), "warning")
        elif self.waiting:
            self.state.show_message(self.tr("Conciliando con la central…") if self.waiting == "reconcile"
                                    else self.tr("Sincronizando con la central…"), "info")
        else:
            states = {"idle": self.tr("Sincronización en marcha; la central responde."),
                      "syncing": self.tr("Sincronizando en este momento…"),
                      "offline": self.tr("Sin conexión con la central; se reintenta sola."),
                      "error": self.tr("La última sincronización falló; se reintenta sola.")}
            state = str(bridge.state)
            self.state.show_message(states.get(state, self.tr("Sincronización en marcha.")),
                                    "info" if state in ("idle", "syncing") else "warning")

    def on_sync(self, reconcile: bool) -> None:
        bridge = self.bridge
        if bridge is None or self.waiting:
            return
        self.waiting = "reconcile" if reconcile else "sync"
        self.report = None
        self.result.clear()
        self.progress.setRange(0, 0)
        self.progress.show()
        self.progress_text.setText(self.tr("Esperando a que empiece la ronda…"))
        self.progress_text.show()
        self.call(self.services.staff.record, "reconcile_now" if reconcile else "sync_now", "requested")
        bridge.sync_now(reconcile)
        self._show_state()

    def on_progress(self, phase: str, table: str, rows: int, step: int, steps: int) -> None:
        if not self.waiting:
            return
        if steps > 0:
            self.progress.setRange(0, steps)
            self.progress.setValue(min(step, steps))
        phases = {"pull": self.tr("Recibiendo"), "push": self.tr("Enviando"), "reconcile": self.tr("Conciliando"),
                  "heartbeat": self.tr("Avisando a la central"), "done": self.tr("Terminando")}
        what = phases.get(phase, phase)
        # the numerus call stands alone (lupdate does not look inside f-strings)
        count = self.tr("%n filas", None, rows)
        self.progress_text.setText(f"{what} {self.table_word(table)} · {count}" if table else what)
        self.progress_text.show()

    def on_round(self, report: SyncReport) -> None:
        if not self.waiting:
            return
        if self.waiting == "reconcile" and not report.reconciled and report.ok:
            return  # a round that started before the request; the reconciling one follows
        action = "reconcile_now" if self.waiting == "reconcile" else "sync_now"
        self.waiting = ""
        self.report = report
        self.progress.hide()
        self.progress_text.clear()
        self.progress_text.hide()
        self.call(self.services.staff.record, action, "ok" if report.ok else (report.error_code or "failed"))
        self._show_state()
        self._show_result()
        self.load()

    def _show_result(self) -> None:
        r = self.report
        self.result.setVisible(r is not None)
        if r is None:
            self.result.clear()
            return
        if r.ok:
            text = self.tr("Listo: %1 filas recibidas, %2 enviadas.").replace(
                "%1", str(r.total("pulled"))).replace("%2", str(r.total("pushed")))
            if r.reconciled:
                text += " " + self.tr("Conciliación hecha: %1 diferencias corregidas.").replace(
                    "%1", str(r.total("repaired")))
            self.result.setProperty("tone", "")
        else:
            text = self.tr("La sincronización no terminó (%1). Se reintentará sola.").replace(
                "%1", r.error_code or "error")
            self.result.setProperty("tone", "error")
        self.result.style().polish(self.result)
        self.result.setText(text)

    # -- parked rows --------------------------------------------------------------------------------------
    def table_word(self, table: str) -> str:
        """What a synced table holds, in words for staff ("claims" -> "reclamo"); an unknown one as named."""
        words = {"claims": self.tr("reclamo"),
                 "meter_readings": self.tr("lectura de medidor"),
                 "service_requests": self.tr("solicitud de servicio"),
                 "contact_change_requests": self.tr("cambio de datos de contacto"),
                 "pin_requests": self.tr("solicitud de PIN"),
                 "print_log": self.tr("registro de impresión"),
                 "audit_events": self.tr("evento de auditoría")}
        return words.get(table, table)

    def _show_rows(self) -> None:
        for w in self.row_widgets:
            self.list_col.removeWidget(w)
            w.hide()  # deleted later; hidden now (no event loop may run before the next paint)
            w.deleteLater()
        self.row_widgets = []
        self.parked_title.setText(self.tr("Filas retenidas por la central: %1").replace("%1", str(len(self.rows))))
        self.empty.setVisible(not self.rows)
        self.retry_all_btn.setVisible(len(self.rows) > 1)
        for i, row in enumerate(self.rows):
            w = self._row_widget(row)
            self.list_col.insertWidget(i, w)
            self.row_widgets.append(w)
        self._show_result()

    def _row_widget(self, row: ParkedRow) -> QWidget:
        box = QFrame(self)
        box.setProperty("role", "notice")
        box.setProperty("level", "info")
        box.setObjectName(f"parked_{row.seq}")
        line = QHBoxLayout(box)
        line.setContentsMargins(20, 12, 20, 12)
        line.setSpacing(16)
        texts = QVBoxLayout()
        head = self.label(role="subtitle")
        head.setText(self.tr("N.º %1 · %2 · %3 intentos · %4").replace("%1", str(row.seq))
                     .replace("%2", self.table_word(row.table_name)).replace("%3", str(row.attempts))
                     .replace("%4", ago_text(row.created_at)))
        why = self.label()
        why.setText(self.tr("Motivo de la central: %1").replace("%1", row.reason or "—"))
        texts.addWidget(head)
        texts.addWidget(why)
        line.addLayout(texts, 1)
        retry = self.button(lambda: self.on_retry(row.seq), self.tr("Reintentar"), kind="secondary")
        retry.setObjectName(f"parked_retry_{row.seq}")
        line.addWidget(retry, 0, Qt.AlignmentFlag.AlignVCenter)
        if self.is_technician:
            drop = self.button(lambda: self.on_discard(row), self.tr("Descartar"), kind="secondary")
            drop.setObjectName(f"parked_discard_{row.seq}")
            line.addWidget(drop, 0, Qt.AlignmentFlag.AlignVCenter)
        for w in (retry,):
            w.setMinimumWidth(180)
        return box

    def on_retry(self, seq: int) -> None:
        self.call(self.services.staff.retry_parked, seq, on_done=self.on_retried, key="retry")

    def on_retry_all(self) -> None:
        self.call(self.services.staff.retry_parked, None, on_done=self.on_retried, key="retry")

    def on_retried(self, n: int) -> None:
        self.show_ok(self.tr("%n filas vuelven a la cola de envío; salen en la próxima sincronización.", None, n))
        self.load()

    # -- discard (technician) -----------------------------------------------------------------------------
    def on_discard(self, row: ParkedRow) -> None:
        self.discarding = row
        self.reason.clear()
        self.keyboard.attach(self.reason.edit)
        self._show_discard_what()
        self.main.hide()
        self.discard_panel.show()

    def _show_discard_what(self) -> None:
        row = self.discarding
        if row is None:
            return
        self.discard_what.setText(self.tr("Descartar la fila N.º %1 (%2): no se enviará nunca y sus datos se "
                                          "borran de este equipo.").replace("%1", str(row.seq))
                                  .replace("%2", self.table_word(row.table_name)))

    def step_back(self) -> bool:
        if self.discarding is not None:
            self.on_discard_cancel()
            return True
        return False

    def on_discard_cancel(self) -> None:
        self.discarding = None
        self.reason.clear()
        self.discard_panel.hide()
        self.main.show()

    def on_discard_confirm(self) -> None:
        row = self.discarding
        reason = self.reason.text().strip()
        if row is None:
            return
        if not reason:
            self.notice.show_message(self.tr("Escriba el motivo del descarte."), "warning")
            return
        self.call(self.services.staff.discard_parked, row.seq, reason, on_done=lambda _r: self.on_discarded(row),
                  on_error=self.on_discard_failed, key="discard")

    def on_discarded(self, row: ParkedRow) -> None:
        self.on_discard_cancel()
        self.show_ok(self.tr("Fila N.º %1 descartada.").replace("%1", str(row.seq)))
        self.load()

    def on_discard_failed(self, exc: BaseException) -> None:
        if isinstance(exc, ServiceError) and exc.code == "parked_row_not_found":
            self.on_discard_cancel()
            self.load()
        self.show_error(exc)


class _StandInBridge(QObject):
    """An idle, running sync for the tour's states (the tour starts no background sync); asking it for a round
    does nothing."""

    progress = Signal(str, str, int, int, int)
    round_finished = Signal(object)
    state_changed = Signal(str)
    state = "idle"

    def is_running(self) -> bool:
        return True

    def sync_now(self, reconcile: bool = False) -> None:
        del reconcile


def stand_in_bridge(screen: MaintenanceSyncScreen) -> None:
    """The tour's sync states as on a kiosk whose sync runs: an idle stand-in bridge where the window has none."""
    if screen.bridge is None:
        screen.stand_in = _StandInBridge(screen)
    screen._show_state()


def _running(then: Any = None) -> Any:
    def setup(screen: MaintenanceSyncScreen) -> None:
        stand_in_bridge(screen)
        if then is not None:
            then(screen)
    return setup


def _in_progress(screen: MaintenanceSyncScreen) -> None:
    screen.waiting = "sync"
    for btn in (screen.sync_btn, screen.reconcile_btn):
        btn.show()
        btn.setEnabled(False)
    screen.state.show_message(QCoreApplication.translate("MaintenanceSyncScreen", "Sincronizando con la central…"),
                              "info")
    screen.progress.setRange(0, 12)
    screen.progress.setValue(5)
    screen.progress.show()
    screen.on_progress("pull", "invoices", 1840, 5, 12)


def _result(screen: MaintenanceSyncScreen) -> None:
    from datetime import UTC, datetime

    from kiosk.sync.report import TableCounts

    report = SyncReport(ok=True, started_at=datetime.now(UTC), duration_s=4.2,
                        tables={"invoices": TableCounts(pulled=1840), "claims": TableCounts(pushed=3)})
    for btn in (screen.sync_btn, screen.reconcile_btn):
        btn.show()
        btn.setEnabled(True)
    screen.state.show_message(
        QCoreApplication.translate("MaintenanceSyncScreen", "Sincronización en marcha; la central responde."), "info")
    screen.report = report
    screen._show_result()


def _discard(screen: MaintenanceSyncScreen) -> None:
    if screen.rows:
        screen.on_discard(screen.rows[0])
        screen.reason.setText("Dato duplicado, cargado en el mostrador")


def tour_steps() -> list[TourStep]:
    # world=True: parked rows exist only in the in-memory world (the demo's central refuses nothing)
    return [
        TourStep("maintenance_sync_parked", "maintenance_sync", staff="operator", setup=_running(), world=True),
        TourStep("maintenance_sync_in_progress", "maintenance_sync", staff="operator", setup=_running(_in_progress),
                 world=True),
        TourStep("maintenance_sync_result", "maintenance_sync", staff="operator", setup=_running(_result),
                 world=True),
        TourStep("maintenance_sync_technician", "maintenance_sync", staff="technician", setup=_running(),
                 world=True),
        TourStep("maintenance_sync_english", "maintenance_sync", staff="technician", setup=_running(), world=True,
                 window_setup=lambda w: w.set_language("en")),
        TourStep("maintenance_sync_discard_reason", "maintenance_sync", staff="technician",
                 setup=_running(_discard), world=True),
    ]
