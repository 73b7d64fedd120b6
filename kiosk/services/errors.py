"""Errors services raise for the customer to read.

A service never returns a half-done result: it raises ServiceError with a stable code and parameters, and
the UI turns the code into a translated sentence (ui/messages.py). Codes are part of the contract; add, never
rename.
"""

from __future__ import annotations

from typing import Any


class ServiceError(Exception):
    """A problem the customer can act on. `code` is stable; `params` fill the translated message."""

    def __init__(self, code: str, **params: Any) -> None:
        super().__init__(code)
        self.code = code
        self.params = params

    def __repr__(self) -> str:
        return f"ServiceError({self.code!r}, {self.params!r})"


class ValidationError(ServiceError):
    """Input the customer typed is malformed (field, reason): say which field and why."""


class NotFound(ServiceError):
    """Nothing matches what the customer typed (without saying whether the account exists)."""


class Throttled(ServiceError):
    """Too many failed attempts from this kiosk: params['wait_seconds'] until the next try."""


class CentralUnavailable(ServiceError):
    """The central database cannot be reached; the replica still serves look-ups and prints."""


class AuthError(ServiceError):
    """Wrong PIN (params['attempts_left']) or locked (params['locked_seconds'])."""


class SessionExpired(AuthError):
    """The CustomerSession's token is not (or no longer) live: logout, idle wipe or a forged session."""


class Forbidden(ServiceError):
    """A staff session without the role an action needs (params['required']): refused by the service itself."""


class PrinterError(ServiceError):
    """The printer could not print (params['state'] a PrinterState value, params['job_id'] to reprint, and
    params['job_number'] the kept job's readable number "K-4821" to quote at the counter, or None when not kept)."""


# The codes services raise, with the params each carries. The UI translates every one of them (ui/messages.py).
CODES: dict[str, str] = {
    # lookup
    "malformed_account": "ValidationError(field='account'): not 1-8 digits",
    "malformed_invoice": "ValidationError(field='invoice'): not NNNN-NNNNNNNN, 12 digits or up to 8 digits",
    "unknown_barcode": "ValidationError(field='scan'): not a valid payment reference or payment barcode",
    "invoice_not_found": "NotFound: no such invoice (never says whether the account exists)",
    "too_many_attempts": "Throttled(wait_seconds): too many failed look-ups on this kiosk",
    # login and PIN
    "malformed_pin": "ValidationError(field='pin'): not 4-6 digits",
    "wrong_pin": "AuthError(attempts_left)",
    "locked": "AuthError(locked_seconds)",
    "login_unavailable": "CentralUnavailable: central unreachable; look-ups and prints still work",
    "pin_service_unavailable": "CentralUnavailable: central unreachable while confirming a PIN code",
    "session_expired": "SessionExpired: logged out or timed out",
    "malformed_document": "ValidationError(field='document'): identity document not 6-12 digits/letters",
    "invalid_channel": "ValidationError(field='channel'): channel not 'sms' or 'email'",
    "malformed_code": "ValidationError(field='code'): verification code not 4-8 digits",
    "pin_mismatch": "ValidationError(field='repeat_pin'): the two PINs differ",
    "pin_too_simple": "ValidationError(field='new_pin'): 1111, 1234, 4321 and the like",
    "wrong_code": "AuthError(attempts_left)",
    "code_expired": "AuthError: verification code expired; ask for a new one",
    "code_blocked": "AuthError: too many wrong codes; ask for a new one",
    # account
    "supply_not_found": "NotFound: the supply is not one of the session's account",
    "plan_not_found": "NotFound: no such active plan",
    "not_prepaid": "ServiceError: plans are for prepaid accounts only",
    # payments
    "no_invoices": "ValidationError: a payment slip needs at least one invoice",
    "mixed_accounts": "ValidationError: invoices of several accounts in one slip",
    "invoice_already_paid": "ValidationError(number): an invoice of the slip is paid",
    "mixed_currencies": "ValidationError: invoices in several currencies in one slip",
    "pay_at_counter": "ValidationError(number): past its last due date, the utility takes it only at the counter",
    # readings
    "supply_not_metered": "ServiceError: the supply has no meter",
    "supply_inactive": "ServiceError: the supply is not active",
    "reading_window_closed": "ServiceError(next_opens_on: date | None)",
    "too_many_digits": "ValidationError(field='value', digits): more digits than the meter has",
    "negative_value": "ValidationError(field='value')",
    "rollover_confirm": "ServiceError(last_value): below the last reading; ask whether the meter rolled over",
    "high_confirm": "ServiceError(average, consumption): unusually high; ask to confirm",
    # claims and requests
    "invalid_field": "ValidationError(field, reason): reason in required, too_long, invalid, unknown, choice",
    "category_not_found": "NotFound: no active claim category with that code for the supply's service",
    # printing
    "printer_out_of_paper": "PrinterError(state, job_id, job_number): reprint(job_id) once paper is loaded",
    "printer_offline": "PrinterError(state, job_id, job_number)",
    "printer_error": "PrinterError(state, job_id, job_number)",
    "print_job_not_found": "NotFound: reprint of an unknown (or expired) job, or no kept job of that number",
    "document_unavailable": "ServiceError: this document cannot be rendered (e.g. a plan slip without invoices)",
    "not_committed": "ServiceError: a receipt whose row is not in the replica is never printed",
    "payment_codes_unavailable": "ServiceError: the payment configuration cannot encode this payment",
    "account_not_found": "NotFound: the session's account is not in the replica (yet)",
    # maintenance mode (kiosk.services.staff, kiosk.services.maintenance): shown to branch staff, not customers
    "malformed_staff_number": "ValidationError(field='staff_number'): not 1-9 digits",
    "malformed_badge": "ValidationError(field='badge'): the scan is not a staff badge (VST-<number>-<secret>)",
    "staff_refused": "AuthError(reason): right PIN, but disabled, of another branch, or without a known role",
    "branch_pin_not_set": "AuthError: this kiosk has no branch maintenance PIN (provision sets one)",
    "forbidden": "Forbidden(required): the staff session's role may not do this",
    "parked_row_not_found": "NotFound: no parked outbox row with that number",
    "device_command_failed": "ServiceError(command): the configured restart/reboot command failed or timed out",
}

# The codes above that only maintenance mode meets (its screens translate them with the rest, ui/messages.py).
STAFF_CODES: frozenset[str] = frozenset({
    "malformed_staff_number",
    "malformed_badge",
    "staff_refused",
    "branch_pin_not_set",
    "forbidden",
    "parked_row_not_found",
    "device_command_failed",
})

