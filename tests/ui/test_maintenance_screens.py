"""Each maintenance screen drives its service calls (fakes of kiosk.testing over the fake world)."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from PySide6.QtWidgets import QFrame, QLabel
from test_maintenance_entry import settle, staff_login
from ui_taps import button_named, tap, type_on_keypad

from kiosk.domain.maintenance import AuditEntry
from kiosk.sync.report import SyncReport, TableCounts


def operator(qtbot: Any, window: Any) -> None:
    staff_login(qtbot, window, "1", "4826")
    assert window.current_name() == "maintenance_home"


def technician(qtbot: Any, window: Any) -> None:
    staff_login(qtbot, window, "2", "7391")
    assert window.current_name() == "maintenance_home"


def open_tile(qtbot: Any, window: Any, name: str) -> Any:
    tap(qtbot, window.current().tiles[name])
    settle(window)
    assert window.current_name() == name
    return window.current()


def actions(world: Any) -> list[tuple[str, str]]:
    return [(a.action, a.outcome) for a in world.audit]


def test_status_shows_every_field_readably(qtbot: Any, kiosk_window: Any, kiosk_world: Any) -> None:
    operator(qtbot, kiosk_window)
    status = open_tile(qtbot, kiosk_window, "maintenance_status")
    values = {k: v.text() for k, v in status.values.items()}
    assert all(v and v != "…" for v in values.values()), values
    assert values["parked"] == f"{len(kiosk_world.parked)} filas"
    assert values["disk"].endswith(" GB")
    assert values["last_pull"].startswith("hace ")
    assert values["service"] == "En servicio"
    assert status.values["parked"].property("tone") == "error"  # needs attention


def test_sync_without_a_bridge_says_so(qtbot: Any, kiosk_window: Any) -> None:
    operator(qtbot, kiosk_window)
    sync = open_tile(qtbot, kiosk_window, "maintenance_sync")
    assert "no está funcionando" in sync.state.text.text()
    assert not sync.sync_btn.isVisible()


class _Engine:
    """The sync engine's surface the SyncBridge drives: one quick, successful round per wake-up."""

    def __init__(self) -> None:
        self.rounds: list[bool] = []

    def run_once(self, reconcile: bool = False, send_heartbeat: bool = False) -> SyncReport:
        self.rounds.append(reconcile)
        return SyncReport(ok=True, started_at=datetime.now(UTC), duration_s=0.01, reconciled=reconcile,
                          tables={"invoices": TableCounts(pulled=12, repaired=1 if reconcile else 0)},
                          data_age_s=5)

    def next_delay(self, interval: float) -> float:
        return interval

    def close(self) -> None:
        pass


def test_sync_now_and_reconcile_now_through_the_bridge(qtbot: Any, kiosk_window: Any, kiosk_world: Any) -> None:
    from ui.sync_bridge import SyncBridge

    engine = _Engine()
    bridge = SyncBridge(lambda **_kw: engine, interval=3600, heartbeat_interval=3600, parent=kiosk_window)
    kiosk_window.attach_sync(bridge)
    bridge.start()
    try:
        qtbot.waitUntil(lambda: len(engine.rounds) == 1, timeout=5000)  # the thread's first round
        operator(qtbot, kiosk_window)
        sync = open_tile(qtbot, kiosk_window, "maintenance_sync")
        tap(qtbot, sync.sync_btn)
        assert sync.progress.isVisible()
        qtbot.waitUntil(lambda: sync.result.isVisible() and bool(sync.result.text()), timeout=5000)
        assert "12 filas recibidas" in sync.result.text()
        tap(qtbot, sync.reconcile_btn)
        qtbot.waitUntil(lambda: "Conciliación hecha" in sync.result.text(), timeout=5000)
        settle(kiosk_window)
        assert engine.rounds[-1] is True
        assert ("sync_now", "requested") in actions(kiosk_world)
        assert ("sync_now", "ok") in actions(kiosk_world)
        assert ("reconcile_now", "ok") in actions(kiosk_world)
    finally:
        bridge.stop()


def test_parked_rows_retry_one_and_all(qtbot: Any, kiosk_window: Any, kiosk_world: Any) -> None:
    operator(qtbot, kiosk_window)
    first, second = (p.seq for p in kiosk_world.parked[:2])
    sync = open_tile(qtbot, kiosk_window, "maintenance_sync")
    assert {r.seq for r in sync.rows} >= {first, second}
    assert sync.findChild(type(sync.sync_btn), f"parked_discard_{first}") is None  # operators do not discard
    tap(qtbot, button_named(sync, f"parked_retry_{first}"))
    settle(kiosk_window)
    assert first not in {p.seq for p in kiosk_world.parked}
    assert "cola de envío" in sync.notice.text.text()
    left = len(kiosk_world.parked)
    if left > 1:
        tap(qtbot, sync.retry_all_btn)
        settle(kiosk_window)
        assert kiosk_world.parked == []
    assert ("parked_retry", "ok") in actions(kiosk_world)


def test_parked_rows_name_their_table_in_words_and_count_in_the_singular(qtbot: Any, kiosk_window: Any,
                                                                         kiosk_world: Any) -> None:
    operator(qtbot, kiosk_window)
    assert [p.table_name for p in kiosk_world.parked[:2]] == ["claims", "meter_readings"]
    first = kiosk_world.parked[0].seq
    sync = open_tile(qtbot, kiosk_window, "maintenance_sync")

    def heads() -> str:
        return " | ".join(label.text() for row in sync.row_widgets for label in row.findChildren(QLabel)
                          if label.text().startswith(("N.º", "No.")))

    assert " · reclamo · " in heads() and " · lectura de medidor · " in heads()
    assert "claims" not in heads() and "meter_readings" not in heads()
    kiosk_window.set_language("en")
    assert " · claim · " in heads() and " · meter reading · " in heads()
    kiosk_window.set_language("es")
    assert " · reclamo · " in heads()
    qtbot.waitUntil(lambda: button_named(sync, f"parked_retry_{first}").isVisible(), timeout=5000)  # rebuilt rows
    assert sync.table_word("audit_events") == "evento de auditoría"
    assert sync.table_word("something_new") == "something_new"  # a table this build does not know, as named
    tap(qtbot, button_named(sync, f"parked_retry_{first}"))
    settle(kiosk_window)
    assert sync.notice.text.text().startswith("1 fila vuelve a la cola de envío")


def test_technician_discards_a_parked_row_with_a_typed_reason(qtbot: Any, kiosk_window: Any,
                                                              kiosk_world: Any) -> None:
    technician(qtbot, kiosk_window)
    seq = kiosk_world.parked[0].seq
    sync = open_tile(qtbot, kiosk_window, "maintenance_sync")
    tap(qtbot, button_named(sync, f"parked_discard_{seq}"))
    assert sync.discard_panel.isVisible() and not sync.main.isVisible()
    tap(qtbot, sync.discard_confirm)  # no reason yet: refused by the screen
    assert "motivo" in sync.notice.text.text()
    for ch in "duplicado":
        tap(qtbot, sync.keyboard.keys[ch])
    assert sync.reason.text() == "duplicado"
    tap(qtbot, sync.discard_confirm)
    settle(kiosk_window)
    assert seq not in {p.seq for p in kiosk_world.parked}
    assert sync.main.isVisible()
    entry = next(a for a in kiosk_world.audit if a.action == "parked_discard")
    assert entry.outcome == "ok" and entry.detail["reason"] == "duplicado"


def test_printer_test_page_paper_and_kept_jobs(qtbot: Any, kiosk_window: Any, kiosk_world: Any) -> None:
    operator(qtbot, kiosk_window)
    printer = open_tile(qtbot, kiosk_window, "maintenance_printer")
    assert printer.printer is not None
    job = kiosk_world.kept_jobs[0]
    assert printer.findChild(type(printer.test_btn), f"kept_reprint_{job.number}") is not None
    # the job said in words: its document's name and why it was kept, not the codes
    box = printer.findChild(QFrame, f"kept_{job.number}")
    words = " ".join(label.text() for label in box.findChildren(QLabel))
    assert "Duplicado de factura" in words and "(sin papel)" in words
    assert job.kind not in words and job.reason not in words
    assert printer.reason_text("interrupted") == "impresión interrumpida"
    tap(qtbot, printer.test_btn)
    settle(kiosk_window)
    assert "prueba" in printer.notice.text.text()
    tap(qtbot, printer.paper_btn)
    settle(kiosk_window)
    assert kiosk_world.roll_used_m == 0
    assert "cero" in printer.notice.text.text()
    # Find the customer's job by the number the printing screen showed them, on the keypad.
    type_on_keypad(qtbot, printer.keypad, job.number.removeprefix("K-"))
    tap(qtbot, printer.keypad.ok_key)
    settle(kiosk_window)
    assert printer.found is not None and printer.found.number == job.number
    assert printer.found_reprint.isVisible()
    tap(qtbot, printer.found_reprint)
    settle(kiosk_window)
    assert "reimpreso" in printer.notice.text.text()
    assert any(job.number in str(what) for _kind, what in kiosk_world.recorder.printed)
    type_on_keypad(qtbot, printer.keypad, "9")
    tap(qtbot, printer.keypad.ok_key)
    settle(kiosk_window)
    assert printer.notice.level == "error"


def test_out_of_service_shows_on_the_customer_home_until_back_in_service(qtbot: Any, kiosk_window: Any,
                                                                        kiosk_world: Any) -> None:
    from ui.screens.maintenance_service_screen import PRESETS

    operator(qtbot, kiosk_window)
    service = open_tile(qtbot, kiosk_window, "maintenance_service")
    tap(qtbot, service.presets[1])
    tap(qtbot, service.off_btn)
    settle(kiosk_window)
    assert kiosk_world.out_of_service and kiosk_world.service_message == PRESETS[1]
    tap(qtbot, kiosk_window.footer.logout)  # leave maintenance: the customer home
    settle(kiosk_window)
    home = kiosk_window.current()
    assert kiosk_window.current_name() == "home" and kiosk_window.staff_session is None
    assert home.notice.isVisible() and home.notice.text.text() == PRESETS[1]
    assert not home.lookup_tile.isVisible() and not home.login_tile.isVisible()
    kiosk_window.set_language("en")
    assert home.notice.text.text() == "The printer is being repaired. Please go to the service counter."
    kiosk_window.set_language("es")
    # A typed message, then back in service.
    operator(qtbot, kiosk_window)
    service = open_tile(qtbot, kiosk_window, "maintenance_service")
    assert service.presets[1].isChecked()
    tap(qtbot, service.other_btn)
    assert service.keyboard.isVisible() and not service.list_area.isVisible()
    for ch in "cerrado":
        tap(qtbot, service.keyboard.keys[ch])
    tap(qtbot, service.off_btn)
    settle(kiosk_window)
    assert kiosk_world.service_message == "cerrado"
    tap(qtbot, service.on_btn)
    settle(kiosk_window)
    assert not kiosk_world.out_of_service
    tap(qtbot, kiosk_window.footer.logout)
    settle(kiosk_window)
    assert not kiosk_window.current().notice.isVisible()
    assert kiosk_window.current().lookup_tile.isVisible()


def test_the_customer_home_reads_the_flag_when_entered(qtbot: Any, kiosk_window: Any, kiosk_world: Any) -> None:
    kiosk_world.out_of_service, kiosk_world.service_message = True, "Cerrado por inventario"
    kiosk_window.go("faq")
    kiosk_window.home()
    settle(kiosk_window)
    home = kiosk_window.current()
    assert home.notice.text.text() == "Cerrado por inventario"
    assert not home.lookup_tile.isVisible()
    assert not kiosk_window.banner.isVisible()  # said once on home
    tap(qtbot, home.faq_tile)  # the one tile left: the message follows in the banner
    settle(kiosk_window)
    assert kiosk_window.banner.isVisible() and kiosk_window.banner.text.text() == "Cerrado por inventario"
    assert kiosk_world.gui_thread_calls == []


def test_logs_show_log_lines_and_the_audit_trail(qtbot: Any, kiosk_window: Any, kiosk_world: Any) -> None:
    operator(qtbot, kiosk_window)
    logs = open_tile(qtbot, kiosk_window, "maintenance_logs")
    text = logs.text.toPlainText()
    assert kiosk_world.log[0].message in text
    tap(qtbot, logs.audit_btn)
    audit = logs.text.toPlainText()
    # in words for staff: no action codes, no JSON
    assert "Personal n.º 1  Ingreso del personal  correcto  rol: operador · vía: PIN" in audit
    assert "staff_login" not in audit and "{" not in audit and '"' not in audit


def test_audit_lines_in_english_and_for_the_branch_pin(qtbot: Any, kiosk_window: Any) -> None:
    operator(qtbot, kiosk_window)
    logs = open_tile(qtbot, kiosk_window, "maintenance_logs")
    kiosk_window.set_language("en")
    at = datetime(2026, 11, 29, 23, 56, 19, tzinfo=UTC)
    line = logs._audit_line(AuditEntry(at, None, "staff_login", "no_branch_pin", {"via": "branch_pin"}))
    assert line.endswith("  Branch PIN  Staff login  no branch PIN  via: Branch PIN")
    line = logs._audit_line(AuditEntry(at, 2, "kept_job_reprint", "out_of_paper", {"number": "K-4821"}))
    assert line.endswith("  Staff no. 2  Reprint a kept job  out of paper  number: K-4821")
    # an action or outcome this build does not know is shown as recorded, not dropped
    assert "future_action  weird_code" in logs._audit_line(AuditEntry(at, 2, "future_action", "weird_code", {}))


def test_technician_printer_setup_and_device_commands(qtbot: Any, kiosk_window: Any, kiosk_world: Any) -> None:
    codes: list[int] = []
    kiosk_window.quit_app = codes.append
    technician(qtbot, kiosk_window)
    tech = open_tile(qtbot, kiosk_window, "maintenance_technician")
    tap(qtbot, tech.backend_btns["escpos"])
    tap(qtbot, tech.paper_btns["a4"])
    tap(qtbot, tech.save_btn)
    settle(kiosk_window)
    assert (kiosk_world.printer_backend, kiosk_world.printer_paper) == ("escpos", "a4")
    tap(qtbot, tech.reboot_btn)
    assert tech.confirm.isVisible() and not tech.main.isVisible()
    assert tech.confirm_text.text().startswith("¿Reiniciar el equipo?")
    tap(qtbot, tech.cancel_btn)
    assert kiosk_world.device_commands == []  # nothing without the confirmation
    tap(qtbot, tech.reboot_btn)
    tap(qtbot, tech.confirm_btn)
    settle(kiosk_window)
    assert kiosk_world.device_commands == ["reboot"]
    tap(qtbot, tech.restart_btn)
    tap(qtbot, tech.confirm_btn)
    settle(kiosk_window)
    assert kiosk_world.device_commands == ["reboot", "restart"]
    assert codes == [75]
    assert kiosk_window.staff_session is None  # leaving ends the staff session
    technician(qtbot, kiosk_window)
    tech = open_tile(qtbot, kiosk_window, "maintenance_technician")
    tap(qtbot, tech.exit_btn)
    tap(qtbot, tech.confirm_btn)
    settle(kiosk_window)
    assert codes == [75, 0]
    assert ("exit", "ok") in actions(kiosk_world)


def test_no_service_call_on_the_gui_thread(qtbot: Any, kiosk_window: Any, kiosk_world: Any) -> None:
    technician(qtbot, kiosk_window)
    for name in ("maintenance_status", "maintenance_sync", "maintenance_printer", "maintenance_service",
                 "maintenance_logs", "maintenance_technician"):
        kiosk_window.go(name)
        settle(kiosk_window)
    assert kiosk_world.gui_thread_calls == []


def test_maintenance_screens_need_a_staff_session(qtbot: Any, kiosk_window: Any) -> None:
    kiosk_window.go("maintenance_technician")
    assert kiosk_window.current_name() == "staff_login"
    assert kiosk_window.staff_session is None
