"""Every ServiceError code a customer can meet, as one friendly translated sentence plus what to do next.

Codes are the stable contract of kiosk/services/errors.py (CODES); anything unknown falls back on its error
class, and anything that is not a ServiceError becomes a calm generic sentence: a stack trace never reaches a
screen. Every string is a literal `translate("Messages", ...)` call so that pyside6-lupdate extracts it.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QCoreApplication

from kiosk.services.errors import AuthError, CentralUnavailable, NotFound, ServiceError, Throttled, ValidationError

translate = QCoreApplication.translate


def wait_text(seconds: int) -> str:
    """ "15 minutos" / "40 segundos": waits are said the way a person would say them."""
    seconds = max(0, int(seconds))
    if seconds >= 90:
        return translate("Messages", "%n minutos", None, (seconds + 59) // 60)
    return translate("Messages", "%n segundos", None, max(seconds, 1))


def age_text(seconds: int) -> str:
    """How old the data is: minutes, hours or days."""
    seconds = max(0, int(seconds))
    if seconds >= 2 * 86400:
        return translate("Messages", "%n días", None, seconds // 86400)
    if seconds >= 2 * 3600:
        return translate("Messages", "%n horas", None, seconds // 3600)
    return translate("Messages", "%n minutos", None, max(1, seconds // 60))


def _messages() -> dict[str, str]:
    """Built on each call so that the current translator applies."""
    return {
        # look-up
        "invoice_not_found": translate(
            "Messages",
            "No encontramos una factura con esos datos. Revise el número de cuenta y el número de factura "
            "impresos en su factura e intente de nuevo.",
        ),
        "account_not_found": translate(
            "Messages", "No encontramos esa cuenta. Revise el número impreso en su factura e intente de nuevo."
        ),
        "malformed_account": translate(
            "Messages", "El número de cuenta no parece correcto: use solo números, como figura en su factura."
        ),
        "malformed_invoice": translate(
            "Messages",
            "El número de factura no parece correcto: escríbalo con todos sus números, por ejemplo 0021-00049107.",
        ),
        "unknown_barcode": translate(
            "Messages",
            "No pudimos leer ese código. Acerque de nuevo el código de barras de la factura o escriba los números.",
        ),
        "too_many_attempts": translate(
            "Messages", "Hubo demasiados intentos fallidos. Por seguridad, espere {wait} antes de volver a intentar."
        ),
        # login and PIN
        "wrong_pin": translate("Messages", "El PIN no es correcto. Le quedan {attempts_left} intentos."),
        "locked": translate(
            "Messages",
            "Su cuenta quedó bloqueada por demasiados intentos. Podrá volver a ingresar en {wait}. "
            "Mientras tanto puede consultar e imprimir facturas.",
        ),
        "login_unavailable": translate(
            "Messages", "El ingreso no está disponible en este momento; puede consultar e imprimir facturas."
        ),
        "pin_service_unavailable": translate(
            "Messages",
            "El registro de PIN no está disponible en este momento. Intente más tarde o consulte en el mostrador.",
        ),
        "session_expired": translate(
            "Messages", "Su sesión terminó. Vuelva a ingresar con su número de cuenta y PIN."
        ),
        "malformed_pin": translate("Messages", "El PIN debe tener solo números (entre 4 y 6)."),
        "malformed_document": translate(
            "Messages", "El número de documento no parece correcto: escríbalo sin puntos ni espacios."
        ),
        "invalid_channel": translate("Messages", "Elija cómo quiere recibir el código: SMS o correo electrónico."),
        "malformed_code": translate("Messages", "El código no parece correcto. Revise el mensaje que recibió."),
        "pin_mismatch": translate("Messages", "Los dos PIN no coinciden. Escriba el mismo PIN dos veces."),
        "pin_too_simple": translate("Messages", "Ese PIN es muy fácil de adivinar (como 1234 o 1111). Elija otro."),
        "wrong_code": translate("Messages", "El código no es correcto. Le quedan {attempts_left} intentos."),
        "code_expired": translate(
            "Messages", "El código venció. Toque «Pedir un código nuevo» y le enviaremos otro."
        ),
        "code_blocked": translate(
            "Messages",
            "Se escribieron demasiados códigos incorrectos. Toque «Pedir un código nuevo» o consulte en el mostrador.",
        ),
        # account
        "supply_not_found": translate("Messages", "No encontramos ese servicio en su cuenta. Vuelva y elija otro."),
        "plan_not_found": translate("Messages", "Ese plan ya no está disponible. Elija otro."),
        "not_prepaid": translate("Messages", "Los planes son solo para cuentas prepagas."),
        # payments
        "no_invoices": translate("Messages", "Elija al menos una factura para el cupón de pago."),
        "mixed_accounts": translate("Messages", "Solo puede pagar juntas facturas de una misma cuenta."),
        "invoice_already_paid": translate(
            "Messages", "La factura {number} ya está pagada. Quítela de la selección e intente de nuevo."
        ),
        "mixed_currencies": translate(
            "Messages", "Esas facturas no se pueden pagar juntas. Elija facturas en la misma moneda."
        ),
        "pay_at_counter": translate(
            "Messages",
            "La factura {number} pasó su último vencimiento y solo se puede pagar en la oficina comercial. "
            "Quítela de la selección para imprimir el cupón de las demás.",
        ),
        # readings
        "supply_not_metered": translate("Messages", "Este servicio no tiene medidor; no hace falta cargar lecturas."),
        "supply_inactive": translate("Messages", "Ese servicio no está activo. Consulte en el mostrador."),
        "reading_window_closed": translate(
            "Messages",
            "Hoy no se pueden cargar lecturas para este medidor. El próximo período abre el {next_opens_on}.",
        ),
        "too_many_digits": translate(
            "Messages", "La lectura tiene más números que el medidor ({digits}). Revise el número."
        ),
        "negative_value": translate("Messages", "Escriba la lectura tal como la ve en el medidor, solo con números."),
        "rollover_confirm": translate(
            "Messages",
            "La lectura es menor que la anterior ({last_value}). ¿El medidor llegó al máximo y volvió a empezar?",
        ),
        "high_confirm": translate(
            "Messages", "El consumo ({consumption}) es mucho más alto que su promedio ({average}). ¿Es correcto?"
        ),
        # claims and requests
        "invalid_field": translate("Messages", "Hay un dato para revisar. Corríjalo e intente de nuevo."),
        "category_not_found": translate("Messages", "Elija un motivo de la lista."),
        # printing
        "printer_out_of_paper": translate(
            "Messages",
            "La impresora se quedó sin papel. Avise al personal de la sucursal; su comprobante quedó guardado "
            "y puede imprimirlo otra vez.",
        ),
        "printer_offline": translate(
            "Messages",
            "La impresora no responde. Avise al personal de la sucursal o intente otra vez en unos minutos; "
            "su comprobante quedó guardado.",
        ),
        "printer_error": translate(
            "Messages",
            "La impresora tuvo un problema. Avise al personal de la sucursal; su comprobante quedó guardado.",
        ),
        "print_job_not_found": translate(
            "Messages", "Ese comprobante ya no está disponible para reimprimir. Vuelva a pedirlo desde el inicio."
        ),
        "document_unavailable": translate(
            "Messages", "Ese comprobante no se puede imprimir aquí. Consulte en el mostrador de atención."
        ),
        "not_committed": translate(
            "Messages", "No pudimos guardar su pedido, así que no se imprimió nada. Intente de nuevo."
        ),
        "payment_codes_unavailable": translate(
            "Messages", "No podemos generar el código de pago en este equipo. Consulte en el mostrador de atención."
        ),
        # maintenance mode (branch staff; kiosk.services.errors.STAFF_CODES)
        "malformed_staff_number": translate("Messages", "El número de personal tiene solo números (hasta 9)."),
        "malformed_badge": translate(
            "Messages", "Esa credencial no se pudo leer. Escanéela de nuevo o ingrese con su número y PIN."
        ),
        "staff_refused": translate(
            "Messages", "El PIN es correcto, pero esa persona no puede entrar al mantenimiento de este equipo."
        ),
        "branch_pin_not_set": translate(
            "Messages",
            "Este equipo no tiene PIN de sucursal. Ingrese con su número de personal, o pida a sistemas que lo "
            "configure.",
        ),
        "forbidden": translate("Messages", "Esta acción es solo para técnicos. Pida a un técnico que la haga."),
        "parked_row_not_found": translate(
            "Messages", "Esa fila ya no está retenida (alguien la reintentó o la descartó). La lista se actualizó."
        ),
        "device_command_failed": translate(
            "Messages", "El equipo no aceptó la orden. Revise los registros o avise a sistemas."
        ),
        # general
        "central_unavailable": translate(
            "Messages",
            "No hay conexión con la central en este momento. Puede seguir consultando e imprimiendo facturas.",
        ),
        "internal": translate(
            "Messages", "Algo no salió bien. Intente de nuevo; si se repite, avise al personal de la sucursal."
        ),
    }


def _field_messages() -> dict[str, str]:
    """invalid_field by reason: which field, and why."""
    return {
        "required": translate("Messages", "Falta completar un dato."),
        "too_long": translate("Messages", "El texto es demasiado largo."),
        "invalid": translate("Messages", "Un dato no parece correcto. Revíselo."),
        "unknown": translate("Messages", "Elija una opción de la lista."),
        "choice": translate("Messages", "Elija una de las opciones."),
    }


def _by_class(exc: ServiceError) -> str:
    if isinstance(exc, Throttled):
        return _messages()["too_many_attempts"]
    if isinstance(exc, CentralUnavailable):
        return _messages()["central_unavailable"]
    if isinstance(exc, NotFound):
        return translate("Messages", "No encontramos lo que buscaba. Revise los datos e intente de nuevo.")
    if isinstance(exc, ValidationError):
        return translate("Messages", "Hay un dato que no parece correcto. Revíselo e intente de nuevo.")
    if isinstance(exc, AuthError):
        return translate("Messages", "No pudimos verificar sus datos. Intente de nuevo.")
    return _messages()["internal"]


def _staff_messages() -> dict[str, str]:
    """Codes customers also meet, said to branch staff (the maintenance lockout is the kiosk's, not an
    account's; staff_refused by its reason)."""
    return {
        "wrong_pin": translate("Messages", "El PIN no es correcto. Quedan {attempts_left} intentos antes del bloqueo."),
        "locked": translate(
            "Messages",
            "Demasiados intentos fallidos: la entrada al mantenimiento está bloqueada en este equipo. "
            "Se podrá volver a intentar en {wait}.",
        ),
        "session_expired": translate(
            "Messages", "La sesión de mantenimiento terminó por inactividad. Vuelva a ingresar."
        ),
        "staff_refused.disabled": translate(
            "Messages", "Esa cuenta de personal está desactivada. Consulte con su supervisor."
        ),
        "staff_refused.other_branch": translate(
            "Messages", "Esa cuenta de personal es de otra sucursal y no puede entrar en este equipo."
        ),
        "staff_refused.role": translate(
            "Messages", "Esa cuenta de personal no tiene un rol de mantenimiento. Consulte con su supervisor."
        ),
    }


def staff_message(exc: BaseException) -> str:
    """The sentence for an error in maintenance mode: staff wording where it differs, else error_message."""
    if isinstance(exc, ServiceError):
        own = _staff_messages()
        template = own.get(f"{exc.code}.{exc.params.get('reason', '')}") or own.get(exc.code)
        if template is not None:
            params: dict[str, object] = {k: v for k, v in exc.params.items() if isinstance(v, str | int)}
            for key in ("wait_seconds", "locked_seconds"):
                if key in exc.params:
                    params["wait"] = wait_text(int(exc.params[key]))
            try:
                return template.format(**params)
            except (KeyError, IndexError, ValueError):
                return template.split("{")[0].rstrip(" .(") + "."
    return error_message(exc)


def known_codes() -> frozenset[str]:
    return frozenset(_messages())


def error_message(exc: BaseException, format_date: Callable[[date], str] | None = None) -> str:
    """The sentence to show for an error (never the exception text itself); dates in params are written with
    `format_date` (the screen's locale) when given."""
    if not isinstance(exc, ServiceError):
        return _messages()["internal"]
    if exc.code == "invalid_field":
        reason = str(exc.params.get("reason", ""))
        return _field_messages().get(reason, _messages()["invalid_field"])
    template = _messages().get(exc.code) or _by_class(exc)
    params: dict[str, object] = {}
    for key, value in exc.params.items():
        if isinstance(value, date):
            params[key] = format_date(value) if format_date is not None else value.strftime("%d/%m/%Y")
        elif isinstance(value, str | int | float):
            params[key] = value
    for key in ("wait_seconds", "locked_seconds"):
        if key in exc.params:
            params["wait"] = wait_text(int(exc.params[key]))
    try:
        return template.format(**params)
    except (KeyError, IndexError, ValueError):
        return template.split("{")[0].rstrip(" .(") + "."
