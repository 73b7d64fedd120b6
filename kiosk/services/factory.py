"""Builds the kiosk's services over its replica: the one place that wires engines, central login and printer."""

from __future__ import annotations

import weakref

from sqlalchemy import Engine

from db.engine import central_engine as make_central_engine
from db.engine import local_engine, session_factory
from kiosk.central.credentials import CentralAuth
from kiosk.config import Config
from kiosk.services.account import AccountService
from kiosk.services.api import KioskServices
from kiosk.services.auth import AuthService
from kiosk.services.claims import ClaimService
from kiosk.services.context import Clock, ServiceContext, utc_now
from kiosk.services.info import InfoService
from kiosk.services.lookup import LookupService
from kiosk.services.maintenance import MaintenanceService
from kiosk.services.payments import PaymentService
from kiosk.services.print_jobs import PrintService
from kiosk.services.readings import ReadingService
from kiosk.services.requests import RequestService
from kiosk.services.staff import StaffService

# The context each build_services result shares, for reconfigure (KioskServices holds services, not the context).
_CONTEXTS: weakref.WeakKeyDictionary[KioskServices, ServiceContext] = weakref.WeakKeyDictionary()


def reconfigure(services: KioskServices, config: Config) -> None:
    """Every service of `services` runs with `config` from now on (remote configuration applied at idle:
    kiosk.remote_config). Device settings never change this way, so engines and the printer stay as built."""
    ctx = _CONTEXTS.get(services)
    if ctx is not None:
        ctx.config = config


def central_auth(config: Config, engine: Engine | None) -> CentralAuth | None:
    """CentralAuth on the central engine (default: config.central.url), or None when there is no central.

    Making the engine does not connect: a kiosk that starts offline still starts, and login says
    "unavailable" until central answers.
    """
    if engine is None:
        if not config.central.url:
            return None
        engine = make_central_engine(config.central_url, connect_timeout=config.central.connect_timeout)
    return CentralAuth(engine)


def build_services(
    config: Config,
    *,
    central_engine: Engine | None = None,
    clock: Clock | None = None,
    local: Engine | None = None,
) -> KioskServices:
    """Every service of one kiosk, sharing one context (session registry, walk-in grants, throttle).

    Args:
        config: the kiosk's configuration.
        central_engine: the central database for login, PIN codes and history older than the replica keeps
            (kiosk.services.history); default: from config.central.url.
        clock: tz-aware UTC "now" (tests move it by hand).
        local: the replica's engine; default: the SQLite file at config.local_db_path.
    """
    engine = local or local_engine(config.local_db_path)
    if central_engine is None and config.central.url:
        central_engine = make_central_engine(config.central_url, connect_timeout=config.central.connect_timeout)
    ctx = ServiceContext(session_factory(engine), config, clock or utc_now, central=central_engine)
    printing = PrintService(ctx, AccountService(ctx))
    staff = StaffService(ctx)
    services = KioskServices(
        lookup=LookupService(ctx),
        auth=AuthService(ctx, central_auth(config, central_engine)),
        account=AccountService(ctx),
        payments=PaymentService(ctx),
        readings=ReadingService(ctx),
        claims=ClaimService(ctx),
        requests=RequestService(ctx),
        printing=printing,
        info=InfoService(ctx),
        staff=staff,
        maintenance=MaintenanceService(ctx, staff, printing),
    )
    _CONTEXTS[services] = ctx
    return services
