"""`python -m kiosk doctor`: what IT checks first when a branch calls.

Each check returns ok / warn / fail with one line of detail; nothing here changes the kiosk. The exit status is
1 when any check fails, so the command can run from a provisioning script or a monitoring agent.
"""

from __future__ import annotations

import argparse
import json
import shutil
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass
from pathlib import Path

from kiosk.config import Config, ConfigError, load_config

MIN_FREE_MB = 500


@dataclass(frozen=True, slots=True)
class Check:
    name: str
    status: str  # ok | warn | fail
    detail: str


def check_disk(config: Config) -> Check:
    path = config.data_dir
    probe = path if path.exists() else next((p for p in path.parents if p.exists()), Path("/"))
    free_mb = shutil.disk_usage(probe).free // (1024 * 1024)
    status = "ok" if free_mb >= MIN_FREE_MB else "warn"
    return Check("disk", status, f"{free_mb} MB free at {probe}")


def check_local_db(config: Config) -> Check:
    """Schema version and PRAGMA quick_check; a damaged file fails here (the kiosk rebuilds it at its next start
    or the next `sync`, salvaging the outbox), and a past rebuild is shown until the file is replaced."""
    path = config.local_db_path
    if not path.exists():
        return Check("local-db", "warn", f"{path} does not exist yet (created at first start)")
    from kiosk.sync.replica_check import REPAIR_KEY, quick_check

    problem = quick_check(path)
    if problem is not None:
        return Check("local-db", "fail", f"{path} is damaged ({problem}): the kiosk moves it aside and rebuilds it "
                     "at its next start or 'python -m kiosk sync --once', salvaging what was not sent")
    import sqlite3
    from contextlib import closing

    try:
        with closing(sqlite3.connect(path, timeout=10)) as conn:
            tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
            version = (conn.execute("SELECT version_num FROM alembic_version").fetchone() or ["none"])[0] \
                if "alembic_version" in tables else "unversioned"
            repair = conn.execute("SELECT value FROM kiosk_state WHERE key = ?", (REPAIR_KEY,)).fetchone() \
                if "kiosk_state" in tables else None
    except sqlite3.Error as exc:  # a broken replica must be reported in one line, not crash the doctor
        return Check("local-db", "fail", f"{path}: {type(exc).__name__}: {str(exc).splitlines()[0]}")
    if repair is not None:
        return Check("local-db", "warn", f"{path} schema {version}; rebuilt: {repair[0]}")
    return Check("local-db", "ok", f"{path} schema {version}, quick_check ok")


def check_central(config: Config) -> Check:
    if not config.central.url:
        return Check("central", "warn", "no central.url configured: serving from the replica only")
    import sqlalchemy as sa

    from db.engine import central_engine

    engine = central_engine(config.central_url, connect_timeout=config.central.connect_timeout)
    started = time.perf_counter()
    try:
        with engine.connect() as conn:
            conn.execute(sa.text("SELECT 1"))
            try:
                from db.migrate import central_schema_version

                version = central_schema_version(conn.engine)
            except Exception as exc:
                return Check("central", "warn", f"reachable, schema version unknown: {type(exc).__name__}")
    except Exception as exc:
        reason = str(getattr(exc, "orig", exc)).splitlines()[0][:160]
        return Check("central", "fail", f"unreachable: {reason}")
    finally:
        engine.dispose()
    ms = (time.perf_counter() - started) * 1000
    return Check("central", "ok", f"reachable in {ms:.0f} ms, schema {version}")


def check_printer(config: Config) -> Check:
    try:
        from kiosk.services.printer_setup import create_printer

        backend = create_printer(config)
        state = backend.status()
    except Exception as exc:
        return Check("printer", "fail", f"{config.printer.backend}: {type(exc).__name__}: {exc}")
    status = "ok" if state.can_print else "fail"
    return Check("printer", status, f"{config.printer.backend}: {state.value}")


def check_branding(config: Config) -> Check:
    try:
        from kiosk.branding import load_branding

        branding = load_branding(config.ui.branding)
    except Exception as exc:
        return Check("branding", "fail", f"{config.ui.branding}: {exc}")
    return Check("branding", "ok", f"{branding.key}: {branding.name}")


def check_payments(config: Config) -> Check:
    """The payment QR a slip would carry: valid, and in the currency the utility bills in (a QR in another
    currency is left off every slip)."""
    scheme = config.payments.scheme
    if scheme != "emv":
        return Check("payments", "ok", f"scheme {scheme}")
    try:
        from kiosk.branding import load_branding
        from kiosk.payments import emv
        from kiosk.payments.codes import emv_payment, merchant_settings

        merchant = merchant_settings(config)
        emv.build_payload(emv_payment(config, "", None))
        branding = load_branding(config.ui.branding)
        billing = emv.currency_numeric(branding.currency)
    except Exception as exc:
        return Check("payments", "fail", f"emv: {exc}")
    if merchant.currency_numeric != billing:
        return Check(
            "payments",
            "fail",
            f"emv QR in currency {merchant.currency_numeric} but {branding.key} bills in {branding.currency} "
            f"({billing}): slips would print without a QR (fix or remove payments.currency_numeric)",
        )
    return Check("payments", "ok", f"emv: {merchant.name}, {merchant.city}, currency {merchant.currency_numeric}")


CHECKS: tuple[Callable[[Config], Check], ...] = (
    check_disk,
    check_branding,
    check_payments,
    check_local_db,
    check_central,
    check_printer,
)


@dataclass(frozen=True, slots=True)
class Setting:
    key: str
    value: object
    source: str  # file | fleet | branch | kiosk
    rejected: str = ""  # why a remote value of this key was refused (the value shown is the one in effect)


def effective_settings(config: Config) -> list[Setting]:
    """Each remotely settable key's effective value and where it comes from, read from the replica without
    changing it (kiosk.remote_config; the running kiosk records the same at its next idle moment)."""
    from db.engine import local_engine
    from kiosk import remote_config

    form = None
    try:
        from kiosk.branding import load_branding

        form = load_branding(config.ui.branding).form_of_address.value
    except Exception:  # the branding check reports it
        pass
    rows: list[remote_config.SettingRow] = []
    before: dict[str, tuple[object, str]] = {}
    if config.local_db_path.exists():
        engine = local_engine(config.local_db_path)
        try:
            with engine.connect() as conn:
                rows, before = remote_config.read_rows(conn), remote_config.previous(conn)
        except Exception:  # no settings table yet (replica of an older build): the file alone applies
            pass
        finally:
            engine.dispose()
    eff = remote_config.compute(config, rows, before, form_of_address=form)
    return [Setting(k, v, src, eff.rejected.get(k, "")) for k, (v, src) in eff.values.items()]


def run_checks(config: Config) -> list[Check]:
    return [check(config) for check in CHECKS]


def run(args: argparse.Namespace) -> int:
    settings: list[Setting] = []
    try:
        config = load_config(args.config)
        checks = [Check("config", "ok", str(config.source)), *run_checks(config)]
        settings = effective_settings(config)
    except ConfigError as exc:
        checks = [Check("config", "fail", str(exc))]
    if args.json:
        print(json.dumps({"ok": all(c.status != "fail" for c in checks), "checks": [asdict(c) for c in checks],
                          "settings": [asdict(s) for s in settings]}, default=str))
    else:
        for c in checks:
            print(f"{c.status.upper():4}  {c.name:9} {c.detail}")
        if settings:
            print("settings (effective value, and where it comes from: file < fleet < branch < kiosk):")
            width = max(len(s.key) for s in settings)
            for s in settings:
                refused = f"  (refused: {s.rejected})" if s.rejected else ""
                print(f"  {s.key:{width}} = {json.dumps(s.value, ensure_ascii=False, default=str):<12} "
                      f"[{s.source}]{refused}")
    return 1 if any(c.status == "fail" for c in checks) else 0


def register(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--config", type=Path, default=None, help="configuration file")
    parser.add_argument("--json", action="store_true", help="machine-readable output")
    parser.set_defaults(handler=run)
