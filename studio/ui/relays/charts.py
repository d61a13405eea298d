"""The Relays page's charts, drawn with pyqtgraph: spend per day, latency over time (per day,
p50 and p95) and success per model. Import this module on a worker thread first: pyqtgraph
and numpy take a while to import.

:meth:`Charts.draw` makes and fills one plot per step, so that the page can let the window
paint between them: a plot's first paint is the expensive part."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pyqtgraph as pg
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QGridLayout, QSizePolicy, QWidget

from studio.engine.ledger import LatencyDay, ProfileLedger

CHART_DAYS = 30  # the last days with jobs the charts show
MIN_HEIGHT = 170
PLACES = ((0, 0, 1, 1), (0, 1, 1, 1), (1, 0, 1, 2))  # spend, latency, success in the grid
SPEND_COLOUR = (66, 133, 244)  # opaque: blending translucent bars costs a paint dearly
SUCCESS_COLOUR = (52, 168, 83)
LATENCY_COLOURS = ((1, "p50", (66, 133, 244)), (2, "p95", (234, 67, 53)))


def tr(text: str) -> str:
    return QCoreApplication.translate("RelayLedger", text)


def _x(day: str) -> float:
    return date.fromisoformat(day).toordinal()


def _plot(title: str, left: str, dates: bool = True) -> pg.PlotWidget:
    axis = {"bottom": _DayAxis(orientation="bottom")} if dates else {}
    plot = pg.PlotWidget(axisItems=axis, enableMenu=False)
    plot.setBackground(None)
    plot.setTitle(title)
    plot.setLabel("left", left)
    plot.getAxis("left").enableAutoSIPrefix(False)  # "(x0.001)" means nothing to a designer
    plot.showGrid(x=False, y=True, alpha=0.25)
    plot.setMouseEnabled(x=False, y=False)
    plot.hideButtons()
    plot.setMinimumHeight(MIN_HEIGHT)
    plot.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Ignored)
    return plot


def _room() -> QWidget:
    """Where a plot will go: the grid keeps its size, so making a plot repaints no other."""
    room = QWidget()
    room.setMinimumHeight(MIN_HEIGHT)
    room.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Ignored)
    return room


class _DayAxis(pg.AxisItem):
    def tickStrings(self, values, scale, spacing):  # noqa: N802 - pyqtgraph's name
        return [
            date.fromordinal(round(v)).strftime("%m-%d") if v >= 1 and abs(v - round(v)) < 1e-6
            else ""
            for v in values
        ]  # fmt: skip


def _day_range(plot: pg.PlotWidget, days: list[float]) -> None:
    if days:
        plot.setXRange(min(days) - 1, max(days) + 1, padding=0)
        every = max(1, round((max(days) - min(days) + 2) / 7))  # about seven dates written
        plot.getAxis("bottom").setTickSpacing(major=every, minor=every)


def _y_range(plot: pg.PlotWidget, values: list[float]) -> None:
    """Fixed, not automatic: an automatic range paints the plot twice."""
    top = max(values, default=0.0)
    plot.setYRange(0, top * 1.1 if top > 0 else 1.0, padding=0)


class Charts(QWidget):
    """Three plots for one relay, made by the first :meth:`draw` and redrawn by the next."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("relayCharts")
        self.spend: pg.PlotWidget | None = None
        self.latency: pg.PlotWidget | None = None
        self.success: pg.PlotWidget | None = None
        self.grid = QGridLayout(self)
        self.grid.setContentsMargins(0, 0, 0, 0)
        for index in (0, 1):
            self.grid.setRowStretch(index, 1)
            self.grid.setColumnStretch(index, 1)
        self.rooms = [_room(), _room(), _room()]
        for room, place in zip(self.rooms, PLACES, strict=True):
            self.grid.addWidget(room, *place)

    def _place(self, index: int, plot: pg.PlotWidget) -> pg.PlotWidget:
        self.grid.replaceWidget(self.rooms[index], plot)
        self.rooms[index].deleteLater()
        return plot

    def draw(self, figures: ProfileLedger, latency: list[LatencyDay]) -> Iterator[None]:
        """Show ``figures`` and ``latency``: the first time, make a plot in one step and fill
        it in the next (yields between steps)."""
        if self.spend is None:
            self.spend = self._place(0, _plot(tr("Spend per day"), tr("amount")))
            yield
        self._show_spend(self.spend, figures)
        yield
        if self.latency is None:
            self.latency = self._place(1, _plot(tr("Time to image per day"), tr("seconds")))
            self.latency.addLegend(offset=(-8, 8))  # top right
            yield
        self._show_latency(self.latency, latency)
        yield
        if self.success is None:
            self.success = self._place(2, _plot(tr("Success per model"), "%", dates=False))
            yield
        self._show_success(self.success, figures)

    def _show_spend(self, plot: pg.PlotWidget, figures: ProfileLedger) -> None:
        plot.clear()
        days = [d.day for d in figures.by_day][-CHART_DAYS:]
        shown = figures.by_day[-CHART_DAYS:]
        known = [(d.day, d.spend.amount) for d in shown if d.spend.amount is not None]
        if known:
            plot.addItem(
                pg.BarGraphItem(
                    x=[_x(day) for day, _ in known],
                    height=[amount for _, amount in known],
                    width=0.8,
                    brush=pg.mkBrush(SPEND_COLOUR),
                    pen=pg.mkPen(None),
                )
            )
        _day_range(plot, [_x(day) for day in days])
        _y_range(plot, [amount for _, amount in known])
        currency = figures.spend.currency or ""
        plot.setLabel("left", tr("amount") + (f" ({currency})" if currency else ""))

    def _show_latency(self, plot: pg.PlotWidget, days: list[LatencyDay]) -> None:
        plot.clear()
        for index, label, colour in LATENCY_COLOURS:
            points = [
                (_x(day[0]), value / 1000) for day in days if (value := day[index]) is not None
            ]
            if points:
                plot.plot(
                    [x for x, _ in points],
                    [y for _, y in points],
                    pen=pg.mkPen(colour, width=2),
                    symbol="o",
                    symbolSize=5,
                    symbolBrush=colour,
                    name=label,
                )
        _day_range(plot, [_x(day[0]) for day in days])
        _y_range(plot, [value / 1000 for day in days for value in day[1:] if value is not None])

    def _show_success(self, plot: pg.PlotWidget, figures: ProfileLedger) -> None:
        plot.clear()
        models = [(m.model, m.success_rate) for m in figures.by_model]
        plot.addItem(
            pg.BarGraphItem(
                x=list(range(len(models))),
                height=[(rate or 0.0) * 100 for _, rate in models],
                width=0.6,
                brush=pg.mkBrush(SUCCESS_COLOUR),
                pen=pg.mkPen(None),
            )
        )
        axis = plot.getAxis("bottom")
        axis.setTicks([[(index, name) for index, (name, _) in enumerate(models)]])
        plot.setYRange(0, 100, padding=0.05)
        plot.setXRange(-0.6, max(len(models) - 0.4, 0.6), padding=0)
