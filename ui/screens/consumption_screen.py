"""Consultar consumo: per supply, the chart of the last 12 or 24 periods, real / estimated / customer marked.

The chart (ui.widgets.consumption_chart) tells the reading kinds apart by colour, pattern and letter; a line
under it sums up the average and the last period in words, for whoever does not read charts. The average is
the meter's (kiosk.domain.average_consumption over config readings.history_periods): the same figure the
reading screen compares a new reading with, whatever span the chart shows.
"""

from __future__ import annotations

from decimal import Decimal
from functools import partial
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from kiosk.domain import AccountOverview, ConsumptionPoint, ReadingKind, Supply, average_consumption
from kiosk.formatting import format_consumption
from ui.screens.base import TourStep, register
from ui.screens.customer_base import CustomerScreen, HomeTile, has_meter
from ui.widgets.banner import Notice
from ui.widgets.buttons import big_button
from ui.widgets.consumption_chart import HIGH_CONTRAST, ChartColors, ConsumptionChart
from ui.widgets.panels import discard, label

PERIODS = (12, 24)


@register("consumption")
class ConsumptionScreen(CustomerScreen):
    """Supply buttons, 12/24 switch, chart and a one-line summary."""

    home_tile = HomeTile(
        "chart",
        str(QT_TRANSLATE_NOOP("AccountHomeScreen", "Consultar consumo")),
        str(QT_TRANSLATE_NOOP("AccountHomeScreen", "Gráfico de los últimos meses")),
        20,
        has_meter,
    )

    def build_pages(self) -> None:
        self.supplies: list[Supply] = []
        self.supply: Supply | None = None
        self.periods = 12
        self.points: list[ConsumptionPoint] = []
        page = QWidget(self)
        box = QVBoxLayout(page)
        box.setContentsMargins(0, 0, 0, 0)
        box.setSpacing(16)
        top = QHBoxLayout()
        top.setSpacing(12)
        self.supply_row = QHBoxLayout()
        self.supply_row.setSpacing(12)
        top.addLayout(self.supply_row, 3)
        self.period_buttons: dict[int, QPushButton] = {}
        for n in PERIODS:
            btn = big_button(
                "", page, partial(self.on_periods, n), kind="secondary", min_height=72, name=f"periods_{n}"
            )
            btn.setCheckable(True)
            top.addWidget(btn, 1)
            self.period_buttons[n] = btn
        self.supply_buttons: list[tuple[int, QPushButton]] = []
        box.addLayout(top)
        self.notice = Notice(page, "info", name="consumption_notice")
        box.addWidget(self.notice)
        self.chart = ConsumptionChart(page)
        self.chart.setObjectName("consumption_chart")
        self.chart.set_average_periods(self.config.readings.history_periods)
        box.addWidget(self.chart, 1)
        self.summary = label("", "subtitle", page)
        self.summary.setObjectName("consumption_summary")
        box.addWidget(self.summary)
        self.add_page("chart", page)
        self.show_page("chart")
        self._mark_periods()
        self.ctx.accessibility_changed.connect(self.on_accessibility)
        self.on_accessibility()

    def on_accessibility(self) -> None:
        self.chart.set_colors(HIGH_CONTRAST if self.ctx.high_contrast else ChartColors())

    def retranslate(self) -> None:
        self.set_title(self.tr("Consultar consumo"))
        self.period_buttons[12].setText(self.tr("12 meses"))
        self.period_buttons[24].setText(self.tr("24 meses"))
        for supply_id, btn in self.supply_buttons:
            supply = next((s for s in self.supplies if s.id == supply_id), None)
            if supply is not None:
                btn.setText(self.supply_button_text(supply))
        self._summarise()

    def supply_button_text(self, supply: Supply) -> str:
        return f"{self.service_name(supply.service)} · {supply.meter_number or supply.address}"

    def on_enter(self, args: dict[str, Any]) -> None:
        if args.get("returning") and self.points:
            return
        self.clear()
        session = self.customer()
        if session is None:
            return
        self.run(self.services.account.overview, session, on_done=self.on_overview)

    def on_overview(self, overview: AccountOverview) -> None:
        self.supplies = [s for s in overview.supplies if s.service.metered]
        for _id, btn in self.supply_buttons:
            self.supply_row.removeWidget(btn)
            discard(btn)
        self.supply_buttons = []
        for supply in self.supplies:
            btn = big_button(
                self.supply_button_text(supply),
                self,
                partial(self.on_supply, supply.id),
                kind="secondary",
                min_height=72,
                name=f"supply_{supply.id}",
            )
            btn.setCheckable(True)
            self.supply_row.addWidget(btn)
            self.supply_buttons.append((supply.id, btn))
        if not self.supplies:
            self.notice.show_message(self.tr("Su cuenta no tiene servicios con medidor."), "info")
            return
        self.on_supply(self.supplies[0].id)

    def on_supply(self, supply_id: int) -> None:
        self.supply = next((s for s in self.supplies if s.id == supply_id), None)
        for sid, btn in self.supply_buttons:
            btn.setChecked(sid == supply_id)
        self.load()

    def on_periods(self, n: int) -> None:
        self.periods = n
        self._mark_periods()
        self.load()

    def _mark_periods(self) -> None:
        for n, btn in self.period_buttons.items():
            btn.setChecked(n == self.periods)

    def load(self) -> None:
        session, supply = self.customer(), self.supply
        if session is None or supply is None:
            return
        self.notice.clear()
        self.run(
            self.services.account.consumption,
            session,
            supply.id,
            self.periods,
            on_done=self.on_points,
            on_error=self.on_error,
        )

    def on_error(self, exc: BaseException) -> None:
        self.notice.show_message(self.message(exc), "error")

    def on_points(self, points: list[ConsumptionPoint]) -> None:
        self.points = list(points)[-self.periods :]
        unit = self.supply.unit if self.supply else None
        self.chart.set_points(self.points, unit, self.babel_locale)
        self._summarise()

    def _summarise(self) -> None:
        if not self.points or self.supply is None:
            self.summary.clear()
            return
        unit, loc = self.supply.unit, self.babel_locale
        periods = min(self.config.readings.history_periods, len(self.points))
        avg = average_consumption(self.points, periods) or Decimal(0)
        last = self.points[-1]
        text = (
            self.tr("Último período (%1): %2. Promedio de los últimos %4 meses: %3 por mes.")
            .replace("%1", self.period(last.period))
            .replace("%2", format_consumption(last.consumption, unit, loc))
            .replace("%3", format_consumption(avg, unit, loc))
            .replace("%4", str(periods))
        )
        estimated = sum(1 for p in self.points if p.kind is ReadingKind.ESTIMATED)
        if estimated:
            text += " " + self.tr("Períodos estimados: %1.").replace("%1", str(estimated))
        self.summary.setText(text)

    def clear(self) -> None:
        self.supply = None
        self.points = []
        self.chart.clear()
        self.summary.clear()
        self.notice.clear()
        for _sid, btn in self.supply_buttons:
            self.supply_row.removeWidget(btn)
            discard(btn)
        self.supply_buttons = []
        self.supplies = []
        self.periods = 12
        self._mark_periods()


def tour_steps() -> list[TourStep]:
    return [
        TourStep("consumption", "consumption", login=True),
        TourStep("consumption_24", "consumption", login=True, setup=lambda s: s.on_periods(24)),
    ]
