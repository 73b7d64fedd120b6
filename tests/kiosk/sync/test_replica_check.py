"""A damaged replica is noticed, moved aside and rebuilt; what was not sent is salvaged, and a rebuilt replica
hands out numbers central has not seen.

Damage is real: 4 KB of zeros written over a leaf page located with dbstat (reference table vs outbox tables),
a truncated file, a file of random bytes.
"""

from __future__ import annotations

import json
import random
import sqlite3
import subprocess
import sys
import tempfile
import uuid
from contextlib import closing
from datetime import UTC, datetime
from pathlib import Path

import pytest
import sqlalchemy as sa
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sync_helpers import TODAY, assert_replica_matches, central_intake_ids, local_outbox_states, queue_intake

from db.engine import local_engine
from db.models import KioskState, LocalClaim
from kiosk.central.seed import seed_database
from kiosk.cli import main
from kiosk.cli.doctor_cmd import check_local_db
from kiosk.config import Config, parse_config
from kiosk.services.intake import next_number
from kiosk.sync.engine import SyncEngine
from kiosk.sync.outbox import enqueue
from kiosk.sync.replica_check import REPAIR_KEY, check_replica, quick_check

ROOT = Path(__file__).resolve().parents[3]


@pytest.fixture(scope="module")
def central(tmp_path_factory: pytest.TempPathFactory) -> str:
    path = tmp_path_factory.mktemp("central") / "central.db"
    url = f"sqlite+pysqlite:///{path}"
    seed_database(url, accounts=15, seed=3, profile="coop-ar", today=TODAY)
    return url


def _sync(central: str, replica: Path) -> None:
    with SyncEngine(central, replica, "K1", "B1") as eng:
        report = eng.run_once()
    assert report.ok, report.error


def _replica(central: str, replica: Path, sent: int, pending: int) -> dict[str, str]:
    """A synced replica with `sent` intake rows pushed and `pending` waiting; returns {row id: state}."""
    _sync(central, replica)
    first = queue_intake(replica, "K1", sent)
    _sync(central, replica)
    later = queue_intake(replica, "K1", pending)
    return {**dict.fromkeys(first, "sent"), **dict.fromkeys(later, "pending")}


def _pending_ids(replica: Path, table: str) -> set[str]:
    with closing(sqlite3.connect(replica)) as conn:
        return {r[0] for r in conn.execute(f'SELECT id FROM "{table}" WHERE id IN '
                                           "(SELECT row_id FROM outbox WHERE state = 'pending')")}


def _zero_page(replica: Path, table: str) -> int:
    """Write 4 KB of zeros over a leaf page in the middle of `table`; returns the page number."""
    with closing(sqlite3.connect(replica)) as conn:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        size = conn.execute("PRAGMA page_size").fetchone()[0]
        pages = [p for (p,) in conn.execute(
            "SELECT pageno FROM dbstat WHERE name = ? AND pagetype = 'leaf' ORDER BY pageno", (table,))]
    assert len(pages) >= 3, f"{table} too small to damage in the middle"
    page = pages[len(pages) // 2]
    with open(replica, "r+b") as f:
        f.seek((page - 1) * size)
        f.write(b"\0" * 4096)
    return page


def test_damage_in_reference_pages_loses_nothing(central: str, tmp_path: Path) -> None:
    replica = tmp_path / "replica.sqlite3"
    rows = _replica(central, replica, sent=10, pending=30)
    _zero_page(replica, "invoices")
    assert quick_check(replica) is not None  # the damage is real and seen

    found = check_replica(replica)

    assert found.rebuilt and found.lost == () and "nothing unsent lost" in found.detail
    assert found.moved_to is not None and found.moved_to.exists() and ".damaged-" in found.moved_to.name
    assert found.salvaged == {"claims": 15, "print_log": 15}  # the 30 pending; the 10 sent are central's now
    assert quick_check(replica) is None and local_outbox_states(replica) == {"pending": 30}
    with SyncEngine(central, replica, "K1", "B1") as eng:
        report = eng.run_once()
    assert report.ok and report.total("pushed") == 30 and report.total("pulled") > 2000
    assert_replica_matches(central, replica)
    on_central = {i for ids in central_intake_ids(central).values() for i in ids}
    assert set(rows) <= on_central


@pytest.mark.parametrize("table", ["claims", "outbox"])
def test_damage_in_outbox_pages_is_salvaged_or_reported(central: str, tmp_path: Path, table: str) -> None:
    replica = tmp_path / "replica.sqlite3"
    rows = _replica(central, replica, sent=20, pending=400)
    pending_claims = _pending_ids(replica, "claims")
    _zero_page(replica, table)

    found = check_replica(replica)

    assert found.rebuilt and any(line.startswith(f"{table}: damaged") for line in found.lost)
    assert "LOST" in found.detail
    with closing(sqlite3.connect(replica)) as conn:
        claims_now = {r[0] for r in conn.execute("SELECT id FROM claims")}
        note = conn.execute("SELECT value FROM kiosk_state WHERE key = ?", (REPAIR_KEY,)).fetchone()[0]
    assert "LOST" in note
    if table == "claims":
        lost_claims = pending_claims - claims_now
        assert 0 < len(lost_claims) < len(pending_claims) // 2  # only the rows of the zeroed page
        assert f"outbox: {len(lost_claims)} unsent entries whose row could not be read (claims)" in found.lost
    else:
        assert pending_claims <= claims_now  # no intake row lost: rows without an entry are queued again
    assert local_outbox_states(replica) == {"pending": len(claims_now) + found.salvaged["print_log"]}
    with SyncEngine(central, replica, "K1", "B1") as eng:
        assert eng.run_once().ok
    on_central = {i for ids in central_intake_ids(central).values() for i in ids}
    assert claims_now <= on_central and {r for r, s in rows.items() if s == "sent"} <= on_central
    assert local_outbox_states(replica) == {"sent": len(claims_now) + found.salvaged["print_log"]}


def _corrupt(replica: Path, how: str) -> None:
    if how == "truncated":
        with open(replica, "r+b") as f:
            f.truncate(replica.stat().st_size // 3)
    else:
        replica.write_bytes(random.Random(9).randbytes(200_000))


@pytest.mark.parametrize("how", ["truncated", "random"])
def test_truncated_or_random_file_gives_one_line(central: str, tmp_path: Path, how: str,
                                                 capsys: pytest.CaptureFixture[str]) -> None:
    replica = tmp_path / "replica.sqlite3"
    _replica(central, replica, sent=0, pending=6)
    with closing(sqlite3.connect(replica)) as conn:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    _corrupt(replica, how)
    config = tmp_path / "kiosk.toml"
    config.write_text(f'[kiosk]\nid = "K1"\nbranch = "B1"\ndata_dir = "{tmp_path}"\n[central]\nurl = "{central}"\n')
    doctor = subprocess.run([sys.executable, "-m", "kiosk", "doctor", "--config", str(config)], cwd=ROOT,
                            capture_output=True, text=True, timeout=120)
    assert "Traceback" not in doctor.stdout + doctor.stderr and doctor.returncode == 1
    line = next(x for x in doctor.stdout.splitlines() if "local-db" in x)
    assert line.startswith("FAIL") and "damaged" in line and doctor.stdout.count("\n") == len(
        doctor.stdout.splitlines())
    assert not any(x.startswith(("[SQL", "(Background")) for x in doctor.stdout.splitlines())

    out = subprocess.run([sys.executable, "-m", "kiosk", "sync", "--once", "--config", str(config)], cwd=ROOT,
                         capture_output=True, text=True, timeout=120)
    assert "Traceback" not in out.stdout + out.stderr
    assert out.returncode == 5 and len(out.stderr.strip().splitlines()) == 1
    assert "ATTENTION: replica damaged" in out.stderr and "moved to replica.sqlite3.damaged-" in out.stderr
    if how == "random":
        assert "LOST" in out.stderr  # nothing could be read: said, not hidden
    assert quick_check(replica) is None


def _claim(replica: Path, config: Config) -> str:
    """File a claim numbered like the services do (kiosk.services.intake.next_number); returns its number."""
    engine = local_engine(replica)
    try:
        with sa.orm.Session(engine) as s, s.begin():
            number = next_number(s, config)
            enqueue(s, LocalClaim(id=str(uuid.uuid4()), kiosk_id="K1", created_at=datetime.now(UTC), number=number,
                                  account_id=1, supply_id=1, category_code="no_supply", description="sin luz",
                                  contact_phone="3515551234"))
        return number
    finally:
        engine.dispose()


def test_rebuilt_replica_numbers_do_not_collide(central: str, tmp_path: Path) -> None:
    replica = tmp_path / "replica.sqlite3"
    config = parse_config({"kiosk": {"id": "K1", "branch": "B1", "data_dir": str(tmp_path)}})
    _sync(central, replica)
    first = _claim(replica, config)
    _sync(central, replica)
    for suffix in ("", "-wal", "-shm"):  # the replica is deleted and rebuilt from central
        Path(f"{replica}{suffix}").unlink(missing_ok=True)
    _sync(central, replica)
    second = _claim(replica, config)
    with SyncEngine(central, replica, "K1", "B1") as eng:
        report = eng.run_once()
    assert first != second and report.total("pushed") == 1 and report.parked == 0
    engine = sa.create_engine(central)
    with engine.connect() as conn:
        numbers = set(conn.execute(sa.text("SELECT number FROM claims")).scalars())
    engine.dispose()
    assert {first, second} <= numbers


def test_parked_rows_exit_non_zero_with_reasons(central: str, tmp_path: Path,
                                                capsys: pytest.CaptureFixture[str]) -> None:
    replica = tmp_path / "replica.sqlite3"
    config = parse_config({"kiosk": {"id": "K1", "branch": "B1", "data_dir": str(tmp_path)}})
    _sync(central, replica)
    number = _claim(replica, config)
    _sync(central, replica)
    for suffix in ("", "-wal", "-shm"):
        Path(f"{replica}{suffix}").unlink(missing_ok=True)
    _sync(central, replica)
    engine = local_engine(replica)
    with engine.begin() as conn:  # what a rebuilt replica without an epoch did: the same number again
        conn.execute(sa.insert(KioskState).values(key="replica_epoch", value=number.split("-")[2]))
    engine.dispose()
    assert _claim(replica, config) == number
    args = ["sync", "--once", "--central", central, "--replica", str(replica), "--kiosk-id", "K1", "--branch", "B1"]
    assert main([*args, "--json"]) == 5
    data = json.loads(capsys.readouterr().out)
    assert data["ok"] is True and data["parked_total"] == 1 and data["replica_repair"] is None
    [reason] = data["parked_reasons"]
    assert reason["table"] == "claims" and reason["rows"] == 1 and "UNIQUE" in reason["reason"]
    assert main(args) == 5
    err = capsys.readouterr().err
    assert "ATTENTION: 1 rows rejected by central and parked (1 claims: IntegrityError: UNIQUE" in err


def test_personal_fields_blanked_once_central_has_the_row(central: str, tmp_path: Path) -> None:
    replica = tmp_path / "replica.sqlite3"
    config = parse_config({"kiosk": {"id": "K1", "branch": "B1", "data_dir": str(tmp_path)}})
    _sync(central, replica)
    number = _claim(replica, config)
    waiting = queue_intake(replica, "K1", 1)[0]
    with closing(sqlite3.connect(replica)) as conn:  # this one waits (not due yet): it keeps its phone
        conn.execute("UPDATE outbox SET next_attempt_at = '2999-01-01 00:00:00.000000' WHERE row_id = ?", (waiting,))
        conn.commit()
    _sync(central, replica)
    with closing(sqlite3.connect(replica)) as conn:
        local = dict(conn.execute("SELECT number, contact_phone FROM claims").fetchall())
    assert local[number] == "" and local[f"K1-{waiting[:13]}"] == "3515551234"  # number stays for the screens
    engine = sa.create_engine(central)
    with engine.connect() as conn:
        phone = conn.execute(sa.text("SELECT contact_phone FROM claims WHERE number = :n"), {"n": number}).scalar()
    engine.dispose()
    assert phone == "3515551234"


def test_doctor_runs_quick_check_and_shows_a_past_rebuild(central: str, tmp_path: Path) -> None:
    replica = tmp_path / "replica.sqlite3"
    config = parse_config({"kiosk": {"id": "K1", "branch": "B1", "data_dir": str(tmp_path)}})
    _replica(central, replica, sent=0, pending=4)
    assert check_local_db(config).status == "ok" and "quick_check ok" in check_local_db(config).detail
    _zero_page(replica, "invoices")
    damaged = check_local_db(config)
    assert damaged.status == "fail" and "is damaged" in damaged.detail and "\n" not in damaged.detail
    assert check_replica(replica).rebuilt
    after = check_local_db(config)
    assert after.status == "warn" and "rebuilt" in after.detail and "4 unsent rows salvaged" in after.detail


@pytest.fixture(scope="module")
def template(central: str, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, set[str]]:
    """A synced replica with 20 rows sent and 120 waiting; returns it and the waiting rows' ids."""
    replica = tmp_path_factory.mktemp("template") / "replica.sqlite3"
    rows = _replica(central, replica, sent=20, pending=120)
    with closing(sqlite3.connect(replica)) as conn:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    return replica, {r for r, s in rows.items() if s == "pending"}


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(how=st.sampled_from(["zero-page", "truncate"]), where=st.floats(0.0, 0.999))
def test_any_damage_is_rebuilt_or_harmless_and_nothing_unsent_vanishes_silently(
        template: tuple[Path, set[str]], tmp_path: Path, how: str, where: float) -> None:
    source, waiting = template
    folder = Path(tempfile.mkdtemp(dir=tmp_path))  # one per example
    replica = folder / "replica.sqlite3"
    data = bytearray(source.read_bytes())
    size = 4096
    if how == "zero-page":
        page = int(where * (len(data) // size))
        data[page * size:(page + 1) * size] = bytes(size)
    else:
        del data[max(1, int(where * len(data))):]  # (an empty file is a valid, empty database: not damage)
    replica.write_bytes(bytes(data))

    found = check_replica(replica)

    assert found.status in ("ok", "rebuilt")
    assert quick_check(replica) is None
    with closing(sqlite3.connect(replica)) as conn:
        queued = {r[0] for r in conn.execute("SELECT row_id FROM outbox WHERE state IN ('pending', 'parked')")}
        orphans = conn.execute("SELECT count(*) FROM outbox WHERE row_id NOT IN "
                               "(SELECT id FROM claims UNION ALL SELECT id FROM print_log)").fetchone()[0]
    assert orphans == 0
    if not found.rebuilt:
        assert waiting <= queued
    elif not waiting <= queued:  # anything unsent that did not make it across is reported as lost
        assert found.lost and "LOST" in found.detail


def test_a_replica_cut_to_nothing_is_rebuilt_loudly(central: str, tmp_path: Path) -> None:
    """SQLite would open a 0-byte file as a new database: the unsent rows it held would vanish in silence."""
    replica = tmp_path / "replica.sqlite3"
    _replica(central, replica, sent=0, pending=3)
    for suffix in ("-wal", "-shm"):
        Path(f"{replica}{suffix}").unlink(missing_ok=True)
    replica.write_bytes(b"")
    assert quick_check(replica) is not None
    result = check_replica(replica)
    assert result.status == "rebuilt" and "0 bytes" in result.detail and "LOST" in result.detail
    assert quick_check(replica) is None
