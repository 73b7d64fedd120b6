"""Bar chart of a supply's consumption over the last 12-24 periods, readable at arm's length.

Drawn with QPainter (no chart library): large month labels, the value written on (or above) every bar, and
the reading kind told apart three ways so that colour-blind customers read it too: colour (Okabe-Ito
palette), fill pattern (solid / diagonal hatch / dots) and a one-letter tag under the month. A legend spells
the three kinds out. The layout adapts to the width it gets, so one widget serves the landscape and the
portrait kiosk.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QFontMetricsF, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from kiosk.domain import ConsumptionPoint, ReadingKind, average_consumption
from kiosk.formatting import format_consumption, format_month_short


@dataclass(frozen=True, slots=True)
class ChartColors:
    """Colours of the chart; the defaults are the Okabe-Ito colours, distinguishable with any colour vision."""

    background: str = "#FFFFFF"
    text: str = "#1A1A1A"
    grid: str = "#C8C8C8"
    real: str = "#0072B2"  # blue
    estimated: str = "#D55E00"  # vermillion
    customer: str = "#009E73"  # bluish green
    average: str = "#1A1A1A"


HIGH_CONTRAST = ChartColors(
    background="#000000",
    text="#FFFFFF",
    grid="#808080",
    real="#56B4E9",
    estimated="#F0E442",
    customer="#FFFFFF",
    average="#FFFFFF",
)

# Pattern and one-letter tag per kind: the tag is the first letter of the legend word in each language.
_KINDS = (ReadingKind.REAL, ReadingKind.ESTIMATED, ReadingKind.CUSTOMER)
_PATTERNS = {
    ReadingKind.REAL: Qt.BrushStyle.SolidPattern,
    ReadingKind.ESTIMATED: Qt.BrushStyle.BDiagPattern,
    ReadingKind.CUSTOMER: Qt.BrushStyle.Dense5Pattern,
}


class ConsumptionChart(QWidget):
    """Consumption per period as bars; real, estimated and customer readings marked.

    Call set_points() with the history oldest first; clear() forgets it (logout wipes customer data).
    """

    def __init__(self, parent: QWidget | None = None, colors: ChartColors | None = None) -> None:
        super().__init__(parent)
        self._points: tuple[ConsumptionPoint, ...] = ()
        self._unit: str | None = None
        self._locale = "es_AR"
        self._colors = colors or ChartColors()
        self._show_average = True
        self._average_periods = 0  # 0: the average of every bar shown; n: of the last n (the meter's average)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumSize(480, 320)
        self.setAccessibleName(self.tr("Gráfico de consumo"))

    # -- data -----------------------------------------------------------------------------------------------

    def set_points(self, points: Sequence[ConsumptionPoint], unit: str | None, locale: str) -> None:
        """Show `points` (oldest first); `locale` formats values and months."""
        self._points = tuple(points)
        self._unit = unit
        self._locale = locale
        self.setAccessibleDescription(self.describe())
        self.update()

    def set_colors(self, colors: ChartColors) -> None:
        self._colors = colors
        self.update()

    def clear(self) -> None:
        """Forget the customer's history."""
        self._points = ()
        self._unit = None
        self.setAccessibleDescription("")
        self.update()

    def points(self) -> tuple[ConsumptionPoint, ...]:
        return self._points

    def set_average_periods(self, periods: int) -> None:
        """Draw the meter's average (kiosk.domain.average_consumption over the last `periods` bars) over
        those bars, instead of the average of every bar shown (0)."""
        self._average_periods = max(periods, 0)
        self.update()

    def average(self) -> Decimal | None:
        periods = min(self._average_periods, len(self._points)) or len(self._points)
        return average_consumption(self._points, periods)

    def kind_label(self, kind: ReadingKind) -> str:
        """Legend word for a reading kind (translated)."""
        if kind is ReadingKind.ESTIMATED:
            return self.tr("Estimada")
        if kind is ReadingKind.CUSTOMER:
            return self.tr("Aportada por usted")
        return self.tr("Real")

    def kind_tag(self, kind: ReadingKind) -> str:
        """One-letter tag printed under the bar, for who cannot tell the colours or patterns apart."""
        if kind is ReadingKind.ESTIMATED:
            return self.tr("E", "estimada")
        if kind is ReadingKind.CUSTOMER:
            return self.tr("U", "aportada por usted")
        return self.tr("R", "real")

    def describe(self) -> str:
        """A plain-text rendering for screen readers and tests."""
        parts = []
        for p in self._points:
            value = format_consumption(p.consumption, self._unit, self._locale)
            parts.append(f"{p.period}: {value} ({self.kind_label(p.kind)})")
        return "; ".join(parts)

    # -- geometry -------------------------------------------------------------------------------------------

    def sizeHint(self) -> QSize:
        return QSize(960, 520)

    def _font(self, px: float, bold: bool = False) -> QFont:
        font = QFont(self.font())
        font.setPixelSize(max(10, round(px)))
        font.setBold(bold)
        return font

    def plot_rect(self) -> QRectF:
        """Where the bars go: below the legend and the values, above the month labels."""
        w, h = float(self.width()), float(self.height())
        base = self._base_px()
        legend_h = self._legend_rows() * base * 1.9 + base * 0.4
        labels_h = base * 4.3
        left = right = base * 0.8
        _font, _horizontal, headroom = self._value_layout()
        top = legend_h + headroom
        return QRectF(left, top, max(10.0, w - left - right), max(10.0, h - top - labels_h))

    def _value_layout(self) -> tuple[QFont, bool, float]:
        """Font for the values, whether they fit horizontally, and the room they need above the bars."""
        base = self._base_px()
        font = self._font(base * 0.95, bold=True)
        if not self._points:
            return font, True, base
        slot = (self.width() - base * 1.6) / len(self._points)
        values = [format_consumption(p.consumption, None, self._locale) for p in self._points]
        for candidate in (font, self._font(max(13.0, base * 0.75), bold=True)):
            fm = QFontMetricsF(candidate)
            if max(fm.horizontalAdvance(v) for v in values) <= slot * 0.98:
                return candidate, True, fm.height() + base * 0.5
        fm = QFontMetricsF(font)
        return font, False, max(fm.horizontalAdvance(v) for v in values) + base * 0.6

    def _legend_items(self) -> list[str]:
        items = [f"{self.kind_label(k)} ({self.kind_tag(k)})" for k in _KINDS]
        if self._show_average:
            items.append(self.tr("Promedio"))
        return items

    def _legend_rows(self) -> int:
        base = self._base_px()
        fm = QFontMetricsF(self._font(base))
        widths = [base * 2.5 + fm.horizontalAdvance(t) + base * 1.4 for t in self._legend_items()]
        return 1 if sum(widths) <= self.width() - base * 1.6 else 2

    def _base_px(self) -> float:
        """Base text size: large, but shrinks on a small widget."""
        return max(14.0, min(28.0, min(self.width() / 36.0, self.height() / 16.0)))

    def bar_rects(self) -> list[QRectF]:
        """One rectangle per point, in the same order as points()."""
        if not self._points:
            return []
        plot = self.plot_rect()
        top_value = max((p.consumption for p in self._points), default=Decimal(0))
        scale = plot.height() / float(top_value) if top_value > 0 else 0.0
        slot = plot.width() / len(self._points)
        bar_w = slot * 0.72
        rects = []
        for i, p in enumerate(self._points):
            height = max(float(p.consumption) * scale, 2.0 if p.consumption > 0 else 0.0)
            x = plot.left() + i * slot + (slot - bar_w) / 2
            rects.append(QRectF(x, plot.bottom() - height, bar_w, height))
        return rects

    def _color(self, kind: ReadingKind) -> QColor:
        c = self._colors
        return QColor({ReadingKind.REAL: c.real, ReadingKind.ESTIMATED: c.estimated}.get(kind, c.customer))

    # -- painting -------------------------------------------------------------------------------------------

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        try:
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            painter.fillRect(self.rect(), QColor(self._colors.background))
            if not self._points:
                self._paint_empty(painter)
                return
            self._paint_legend(painter)
            self._paint_bars(painter)
        finally:
            painter.end()

    def _paint_empty(self, painter: QPainter) -> None:
        painter.setPen(QColor(self._colors.text))
        painter.setFont(self._font(self._base_px() * 1.2))
        painter.drawText(
            QRectF(self.rect()), Qt.AlignmentFlag.AlignCenter, self.tr("Todavía no hay consumos para mostrar.")
        )

    def _swatch(self, painter: QPainter, rect: QRectF, kind: ReadingKind) -> None:
        color = self._color(kind)
        painter.setPen(Qt.PenStyle.NoPen)
        if kind is not ReadingKind.REAL:
            # A pale ground under the pattern keeps the bar visible as a shape, the pattern tells the kind.
            ground = QColor(color)
            ground.setAlpha(60)
            painter.fillRect(rect, ground)
        painter.fillRect(rect, QBrush(color, _PATTERNS[kind]))
        pen = QPen(color, 3)
        if kind is ReadingKind.ESTIMATED:
            pen.setStyle(Qt.PenStyle.DashLine)
        painter.setPen(pen)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRect(rect.adjusted(1.5, 1.5, -1.5, -1.5))

    def _paint_legend(self, painter: QPainter) -> None:
        """Swatch + word per kind and the average line, on one row (or two on a narrow screen)."""
        base = self._base_px()
        font = self._font(base)
        painter.setFont(font)
        fm = QFontMetricsF(font)
        box = base * 1.3
        gap = base * 1.4
        items = self._legend_items()
        marks: list[ReadingKind | None] = [*_KINDS, None][: len(items)]
        widths = [box + base * 0.5 + fm.horizontalAdvance(text) for text in items]
        rows = [list(range(len(items)))] if self._legend_rows() == 1 else [[0, 1], list(range(2, len(items)))]
        for r, row in enumerate(rows):
            total = sum(widths[i] for i in row) + gap * (len(row) - 1)
            x = max(base * 0.8, (self.width() - total) / 2)
            y = base * 0.4 + r * base * 1.9
            for i in row:
                kind = marks[i]
                if kind is None:
                    painter.setPen(QPen(QColor(self._colors.average), 3, Qt.PenStyle.DashLine))
                    painter.drawLine(QPointF(x, y + box / 2), QPointF(x + box, y + box / 2))
                else:
                    self._swatch(painter, QRectF(x, y, box, box), kind)
                painter.setPen(QColor(self._colors.text))
                painter.drawText(
                    QRectF(x + box + base * 0.5, y - base * 0.2, widths[i], box + base * 0.4),
                    int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
                    items[i],
                )
                x += widths[i] + gap

    def _paint_bars(self, painter: QPainter) -> None:
        base = self._base_px()
        plot = self.plot_rect()
        rects = self.bar_rects()
        slot = plot.width() / len(rects)
        text = QColor(self._colors.text)

        # Baseline and a light grid at half and full height.
        painter.setPen(QPen(QColor(self._colors.grid), 1))
        for fraction in (0.5, 1.0):
            yy = plot.bottom() - plot.height() * fraction
            painter.drawLine(QPointF(plot.left(), yy), QPointF(plot.right(), yy))
        painter.setPen(QPen(text, 2))
        painter.drawLine(QPointF(plot.left(), plot.bottom()), QPointF(plot.right(), plot.bottom()))

        # Values: horizontal above the bar when they fit, otherwise written upwards above it.
        value_font, horizontal, _headroom = self._value_layout()
        fm = QFontMetricsF(value_font)
        values = [format_consumption(p.consumption, None, self._locale) for p in self._points]

        for point, rect in zip(self._points, rects, strict=True):
            if rect.height() >= 3:
                self._swatch(painter, rect, point.kind)
        avg = self.average()
        if self._show_average and avg is not None and avg > 0:
            top_value = max(p.consumption for p in self._points)
            yy = plot.bottom() - plot.height() * float(avg / top_value)
            painter.setPen(QPen(QColor(self._colors.average), 3, Qt.PenStyle.DashLine))
            periods = min(self._average_periods, len(rects))
            left = plot.left() + slot * (len(rects) - periods) if periods else plot.left()  # over what it averages
            painter.drawLine(QPointF(left, yy), QPointF(plot.right(), yy))

        for rect, value in zip(rects, values, strict=True):
            painter.setFont(value_font)
            painter.setPen(text)
            if horizontal:
                box = QRectF(rect.center().x() - slot / 2, rect.top() - fm.height() - 4, slot, fm.height())
                width = fm.horizontalAdvance(value) + 6
                # A background patch under the number keeps it readable where the average line crosses it.
                painter.fillRect(
                    QRectF(box.center().x() - width / 2, box.top() + 2, width, box.height() - 2),
                    QColor(self._colors.background),
                )
                painter.drawText(box, int(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignBottom), value)
            else:
                self._paint_vertical_value(painter, rect, value, fm)

        # Month labels (year under January and under the first bar), then the kind tag.
        label_font = self._font(base * 0.9)
        painter.setFont(label_font)
        lfm = QFontMetricsF(label_font)
        show_every = 1
        widest_label = max(lfm.horizontalAdvance(format_month_short(p.period, self._locale)) for p in self._points)
        while widest_label > slot * show_every * 0.95 and show_every < 4:
            show_every += 1
        for i, (point, rect) in enumerate(zip(self._points, rects, strict=True)):
            cx = rect.center().x()
            y = plot.bottom() + base * 0.3
            painter.setPen(text)
            if (len(rects) - 1 - i) % show_every == 0:
                month = format_month_short(point.period, self._locale)
                painter.setFont(label_font)
                painter.drawText(
                    QRectF(cx - slot * show_every / 2, y, slot * show_every, lfm.height()),
                    int(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop),
                    month,
                )
            year = point.period[:4]
            if i == 0 or point.period.endswith("-01"):
                painter.setFont(self._font(base * 0.75))
                painter.drawText(
                    QRectF(cx - slot * 1.5, y + lfm.height(), slot * 3, lfm.height()),
                    int(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop),
                    year,
                )
            if point.kind is not ReadingKind.REAL:
                painter.setFont(self._font(base * 0.85, bold=True))
                painter.setPen(self._color(point.kind))
                painter.drawText(
                    QRectF(cx - slot / 2, y + lfm.height() * 2, slot, lfm.height()),
                    int(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop),
                    self.kind_tag(point.kind),
                )

    def _paint_vertical_value(self, painter: QPainter, rect: QRectF, value: str, fm: QFontMetricsF) -> None:
        """Write the value upwards just above the bar (the plot keeps room for it)."""
        painter.save()
        painter.translate(rect.center().x() + fm.ascent() / 2 - fm.descent() / 2, rect.top() - 6)
        painter.rotate(-90)
        painter.drawText(QPointF(0, 0), value)
        painter.restore()
