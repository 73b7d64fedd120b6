"""Account statement: several pages, headers and "page x of y" on each, balances and totals."""

from __future__ import annotations

from io import BytesIO

from printing_samples import meta, pdf_text, squash, statement
from pypdf import PdfReader

from kiosk.domain import Money
from kiosk.formatting import format_amount, format_money
from printing.documents import render_statement


def test_three_pages_with_headers_and_page_numbers() -> None:
    st = statement("coop-ar", entries=110)
    doc = render_statement(st, meta("coop-ar"))
    assert doc.pages == 3 == len(PdfReader(BytesIO(doc.pdf)).pages)
    pages = pdf_text(doc.pdf)
    for number, text in enumerate(pages, start=1):
        assert f"Página {number} de 3" in text
        for head in ("Fecha", "Concepto", "Referencia", "Debe", "Haber", "Saldo"):
            assert head in text, (number, head)
        assert "M**** J**** G******" not in text or number == 1
    # Every movement is printed once, in order, with its running balance.
    everything = "\n".join(pages)
    positions = [everything.index(e.reference) for e in st.entries]
    assert positions == sorted(positions)
    last = st.entries[-1]
    assert format_amount(last.balance, "ARS", "es_AR") in pages[-1]
    assert "Totales" in pages[-1] and "Totales" not in pages[0]


def test_summary_balances_formatted_for_locale() -> None:
    st = statement("telco-py", entries=20)
    doc = render_statement(st, meta("telco-py"))
    text = squash(pdf_text(doc.pdf)[0])
    assert doc.pages == 1
    assert "Página1de1" in text
    assert squash(format_money(Money(st.opening_balance, "PYG"), "es_PY")) in text
    assert squash(format_money(Money(st.closing_balance, "PYG"), "es_PY")) in text
    debit = sum(e.debit for e in st.entries)
    assert squash(format_amount(debit, "PYG", "es_PY")) in text


def test_english_statement() -> None:
    doc = render_statement(statement("wisp-mx", entries=60), meta("wisp-mx", "en"))
    pages = pdf_text(doc.pdf)
    assert doc.pages == len(pages) >= 2
    assert all(f"Page {i} of {len(pages)}" in p for i, p in enumerate(pages, start=1))
    assert "Balance" in pages[-1] and "Opening balance" in pages[0]


def test_empty_statement_says_so() -> None:
    st = statement("coop-ar", entries=1)
    empty = type(st)(**{**{f: getattr(st, f) for f in st.__slots__}, "entries": ()})
    text = pdf_text(render_statement(empty, meta()).pdf)[0]
    assert "Sin movimientos" in text and "Página 1 de 1" in text
