"""Receipts: the confirmation number, what was submitted, when, where and what happens next."""

from __future__ import annotations

import pytest
from printing_samples import claim, meta, pdf_text, reading, request, squash

from kiosk.domain import RequestKind
from kiosk.formatting import format_datetime
from printing.documents import render_claim_receipt, render_reading_receipt, render_request_receipt
from printing.documents.receipts import mask_phone


@pytest.mark.parametrize("paper", ["roll58", "roll80", "a4"])
def test_claim_receipt(paper: str) -> None:
    r = claim()
    m = meta("coop-ar")
    doc = render_claim_receipt(r, m, paper)  # type: ignore[arg-type]
    assert doc.kind == "claim-receipt" and doc.pages == 1 and doc.name == f"claim-receipt-{r.number}"
    text = pdf_text(doc.pdf)[0]
    when = format_datetime(r.created_at, "es_AR", "America/Argentina/Buenos_Aires")
    assert when == "9 oct 2024 14:42"
    for expected in (r.number, "Falta de suministro", when, "K-021-03", "Qué sigue", "**21", "COMPROBANTE DE RECLAMO"):
        assert squash(expected) in squash(text), expected
    assert squash(r.description) in squash(text)
    # The same facts go to native ESC/POS printing, within the roll's characters per line.
    width = {"roll58": 32, "roll80": 48, "a4": 48}[paper]
    assert all(len(line) <= width for line in doc.text_lines)
    joined = "\n".join(doc.text_lines)
    assert r.number in joined and when in joined and "Falta de suministro" in joined


def test_claim_receipt_masks_contact_phone() -> None:
    r = claim()
    full = type(r)(**{**{f: getattr(r, f) for f in r.__slots__}, "contact_phone": "351 555 1234"})
    doc = render_claim_receipt(full, meta(), "roll80")
    assert "555" not in pdf_text(doc.pdf)[0] and "555" not in "\n".join(doc.text_lines)
    assert mask_phone("351 555 1234") == "*** *** **34"


@pytest.mark.parametrize("language", ["es", "en"])
def test_reading_receipt_flags_and_consumption(language: str) -> None:
    r = reading(flagged=True)
    doc = render_reading_receipt(r, meta("coop-ar", language), "roll80")
    text = pdf_text(doc.pdf)[0]
    assert r.number in text and "19112" in text and "E-0045512" in text
    assert "312 kWh" in text
    assert squash("our staff will check it" if language == "en" else "será verificada") in squash(text)
    assert ("Meter reading receipt" if language == "en" else "Comprobante de lectura").upper() in text


def test_reading_receipt_without_flags_has_no_warning() -> None:
    doc = render_reading_receipt(reading(flagged=False), meta(), "roll58")
    assert "verificada" not in pdf_text(doc.pdf)[0]
    assert not any(line.startswith("!") for line in doc.text_lines)


@pytest.mark.parametrize(
    ("kind", "title"),
    [
        (RequestKind.RECONNECTION, "COMPROBANTE DE SOLICITUD"),
        (RequestKind.PIN_RESET, "COMPROBANTE DE SOLICITUD DE CLAVE"),
        (RequestKind.CONTACT_CHANGE, "COMPROBANTE DE ACTUALIZACIÓN DE DATOS"),
    ],
)
def test_request_receipts(kind: RequestKind, title: str) -> None:
    r = request(kind)
    doc = render_request_receipt(r, meta("wisp-mx"), "roll80")
    text = squash(pdf_text(doc.pdf)[0])
    assert squash(title) in text and r.number in text
    for label, value in r.fields:
        assert squash(label) in text and squash(value) in text
    assert doc.kind == "request-receipt"


@pytest.mark.parametrize("key", ["coop-ar", "telco-py", "wisp-mx"])
def test_claim_receipt_and_duplicate_use_the_utilitys_word_for_a_supply(key: str) -> None:
    """A cooperative's paper says "Suministro"; a telco's or an internet provider's says "Servicio"."""
    from printing_samples import detail

    from kiosk.branding import load_branding
    from printing.documents import render_duplicate_invoice
    from printing.i18n import supply_text, t

    metered = any(s.metered for s in load_branding(key).services)
    for language in ("es", "en"):
        m = meta(key, language)
        word = supply_text("supply", m.branding, language)
        address = supply_text("supply_address", m.branding, language)
        assert ("Suministro" in word) == (metered and language == "es")
        claim_text = squash(pdf_text(render_claim_receipt(claim(key), m, "roll80").pdf)[0])
        assert squash(word) in claim_text
        dup = render_duplicate_invoice(detail(key), m, "", "")
        dup_text = squash(" ".join(pdf_text(dup.pdf)))
        assert squash(address) in dup_text
        if not metered:  # (the sample claim's own category still speaks of electricity)
            assert squash(t("supply", language)) not in claim_text
            assert squash(t("supply_address", language)) not in dup_text
