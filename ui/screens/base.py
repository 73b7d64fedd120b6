"""Screens: how to write one, register it, navigate, run service calls and take part in the tour.

A screen is a `Screen` subclass in a module `ui/screens/<something>_screen.py`; the main window imports every
such module at start (discover_screens), so adding a file is enough::

    from ui.screens.base import Screen, TourStep, register

    @register("account_home")                # the name used by go(); unique
    class AccountHomeScreen(Screen):
        requires_login = True                # go() sends the customer to "login" first when needed

        def build(self) -> None:             # create widgets once; self.content is a QVBoxLayout
            self.total = self.label(role="big")
            self.content.addWidget(self.total)
            self.invoices_btn = self.button(self.on_invoices, kind="tile")
            self.content.addWidget(self.invoices_btn)

        def retranslate(self) -> None:       # every visible text, with self.tr(); called at build and on
            self.set_title(self.tr("Mi cuenta"))   # each language switch
            self.invoices_btn.setText(self.tr("Mis facturas"))

        def on_enter(self, args: dict[str, object]) -> None:   # each visit; args = go(..., **args)
            self.run(self.services.account.overview, self.session, on_done=self.on_overview)

        def on_overview(self, overview: AccountOverview) -> None:   # back on the GUI thread
            self.total.setText(self.money(overview.total_due))

        def clear(self) -> None:             # wipe EVERY input and customer datum (logout / idle timeout)
            self.total.clear()

        def on_invoices(self) -> None:
            self.go("invoices", status="overdue")

    def tour_steps() -> list[TourStep]:      # optional: states `kiosk demo --tour DIR` renders
        return [TourStep("account_home", "account_home", login=True)]

Rules:
- Never call a service on the GUI thread: `self.run(fn, *args, on_done=..., on_error=...)`. Results of a
  visit that ended (the customer left the screen, the session was wiped) are dropped. Without on_error a
  ServiceError goes to the friendly "error" screen (`self.fail(exc)`); `self.message(exc)` gives the
  translated sentence (ui/messages.py) to show inline instead. Actions a double tap must not repeat (a PIN
  attempt, a submission) use `self.run_once(key, fn, ...)`.
- Printing: `self.go("printing", job=lambda: printing.duplicate(...), what=lambda: self.tr("..."))`: the
  printing screen runs the job off the GUI thread, shows progress, paper-out/offline states and "print
  again" (reprint by job id); `what` may be a string or a callable (retitled on a language switch).
- Navigation: `self.go(name, **args)`, `self.back()`, `self.home()`, `self.logout()`. Back/Home/Log out
  buttons are in the window footer; do not add your own. At most three taps from home to any main task.
  A multi-step screen overrides `step_back()` so that Back goes to its previous step first.
- Texts: Spanish source strings through `self.tr()` (lupdate finds them; context = class name), money and
  dates through `self.money()`, `self.date()`, `self.period()` (Babel, kiosk.formatting).
- Sizes and colours come from the theme (ui/theme.py): use `self.label(role=...)` (roles: title, subtitle,
  big, muted, field, value), `self.button(kind=..., big=True)` (kinds: "" primary, "secondary", "tile",
  "key"), `self.color("primary")` for painted things, ui.widgets (Keypad, Keyboard, TouchField, Notice).
  The theme switch restyles a screen when it is shown; never set colours or font sizes in code.
  Touch targets >= 48 px; a test walks every button of every screen in both orientations.
- Layout must work in 1920x1080 landscape and 1080x1920 portrait: override `relayout(portrait)` if needed.
- Input: put a `ui.widgets.keypad.Keypad` or `ui.widgets.keyboard.Keyboard` on the screen and `attach()` it to
  the QLineEdit fields (`ui.widgets.fields.TouchField` emits `activated` on a tap); the system keyboard is
  never used. A column of fields and notices goes in `self.scroll_column(layout)` so large text never clips.
- Tests: `kiosk.testing.fakes.fake_services()` satisfies every Protocol and records calls made on the GUI thread
  (`world.gui_thread_calls`, must stay empty).
"""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import TYPE_CHECKING, Any, ClassVar, Protocol, TypeVar
from zoneinfo import ZoneInfo

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QLabel,
    QLayout,
    QPushButton,
    QScrollArea,
    QScroller,
    QVBoxLayout,
    QWidget,
)

from kiosk import formatting
from kiosk.config import Config
from kiosk.domain import Branding, Money
from kiosk.domain.dues import AmountOwed, DueStage
from kiosk.services.api import CustomerSession, KioskServices
from ui.ops import Ops

if TYPE_CHECKING:
    from collections.abc import Iterator


class Navigator(Protocol):
    """What the main window offers screens (ui/main_window.py)."""

    def go(self, name: str, **args: Any) -> None: ...
    def back(self) -> None: ...
    def home(self) -> None: ...
    def logout(self) -> None: ...
    def current_name(self) -> str: ...


class AppContext(QObject):
    """The state one kiosk shares between screens: services, ops, config, language, the customer session.

    Signals:
        language_changed(str): after the translator was switched ("es" / "en").
        session_changed(object): CustomerSession after login, None after logout / idle wipe.
        accessibility_changed(): large text or high contrast was toggled.
    """

    language_changed = Signal(str)
    session_changed = Signal(object)
    accessibility_changed = Signal()

    def __init__(self, services: KioskServices, config: Config, branding: Branding, ops: Ops) -> None:
        super().__init__()
        self.services = services
        self.config = config
        self.branding = branding
        self.ops = ops
        self.session: CustomerSession | None = None
        self.language = config.ui.default_language
        self.large_text = False
        self.high_contrast = config.ui.theme == "high-contrast"
        self.nav: Navigator | None = None
        self.printer_online = True
        self.central_online = True
        self.theme_colors: dict[str, str] = {}  # the current theme's colour table (ui/theme.py)

    @property
    def locale(self) -> str:
        return "en_US" if self.language == "en" else self.branding.locale

    def set_session(self, session: CustomerSession | None) -> None:
        self.session = session
        self.session_changed.emit(session)


# ---------------------------------------------------------------------------------------------------------
# registry


SCREENS: dict[str, type[Screen]] = {}
S = TypeVar("S", bound="type[Screen]")


def register(name: str) -> Callable[[S], S]:
    """Class decorator: make a Screen reachable as go(name)."""

    def deco(cls: S) -> S:
        cls.screen_name = name
        SCREENS[name] = cls
        return cls

    return deco


@dataclass(frozen=True)
class TourStep:
    """One PNG of `kiosk demo --tour`: navigate to `screen` with `args`, then `setup(screen)` to force a state.

    `login=True` logs a demo customer in first; `account` asks for a kind of demo account ("prepaid", "cases":
    one with open and closed claims); a step whose account the demo data does not have is left out.
    `window_setup(window)` may change the window (banner, large text, ...). `staff` ("operator" or
    "technician") logs the demo staff member of that role in through services.staff first (maintenance mode).
    `world=True` renders the step over the runner's fallback in-memory services when it has them (the real
    demo tour): for states the demo data cannot have (parked sync rows, a kept print job).
    """

    name: str
    screen: str
    args: dict[str, Any] = field(default_factory=dict)
    setup: Callable[[Any], None] | None = None
    login: bool = False
    window_setup: Callable[[Any], None] | None = None
    account: str = ""
    staff: str = ""
    world: bool = False


def screen_modules() -> Iterator[str]:
    import ui.screens as pkg

    for info in pkgutil.iter_modules(pkg.__path__):
        if info.name.endswith("_screen"):
            yield f"ui.screens.{info.name}"


def discover_screens() -> dict[str, type[Screen]]:
    """Import every ui/screens/*_screen.py module so that their @register runs."""
    for module in screen_modules():
        importlib.import_module(module)
    return SCREENS


def tour_steps() -> list[TourStep]:
    """Every module's tour_steps(), in module order (home first)."""
    steps: list[TourStep] = []
    modules = sorted(screen_modules(), key=lambda m: (m != "ui.screens.home_screen", m))
    for module in modules:
        fn = getattr(importlib.import_module(module), "tour_steps", None)
        if fn is not None:
            steps.extend(fn())
    return steps


# ---------------------------------------------------------------------------------------------------------
# the screen base class


class Screen(QWidget):
    """Base of every screen; see the module docstring for how to write one."""

    screen_name: ClassVar[str] = ""
    requires_login: ClassVar[bool] = False
    requires_staff: ClassVar[bool] = False  # maintenance screens: go() sends to "staff_login" without a staff session
    show_footer: ClassVar[bool] = True  # Back / Home bar (home screen hides it)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName(f"screen_{self.screen_name}")
        self._visit = 0
        self._in_flight: set[str] = set()
        self.portrait = False
        self.outer = QVBoxLayout(self)
        self.outer.setContentsMargins(48, 24, 48, 24)
        self.outer.setSpacing(20)
        self.title = QLabel(self)
        self.title.setProperty("role", "title")
        self.title.setWordWrap(True)
        self.outer.addWidget(self.title)
        self.content = QVBoxLayout()
        self.content.setSpacing(20)
        self.outer.addLayout(self.content, 1)
        self.build()
        self.retranslate()

    # -- hooks --------------------------------------------------------------------------------------------
    def build(self) -> None:
        """Create the widgets (once)."""

    def retranslate(self) -> None:
        """Set every visible text with self.tr(); runs at build and on every language switch."""

    def on_enter(self, args: dict[str, Any]) -> None:
        """The customer arrives (args from go())."""

    def on_leave(self) -> None:
        """The customer leaves; late results of this visit are dropped automatically."""

    def clear(self) -> None:
        """Wipe every input and every customer datum this screen holds (logout, idle timeout)."""

    def relayout(self, portrait: bool) -> None:
        """The window changed orientation; rearrange if the layout needs it."""

    def step_back(self) -> bool:
        """The footer's Back was tapped: go back one step inside this screen and return True, or return
        False to leave the screen (multi-step screens override this)."""
        return False

    # -- context ------------------------------------------------------------------------------------------
    @property
    def services(self) -> KioskServices:
        return self.ctx.services

    @property
    def session(self) -> CustomerSession | None:
        return self.ctx.session

    @property
    def language(self) -> str:
        return self.ctx.language

    @property
    def babel_locale(self) -> str:
        """The Babel locale for money and dates: the utility's Spanish locale, or en_US."""
        return self.ctx.locale

    @property
    def branding(self) -> Branding:
        return self.ctx.branding

    @property
    def config(self) -> Config:
        return self.ctx.config

    @property
    def ops(self) -> Ops:
        return self.ctx.ops

    # -- navigation ---------------------------------------------------------------------------------------
    def _nav(self) -> Navigator:
        if self.ctx.nav is None:
            raise RuntimeError("screen used without a main window")
        return self.ctx.nav

    def go(self, name: str, **args: Any) -> None:
        self._nav().go(name, **args)

    def back(self) -> None:
        self._nav().back()

    def home(self) -> None:
        self._nav().home()

    def logout(self) -> None:
        self._nav().logout()

    # -- background work ----------------------------------------------------------------------------------
    def run(
        self,
        fn: Callable[..., Any],
        *args: Any,
        on_done: Callable[[Any], None] | None = None,
        on_error: Callable[[BaseException], None] | None = None,
        **kwargs: Any,
    ) -> int:
        """Run a blocking service call off the GUI thread; callbacks only fire if this visit is still on."""
        visit = self._visit

        def done(result: Any) -> None:
            if self._visit == visit and on_done is not None:
                on_done(result)

        def error(exc: BaseException) -> None:
            if self._visit != visit:
                return
            (on_error or self.fail)(exc)

        return self.ops.run(fn, *args, on_done=done, on_error=error, **kwargs)

    def run_once(
        self,
        key: str,
        fn: Callable[..., Any],
        *args: Any,
        on_done: Callable[[Any], None] | None = None,
        on_error: Callable[[BaseException], None] | None = None,
    ) -> bool:
        """Like run(), but a second tap while the first call is still running is ignored (a double tap must
        not count as two PIN attempts or send two requests). Returns False when ignored."""
        if key in self._in_flight:
            return False
        self._in_flight.add(key)

        def done(result: Any) -> None:
            self._in_flight.discard(key)
            if on_done is not None:
                on_done(result)

        def error(exc: BaseException) -> None:
            self._in_flight.discard(key)
            (on_error or self.fail)(exc)

        self.run(fn, *args, on_done=done, on_error=error)
        return True

    def fail(self, exc: BaseException) -> None:
        """Show the friendly error screen for a problem (never a stack trace). A session the services no
        longer accept is ended here first, so nothing of it stays on screen."""
        if getattr(exc, "code", None) == "session_expired" and self.session is not None:
            self.logout()
        self.go("error", error=exc)

    def message(self, exc: BaseException) -> str:
        """The translated sentence for an error, with what to do next."""
        from ui.messages import error_message

        return error_message(exc, lambda d: self.date(d, "long"))

    # -- formatting ---------------------------------------------------------------------------------------
    def local_today(self) -> date:
        """Today in the kiosk's time zone (due dates and reading windows are local dates)."""
        return datetime.now(ZoneInfo(self.config.kiosk.timezone)).date()

    def money(self, m: Money) -> str:
        return formatting.format_money(m, self.babel_locale)

    def date(self, d: date, style: str = "medium") -> str:
        return formatting.format_date(d, self.babel_locale, style)

    def period(self, p: str) -> str:
        return formatting.format_period(p, self.babel_locale)

    def owed_note(self, owed: AmountOwed) -> str:
        """Why an invoice costs what it costs today and until when (kiosk.domain.dues), in one short line."""
        if owed.stage is DueStage.PAID:
            return ""
        if owed.pay_by is None:
            return self.tr("Pasó el último vencimiento: se paga en la oficina comercial")
        until = self.date(owed.pay_by)
        if owed.stage is DueStage.FIRST:
            return self.tr("Sin recargo hasta el %1").replace("%1", until)
        if owed.stage is DueStage.SECOND:
            return self.tr("Con recargo del 2.º vencimiento, hasta el %1").replace("%1", until)
        if owed.interest.amount:
            return self.tr("Con recargo e intereses al %1").replace("%1", until)
        return self.tr("Con recargo, importe al %1").replace("%1", until)

    # -- widget helpers -----------------------------------------------------------------------------------
    def color(self, key: str, default: str = "#1A1A1A") -> str:
        """A colour of the current theme ("text", "primary", ...), e.g. for icons and charts."""
        return self.ctx.theme_colors.get(key, default)

    def scroll_column(self, layout: QLayout) -> QScrollArea:
        """Wrap a column of fields and notices so that large text never clips it: it scrolls by finger."""
        area = QScrollArea(self)
        area.setWidgetResizable(True)
        area.setFrameShape(QFrame.Shape.NoFrame)
        area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        inner = QWidget()
        inner.setObjectName("scrollBody")
        inner.setLayout(layout)
        layout.setContentsMargins(0, 0, 8, 0)
        area.setWidget(inner)
        QScroller.grabGesture(area.viewport(), QScroller.ScrollerGestureType.TouchGesture)  # taps stay taps
        return area

    def set_title(self, text: str) -> None:
        self.title.setText(text)

    def label(self, text: str = "", role: str = "", wrap: bool = True) -> QLabel:
        lab = QLabel(text, self)
        if role:
            lab.setProperty("role", role)
        lab.setWordWrap(wrap)
        return lab

    def button(self, slot: Callable[[], None] | None = None, text: str = "", kind: str = "",
               big: bool = False) -> QPushButton:
        """A themed button; `big=True` for a screen's main actions (taller, larger text)."""
        btn = QPushButton(text, self)
        if kind:
            btn.setProperty("kind", kind)
        if big:
            btn.setProperty("emphasis", "big")
        btn.setMinimumHeight(64)
        btn.setCursor(Qt.CursorShape.PointingHandCursor)
        btn.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        if slot is not None:
            btn.clicked.connect(slot)
        return btn

    # -- lifecycle plumbing (main window) -----------------------------------------------------------------
    def enter(self, args: dict[str, Any]) -> None:
        self._visit += 1
        self._in_flight.clear()  # results of earlier visits are dropped, so their guards are released
        self.on_enter(args)

    def leave(self) -> None:
        self._visit += 1
        self._in_flight.clear()
        self.on_leave()

    def wipe(self) -> None:
        self._visit += 1
        self._in_flight.clear()
        self.clear()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)


class PlaceholderScreen(Screen):
    """Stands in for a screen that is not built yet, so navigation never dead-ends."""

    def build(self) -> None:
        self.text = self.label(role="subtitle")
        self.content.addWidget(self.text)
        self.content.addStretch(1)

    def retranslate(self) -> None:
        self.set_title(self.tr("Próximamente"))
        self.text.setText(self.tr("Esta opción todavía no está disponible en este equipo."))
