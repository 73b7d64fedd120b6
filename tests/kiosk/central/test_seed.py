"""The demo seeder: deterministic, realistic in its proportions, and valid for the rest of the system."""

from __future__ import annotations

import hashlib
import re
from collections import Counter, defaultdict
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

import bcrypt
import pytest
import sqlalchemy as sa
from argon2 import PasswordHasher

import db.models  # noqa: F401  (complete metadata)
from db.base import CentralBase
from db.engine import central_engine
from kiosk.central.seed import ALL_TABLES, SeedError, demo_pins, seed_database
from kiosk.central.seed_content import FAQ
from kiosk.central.seed_gen import COLUMNS, account_reference_sum, fast_reference
from kiosk.cli import main
from kiosk.payments.reference import is_valid_reference, make_reference

TODAY = date(2026, 11, 25)


def sqlite_url(tmp_path: Path, name: str = "central.db") -> str:
    return f"sqlite:///{tmp_path / name}"


def rows(url: str, table: str, where: str = "") -> list[dict[str, Any]]:
    """Rows through the models' types, so both engines give Decimal money, dates and aware timestamps."""
    engine = central_engine(url)
    try:
        t = CentralBase.metadata.tables[table]
        query = sa.select(*(t.c[c] for c in COLUMNS[table])).order_by(*t.primary_key.columns)
        if where:
            query = query.where(sa.text(where))
        with engine.connect() as conn:
            return [dict(r._mapping) for r in conn.execute(query)]
    finally:
        engine.dispose()


def _norm(value: Any) -> Any:
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, Decimal):
        return str(value.quantize(Decimal("0.01")))
    return value


def digest(url: str) -> str:
    h = hashlib.sha256()
    for table in ALL_TABLES:
        for row in rows(url, table):
            h.update(repr([_norm(v) for v in row.values()]).encode())
    return h.hexdigest()


@pytest.fixture(scope="module")
def coop(tmp_path_factory: pytest.TempPathFactory) -> tuple[str, Any]:
    url = sqlite_url(tmp_path_factory.mktemp("coop"))
    return url, seed_database(url, accounts=400, seed=11, profile="coop-ar", today=TODAY)


def test_same_seed_same_data(tmp_path: Path) -> None:
    a, b, c = (sqlite_url(tmp_path, f"{n}.db") for n in "abc")
    for url, seed in ((a, 5), (b, 5), (c, 6)):
        seed_database(url, accounts=40, seed=seed, profile="telco-py", today=TODAY)
    assert digest(a) == digest(b)
    assert digest(a) != digest(c)


def test_counts_reported_match_the_database(coop: tuple[str, Any]) -> None:
    url, report = coop
    for table in ALL_TABLES:
        assert len(rows(url, table)) == report.counts[table], table
    assert report.counts["accounts"] == 400
    supplies = Counter(r["account_id"] for r in rows(url, "supplies"))
    assert set(supplies.values()) <= {1, 2, 3} and len(set(supplies.values())) == 3


def test_about_fifteen_percent_of_accounts_overdue(coop: tuple[str, Any]) -> None:
    url, _ = coop
    postpaid = {r["id"] for r in rows(url, "accounts") if r["kind"] == "postpaid"}
    overdue = {r["account_id"] for r in rows(url, "invoices") if r["status"] == "overdue"}
    share = len(overdue & postpaid) / len(postpaid)
    assert 0.10 <= share <= 0.20, share
    statuses = Counter(r["status"] for r in rows(url, "invoices"))
    assert set(statuses) == {"paid", "pending", "overdue"}


def test_invoices_are_consistent(coop: tuple[str, Any]) -> None:
    url, _ = coop
    invoices = rows(url, "invoices")
    lines: dict[int, list[dict[str, Any]]] = defaultdict(list)
    for line in rows(url, "invoice_lines"):
        lines[line["invoice_id"]].append(line)
    paid = {r["invoice_id"]: r for r in rows(url, "payments")}
    per_supply = Counter(r["supply_id"] for r in invoices)
    assert set(per_supply.values()) == {24}
    for inv in invoices:
        assert re.fullmatch(r"0021-\d{8}", inv["number"])
        assert re.fullmatch(r"\d{4}-\d{2}", inv["period"])
        assert inv["issue_date"] < inv["first_due_date"] < inv["second_due_date"]
        assert inv["second_total"] > inv["total"]
        own = lines[inv["id"]]
        assert sum(x["amount"] for x in own) == inv["total"]
        taxes = [x for x in own if x["is_tax"]]
        assert len(taxes) == 1 and taxes[0]["amount"] == inv["taxes"]
        net = inv["total"] - inv["taxes"]
        assert abs(inv["taxes"] - net * Decimal("0.21")) <= Decimal("0.01")
        if inv["status"] == "paid":
            assert inv["paid_on"] is not None and paid[inv["id"]]["amount"] in (inv["total"], inv["second_total"])
        else:
            assert inv["paid_on"] is None and inv["id"] not in paid
        if inv["status"] == "overdue":
            assert inv["first_due_date"] < TODAY
        if inv["status"] == "pending":
            assert inv["first_due_date"] >= TODAY


def test_every_reference_is_valid_and_unique(coop: tuple[str, Any]) -> None:
    url, _ = coop
    invoices = rows(url, "invoices")
    for inv in invoices:
        assert inv["payment_reference"] == make_reference(inv["account_id"], inv["id"])
        assert is_valid_reference(inv["payment_reference"])
    assert len({inv["payment_reference"] for inv in invoices}) == len(invoices)


@pytest.mark.parametrize(("account", "document"), [(0, 0), (1001, 4004 * 32), (99_999_999, 999_999_999), (12345678, 5)])
def test_fast_reference_equals_make_reference(account: int, document: int) -> None:
    assert fast_reference(account, account_reference_sum(account), document) == make_reference(account, document)


def test_row_versions_positive_and_unique(coop: tuple[str, Any]) -> None:
    url, report = coop
    versions = [r["row_version"] for table in ALL_TABLES for r in rows(url, table)]
    assert min(versions) > 0
    assert len(set(versions)) == len(versions) == report.rows
    assert max(versions) == report.last_row_version


def test_electricity_peaks_in_the_southern_summer(coop: tuple[str, Any]) -> None:
    url, _ = coop
    services = {r["id"]: r["service"] for r in rows(url, "supplies")}
    by_month: dict[int, list[int]] = defaultdict(list)
    kinds: Counter[str] = Counter()
    for r in rows(url, "meter_readings"):
        kinds[r["kind"]] += 1
        if services[r["supply_id"]] == "electricity":
            by_month[int(r["period"][5:])].append(r["consumption"])
    mean = {m: sum(v) / len(v) for m, v in by_month.items()}
    assert mean[1] > 1.3 * mean[5] and mean[7] > mean[10]
    assert kinds["real"] > kinds["estimated"] > kinds["customer"] > 0
    digits = {r["id"]: r["meter_digits"] for r in rows(url, "supplies") if r["meter_number"]}
    assert set(digits.values()) == {4, 5, 6}
    for r in rows(url, "meter_readings"):
        assert 0 <= r["value"] < 10 ** digits[r["supply_id"]]


def test_reading_windows_open_for_some_routes(coop: tuple[str, Any]) -> None:
    url, _ = coop
    windows = rows(url, "reading_windows")
    open_now = {w["route"] for w in windows if w["opens_on"] <= TODAY <= w["closes_on"]}
    upcoming = {w["route"] for w in windows if w["opens_on"] > TODAY}
    assert open_now and upcoming and not open_now & upcoming
    assert open_now | upcoming == {f"R{i:02d}" for i in range(1, 13)}


def test_agreements_cases_and_reference_tables(coop: tuple[str, Any]) -> None:
    url, _ = coop
    agreements = rows(url, "payment_agreements")
    instalments = rows(url, "agreement_instalments")
    assert agreements and {a["status"] for a in agreements} == {"active", "completed"}
    for a in agreements:
        own = [i for i in instalments if i["agreement_id"] == a["id"]]
        assert sum(i["amount"] for i in own) == a["total"]
    assert {c["status"] for c in rows(url, "case_statuses")} == {"received", "in_progress", "resolved", "rejected"}
    categories = rows(url, "claim_categories")
    assert {c["service"] for c in categories} == {"electricity", "water"}
    assert all(c["label_es"] and c["label_en"] for c in categories)
    faq = rows(url, "faq_entries")
    assert Counter(f["language"] for f in faq) == {"es": len(FAQ["coop-ar"]), "en": len(FAQ["coop-ar"])}
    assert [f["question"] for f in sorted(faq, key=lambda f: f["id"]) if f["language"] == "es"] == [
        item.question_es for item in FAQ["coop-ar"]
    ]


def test_pins_verify(coop: tuple[str, Any]) -> None:
    url, report = coop
    staff = {s["id"]: s for s in rows(url, "staff")}
    operator, technician = staff[report.staff_number], staff[report.technician_number]
    assert PasswordHasher().verify(operator["pin_hash"], report.staff_pin)
    assert PasswordHasher().verify(technician["pin_hash"], report.technician_pin)
    assert (operator["role"], technician["role"]) == ("operator", "technician")
    assert operator["branch_id"] and technician["branch_id"] is None  # the technician is fleet-wide
    engine = central_engine(url)
    with engine.connect() as conn:
        creds: dict[int, str] = {
            int(r[0]): str(r[1]) for r in conn.execute(sa.text("SELECT account_id, pin_hash FROM credentials"))
        }
    engine.dispose()
    assert len(creds) == 10
    for d in report.demo:
        assert d.pin is not None and bcrypt.checkpw(d.pin.encode(), creds[d.account_id].encode())
    assert [d.pin for d in report.demo] == demo_pins(11)


def test_demo_accounts_show_each_situation(coop: tuple[str, Any]) -> None:
    _, report = coop
    first, debtor = report.demo[0], report.demo[1]
    assert first.pin == "1234" and first.open_window and first.pending and not first.overdue
    assert debtor.overdue and debtor.agreement


def test_prepaid_profile(tmp_path: Path) -> None:
    url = sqlite_url(tmp_path)
    report = seed_database(url, accounts=120, seed=2, profile="wisp-mx", today=TODAY)
    plans = {p["id"]: p for p in rows(url, "plans")}
    assert {p["name"] for p in plans.values()} >= {"Plan Básico 10 Mb", "Plan Avanzado 20 Mb"}
    accounts = rows(url, "accounts")
    prepaid = [a for a in accounts if a["kind"] == "prepaid"]
    assert 0.7 < len(prepaid) / len(accounts) < 0.95
    assert all(a["plan_id"] in plans and a["prepaid_until"] is not None for a in prepaid)
    assert any(a["prepaid_until"] < TODAY for a in prepaid) and any(a["prepaid_until"] > TODAY for a in prepaid)
    expired = report.demo[2].prepaid_until
    assert report.demo[0].kind == "prepaid" and expired is not None and expired < TODAY.isoformat()
    assert not rows(url, "meter_readings") and not rows(url, "reading_windows")


def test_guaranies_have_no_decimals(tmp_path: Path) -> None:
    url = sqlite_url(tmp_path)
    seed_database(url, accounts=60, seed=3, profile="telco-py", today=TODAY)
    for inv in rows(url, "invoices"):
        for field in ("total", "second_total", "taxes"):
            assert inv[field] == inv[field].to_integral_value(), (field, inv[field])
    assert all(line["amount"] == line["amount"].to_integral_value() for line in rows(url, "invoice_lines"))


def test_refuses_a_database_with_accounts(tmp_path: Path) -> None:
    url = sqlite_url(tmp_path)
    seed_database(url, accounts=5, seed=1, profile="coop-ar", today=TODAY)
    with pytest.raises(SeedError, match="already holds 5 accounts"):
        seed_database(url, accounts=5, seed=1, profile="coop-ar", today=TODAY)


def test_cli_prints_logins(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    url = sqlite_url(tmp_path)
    args = ["central", "seed", "--url", url, "--accounts", "30", "--seed", "4", "--profile", "coop-ar"]
    assert main([*args, "--today", "2026-11-25"]) == 0
    out = capsys.readouterr().out
    assert "Seeded 30 accounts (coop-ar, seed 4, today 2026-11-25)" in out
    assert "1001 / 1234" in out
    walk_in = re.search(r"Walk-in lookup: account (\d+), invoice (0021-\d{8})", out)
    assert walk_in is not None
    assert rows(url, "invoices", f"account_id = {walk_in[1]} AND number = '{walk_in[2]}'")
    assert re.search(r"overdue debt: account \d+ \(PIN \d{4}\)", out)
    assert re.search(r"open reading window: account \d+", out)
    assert main([*args]) == 2
    assert "already holds 30 accounts" in capsys.readouterr().err


def test_cli_rejects_a_bad_date(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["central", "seed", "--url", sqlite_url(tmp_path), "--today", "25/11/2026"])
    assert "not a date" in capsys.readouterr().err


@pytest.mark.pg
def test_postgres_gets_the_same_data_as_sqlite(pg_url: str, tmp_path: Path) -> None:
    lite = sqlite_url(tmp_path)
    a = seed_database(pg_url, accounts=150, seed=9, profile="coop-ar", today=TODAY)
    b = seed_database(lite, accounts=150, seed=9, profile="coop-ar", today=TODAY)
    assert a.counts == b.counts
    assert digest(pg_url) == digest(lite)
    engine = central_engine(pg_url)
    with engine.connect() as conn:
        indexes = conn.execute(sa.text("SELECT count(*) FROM pg_indexes WHERE tablename = 'invoices'")).scalar_one()
    engine.dispose()
    assert indexes >= 4  # secondary indexes rebuilt after the load


@pytest.mark.pg
def test_postgres_as_database_owner_without_superuser(pg_url: str, tmp_path: Path) -> None:
    """The owner path: stamping triggers switched off per table, foreign keys checked, one connection."""
    import uuid

    from sqlalchemy.engine import make_url

    role = f"seed_owner_{uuid.uuid4().hex[:10]}"
    database = make_url(pg_url).database
    admin = sa.create_engine(pg_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(sa.text(f'CREATE ROLE "{role}" LOGIN'))
        conn.execute(sa.text(f'ALTER DATABASE "{database}" OWNER TO "{role}"'))
    try:
        owner_url = make_url(pg_url).set(username=role).render_as_string(hide_password=False)
        report = seed_database(owner_url, accounts=40, seed=9, profile="coop-ar", today=TODAY)
        assert any("not a superuser" in note for note in report.notes)
        lite = sqlite_url(tmp_path)
        seed_database(lite, accounts=40, seed=9, profile="coop-ar", today=TODAY)
        assert digest(owner_url) == digest(lite)
        engine = central_engine(owner_url)
        with engine.begin() as conn:  # the triggers are back on: an update is stamped after the seeded block
            conn.execute(sa.text("UPDATE invoices SET status = 'paid', paid_on = '2026-11-25' WHERE id = "
                                 "(SELECT min(id) FROM invoices WHERE status = 'pending')"))
            after = conn.execute(sa.text("SELECT max(row_version) FROM invoices")).scalar_one()
        engine.dispose()
        assert after == report.last_row_version + 1
    finally:
        with admin.connect() as conn:
            conn.execute(sa.text(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE usename = :r"), {"r": role})
            conn.execute(sa.text(f'ALTER DATABASE "{database}" OWNER TO postgres'))
            conn.execute(sa.text(f'REASSIGN OWNED BY "{role}" TO postgres'))
            conn.execute(sa.text(f'DROP OWNED BY "{role}"'))
            conn.execute(sa.text(f'DROP ROLE "{role}"'))
        admin.dispose()


@pytest.mark.pg
def test_postgres_failed_seed_leaves_nothing(pg_url: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """A generator failure after the first chunk was copied rolls back both COPY lanes."""
    from kiosk.central import seed_gen

    real_chunk = seed_gen.Generator.chunk

    def failing_chunk(self: seed_gen.Generator, start: int, stop: int) -> dict[str, list[Any]]:
        if start >= seed_gen.CHUNK_ACCOUNTS:
            raise RuntimeError("disk on fire")
        return real_chunk(self, start, stop)

    monkeypatch.setattr(seed_gen.Generator, "chunk", failing_chunk)  # the forked worker inherits it
    with pytest.raises(SeedError, match="data generation failed: RuntimeError: disk on fire"):
        seed_database(pg_url, accounts=seed_gen.CHUNK_ACCOUNTS + 5, seed=1, profile="coop-ar", today=TODAY)
    engine = central_engine(pg_url)
    with engine.connect() as conn:
        counts = [conn.execute(sa.text(f"SELECT count(*) FROM {t}")).scalar_one() for t in ALL_TABLES]
        indexes = conn.execute(sa.text("SELECT count(*) FROM pg_indexes WHERE tablename = 'invoices'")).scalar_one()
    engine.dispose()
    assert counts == [0] * len(ALL_TABLES) and indexes >= 4
    monkeypatch.setattr(seed_gen.Generator, "chunk", real_chunk)
    assert seed_database(pg_url, accounts=20, seed=1, profile="coop-ar", today=TODAY).counts["accounts"] == 20
