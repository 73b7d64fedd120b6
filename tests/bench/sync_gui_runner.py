"""Run one full pull inside a Qt app (the SyncBridge thread) and measure the GUI thread's worst stall.

Usage: python tests/bench/sync_gui_runner.py CENTRAL_URL REPLICA_PATH [BATCH_SIZE]
Prints one JSON object: rows pulled, seconds, rows/s, worst GUI gap (ms) of a 5 ms QTimer probe, probe ticks,
peak RSS of this process (MB, includes Qt), replica size (MB).
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
from ui.sync_bridge import SyncBridge


def main() -> int:
    url, replica = sys.argv[1], Path(sys.argv[2])
    batch = int(sys.argv[3]) if len(sys.argv) > 3 else 5000
    app = QCoreApplication.instance() or QCoreApplication(sys.argv)
    gaps = {"worst": 0.0, "ticks": 0, "last": time.perf_counter()}

    def tick() -> None:
        now = time.perf_counter()
        gaps["worst"] = max(gaps["worst"], now - gaps["last"])
        gaps["last"] = now
        gaps["ticks"] += 1

    probe = QTimer()
    probe.setInterval(5)
    probe.timeout.connect(tick)
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
    gaps["last"] = time.perf_counter()
    probe.start()
    bridge.start()
    app.exec()
    size = sum(p.stat().st_size for p in replica.parent.glob(replica.name + "*"))
    result.update(
        rows_per_s=result["rows"] / result["seconds"], worst_gui_gap_ms=gaps["worst"] * 1000, ticks=gaps["ticks"],
        peak_rss_mb=resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, replica_mb=size / 1e6,
    )
    print(json.dumps(result))
    return 0 if result["ok"] else 1


if __name__ == "__main__":
    sys.exit(main())
