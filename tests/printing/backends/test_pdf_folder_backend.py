"""pdf-folder backend: clear, unique, atomic file names; states from the folder; the factory and audit copies."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest
from backend_samples import MakeDoc
from pypdf import PdfReader

from kiosk.config import parse_config
from kiosk.domain.printer import PrinterState
from kiosk.services.printer_setup import printer_settings
from printing.backends import PdfFolderBackend, PrinterBackend, PrintError, PrinterSettings, create_backend
from printing.backends.audit import AuditedBackend
from printing.backends.escpos_backend import EscposBackend
from printing.backends.pdf_folder import sentinel_name, simulate_state

NOW = datetime(2026, 11, 25, 22, 5, 9, tzinfo=UTC)


def backend(folder: Path) -> PdfFolderBackend:
    return PdfFolderBackend(folder, timezone="America/Argentina/Buenos_Aires", clock=lambda: NOW)


def test_writes_a_named_readable_pdf(tmp_path: Path, make_doc: MakeDoc) -> None:
    doc = make_doc("duplicate", "duplicate-0021-00049107", paper="a4", pages=2)
    outcome = backend(tmp_path / "prints").print(doc)
    path = Path(outcome.path or "")
    # 22:05:09 UTC is 19:05:09 in Buenos Aires: names follow the kiosk's clock.
    assert path.name == "20261125-190509-duplicate-0021-00049107.pdf"
    assert path.read_bytes() == doc.pdf and len(PdfReader(path).pages) == 2
    assert (outcome.backend, outcome.pages, outcome.state) == ("pdf-folder", 2, PrinterState.READY)
    assert [p.name for p in path.parent.iterdir()] == [path.name]  # no temporary file left behind


def test_same_second_same_name_never_overwrites(tmp_path: Path, make_doc: MakeDoc) -> None:
    printer = backend(tmp_path)
    names = [Path(printer.print(make_doc(name=f"a/b {i % 1}")).path or "").name for i in range(3)]
    assert names == [
        "20261125-190509-claim-receipt-a_b_0.pdf",
        "20261125-190509-claim-receipt-a_b_0-2.pdf",
        "20261125-190509-claim-receipt-a_b_0-3.pdf",
    ]


@pytest.mark.parametrize("state", [PrinterState.OUT_OF_PAPER, PrinterState.PAPER_LOW, PrinterState.OFFLINE])
def test_sentinel_files_simulate_states(tmp_path: Path, make_doc: MakeDoc, state: PrinterState) -> None:
    printer = backend(tmp_path)
    (tmp_path / sentinel_name(state)).touch()
    assert printer.status() == state
    if state.can_print:
        assert printer.print(make_doc()).state == state
    else:
        with pytest.raises(PrintError) as failure:
            printer.print(make_doc())
        assert failure.value.state == state and state.value.replace("_", " ") in str(failure.value)
        assert not list(tmp_path.glob("*.pdf"))
    (tmp_path / sentinel_name(state)).unlink()
    assert printer.status() == PrinterState.READY


def test_simulate_state_helper(tmp_path: Path) -> None:
    printer = backend(tmp_path / "prints")
    simulate_state(printer.folder, PrinterState.OUT_OF_PAPER)
    assert printer.status() == PrinterState.OUT_OF_PAPER
    simulate_state(printer.folder, PrinterState.PAPER_LOW)
    assert printer.status() == PrinterState.PAPER_LOW
    simulate_state(printer.folder, None)
    assert printer.status() == PrinterState.READY and not list(printer.folder.iterdir())


def test_simulated_state_override(tmp_path: Path, make_doc: MakeDoc) -> None:
    printer = backend(tmp_path)
    printer.simulated_state = PrinterState.ERROR
    with pytest.raises(PrintError):
        printer.print(make_doc())
    printer.simulated_state = None
    assert printer.print(make_doc()).path


def test_unwritable_folder_is_offline(tmp_path: Path, make_doc: MakeDoc) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the folder should be")
    printer = backend(blocker / "prints")
    assert printer.status() == PrinterState.OFFLINE
    with pytest.raises(PrintError) as failure:
        printer.print(make_doc())
    assert failure.value.state == PrinterState.OFFLINE


def config(tmp_path: Path, **printer: object) -> PrinterSettings:
    """The settings the kiosk builds from a configuration with this `[printer]` section."""
    return printer_settings(
        parse_config({"kiosk": {"id": "K1", "branch": "B1", "data_dir": str(tmp_path / "data")}, "printer": printer})
    )


def test_factory_defaults_to_pdf_folder_in_data_dir(tmp_path: Path) -> None:
    printer = create_backend(config(tmp_path))
    assert isinstance(printer, PdfFolderBackend) and printer.folder == tmp_path / "data" / "prints"
    assert isinstance(printer, PrinterBackend)
    assert printer.status() == PrinterState.READY


def test_factory_escpos_and_audit_copy_even_when_printing_fails(tmp_path: Path, make_doc: MakeDoc) -> None:
    audit = tmp_path / "audit"
    printer = create_backend(
        config(tmp_path, backend="escpos", escpos_connection="network", escpos_host="127.0.0.1", escpos_port=9,
               audit_folder=str(audit))
    )
    assert isinstance(printer, AuditedBackend) and isinstance(printer.inner, EscposBackend)
    assert isinstance(printer, PrinterBackend) and isinstance(printer.inner, PrinterBackend)
    assert printer.name == "escpos"
    doc = make_doc()
    with pytest.raises(PrintError) as failure:  # nothing listens on port 9: the printer is offline
        printer.print(doc)
    assert failure.value.state == PrinterState.OFFLINE
    copies = list(audit.glob("*.pdf"))
    assert len(copies) == 1 and copies[0].read_bytes() == doc.pdf


def test_printer_outcome_points_at_the_audit_copy(tmp_path: Path, make_doc: MakeDoc) -> None:
    printer = create_backend(
        config(tmp_path, backend="escpos", escpos_connection="dummy", audit_folder=str(tmp_path / "audit"))
    )
    outcome = printer.print(make_doc(text_lines=("Hola",)))
    assert outcome.backend == "escpos" and outcome.state == PrinterState.READY
    assert outcome.path == outcome.audit_path and Path(outcome.audit_path or "").parent == tmp_path / "audit"


def test_audit_copy_recorded_in_outcome(tmp_path: Path, make_doc: MakeDoc) -> None:
    printer = create_backend(config(tmp_path, folder=str(tmp_path / "out"), audit_folder=str(tmp_path / "audit")))
    outcome = printer.print(make_doc())
    assert outcome.path and Path(outcome.path).parent == tmp_path / "out"
    assert outcome.audit_path and Path(outcome.audit_path).parent == tmp_path / "audit"
    # The audit folder is the printing folder itself: no second copy.
    same = create_backend(config(tmp_path, folder=str(tmp_path / "out"), audit_folder=str(tmp_path / "out")))
    assert isinstance(same, PdfFolderBackend)
