"""Claims: catalogue per service, validation, fleet-unique numbers, committed with the outbox row."""

from __future__ import annotations

import re

import pytest
from sqlalchemy import delete, func, select
from svc_replica import ELECTRICITY, INTERNET_OFF, PREPAID, PREPAID_NET, WATER, Replica, make_config

from db.models import KioskState, LocalClaim, OutboxEntry
from kiosk.domain import Service
from kiosk.services.account import AccountService
from kiosk.services.claims import ClaimService
from kiosk.services.context import ServiceContext
from kiosk.services.errors import NotFound, ServiceError, ValidationError
from kiosk.services.readings import ReadingService


def _supply(replica: Replica, supply_id: int):  # type: ignore[no-untyped-def]
    overview = AccountService(replica.ctx).overview(replica.login())
    return next(s for s in overview.supplies if s.id == supply_id)


def test_categories_per_service_in_order(replica: Replica) -> None:
    service = ClaimService(replica.ctx)
    electricity = service.categories(_supply(replica, ELECTRICITY))
    assert [c.code for c in electricity] == ["no_supply", "low_voltage"]  # the inactive one is hidden
    assert electricity[1].label("en") == "Low voltage" and electricity[1].label("es") == "Baja tensión"
    assert [c.code for c in service.categories(_supply(replica, WATER))] == ["water_leak"]
    assert service.categories(_supply(replica, INTERNET_OFF)) == []


def test_file_a_claim(replica: Replica) -> None:
    receipt = ClaimService(replica.ctx).file(
        replica.login(), ELECTRICITY, "low_voltage", "  La luz se apaga de noche.  ", "+54 9 351-123 4567", "morning"
    )
    assert re.fullmatch(r"B21-K07-[0-9A-HJKMNP-TV-Z]{3}-000001", receipt.number)  # branch-kiosk-epoch-seq
    assert receipt.description == "La luz se apaga de noche."
    assert receipt.contact_phone == "+5493511234567"
    assert receipt.category.service is Service.ELECTRICITY
    assert receipt.kiosk_id == "K07" and receipt.created_at == replica.clock()
    with replica.factory() as db:
        row = db.get(LocalClaim, receipt.id)
        assert row is not None and row.number == receipt.number and row.contact_time == "morning"
        assert (row.branch_id, row.kiosk_id) == ("B21", "K07")  # a kiosk is its branch and its id
        assert db.scalar(select(func.count()).select_from(OutboxEntry).where(OutboxEntry.row_id == receipt.id)) == 1
        assert db.get(KioskState, "case_sequence").value == "1"  # type: ignore[union-attr]
    cases = AccountService(replica.ctx).cases(replica.login())
    assert (cases[0].number, cases[0].status) == (receipt.number, "queued")


def test_numbers_shared_with_readings_and_unique_per_kiosk(replica: Replica) -> None:
    session = replica.login()
    first = ClaimService(replica.ctx).file(session, WATER, "water_leak", "Pierde la llave", "351 1234567", "")
    reading = ReadingService(replica.ctx).submit(session, ELECTRICITY, 13_100)
    other_kiosk = ServiceContext(replica.factory, make_config(replica.config.data_dir).model_copy(
        update={"kiosk": replica.config.kiosk.model_copy(update={"id": "K08"})}), replica.clock)
    other_kiosk.sessions.add(session)
    third = ClaimService(other_kiosk).file(session, WATER, "water_leak", "Otra vez", "3511234567", "tarde")
    epoch = first.number.split("-")[2]
    assert [first.number, reading.number] == [f"B21-K07-{epoch}-000001", f"B21-K07-{epoch}-000002"]
    assert third.number.startswith("B21-K08-")


@pytest.mark.parametrize(
    ("description", "phone", "when", "field", "reason"),
    [
        ("   ", "3511234567", "", "description", "required"),
        ("x" * 501, "3511234567", "", "description", "too_long"),
        ("ok", "", "", "contact_phone", "required"),
        ("ok", "12345", "", "contact_phone", "invalid"),
        ("ok", "1234567890123456", "", "contact_phone", "invalid"),
        ("ok", "351-abc-4567", "", "contact_phone", "invalid"),
        ("ok", "35+11234567", "", "contact_phone", "invalid"),
        ("ok", "3511234567", "y" * 41, "contact_time", "too_long"),
    ],
)
def test_claim_validation(replica: Replica, description: str, phone: str, when: str, field: str, reason: str) -> None:
    with pytest.raises(ValidationError) as err:
        ClaimService(replica.ctx).file(replica.login(), ELECTRICITY, "no_supply", description, phone, when)
    assert (err.value.code, err.value.params) == ("invalid_field", {"field": field, "reason": reason})
    with replica.factory() as db:
        assert db.scalar(select(func.count()).select_from(LocalClaim)) == 0


def test_description_of_exactly_500_is_accepted(replica: Replica) -> None:
    receipt = ClaimService(replica.ctx).file(replica.login(), ELECTRICITY, "no_supply", "é" * 500, "123456", "")
    assert len(receipt.description) == 500


def test_claim_against_wrong_supply_or_category(replica: Replica) -> None:
    service = ClaimService(replica.ctx)
    session = replica.login()
    with pytest.raises(ServiceError) as err:
        service.file(session, INTERNET_OFF, "no_supply", "x", "3511234567", "")
    assert err.value.code == "supply_inactive"
    with pytest.raises(NotFound) as err:
        service.file(session, PREPAID_NET, "no_supply", "x", "3511234567", "")
    assert err.value.code == "supply_not_found"
    for code in ("water_leak", "old_cat", "nope"):  # other service, inactive, unknown
        with pytest.raises(NotFound) as err:
            service.file(session, ELECTRICITY, code, "x", "3511234567", "")
        assert err.value.code == "category_not_found"
    with replica.factory() as db:  # a refused claim does not use up a number
        assert db.get(KioskState, "case_sequence") is None


def test_numbers_stay_unique_under_concurrent_use(replica: Replica) -> None:
    from concurrent.futures import ThreadPoolExecutor

    service = ClaimService(replica.ctx)
    session = replica.login()

    def file(i: int) -> str:
        return service.file(session, ELECTRICITY, "no_supply", f"Reclamo {i}", "3511234567", "").number

    with ThreadPoolExecutor(max_workers=6) as pool:
        numbers = list(pool.map(file, range(30)))
    epoch = numbers[0].split("-")[2]  # one epoch per replica, however many threads made its first number
    assert sorted(numbers) == [f"B21-K07-{epoch}-{i:06d}" for i in range(1, 31)]


def test_claim_on_the_phone_on_file(replica: Replica) -> None:
    """The form offers the account's phone instead of asking for one every time; the service checks that the
    account has one (the form's offer is not trusted) and records it as the kiosk knows it, masked."""
    from kiosk.services.api import PHONE_ON_FILE

    service = ClaimService(replica.ctx)
    on_file = AccountService(replica.ctx).overview(replica.login()).phone_masked
    assert on_file  # Juan has a phone on file
    receipt = service.file(replica.login(), ELECTRICITY, "low_voltage", "Baja tensión", PHONE_ON_FILE, "any")
    assert receipt.contact_phone == on_file
    with replica.factory() as db:
        row = db.get(LocalClaim, receipt.id)
        assert row is not None and row.contact_phone == on_file and "*" in row.contact_phone
    # Ana's prepaid account has no phone on file: "the one on file" is refused and nothing is written.
    with pytest.raises(ValidationError) as err:
        service.file(replica.login(PREPAID, "Ana"), PREPAID_NET, "net_down", "Sin internet", PHONE_ON_FILE, "")
    assert err.value.params == {"field": "contact_phone", "reason": "required"}
    with replica.factory() as db:
        assert db.scalar(select(func.count()).select_from(LocalClaim)) == 1


def test_a_rebuilt_replica_does_not_reuse_a_number(replica: Replica) -> None:
    """Between two claims the replica is lost and rebuilt: its state, intake rows and outbox start empty again."""
    service = ClaimService(replica.ctx)
    first = service.file(replica.login(), WATER, "water_leak", "Pierde la llave", "351 1234567", "")
    with replica.factory.begin() as db:  # what a fresh replica file holds of them: nothing
        for model in (OutboxEntry, LocalClaim, KioskState):
            db.execute(delete(model))
    second = service.file(replica.login(), WATER, "water_leak", "Pierde otra vez", "351 1234567", "")
    assert first.number.endswith("-000001") and second.number.endswith("-000001")  # the sequence restarted
    assert first.number != second.number  # the replica epoch did not


@pytest.mark.parametrize("code", ["\ud800", "x" * 500, "", "low\x00voltage"])
def test_a_category_code_that_cannot_exist_is_not_found(replica: Replica, code: str) -> None:
    """Found by the service fuzz: with the phone on file nothing else failed first and '\\ud800' reached the driver."""
    from kiosk.services.api import PHONE_ON_FILE

    with pytest.raises(NotFound) as err:
        ClaimService(replica.ctx).file(replica.login(), ELECTRICITY, code, "Sin luz desde ayer", PHONE_ON_FILE, "")
    assert err.value.code == "category_not_found"
