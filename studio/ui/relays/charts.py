"""The Relays page's charts, drawn with pyqtgraph: spend per day, latency over time (per day,
p50 and p95) and success per model. Import this module on a worker thread first
(:func:`load`): pyqtgraph and numpy take a second to import."""

from __future__ import annotations

from datetime import date

import pyqtgraph as pg
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QGridLayout, QWidget

from studio.engine.ledger import ProfileLedger

LatencyDay = tuple[str, float | None, float | None]


def tr(text: str) -> str:
    return QCoreApplication.translate("RelaysPage", text)


def load() -> None:
    """Nothing: importing this module (on a worker thread) is the work."""


def _x(day: str) -> float:
    return date.fromisoformat(day).toordinal()


def _plot(title: str, left: str, dates: bool = True) -> pg.PlotWidget:
    axis = {"bottom": _DayAxis(orientation="bottom")} if dates else {}
    plot = pg.PlotWidget(axisItems=axis)
    plot.setBackground(None)
    plot.setTitle(title)
    plot.setLabel("left", left)
    plot.getAxis("left").enableAutoSIPrefix(False)  # "(x0.001)" means nothing to a designer
    plot.showGrid(x=False, y=True, alpha=0.25)
    plot.setMenuEnabled(False)
    plot.setMouseEnabled(x=False, y=False)
    plot.hideButtons()
    plot.setMinimumHeight(170)
    return plot


class _DayAxis(pg.AxisItem):
    def tickStrings(self, values, scale, spacing):  # noqa: N802 - pyqtgraph's name
        return [
            date.fromordinal(round(v)).strftime("%m-%d") if v >= 1 and abs(v - round(v)) < 1e-6
            else ""
            for v in values
        ]  # fmt: skip


class Charts(QWidget):
    """Three plots, redrawn for one relay by :meth:`show_ledger` and :meth:`show_latency`."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("relayCharts")
        self.spend = _plot(tr("Spend per day"), tr("amount"))
        self.latency = _plot(tr("Time to image per day"), tr("seconds"))
        self.latency.addLegend(offset=(8, 8))
        self.success = _plot(tr("Success per model"), "%", dates=False)
        layout = QGridLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.spend, 0, 0)
        layout.addWidget(self.latency, 0, 1)
        layout.addWidget(self.success, 1, 0, 1, 2)

    def show_ledger(self, figures: ProfileLedger) -> None:
        self.spend.clear()
        known = [(d.day, d.spend.amount) for d in figures.by_day if d.spend.amount is not None]
        if known:
            self.spend.addItem(
                pg.BarGraphItem(
                    x=[_x(day) for day, _ in known],
                    height=[amount for _, amount in known],
                    width=0.8,
                    brush=pg.mkBrush(66, 133, 244, 200),
                    pen=pg.mkPen(None),
                )
            )
        days = [_x(d.day) for d in figures.by_day]
        for plot in (self.spend, self.latency):
            if days:
                plot.setXRange(min(days) - 1, max(days) + 1, padding=0)
                plot.getAxis("bottom").setTickSpacing(major=max(1, len(days) // 6 + 1), minor=1)
        currency = figures.spend.currency or ""
        self.spend.setLabel("left", tr("amount") + (f" ({currency})" if currency else ""))
        self.success.clear()
        models = [(m.model, m.success_rate) for m in figures.by_model]
        self.success.addItem(
            pg.BarGraphItem(
                x=list(range(len(models))),
                height=[(rate or 0.0) * 100 for _, rate in models],
                width=0.6,
                brush=pg.mkBrush(52, 168, 83, 200),
                pen=pg.mkPen(None),
            )
        )
        axis = self.success.getAxis("bottom")
        axis.setTicks([[(index, name) for index, (name, _) in enumerate(models)]])
        self.success.setYRange(0, 100, padding=0.05)
        self.success.setXRange(-0.6, max(len(models) - 0.4, 0.6), padding=0)

    def show_latency(self, days: list[LatencyDay]) -> None:
        self.latency.clear()
        for index, label, colour in ((1, "p50", (66, 133, 244)), (2, "p95", (234, 67, 53))):
            points = [(_x(day[0]), day[index] / 1000) for day in days if day[index] is not None]
            if points:
                self.latency.plot(
                    [x for x, _ in points],
                    [y for _, y in points],
                    pen=pg.mkPen(colour, width=2),
                    symbol="o",
                    symbolSize=5,
                    symbolBrush=colour,
                    name=label,
                )
