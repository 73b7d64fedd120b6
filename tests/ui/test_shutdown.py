"""SIGTERM and SIGINT end `python -m kiosk run` cleanly (ui/shutdown.py), even locked down and fullscreen.

The kiosk runs as systemd runs it: $NOTIFY_SOCKET is a datagram socket of this test, so READY=1 says the window
is up and STOPPING=1 proves the way out went through the event loop (the watchdog stops on aboutToQuit).
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

from kiosk.sync.engine import create_replica

ROOT = Path(__file__).resolve().parents[1].parent


def _messages(sock: socket.socket, until: str, timeout: float) -> list[str]:
    seen: list[str] = []
    deadline = time.monotonic() + timeout
    while until not in seen and time.monotonic() < deadline:
        sock.settimeout(max(0.05, deadline - time.monotonic()))
        try:
            seen.append(sock.recv(256).decode())
        except TimeoutError:
            break
    return seen


@pytest.mark.parametrize(("sig", "code"), [(signal.SIGTERM, 0), (signal.SIGINT, 130)])
def test_a_signal_stops_the_locked_down_kiosk_through_the_event_loop(
    tmp_path: Path, listener: tuple[str, socket.socket], sig: int, code: int
) -> None:
    config = tmp_path / "kiosk.toml"
    config.write_text(f'[kiosk]\nid = "K1"\nbranch = "B1"\ndata_dir = "{tmp_path}"\n[ui]\nbranding = "coop-ar"\n'
                      f'[printer]\nbackend = "pdf-folder"\nfolder = "{tmp_path / "prints"}"\n', encoding="utf-8")
    create_replica(tmp_path / "replica.sqlite3")
    notify_path, sock = listener
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "NOTIFY_SOCKET": notify_path,
           "WATCHDOG_USEC": "30000000", "KIOSK_LOG_DIR": str(tmp_path / "logs")}
    # Fullscreen, so locked down: close requests are refused, and the signal must still get out.
    kiosk = subprocess.Popen([sys.executable, "-m", "kiosk", "run", "--config", str(config)], cwd=ROOT, env=env,
                             stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    assert kiosk.stderr is not None
    try:
        assert "READY=1" in _messages(sock, "READY=1", 60), kiosk.stderr.read() if kiosk.poll() else "no READY"
        time.sleep(0.5)  # the event loop is idle in C++ now: nothing but the signal wakes Python
        kiosk.send_signal(sig)
        assert kiosk.wait(timeout=30) == code
        assert "STOPPING=1" in _messages(sock, "STOPPING=1", 5)
    finally:
        if kiosk.poll() is None:
            kiosk.kill()
            kiosk.wait()
        kiosk.stderr.close()
    log = "".join(p.read_text(encoding="utf-8") for p in (tmp_path / "logs").glob("*.log*"))
    assert f"stopping on {signal.Signals(sig).name}" in log
