"""`python -m kiosk sync`: pull, push, reconcile and heartbeat with the central database.

With a configuration file (`--config`, else KIOSK_CONFIG, else the default path) or, for the demo and tests,
`--central URL --replica PATH --kiosk-id K --branch B`. `--once` runs one round and exits: status 0 when it
went well, 2 on a configuration error (the file, the command line, or central refusing this kiosk's settings:
authentication failed, no such database), 3 when central is unreachable (refused, timeout, unknown host,
connection lost: retrying later will do), 4 on a schema mismatch, 5 when the round went through but needs a
technician (rows central rejected are parked: a customer holds a receipt central does not have; or the replica
was found damaged and rebuilt), 1 otherwise. Without `--once` it keeps
running: a round every central.sync_interval seconds (backing off after failures), heartbeats in between.
`--json` prints one JSON object per round (stable keys, see kiosk.sync.report.SyncReport.as_json).
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path
from typing import Any

from kiosk.cli import CliError
from kiosk.sync.report import ProgressEvent, SyncReport

EXIT = {None: 0, "central_config": 2, "central_unavailable": 3, "schema_mismatch": 4}
EXIT_NEEDS_ATTENTION = 5


def exit_code(report: SyncReport) -> int:
    """0 only when the round went through and nothing waits for a technician (see the module docstring)."""
    if report.ok and report.needs_attention:
        return EXIT_NEEDS_ATTENTION
    return EXIT.get(report.error_code, 1)


def _summary(report: SyncReport) -> str:
    if not report.ok:
        return f"sync failed ({report.error_code}): {report.error}"
    age = "never" if report.data_age_s is None else f"{report.data_age_s} s"
    parts = [f"pulled {report.total('pulled')}", f"deleted {report.total('deleted')}",
             f"pushed {report.total('pushed')}", f"parked {report.total('parked')}"]
    if report.reconciled:
        parts += [f"compared {report.total('compared')}", f"differing buckets {report.total('differing_buckets')}",
                  f"repaired {report.total('repaired')}"]
    wait = " (waiting for central transactions)" if report.waiting_for_central else ""
    line = (f"sync ok in {report.duration_s:.2f} s: " + ", ".join(parts)
            + f"; outbox {report.outbox_depth}, parked {report.parked}, data age {age}{wait}")
    if report.parked:
        reasons = "; ".join(f"{n} {table}: {reason}" for table, reason, n in report.parked_reasons)
        line += f"; ATTENTION: {report.parked} rows rejected by central and parked ({reasons})"
    if report.replica_repair:
        line += f"; ATTENTION: {report.replica_repair}"
    return line


def _print(report: SyncReport, as_json: bool) -> None:
    if as_json:
        print(json.dumps(report.as_json(), sort_keys=True), flush=True)
    else:
        print(_summary(report), file=sys.stdout if report.ok and not report.needs_attention else sys.stderr,
              flush=True)


def _progress(event: ProgressEvent) -> None:
    print(f"progress {event.phase} {event.table or '-'} {event.rows} {event.step}/{event.steps}", file=sys.stderr,
          flush=True)


def run(args: argparse.Namespace) -> int:
    from kiosk.sync.engine import SyncEngine

    extra: dict[str, Any] = {"progress": _progress} if args.progress else {}
    if args.batch_size is not None and not 1 <= args.batch_size <= 100_000:
        raise CliError("--batch-size must be between 1 and 100000")
    if not 1 <= args.push_batch <= 10_000:
        raise CliError("--push-batch must be between 1 and 10000")
    direct = [args.central, args.replica, args.kiosk_id, args.branch]
    interval, heartbeat_every = 60.0, 60.0
    if any(v is not None for v in direct):
        if not all(v is not None for v in direct):
            raise CliError("--central, --replica, --kiosk-id and --branch go together")
        if args.config is not None:
            raise CliError("give either --config or --central/--replica/--kiosk-id/--branch, not both")
        from kiosk.config import CentralSection

        try:
            CentralSection(url=args.central)
        except ValueError as exc:  # pydantic's ValidationError: the same check as central.url in a config file
            reason = exc.errors()[0]["msg"] if hasattr(exc, "errors") else str(exc)
            raise CliError(f"--central: {reason.removeprefix('Value error, ')}") from None
        engine = SyncEngine(args.central, args.replica, args.kiosk_id, args.branch,
                            batch_size=args.batch_size or 5000, connect_timeout=args.connect_timeout,
                            push_batch=args.push_batch, **extra)
    else:
        from kiosk.config import load_config

        config = load_config(args.config)
        if not config.central.url:
            raise CliError(f"{config.source}: central.url is empty: this kiosk has no central database to sync with")
        kw = {"batch_size": args.batch_size} if args.batch_size else {}
        engine = SyncEngine.from_config(config, push_batch=args.push_batch, **kw, **extra)
        interval, heartbeat_every = config.central.sync_interval, config.central.heartbeat_interval
    if args.interval is not None:
        interval = args.interval
    with engine:
        if args.once:
            report = engine.run_once(reconcile=args.reconcile)
            _print(report, args.json)
            return exit_code(report)
        last_beat = 0.0
        while True:
            beat = time.monotonic() - last_beat >= heartbeat_every
            report = engine.run_once(reconcile=args.reconcile, send_heartbeat=beat)
            if report.heartbeat:
                last_beat = time.monotonic()
            _print(report, args.json)
            if report.error_code == "schema_mismatch":
                return EXIT["schema_mismatch"]
            time.sleep(engine.next_delay(min(interval, heartbeat_every)))


def register(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--config", type=Path, default=None, help="configuration file")
    parser.add_argument("--once", action="store_true", help="one round, then exit")
    parser.add_argument("--reconcile", action="store_true", help="also compare with central and repair")
    parser.add_argument("--json", action="store_true", help="one JSON object per round")
    parser.add_argument("--central", metavar="URL", help="central database URL (instead of --config)")
    parser.add_argument("--replica", type=Path, metavar="PATH", help="replica file (instead of --config)")
    parser.add_argument("--kiosk-id", metavar="K", help="kiosk id (instead of --config)")
    parser.add_argument("--branch", metavar="B", help="branch id (instead of --config)")
    parser.add_argument("--batch-size", type=int, default=None, metavar="N", help="rows per pull batch")
    parser.add_argument("--interval", type=float, default=None, metavar="S", help="seconds between rounds")
    parser.add_argument("--connect-timeout", type=float, default=5.0, metavar="S", help=argparse.SUPPRESS)
    parser.add_argument("--progress", action="store_true", help="progress lines on stderr")
    parser.add_argument("--push-batch", type=int, default=500, metavar="N", help=argparse.SUPPRESS)
    parser.set_defaults(handler=run)
