"""Run one full pull inside a Qt app (the SyncBridge thread) and measure the GUI thread's worst stall.

Usage: python tests/bench/sync_gui_runner.py CENTRAL_URL REPLICA_PATH [BATCH_SIZE]
       python tests/bench/sync_gui_runner.py --idle SECONDS   (control: the same probe with no sync running)
Prints one JSON object: rows pulled, seconds, rows/s, the GUI gaps of a 5 ms QTimer probe (worst, p99, p99.9,
how many exceeded 50 ms), probe ticks, peak RSS of this process (MB, includes Qt), replica size (MB).
Like the app, the cyclic garbage collector runs on the GUI thread (ui/gc_guard.py); KIOSK_BENCH_DEFAULT_GC=1
leaves CPython's default (collections on whichever thread allocates) for comparison.
"""

from __future__ import annotations

import json
import os
import resource
import sys
import time
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QCoreApplication, QTimer

from kiosk.sync.engine import SyncEngine
from ui import gc_guard
from ui.sync_bridge import SyncBridge


def _gap_stats(gaps: list[float]) -> dict[str, Any]:
    ordered = sorted(gaps) or [0.0]

    def pct(p: float) -> float:
        return ordered[min(len(ordered) - 1, int(p * len(ordered)))] * 1000

    at = sum(gaps[: gaps.index(ordered[-1]) + 1]) if gaps else 0.0
    return {"worst_gui_gap_ms": ordered[-1] * 1000, "worst_gap_at_s": at, "p99_gui_gap_ms": pct(0.99),
            "p999_gui_gap_ms": pct(0.999), "gaps_over_50ms": sum(g > 0.05 for g in gaps), "ticks": len(gaps)}


def main() -> int:
    app = QCoreApplication.instance() or QCoreApplication(sys.argv)
    if os.environ.get("KIOSK_BENCH_DEFAULT_GC") != "1":
        gc_guard.install()
    gaps: list[float] = []
    last = [time.perf_counter()]

    def tick() -> None:
        now = time.perf_counter()
        gaps.append(now - last[0])
        last[0] = now

    probe = QTimer()
    probe.setInterval(5)
    probe.timeout.connect(tick)
    if sys.argv[1] == "--idle":
        QTimer.singleShot(int(float(sys.argv[2]) * 1000), app.quit)
        last[0] = time.perf_counter()
        probe.start()
        app.exec()
        print(json.dumps(_gap_stats(gaps)))
        return 0
    url, replica = sys.argv[1], Path(sys.argv[2])
    batch = int(sys.argv[3]) if len(sys.argv) > 3 else 5000
    result: dict[str, Any] = {}

    def factory(**kw: Any) -> SyncEngine:
        return SyncEngine(url, replica, "BENCH", "B1", batch_size=batch, **kw)

    bridge = SyncBridge(factory, interval=3600, heartbeat_interval=3600)

    def done(report: Any) -> None:
        probe.stop()
        result.update(ok=report.ok, error=report.error, rows=report.total("pulled"), seconds=report.duration_s)
        bridge.stop()
        app.quit()

    bridge.round_finished.connect(done)
    last[0] = time.perf_counter()
    probe.start()
    bridge.start()
    app.exec()
    size = sum(p.stat().st_size for p in replica.parent.glob(replica.name + "*"))
    result.update(
        rows_per_s=result["rows"] / result["seconds"], **_gap_stats(gaps),
        peak_rss_mb=resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, replica_mb=size / 1e6,
    )
    print(json.dumps(result))
    return 0 if result["ok"] else 1


if __name__ == "__main__":
    sys.exit(main())
