"""`python -m kiosk provision` writes a file the kiosk accepts, and refuses bad input in one line."""

from __future__ import annotations

import stat
import tomllib
from pathlib import Path

import pytest

from kiosk.cli import main
from kiosk.config import load_config


def test_provision_writes_a_valid_private_config(tmp_path: Path) -> None:
    out = tmp_path / "etc" / "kiosk.toml"
    rc = main(
        [
            "provision", "--branch", "B001", "--kiosk", "K07", "--central", "postgresql://kiosk:pw@db/utility",
            "--printer", "escpos", "--printer-host", "10.0.0.9", "--branch-name", "Sucursal Güemes",
            "--out", str(out),
        ]
    )
    assert rc == 0
    config = load_config(out)
    assert (config.kiosk.id, config.kiosk.branch, config.kiosk.branch_name) == ("K07", "B001", "Sucursal Güemes")
    assert config.printer.backend == "escpos" and config.printer.escpos_host == "10.0.0.9"
    assert stat.S_IMODE(out.stat().st_mode) == 0o600


def test_provision_prints_the_branch_pin_once_and_stores_its_hash(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from argon2 import PasswordHasher

    out = tmp_path / "kiosk.toml"
    assert main(["provision", "--branch", "B1", "--kiosk", "K1", "--central", "sqlite:///c.db", "--out", str(out)]) == 0
    printed = capsys.readouterr().out
    pin = printed.split("branch maintenance PIN: ")[1].split()[0]
    assert len(pin) == 6 and pin.isdigit() and printed.count(pin) == 1
    stored = load_config(out).maintenance.branch_pin_hash
    assert PasswordHasher().verify(stored, pin)
    assert tomllib.loads(out.read_text())["maintenance"] == {"branch_pin_hash": stored}  # the hash, no PIN
    assert main(["provision", "--branch", "B1", "--kiosk", "K1", "--central", "sqlite:///c.db", "--out", str(out),
                 "--force"]) == 0
    assert load_config(out).maintenance.branch_pin_hash != stored  # every provision makes a new PIN


def test_provision_refuses_to_overwrite(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "kiosk.toml"
    out.write_text("keep me")
    rc = main(["provision", "--branch", "B1", "--kiosk", "K1", "--central", "sqlite:///c.db", "--out", str(out)])
    assert rc == 2
    assert "pass --force" in capsys.readouterr().err
    assert out.read_text() == "keep me"


def test_provision_rejects_bad_ids_without_writing(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "kiosk.toml"
    rc = main(["provision", "--branch", "B 1", "--kiosk", "K1", "--central", "sqlite:///c.db", "--out", str(out)])
    assert rc == 2
    err = capsys.readouterr().err.strip()
    assert err.startswith("error: ") and "kiosk.branch" in err and "\n" not in err
    assert not out.exists()


def test_escpos_needs_a_host(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    rc = main(
        ["provision", "--branch", "B1", "--kiosk", "K1", "--central", "sqlite:///c.db", "--printer", "escpos",
         "--out", str(tmp_path / "k.toml")]
    )
    assert rc == 2
    assert "--printer-host" in capsys.readouterr().err


def test_provision_takes_zone_and_qr_merchant_from_the_profile(tmp_path: Path) -> None:
    from decimal import Decimal

    from kiosk.branding import load_branding
    from kiosk.domain.money import Money
    from kiosk.payments.codes import payment_codes
    from kiosk.payments.emv import currency_numeric, parse_payload
    from kiosk.payments.reference import make_reference

    out = tmp_path / "kiosk.toml"
    rc = main(["provision", "--branch", "ASU", "--kiosk", "K1", "--central", "sqlite:///c.db", "--branding",
               "telco-py", "--merchant-id", "BANCARD-0042", "--out", str(out)])
    assert rc == 0
    branding = load_branding("telco-py")
    config = load_config(out)
    assert config.kiosk.timezone == "America/Asuncion"
    assert "locale" not in out.read_text(encoding="utf-8")  # money and dates follow the profile's locale
    p, qr = config.payments, branding.payment_qr
    assert qr is not None
    assert (p.currency_numeric, p.country) == (currency_numeric(branding.currency), branding.country)
    assert (p.merchant_name, p.merchant_city, p.merchant_account_guid) == (qr.name, qr.city, qr.account_guid)
    assert p.merchant_account_fields == {**dict(qr.account_fields), "01": "BANCARD-0042"}
    text = out.read_text(encoding="utf-8")
    assert 'merchant_name = "COMSUR S.A."' in text and "COOPERATIVA" not in text
    payload, _ = payment_codes(config, make_reference(1001, 5), Money(Decimal(150000), "PYG"), None, "")
    assert parse_payload(payload).currency == "600"


def test_provision_refuses_a_merchant_name_a_bank_app_would_reject(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "kiosk.toml"
    rc = main(["provision", "--branch", "B1", "--kiosk", "K1", "--central", "sqlite:///c.db",
               "--merchant-name", "Cooperativa Eléctrica Sur", "--out", str(out)])  # 25 letters, 26 bytes
    assert rc == 2
    assert "merchant name (ID 59) is 26 bytes long" in capsys.readouterr().err
    assert not out.exists()


@pytest.mark.parametrize("profile", ["coop-ar", "telco-py", "wisp-mx"])
def test_doctor_checks_the_payment_qr(tmp_path: Path, profile: str) -> None:
    from kiosk.cli.doctor_cmd import check_payments
    from kiosk.config import parse_config

    config = parse_config({"kiosk": {"id": "K1", "branch": "B1"}, "ui": {"branding": profile}})
    assert check_payments(config).status == "ok"
    wrong = "484" if profile != "wisp-mx" else "032"
    bad = parse_config({"kiosk": {"id": "K1", "branch": "B1"}, "ui": {"branding": profile},
                        "payments": {"currency_numeric": wrong}})
    result = check_payments(bad)
    assert result.status == "fail" and "slips would print without a QR" in result.detail


@pytest.mark.pg
def test_provision_creates_the_kiosks_own_role(tmp_path: Path, pg_url: str) -> None:
    """--central-admin: the written URL logs in as kiosk/<branch>/<id>, which writes only its own heartbeat."""
    import uuid

    import sqlalchemy as sa

    from db.engine import central_engine
    from kiosk.cli.central_init import init_central

    init_central(pg_url)
    branch = f"T{uuid.uuid4().hex[:8]}"
    out = tmp_path / "kiosk.toml"
    rc = main(["provision", "--branch", branch, "--kiosk", "K1", "--central", pg_url, "--central-admin", pg_url,
               "--out", str(out)])
    assert rc == 0
    url = load_config(out).central_url
    assert f"kiosk%2F{branch}%2FK1" in url
    engine = central_engine(url)
    admin = central_engine(pg_url)
    try:
        with engine.connect() as conn:
            assert conn.exec_driver_sql("SELECT current_user").scalar_one() == f"kiosk/{branch}/K1"
        with pytest.raises(sa.exc.ProgrammingError, match="row-level security"), engine.begin() as conn:
            conn.exec_driver_sql(
                "INSERT INTO heartbeats (kiosk_id, branch_id, app_version, schema_version, outbox_depth, parked, "
                f"printer_state, free_disk_mb, reported_at) VALUES ('K2', '{branch}', '1', 'x', 0, 0, 'ok', 1, now())")
    finally:
        engine.dispose()
        with admin.begin() as conn:
            conn.exec_driver_sql(f'DROP OWNED BY "kiosk/{branch}/K1"')
            conn.exec_driver_sql(f'DROP ROLE "kiosk/{branch}/K1"')
        admin.dispose()
