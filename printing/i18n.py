"""Texts of the printed documents in Spanish and English.

Documents are rendered outside Qt (CLI, services, tests), so they cannot use the Qt catalogues; this small
table keeps their words in one place. Names that screens show too (services, request kinds, contact times)
come from the shared catalogue kiosk.domain.labels, so paper and screen say the same. Spanish uses the
register of printed invoices ("Total a pagar", "Conserve este comprobante") and, where it speaks to the
customer, "usted" like the screens (the form of address every shipped branding profile declares).
"""

from __future__ import annotations

from kiosk.domain import labels
from kiosk.domain.branding import Branding
from kiosk.domain.cases import RequestKind
from kiosk.domain.reading import ReadingKind, Service

_TEXTS: dict[str, tuple[str, str]] = {
    # Common
    "account": ("Cuenta N°", "Account no."),
    "holder": ("Titular", "Account holder"),
    "service": ("Servicio", "Service"),
    "supply_address": ("Domicilio del suministro", "Supply address"),
    "service_address": ("Domicilio del servicio", "Service address"),
    "kiosk": ("Terminal", "Kiosk"),
    "branch": ("Sucursal", "Branch"),
    "printed_at": ("Impreso el {when}", "Printed on {when}"),
    "printed_by": ("Impreso el {when} · Terminal {kiosk}", "Printed on {when} · Kiosk {kiosk}"),
    "phone": ("Tel.", "Phone"),
    "keep": ("Conserve este comprobante.", "Please keep this receipt."),
    "page_x_of_y": ("Página {page} de {pages}", "Page {page} of {pages}"),
    # Invoice
    "invoice": ("FACTURA", "INVOICE"),
    "invoice_number": ("Factura N°", "Invoice no."),
    "period": ("Período", "Billing period"),
    "issue_date": ("Fecha de emisión", "Issue date"),
    "first_due": ("1er vencimiento", "First due date"),
    "second_due": ("2do vencimiento", "Second due date"),
    "total_due": ("Total a pagar", "Total due"),
    "pay_by": ("hasta el {date}", "by {date}"),
    "after_first_due": (
        "Después del 1er vencimiento, hasta el {date}: {amount}",
        "After the first due date, by {date}: {amount}",
    ),
    "description": ("Concepto", "Description"),
    "quantity": ("Cantidad", "Quantity"),
    "unit_price": ("Precio unit.", "Unit price"),
    "amount": ("Importe", "Amount"),
    "subtotal": ("Subtotal", "Subtotal"),
    "taxes": ("Impuestos", "Taxes"),
    "total": ("Total", "Total"),
    "readings": ("Lecturas y consumo", "Meter readings and consumption"),
    "reading": ("Lectura", "Reading"),
    "previous_reading": ("Lectura anterior", "Previous reading"),
    "current_reading": ("Lectura actual", "Current reading"),
    "read_on": ("Fecha", "Date"),
    "value": ("Valor", "Value"),
    "kind": ("Tipo", "Kind"),
    "consumption": ("Consumo", "Consumption"),
    "history": ("Consumo de los últimos períodos", "Consumption, recent periods"),
    "estimated_legend": ("Barras punteadas: lectura estimada", "Dotted bars: estimated reading"),
    "duplicate": ("DUPLICADO", "DUPLICATE"),
    "duplicate_note": (
        "Duplicado impreso el {when} en la terminal {kiosk}",
        "Duplicate copy, printed on {when} at kiosk {kiosk}",
    ),
    "payment_stub": ("Talón de pago", "Payment stub"),
    "cut_here": ("Cortar por la línea de puntos", "Cut along the dotted line"),
    "payment_reference": ("Referencia de pago", "Payment reference"),
    "barcode_caption": ("Código de barras para pago en efectivo", "Barcode for cash payment"),
    "qr_caption": ("Pago con QR desde la app del banco o billetera", "Pay by QR with a bank or wallet app"),
    # Payment slip
    "payment_slip": ("Cupón de pago", "Payment slip"),
    "invoices_included": ("Facturas incluidas", "Invoices included"),
    "topup": ("Recarga de plan prepago", "Prepaid plan top-up"),
    "due": ("Vence", "Due"),
    "was_due": ("Venció", "Was due"),
    "pay_until": ("Pagar hasta", "Pay by"),
    "how_to_pay": ("Cómo pagar", "How to pay"),
    "no_qr": (
        "Sin código QR: use el código de barras o la referencia.",
        "No QR code: use the barcode or the reference.",
    ),
    # Receipts
    "claim_receipt": ("Comprobante de reclamo", "Claim receipt"),
    "reading_receipt": ("Comprobante de lectura", "Meter reading receipt"),
    "request_receipt": ("Comprobante de solicitud", "Request receipt"),
    "pin_receipt": ("Comprobante de solicitud de clave", "PIN request receipt"),
    "contact_receipt": ("Comprobante de actualización de datos", "Contact details request receipt"),
    "confirmation_number": ("N° de comprobante", "Confirmation no."),
    "claim_number": ("N° de reclamo", "Claim no."),
    "request_number": ("N° de solicitud", "Request no."),
    "submitted_at": ("Fecha y hora", "Date and time"),
    "category": ("Motivo", "Reason"),
    "details": ("Detalle", "Details"),
    "contact_phone": ("Teléfono de contacto", "Contact phone"),
    "contact_time": ("Horario de contacto", "Best time to call"),
    "supply": ("Suministro N°", "Supply no."),
    "service_no": ("Servicio N°", "Service no."),
    "meter": ("Medidor N°", "Meter no."),
    "reading_value": ("Lectura informada", "Reading submitted"),
    "rollover": ("El medidor dio la vuelta (pasó por cero).", "The meter rolled over (passed zero)."),
    "flagged": (
        "La lectura es muy distinta de lo habitual: será verificada por personal de la empresa.",
        "The reading is far from the usual: our staff will check it.",
    ),
    "request_kind": ("Trámite", "Request"),
    "next_steps": ("Qué sigue", "What happens next"),
    "next_claim": (
        "Su reclamo fue registrado. Personal de la empresa lo atenderá y se comunicará con usted al teléfono "
        "indicado. Puede consultar su estado en esta terminal con el número de reclamo.",
        "Your claim has been registered. Our staff will handle it and contact you on the phone number you gave. "
        "You can follow its status at this kiosk with the claim number.",
    ),
    "next_reading": (
        "Su lectura fue registrada y se usará para su próxima factura si está dentro del período de toma de lecturas.",
        "Your reading has been recorded and will be used for your next invoice if it falls within the reading window.",
    ),
    "next_request": (
        "Su solicitud fue registrada. La empresa la revisará y le informará el resultado. Puede consultar su "
        "estado en esta terminal con el número de solicitud.",
        "Your request has been registered. We will review it and let you know the outcome. You can follow its "
        "status at this kiosk with the request number.",
    ),
    "next_pin": (
        "Recibirá el código para crear su clave por el medio elegido. Nunca comparta su clave: la empresa no "
        "se la pedirá.",
        "You will receive the code to set your PIN through the channel you chose. Never share your PIN: we "
        "will never ask for it.",
    ),
    "next_contact": (
        "Sus datos de contacto se actualizarán cuando la empresa confirme el cambio.",
        "Your contact details will be updated once we confirm the change.",
    ),
    # Statement
    "statement": ("Estado de cuenta", "Account statement"),
    "statement_period": ("Del {start} al {end}", "From {start} to {end}"),
    "date": ("Fecha", "Date"),
    "type": ("Tipo", "Type"),
    "reference": ("Referencia", "Reference"),
    "debit": ("Debe", "Debit"),
    "credit": ("Haber", "Credit"),
    "balance": ("Saldo", "Balance"),
    "closing_balance": ("Saldo final", "Closing balance"),
    "totals": ("Totales", "Totals"),
    "no_movements": ("Sin movimientos en el período.", "No movements in this period."),
    "with_surcharge": ("con recargo", "with surcharge"),
    "with_interest": ("con recargo e intereses", "with surcharge and interest"),
    # Test page
    "test_page": ("Página de prueba de impresora", "Printer test page"),
    "printer": ("Impresora", "Printer"),
    "backend": ("Conexión", "Backend"),
    "paper": ("Papel", "Paper"),
    "ruler": (
        "Regla (mm): el borde derecho debe llegar a {width} mm",
        "Ruler (mm): the right edge should reach {width} mm",
    ),
    "fonts": ("Fuentes", "Fonts"),
    "codes": ("Códigos: deben leerse con un lector o un teléfono", "Codes: a scanner or a phone must read them"),
    "test_ok": (
        "Si todo se lee con claridad, la impresora está lista.",
        "If everything reads clearly, the printer is ready.",
    ),
}

_READING_KINDS: dict[ReadingKind, tuple[str, str]] = {
    ReadingKind.REAL: ("Real", "Actual"),
    ReadingKind.ESTIMATED: ("Estimada", "Estimated"),
    ReadingKind.CUSTOMER: ("Aportada por el cliente", "Customer reading"),
}

def _pick(pair: tuple[str, str], language: str) -> str:
    return pair[1] if language == "en" else pair[0]


def t(key: str, language: str, **values: object) -> str:
    """The text `key` in `language` ("es" or "en"), with `{placeholders}` filled from `values`."""
    text = _pick(_TEXTS[key], language)
    return text.format(**values) if values else text


def service_name(service: Service, language: str) -> str:
    """The catalogue's name (kiosk.domain.labels), the same words the screens show."""
    return labels.service(service, language)


def reading_kind(kind: ReadingKind, language: str) -> str:
    return _pick(_READING_KINDS[kind], language)


def request_kind(kind: RequestKind, language: str) -> str:
    return labels.case_kind(kind, language)


# An electricity or water utility speaks of a "suministro"; a telco or an internet provider of a "servicio".
_SERVICE_WORDS = {"supply": "service_no", "supply_address": "service_address"}


def supply_text(key: str, branding: Branding, language: str) -> str:
    """"supply" or "supply_address" in the utility's own word: "Suministro N°" for a profile with metered
    services, "Servicio N°" for one without (kiosk.domain.reading.Service.metered)."""
    metered = any(service.metered for service in branding.services)
    return t(key if metered else _SERVICE_WORDS[key], language)


def contact_time(value: str, language: str) -> str:
    """A preferred contact time code ("morning") in words; free text as it was typed."""
    return labels.contact_time(value, language)


def entry_kind(kind: str, language: str) -> str:
    """Statement movement kinds (StatementEntry.kind), from the shared catalogue the statement screen reads."""
    return labels.statement(kind, language)


def keys() -> frozenset[str]:
    """Every text key, for tests that check both languages are filled."""
    return frozenset(_TEXTS)
