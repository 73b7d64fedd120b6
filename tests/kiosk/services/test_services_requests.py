"""Service requests: each kind's fields checked, numbered, committed; receipts with translated labels."""

from __future__ import annotations

import json
import re

import pytest
from sqlalchemy import select
from svc_replica import ELECTRICITY, PREPAID_NET, Replica

from db.models import LocalContactChange, LocalServiceRequest, OutboxEntry
from kiosk.domain import RequestKind, Service
from kiosk.domain.labels import CHANNELS, CONSENT, CONTACT_TIMES, FORM_FIELDS, SERVICES
from kiosk.services.account import AccountService
from kiosk.services.errors import NotFound, ValidationError
from kiosk.services.requests import FORMS, RequestService


def test_every_kind_but_pin_reset_has_a_form() -> None:
    assert set(FORMS) == set(RequestKind) - {RequestKind.PIN_RESET}


def test_reconnection(replica: Replica) -> None:
    receipt = RequestService(replica.ctx).submit(
        replica.login(), RequestKind.RECONNECTION, {"supply_id": str(ELECTRICITY), "contact_phone": "351 123-4567"},
        "es",
    )
    assert re.fullmatch(r"B21-K07-[0-9A-HJKMNP-TV-Z]{3}-000001", receipt.number)
    assert receipt.kind is RequestKind.RECONNECTION
    assert receipt.fields == (
        (FORM_FIELDS["supply_id"].es, f"{SERVICES[Service.ELECTRICITY].es} — San Martín 123"),
        (FORM_FIELDS["contact_phone"].es, "3511234567"),
    )
    with replica.factory() as db:
        row = db.get(LocalServiceRequest, receipt.id)
        assert row is not None and row.kind == "reconnection"
        assert json.loads(row.payload) == {"supply_id": str(ELECTRICITY), "contact_phone": "3511234567"}
        assert db.scalars(select(OutboxEntry.table_name).where(OutboxEntry.row_id == receipt.id)).one() == (
            "service_requests"
        )
    assert AccountService(replica.ctx).cases(replica.login())[0].kind == "reconnection"


def test_labels_in_english(replica: Replica) -> None:
    receipt = RequestService(replica.ctx).submit(
        replica.login(), RequestKind.E_INVOICE, {"delivery": "email", "email": "juan@example.com"}, "en"
    )
    assert receipt.fields == (
        (FORM_FIELDS["delivery"].en, CHANNELS["email"].en),
        (FORM_FIELDS["email"].en, "juan@example.com"),
    )
    assert CHANNELS["email"].en == "By e-mail" and FORM_FIELDS["delivery"].en == "Invoice delivery"


def test_contact_change_writes_its_own_table(replica: Replica) -> None:
    receipt = RequestService(replica.ctx).submit(
        replica.login(), RequestKind.CONTACT_CHANGE, {"phone": "+54 351 1234567", "consent": "yes"}, "es"
    )
    assert receipt.fields == (
        (FORM_FIELDS["phone"].es, "+543511234567"),
        (FORM_FIELDS["consent"].es, CONSENT["yes"].es),
    )
    with replica.factory() as db:
        row = db.get(LocalContactChange, receipt.id)
        assert row is not None and row.phone == "+543511234567" and row.email is None and row.consent_messages
        assert db.scalars(select(LocalServiceRequest)).all() == []


def test_callback_and_new_service_and_change_of_holder(replica: Replica) -> None:
    service = RequestService(replica.ctx)
    session = replica.login()
    callback = service.submit(session, RequestKind.CALLBACK, {
        "message": "Llamen por la deuda", "phone": "3511234567", "preferred_hours": "afternoon"}, "es")
    assert (FORM_FIELDS["preferred_hours"].es, CONTACT_TIMES["afternoon"].es) in callback.fields
    new = service.submit(session, RequestKind.NEW_SERVICE, {
        "service": "water", "address": "Belgrano 45", "contact_phone": "3511234567"}, "en")
    assert (FORM_FIELDS["service"].en, SERVICES[Service.WATER].en) in new.fields
    holder = service.submit(session, RequestKind.CHANGE_OF_HOLDER, {
        "supply_id": str(ELECTRICITY), "new_holder_name": "María Gómez", "new_holder_document": "30.123.456",
        "contact_phone": "3511234567"}, "es")
    assert (FORM_FIELDS["new_holder_document"].es, "30123456") in holder.fields
    epoch = callback.number.split("-")[2]
    assert [callback.number, new.number, holder.number] == [f"B21-K07-{epoch}-00000{i}" for i in (1, 2, 3)]


@pytest.mark.parametrize(
    ("kind", "fields", "field", "reason"),
    [
        (RequestKind.RECONNECTION, {"contact_phone": "3511234567"}, "supply_id", "required"),
        (RequestKind.RECONNECTION, {"supply_id": "abc", "contact_phone": "3511234567"}, "supply_id", "invalid"),
        (RequestKind.RECONNECTION, {"supply_id": str(ELECTRICITY), "contact_phone": "12"}, "contact_phone", "invalid"),
        (RequestKind.RECONNECTION, {"supply_id": str(ELECTRICITY), "contact_phone": "3511234567", "x": "1"}, "x",
         "unknown"),
        (RequestKind.E_INVOICE, {"delivery": "email"}, "email", "required"),
        (RequestKind.E_INVOICE, {"delivery": "email", "email": "juan@example"}, "email", "invalid"),
        (RequestKind.E_INVOICE, {"delivery": "email", "email": "ju an@example.com"}, "email", "invalid"),
        (RequestKind.E_INVOICE, {"delivery": "fax"}, "delivery", "choice"),
        (RequestKind.CONTACT_CHANGE, {}, "phone", "required"),
        (RequestKind.CONTACT_CHANGE, {"consent": "maybe"}, "consent", "choice"),
        (RequestKind.CALLBACK, {"message": " ", "phone": "3511234567"}, "message", "required"),
        (RequestKind.CALLBACK, {"message": "m" * 501, "phone": "3511234567"}, "message", "too_long"),
        (RequestKind.CALLBACK, {"message": "m", "phone": "3511234567", "preferred_hours": "h" * 41},
         "preferred_hours", "too_long"),
        (RequestKind.NEW_SERVICE, {"service": "gas", "address": "a", "contact_phone": "3511234567"}, "service",
         "choice"),
        (RequestKind.CHANGE_OF_HOLDER, {"supply_id": str(ELECTRICITY), "new_holder_name": "M",
                                        "new_holder_document": "12", "contact_phone": "3511234567"},
         "new_holder_document", "invalid"),
        (RequestKind.PIN_RESET, {}, "kind", "choice"),
    ],
)
def test_invalid_fields(replica: Replica, kind: RequestKind, fields: dict[str, str], field: str, reason: str) -> None:
    with pytest.raises(ValidationError) as err:
        RequestService(replica.ctx).submit(replica.login(), kind, fields, "es")
    assert (err.value.code, err.value.params) == ("invalid_field", {"field": field, "reason": reason})
    with replica.factory() as db:
        assert db.scalars(select(OutboxEntry)).all() == []


def test_supply_of_another_account(replica: Replica) -> None:
    with pytest.raises(NotFound):
        RequestService(replica.ctx).submit(replica.login(), RequestKind.RECONNECTION,
                                           {"supply_id": str(PREPAID_NET), "contact_phone": "3511234567"}, "es")
