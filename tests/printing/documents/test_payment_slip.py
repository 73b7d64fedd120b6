"""Payment slip on rolls and A4: totals, due dates and reference in text; codes that scan to the same."""

from __future__ import annotations

from io import BytesIO

import pytest
from printing_samples import decode_codes, meta, pdf_text, slip, squash
from pypdf import PdfReader

from kiosk.formatting import format_date, format_money
from kiosk.payments import emv
from printing.documents import render_payment_slip
from printing.documents._base import ROLL_WIDTH


@pytest.mark.parametrize("paper", ["roll58", "roll80", "a4"])
@pytest.mark.parametrize(("key", "language"), [("coop-ar", "es"), ("telco-py", "en"), ("wisp-mx", "es")])
def test_slip_texts_and_codes(paper: str, key: str, language: str) -> None:
    s = slip(key, invoices=2)
    m = meta(key, language)
    doc = render_payment_slip(s, m, paper)  # type: ignore[arg-type]
    assert doc.pages == 1 and doc.paper == paper and doc.kind == "payment-slip"
    text = squash(pdf_text(doc.pdf)[0])
    for expected in (
        format_money(s.total, m.locale),
        format_date(s.due_date, m.locale),
        s.reference,
        s.barcode,
        s.holder_masked,
        *(inv.number for inv in s.invoices),
        *(format_money(inv.total, m.locale) for inv in s.invoices),
        m.branding.payment_instructions(language).splitlines()[0],
    ):
        assert squash(expected) in text, expected
    assert decode_codes(doc.pdf) == {"QRCODE": [s.qr_payload], "I25": [s.barcode]}


@pytest.mark.parametrize("paper", ["roll58", "roll80"])
def test_roll_width_and_length_follow_content(paper: str) -> None:
    one = render_payment_slip(slip("coop-ar", 1), meta(), paper)  # type: ignore[arg-type]
    five = render_payment_slip(slip("coop-ar", 5), meta(), paper)  # type: ignore[arg-type]
    (p1,) = PdfReader(BytesIO(one.pdf)).pages
    (p5,) = PdfReader(BytesIO(five.pdf)).pages
    assert float(p1.mediabox.width) == pytest.approx(ROLL_WIDTH[paper])
    assert float(p5.mediabox.height) > float(p1.mediabox.height) + 20 * 2.83  # four more invoices: > 2 cm more
    assert float(p1.mediabox.height) < 400 * 2.83  # no metres of blank paper


def test_emv_payload_amount_equals_printed_total() -> None:
    base = slip("coop-ar", 3)
    payload = emv.build_payload(
        emv.EmvPayment(
            merchant_accounts=(emv.MerchantAccount(26, "com.example.pay"),),
            merchant_category_code="4900",
            currency="032",
            country="AR",
            merchant_name="COOP ALMAFUERTE",
            merchant_city="ALMAFUERTE",
            amount=base.total.amount,
            reference_label=base.reference,
        )
    )
    s = type(base)(**{**{f: getattr(base, f) for f in base.__slots__}, "qr_payload": payload})
    doc = render_payment_slip(s, meta(), "roll80")
    (decoded,) = decode_codes(doc.pdf)["QRCODE"]
    parsed = emv.parse_payload(decoded)
    assert parsed.amount is not None
    printed = format_money(type(s.total)(parsed.amount, "ARS"), "es_AR")
    assert squash(printed) in squash(pdf_text(doc.pdf)[0])
    assert parsed.additional_data["05"] == s.reference


def test_no_qr_scheme_says_how_to_pay_instead() -> None:
    base = slip("telco-py", 1)
    s = type(base)(**{**{f: getattr(base, f) for f in base.__slots__}, "qr_payload": ""})
    doc = render_payment_slip(s, meta("telco-py"), "roll80")
    assert "Sin código QR" in pdf_text(doc.pdf)[0]
    assert decode_codes(doc.pdf) == {"I25": [s.barcode]}


def test_instructions_from_slip_win_over_branding() -> None:
    base = slip("coop-ar", 1)
    s = type(base)(**{**{f: getattr(base, f) for f in base.__slots__}, "instructions": "Pague en la caja 3."})
    assert "Pague en la caja 3." in pdf_text(render_payment_slip(s, meta(), "roll80").pdf)[0]


@pytest.mark.parametrize("paper", ["roll80", "a4"])
def test_prepaid_top_up_slip_has_no_invoices(paper: str) -> None:
    base = slip("wisp-mx", 1)
    s = type(base)(**{**{f: getattr(base, f) for f in base.__slots__}, "invoices": ()})
    doc = render_payment_slip(s, meta("wisp-mx"), paper)  # type: ignore[arg-type]
    text = pdf_text(doc.pdf)[0]
    assert "Recarga de plan prepago" in text and "Facturas incluidas" not in text
    assert squash(format_money(s.total, "es_MX")) in squash(text)
    assert decode_codes(doc.pdf)["I25"] == [s.barcode]


def test_slip_without_barcode_still_has_reference_and_qr() -> None:
    base = slip("coop-ar", 1)
    s = type(base)(**{**{f: getattr(base, f) for f in base.__slots__}, "barcode": ""})
    doc = render_payment_slip(s, meta(), "roll80")
    assert decode_codes(doc.pdf) == {"QRCODE": [s.qr_payload]}
    assert squash(s.reference) in squash(pdf_text(doc.pdf)[0])


@pytest.mark.parametrize(("paper", "width"), [("roll58", 32), ("roll80", 48)])
def test_roll_slip_text_lines_for_native_escpos(paper: str, width: int) -> None:
    s = slip("telco-py", 2)
    m = meta("telco-py")
    doc = render_payment_slip(s, m, paper)  # type: ignore[arg-type]
    assert doc.text_lines and all(len(line) <= width for line in doc.text_lines)
    joined = "\n".join(doc.text_lines)
    assert format_money(s.total, m.locale) in joined
    assert s.reference in joined and all(inv.number in joined for inv in s.invoices)
    assert render_payment_slip(s, m, "a4").text_lines == ()
