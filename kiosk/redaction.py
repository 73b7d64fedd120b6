"""Personal data kept out of every log line and console message (issue 12, "Running unattended").

Two nets, applied by `RedactionFilter` on every handler kiosk.logsetup installs:

- patterns: e-mail addresses, phone-like numbers (7+ digits with separators) and every run of 4+ digits that is
  not part of a date, a time of day, a network address or an identifier (account, document, invoice, card
  numbers and PINs are all digit runs);
- known values: what the services register while a customer is served (the account, the name on screen, the
  document typed to reset a PIN), matched case-insensitively anywhere in the text. Names cannot be found by a
  pattern, so the code that holds them registers them (`remember`) and forgets them at logout (`forget`).

The filter rewrites the record's message and its traceback text once, so every handler after it (file,
journald, the maintenance ring buffer) sees the same masked text.
"""

from __future__ import annotations

import logging
import re
import threading
import traceback

MIN_KNOWN = 3  # shorter registered values would mask ordinary words
_MASK = "*"

_PATTERN = re.compile(
    r"(?P<email>[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+)"
    # dates and times stay readable: 2026-11-29, 2026-11-29T23:17:36.5+00:00, 2026-11, 29/11/2026, 23:17:36
    r"|(?P<keep>(?<!\d)\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:[.,]\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?(?!\d)"
    r"|(?<!\d)\d{4}-(?:0[1-9]|1[0-2])(?![\d-])"
    r"|(?<!\d)\d{1,2}/\d{1,2}/\d{4}(?!\d)"
    r"|(?<![\d:])\d{1,2}:\d{2}(?::\d{2}(?:[.,]\d{1,6})?)?(?![\d:])"
    # network addresses stay readable: 127.0.0.1, 10.0.0.5:5432, central.example.com:5432, localhost:5432
    r"|(?<![\w.])(?:\d{1,3}(?:\.\d{1,3}){3}(?::\d{2,5})?"
    r"|(?:localhost|[A-Za-z][\w-]*(?:\.[A-Za-z][\w-]*)+):\d{2,5})(?![\w.])"
    # numbers inside identifiers stay (revision c0006_staff_maintenance): letters before, a letter or "_" after
    r"|(?<![\w])[A-Za-z]+\d+[A-Za-z_]\w*"
    r"|(?<=, line )\d+)"  # a traceback's line numbers
    r"|(?P<phone>\+?\d(?:[ ().-]{0,2}\d){6,})"
    r"|(?P<digits>\d{4,})"
)


def _mask_number(text: str) -> str:
    """Digits starred; a number of 6+ digits keeps its last two (enough to tell two lines apart)."""
    count = sum(c.isdigit() for c in text)
    keep = 2 if count >= 6 else 0
    seen = 0
    out = []
    for c in text:
        if c.isdigit():
            seen += 1
            out.append(c if seen > count - keep else _MASK)
        else:
            out.append(c)
    return "".join(out)


def _replace(match: re.Match[str]) -> str:
    if match.group("email") is not None:
        return "[email]"
    if match.group("keep") is not None:
        return match.group()
    return _mask_number(match.group())  # a phone (7+ digits with separators) or a run of 4+ digits


class _Known:
    """Values registered as personal data for as long as they are in use (thread-safe)."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._values: dict[str, int] = {}  # casefolded value -> how many holders registered it
        self._regex: re.Pattern[str] | None = None

    def remember(self, *values: object) -> None:
        with self._lock:
            for value in values:
                text = str(value or "").strip()
                if len(text) >= MIN_KNOWN:
                    key = text.casefold()
                    self._values[key] = self._values.get(key, 0) + 1
                    self._regex = None

    def forget(self, *values: object) -> None:
        with self._lock:
            for value in values:
                key = str(value or "").strip().casefold()
                if key in self._values:
                    self._values[key] -= 1
                    if self._values[key] <= 0:
                        del self._values[key]
                    self._regex = None

    def clear(self) -> None:
        with self._lock:
            self._values.clear()
            self._regex = None

    def regex(self) -> re.Pattern[str] | None:
        with self._lock:
            if self._regex is None and self._values:
                words = sorted(self._values, key=len, reverse=True)  # longest first: "Juan Pérez" before "Juan"
                alternatives = "|".join(re.escape(w) for w in words)
                self._regex = re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)", re.IGNORECASE)
            return self._regex


_known = _Known()


def remember(*values: object) -> None:
    """Register values (a name, an account, a document) as personal data until `forget` is called for them."""
    _known.remember(*values)


def forget(*values: object) -> None:
    """Stop masking values registered with `remember` (each remember needs its forget)."""
    _known.forget(*values)


def forget_all() -> None:
    """Drop every registered value (tests; a kiosk restart does the same)."""
    _known.clear()


def redact(text: str) -> str:
    """The text with known personal values and personal-looking patterns masked."""
    if not text:
        return text
    known = _known.regex()
    if known is not None:
        text = known.sub("[redacted]", text)
    return _PATTERN.sub(_replace, text)


class RedactionFilter(logging.Filter):
    """Masks the record's message (arguments merged in) and its traceback text; never drops a record."""

    def filter(self, record: logging.LogRecord) -> bool:
        if getattr(record, "_redacted", False):
            return True
        try:
            message = record.getMessage()
        except Exception:  # a bad format string: keep what there is, masked
            message = f"{record.msg!r} {record.args!r}"
        record.msg = redact(message)
        record.args = None
        if record.exc_info and record.exc_info[1] is not None:
            kind, value, tb = record.exc_info
            if not record.exc_text:
                record.exc_text = "".join(traceback.format_exception(kind, value, tb)).rstrip("\n")
            # handlers that read the exception itself (the maintenance ring buffer) get a masked stand-in of the
            # same name; formatters use exc_text, already made from the real one
            stand_in = type(kind.__name__ if kind else "Exception", (Exception,), {})(redact(str(value)))
            record.exc_info = (type(stand_in), stand_in, tb)
        if record.exc_text:
            record.exc_text = redact(record.exc_text)
        if record.stack_info:
            record.stack_info = redact(record.stack_info)
        record._redacted = True
        return True
