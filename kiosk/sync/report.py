"""What one sync run did, per table: a stable JSON shape for the CLI, the UI and IT tooling."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any


@dataclass(frozen=True, slots=True)
class SyncStatus:
    """What the screens show about sync (data age, outbox), read from the replica alone.

    It lives here, with the other sync report types, so that kiosk.sync never imports kiosk.services (the
    services and the UI import it from here; the import-linter contracts forbid the other direction).
    """

    online: bool
    data_age_seconds: int | None  # None: never synced
    last_pull_at: datetime | None
    outbox_depth: int
    parked: int


class SyncError(Exception):
    """Sync could not run; `code` is stable (central_unavailable, central_config, schema_mismatch,
    central_schema_newer, failed)."""

    code = "failed"


class CentralUnavailable(SyncError):
    """The central database cannot be reached (or dropped the connection): retry later, nothing is lost."""

    code = "central_unavailable"


class CentralMisconfigured(SyncError):
    """Central answered but refuses this kiosk's settings (authentication failed, no such database): retrying
    will not help, a technician must fix central.url or the password. `sync --once` exits 2 for it."""

    code = "central_config"


class SchemaMismatch(SyncError):
    """Kiosk and central disagree on the schema version: sync stops and applies nothing."""

    code = "schema_mismatch"


class CentralSchemaNewer(SchemaMismatch):
    """Central was upgraded by a newer release than this kiosk (its revision is unknown here): sync stops and
    applies nothing until this kiosk is updated. Shown in maintenance mode's status (kiosk.sync.schema)."""

    code = "central_schema_newer"


@dataclass
class TableCounts:
    """Counters of one table during a run (mutable while the run goes on)."""

    pulled: int = 0
    deleted: int = 0
    pushed: int = 0
    parked: int = 0
    compared: int = 0
    differing_buckets: int = 0
    repaired: int = 0

    def as_dict(self) -> dict[str, int]:
        return {"pulled": self.pulled, "deleted": self.deleted, "pushed": self.pushed, "parked": self.parked,
                "compared": self.compared, "differing_buckets": self.differing_buckets, "repaired": self.repaired}


@dataclass(frozen=True)
class ProgressEvent:
    """Where a run is: phase (pull, push, reconcile, heartbeat), table, rows so far, step i of n."""

    phase: str
    table: str
    rows: int
    step: int
    steps: int


@dataclass(frozen=True)
class SyncReport:
    """The outcome of one run. `ok` is False when the run stopped early (error_code says why)."""

    ok: bool
    started_at: datetime
    duration_s: float
    tables: dict[str, TableCounts] = field(default_factory=dict)
    reconciled: bool = False
    outbox_depth: int = 0
    parked: int = 0
    data_age_s: int | None = None
    error_code: str | None = None
    error: str | None = None
    heartbeat: bool = False
    waiting_for_central: bool = False  # pull held back by an in-flight central transaction
    parked_reasons: tuple[tuple[str, str, int], ...] = ()  # (table, central's reason, rows) of every parked row
    replica_repair: str | None = None  # set when the replica was found damaged and rebuilt before this run

    @property
    def needs_attention(self) -> bool:
        """Rows central rejected, or a replica rebuilt: the run went through but a technician must look."""
        return self.parked > 0 or self.replica_repair is not None

    def total(self, key: str) -> int:
        return sum(getattr(c, key) for c in self.tables.values())

    def as_json(self) -> dict[str, Any]:
        """Stable keys: tests and IT tooling read them."""
        keys = ("pulled", "deleted", "pushed", "parked", "compared", "differing_buckets", "repaired")
        return {
            "ok": self.ok,
            "error_code": self.error_code,
            "error": self.error,
            "started_at": self.started_at.isoformat(),
            "duration_s": round(self.duration_s, 3),
            "reconciled": self.reconciled,
            "heartbeat": self.heartbeat,
            "waiting_for_central": self.waiting_for_central,
            "outbox_depth": self.outbox_depth,
            "parked_total": self.parked,
            "data_age_s": self.data_age_s,
            "totals": {k: self.total(k) for k in keys},
            "tables": {name: counts.as_dict() for name, counts in sorted(self.tables.items())},
            "parked_reasons": [{"table": t, "reason": r, "rows": n} for t, r, n in self.parked_reasons],
            "replica_repair": self.replica_repair,
        }
