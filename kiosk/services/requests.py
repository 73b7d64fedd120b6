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
from kiosk.domain import RequestKind, RequestReceipt, Service
from kiosk.services import validation
from kiosk.services.api import CustomerSession
from kiosk.services.claims import contact_time_label
from kiosk.services.context import ServiceContext
from kiosk.services.intake import new_id, next_number, queue
from kiosk.services.rows import own_supply
from kiosk.services.validation import invalid


@dataclass(frozen=True, slots=True)
class FormField:
    name: str
    label_es: str
    label_en: str
    kind: str  # text | phone | email | document | choice | supply | hours
    required: bool = True
    max_len: int = 200
    choices: tuple[str, ...] = ()

    def label(self, language: str) -> str:
        return self.label_en if language == "en" else self.label_es


_SUPPLY = FormField("supply_id", "Suministro", "Supply", "supply")
_PHONE = FormField("contact_phone", "Teléfono de contacto", "Contact phone", "phone")
_NOTES = FormField("notes", "Observaciones", "Notes", "text", required=False, max_len=200)

FORMS: dict[RequestKind, tuple[FormField, ...]] = {
    RequestKind.RECONNECTION: (_SUPPLY, _PHONE, _NOTES),
    RequestKind.CHANGE_OF_HOLDER: (
        _SUPPLY,
        FormField("new_holder_name", "Nuevo titular", "New holder", "text", max_len=80),
        FormField("new_holder_document", "Documento del nuevo titular", "New holder's ID document", "document"),
        _PHONE,
    ),
    RequestKind.NEW_SERVICE: (
        FormField("service", "Servicio", "Service", "choice", choices=tuple(s.value for s in Service)),
        FormField("address", "Dirección", "Address", "text", max_len=200),
        _PHONE,
        _NOTES,
    ),
    RequestKind.E_INVOICE: (
        FormField("delivery", "Entrega de la factura", "Invoice delivery", "choice", choices=("email", "paper")),
        FormField("email", "Correo electrónico", "E-mail", "email", required=False),  # required for email
    ),
    RequestKind.CONTACT_CHANGE: (  # at least one of the three
        FormField("phone", "Teléfono", "Phone", "phone", required=False),
        FormField("email", "Correo electrónico", "E-mail", "email", required=False),
        FormField("consent", "Acepta recibir mensajes", "Agrees to receive messages", "choice", required=False,
                  choices=("yes", "no")),
    ),
    RequestKind.CALLBACK: (
        FormField("message", "Mensaje", "Message", "text", max_len=500),
        FormField("phone", "Teléfono", "Phone", "phone"),
        FormField("preferred_hours", "Horario preferido", "Preferred hours", "hours", required=False, max_len=40),
    ),
}

_VALUE_LABELS: dict[str, tuple[str, str]] = {
    "email": ("Correo electrónico", "E-mail"),
    "paper": ("Papel", "Paper"),
    "yes": ("Sí", "Yes"),
    "no": ("No", "No"),
    "electricity": ("Electricidad", "Electricity"),
    "water": ("Agua", "Water"),
    "internet": ("Internet", "Internet"),
    "telephony": ("Telefonía", "Telephony"),
}


def _value_label(value: str, language: str) -> str:
    labels = _VALUE_LABELS.get(value)
    return value if labels is None else labels[1] if language == "en" else labels[0]


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
            if not raw.isdigit():
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
                return f"{_value_label(supply.service, language)} — {supply.address}"
        if field.kind == "choice":
            return _value_label(value, language)
        if field.kind == "hours":
            return contact_time_label(value, language)
        return value
