"""The names customers read for services, request kinds, case statuses and contact choices, in es and en.

One entry per item, read by the screens (ui.labels) and by the printed documents (printing.i18n) and the
services that word receipts (kiosk.services.requests, kiosk.services.claims). A customer who chose
"Por correo electrónico" on the screen finds the same words on the review, on the done page and on the paper;
a second spelling of any of these names anywhere else is a defect (tests/kiosk/test_labels.py).

Spanish is the formal, neutral wording a utility prints ("Energía eléctrica", "Reconexión del servicio"), good
for Argentina, Paraguay and Mexico alike; English is the kiosk's English catalogue wording.
"""

from __future__ import annotations

from enum import StrEnum
from typing import NamedTuple

from kiosk.domain.cases import RequestKind
from kiosk.domain.invoice import InvoiceStatus
from kiosk.domain.reading import Service


class Label(NamedTuple):
    es: str
    en: str

    def text(self, language: str) -> str:
        """The label in `language` ("es" or "en"; anything else reads as Spanish, the source language)."""
        return self.en if language == "en" else self.es


class CaseState(StrEnum):
    """Where a claim or request stands, as the claims list shows it (CaseStatus.status)."""

    QUEUED = "queued"  # still in this kiosk's outbox
    RECEIVED = "received"
    IN_PROGRESS = "in_progress"
    RESOLVED = "resolved"
    REJECTED = "rejected"


CLAIM = "claim"  # CaseStatus.kind of a claim; requests use their RequestKind value

SERVICES: dict[Service, Label] = {
    Service.ELECTRICITY: Label("Energía eléctrica", "Electricity"),
    Service.WATER: Label("Agua", "Water"),
    Service.INTERNET: Label("Internet", "Internet"),
    Service.TELEPHONY: Label("Telefonía", "Telephone"),
}

# Claims and every request kind: the requests menu, the claims list, the done page and the printed receipt.
CASE_KINDS: dict[str, Label] = {
    CLAIM: Label("Reclamo", "Claim"),
    RequestKind.RECONNECTION: Label("Reconexión del servicio", "Service reconnection"),
    RequestKind.CHANGE_OF_HOLDER: Label("Cambio de titular", "Change of account holder"),
    RequestKind.NEW_SERVICE: Label("Alta de servicio", "New service"),
    RequestKind.E_INVOICE: Label("Factura electrónica", "Electronic invoice"),
    RequestKind.CONTACT_CHANGE: Label("Datos de contacto", "Contact details"),
    RequestKind.CALLBACK: Label("Pedido de llamada", "Call-back request"),
    RequestKind.PIN_RESET: Label("PIN de acceso", "Access PIN"),
}

CASE_STATES: dict[CaseState, Label] = {
    CaseState.QUEUED: Label("Registrado en este equipo", "Registered at this kiosk"),
    CaseState.RECEIVED: Label("Recibido", "Received"),
    CaseState.IN_PROGRESS: Label("En curso", "In progress"),
    CaseState.RESOLVED: Label("Resuelto", "Resolved"),
    CaseState.REJECTED: Label("No corresponde", "Rejected"),
}

# How a customer is reached or gets the invoice: the PIN code channel and the e-invoice delivery choice.
CHANNELS: dict[str, Label] = {
    "sms": Label("Por SMS al celular", "By SMS to your mobile phone"),
    "email": Label("Por correo electrónico", "By e-mail"),
    "paper": Label("En papel, en el domicilio", "On paper, at the address"),
}

# Answers of the contact-data form's consent question.
CONSENT: dict[str, Label] = {
    "yes": Label("Sí, acepto", "Yes, I agree"),
    "no": Label("No, gracias", "No, thank you"),
}

# When a customer prefers to be called back (claims and call-back requests).
CONTACT_TIMES: dict[str, Label] = {
    "morning": Label("Mañana (8 a 12)", "Morning (8 to 12)"),
    "afternoon": Label("Tarde (12 a 18)", "Afternoon (12 to 18)"),
    "evening": Label("Noche (18 a 21)", "Evening (18 to 21)"),
    "any": Label("Cualquier horario", "Any time"),
}

# What each answer of a request form is called: on the review page, the done page and the printed receipt.
FORM_FIELDS: dict[str, Label] = {
    "supply_id": Label("Servicio", "Service"),
    "contact_phone": Label("Teléfono de contacto", "Contact phone"),
    "notes": Label("Observaciones", "Notes"),
    "new_holder_name": Label("Nuevo titular", "New account holder"),
    "new_holder_document": Label("Documento del nuevo titular", "New holder's ID document"),
    "service": Label("Servicio", "Service"),
    "address": Label("Dirección", "Address"),
    "delivery": Label("Entrega de la factura", "Invoice delivery"),
    "email": Label("Correo electrónico", "E-mail"),
    "phone": Label("Teléfono", "Phone"),
    "consent": Label("Avisos por mensaje", "Messages and notices"),
    "message": Label("Mensaje", "Message"),
    "preferred_hours": Label("Horario preferido", "Preferred time"),
}


# An invoice's status: the invoice list, the walk-in's invoice, the detail badge and the printed duplicate.
INVOICE_STATUSES: dict[InvoiceStatus, Label] = {
    InvoiceStatus.PENDING: Label("Por vencer", "Not yet due"),
    InvoiceStatus.OVERDUE: Label("Vencida", "Overdue"),
    InvoiceStatus.PAID: Label("Pagada", "Paid"),
}


def invoice_status(status: InvoiceStatus | str, language: str) -> str:
    return INVOICE_STATUSES[InvoiceStatus(status)].text(language)


# The account statement: each movement's kind (StatementEntry.kind) and the balance it starts from, on the
# statement screen and on the printed statement alike.
STATEMENT: dict[str, Label] = {
    "invoice": Label("Factura", "Invoice"),
    "surcharge": Label("Recargo", "Surcharge"),  # the second due date's, on the invoice of the same reference
    "interest": Label("Intereses", "Interest"),  # late-payment interest, under the utility's rule
    "payment": Label("Pago", "Payment"),
    "adjustment": Label("Ajuste", "Adjustment"),
    "opening_balance": Label("Saldo inicial", "Opening balance"),
}


def statement(key: str, language: str) -> str:
    """A statement movement kind or the opening balance, in words; an unknown kind reads as it comes."""
    label = STATEMENT.get(key)
    return label.text(language) if label is not None else key


def service(value: Service | str, language: str) -> str:
    """A service's name; an unknown value reads as it comes (data from a newer central)."""
    try:
        return SERVICES[Service(value)].text(language)
    except ValueError:
        return str(value)


def case_kind(kind: str, language: str) -> str:
    """"Reclamo", "Reconexión del servicio", ...: a claim or request kind; unknown kinds read as they come."""
    label = CASE_KINDS.get(str(kind))
    return label.text(language) if label is not None else str(kind)


def case_state(state: str, language: str) -> str:
    try:
        return CASE_STATES[CaseState(state)].text(language)
    except ValueError:
        return str(state)


def channel(value: str, language: str) -> str:
    label = CHANNELS.get(value)
    return label.text(language) if label is not None else value


def consent(value: str, language: str) -> str:
    label = CONSENT.get(value)
    return label.text(language) if label is not None else value


def contact_time(value: str, language: str) -> str:
    label = CONTACT_TIMES.get(value)
    return label.text(language) if label is not None else value


def form_field(name: str, language: str) -> str:
    label = FORM_FIELDS.get(name)
    return label.text(language) if label is not None else name


def choice(value: str, language: str) -> str:
    """A form answer that is a code (a service, a channel, a consent, a time), in words; free text as it is."""
    for table in (CHANNELS, CONSENT, CONTACT_TIMES):
        if value in table:
            return table[value].text(language)
    if value in {s.value for s in Service}:
        return service(value, language)
    return value
