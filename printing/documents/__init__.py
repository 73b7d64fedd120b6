"""Printed documents: plain domain objects in, `RenderedDocument` (PDF bytes and facts) out.

Each module renders one kind of document; texts come from printing.i18n, money and dates from
kiosk.formatting, and every PDF embeds the bundled Noto Sans.
"""

from printing.documents.duplicate_invoice import render_duplicate_invoice
from printing.documents.payment_slip import render_payment_slip
from printing.documents.receipts import render_claim_receipt, render_reading_receipt, render_request_receipt
from printing.documents.statement import render_statement
from printing.documents.test_page import render_test_page

__all__ = [
    "render_claim_receipt",
    "render_duplicate_invoice",
    "render_payment_slip",
    "render_reading_receipt",
    "render_request_receipt",
    "render_statement",
    "render_test_page",
]
