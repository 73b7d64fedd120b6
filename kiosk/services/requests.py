"""Service requests: multi-step forms whose fields are checked here, numbered and committed on the kiosk.

FORMS says, per kind, which fields the screen collects (names, labels in es/en, required, what they hold).
A contact-data change is written as a contact_change_requests row; every other kind as a service_requests row
whose payload is the JSON of the checked fields. PIN requests go through AuthService, not here.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

from sqlalchemy.orm import Session

from db.models import LocalContactChange, LocalServiceRequest
from kiosk.domain import RequestKind, RequestReceipt, Service, labels
from kiosk.services import validation
from kiosk.services.api import CustomerSession
from kiosk.services.context import ServiceContext
from kiosk.services.intake import new_id, next_number, queue
from kiosk.services.rows import own_supply
from kiosk.services.validation import invalid


@dataclass(frozen=True, slots=True)
class FormField:
    name: str  # also the key of its label in kiosk.domain.labels.FORM_FIELDS
    kind: str  # text | phone | email | document | choice | supply | hours
    required: bool = True
    max_len: int = 200
    choices: tuple[str, ...] = ()

    def label(self, language: str) -> str:
        return labels.form_field(self.name, language)


_SUPPLY = FormField("supply_id", "supply")
_PHONE = FormField("contact_phone", "phone")
_NOTES = FormField("notes", "text", required=False, max_len=200)

FORMS: dict[RequestKind, tuple[FormField, ...]] = {
    RequestKind.RECONNECTION: (_SUPPLY, _PHONE, _NOTES),
    RequestKind.CHANGE_OF_HOLDER: (
        _SUPPLY,
        FormField("new_holder_name", "text", max_len=80),
        FormField("new_holder_document", "document"),
        _PHONE,
    ),
    RequestKind.NEW_SERVICE: (
        FormField("service", "choice", choices=tuple(s.value for s in Service)),
        FormField("address", "text", max_len=200),
        _PHONE,
        _NOTES,
    ),
    RequestKind.E_INVOICE: (
        FormField("delivery", "choice", choices=("email", "paper")),
        FormField("email", "email", required=False),  # required for email
    ),
    RequestKind.CONTACT_CHANGE: (  # at least one of the three
        FormField("phone", "phone", required=False),
        FormField("email", "email", required=False),
        FormField("consent", "choice", required=False, choices=("yes", "no")),
    ),
    RequestKind.CALLBACK: (
        FormField("message", "text", max_len=500),
        FormField("phone", "phone"),
        FormField("preferred_hours", "hours", required=False, max_len=40),
    ),
}


class RequestService:
    def __init__(self, ctx: ServiceContext) -> None:
        self._ctx = ctx

    def submit(
        self, session: CustomerSession, kind: RequestKind, fields: dict[str, str], language: str
    ) -> RequestReceipt:
        account_id = self._ctx.sessions.check(session)
        try:
            kind = RequestKind(kind)
        except ValueError:
            raise invalid("kind", "choice") from None
        form = FORMS.get(kind)
        if form is None:  # pin_reset: AuthService.request_pin_code
            raise invalid("kind", "choice")
        names = {f.name for f in form}
        for name in fields:
            if name not in names:
                raise invalid(name, "unknown")
        with self._ctx.factory.begin() as db:
            values = {f.name: self._check(db, account_id, f, fields.get(f.name)) for f in form}
            if kind is RequestKind.E_INVOICE and values["delivery"] == "email" and not values["email"]:
                raise invalid("email", "required")
            if kind is RequestKind.CONTACT_CHANGE and not any(values.values()):
                raise invalid("phone", "required")
            now = self._ctx.now()
            number = next_number(db, self._ctx.config)
            row_id = new_id()
            row: LocalContactChange | LocalServiceRequest
            if kind is RequestKind.CONTACT_CHANGE:
                row = LocalContactChange(
                    id=row_id,
                    kiosk_id=self._ctx.config.kiosk.id,
                    branch_id=self._ctx.config.kiosk.branch,
                    created_at=now,
                    number=number,
                    account_id=account_id,
                    phone=values["phone"] or None,
                    email=values["email"] or None,
                    consent_messages=None if not values["consent"] else values["consent"] == "yes",
                )
            else:
                payload = {k: v for k, v in values.items() if v}
                row = LocalServiceRequest(
                    id=row_id,
                    kiosk_id=self._ctx.config.kiosk.id,
                    branch_id=self._ctx.config.kiosk.branch,
                    created_at=now,
                    number=number,
                    account_id=account_id,
                    kind=kind.value,
                    payload=json.dumps(payload, ensure_ascii=False, sort_keys=True),
                )
            queue(db, row)
            shown = tuple(
                (f.label(language), self._display(db, f, values[f.name], language)) for f in form if values[f.name]
            )
        return RequestReceipt(row_id, number, kind, account_id, shown, now, self._ctx.config.kiosk.id)

    def _check(self, db: Session, account_id: int, field: FormField, value: str | None) -> str:
        if field.kind == "supply":
            raw = (value or "").strip()
            if not raw:
                raise invalid(field.name, "required")
            if not (raw.isascii() and raw.isdigit()):
                raise invalid(field.name, "invalid")
            own_supply(db, account_id, int(raw))
            return raw
        if field.kind == "phone":
            return validation.phone(field.name, value, required=field.required)
        if field.kind == "email":
            return validation.email(field.name, value, required=field.required)
        if field.kind == "document":
            return validation.document(field.name, value)
        if field.kind == "choice":
            return validation.choice(field.name, value, field.choices, required=field.required)
        return validation.text(field.name, value, max_len=field.max_len, required=field.required)

    def _display(self, db: Session, field: FormField, value: str, language: str) -> str:
        if field.kind == "supply":
            from db.models import LocalSupply

            supply = db.get(LocalSupply, int(value))
            if supply is not None:
                return f"{labels.service(supply.service, language)} — {supply.address}"
        if field.kind == "choice":
            return labels.choice(value, language)
        if field.kind == "hours":
            return labels.contact_time(value, language)
        return value
