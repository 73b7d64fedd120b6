"""The PySide6 user interface of the kiosk (see ui/screens/base.py for how screens are written)."""

from ui.pyside_guard import protect_none

protect_none()  # before any Qt call: see ui/pyside_guard.py
