"""Walk-in invoice look-up: normalised input, masked holder, not-found without enumeration, throttling."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from svc_replica import ACCOUNT, PREPAID, Replica

from kiosk.domain import InvoiceStatus
from kiosk.payments.reference import make_barcode, make_reference
from kiosk.services.context import ServiceContext
from kiosk.services.errors import NotFound, Throttled, ValidationError
from kiosk.services.lookup import LookupService, normalise_account, normalise_invoice


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("0021-00049111", ("0021", "00049111")),
        ("002100049111", ("0021", "00049111")),
        (" 21-49111 ", ("0021", "00049111")),
        ("49111", (None, "00049111")),
        ("0021 00049111", ("0021", "00049111")),
    ],
)
def test_invoice_numbers_are_normalised(typed: str, expected: tuple[str | None, str]) -> None:
    assert normalise_invoice(typed) == expected


@pytest.mark.parametrize("typed", ["", "abc", "0021-", "00210-0049111", "12345678901", "0021-000491110"])
def test_malformed_invoice_numbers(typed: str) -> None:
    with pytest.raises(ValidationError) as err:
        normalise_invoice(typed)
    assert err.value.code == "malformed_invoice"


@pytest.mark.parametrize("typed", ["", "12a", "123456789", "0", "-"])
def test_malformed_accounts(typed: str) -> None:
    with pytest.raises(ValidationError) as err:
        normalise_account(typed)
    assert err.value.code == "malformed_account"


def test_account_number_tolerates_spaces_and_zeros() -> None:
    assert normalise_account(" 0001 001 ") == 1001


@pytest.mark.parametrize("invoice", ["0021-00049111", "002100049111", "21-49111", "49111"])
def test_found_by_number(replica: Replica, invoice: str) -> None:
    found = LookupService(replica.ctx).by_number("1001", invoice)
    assert found.number == "0021-00049111"
    assert found.account_id == ACCOUNT
    assert found.period == "2026-02"
    assert found.total.amount == Decimal("2625.00") and found.total.currency == "ARS"
    assert found.status is InvoiceStatus.PENDING
    assert found.first_due_date == date(2026, 3, 20)
    assert found.holder_masked == "J*** P*****"
    assert replica.ctx.grants.allows(found.id)


def test_unpaid_past_due_is_overdue(replica: Replica) -> None:
    found = LookupService(replica.ctx).by_number("1001", "0021-00049110")
    assert found.status is InvoiceStatus.OVERDUE


def test_holder_first_name_when_masking_is_off(replica: Replica, tmp_path: object) -> None:
    from svc_replica import make_config

    config = make_config(replica.config.data_dir, mask_holder=False)
    ctx = ServiceContext(replica.factory, config, replica.clock)
    assert LookupService(ctx).by_number("1001", "49111").holder_masked == "Juan"


def test_found_by_reference_and_by_barcode(replica: Replica) -> None:
    service = LookupService(replica.ctx)
    reference = make_reference(ACCOUNT, 105)
    assert service.by_scan(reference).id == 105
    barcode = make_barcode(reference, date(2025, 9, 20), 231000)
    assert service.by_scan(f" {barcode}\n").id == 105


def test_unknown_barcode(replica: Replica) -> None:
    service = LookupService(replica.ctx)
    reference = make_reference(ACCOUNT, 105)
    bad = reference[:-1] + str((int(reference[-1]) + 1) % 10)
    for scanned in ("hello", "123", bad):
        with pytest.raises(ValidationError) as err:
            service.by_scan(scanned)
        assert err.value.code == "unknown_barcode"


def test_valid_reference_not_in_replica(replica: Replica) -> None:
    with pytest.raises(NotFound) as err:
        LookupService(replica.ctx).by_scan(make_reference(ACCOUNT, 999))
    assert err.value.code == "invoice_not_found"


def test_not_found_does_not_reveal_the_account(replica: Replica) -> None:
    service = LookupService(replica.ctx)
    errors = []
    for account in ("1001", "9999", str(PREPAID)):
        with pytest.raises(NotFound) as err:
            service.by_number(account, "0021-00000001")
        errors.append((type(err.value), err.value.code, repr(err.value.params)))
        replica.clock.advance(3600)  # keep the throttle out of it
    assert len(set(errors)) == 1


def test_repeated_failures_are_slowed_down(replica: Replica) -> None:
    service = LookupService(replica.ctx)
    for _ in range(3):
        with pytest.raises(NotFound):
            service.by_number("1001", "1")
    with pytest.raises(Throttled) as err:
        service.by_number("1001", "49111")
    assert err.value.code == "too_many_attempts"
    assert err.value.params["wait_seconds"] == 5
    replica.clock.advance(5)
    with pytest.raises(NotFound):
        service.by_number("1001", "2")
    with pytest.raises(Throttled) as err:
        service.by_number("1001", "49111")
    assert err.value.params["wait_seconds"] == 10  # the wait grows
    # Malformed input is refused before the throttle and does not count.
    with pytest.raises(ValidationError):
        service.by_number("x", "1")


def test_a_success_does_not_reset_the_counter(replica: Replica) -> None:
    service = LookupService(replica.ctx)
    for _ in range(3):
        with pytest.raises(NotFound):
            service.by_number("1001", "1")
    replica.clock.advance(5)
    assert service.by_number("1001", "49111").id == 111  # forgives one failure only
    with pytest.raises(NotFound):
        service.by_number("1001", "2")
    with pytest.raises(Throttled):
        service.by_number("1001", "49111")


def test_failures_expire_after_the_window(replica: Replica) -> None:
    service = LookupService(replica.ctx)
    for _ in range(5):
        replica.clock.advance(60)
        with pytest.raises(NotFound):
            service.by_number("1001", "1")
    with pytest.raises(Throttled):
        service.by_number("1001", "49111")
    replica.clock.advance(601)
    assert service.by_number("1001", "49111").id == 111
