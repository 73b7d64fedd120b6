"""payment_codes picks the scheme from the configuration; `payment-qr` shows IT what the kiosk will print."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from kiosk.cli import main
from kiosk.config import Config, parse_config
from kiosk.domain.money import Money
from kiosk.payments.codes import PaymentCodeError, merchant_settings, payment_codes
from kiosk.payments.emv import parse_payload
from kiosk.payments.link import verify_link
from kiosk.payments.reference import make_reference, parse_barcode

ROOT = Path(__file__).resolve().parents[3]
REFERENCE = make_reference(12345, 49107)


def config(**payments: object) -> Config:
    return parse_config({"kiosk": {"id": "K07", "branch": "B001"}, "payments": payments})


def test_emv_scheme_gives_a_valid_dynamic_payload_and_the_barcode() -> None:
    cfg = config(
        scheme="emv", merchant_account_id=27, merchant_account_guid="ar.coop.pagos",
        merchant_account_fields={"01": "30-71234567-9"}, merchant_name="COOP ALMAFUERTE",
        merchant_city="ALMAFUERTE",
    )
    qr, barcode = payment_codes(cfg, REFERENCE, Money(Decimal("15230.50"), "ARS"), date(2026, 12, 10), "0021-1")
    parsed = parse_payload(qr)
    assert parsed.amount == Decimal("15230.50") and parsed.currency == "032" and parsed.is_dynamic
    assert parsed.reference_label == REFERENCE and parsed.bill_number == "0021-1"
    assert parsed.terminal_label == "K07"
    assert parsed.merchant_accounts[0].id == 27 and parsed.merchant_accounts[0].fields == {"01": "30-71234567-9"}
    scanned = parse_barcode(barcode)
    assert scanned is not None
    assert (scanned.reference, scanned.due_date, scanned.amount_cents) == (REFERENCE, date(2026, 12, 10), 1523050)


def test_open_amount_is_static_without_barcode() -> None:
    qr, barcode = payment_codes(config(), REFERENCE, None, None, "")
    assert parse_payload(qr).point_of_initiation == "11" and barcode == ""


def test_url_scheme_signs_with_key_from_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    cfg = config(scheme="url", url_template="https://pay.example/p?r={reference}&a={amount}&i={invoices}")
    amount = Money(Decimal(100), "ARS")
    with pytest.raises(PaymentCodeError, match="hmac_key"):
        payment_codes(cfg, REFERENCE, amount, None, "")
    monkeypatch.setenv("KIOSK_PAYMENT_HMAC_KEY", "from-env")
    qr, _ = payment_codes(cfg, REFERENCE, amount, None, "", invoices=("A-1", "A-2"))
    assert f"r={REFERENCE}&a=100.00&i=A-1,A-2&sig=" in qr and verify_link(qr, "from-env")


def test_none_scheme_still_has_a_barcode() -> None:
    qr, barcode = payment_codes(config(scheme="none"), REFERENCE, Money(Decimal(5), "ARS"), date(2026, 1, 2), "")
    assert qr == "" and len(barcode) == 36


def test_mismatched_currency_and_bad_reference_are_refused() -> None:
    with pytest.raises(PaymentCodeError, match="PYG"):
        payment_codes(config(), REFERENCE, Money(Decimal(5000), "PYG"), None, "")
    with pytest.raises(PaymentCodeError, match="invalid payment reference"):
        payment_codes(config(), REFERENCE[:-1] + str((int(REFERENCE[-1]) + 1) % 10), None, None, "")


# ------------------------------------------------------------------------------------------- the command

CONFIG_TOML = """
[kiosk]
id = "K07"
branch = "B001"

[payments]
scheme = "{scheme}"
currency_numeric = "{currency}"
merchant_name = "Cooperativa Ñandú"
merchant_city = "Córdoba"
merchant_account_guid = "ar.coop.pagos"
hmac_key = "file-key"
"""


def write_config(tmp_path: Path, scheme: str = "emv", currency: str = "032") -> Path:
    path = tmp_path / "kiosk.toml"
    path.write_text(CONFIG_TOML.format(scheme=scheme, currency=currency), encoding="utf-8")
    return path


def test_payment_qr_prints_the_payload(tmp_path: Path) -> None:
    cfg = write_config(tmp_path)
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    env.pop("KIOSK_PAYMENT_HMAC_KEY", None)
    done = subprocess.run(
        [sys.executable, "-m", "kiosk", "payment-qr", "--amount", "1234,5", "--reference", REFERENCE,
         "--config", str(cfg)],
        capture_output=True, text=True, encoding="utf-8", env=env, cwd=ROOT, timeout=60, check=False,
    )
    assert done.returncode == 0, done.stderr
    payload = done.stdout.strip()
    parsed = parse_payload(payload)
    assert parsed.amount == Decimal("1234.50") and parsed.merchant_name == "Cooperativa Ñandú"


def test_payment_qr_json_shows_the_fields(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    cfg = write_config(tmp_path, currency="600")
    rc = main(["payment-qr", "--amount", "150000", "--reference", REFERENCE, "--config", str(cfg),
               "--due-date", "2026-12-10", "--bill-number", "F-1", "--json"])
    assert rc == 0
    out = json.loads(capsys.readouterr().out)
    assert out["scheme"] == "emv"
    fields = out["fields"]
    assert (fields["amount"], fields["currency_alpha"], fields["point_of_initiation"]) == ("150000", "PYG", "dynamic")
    assert (fields["reference_label"], fields["bill_number"]) == (REFERENCE, "F-1")
    assert parse_payload(out["payload"]).crc == fields["crc"]
    assert out["barcode"].startswith(REFERENCE + "261210")


def test_payment_qr_url_scheme_json(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                    monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("KIOSK_PAYMENT_HMAC_KEY", raising=False)
    cfg = write_config(tmp_path, scheme="url")
    assert main(["payment-qr", "--amount", "10", "--reference", REFERENCE, "--config", str(cfg), "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["signature_valid"] is True and out["query"]["ref"] == REFERENCE
    assert verify_link(out["payload"], "file-key")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--amount", "12.3.4"], "--amount: not an amount"),
        (["--amount", "1.000,50"], "--amount: not an amount"),
        (["--amount", "0"], "--amount: must be greater than zero"),
        (["--amount", "10.505"], "more decimals than ARS"),
        (["--amount", "10", "--reference", "123"], "--reference: '123' is not a payment reference"),
        (["--amount", "10", "--due-date", "10/12/2026"], "--due-date"),
    ],
)
def test_payment_qr_bad_input_is_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], args: list[str], message: str
) -> None:
    cfg = write_config(tmp_path)
    argv = ["payment-qr", "--config", str(cfg), *args]
    if "--reference" not in args:
        argv += ["--reference", REFERENCE]
    assert main(argv) == 2
    captured = capsys.readouterr()
    err = captured.err.strip()
    assert err.startswith("error: ") and message in err and "\n" not in err
    assert captured.out == ""


def test_payment_qr_reports_a_configuration_the_bank_would_refuse(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    cfg = write_config(tmp_path)
    cfg.write_text(cfg.read_text(encoding="utf-8").replace("Cooperativa Ñandú", "Cooperativa Eléctrica Sur"),
                   encoding="utf-8")
    assert main(["payment-qr", "--amount", "10", "--reference", REFERENCE, "--config", str(cfg)]) == 2
    assert "merchant name (ID 59) is 26 bytes long" in capsys.readouterr().err


# ------------------------------------------------------------------------------ merchant data from the profile


@pytest.mark.parametrize(
    ("profile", "currency", "numeric"),
    [("coop-ar", "ARS", "032"), ("telco-py", "PYG", "600"), ("wisp-mx", "MXN", "484")],
)
def test_each_profile_makes_a_valid_qr_in_its_own_currency(profile: str, currency: str, numeric: str) -> None:
    """No [payments] merchant data configured: the branding profile supplies it (was: 032 and COOPERATIVA for
    every profile, so PYG and MXN slips had no QR)."""
    from kiosk.branding import load_branding

    branding = load_branding(profile)
    assert branding.currency == currency
    cfg = parse_config({"kiosk": {"id": "K07", "branch": "B001"}, "ui": {"branding": profile}})
    amount = Money(Decimal("150000"), currency)
    qr, _ = payment_codes(cfg, REFERENCE, amount, date(2026, 12, 10), "0001-1")
    parsed = parse_payload(qr)
    qr_data = branding.payment_qr
    assert qr_data is not None
    assert (parsed.currency, parsed.country, parsed.amount) == (numeric, branding.country, amount.amount)
    assert (parsed.merchant_name, parsed.merchant_city) == (qr_data.name, qr_data.city)
    assert parsed.merchant_category_code == qr_data.category_code
    assert parsed.merchant_accounts[0].guid == qr_data.account_guid
    assert dict(parsed.merchant_accounts[0].fields) == dict(qr_data.account_fields)
    assert "COOPERATIVA" not in qr and "com.example.pay" not in qr


def test_configured_values_win_and_the_account_template_comes_whole() -> None:
    cfg = parse_config({
        "kiosk": {"id": "K07", "branch": "B001"},
        "ui": {"branding": "telco-py"},
        "payments": {"merchant_name": "COMSUR LUQUE", "merchant_account_guid": "py.com.otra.red"},
    })
    settings = merchant_settings(cfg)
    assert (settings.name, settings.city, settings.currency_numeric) == ("COMSUR LUQUE", "ASUNCION", "600")
    # another network's GUID does not inherit the profile network's merchant id
    assert (settings.account.id, settings.account.guid, dict(settings.account.fields)) == (26, "py.com.otra.red", {})


def test_a_profile_without_payment_qr_names_the_setting_to_give(monkeypatch: pytest.MonkeyPatch) -> None:
    from dataclasses import replace

    from kiosk.branding import load_branding
    from kiosk.payments import codes

    bare = replace(load_branding("coop-ar"), payment_qr=None)
    monkeypatch.setattr(codes, "_profile", lambda key: bare)
    cfg = parse_config({"kiosk": {"id": "K07", "branch": "B001"}})
    with pytest.raises(PaymentCodeError, match=r"payments\.merchant_account_guid is not set .* no \[payment_qr\]"):
        payment_codes(cfg, REFERENCE, Money(Decimal(5), "ARS"), None, "")
