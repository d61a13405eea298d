"""The budget guard in the window, driven like a user: a Generate that would pass the relay's
daily budget asks first; Cancel sends nothing, "Send anyway" sends; the status bar shows what
the relay cost today."""

from __future__ import annotations

import asyncio
import gc
import logging
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMessageBox, QPushButton

from studio.domain.job import JobState
from studio.simulator import SimulatorServer
from studio.ui.main_window import MainWindow
from tests.ui.conftest import Harness


@pytest.fixture
def budgeted(qapp: QApplication, sim: SimulatorServer, tmp_path: Path) -> Iterator[Harness]:
    instance = Harness(qapp, sim, tmp_path / "data", daily_budget=0.05)
    try:
        yield instance
    finally:
        instance.close()
        qapp.processEvents()
        gc.collect()


def test_over_budget_asks_before_sending(budgeted: Harness) -> None:
    harness = budgeted
    window = harness.keep(MainWindow(harness.services))
    window.show()
    composer = window.composer
    ended: list[JobState] = []
    harness.bridge.job_changed.connect(
        lambda job: ended.append(job.state) if job.state.is_terminal else None
    )

    def generate() -> None:
        composer.prompt.setFocus()
        QTest.keyClick(composer.prompt, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)

    def question() -> QMessageBox | None:
        asked = window.budget.question
        return asked if asked is not None and asked.isVisible() else None

    async def scenario() -> None:
        await window.ready()
        composer.composition.update(model="gpt-image-1", prompt="a lantern on a jetty")
        generate()  # nothing spent yet: one image (0.042 listed) fits in 0.05
        await harness.until(lambda: ended == [JobState.SUCCEEDED])
        label = window.budget.spend_label
        await harness.until(lambda: label.isVisible() and "USD" in label.text())
        assert label.text().startswith("Today on sim: 0.0")

        generate()  # now it would pass
        await harness.until(lambda: question() is not None)
        asked = question()
        assert asked is not None
        assert "would pass the daily budget of sim" in asked.text()
        assert "of 0.05 USD spent today" in asked.text()
        asked.button(QMessageBox.StandardButton.Cancel).click()
        await harness.until(lambda: question() is None)
        assert harness.sim.state.stats()["paid_requests"] == 1  # Cancel sent nothing

        generate()
        await harness.until(lambda: question() is not None)
        asked = question()
        assert asked is not None
        send = asked.findChild(QPushButton, "sendAnyway")
        send.click()
        await harness.until(lambda: len(ended) == 2)
        assert ended == [JobState.SUCCEEDED, JobState.SUCCEEDED]
        assert harness.sim.state.stats()["paid_requests"] == 2

    harness.run(scenario())


def test_without_a_budget_nothing_is_asked(harness: Harness) -> None:
    window = harness.keep(MainWindow(harness.services))
    window.show()
    ended: list[JobState] = []
    harness.bridge.job_changed.connect(
        lambda job: ended.append(job.state) if job.state.is_terminal else None
    )

    async def scenario() -> None:
        await window.ready()
        window.composition.update(model="gpt-image-1", prompt="a lantern")
        for _ in range(2):
            window.composer.generate()
            await harness.until(lambda: len(ended) >= 1)
            ended.clear()
        assert window.budget.question is None

    harness.run(scenario())


def test_the_spend_answer_arriving_after_the_window_is_gone_is_dropped(
    harness: Harness, caplog: pytest.LogCaptureFixture
) -> None:
    from shiboken6 import Shiboken

    window = MainWindow(harness.services)  # not kept: deleted below
    window.show()
    label = window.budget.spend_label

    async def scenario() -> None:
        await window.ready()
        await harness.until(lambda: label.isVisible())  # the first answer is in
        window.budget.refresh()  # asked again: the store answers on its thread…
        Shiboken.delete(window)  # …after the window (and its status bar's label) is gone
        assert not Shiboken.isValid(label)
        await asyncio.sleep(0.3)

    with caplog.at_level(logging.ERROR):
        harness.run(scenario())
    assert [r.getMessage() for r in caplog.records if r.levelno >= logging.ERROR] == []
