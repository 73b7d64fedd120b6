"""The small deterministic replica the service tests run on (data, clock, config), imported by conftest."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from pathlib import Path

from sqlalchemy import Engine
from sqlalchemy.orm import Session, sessionmaker

from db.models import (
    KioskState,
    LocalAccount,
    LocalAgreementInstalment,
    LocalCaseStatus,
    LocalClaimCategory,
    LocalCustomer,
    LocalFaqEntry,
    LocalInvoice,
    LocalInvoiceLine,
    LocalMeterReading,
    LocalPayment,
    LocalPaymentAgreement,
    LocalPlan,
    LocalReadingWindow,
    LocalSupply,
)
from kiosk.config import Config, parse_config
from kiosk.payments.reference import make_reference
from kiosk.services.api import CustomerSession
from kiosk.services.context import ServiceContext

ACCOUNT = 1001  # postpaid ARS, electricity (5 digits, route R1 open), water (4 digits, route R2 closed)
PREPAID = 2002  # prepaid MXN, internet
ELECTRICITY, WATER, INTERNET_OFF, PREPAID_NET = 5001, 5002, 5003, 6001
START = datetime(2026, 3, 10, 15, 0, tzinfo=UTC)  # 12:00 in Buenos Aires
# Electricity consumption per period 2025-03 .. 2026-02 (oldest first): the last six average 250.
CONSUMPTION = [300, 280, 260, 240, 220, 210, 230, 250, 270, 260, 240, 250]
PERIODS = [f"{2025 + (2 + i) // 12}-{(2 + i) % 12 + 1:02d}" for i in range(12)]


class FakeClock:
    """A clock tests move by hand."""

    def __init__(self, start: datetime = START) -> None:
        self.now = start

    def __call__(self) -> datetime:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += timedelta(seconds=seconds)


def make_config(tmp: Path, **ui: object) -> Config:
    return parse_config(
        {
            "kiosk": {"id": "K07", "branch": "B21", "branch_name": "Centro", "data_dir": str(tmp)},
            "ui": {"branding": "coop-ar", **ui},
            "printer": {"backend": "pdf-folder", "folder": str(tmp / "prints")},
        }
    )


def seed(session: Session) -> None:
    """The replica every service test starts from."""
    session.add_all(
        [
            LocalCustomer(id=1, first_name="Juan", name_masked="J*** P*****", phone_masked="+54 9 *** ***-1234",
                          email_masked="j***@gmail.com"),
            LocalCustomer(id=2, first_name="Ana", name_masked="A** L****"),
            LocalPlan(id=1, name="Básico 10", description="10 Mbps", service="internet", price=Decimal("199.00"),
                      days=30),
            LocalPlan(id=2, name="Plus 50", description="50 Mbps", service="internet", price=Decimal("349.00"),
                      days=30),
            LocalPlan(id=3, name="Viejo", service="internet", price=Decimal("99.00"), days=30, active=False),
            LocalAccount(id=ACCOUNT, customer_id=1, kind="postpaid", currency="ARS", branch_id="B21"),
            LocalAccount(id=PREPAID, customer_id=2, kind="prepaid", currency="MXN", plan_id=1,
                         prepaid_until=date(2026, 3, 25)),
            LocalSupply(id=ELECTRICITY, account_id=ACCOUNT, service="electricity", address="San Martín 123",
                        meter_number="E-123", meter_digits=5, route="R1"),
            LocalSupply(id=WATER, account_id=ACCOUNT, service="water", address="San Martín 123",
                        meter_number="W-9", meter_digits=4, route="R2"),
            LocalSupply(id=INTERNET_OFF, account_id=ACCOUNT, service="internet", address="San Martín 123",
                        active=False),
            LocalSupply(id=PREPAID_NET, account_id=PREPAID, service="internet", address="Reforma 5", plan_id=1),
            LocalReadingWindow(id=1, route="R1", opens_on=date(2026, 3, 5), closes_on=date(2026, 3, 15)),
            LocalReadingWindow(id=2, route="R2", opens_on=date(2026, 2, 5), closes_on=date(2026, 2, 10)),
            LocalReadingWindow(id=3, route="R2", opens_on=date(2026, 3, 20), closes_on=date(2026, 3, 25)),
            LocalClaimCategory(code="no_supply", service="electricity", label_es="Sin suministro",
                               label_en="No supply", position=1),
            LocalClaimCategory(code="low_voltage", service="electricity", label_es="Baja tensión",
                               label_en="Low voltage", position=2),
            LocalClaimCategory(code="old_cat", service="electricity", label_es="Viejo", label_en="Old",
                               position=0, active=False),
            LocalClaimCategory(code="water_leak", service="water", label_es="Pérdida de agua",
                               label_en="Water leak", position=1),
            LocalFaqEntry(id=1, language="es", position=2, question="¿Cómo pago?", answer="Con el código."),
            LocalFaqEntry(id=2, language="es", position=1, question="¿Qué es?", answer="Una terminal."),
            LocalFaqEntry(id=3, language="en", position=1, question="How do I pay?", answer="With the code."),
            LocalCaseStatus(id="00000000-0000-0000-0000-000000000001", number="B01-K01-000007",
                            account_id=ACCOUNT, kind="claim", status="in_progress", summary="Baja tensión",
                            created_at=datetime(2026, 1, 5, 12, tzinfo=UTC),
                            updated_at=datetime(2026, 1, 6, 12, tzinfo=UTC)),
            KioskState(key="sync.last_pull_at", value=(START - timedelta(minutes=12)).isoformat()),
            KioskState(key="sync.last_error", value=""),
        ]
    )
    value = 10_000
    for i, period in enumerate(PERIODS):
        invoice_id = 100 + i
        year, month = int(period[:4]), int(period[5:])
        issue = date(year + month // 12, month % 12 + 1, 1)  # the month after the period
        due = issue + timedelta(days=19)
        paid = i < 10
        total = Decimal(CONSUMPTION[i]) * Decimal("10.50")
        value += CONSUMPTION[i]
        session.add_all(
            [
                LocalInvoice(
                    id=invoice_id, number=f"0021-{49100 + i:08d}", account_id=ACCOUNT, supply_id=ELECTRICITY,
                    service="electricity", period=period, issue_date=issue, first_due_date=due,
                    second_due_date=due + timedelta(days=10), total=total, second_total=total + Decimal("50.00"),
                    taxes=(total * Decimal("0.21")).quantize(Decimal("0.01")), status="paid" if paid else "pending",
                    payment_reference=make_reference(ACCOUNT, invoice_id), paid_on=due if paid else None,
                ),
                LocalMeterReading(id=1000 + i, supply_id=ELECTRICITY, period=period, read_on=issue, value=value,
                                  kind="estimated" if i % 4 == 3 else "real", consumption=CONSUMPTION[i]),
            ]
        )
        if paid:
            session.add(LocalPayment(id=3000 + i, account_id=ACCOUNT, invoice_id=invoice_id, paid_on=due,
                                     amount=total, kind="payment", channel="Rapipago"))
    session.add(LocalPayment(id=3999, account_id=ACCOUNT, invoice_id=None, paid_on=date(2026, 2, 20),
                             amount=Decimal("-15.00"), kind="adjustment", channel="Ajuste"))
    session.add_all(
        [
            LocalInvoiceLine(id=1, invoice_id=111, line_no=1, description="Cargo fijo", amount=Decimal("500.00")),
            LocalInvoiceLine(id=2, invoice_id=111, line_no=2, description="Energía", quantity=250,
                             unit_price=Decimal("8.00"), amount=Decimal("2000.00")),
            LocalInvoiceLine(id=3, invoice_id=111, line_no=3, description="IVA 21%", amount=Decimal("525.00"),
                             is_tax=True),
            # Water: readings for three periods, consumption ~ 20 m3, meter at 9990 (4 digits: rollover ahead).
            LocalMeterReading(id=2000, supply_id=WATER, period="2025-12", read_on=date(2026, 1, 1), value=9950,
                              kind="real", consumption=20),
            LocalMeterReading(id=2001, supply_id=WATER, period="2026-01", read_on=date(2026, 2, 1), value=9970,
                              kind="real", consumption=20),
            LocalMeterReading(id=2002, supply_id=WATER, period="2026-02", read_on=date(2026, 3, 1), value=9990,
                              kind="real", consumption=20),
            LocalPaymentAgreement(id=1, account_id=ACCOUNT, created_on=date(2025, 11, 1),
                                  total=Decimal("3000.00"), status="active"),
            LocalAgreementInstalment(id=1, agreement_id=1, number=1, due_date=date(2025, 12, 1),
                                     amount=Decimal("1000.00"), paid_on=date(2025, 11, 30)),
            LocalAgreementInstalment(id=3, agreement_id=1, number=3, due_date=date(2026, 2, 1),
                                     amount=Decimal("1000.00"), paid_on=None),
            LocalAgreementInstalment(id=2, agreement_id=1, number=2, due_date=date(2026, 1, 1),
                                     amount=Decimal("1000.00"), paid_on=date(2026, 1, 2)),
        ]
    )


@dataclass
class Replica:
    engine: Engine
    factory: sessionmaker[Session]
    config: Config
    clock: FakeClock
    ctx: ServiceContext
    backend: str

    def login(self, account_id: int = ACCOUNT, first_name: str = "Juan") -> CustomerSession:
        """A live session as AuthService.login would register it (login itself is tested against central)."""
        session = CustomerSession(account_id, first_name, self.clock(), f"token-{account_id}-{len(self.ctx.sessions)}")
        self.ctx.sessions.add(session)
        return session


