"""Payment slips for one or several invoices and for prepaid plans, with codes that scan back."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

import pytest
from svc_replica import PREPAID, Replica, make_config

from kiosk.domain import Money
from kiosk.payments.emv import parse_payload
from kiosk.payments.reference import is_valid_reference, parse_barcode
from kiosk.services.account import AccountService
from kiosk.services.context import ServiceContext
from kiosk.services.errors import NotFound, ServiceError, ValidationError
from kiosk.services.payments import PLAN_BASE, PaymentService, slip_document_id


def test_single_invoice_uses_its_reference(replica: Replica) -> None:
    [pending] = [i for i in AccountService(replica.ctx).invoices(replica.login()) if i.number.endswith("111")]
    slip = PaymentService(replica.ctx).slip_for([pending], "es")
    assert slip.reference == pending.payment_reference
    assert slip.total == pending.total and slip.due_date == pending.first_due_date
    parsed = parse_barcode(slip.barcode)
    assert parsed is not None
    assert (parsed.reference, parsed.due_date, parsed.amount_cents) == (slip.reference, slip.due_date, 262500)
    assert parse_payload(slip.qr_payload) is not None
    assert slip.instructions == replica.ctx.branding().payment_instructions_es
    assert PaymentService(replica.ctx).slip_for([pending], "en").instructions == (
        replica.ctx.branding().payment_instructions_en
    )


def test_several_invoices_get_one_deterministic_reference(replica: Replica) -> None:
    service = PaymentService(replica.ctx)
    open_ = [i for i in AccountService(replica.ctx).invoices(replica.login()) if i.is_open]
    assert len(open_) == 2
    slip = service.slip_for(open_, "es")
    # Each invoice at what it costs today (the overdue one with its surcharge and interest): the overview's total.
    assert slip.total == sum((i.owed.amount for i in open_), Money.zero("ARS"))
    assert slip.total == AccountService(replica.ctx).overview(replica.login()).total_due
    assert slip.total.amount > Decimal("5145.00")  # more than the first-due totals
    assert slip.due_date == replica.ctx.today()  # interest grows tomorrow: the slip holds for today only
    assert [i.number for i in slip.invoices] == ["0021-00049110", "0021-00049111"]
    assert is_valid_reference(slip.reference)
    assert slip.reference not in {i.payment_reference for i in open_}
    assert int(slip.reference[8:17]) == slip_document_id([110, 111])
    assert service.slip_for(list(reversed(open_)), "es").reference == slip.reference
    parsed = parse_barcode(slip.barcode)
    assert parsed is not None and parsed.amount_cents == slip.total.cents and parsed.due_date == slip.due_date


def test_slip_refuses_paid_empty_and_mixed(replica: Replica) -> None:
    service = PaymentService(replica.ctx)
    every = AccountService(replica.ctx).invoices(replica.login())
    paid = [i for i in every if not i.is_open]
    with pytest.raises(ValidationError) as err:
        service.slip_for([every[0], paid[0]], "es")
    assert err.value.code == "invoice_already_paid" and err.value.params["number"] == paid[0].number
    with pytest.raises(ValidationError) as err:
        service.slip_for([], "es")
    assert err.value.code == "no_invoices"
    from dataclasses import replace

    with pytest.raises(ValidationError) as err:
        service.slip_for([every[0], replace(every[1], account_id=PREPAID)], "es")
    assert err.value.code == "mixed_accounts"
    with pytest.raises(NotFound):
        service.slip_for([replace(every[0], id=99999)], "es")


def test_slip_for_a_prepaid_plan(replica: Replica, tmp_path: object) -> None:
    config = make_config(replica.config.data_dir)
    config = config.model_copy(update={"payments": config.payments.model_copy(
        update={"currency_numeric": "484", "country": "MX"})})
    ctx = ServiceContext(replica.factory, config, replica.clock)
    session = replica.login(PREPAID, "Ana")
    ctx.sessions.add(session)
    slip = PaymentService(ctx).slip_for_plan(session, 2, "es")
    assert slip.total == Money(Decimal("349.00"), "MXN")
    assert slip.invoices == ()
    assert slip.due_date == date(2026, 3, 10) + timedelta(days=7)
    assert int(slip.reference[8:17]) == PLAN_BASE + 2
    assert parse_payload(slip.qr_payload) is not None
    with pytest.raises(NotFound):
        PaymentService(ctx).slip_for_plan(session, 3, "es")  # inactive
    postpaid = replica.login()
    ctx.sessions.add(postpaid)
    with pytest.raises(ServiceError) as err:
        PaymentService(ctx).slip_for_plan(postpaid, 1, "es")
    assert err.value.code == "not_prepaid"


def test_a_qr_the_configuration_cannot_make_is_left_out(replica: Replica) -> None:
    session = replica.login(PREPAID, "Ana")
    # The default EMV configuration is for ARS and the plan is in MXN: no QR, but the barcode is still there.
    slip = PaymentService(replica.ctx).slip_for_plan(session, 1, "es")
    assert slip.qr_payload == ""
    parsed = parse_barcode(slip.barcode)
    assert parsed is not None and parsed.amount_cents == 19900 and parsed.reference == slip.reference
