"""Hand-built domain objects with realistic data for the three utilities, and PDF/image helpers.

Documents take plain domain objects, so these tests need no database: they build what the services would
return, render it, then read the PDF back (pypdf) and decode its codes from pixels (pdftoppm + zbar).
"""

from __future__ import annotations

import re
from datetime import UTC, date, datetime
from decimal import Decimal
from io import BytesIO

from PIL import Image
from pypdf import PdfReader
from pyzbar.pyzbar import ZBarSymbol, decode

from kiosk.branding import load_branding
from kiosk.domain import (
    ClaimCategory,
    ClaimReceipt,
    ConsumptionPoint,
    DocumentMeta,
    InvoiceDetail,
    InvoiceLine,
    InvoiceStatus,
    InvoiceSummary,
    MeterReading,
    Money,
    PaymentSlip,
    ReadingKind,
    ReadingReceipt,
    RequestKind,
    RequestReceipt,
    Service,
    Statement,
    StatementEntry,
)
from kiosk.domain.dues import DuesPolicy
from kiosk.payments.reference import make_barcode, make_reference
from printing.render import pdf_to_images

PRINTED_AT = datetime(2024, 10, 9, 17, 42, tzinfo=UTC)

PROFILES = {
    # key: (branding, timezone, currency, service, unit)
    "coop-ar": ("America/Argentina/Buenos_Aires", "ARS", Service.ELECTRICITY, "kWh"),
    "telco-py": ("America/Asuncion", "PYG", Service.INTERNET, None),
    "wisp-mx": ("America/Mexico_City", "MXN", Service.INTERNET, None),
}

# Amounts per currency that look like real bills (PYG has no minor unit).
_BASE = {"ARS": Decimal("48732.19"), "PYG": Decimal("289500"), "MXN": Decimal("449.00")}


def meta(key: str = "coop-ar", language: str = "es", kiosk_id: str = "K-021-03") -> DocumentMeta:
    tz = PROFILES[key][0]
    return DocumentMeta(
        branding=load_branding(key),
        kiosk_id=kiosk_id,
        branch_name="Casa central",
        printed_at=PRINTED_AT,
        language=language,
        timezone=tz,
    )


def summary(
    key: str = "coop-ar",
    number: str = "0021-00049107",
    account_id: int = 10452,
    invoice_id: int = 49107,
    period: str = "2024-09",
    amount: Decimal | None = None,
    status: InvoiceStatus = InvoiceStatus.PENDING,
) -> InvoiceSummary:
    _, currency, service, _ = PROFILES[key]
    total = Money(amount if amount is not None else _BASE[currency], currency)
    second = Money(total.amount * Decimal("1.035"), currency)
    return InvoiceSummary(
        id=invoice_id,
        number=number,
        account_id=account_id,
        supply_id=7781,
        service=service,
        period=period,
        issue_date=date(2024, 10, 1),
        first_due_date=date(2024, 10, 15),
        second_due_date=date(2024, 10, 25),
        total=total,
        second_total=second,
        status=status,
        payment_reference=make_reference(account_id, invoice_id),
        holder_masked="M**** J**** G******",
        owed=DuesPolicy().owed(
            total=total,
            second_total=second,
            first_due=date(2024, 10, 15),
            second_due=date(2024, 10, 25),
            on=date(2024, 10, 10),
            paid=status is InvoiceStatus.PAID,
        ),
    )


def detail(key: str = "coop-ar", lines: int = 0) -> InvoiceDetail:
    s = summary(key)
    currency = s.total.currency
    unit = PROFILES[key][3]
    total = s.total.amount
    if currency == "PYG":
        taxes = (total / 11).quantize(Decimal(1))
        charges = [
            ("Plan Hogar 300 Mbps", Decimal(1), total - taxes - 35000),
            ("Alquiler de equipo", Decimal(1), Decimal(35000)),
        ]
        tax_lines = [("IVA 10 %", taxes)]
    elif currency == "MXN":
        taxes = (total - total / Decimal("1.16")).quantize(Decimal("0.01"))
        charges = [("Plan Avanzado 20 Mb (30 días)", Decimal(1), total - taxes)]
        tax_lines = [("IVA 16 %", taxes)]
    else:
        iva = Decimal("8457.40")
        other = Decimal("1950.12")
        rest = total - iva - other
        energy = (rest - Decimal("2350.00")).quantize(Decimal("0.01"))
        charges = [
            ("Cargo fijo T1-R2 Residencial", Decimal(1), Decimal("2350.00")),
            ("Energía consumida (350 kWh)", Decimal(350), energy),
        ]
        tax_lines = [("IVA 21 %", iva), ("Contribución municipal 6,4 % y Ley 9.165", other)]
    extra = [(f"Cargo adicional número {i + 1}", Decimal(1), Decimal(0)) for i in range(lines)]
    invoice_lines = tuple(
        InvoiceLine(description=d, amount=a, quantity=q, unit_price=(a / q).quantize(Decimal("0.0001")))
        for d, q, a in charges + extra
    ) + tuple(InvoiceLine(description=d, amount=a, is_tax=True) for d, a in tax_lines)
    tax_total = sum((a for _, a in tax_lines), Decimal(0))
    metered = unit is not None
    history = (
        tuple(
            ConsumptionPoint(
                period=f"{2023 + (m + 9) // 12}-{(m + 9) % 12 + 1:02d}",
                consumption=Decimal(260 + (m * 37) % 150),
                kind=ReadingKind.ESTIMATED if m in (3, 7) else ReadingKind.REAL,
                invoice_number=f"0021-000{48000 + m}",
            )
            for m in range(12)
        )
        if metered
        else ()
    )
    return InvoiceDetail(
        summary=s,
        lines=invoice_lines,
        taxes=Money(tax_total, currency),
        supply_address="Bv. Sarmiento 1234, Dpto. 2, Almafuerte" if key == "coop-ar" else "Av. España 2130",
        previous_reading=MeterReading(7781, "2024-08", date(2024, 8, 28), 18_450, ReadingKind.REAL, 331)
        if metered
        else None,
        current_reading=MeterReading(7781, "2024-09", date(2024, 9, 27), 18_800, ReadingKind.REAL, 350)
        if metered
        else None,
        consumption=Decimal(350) if metered else None,
        unit=unit,
        history=history,
    )


def barcode_for(s: InvoiceSummary) -> str:
    return make_barcode(s.payment_reference, s.first_due_date, s.total.cents)


def slip(key: str = "coop-ar", invoices: int = 2, qr_payload: str = "") -> PaymentSlip:
    summaries = tuple(
        summary(key, number=f"0021-000{49107 + i}", invoice_id=49107 + i, period=f"2024-{9 - i:02d}")
        for i in range(invoices)
    )
    currency = summaries[0].total.currency
    total = Money(sum((s.total.amount for s in summaries), Decimal(0)), currency)
    reference = make_reference(10452, 900_001)
    due = min(s.first_due_date for s in summaries)
    return PaymentSlip(
        account_id=10452,
        holder_masked="M**** J**** G******",
        invoices=summaries,
        total=total,
        due_date=due,
        reference=reference,
        barcode=make_barcode(reference, due, total.cents),
        qr_payload=qr_payload or f"https://pay.example.com/p?ref={reference}&amount={total.amount}",
        instructions="",
    )


def claim(key: str = "coop-ar") -> ClaimReceipt:
    return ClaimReceipt(
        id="3f1e8a52-8c1b-4d2e-9a77-0a4c1d9b2e10",
        number="021-03-000187",
        account_id=10452,
        supply_id=7781,
        category=ClaimCategory("NO_POWER", Service.ELECTRICITY, "Falta de suministro", "No power supply"),
        description="Sin luz desde las 14 h en toda la cuadra; el medidor no enciende.",
        contact_phone="351 *** **21",
        contact_time="Mañana (8 a 12 h)",
        created_at=PRINTED_AT,
        kiosk_id="K-021-03",
    )


def reading(flagged: bool = False) -> ReadingReceipt:
    return ReadingReceipt(
        id="a2c4e6f8-1b3d-4f5a-8c7e-9d0b1a2c3e4f",
        number="021-03-000188",
        account_id=10452,
        supply_id=7781,
        meter_number="E-0045512",
        value=19_112,
        previous_value=18_800,
        consumption=312,
        rollover=False,
        flagged=flagged,
        created_at=PRINTED_AT,
        kiosk_id="K-021-03",
        unit="kWh",
    )


def request(kind: RequestKind = RequestKind.RECONNECTION) -> RequestReceipt:
    return RequestReceipt(
        id="5d6e7f80-9a1b-4c2d-8e3f-4a5b6c7d8e9f",
        number="021-03-000189",
        kind=kind,
        account_id=10452,
        fields=(("Suministro", "7781 – Bv. Sarmiento 1234"), ("Motivo", "Pago de deuda realizado")),
        created_at=PRINTED_AT,
        kiosk_id="K-021-03",
    )


def statement(key: str = "coop-ar", entries: int = 90) -> Statement:
    currency = PROFILES[key][1]
    q = Decimal(1) if currency == "PYG" else Decimal("0.01")
    balance = Decimal("1520.40").quantize(q)
    opening = balance
    rows = []
    for i in range(entries):
        day = date(2023, 1, 1).toordinal() + i * 4
        if i % 3 == 2:
            debit, credit, kind, desc = Decimal(0), Decimal("16000.55").quantize(q), "payment", "Pago Rapipago"
        elif i % 7 == 6:
            debit, credit, kind, desc = Decimal(0), Decimal("350.10").quantize(q), "adjustment", "Bonificación"
        else:
            debit = (Decimal("9200.35") + i * 11).quantize(q)
            credit, kind, desc = Decimal(0), "invoice", f"Factura servicio {i:03d}"
        balance = balance + debit - credit
        rows.append(StatementEntry(date.fromordinal(day), kind, desc, f"0021-{49000 + i:08d}", debit, credit, balance))
    return Statement(
        10452,
        "M**** J**** G******",
        currency,
        date(2023, 1, 1),
        date.fromordinal(rows[-1].on.toordinal()),
        opening,
        tuple(rows),
    )


def pdf_text(pdf: bytes) -> list[str]:
    return [page.extract_text() or "" for page in PdfReader(BytesIO(pdf)).pages]


def squash(text: str) -> str:
    """Text without whitespace (NBSP included), for checks that must not depend on line breaks."""
    return re.sub(r"\s+", "", text.replace("\xa0", " "))


def decode_codes(pdf: bytes, dpi: int = 200) -> dict[str, list[str]]:
    """Every QR and I2of5/Code128 code zbar reads on the rendered pages: {"QRCODE": [...], "I25": [...]}."""
    found: dict[str, list[str]] = {}
    for image in pdf_to_images(pdf, dpi=dpi):
        for symbol in decode_image(image):
            found.setdefault(symbol[0], []).append(symbol[1])
    return found


def decode_image(image: Image.Image) -> list[tuple[str, str]]:
    symbols = [ZBarSymbol.QRCODE, ZBarSymbol.I25, ZBarSymbol.CODE128]
    return [(d.type, d.data.decode("utf-8")) for d in decode(image, symbols=symbols)]
