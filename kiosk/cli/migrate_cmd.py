"""`python -m kiosk migrate`: bring this kiosk's replica to this build's schema, and nothing else.

The .deb's postinst runs it at an upgrade (before the kiosk restarts on the new build), so the migration
happens, and is reported, while IT watches the install rather than at the kiosk's next start (which would
migrate too). Unsent outbox rows stay. No central database is needed.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from kiosk.config import load_config

HELP = "bring the local replica to this build's schema (outbox kept; no central needed)"


def register(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--config", type=Path, default=None, help="configuration file")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    config = load_config(args.config)
    path = config.local_db_path
    if not path.exists():
        print(f"replica {path}: none yet (the first 'sync --once' creates it at this build's schema)")
        return 0
    from kiosk.sync.schema import upgrade_replica

    before, after = upgrade_replica(path)
    if before == after:
        print(f"replica {path}: already at {after}")
    else:
        print(f"replica {path}: upgraded from {before or 'nothing'} to {after}")
    return 0
