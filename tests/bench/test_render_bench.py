"""Render time of the duplicate invoice and the payment slip (target: under 150 ms each).

Run with `make bench`; prints median and p95 over 50 renders after one warm-up render (font registration and
the first TrueType subsetting happen once per process, not per document).
"""

from __future__ import annotations

import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "printing" / "documents"))

import printing_samples as ps

from kiosk.payments import emv
from printing.documents import render_duplicate_invoice, render_payment_slip

pytestmark = pytest.mark.bench

RUNS = 50
TARGET_MS = 150.0


def _measure(render: Callable[[], object]) -> tuple[float, float]:
    render()  # warm-up
    times = []
    for _ in range(RUNS):
        start = time.perf_counter()
        render()
        times.append((time.perf_counter() - start) * 1000)
    times.sort()
    return statistics.median(times), times[int(0.95 * (len(times) - 1))]


DETAIL = ps.detail("coop-ar")
SLIP = ps.slip("coop-ar", 3)
SLIP_PY = ps.slip("telco-py", 1)
SLIP_MX = ps.slip("wisp-mx", 3)


def _emv() -> str:
    return emv.build_payload(
        emv.EmvPayment(
            merchant_accounts=(emv.MerchantAccount(26, "com.example.pay", {"01": "30545724196"}),),
            merchant_category_code="4900",
            currency="032",
            country="AR",
            merchant_name="COOP ALMAFUERTE",
            merchant_city="ALMAFUERTE",
            amount=DETAIL.summary.total.amount,
            bill_number=DETAIL.summary.number,
            reference_label=DETAIL.summary.payment_reference,
        )
    )


EMV = _emv()

CASES: dict[str, Callable[[], object]] = {
    "duplicate invoice A4 (coop-ar)": lambda: render_duplicate_invoice(
        DETAIL, ps.meta("coop-ar"), EMV, ps.barcode_for(DETAIL.summary)
    ),
    "payment slip roll80 (coop-ar, 3 invoices)": lambda: render_payment_slip(SLIP, ps.meta("coop-ar"), "roll80"),
    "payment slip roll58 (telco-py, 1 invoice)": lambda: render_payment_slip(SLIP_PY, ps.meta("telco-py"), "roll58"),
    "payment slip A4 (wisp-mx, 3 invoices)": lambda: render_payment_slip(SLIP_MX, ps.meta("wisp-mx"), "a4"),
}


@pytest.mark.parametrize("case", list(CASES))
def test_render_time(case: str) -> None:
    median, p95 = _measure(CASES[case])
    print(f"\n{case}: median {median:.1f} ms, p95 {p95:.1f} ms over {RUNS} renders (target < {TARGET_MS:.0f} ms)")
    assert median < TARGET_MS
