"""The pdf-folder backend: every document becomes a PDF file in a folder (demo, tests, audit copies).

File names are ``YYYYMMDD-HHMMSS-<kind>-<name>.pdf`` in the kiosk's time zone, with ``-2``, ``-3``... when
two documents of the same name land in the same second. Files appear atomically (written to a hidden
temporary file, flushed to disk, then linked into place), so a process watching the folder never picks up a
half-written PDF.

Simulating printer states, for tests and the demo tour: a file named after a state in the folder
(``OUT_OF_PAPER``, ``PAPER_LOW``, ``OFFLINE`` or ``ERROR``; contents ignored) makes the folder report that
state (``simulate_state(folder, state)`` writes or clears it), and ``simulated_state`` overrides it from
code. Without either, the folder is READY when it can be
written and OFFLINE when it cannot; paper never runs out.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from kiosk.domain.printer import PrinterState
from printing.backends.base import PrintError, PrintOutcome, job_name, require_printable
from printing.document import RenderedDocument

BACKEND = "pdf-folder"
SENTINELS = (PrinterState.OUT_OF_PAPER, PrinterState.PAPER_LOW, PrinterState.OFFLINE, PrinterState.ERROR)


def sentinel_name(state: PrinterState) -> str:
    """The file name that simulates `state` in a pdf-folder: "OUT_OF_PAPER" for out_of_paper."""
    return state.value.upper()


def simulate_state(folder: Path, state: PrinterState | None) -> None:
    """Make every pdf-folder backend on `folder` report `state` (None: back to the real state)."""
    folder.mkdir(parents=True, exist_ok=True)
    for sentinel in SENTINELS:
        path = folder / sentinel_name(sentinel)
        if sentinel == state:
            path.write_text("simulated printer state for the demo and tests; delete to print again\n")
        else:
            path.unlink(missing_ok=True)


class PdfFolderBackend:
    """Writes each document into `folder`. `simulate=False` ignores sentinel files (audit copies)."""

    name = BACKEND

    def __init__(
        self,
        folder: Path,
        *,
        timezone: str = "UTC",
        clock: Callable[[], datetime] | None = None,
        simulate: bool = True,
    ) -> None:
        self.folder = Path(folder)
        self.simulated_state: PrinterState | None = None
        self._zone = ZoneInfo(timezone)
        self._clock = clock or (lambda: datetime.now(self._zone))
        self._simulate = simulate

    def status(self) -> PrinterState:
        if self._simulate:
            if self.simulated_state is not None:
                return self.simulated_state
            for state in SENTINELS:
                if (self.folder / sentinel_name(state)).exists():
                    return state
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
        except OSError:
            return PrinterState.OFFLINE
        if not self.folder.is_dir() or not os.access(self.folder, os.W_OK | os.X_OK):
            return PrinterState.OFFLINE
        return PrinterState.READY

    def print(self, doc: RenderedDocument) -> PrintOutcome:
        state = self.status()
        require_printable(f"{BACKEND} {self.folder}", state)
        path = self.write(doc)
        return PrintOutcome(BACKEND, path.stem, doc.pages, state, path=str(path))

    def write(self, doc: RenderedDocument) -> Path:
        """Write the PDF under a fresh name and return its path; PrintError(OFFLINE) when it cannot."""
        stamp = self._clock().astimezone(self._zone).strftime("%Y%m%d-%H%M%S")
        base = f"{stamp}-{job_name(doc)}"
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            fd, tmp_name = tempfile.mkstemp(prefix=".printing-", suffix=".tmp", dir=self.folder)
        except OSError as exc:
            raise PrintError(PrinterState.OFFLINE, f"{BACKEND}: cannot write to {self.folder}: {exc}") from None
        tmp = Path(tmp_name)
        try:
            with os.fdopen(fd, "wb") as out:
                out.write(doc.pdf)
                out.flush()
                os.fsync(out.fileno())
            return self._place(tmp, base)
        except OSError as exc:
            raise PrintError(PrinterState.OFFLINE, f"{BACKEND}: cannot write to {self.folder}: {exc}") from None
        finally:
            with contextlib.suppress(FileNotFoundError):
                tmp.unlink()

    def _place(self, tmp: Path, base: str) -> Path:
        """Give the temporary file its final name without ever replacing an existing document."""
        for n in range(1, 1000):
            target = self.folder / (f"{base}.pdf" if n == 1 else f"{base}-{n}.pdf")
            try:
                os.link(tmp, target)  # atomic and fails if the name is taken
            except FileExistsError:
                continue
            except OSError:  # file systems without hard links: check, then rename (still atomic)
                if target.exists():
                    continue
                os.replace(tmp, target)
            return target
        raise PrintError(PrinterState.ERROR, f"{BACKEND}: too many documents named {base} in one second")
