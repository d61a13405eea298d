"""The relay doctor on the Relays page, driven like a user: "Check relay" asks the simulated
relay (free), the findings appear and are stored with their date, and are there again when
Settings is reopened; "Run paid checks…" asks first, showing the estimate, then runs real jobs
that land in the history."""

from __future__ import annotations

import json
from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMessageBox

from studio.paths import config_dir
from studio.ui.settings.dialog import SettingsDialog
from studio.ui.settings.doctor_panel import FindingsView
from tests.ui.conftest import Harness
from tests.ui.test_settings_support import click, collect_garbage, open_dialog


@pytest.fixture(autouse=True)
def _collected_here() -> Iterator[None]:
    yield from collect_garbage()


def show_doctor(dialog: SettingsDialog, name: str) -> None:
    page = dialog.relays
    row = [entry.profile.name for entry in page.entries()].index(name)
    rect = page.list.visualItemRect(page.list.item(row))
    QTest.mouseClick(page.list.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    bar = page.sections.tabBar()
    index = page.sections.indexOf(page.doctor)
    QTest.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(index).center())
    assert page.doctor.isVisible()


def rows(view: FindingsView) -> dict[str, tuple[str, str]]:
    """Check label → (verdict, finding), as shown."""
    return {label: (verdict, finding) for label, verdict, finding in view.rows()}


def stored() -> dict:
    return json.loads((config_dir() / "doctor.json").read_text("utf-8"))["relays"]


def test_check_relay_shows_and_keeps_the_findings(harness: Harness) -> None:
    dialog = open_dialog(harness)
    show_doctor(dialog, "sim")
    doctor = dialog.relays.doctor
    assert doctor.findings.rows() == []
    assert doctor.when_label.text() == "Not checked yet."

    async def scenario() -> None:
        click(doctor.check_button)
        assert not doctor.check_button.isEnabled() and not doctor.paid_button.isEnabled()
        assert doctor.message.text() == "Checking…"
        await harness.until(lambda: doctor.findings.rows())

    harness.run(scenario())
    shown = rows(doctor.findings)
    assert shown["Reachable"][0] == "OK"
    assert shown["Key accepted"] == ("OK", "The relay accepted the key.")
    assert shown["Models"][1].endswith("known to the catalog.")
    # The simulator answers new-api's billing endpoints (issue 13).
    assert shown["Billing: subscription"][0] == "OK"
    assert "100.00 USD" in shown["Billing: subscription"][1]
    assert not any(label.startswith("Generation") for label in shown)
    assert doctor.when_label.text().startswith("Last checked: ")
    assert doctor.check_button.isEnabled() and doctor.paid_button.isEnabled()
    assert harness.sim.state.stats()["paid_requests"] == 0

    record = stored()["sim"]
    assert record["checked_at"] and {c["name"] for c in record["checks"]} >= {"reachable", "key"}
    when = doctor.when_label.text()

    dialog.close()
    QApplication.processEvents()
    again = open_dialog(harness)
    show_doctor(again, "sim")
    assert rows(again.relays.doctor.findings) == shown
    assert again.relays.doctor.when_label.text() == when


def paid_confirmation(harness: Harness, dialog: SettingsDialog) -> QMessageBox:
    doctor = dialog.relays.doctor

    async def scenario() -> None:
        click(doctor.paid_button)
        await harness.until(lambda: doctor.confirmation is not None)

    harness.run(scenario())
    box = doctor.confirmation
    assert box is not None and box.isVisible()
    return box


def test_paid_checks_ask_first_then_run_as_jobs(harness: Harness) -> None:
    dialog = open_dialog(harness)
    show_doctor(dialog, "sim")
    doctor = dialog.relays.doctor

    box = paid_confirmation(harness, dialog)
    assert "USD" in box.informativeText() and "Mask honoured: " in box.informativeText()
    click(box.button(QMessageBox.StandardButton.Cancel))
    harness.run(harness.until(lambda: doctor.check_button.isEnabled()))
    assert harness.sim.state.stats()["paid_requests"] == 0
    assert doctor.message.text() == "Paid checks were not run."
    assert "Reachable" in rows(doctor.findings)  # the free checks that did run are shown

    box = paid_confirmation(harness, dialog)
    accept = next(
        b for b in box.buttons() if box.buttonRole(b) is QMessageBox.ButtonRole.AcceptRole
    )

    async def scenario() -> None:
        click(accept)
        await harness.until(lambda: any(k.startswith("Mask") for k in rows(doctor.findings)))

    harness.run(scenario())
    shown = rows(doctor.findings)
    assert shown["Mask honoured"][0] == "OK" and shown["Several images (n)"][0] == "OK"
    (generation,) = [label for label in shown if label.startswith("Generation (")]
    assert shown[generation][0] == "OK"
    assert "USD" in doctor.spent_label.text()
    paid_jobs = harness.store.list_jobs()
    assert len(paid_jobs) == harness.sim.state.stats()["paid_requests"] == 5
    assert all(record.job.request.prompt.startswith("Relay check") for record in paid_jobs)
    assert {c["name"] for c in stored()["sim"]["checks"]} >= {"paid:mask", "reachable"}


def test_an_ignored_mask_is_shown_as_a_problem(harness: Harness) -> None:
    harness.sim.set_faults("ignore-mask")
    dialog = open_dialog(harness)
    show_doctor(dialog, "sim")
    doctor = dialog.relays.doctor
    box = paid_confirmation(harness, dialog)
    accept = next(
        b for b in box.buttons() if box.buttonRole(b) is QMessageBox.ButtonRole.AcceptRole
    )

    async def scenario() -> None:
        click(accept)
        await harness.until(lambda: "Mask honoured" in rows(doctor.findings))

    harness.run(scenario())
    verdict, finding = rows(doctor.findings)["Mask honoured"]
    assert verdict == "Problem" and "outside the mask" in finding


def test_a_relay_being_added_is_saved_before_it_is_checked(harness: Harness) -> None:
    dialog = open_dialog(harness)
    page = dialog.relays
    click(page.add_button)
    assert not page.doctor.check_button.isEnabled()
    assert not page.doctor.paid_button.isEnabled()
    assert "Save" in page.doctor.message.text()
