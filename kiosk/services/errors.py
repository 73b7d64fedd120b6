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
