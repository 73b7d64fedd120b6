"""`python -m kiosk central fleet`: every kiosk's last heartbeat, with the stale ones flagged.

A kiosk writes its heartbeat every minute; one not heard from for `--stale-after` seconds (default 180) is
flagged stale (switched off, offline or stuck); one branch staff put out of service is flagged OUT-OF-SERVICE
(the message is in `--json`). `--json` output is a stable contract for IT tooling.
"""

from __future__ import annotations

import argparse
import json
from dataclasses import asdict, dataclass
from datetime import UTC, datetime

from kiosk.cli import CliError

DEFAULT_STALE_AFTER = 180


@dataclass(frozen=True)
class KioskStatus:
    kiosk_id: str
    branch_id: str
    app_version: str
    schema_version: str
    last_pull_at: datetime | None
    last_push_at: datetime | None
    outbox_depth: int
    parked: int
    printer_state: str
    free_disk_mb: int
    data_age_s: int | None
    reported_at: datetime
    silent_s: int
    stale: bool
    out_of_service: bool = False  # put out of service by branch staff (maintenance mode), with their message
    service_message: str = ""


def fleet_status(url: str, *, stale_after: int = DEFAULT_STALE_AFTER, now: datetime | None = None
                 ) -> list[KioskStatus]:
    """Heartbeats ordered by branch and kiosk, each with how long it has been silent."""
    from sqlalchemy import select

    from db.engine import central_engine
    from db.models import Heartbeat

    now = now or datetime.now(UTC)
    engine = central_engine(url)
    try:
        with engine.connect() as conn:
            rows = conn.execute(select(Heartbeat.__table__).order_by(Heartbeat.branch_id, Heartbeat.kiosk_id)).all()
    finally:
        engine.dispose()
    out = []
    for r in rows:
        silent = max(0, int((now - r.reported_at).total_seconds()))
        out.append(KioskStatus(
            r.kiosk_id, r.branch_id, r.app_version, r.schema_version, r.last_pull_at, r.last_push_at,
            r.outbox_depth, r.parked, r.printer_state, r.free_disk_mb, r.data_age_s, r.reported_at, silent,
            silent > stale_after, bool(r.out_of_service), r.service_message or "",
        ))
    return out


def _iso(value: datetime | None) -> str | None:
    return None if value is None else value.astimezone(UTC).isoformat(timespec="seconds")


def _ago(seconds: int | None) -> str:
    if seconds is None:
        return "-"
    if seconds < 120:
        return f"{seconds}s"
    if seconds < 7200:
        return f"{seconds // 60}m"
    if seconds < 172800:
        return f"{seconds // 3600}h"
    return f"{seconds // 86400}d"


def _since(value: datetime | None, now: datetime) -> str:
    return "never" if value is None else _ago(max(0, int((now - value).total_seconds())))


def render_table(kiosks: list[KioskStatus], now: datetime) -> str:
    header = ("KIOSK", "BRANCH", "VERSION", "PULL", "PUSH", "OUTBOX", "PARKED", "PRINTER", "DISK MB", "DATA AGE",
              "REPORTED", "")
    lines = [header]
    for k in kiosks:
        lines.append((
            k.kiosk_id, k.branch_id, k.app_version, _since(k.last_pull_at, now), _since(k.last_push_at, now),
            str(k.outbox_depth), str(k.parked), k.printer_state, str(k.free_disk_mb), _ago(k.data_age_s),
            _ago(k.silent_s) + " ago", " ".join(f for f in ("STALE" if k.stale else "",
                                                            "OUT-OF-SERVICE" if k.out_of_service else "") if f),
        ))
    widths = [max(len(line[i]) for line in lines) for i in range(len(header))]
    text = "\n".join("  ".join(c.ljust(w) for c, w in zip(line, widths, strict=True)).rstrip() for line in lines)
    stale = sum(k.stale for k in kiosks)
    return f"{text}\n{len(kiosks)} kiosks, {stale} stale"


def as_json(kiosks: list[KioskStatus], now: datetime, stale_after: int) -> dict[str, object]:
    items = []
    for k in kiosks:
        item = asdict(k)
        for key in ("last_pull_at", "last_push_at", "reported_at"):
            item[key] = _iso(item[key])
        items.append(item)
    return {"now": _iso(now), "stale_after": stale_after, "count": len(kiosks),
            "stale": sum(k.stale for k in kiosks), "kiosks": items}


def register(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--url", required=True, help="central database URL (postgresql://... or sqlite:///FILE)")
    parser.add_argument("--json", action="store_true", help="print the fleet as JSON")
    parser.add_argument("--stale-after", type=int, default=DEFAULT_STALE_AFTER, metavar="SECONDS",
                        help=f"flag kiosks silent for longer than this (default {DEFAULT_STALE_AFTER})")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from sqlalchemy.exc import SQLAlchemyError

    if args.stale_after <= 0:
        raise CliError("--stale-after must be a positive number of seconds")
    now = datetime.now(UTC)
    try:
        kiosks = fleet_status(args.url, stale_after=args.stale_after, now=now)
    except SQLAlchemyError as exc:
        text = str(getattr(exc, "orig", None) or exc).strip()
        raise CliError(f"central database: {text.splitlines()[0] if text else type(exc).__name__}") from exc
    if args.json:
        print(json.dumps(as_json(kiosks, now, args.stale_after), sort_keys=True))
    else:
        print(render_table(kiosks, now))
    return 0
