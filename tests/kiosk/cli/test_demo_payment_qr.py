"""Every profile's demo prints payment slips whose QR a bank app accepts: the utility's currency and merchant.

The demo is prepared as `python -m kiosk demo` does (a seeded central, a synced replica, the kiosk.toml it
writes), then `python -m kiosk print payment-slip` prints the real slip PDF of an account with open invoices;
the QR is read back from the rendered page with pyzbar and parsed as EMV.
"""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

import pytest
from pyzbar.pyzbar import ZBarSymbol, decode

from kiosk.branding import load_branding
from kiosk.cli import main
from kiosk.demo import prepare
from kiosk.payments.emv import currency_numeric, parse_payload
from printing.render import pdf_to_images

ACCOUNTS = 40


@pytest.mark.parametrize(
    ("profile", "numeric"), [("coop-ar", "032"), ("telco-py", "600"), ("wisp-mx", "484")]
)
def test_the_demo_slip_qr_is_in_the_profiles_currency_and_name(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], profile: str, numeric: str
) -> None:
    config, facts = prepare(tmp_path / "demo", profile, ACCOUNTS, log=lambda _msg: None)
    toml = config.data_dir / "kiosk.toml"
    branding = load_branding(profile)
    assert currency_numeric(branding.currency) == numeric
    printed = None
    for demo in sorted(facts["demo"], key=lambda d: -(d.get("pending", 0) + d.get("overdue", 0))):
        out = tmp_path / f"slip-{demo['account_id']}.pdf"
        rc = main(["print", "payment-slip", "--config", str(toml), "--account", str(demo["account_id"]),
                   "--out", str(out), "--json"])
        captured = capsys.readouterr()
        if rc == 0:
            printed = (out, json.loads(captured.out))
            break
    assert printed is not None, f"no demo account of {profile} has a payable invoice"
    pdf, figures = printed
    payloads = [
        found.data.decode()
        for image in pdf_to_images(pdf.read_bytes())
        for found in decode(image, symbols=[ZBarSymbol.QRCODE])
    ]
    assert len(payloads) == 1, f"{profile}: the slip carries no payment QR"
    qr = parse_payload(payloads[0])
    merchant = branding.payment_qr
    assert merchant is not None
    assert (qr.currency, qr.country) == (numeric, branding.country)
    assert (qr.merchant_name, qr.merchant_city) == (merchant.name, merchant.city)
    assert qr.merchant_name != "COOPERATIVA" and qr.merchant_accounts[0].guid != "com.example.pay"
    assert figures["currency"] == branding.currency and qr.amount == Decimal(figures["total"])
    assert qr.terminal_label == config.kiosk.id
