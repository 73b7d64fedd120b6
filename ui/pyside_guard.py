"""Guard against a reference-count bug of the PySide6 build in use on CPython 3.11.

With shiboken6/PySide6 6.12.0 on CPython 3.11, each call of a void Qt method from inside a Python function
(`label.setText(...)`, `layout.invalidate()`, ...) drops one reference to `None` that it never took. `None` is
not immortal before CPython 3.12, so after a few thousand such calls the interpreter aborts with "Fatal Python
error: none_dealloc" — a kiosk would crash within minutes of use. Until the binding is fixed we give `None` a
reference count so large that it cannot reach zero in the lifetime of the process (2**52 calls). The same
happens to `True`/`False` returned by `Signal.emit()` ("bool_dealloc"), so they get the same reserve. On
3.12+ these singletons are immortal and nothing is done. The lock now excludes 6.12.0 (pyproject.toml: 6.11.3
does not drop the reference); the guard stays so that a future build with the same fault cannot crash a kiosk.
"""

from __future__ import annotations

import ctypes
import sys

_RESERVE = 1 << 52
_applied = False


def protect_none() -> bool:
    """Raise the reference counts of None, True and False once; True when it was needed (CPython < 3.12)."""
    global _applied
    if _applied or sys.version_info >= (3, 12) or sys.implementation.name != "cpython":
        return False
    for singleton in (None, True, False):
        ctypes.c_ssize_t.from_address(id(singleton)).value += _RESERVE
    _applied = True
    return True
