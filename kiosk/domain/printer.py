"""Printer states every backend reports, for the screens, maintenance mode and the heartbeat."""

from __future__ import annotations

from enum import StrEnum


class PrinterState(StrEnum):
    READY = "ready"
    PAPER_LOW = "paper_low"
    OUT_OF_PAPER = "out_of_paper"
    OFFLINE = "offline"
    ERROR = "error"

    @property
    def can_print(self) -> bool:
        return self in (PrinterState.READY, PrinterState.PAPER_LOW)
