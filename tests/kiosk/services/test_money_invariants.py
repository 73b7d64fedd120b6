"""Money adds up, for every account of every profile, on days around the due dates.

A central database is seeded with 1,000 accounts of each utility (the generator's own mix of paid on time,
paid late with the surcharge, overdue past the first and the second due date, prepaid), synced into a replica
like a kiosk's, and read through the real services on several "today"s from the seed day to well past every
due date. For each account:

    statement closing = opening + debits - credits = total owed on the account home
                      = payment slip for every open invoice (+ what only the counter takes)
                      = the slip's barcode amount = its QR amount

and a slip's pay-by date is never before the day it is printed. A sample of slips is also rendered to PDF and
its printed total, QR and barcode decoded from the image.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from io import BytesIO
from zoneinfo import ZoneInfo

import pytest
from pypdf import PdfReader
from pyzbar.pyzbar import ZBarSymbol, decode
from sqlalchemy import select

from db.engine import local_engine, session_factory
from db.models import LocalAccount
from kiosk.branding import load_branding
from kiosk.config import Config
from kiosk.demo import prepare
from kiosk.domain import AccountKind, DocumentMeta, Money
from kiosk.domain.dues import DueStage, LateRule
from kiosk.formatting import format_money
from kiosk.payments.emv import currency_numeric, parse_payload
from kiosk.payments.reference import parse_barcode
from kiosk.services.account import AccountService
from kiosk.services.api import CustomerSession
from kiosk.services.context import ServiceContext
from kiosk.services.payments import PaymentService
from printing.documents import render_payment_slip
from printing.render import pdf_to_images

ACCOUNTS = 1000
SEEDED_ON = date(2026, 11, 29)
# The seed day and days after it: invoices cross their first and second due dates and go late in between.
OFFSETS = (0, 9, 17, 47)
RENDERED_PER_DAY = 3  # slips rendered to PDF and decoded per profile and day


@dataclass
class Seeded:
    profile: str
    config: Config
    accounts: list[int]


@pytest.fixture(scope="module", params=["coop-ar", "telco-py", "wisp-mx"])
def seeded(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Seeded]:
    profile: str = request.param
    config, _facts = prepare(tmp_path_factory.mktemp(profile), profile, ACCOUNTS, log=lambda _: None, today=SEEDED_ON)
    replica = local_engine(config.local_db_path)
    try:
        with session_factory(replica)() as db:
            accounts = list(db.scalars(select(LocalAccount.id).order_by(LocalAccount.id)))
    finally:
        replica.dispose()
    assert len(accounts) == ACCOUNTS
    yield Seeded(profile, config, accounts)


def _clock(day: date, zone: str) -> Callable[[], datetime]:
    moment = datetime.combine(day, time(11, 0), tzinfo=ZoneInfo(zone))
    return lambda: moment


def _pdf_total_and_codes(pdf: bytes) -> tuple[str, list[str], list[str]]:
    text = "".join("".join((p.extract_text() or "").split()) for p in PdfReader(BytesIO(pdf)).pages)
    qrs: list[str] = []
    bars: list[str] = []
    for image in pdf_to_images(pdf):
        for found in decode(image, symbols=[ZBarSymbol.QRCODE, ZBarSymbol.I25]):
            (qrs if found.type == "QRCODE" else bars).append(found.data.decode())
    return text, qrs, bars


def test_statement_home_slip_qr_and_barcode_agree(seeded: Seeded) -> None:
    config = seeded.config
    branding = load_branding(seeded.profile)
    engine = local_engine(config.local_db_path)
    stages: set[DueStage] = set()
    checked = slips = rendered = days_with_slips = 0
    try:
        factory = session_factory(engine)
        for offset in OFFSETS:
            today = SEEDED_ON + timedelta(days=offset)
            clock = _clock(today, config.kiosk.timezone)
            ctx = ServiceContext(factory, config, clock)
            assert ctx.today() == today
            accounts, payments = AccountService(ctx), PaymentService(ctx)
            rendered_today = slips_today = 0
            for account_id in seeded.accounts:
                session = CustomerSession(account_id, "", clock(), f"t-{offset}-{account_id}")
                ctx.sessions.add(session)
                home = accounts.overview(session)
                statement = accounts.statement(session)
                assert statement.opening_balance + statement.total_debit - statement.total_credit == (
                    statement.closing_balance
                ), account_id
                assert statement.closing_balance == home.total_due.amount, (account_id, today)
                open_ = [i for i in accounts.invoices(session) if i.is_open]
                stages.update(i.owed.stage for i in open_)
                assert home.total_due == sum((i.owed.amount for i in open_), Money.zero(home.total_due.currency))
                counter = home.at_counter_total or Money.zero(home.total_due.currency)
                payable = [i for i in open_ if i.owed.payable]
                checked += 1
                if home.kind is AccountKind.PREPAID:
                    assert not open_ and home.total_due.amount == 0
                if not payable:
                    assert home.total_due == counter and home.pay_by is None
                    continue
                slip = payments.slip_for(payable, "es")
                slips += 1
                slips_today += 1
                assert slip.total + counter == home.total_due, (account_id, today)
                assert slip.due_date >= today and slip.due_date == home.pay_by
                bar = parse_barcode(slip.barcode)
                assert bar is not None and bar.amount_cents == slip.total.cents and bar.due_date == slip.due_date
                assert slip.qr_payload, f"{seeded.profile}: the slip has no payment QR"
                qr = parse_payload(slip.qr_payload)
                assert qr.amount == slip.total.amount and qr.currency == currency_numeric(branding.currency)
                if rendered_today < RENDERED_PER_DAY:
                    rendered_today += 1
                    meta = DocumentMeta(branding, "K01", "Sucursal", clock(), "es", config.kiosk.timezone)
                    doc = render_payment_slip(slip, meta, "a4")
                    text, qrs, bars = _pdf_total_and_codes(doc.pdf)
                    assert "".join(format_money(slip.total, branding.locale).split()) in text
                    assert qrs == [slip.qr_payload] and bars == [slip.barcode]
                    rendered += 1
            days_with_slips += slips_today > 0
    finally:
        engine.dispose()
    # The days chosen do reach every stage of the rule, and enough slips were checked to mean something.
    postpaid_profile = seeded.profile != "wisp-mx"
    if postpaid_profile:
        assert {DueStage.FIRST, DueStage.SECOND, DueStage.LATE} <= stages
        assert days_with_slips >= len(OFFSETS) - 1  # telco-py: 47 days on, every invoice is the counter's
        assert rendered == RENDERED_PER_DAY * days_with_slips
    assert checked == ACCOUNTS * len(OFFSETS)
    assert slips > (100 if postpaid_profile else 0)
    print(f"{seeded.profile}: {checked} account-days, {slips} slips, {rendered} rendered; stages {sorted(stages)}")


@pytest.mark.parametrize("seeded", ["telco-py"], indirect=True)
def test_pay_at_counter_is_refused_with_its_number(seeded: Seeded) -> None:
    """Under telco-py's counter rule a late invoice cannot go on a slip; the service says which one."""
    from kiosk.services.errors import ValidationError

    assert load_branding(seeded.profile).dues.late is LateRule.COUNTER
    config = seeded.config
    engine = local_engine(config.local_db_path)
    try:
        clock = _clock(SEEDED_ON + timedelta(days=47), config.kiosk.timezone)
        ctx = ServiceContext(session_factory(engine), config, clock)
        for account_id in seeded.accounts:
            session = CustomerSession(account_id, "", clock(), f"c-{account_id}")
            ctx.sessions.add(session)
            late = [i for i in AccountService(ctx).invoices(session) if i.owed.at_counter]
            if late:
                with pytest.raises(ValidationError) as err:
                    PaymentService(ctx).slip_for(late, "es")
                assert err.value.code == "pay_at_counter" and err.value.params["number"] == late[0].number
                return
    finally:
        engine.dispose()
    raise AssertionError("no late invoice under the counter rule in 1,000 accounts")

