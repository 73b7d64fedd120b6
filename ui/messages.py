"""Every ServiceError code a customer can meet, as one friendly translated sentence plus what to do next.

Codes are the stable contract of kiosk/services/errors.py; anything unknown falls back on its error class,
and anything that is not a ServiceError becomes a calm generic sentence: a stack trace never reaches a screen.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from kiosk.services.errors import AuthError, CentralUnavailable, NotFound, ServiceError, Throttled, ValidationError

CTX = "Messages"


def _t(text: str, n: int = -1) -> str:
    return QCoreApplication.translate(CTX, text, None, n)


def wait_text(seconds: int) -> str:
    """ "5 minutos" / "40 segundos": waits are said the way a person would say them."""
    seconds = max(0, int(seconds))
    if seconds >= 90:
        minutes = (seconds + 59) // 60
        return _t("%n minutos", minutes)
    return _t("%n segundos", max(seconds, 1))


def _messages() -> dict[str, str]:
    """Built on each call so that the current translator applies."""
    return {
        # look-up
        "invoice_not_found": _t(
            "No encontramos una factura con esos datos. Revise el número de cuenta y el número de factura "
            "impresos en su factura e intente de nuevo."
        ),
        "account_not_found": _t(
            "No encontramos esa cuenta. Revise el número impreso en su factura e intente de nuevo."
        ),
        "supply_not_found": _t("No encontramos ese suministro en su cuenta. Vuelva atrás y elija otro."),
        "malformed_account": _t(
            "El número de cuenta no parece correcto: use solo números, como figura en su factura."
        ),
        "malformed_invoice": _t(
            "El número de factura no parece correcto: escríbalo con todos sus números, por ejemplo 0021-00049107."
        ),
        "unknown_barcode": _t(
            "No pudimos leer ese código. Acerque de nuevo el código de barras de la factura o escriba los números."
        ),
        "too_many_attempts": _t(
            "Hubo demasiados intentos fallidos. Por seguridad, espere {wait} antes de volver a intentar."
        ),
        # login and PIN
        "wrong_pin": _t("El PIN no es correcto. Le quedan {attempts_left} intentos."),
        "locked": _t(
            "Su cuenta quedó bloqueada por demasiados intentos. Podrá volver a ingresar en {wait}. "
            "Mientras tanto puede consultar e imprimir facturas."
        ),
        "login_unavailable": _t(
            "El ingreso no está disponible en este momento; puede consultar e imprimir facturas."
        ),
        "pin_service_unavailable": _t(
            "El registro de PIN no está disponible en este momento. Intente más tarde o consulte en el mostrador."
        ),
        "malformed_pin": _t("El PIN debe tener solo números (entre 4 y 6)."),
        "pin_mismatch": _t("Los dos PIN no coinciden. Escriba el mismo PIN dos veces."),
        "pin_too_simple": _t("Ese PIN es muy fácil de adivinar (como 1234 o 1111). Elija otro."),
        "malformed_document": _t("El número de documento no parece correcto: escriba solo los números."),
        "invalid_channel": _t("Elija cómo quiere recibir el código: SMS o correo electrónico."),
        "malformed_code": _t("El código tiene 6 números. Revise el mensaje que recibió."),
        "wrong_code": _t("El código no es correcto. Le quedan {attempts_left} intentos."),
        "code_expired": _t("El código venció. Pida uno nuevo: vuelva atrás y toque «Enviar código»."),
        "code_blocked": _t(
            "Se usaron demasiados códigos incorrectos. Pida un código nuevo o consulte en el mostrador."
        ),
        "no_contact": _t(
            "No tenemos un teléfono o correo registrado para esa cuenta. Consulte en el mostrador para "
            "actualizar sus datos."
        ),
        # session
        "session_expired": _t("Su sesión terminó. Vuelva a ingresar con su número de cuenta y PIN."),
        "not_your_account": _t("Ese dato no pertenece a su cuenta."),
        # printing
        "printer_out_of_paper": _t(
            "La impresora se quedó sin papel. Avise al personal de la sucursal; su comprobante no se perdió "
            "y puede imprimirlo de nuevo."
        ),
        "printer_offline": _t(
            "La impresora no responde. Avise al personal de la sucursal o vuelva a intentarlo en unos minutos."
        ),
        "printer_error": _t("La impresora tuvo un problema. Avise al personal de la sucursal."),
        "print_job_not_found": _t("Ese comprobante ya no está disponible para reimprimir."),
        # readings
        "reading_window_closed": _t(
            "Hoy no se pueden cargar lecturas para este medidor. El próximo período abre el {opens_on}."
        ),
        "reading_too_many_digits": _t("La lectura tiene más números que el medidor ({digits} dígitos)."),
        "reading_below_last": _t("La lectura es menor que la anterior. ¿El medidor dio la vuelta?"),
        "reading_too_high": _t("El consumo es mucho más alto que lo habitual. Revise el número."),
        "malformed_reading": _t("Escriba la lectura solo con números, tal como la ve en el medidor."),
        # claims and requests
        "unknown_category": _t("Elija un motivo de la lista."),
        "description_too_long": _t("La descripción puede tener hasta 500 caracteres."),
        "description_required": _t("Cuéntenos brevemente qué pasa."),
        "malformed_phone": _t("El teléfono no parece correcto: escriba solo números, con código de área."),
        "malformed_email": _t("El correo electrónico no parece correcto. Revise la @ y el punto."),
        "missing_field": _t("Falta completar un dato."),
        "supply_inactive": _t("Ese suministro no está activo."),
        "plan_not_found": _t("Ese plan ya no está disponible. Elija otro."),
        "nothing_selected": _t("Elija al menos una factura."),
        "invoice_paid": _t("Esa factura ya está pagada."),
        "mixed_currency": _t("Esas facturas no se pueden pagar juntas. Elija facturas de un mismo servicio."),
        "central_unavailable": _t(
            "No hay conexión con la central en este momento. Puede seguir consultando e imprimiendo facturas."
        ),
        "internal": _t("Algo no salió bien. Intente de nuevo; si se repite, avise al personal de la sucursal."),
    }


def _by_class(exc: ServiceError) -> str:
    if isinstance(exc, Throttled):
        return _messages()["too_many_attempts"]
    if isinstance(exc, CentralUnavailable):
        return _messages()["central_unavailable"]
    if isinstance(exc, NotFound):
        return _t("No encontramos lo que buscaba. Revise los datos e intente de nuevo.")
    if isinstance(exc, ValidationError):
        return _t("Hay un dato que no parece correcto. Revíselo e intente de nuevo.")
    if isinstance(exc, AuthError):
        return _t("No pudimos verificar sus datos. Intente de nuevo.")
    return _messages()["internal"]


def known_codes() -> frozenset[str]:
    return frozenset(_messages())


def error_message(exc: BaseException) -> str:
    """The sentence to show for an error (never the exception text itself)."""
    if not isinstance(exc, ServiceError):
        return _messages()["internal"]
    template = _messages().get(exc.code) or _by_class(exc)
    params: dict[str, object] = {k: v for k, v in exc.params.items() if isinstance(v, str | int | float)}
    for key in ("wait_seconds", "locked_seconds"):
        if key in exc.params:
            params["wait"] = wait_text(int(exc.params[key]))
    try:
        return template.format(**params)
    except (KeyError, IndexError, ValueError):
        return template.split("{")[0].rstrip(" .") + "."
