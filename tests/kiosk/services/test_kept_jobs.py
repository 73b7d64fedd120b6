"""Kept print jobs and the roll counter, on the real pdf-folder backend and the seeded replica.

A failed print waits in the replica under a readable number (surviving a new service over the same database),
expires with the service clock, is found however the customer reads its number out, and is reprinted by staff;
roll documents add their length to the counter that tells maintenance the roll is running low.
"""

from __future__ import annotations

import random
import re
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest
from pypdf import PdfReader
from sqlalchemy import Engine, create_engine, func, select
from svc_replica import Replica

from db.engine import session_factory
from db.models import KeptPrintJob, LocalPrintLog
from kiosk.domain import PaymentSlip, PrinterState
from kiosk.services.account import AccountService
from kiosk.services.context import ServiceContext
from kiosk.services.errors import NotFound, PrinterError
from kiosk.services.payments import PaymentService
from kiosk.services.print_jobs import INTERRUPTED, PrintService, normalise_number
from printing.backends import PrintOutcome
from printing.backends.pdf_folder import simulate_state
from printing.document import RenderedDocument

NUMBER = re.compile(r"^K-\d{4}$")


class Numbers(random.Random):
    """Draws the given numbers in turn (then random), to test that a number already taken is drawn again."""

    def __init__(self, *numbers: int) -> None:
        super().__init__(7)
        self.numbers = list(numbers)

    def randrange(self, start: int, stop: int | None = None, step: int = 1) -> int:  # type: ignore[override]
        return self.numbers.pop(0) if self.numbers else super().randrange(start, stop, step)


def _service(replica: Replica, ctx: ServiceContext | None = None, **kwargs: object) -> PrintService:
    ctx = ctx or replica.ctx
    return PrintService(ctx, AccountService(ctx), **kwargs)  # type: ignore[arg-type]


def _slip(replica: Replica) -> PaymentSlip:
    session = replica.login()
    invoices = [i for i in AccountService(replica.ctx).invoices(session) if i.is_open]
    return PaymentService(replica.ctx).slip_for(invoices, "es")


def _fail(replica: Replica, state: PrinterState | None) -> None:
    simulate_state(replica.config.print_folder, state)


_ENGINES: list[Engine] = []


@pytest.fixture(autouse=True)
def _dispose() -> Iterator[None]:
    yield
    while _ENGINES:
        _ENGINES.pop().dispose()


def _restarted(replica: Replica, **printer: object) -> ServiceContext:
    """A new process's context: a new engine on the same database (and the config, changed as asked)."""
    engine = create_engine(replica.engine.url)
    _ENGINES.append(engine)
    config = replica.config.model_copy(update={"printer": replica.config.printer.model_copy(update=printer)})
    return ServiceContext(session_factory(engine), config, replica.clock)


def _mm(path: str | None) -> float:
    assert path is not None
    return sum(float(page.mediabox.height) for page in PdfReader(path).pages) / 72 * 25.4


def test_a_failed_print_is_kept_across_a_restart_and_reprinted_by_number(replica: Replica) -> None:
    slip = _slip(replica)
    _fail(replica, PrinterState.OUT_OF_PAPER)
    with pytest.raises(PrinterError) as err:
        _service(replica).payment_slip(slip, "es")
    number = err.value.params["job_number"]
    assert NUMBER.match(number) and err.value.code == "printer_out_of_paper"

    later = _service(replica, _restarted(replica))  # a restart: new engine, new service, same replica
    [kept] = later.kept_jobs()
    assert (kept.number, kept.kind, kept.reason, kept.reprinted) == (number, "payment-slip", "out_of_paper", False)
    assert kept.expires_at - kept.created_at == timedelta(hours=24) and kept.pages == 1
    assert later.printer_status().kept_jobs == 1

    with pytest.raises(PrinterError) as again:  # still out of paper: the same job, still waiting
        later.reprint_kept(number)
    assert again.value.params["job_number"] == number and len(later.kept_jobs()) == 1

    _fail(replica, None)
    result = later.reprint_kept(f" {number.lower().replace('-', ' ')} ")
    assert result.job_number == number and result.job_id == err.value.params["job_id"]
    assert slip.reference in "".join(p.extract_text() for p in PdfReader(str(result.path)).pages).replace(" ", "")
    assert later.kept_jobs() == [] and later.printer_status().kept_jobs == 0
    assert later.find_kept(number).reprinted
    with replica.factory() as db:
        statuses = db.scalars(select(LocalPrintLog.status).order_by(LocalPrintLog.created_at)).all()
    assert list(statuses) == ["failed", "failed", "printed"]


def test_the_customers_print_again_after_a_restart(replica: Replica) -> None:
    _fail(replica, PrinterState.OFFLINE)
    with pytest.raises(PrinterError) as err:
        _service(replica).payment_slip(_slip(replica), "es")
    assert err.value.code == "printer_offline"
    later = _service(replica, _restarted(replica))
    assert later.kept_jobs()[0].reason == "offline"
    _fail(replica, None)
    assert later.reprint(err.value.params["job_id"]).job_number == err.value.params["job_number"]
    assert later.kept_jobs() == []


def test_a_printed_job_leaves_nothing_kept_and_print_again_still_works(replica: Replica) -> None:
    printer = _service(replica)
    first = printer.payment_slip(_slip(replica), "es")
    assert first.job_number is None
    again = printer.reprint(first.job_id)
    assert again.job_id == first.job_id and again.job_number is None
    with replica.factory() as db:
        assert db.scalar(select(func.count()).select_from(KeptPrintJob)) == 0


def test_the_job_is_committed_before_it_reaches_the_printer_and_a_crash_leaves_it_interrupted(
    replica: Replica,
) -> None:
    seen: list[tuple[str, int]] = []

    class Crashing:
        name = "crashing"

        def print(self, doc: RenderedDocument) -> PrintOutcome:
            with replica.factory() as db:  # another session: only committed rows are visible
                seen.extend((row.reason, len(row.pdf)) for row in db.scalars(select(KeptPrintJob)))
            raise SystemExit("power cut")

        def status(self) -> PrinterState:
            return PrinterState.READY

    with pytest.raises(SystemExit):
        _service(replica, backend=Crashing()).payment_slip(_slip(replica), "es")
    assert len(seen) == 1 and seen[0][0] == "printing" and seen[0][1] > 1000
    [kept] = _service(replica, _restarted(replica)).kept_jobs()
    assert kept.reason == INTERRUPTED


def test_kept_jobs_expire_with_the_service_clock(replica: Replica) -> None:
    ctx = _restarted(replica, kept_job_hours=2)
    printer = _service(replica, ctx)
    _fail(replica, PrinterState.ERROR)
    with pytest.raises(PrinterError) as err:
        printer.payment_slip(_slip(replica), "es")
    number = err.value.params["job_number"]
    assert err.value.code == "printer_error" and printer.find_kept(number).reason == "error"
    replica.clock.advance(2 * 3600 - 1)
    assert [k.number for k in printer.kept_jobs()] == [number]
    replica.clock.advance(1)
    assert printer.kept_jobs() == []
    with pytest.raises(NotFound) as gone:
        printer.find_kept(number)
    assert gone.value.code == "print_job_not_found"
    with pytest.raises(NotFound):  # after a restart (this process still holds its last few jobs in memory)
        _service(replica, _restarted(replica)).reprint(err.value.params["job_id"])
    with replica.factory() as db:  # purged, not just hidden: the PDF may show personal data
        assert db.scalar(select(func.count()).select_from(KeptPrintJob)) == 0


def test_expired_jobs_are_purged_at_start(replica: Replica) -> None:
    _fail(replica, PrinterState.OFFLINE)
    with pytest.raises(PrinterError):
        _service(replica).payment_slip(_slip(replica), "es")
    replica.clock.advance(25 * 3600)
    _service(replica, _restarted(replica)).start()
    with replica.factory() as db:
        assert db.scalar(select(func.count()).select_from(KeptPrintJob)) == 0


def test_numbers_are_four_digits_and_never_repeat_among_live_jobs(replica: Replica) -> None:
    printer = _service(replica, rng=Numbers(4821, 4821, 4821, 1234))
    slip = _slip(replica)
    _fail(replica, PrinterState.OUT_OF_PAPER)
    numbers = []
    for _ in range(2):
        with pytest.raises(PrinterError) as err:
            printer.payment_slip(slip, "es")
        numbers.append(err.value.params["job_number"])
    assert numbers == ["K-4821", "K-1234"]
    assert sorted(k.number for k in printer.kept_jobs()) == ["K-1234", "K-4821"]
    for _ in range(20):
        with pytest.raises(PrinterError) as err:
            printer.payment_slip(slip, "es")
        numbers.append(err.value.params["job_number"])
    assert len(set(numbers)) == len(numbers) and all(NUMBER.match(n) for n in numbers)


@pytest.mark.parametrize("typed", ["K-4821", "k-4821", "4821", " K 4821 ", "K4821", "k - 4821"])
def test_numbers_are_found_however_they_are_read_out(replica: Replica, typed: str) -> None:
    assert normalise_number(typed) == "K-4821"
    printer = _service(replica, rng=Numbers(4821))
    _fail(replica, PrinterState.OUT_OF_PAPER)
    with pytest.raises(PrinterError):
        printer.payment_slip(_slip(replica), "es")
    assert printer.find_kept(typed).number == "K-4821"


@pytest.mark.parametrize("typed", ["", "K-48", "K-482", "X-4821", "K-48a1", "K-4822"])
def test_a_number_that_is_not_kept_is_not_found(replica: Replica, typed: str) -> None:
    printer = _service(replica, rng=Numbers(4821))
    _fail(replica, PrinterState.OUT_OF_PAPER)
    with pytest.raises(PrinterError):
        printer.payment_slip(_slip(replica), "es")
    with pytest.raises(NotFound):
        printer.find_kept(typed)
    with pytest.raises(NotFound):
        printer.reprint_kept(typed)


def test_the_roll_counter_adds_each_roll_document_and_warns_of_low_paper(replica: Replica) -> None:
    ctx = _restarted(replica, roll_length_m=1.5, paper_low_m=0.5)
    printer = _service(replica, ctx)
    fresh = printer.printer_status()
    assert (fresh.roll_used_m, fresh.roll_length_m, fresh.paper_low, fresh.kept_jobs) == (0, 1.5, False, 0)
    assert (fresh.state, fresh.backend, fresh.paper) == (PrinterState.READY, "pdf-folder", "roll")

    slip = printer.payment_slip(_slip(replica), "es")  # on the roll ([printer] paper = "roll")
    used = _mm(slip.path)
    assert 80 < used < 500
    assert printer.printer_status().roll_used_m == pytest.approx(used / 1000, abs=0.001)
    test_page = printer.test_page()
    used += _mm(test_page.path)
    assert printer.printer_status().roll_used_m == pytest.approx(used / 1000, abs=0.001)

    _fail(replica, PrinterState.OUT_OF_PAPER)  # what did not print takes no paper
    with pytest.raises(PrinterError) as err:
        printer.test_page()
    assert "job_number" in err.value.params and err.value.params["job_number"] is None  # test pages are not kept
    _fail(replica, None)
    statement = _service(replica).statement(replica.login(), "es")  # A4: not the roll (same replica, same counter)
    assert statement.path is not None and printer.printer_status().roll_used_m == pytest.approx(used / 1000, abs=0.001)

    assert not printer.printer_status().paper_low
    while used < 1000:  # 1.5 m roll, low at 1 m used
        used += _mm(printer.test_page().path)
    status = _service(replica, _restarted(replica, roll_length_m=1.5, paper_low_m=0.5)).printer_status()
    assert status.paper_low and status.roll_used_m == pytest.approx(used / 1000, abs=0.001)
    replaced = printer.paper_replaced()
    assert (replaced.roll_used_m, replaced.paper_low) == (0, False)


def test_a_failing_reprint_of_a_printed_job_is_kept(replica: Replica) -> None:
    printer = _service(replica)
    first = printer.payment_slip(_slip(replica), "es")
    _fail(replica, PrinterState.OFFLINE)
    with pytest.raises(PrinterError) as err:
        printer.reprint(first.job_id)
    assert err.value.params["job_id"] == first.job_id
    assert [k.number for k in printer.kept_jobs()] == [err.value.params["job_number"]]


def test_print_folder_is_where_the_reprint_lands(replica: Replica) -> None:
    _fail(replica, PrinterState.OUT_OF_PAPER)
    with pytest.raises(PrinterError) as err:
        _service(replica).payment_slip(_slip(replica), "es")
    _fail(replica, None)
    result = _service(replica, _restarted(replica)).reprint_kept(err.value.params["job_number"])
    assert result.path is not None and Path(result.path).parent == replica.config.print_folder
