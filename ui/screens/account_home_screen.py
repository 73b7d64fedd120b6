"""Account home: the logged-in customer's first screen, what they owe and one tile per task.

Shows the holder's first name only (someone may stand behind them), the total due, a warning when
invoices are overdue, the remaining credit days of a prepaid account, and tiles for every task: each logged-in
screen declares its own tile (CustomerScreen.home_tile: icon, words, order, which accounts get it) and this
screen lays out the declared ones, so a new screen with a tile needs no edit here. Each tile
is one tap, so any task is at most three taps from the attract screen (log in, tile, action). Tiles carry
an icon and say truthfully what is behind them: the kiosk prints payment slips and duplicates, it does not
take payments. They share the height under the total, so the screen has no empty half.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QBoxLayout, QGridLayout, QVBoxLayout, QWidget

from kiosk.domain import AccountKind, AccountOverview
from ui.screens.base import TourStep, discover_screens, register
from ui.screens.customer_base import CustomerScreen, HomeTile
from ui.widgets.banner import Notice
from ui.widgets.panels import card, label
from ui.widgets.tile import IconTile


def home_tiles() -> list[tuple[str, HomeTile]]:
    """(screen name, tile) of every registered screen that declares a home tile, in the tiles' order."""
    screens = discover_screens()
    tiles = [(name, tile) for name, cls in screens.items() if (tile := getattr(cls, "home_tile", None)) is not None]
    return sorted(tiles, key=lambda pair: pair[1].order)


@register("account_home")
class AccountHomeScreen(CustomerScreen):
    """Greeting, total due, overdue warning, credit days and the task tiles."""

    def build_pages(self) -> None:
        self.overview: AccountOverview | None = None
        page = QWidget(self)
        box = self._box = QGridLayout(page)
        box.setContentsMargins(0, 0, 0, 0)
        box.setSpacing(20)
        summary, sbox = card(page, "due_card")
        self.due_caption = label("", "field", summary)
        self.due = label("", "big", summary)
        self.due.setObjectName("total_due")
        self.due_detail = label("", "muted", summary)
        sbox.addWidget(self.due_caption)
        sbox.addWidget(self.due)
        sbox.addWidget(self.due_detail)
        self.summary = summary
        self.overdue = Notice(page, "error", name="overdue_warning")
        self.credit = Notice(page, "info", name="credit_days")
        # Landscape: what is owed on the left, the warnings beside it; portrait: one under the other.
        top = self.top = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        top.setSpacing(20)
        top.addWidget(summary, 1)
        notices = QVBoxLayout()
        notices.setSpacing(12)
        notices.addWidget(self.overdue)
        notices.addWidget(self.credit)
        notices.addStretch(1)
        top.addLayout(notices, 1)
        self.tiles_grid = QGridLayout()
        self.tiles_grid.setSpacing(20)
        self.tiles: dict[str, IconTile] = {}
        self.declared = dict(home_tiles())  # each screen declares its own tile (CustomerScreen.home_tile)
        for target in self.declared:
            btn = IconTile(page, name=f"tile_{target}", icon_size=72)
            row = btn.layout()
            assert row is not None  # IconTile lays out its icon and words itself
            row.setContentsMargins(24, 12, 24, 12)  # smaller than home's tiles: eight of them share the screen
            row.setSpacing(20)
            btn.setMinimumHeight(120)
            btn.clicked.connect(lambda _c=False, t=target: self.on_tile(t))
            self.tiles[target] = btn
        box.addLayout(top, 1, 0)
        box.addLayout(self.tiles_grid, 2, 0)
        box.setRowStretch(2, 1)  # the tiles take the height left under the total
        self.add_page("main", page)
        self.show_page("main")
        self._layout_tiles(False)
        self.ctx.accessibility_changed.connect(self.on_theme)
        self.on_theme()

    def on_theme(self) -> None:
        for target, btn in self.tiles.items():
            btn.set_icon(self.declared[target].icon, self.color("primary"))
        self._layout_tiles(self.portrait)

    def relayout_pages(self, portrait: bool) -> None:
        self.top.setDirection(QBoxLayout.Direction.TopToBottom if portrait else QBoxLayout.Direction.LeftToRight)
        self._layout_tiles(portrait)

    def _visible_tiles(self) -> list[IconTile]:
        return [btn for btn in self.tiles.values() if not btn.isHidden()]

    def _layout_tiles(self, portrait: bool) -> None:
        for btn in self.tiles.values():
            self.tiles_grid.removeWidget(btn)
        cols = 2 if portrait else 4
        for c in range(4):
            self.tiles_grid.setColumnStretch(c, 1 if c < cols else 0)
        visible = self._visible_tiles()
        rows = (len(visible) + cols - 1) // cols
        for r in range(4):
            self.tiles_grid.setRowStretch(r, 1 if r < rows else 0)
        # Large text on a landscape kiosk leaves two rows of about 200 px: the headings alone, so that nothing
        # is clipped (the line under each heading is also the tile's accessible name).
        short = self.ctx.large_text and not portrait
        for i, btn in enumerate(visible):
            self.tiles_grid.addWidget(btn, i // cols, i % cols)
            btn.setMinimumHeight(160 if portrait else 120)
            btn.sub.setVisible(bool(btn.sub.text()) and not short)

    def retranslate(self) -> None:
        self.set_title(self._greeting())
        for target, tile in self.declared.items():  # the words are filed under this screen (QT_TRANSLATE_NOOP)
            self.tiles[target].set_texts(
                QCoreApplication.translate("AccountHomeScreen", tile.title),
                QCoreApplication.translate("AccountHomeScreen", tile.sub),
            )
        self._layout_tiles(self.portrait)
        self.due_caption.setText(self.tr("Total a pagar"))
        if self.overview is not None:
            self.on_overview(self.overview)

    def on_enter(self, args: dict[str, Any]) -> None:
        session = self.customer()
        if session is None:
            return
        self.set_title(self._greeting())
        self.run(self.services.account.overview, session, on_done=self.on_overview)

    def on_overview(self, overview: AccountOverview) -> None:
        self.overview = overview
        self.due.setText(self.money(overview.total_due))
        unpaid = overview.pending_count + overview.overdue_count  # pending_count: open and not yet due
        if unpaid == 1:
            detail = self.tr("1 factura sin pagar")
        elif unpaid:
            detail = self.tr("%1 facturas sin pagar").replace("%1", str(unpaid))
        else:
            detail = self.tr("No tiene facturas pendientes. ¡Gracias!")
        if overview.pay_by is not None:  # the total holds until then (interest or the second due date change it)
            detail += " · " + self.tr("importe válido hasta el %1").replace("%1", self.date(overview.pay_by))
        counter = overview.at_counter_total
        if counter is not None and counter.amount:
            detail += "\n" + self.tr("Incluye %1 que solo se puede pagar en la oficina comercial.").replace(
                "%1", self.money(counter)
            )
        self.due_detail.setText(detail)
        if overview.overdue_count:
            if overview.overdue_count == 1:
                text = self.tr("Tiene 1 factura vencida por %2.")
            else:
                text = self.tr("Tiene %1 facturas vencidas por %2.")
            text = text.replace("%1", str(overview.overdue_count)).replace("%2", self.money(overview.overdue_total))
            self.overdue.show_message(
                text + " " + self.tr("Puede imprimir el cupón de pago en «Mis facturas»."), "error"
            )
        else:
            self.overdue.clear()
        prepaid = overview.kind is AccountKind.PREPAID
        if prepaid and overview.credit_days is not None:
            if overview.credit_days == 1:
                text = self.tr("Le queda 1 día de servicio")
            else:
                text = self.tr("Le quedan %1 días de servicio").replace("%1", str(overview.credit_days))
            if overview.prepaid_until is not None:
                text += " " + self.tr("(hasta el %1)").replace("%1", self.date(overview.prepaid_until, "long"))
            if overview.plan_name:
                text += ". " + self.tr("Plan: %1").replace("%1", overview.plan_name)
            self.credit.show_message(text, "warning" if overview.credit_days <= 3 else "info")
        else:
            self.credit.clear()
        for target, tile in self.declared.items():
            if tile.shown is not None:
                self.tiles[target].setVisible(tile.shown(overview))
        self._layout_tiles(self.portrait)

    def _greeting(self) -> str:
        """First name only: someone may be standing behind the customer."""
        session = self.customer()
        if session is None:
            return self.tr("Mi cuenta")
        return self.tr("Hola, %1").replace("%1", session.first_name)

    def on_tile(self, target: str) -> None:
        self.go(target)

    def clear(self) -> None:
        self.overview = None
        self.set_title(self._greeting())
        self.due.clear()
        self.due_detail.clear()
        self.overdue.clear()
        self.credit.clear()


def _large_text(window: Any) -> None:
    window.on_toggle_large_text()


def tour_steps() -> list[TourStep]:
    return [
        TourStep("account_home", "account_home", login=True),
        TourStep("account_home_large_text", "account_home", login=True, window_setup=_large_text),
        TourStep("account_home_prepaid", "account_home", login=True, account="prepaid"),
    ]
