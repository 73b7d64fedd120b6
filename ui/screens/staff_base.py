"""What every maintenance screen shares: the staff session, service calls made with it, and the staff notice.

A maintenance screen subclasses `StaffScreen` (requires_staff: without a staff session the window sends to
"staff_login"). `self.staff` is the window's StaffSession; `self.call(fn, *args, on_done=...)` runs
`fn(self.staff, *args)` off the GUI thread and shows a refusal in `self.notice` (a technician-only action asked by
an operator, a row gone) instead of the customers' error screen; an expired staff session leaves the mode.
The roles are enforced by the services: hiding a button is a courtesy, not the check.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any, ClassVar

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QBoxLayout, QPlainTextEdit, QWidget

from ui.messages import staff_message
from ui.screens.base import Screen
from ui.widgets.banner import Notice
from ui.widgets.fields import no_context_menu

TECHNICIAN = "technician"
OPERATOR = "operator"
GB = 1024**3

translate = QCoreApplication.translate


def role_name(role: str) -> str:
    return translate("StaffScreen", "Técnico") if role == TECHNICIAN else translate("StaffScreen", "Operador")


def ago_text(when: datetime | None, now: datetime | None = None) -> str:
    """ "hace 3 min", "hace 2 h", "hace 4 días", or "nunca"."""
    if when is None:
        return translate("StaffScreen", "nunca")
    now = now or datetime.now(UTC)
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return seconds_ago_text(int((now - when).total_seconds()))


def seconds_ago_text(seconds: int | None) -> str:
    if seconds is None:
        return translate("StaffScreen", "nunca")
    seconds = max(0, seconds)
    if seconds < 60:
        return translate("StaffScreen", "hace %n s", None, seconds)
    if seconds < 2 * 3600:
        return translate("StaffScreen", "hace %n min", None, seconds // 60)
    if seconds < 2 * 86400:
        return translate("StaffScreen", "hace %n h", None, seconds // 3600)
    return translate("StaffScreen", "hace %n días", None, seconds // 86400)


def duration_text(seconds: int) -> str:
    """Uptime: "3 días 4 h", "2 h 15 min", "12 min"."""
    seconds = max(0, int(seconds))
    days, rest = divmod(seconds, 86400)
    hours, rest = divmod(rest, 3600)
    minutes = rest // 60
    if days:
        return translate("StaffScreen", "%1 días %2 h").replace("%1", str(days)).replace("%2", str(hours))
    if hours:
        return translate("StaffScreen", "%1 h %2 min").replace("%1", str(hours)).replace("%2", str(minutes))
    return translate("StaffScreen", "%1 min").replace("%1", str(minutes))


def gb_text(n: int) -> str:
    return translate("StaffScreen", "%1 GB").replace("%1", f"{n / GB:.1f}")


def local_time(when: datetime) -> str:
    """A log or audit time as the staff read it: local clock, to the second."""
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return when.astimezone().strftime("%d/%m %H:%M:%S")


class StaffScreen(Screen):
    """Base of the maintenance screens; see the module docstring."""

    requires_staff: ClassVar[bool] = True

    @property
    def staff(self) -> Any:
        return getattr(self.ctx.nav, "staff_session", None)

    @property
    def is_technician(self) -> bool:
        staff = self.staff
        return staff is not None and staff.role == TECHNICIAN

    def staff_notice(self) -> Notice:
        """The screen's notice for results and refusals (created once, placed by the screen)."""
        if not hasattr(self, "_notice"):
            self._notice = Notice(self, "info", name=f"{self.screen_name}_notice")
        return self._notice

    @property
    def notice(self) -> Notice:
        return self.staff_notice()

    def call(self, fn: Callable[..., Any], *args: Any, on_done: Callable[[Any], None] | None = None,
             on_error: Callable[[BaseException], None] | None = None, key: str = "") -> None:
        """fn(staff session, *args) off the GUI thread; a refusal goes to the notice (or on_error)."""
        staff = self.staff
        if staff is None:
            self.logout()
            return
        handler = on_error or self.show_error
        if key:
            self.run_once(key, fn, staff, *args, on_done=on_done, on_error=self._guard(handler))
        else:
            self.run(fn, staff, *args, on_done=on_done, on_error=self._guard(handler))

    def _guard(self, handler: Callable[[BaseException], None]) -> Callable[[BaseException], None]:
        def on_error(exc: BaseException) -> None:
            if getattr(exc, "code", None) == "session_expired":
                self.logout()  # the mode never stays open on a session the service dropped
                self.go("staff_login", expired=True)
                return
            handler(exc)

        return on_error

    def show_error(self, exc: BaseException) -> None:
        self.notice.show_message(staff_message(exc), "error")

    def show_ok(self, text: str) -> None:
        self.notice.show_message(text, "ok")

    def clear(self) -> None:
        self.notice.clear()

    @staticmethod
    def text_panel(parent: QWidget, name: str) -> QPlainTextEdit:
        """A read-only text area (logs, configuration) that scrolls by finger and has no context menu."""
        from PySide6.QtWidgets import QScroller

        box = QPlainTextEdit(parent)
        box.setObjectName(name)
        box.setReadOnly(True)
        box.setProperty("role", "field")
        box.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        no_context_menu(box)
        QScroller.grabGesture(box.viewport(), QScroller.ScrollerGestureType.TouchGesture)
        return box

    @staticmethod
    def set_direction(box: QBoxLayout, portrait: bool) -> None:
        box.setDirection(QBoxLayout.Direction.TopToBottom if portrait else QBoxLayout.Direction.LeftToRight)
