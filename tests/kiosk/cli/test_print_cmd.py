"""`python -m kiosk print`: real command, real replica file, PDFs read back and codes decoded."""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
from contextlib import closing
from datetime import datetime
from decimal import Decimal
from io import BytesIO
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from pypdf import PdfReader
from pyzbar.pyzbar import ZBarSymbol, decode

from db.base import LocalBase
from db.engine import local_engine, session_factory
from kiosk.config import load_config
from kiosk.formatting import format_amount
from kiosk.payments.reference import parse_barcode
from printing.render import pdf_to_images

ROOT = Path(__file__).resolve().parents[3]
sys.path.insert(0, str(ROOT / "tests" / "kiosk" / "services"))

from svc_replica import ACCOUNT, seed  # noqa: E402


@pytest.fixture()
def config_file(tmp_path: Path) -> Path:
    engine = local_engine(tmp_path / "replica.sqlite3")
    LocalBase.metadata.create_all(engine)
    with session_factory(engine).begin() as session:
        seed(session)
    engine.dispose()
    path = tmp_path / "kiosk.toml"
    path.write_text(
        f"""
[kiosk]
id = "K07"
branch = "B21"
branch_name = "Centro"
data_dir = "{tmp_path}"

[ui]
branding = "coop-ar"

[printer]
backend = "pdf-folder"
folder = "{tmp_path / "prints"}"
roll_width_mm = 58
""",
        encoding="utf-8",
    )
    return path


def kiosk(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "kiosk", "print", *args], capture_output=True, text=True, cwd=ROOT, timeout=120
    )


def _text(pdf: Path) -> str:
    return "\n".join(p.extract_text() or "" for p in PdfReader(BytesIO(pdf.read_bytes())).pages)


def _codes(pdf: Path) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for image in pdf_to_images(pdf.read_bytes()):
        for d in decode(image, symbols=[ZBarSymbol.QRCODE, ZBarSymbol.I25]):
            found.setdefault(d.type, []).append(d.data.decode())
    return found


def test_duplicate_from_replica(config_file: Path, tmp_path: Path) -> None:
    out = tmp_path / "out" / "dup.pdf"
    done = kiosk(
        "duplicate",
        "--config",
        str(config_file),
        "--account",
        str(ACCOUNT),
        "--invoice",
        "0021-00049111",
        "--out",
        str(out),
        "--json",
    )
    assert done.returncode == 0, done.stderr
    facts = json.loads(done.stdout)
    assert facts["kind"] == "duplicate" and facts["pages"] == 1 and facts["out"] == str(out)
    text = _text(out)
    assert "0021-00049111" in text and "DUPLICADO" in text and "K07" in text
    assert "J*** P*****" in text and "Juan" not in text
    assert "$\xa02.625,00" in text or "$ 2.625,00" in text  # 250 kWh x 10.50
    codes = _codes(out)
    assert codes["I25"] == [facts["barcode"]]
    assert codes.get("QRCODE", []) == ([facts["qr_payload"]] if facts["qr_payload"] else [])


def test_payment_slip_of_open_invoices_on_configured_roll(config_file: Path, tmp_path: Path) -> None:
    out = tmp_path / "slip.pdf"
    done = kiosk("payment-slip", "--config", str(config_file), "--account", str(ACCOUNT), "--out", str(out), "--json")
    assert done.returncode == 0, done.stderr
    facts = json.loads(done.stdout)
    assert facts["paper"] == "roll58"
    text = _text(out)
    assert "0021-00049110" in text and "0021-00049111" in text and "0021-00049109" not in text  # 109 is paid
    assert _codes(out)["I25"] == [facts["barcode"]]
    # What was printed, as figures: the total is the invoices' amounts today, the barcode carries it and the
    # pay-by date, which is never in the past.
    total = Decimal(facts["total"])
    assert total == sum(Decimal(i["amount"]) for i in facts["invoices"])
    assert [i["number"] for i in facts["invoices"]] == ["0021-00049110", "0021-00049111"]
    parsed = parse_barcode(facts["barcode"])
    assert parsed is not None and parsed.amount_cents == int(total * 100)
    kiosk_today = datetime.now(ZoneInfo(load_config(config_file).kiosk.timezone)).date()  # the kiosk's day
    assert parsed.due_date.isoformat() == facts["pay_by"] >= kiosk_today.isoformat()
    flat = "".join(text.split())
    assert "".join(format_amount(total, facts["currency"], "es_AR").split()) in flat


def test_statement_and_test_page(config_file: Path, tmp_path: Path) -> None:
    out = tmp_path / "st.pdf"
    done = kiosk(
        "statement", "--config", str(config_file), "--account", str(ACCOUNT), "--out", str(out), "--language", "en"
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith(f"wrote {out} (statement, a4, ")
    assert "Page 1 of" in _text(out) and "Account statement".upper() in _text(out)
    done = kiosk(
        "statement", "--config", str(config_file), "--account", str(ACCOUNT), "--out", str(out), "--json"
    )
    facts = json.loads(done.stdout)
    opening, debits, credits, closing = (Decimal(facts[k]) for k in ("opening", "debits", "credits", "closing"))
    assert opening + debits - credits == closing and debits > 0 and credits > 0
    assert format_amount(closing, facts["currency"], "es_AR") in _text(out).replace("\xa0", " ")

    page = tmp_path / "tp.pdf"
    done = kiosk("test-page", "--config", str(config_file), "--paper", "roll80", "--out", str(page))
    assert done.returncode == 0, done.stderr
    assert "pdf-folder" in _text(page) and "80 mm" in _text(page)


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["duplicate", "--account", "1001", "--invoice", "0021-99999999"], "invoice_not_found"),
        (["duplicate", "--invoice", "0021-00049111"], "needs --account"),
        (["statement", "--account", "12a"], "malformed_account"),
        (["payment-slip", "--account", "1001", "--invoice", "0021-00049100"], "invoice_already_paid"),
        (["claim-receipt", "--account", "1001"], "claim-receipt needs --number"),
        (["reading-receipt", "--number", "B21-K07-999999"], "document_unavailable"),
    ],
)
def test_bad_input_is_one_clear_line(config_file: Path, tmp_path: Path, args: list[str], message: str) -> None:
    done = kiosk(*args, "--config", str(config_file), "--out", str(tmp_path / "x.pdf"))
    assert done.returncode == 2
    assert message in done.stderr and done.stderr.count("\n") == 1
    assert not (tmp_path / "x.pdf").exists()


def test_missing_replica(tmp_path: Path) -> None:
    cfg = tmp_path / "k.toml"
    cfg.write_text(f'[kiosk]\nid = "K1"\nbranch = "B1"\ndata_dir = "{tmp_path / "none"}"\n', encoding="utf-8")
    done = kiosk("statement", "--config", str(cfg), "--account", "1", "--out", str(tmp_path / "x.pdf"))
    assert done.returncode == 2 and "no replica" in done.stderr


def test_damaged_replica_is_one_line_not_a_traceback(config_file: Path, tmp_path: Path) -> None:
    replica = tmp_path / "replica.sqlite3"
    with closing(sqlite3.connect(replica)) as conn:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        size = conn.execute("PRAGMA page_size").fetchone()[0]
        page = conn.execute("SELECT rootpage FROM sqlite_master WHERE name = 'invoices'").fetchone()[0]
    with open(replica, "r+b") as f:  # 4 KB of zeros over the invoices' page
        f.seek((page - 1) * size)
        f.write(b"\0" * 4096)
    done = kiosk("duplicate", "--config", str(config_file), "--account", str(ACCOUNT), "--invoice", "0021-00049111",
                 "--out", str(tmp_path / "x.pdf"))
    assert done.returncode == 2 and "Traceback" not in done.stderr and done.stderr.count("\n") == 1
    assert "is damaged" in done.stderr and "sync --once" in done.stderr


def test_claim_receipt_read_back_by_number(config_file: Path, tmp_path: Path) -> None:
    from datetime import UTC, datetime

    from db.models import LocalClaim, LocalClaimCategory, LocalSupply

    engine = local_engine(tmp_path / "replica.sqlite3")
    with session_factory(engine).begin() as session:
        supply = session.query(LocalSupply).filter_by(account_id=ACCOUNT).first()
        category = session.query(LocalClaimCategory).first()
        assert supply is not None and category is not None
        session.add(
            LocalClaim(
                id="0b7f5a52-1111-4d2e-9a4e-000000000042", kiosk_id="K07", created_at=datetime.now(UTC),
                number="B21-K07-000042", account_id=ACCOUNT, supply_id=supply.id, category_code=category.code,
                description="Sin luz desde la mañana", contact_phone="3515551234", contact_time="tarde",
            )
        )
    engine.dispose()
    out = tmp_path / "claim.pdf"
    done = kiosk("claim-receipt", "--config", str(config_file), "--number", "B21-K07-000042", "--out", str(out))
    assert done.returncode == 0, done.stderr
    flat = "".join(_text(out).split())  # roll paper wraps long lines
    assert "B21-K07-000042" in flat and "Sinluzdesdelamañana" in flat
