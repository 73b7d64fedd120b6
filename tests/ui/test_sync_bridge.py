"""The sync bridge: rounds run off the GUI thread and report through signals; the GUI thread stays free."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QTimer

from kiosk.central.seed import seed_database
from kiosk.sync.engine import SyncEngine
from ui.sync_bridge import SyncBridge


class _Probe:
    """A 5 ms timer on the GUI thread: the longest gap between its ticks is the worst GUI stall."""

    def __init__(self) -> None:
        self.timer = QTimer()
        self.timer.setInterval(5)
        self.last = time.perf_counter()
        self.worst = 0.0
        self.timer.timeout.connect(self.on_tick)

    def on_tick(self) -> None:
        now = time.perf_counter()
        self.worst = max(self.worst, now - self.last)
        self.last = now

    def start(self) -> None:
        self.last = time.perf_counter()
        self.timer.start()


@pytest.mark.pg
def test_rounds_report_through_signals_without_blocking_the_gui(qtbot: Any, pg_url: str, tmp_path: Path) -> None:
    seed_database(pg_url, accounts=60, seed=5, profile="coop-ar")
    states: list[str] = []
    phases: set[str] = set()
    ages: list[int] = []

    def factory(**kw: Any) -> SyncEngine:
        return SyncEngine(pg_url, tmp_path / "replica.db", "K1", "B1", batch_size=300, **kw)

    bridge = SyncBridge(factory, interval=3600, heartbeat_interval=3600)
    bridge.state_changed.connect(states.append)
    bridge.progress.connect(lambda phase, *_: phases.add(phase))
    bridge.data_age_changed.connect(ages.append)
    probe = _Probe()
    probe.start()
    with qtbot.waitSignal(bridge.round_finished, timeout=60_000) as blocker:
        bridge.start()
    probe.timer.stop()
    report = blocker.args[0]
    assert report.ok and report.total("pulled") > 10_000
    qtbot.waitUntil(lambda: states[-1:] == ["idle"], timeout=5000)
    assert states[0] == "syncing" and "pull" in phases
    assert ages and ages[-1] == 0
    assert probe.worst < 0.25, f"GUI thread stalled {probe.worst * 1000:.0f} ms"
    # sync_now wakes the sleeping thread at once
    with qtbot.waitSignal(bridge.round_finished, timeout=30_000) as again:
        bridge.sync_now(reconcile=True)
    assert again.args[0].reconciled and again.args[0].total("differing_buckets") == 0
    with qtbot.waitSignal(bridge.state_changed, timeout=10_000, check_params_cb=lambda s: s == "stopped"):
        assert bridge.stop()
    assert not bridge.is_running()


def test_offline_central_is_reported_and_the_thread_stops_promptly(qtbot: Any, tmp_path: Path) -> None:
    url = "postgresql+psycopg://nobody@127.0.0.1:1/none"
    errors: list[tuple[str, str]] = []

    def factory(**kw: Any) -> SyncEngine:
        return SyncEngine(url, tmp_path / "replica.db", "K1", "B1", connect_timeout=1, **kw)

    bridge = SyncBridge(factory, interval=3600, heartbeat_interval=3600)
    bridge.error.connect(lambda code, msg: errors.append((code, msg)))
    with qtbot.waitSignal(bridge.state_changed, timeout=20_000, check_params_cb=lambda s: s == "offline"):
        bridge.start()
    assert errors[0][0] == "central_unavailable"
    assert bridge.last_report is not None and bridge.last_report.data_age_s is None
    started = time.monotonic()
    assert bridge.stop()
    assert time.monotonic() - started < 5
