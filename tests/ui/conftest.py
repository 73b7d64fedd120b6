"""Fixtures for the UI tests: a real main window (offscreen) over in-memory services, and tap helpers."""

from __future__ import annotations

import os
import socket
from collections.abc import Iterator
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from kiosk.config import Config, parse_config
from kiosk.testing.fakes import fake_services
from kiosk.testing.world import FakeWorld, build_world, demo_branding


def kiosk_config(tmp_path: Path, **ui: object) -> Config:
    return parse_config({
        "kiosk": {"id": "K01", "branch": "S01", "branch_name": "Sucursal Centro", "data_dir": str(tmp_path)},
        "ui": {"idle_timeout": 60, "warning_seconds": 10, **ui},
        "printer": {"backend": "pdf-folder", "folder": str(tmp_path / "prints")},
    })


@pytest.fixture(autouse=True)
def gui_thread_gc(qapp: object) -> Iterator[None]:
    """As in the app: no worker thread may finalize a Qt object a test dropped (ui/gc_guard.py); what is due is
    collected after each test too, since not every test spins the event loop long enough for the timer."""
    from ui import gc_guard

    collector = gc_guard.install()
    yield
    collector.collect_due()


@pytest.fixture
def listener(tmp_path: Path) -> Iterator[tuple[str, socket.socket]]:
    """A bound datagram socket standing in for systemd's notify socket (test_watchdog, test_shutdown)."""
    path = str(tmp_path / "notify")
    sock = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
    sock.bind(path)
    sock.settimeout(5)
    yield path, sock
    sock.close()


@pytest.fixture
def kiosk_world(tmp_path: Path) -> FakeWorld:
    """The demo's world; its invoices count as looked up on this kiosk (tests open "invoice found" directly)."""
    world = build_world(tmp_path / "prints")
    world.walk_in_grants.update(i.id for i in world.invoices)
    return world


@pytest.fixture
def kiosk_window(qtbot: object, kiosk_world: FakeWorld, tmp_path: Path) -> Iterator[object]:
    """The main window over fake services, 1920x1080, shown offscreen."""
    from ui.app import build_window

    branding = demo_branding("coop-ar")
    window = build_window(fake_services(kiosk_world, branding), kiosk_config(tmp_path), branding,
                          orientation="landscape", poll_status=False)
    qtbot.addWidget(window)  # type: ignore[attr-defined]
    window.show()
    qtbot.waitExposed(window)  # type: ignore[attr-defined]
    yield window
    window.set_language("es")  # the translator lives on the shared QApplication
    window.watchdog.stop()
    window.ctx.ops.wait_idle(5000)
