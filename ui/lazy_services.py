"""Services built after the first paint: the kiosk shows its home screen before SQLAlchemy, ReportLab and
the service modules are imported (about half of a cold start), then builds them on a worker thread.

`LazyServices(factory)` has the attributes of kiosk.services.api.KioskServices; the first attribute access
builds the real services (blocking, once, thread-safe). The main window prewarms it in the background right
after the first paint, so a customer's first tap finds everything ready.
"""

from __future__ import annotations

import dataclasses
import threading
from collections.abc import Callable
from typing import Any, cast

from kiosk.services.api import KioskServices


def service_fields(contract: type[Any] = KioskServices) -> tuple[str, ...]:
    """The services a KioskServices-like dataclass holds, read from the dataclass itself: a service added
    there is reachable through LazyServices without being listed again here."""
    return tuple(f.name for f in dataclasses.fields(contract))


FIELDS = service_fields()


class LazyServices:
    """A stand-in for KioskServices that builds the real one on first use."""

    def __init__(self, factory: Callable[[], KioskServices], contract: type[Any] = KioskServices) -> None:
        self._factory = factory
        self._fields = FIELDS if contract is KioskServices else service_fields(contract)
        self._real: KioskServices | None = None
        self._lock = threading.Lock()

    def build(self) -> KioskServices:
        with self._lock:
            if self._real is None:
                self._real = self._factory()
            return self._real

    @property
    def ready(self) -> bool:
        return self._real is not None

    def __getattr__(self, name: str) -> Any:
        if name in self.__dict__.get("_fields", ()):
            return getattr(self.build(), name)
        raise AttributeError(name)


def lazy_services(factory: Callable[[], KioskServices]) -> KioskServices:
    """LazyServices typed as the contract the screens use."""
    return cast(KioskServices, LazyServices(factory))
