"""Duplicate invoice: the PDF says what the customer must read, and its codes scan to what it says."""

from __future__ import annotations

import pytest
from printing_samples import barcode_for, decode_codes, detail, meta, pdf_text, squash, summary

from kiosk.domain import InvoiceStatus, Money
from kiosk.formatting import format_date, format_money, format_period
from kiosk.payments import emv
from printing.documents import render_duplicate_invoice


def _emv_for(d_total: Money, reference: str, number: str) -> str:
    payment = emv.EmvPayment(
        merchant_accounts=(emv.MerchantAccount(26, "com.example.pay", {"01": "30545724196"}),),
        merchant_category_code="4900",
        currency=emv.currency_numeric(d_total.currency),
        country="AR",
        merchant_name="COOP ALMAFUERTE",
        merchant_city="ALMAFUERTE",
        amount=d_total.amount,
        bill_number=number,
        reference_label=reference,
    )
    return emv.build_payload(payment)


@pytest.mark.parametrize(
    ("key", "language"), [("coop-ar", "es"), ("telco-py", "es"), ("wisp-mx", "es"), ("coop-ar", "en")]
)
def test_texts_codes_and_amounts_agree(key: str, language: str) -> None:
    d = detail(key)
    m = meta(key, language)
    s = d.summary
    payload = _emv_for(s.total, s.payment_reference, s.number)
    digits = barcode_for(s)
    doc = render_duplicate_invoice(d, m, payload, digits)

    assert doc.kind == "duplicate" and doc.paper == "a4" and doc.pages == 1
    assert doc.name == f"duplicate-{s.number}"
    assert s.holder_masked not in doc.name
    text = squash(pdf_text(doc.pdf)[0])
    total = format_money(s.total, m.locale)
    for expected in (
        total,
        format_money(s.second_total, m.locale) if s.second_total else "",
        format_date(s.first_due_date, m.locale),
        format_date(s.second_due_date, m.locale) if s.second_due_date else "",
        format_period(s.period, m.locale),
        s.holder_masked,
        s.number,
        s.payment_reference,
        digits,
        m.kiosk_id,
        "DUPLICATE" if language == "en" else "DUPLICADO",
    ):
        assert squash(expected) in text, expected

    codes = decode_codes(doc.pdf)
    assert codes == {"QRCODE": [payload], "I25": [digits]}
    parsed = emv.parse_payload(codes["QRCODE"][0])
    assert parsed.amount == s.total.amount
    assert squash(format_money(Money(parsed.amount, s.total.currency), m.locale)) in text
    assert parsed.additional_data.get("05") == s.payment_reference


def test_locale_formats_differ_per_utility() -> None:
    texts = {}
    for key in ("coop-ar", "telco-py", "wisp-mx"):
        d = detail(key)
        texts[key] = pdf_text(render_duplicate_invoice(d, meta(key), "x", barcode_for(d.summary)).pdf)[0]
    assert "$ 48.732,19" in texts["coop-ar"].replace("\xa0", " ")
    assert "₲ 289.500" in texts["telco-py"].replace("\xa0", " ")
    assert "$449.00" in texts["wisp-mx"]
    assert "octubre" not in texts["coop-ar"] and "septiembre 2024" in texts["coop-ar"]


def test_readings_and_consumption_history_printed() -> None:
    d = detail("coop-ar")
    text = pdf_text(render_duplicate_invoice(d, meta("coop-ar"), "x", barcode_for(d.summary)).pdf)[0]
    assert "Lectura anterior" in text and "18450" in text and "18800" in text
    assert "350 kWh" in text
    # Every bar of the chart carries its value and month.
    for point in d.history:
        assert f"{point.consumption:,.0f}".replace(",", ".") in text


def test_unmetered_service_has_no_readings_block() -> None:
    d = detail("wisp-mx")
    text = pdf_text(render_duplicate_invoice(d, meta("wisp-mx"), "x", barcode_for(d.summary)).pdf)[0]
    assert "Lectura" not in text


def test_no_personal_data_beyond_masked_holder() -> None:
    d = detail("coop-ar")
    doc = render_duplicate_invoice(d, meta("coop-ar"), "x", barcode_for(d.summary))
    text = pdf_text(doc.pdf)[0]
    assert "M**** J**** G******" in text
    assert "@" not in text  # no e-mail addresses
    from io import BytesIO

    from pypdf import PdfReader

    info = PdfReader(BytesIO(doc.pdf)).metadata
    assert info is not None and "G******" not in str(dict(info))


def test_paid_invoice_says_so_and_no_qr_when_scheme_none() -> None:
    d = detail("coop-ar")
    d = type(d)(**{**{f: getattr(d, f) for f in d.__slots__}, "summary": summary(status=InvoiceStatus.PAID)})
    doc = render_duplicate_invoice(d, meta("coop-ar"), "", barcode_for(d.summary))
    assert "PAGADA" in pdf_text(doc.pdf)[0]
    assert doc.qr_payload is None
    assert "QRCODE" not in decode_codes(doc.pdf)


def test_many_lines_flow_to_second_page_with_stub_on_last() -> None:
    d = detail("coop-ar", lines=45)
    doc = render_duplicate_invoice(d, meta("coop-ar"), "qr-payload", barcode_for(d.summary))
    assert doc.pages == 2
    pages = pdf_text(doc.pdf)
    assert all("DUPLICADO" in page for page in pages)
    assert "Talón de pago" in pages[-1] and "Talón de pago" not in pages[0]
    assert decode_codes(doc.pdf)["I25"] == [barcode_for(d.summary)]


def test_code128_option() -> None:
    d = detail("coop-ar")
    digits = barcode_for(d.summary)
    doc = render_duplicate_invoice(d, meta("coop-ar"), "", digits, symbology="code128")
    assert decode_codes(doc.pdf) == {"CODE128": [digits]}


def test_fonts_are_embedded() -> None:
    d = detail("telco-py")
    pdf = render_duplicate_invoice(d, meta("telco-py"), "", barcode_for(d.summary)).pdf
    # The TrueType subsets are embedded (FontFile2), so ₲, ñ and accents print without the printer's fonts.
    assert b"NotoSans" in pdf and b"FontFile2" in pdf
    assert "₲" in pdf_text(pdf)[0]


def test_walk_in_detail_without_address_or_history() -> None:
    import dataclasses

    d = dataclasses.replace(detail("coop-ar"), supply_address="", history=())
    text = pdf_text(render_duplicate_invoice(d, meta("coop-ar"), "x", barcode_for(d.summary)).pdf)[0]
    assert "Domicilio del suministro" not in text
    assert "Consumo de los últimos" not in text
    assert "Lectura actual" in text  # what the paper invoice itself carries is still there


def test_without_codes_the_reference_still_pays() -> None:
    d = detail("coop-ar")
    doc = render_duplicate_invoice(d, meta("coop-ar"), "", "")
    assert decode_codes(doc.pdf) == {}
    assert d.summary.payment_reference in pdf_text(doc.pdf)[0]
    assert doc.barcode is None and doc.qr_payload is None
