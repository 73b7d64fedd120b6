"""The consumption chart, read back from its own pixels: bar heights follow the values, and the three reading
kinds differ by colour and by pattern (a grey-scale copy still tells them apart)."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest
from PySide6.QtGui import QColor, QImage

from kiosk.domain import ConsumptionPoint, ReadingKind
from ui.widgets.consumption_chart import HIGH_CONTRAST, ChartColors, ConsumptionChart

KINDS = [ReadingKind.REAL, ReadingKind.ESTIMATED, ReadingKind.CUSTOMER]


def _points(values: list[int]) -> list[ConsumptionPoint]:
    return [ConsumptionPoint(f"2024-{i + 1:02d}", Decimal(v), KINDS[i % 3]) for i, v in enumerate(values)]


def _render(chart: ConsumptionChart, width: int, height: int) -> QImage:
    chart.resize(width, height)
    return chart.grab().toImage().convertToFormat(QImage.Format.Format_RGB32)


def _pixels(image: QImage, rect: Any) -> list[QColor]:
    r = rect.toRect().adjusted(6, 6, -6, -6)
    return [
        image.pixelColor(x, y)
        for x in range(r.left(), r.right())
        for y in range(r.top(), min(r.bottom(), r.top() + 60))
    ]


@pytest.mark.parametrize("size", [(1800, 700), (1000, 1200), (700, 500)])
def test_bar_heights_follow_the_values(qtbot: Any, size: tuple[int, int]) -> None:
    chart = ConsumptionChart()
    qtbot.addWidget(chart)
    values = [100, 400, 250, 50, 300, 200, 350, 150, 275, 325, 225, 175]
    chart.set_points(_points(values), "kWh", "es_AR")
    _render(chart, *size)
    rects = chart.bar_rects()
    assert len(rects) == 12
    plot = chart.plot_rect()
    tallest = max(r.height() for r in rects)
    assert tallest == pytest.approx(plot.height(), abs=1)
    for value, rect in zip(values, rects, strict=True):
        assert rect.height() / tallest == pytest.approx(value / 400, abs=0.01)
        assert rect.bottom() == pytest.approx(plot.bottom(), abs=0.5)
        assert plot.left() <= rect.left() and rect.right() <= plot.right()


@pytest.mark.parametrize("colors", [ChartColors(), HIGH_CONTRAST], ids=["default", "high_contrast"])
def test_kinds_differ_by_colour_and_by_pattern(qtbot: Any, colors: ChartColors) -> None:
    chart = ConsumptionChart(colors=colors)
    qtbot.addWidget(chart)
    chart.set_points(_points([300, 300, 300]), "kWh", "es_AR")
    image = _render(chart, 900, 600)
    real, estimated, customer = (_pixels(image, r) for r in chart.bar_rects())
    # Real: one solid colour.
    assert {c.name() for c in real} == {QColor(colors.real).name()}

    # Estimated and customer: a pattern, i.e. more than one shade inside the bar, each with its own colour.
    def shades(pixels: list[QColor]) -> set[int]:
        return {round(c.lightness() / 16) for c in pixels}

    assert len(shades(estimated)) >= 2
    assert len(shades(customer)) >= 2
    assert QColor(colors.estimated).name() in {c.name() for c in estimated}
    assert QColor(colors.customer).name() in {c.name() for c in customer}

    # Colour-blind check: on grey levels alone the three bars still look different (solid vs two patterns).
    def grey_profile(pixels: list[QColor]) -> tuple[int, int]:
        levels = [c.lightness() for c in pixels]
        return (round(sum(levels) / len(levels) / 8), len(shades(pixels)))

    assert len({grey_profile(real), grey_profile(estimated), grey_profile(customer)}) == 3


def test_legend_words_values_and_clear(qtbot: Any) -> None:
    chart = ConsumptionChart()
    qtbot.addWidget(chart)
    chart.set_points(_points([1234, 56, 789]), "kWh", "es_AR")
    description = chart.describe()
    assert "2024-01: 1.234 kWh (Real)" in description
    assert "2024-02: 56 kWh (Estimada)" in description
    assert "2024-03: 789 kWh (Aportada por usted)" in description
    assert chart.average() == Decimal(2079) / 3
    chart.clear()
    assert chart.points() == () and chart.bar_rects() == [] and chart.describe() == ""
    image = _render(chart, 600, 400)
    assert image.width() == 600  # the empty state paints its sentence without failing
