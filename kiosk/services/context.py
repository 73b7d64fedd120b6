"""What every use case shares: the replica's session factory, the configuration, the clock and the registries.

One ServiceContext is built per kiosk process (kiosk.services.factory) and handed to every service, so the
live-session registry and the walk-in grants are the same objects for all of them.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy import Engine
from sqlalchemy.orm import Session, sessionmaker

from kiosk.branding import load_branding
from kiosk.config import Config
from kiosk.domain import Branding
from kiosk.services.api import CustomerSession
from kiosk.services.errors import SessionExpired

Clock = Callable[[], datetime]
SESSION_BACKSTOP_SECONDS = 30 * 60  # a token unused this long is dead even if the UI never logged out


def utc_now() -> datetime:
    return datetime.now(UTC)


class SessionRegistry:
    """Live customer sessions by token; a token dies on logout or after the idle time without use.

    The UI's idle watchdog logs out first; the registry's own expiry is the backstop for a UI that forgot to.
    """

    def __init__(self, clock: Clock, idle_seconds: int) -> None:
        self._clock = clock
        self._idle = timedelta(seconds=idle_seconds)
        self._lock = threading.Lock()
        self._live: dict[str, tuple[int, datetime]] = {}  # token -> (account_id, last used)

    def add(self, session: CustomerSession) -> None:
        with self._lock:
            self._live[session.token] = (session.account_id, self._clock())

    def remove(self, token: str) -> None:
        with self._lock:
            self._live.pop(token, None)

    def check(self, session: CustomerSession) -> int:
        """The session's account id, or SessionExpired; every check counts as use."""
        now = self._clock()
        with self._lock:
            entry = self._live.get(session.token)
            if entry is None or entry[0] != session.account_id:
                raise SessionExpired("session_expired")
            if now - entry[1] > self._idle:
                del self._live[session.token]
                raise SessionExpired("session_expired")
            self._live[session.token] = (entry[0], now)
            return entry[0]

    def __len__(self) -> int:
        with self._lock:
            return len(self._live)


class WalkInGrants:
    """Invoices a walk-in customer has just found by lookup, so detail and duplicate work without login.

    Without it any invoice id could be asked for by a walk-in; with it only what the lookup revealed, for a
    few minutes.
    """

    def __init__(self, clock: Clock, ttl_seconds: int = 900) -> None:
        self._clock = clock
        self._ttl = timedelta(seconds=ttl_seconds)
        self._lock = threading.Lock()
        self._granted: dict[int, datetime] = {}

    def grant(self, invoice_id: int) -> None:
        now = self._clock()
        with self._lock:
            self._granted = {k: v for k, v in self._granted.items() if now - v <= self._ttl}
            self._granted[invoice_id] = now

    def allows(self, invoice_id: int) -> bool:
        with self._lock:
            when = self._granted.get(invoice_id)
        return when is not None and self._clock() - when <= self._ttl

    def clear(self) -> None:
        with self._lock:
            self._granted.clear()


@dataclass
class ServiceContext:
    """The shared dependencies of all services of one kiosk."""

    factory: sessionmaker[Session]
    config: Config
    clock: Clock = utc_now
    # Central, for history older than the replica's retention window (kiosk.services.history); None: replica only.
    central: Engine | None = None
    sessions: SessionRegistry = field(init=False)
    grants: WalkInGrants = field(init=False)

    def __post_init__(self) -> None:
        ui = self.config.ui
        # The UI's idle watchdog sees every touch and logs out first; the registry only sees service calls, so
        # its backstop must outlast a customer typing a long claim without one.
        self.sessions = SessionRegistry(self.clock, max(SESSION_BACKSTOP_SECONDS, ui.idle_timeout + ui.warning_seconds))
        self.grants = WalkInGrants(self.clock)
        self._zone = ZoneInfo(self.config.kiosk.timezone)
        self._branding: Branding | None = None

    def branding(self) -> Branding:
        """The configured branding profile, loaded once."""
        if self._branding is None:
            self._branding = load_branding(self.config.ui.branding)
        return self._branding

    @property
    def engine(self) -> Engine:
        bind = self.factory.kw["bind"]
        assert isinstance(bind, Engine), "the session factory must be bound to the replica's engine"
        return bind

    def now(self) -> datetime:
        return self.clock()

    def today(self) -> date:
        """Today in the kiosk's time zone (due dates and reading windows are local dates)."""
        return self.clock().astimezone(self._zone).date()
