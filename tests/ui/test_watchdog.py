"""ui/watchdog.py talks to systemd the way systemd listens: datagrams on an AF_UNIX socket ($NOTIFY_SOCKET)."""

from __future__ import annotations

import socket
from pathlib import Path
from typing import Any

import pytest

from ui.watchdog import Watchdog, interval_ms, notify, start_watchdog


def received(sock: socket.socket) -> list[str]:
    sock.setblocking(False)
    messages = []
    try:
        while True:
            messages.append(sock.recv(4096).decode())
    except BlockingIOError:
        return messages
    finally:
        sock.settimeout(5)


def test_notify_sends_one_datagram(listener: tuple[str, socket.socket]) -> None:
    path, sock = listener
    assert notify("READY=1", path)
    assert sock.recv(4096) == b"READY=1"


def test_abstract_socket_names(monkeypatch: pytest.MonkeyPatch) -> None:
    sock = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
    sock.bind("\0ventanilla-test-notify")
    sock.settimeout(5)
    try:
        monkeypatch.setenv("NOTIFY_SOCKET", "@ventanilla-test-notify")
        assert notify("WATCHDOG=1")
        assert sock.recv(4096) == b"WATCHDOG=1"
    finally:
        sock.close()


def test_without_systemd_nothing_is_sent(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.delenv("NOTIFY_SOCKET", raising=False)
    assert not notify("READY=1")
    assert not notify("READY=1", str(tmp_path / "gone"))  # systemd went away: no exception either


def test_interval_is_a_third_of_watchdog_sec() -> None:
    assert interval_ms({"WATCHDOG_USEC": "30000000"}) == 10_000
    assert interval_ms({}) == 10_000
    assert interval_ms({"WATCHDOG_USEC": "3000000"}) == 1000


def test_ready_then_pings_from_the_event_loop(qtbot: Any, listener: tuple[str, socket.socket]) -> None:
    path, sock = listener
    watchdog = Watchdog(socket_path=path, interval=50)
    watchdog.start()
    assert received(sock) == []  # READY=1 only once the event loop turns (the window is shown by then)
    qtbot.wait(300)
    got = received(sock)
    assert got[0] == "READY=1"
    assert got.count("READY=1") == 1
    assert got.count("WATCHDOG=1") >= 2
    watchdog.stop()
    assert received(sock) == ["STOPPING=1"]
    qtbot.wait(150)
    assert received(sock) == []  # a stopped (or hung) loop sends nothing: systemd's watchdog fires


def test_started_only_under_systemd(qtbot: Any, monkeypatch: pytest.MonkeyPatch,
                                    listener: tuple[str, socket.socket]) -> None:
    from PySide6.QtCore import QObject

    parent = QObject()
    monkeypatch.delenv("NOTIFY_SOCKET", raising=False)
    assert start_watchdog(parent) is None
    path, sock = listener
    monkeypatch.setenv("NOTIFY_SOCKET", path)
    watchdog = start_watchdog(parent)
    assert watchdog is not None
    qtbot.wait(50)
    assert received(sock) == ["READY=1"]
    watchdog.stop()
