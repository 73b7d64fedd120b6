"""LazyServices passes through every service of the KioskServices dataclass, with no hand-kept list."""

from __future__ import annotations

import dataclasses

import pytest

from kiosk.services.api import KioskServices
from kiosk.testing.fakes import fake_services
from ui.lazy_services import FIELDS, LazyServices, service_fields


def test_fields_are_the_dataclass_fields() -> None:
    assert tuple(f.name for f in dataclasses.fields(KioskServices)) == FIELDS
    assert {"lookup", "auth", "account", "printing", "info"} <= set(FIELDS)


def test_every_service_is_reached_through_the_lazy_stand_in() -> None:
    real = fake_services()
    lazy = LazyServices(lambda: real)
    for name in FIELDS:
        assert getattr(lazy, name) is getattr(real, name)
    with pytest.raises(AttributeError):
        lazy.no_such_service  # noqa: B018


def test_a_new_service_field_is_picked_up_without_editing_lazy_services() -> None:
    """A service added to the dataclass (here: a subclass with one more field) needs no edit in ui/."""

    @dataclasses.dataclass(frozen=True)
    class WithProbe(KioskServices):
        probe: object = None

    base = fake_services()
    probe = object()
    extended = WithProbe(**{f: getattr(base, f) for f in FIELDS}, probe=probe)
    assert service_fields(WithProbe) == (*FIELDS, "probe")
    lazy = LazyServices(lambda: extended, contract=WithProbe)
    assert lazy.probe is probe and lazy.auth is base.auth
