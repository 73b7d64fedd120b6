"""The request forms, declared once: what each request kind is for and the fields its form asks.

The request service (requests.py) checks the answers against these fields; the requests screen
(ui/screens/requests_screen.py) builds one wizard question per field, choosing the widget by the field's kind
(choice buttons, keypad, keyboard) and taking words, limits, required-ness and when a field is asked from here.
So a new request kind is a RequestKind member, its name in kiosk.domain.labels.CASE_KINDS and an entry here.

No database and no Qt: the screens import this module. The screen's words are es/en Labels like every name
shared by screen and paper (kiosk.domain.labels); field labels are labels.FORM_FIELDS.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass

from kiosk.domain import RequestKind, Service, labels
from kiosk.domain.labels import Label
from kiosk.services import validation
from kiosk.services.validation import DOCUMENT_LENGTH, EMAIL_LENGTH, PHONE_DIGITS


@dataclass(frozen=True, slots=True)
class FormField:
    """One answer of a request form: what the service checks and what the screen asks, declared once.

    The screen (ui/screens/requests_screen.py) turns each field into one question of its wizard by `kind`
    (a choice, the keypad or the keyboard) with these limits and words; the service checks the same field
    with the same limits. `question` and `hint` are the screen's words, in es/en like every shared name.
    """

    name: str  # also the key of its label in kiosk.domain.labels.FORM_FIELDS
    kind: str  # text | long_text | phone | email | document | choice | supply | hours
    question: Label
    hint: Label | None = None
    required: bool = True  # the screen never offers a choice without asking for one of its options
    min_len: int = 1  # the shortest answer the screen takes (the service checks phone, document, e-mail by rule)
    max_len: int = 200
    choices: tuple[str, ...] = ()
    only_if: tuple[str, str] | None = None  # (field, value): asked, and required, only with that answer
    supply_active: bool = True  # supply fields: the supplies offered first (inactive ones to reconnect)

    def label(self, language: str) -> str:
        return labels.form_field(self.name, language)

    def applies(self, values: Mapping[str, str]) -> bool:
        """Whether the form asks this field, given the answers before it."""
        return self.only_if is None or values.get(self.only_if[0]) == self.only_if[1]


@dataclass(frozen=True, slots=True)
class RequestForm:
    """A request kind's form: what it is for (under its name on the list of kinds) and its fields in order."""

    summary: Label
    fields: tuple[FormField, ...]
    one_of: bool = False  # at least one field must be answered (each one alone is optional)


_AREA_CODE = Label("Con el código de área, solo números.", "With the area code, numbers only.")
_CALL_YOU = Label("¿A qué teléfono lo podemos llamar?", "Which phone can we call you on?")


def _phone(name: str, question: Label, required: bool = True) -> FormField:
    return FormField(
        name, "phone", question, _AREA_CODE, required=required, min_len=PHONE_DIGITS[0], max_len=PHONE_DIGITS[1]
    )


def _email(name: str, question: Label, required: bool = True, only_if: tuple[str, str] | None = None) -> FormField:
    return FormField(
        name, "email", question, required=required, min_len=EMAIL_LENGTH[0], max_len=EMAIL_LENGTH[1], only_if=only_if
    )


_PHONE = _phone("contact_phone", _CALL_YOU)
_NOTES = FormField(
    "notes", "text", Label("¿Quiere agregar algo? (opcional)", "Anything to add? (optional)"),
    required=False, max_len=200,
)

# The order of the kinds is the order of the screen's list of requests.
FORMS: dict[RequestKind, RequestForm] = {
    RequestKind.RECONNECTION: RequestForm(
        Label("Volver a conectar un servicio cortado", "Reconnect a service that was cut off"),
        (
            FormField(
                "supply_id", "supply",
                Label("¿Qué servicio quiere reconectar?", "Which service do you want reconnected?"),
                supply_active=False,
            ),
            _PHONE,
            _NOTES,
        ),
    ),
    RequestKind.CHANGE_OF_HOLDER: RequestForm(
        Label("El servicio pasa a otra persona", "The service goes to another person"),
        (
            FormField(
                "supply_id", "supply",
                Label("¿Qué servicio cambia de titular?", "Which service changes holder?"),
            ),
            FormField(
                "new_holder_name", "text",
                Label("Nombre y apellido del nuevo titular", "New holder's full name"),
                min_len=3, max_len=80,
            ),
            FormField(
                "new_holder_document", "document",
                Label("Número de documento del nuevo titular", "New holder's ID document number"),
                Label("Sin puntos ni espacios.", "Without dots or spaces."),
                min_len=DOCUMENT_LENGTH[0], max_len=DOCUMENT_LENGTH[1],
            ),
            _PHONE,
        ),
    ),
    RequestKind.NEW_SERVICE: RequestForm(
        Label("Un servicio nuevo en una dirección", "A new service at an address"),
        (
            FormField(
                "service", "choice", Label("¿Qué servicio necesita?", "Which service do you need?"),
                choices=tuple(s.value for s in Service),
            ),
            FormField(
                "address", "text", Label("¿En qué dirección?", "At which address?"),
                Label("Calle, número, piso y localidad.", "Street, number, floor and town."),
                min_len=5, max_len=200,
            ),
            _PHONE,
            _NOTES,
        ),
    ),
    RequestKind.E_INVOICE: RequestForm(
        Label("Recibir la factura por correo electrónico o en papel", "Get the invoice by e-mail or on paper"),
        (
            FormField(
                "delivery", "choice",
                Label("¿Cómo quiere recibir su factura?", "How do you want to receive your invoice?"),
                choices=("email", "paper"),
            ),
            _email(
                "email",
                Label("¿A qué correo electrónico se la enviamos?", "Which e-mail should we send it to?"),
                only_if=("delivery", "email"),
            ),
        ),
    ),
    RequestKind.CONTACT_CHANGE: RequestForm(
        Label("Teléfono, correo electrónico y avisos por mensaje", "Phone, e-mail and notices by message"),
        (
            _phone(
                "phone",
                Label(
                    "¿Cuál es su teléfono nuevo? (Déjelo vacío si no cambia)",
                    "What is your new phone? (Leave it empty if it does not change)",
                ),
                required=False,
            ),
            _email(
                "email",
                Label(
                    "¿Cuál es su correo electrónico nuevo? (Déjelo vacío si no cambia)",
                    "What is your new e-mail? (Leave it empty if it does not change)",
                ),
                required=False,
            ),
            FormField(
                "consent", "choice",
                Label(
                    "¿Acepta recibir avisos e información por correo electrónico y SMS?",
                    "Do you agree to receive notices and information by e-mail and SMS?",
                ),
                required=False, choices=("yes", "no"),
            ),
        ),
        one_of=True,
    ),
    RequestKind.CALLBACK: RequestForm(
        Label("Un asesor lo llama por teléfono", "An adviser calls you by phone"),
        (
            FormField(
                "message", "long_text",
                Label("¿Sobre qué quiere que lo llamemos?", "What would you like us to call you about?"),
                max_len=500,
            ),
            _phone("phone", _CALL_YOU),
            FormField(
                "preferred_hours", "hours",
                Label("¿En qué horario prefiere que lo llamemos?", "When would you prefer us to call you?"),
                required=False, max_len=40,
            ),
        ),
    ),
}


def check_answer(field: FormField, value: str | None, asked: bool, own_supply: Callable[[int], object]) -> str:
    """One answer checked against its declaration; `own_supply(id)` raises unless the supply is the customer's.

    The service passes its replica lookup and the fakes their world's, so both refuse the same answers."""
    required = field.required and asked
    if field.kind == "supply":
        raw = (value or "").strip()
        if not raw:
            raise validation.invalid(field.name, "required")
        if not (raw.isascii() and raw.isdigit()):
            raise validation.invalid(field.name, "invalid")
        own_supply(int(raw))
        return raw
    if field.kind == "phone":
        return validation.phone(field.name, value, required=required)
    if field.kind == "email":
        return validation.email(field.name, value, required=required, max_len=field.max_len)
    if field.kind == "document":
        return validation.document(field.name, value)
    if field.kind == "choice":
        return validation.choice(field.name, value, field.choices, required=required)
    return validation.text(field.name, value, max_len=field.max_len, required=required)


def show_answer(field: FormField, value: str, language: str, supply_text: Callable[[int], str | None]) -> str:
    """An answer as the receipt and the review page print it; `supply_text(id)` names a supply, None if unknown."""
    if field.kind == "supply":
        return supply_text(int(value)) or value
    if field.kind == "choice":
        return labels.choice(value, language)
    if field.kind == "hours":
        return labels.contact_time(value, language)
    return value
