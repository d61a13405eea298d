"""The relay doctor on the Relays page: the last check's date and findings, "Check relay" (free)
and "Run paid checks…" (asks first, showing the estimate).

Checks run on the asyncio loop (``services.bridge.spawn``); the buttons are busy meanwhile. The
findings are stored per relay (``settings.doctor_results``) and shown again when the relay is
selected. Paid checks are ordinary jobs through the request manager: they appear in the gallery
and the history like any other.
"""

from __future__ import annotations

import asyncio
from dataclasses import dataclass, replace
from typing import Any

from PySide6.QtCore import QCoreApplication, QDateTime, QLocale, Qt
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import Shiboken

from studio.domain.errors import StudioError
from studio.domain.job import Job
from studio.domain.profile import Profile
from studio.domain.request import GenerationRequest
from studio.engine.doctor import Check, FreeFindings, Report, free_checks
from studio.engine.doctor_paid import PaidPlan, plan_paid, run_paid
from studio.settings.doctor_results import DoctorResults
from studio.settings.secrets import KeyStore
from studio.ui import i18n
from studio.ui.icons import icon
from studio.ui.services import Services
from studio.ui.settings.entries import Entry, Kind
from studio.ui.settings.widgets import message_label, set_role


def tr(text: str) -> str:
    return QCoreApplication.translate("DoctorPanel", text)


def check_label(name: str) -> str:
    """A check's name in the user's words."""
    fixed = {
        "reachable": tr("Reachable"),
        "tls": tr("Encryption (TLS)"),
        "key": tr("Key accepted"),
        "models": tr("Models"),
        "billing:subscription": tr("Billing: subscription"),
        "billing:usage": tr("Billing: usage"),
        "proxy": tr("Proxy"),
        "clock": tr("Clock"),
        "paid:generate": tr("Generation"),
        "paid:mask": tr("Mask honoured"),
        "paid:ratio": tr("Ratio honoured"),
        "paid:n": tr("Several images (n)"),
        "paid:transparency": tr("Transparency"),
    }
    if name in fixed:
        return fixed[name]
    if name.startswith("async:"):
        return tr("Async route {path}").format(path=name.removeprefix("async:"))
    if name.startswith("paid:generate:"):
        return tr("Generation ({protocol})").format(protocol=name.removeprefix("paid:generate:"))
    return name


def verdict(ok: bool | None) -> str:
    if ok is None:
        return tr("Unclear")
    return tr("OK") if ok else tr("Problem")


@dataclass
class _Subject:
    """The relay the panel is about (a saved or built-in profile)."""

    entry: Entry
    keys: KeyStore

    @property
    def name(self) -> str:
        return self.entry.profile.name

    async def profile(self) -> Profile:
        key = await self.entry.key_for_test(None, self.keys)
        return replace(self.entry.profile, api_key=key or "")


class DoctorPanel(QWidget):
    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("doctorPanel")
        self.services = services
        self._subject: _Subject | None = None
        self._running = False
        self._note = ""  # said once the running check ends
        self._store_problem = ""
        self.confirmation: QMessageBox | None = None

        self.check_button = QPushButton(
            icon("refresh"), tr("Check relay"), objectName="checkRelayButton"
        )
        self.check_button.setToolTip(
            tr(
                "Free checks of the saved settings: reachable, encryption, key, models, async "
                "and billing endpoints, a proxy in the way, the clock. Nothing is billed."
            )
        )
        self.check_button.clicked.connect(self.check_free)
        self.paid_button = QPushButton(tr("Run paid checks…"), objectName="paidChecksButton")
        self.paid_button.setToolTip(
            tr(
                "Send the smallest real requests to see whether the relay honours a mask, the "
                "ratio, several images and transparency. Asks first, showing the cost."
            )
        )
        self.paid_button.clicked.connect(self.check_paid)
        self.when_label = message_label("doctorWhenLabel")
        self.message = message_label("doctorMessage", "hint")
        self.spent_label = message_label("doctorSpentLabel", "hint")
        self.findings = FindingsView()
        buttons = QHBoxLayout()
        buttons.addWidget(self.check_button)
        buttons.addWidget(self.paid_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 0)
        layout.setSpacing(6)
        layout.addLayout(buttons)
        layout.addWidget(self.when_label)
        layout.addWidget(self.message)
        layout.addWidget(self.findings, 1)
        layout.addWidget(self.spent_label)
        self.show_entry(None, None)

    # -- which relay -----------------------------------------------------------------------

    def show_entry(self, entry: Entry | None, keys: KeyStore | None) -> None:
        """Show what is stored for ``entry`` (a relay being added has nothing yet)."""
        self._close_confirmation()
        checkable = entry is not None and keys is not None and entry.kind is not Kind.DRAFT
        self._subject = _Subject(entry, keys) if checkable else None  # type: ignore[arg-type]
        self._say("" if checkable or entry is None else tr("Save the relay first, then check it."))
        self._show_stored()
        self._update_buttons()

    def _show_stored(self) -> None:
        record = DoctorResults().load(self._subject.name) if self._subject else None
        self._show(Report.from_record(record) if record is not None else None)

    def _update_buttons(self) -> None:
        ready = self._subject is not None and not self._running
        self.check_button.setEnabled(ready)
        self.paid_button.setEnabled(ready)

    # -- running ---------------------------------------------------------------------------

    def check_free(self) -> None:
        subject = self._begin(tr("Checking…"))
        if subject is None:
            return

        async def work() -> Report:
            profile = await subject.profile()
            found = await free_checks(profile, self.services.catalog)
            return await self._store(Report(subject.name, list(found.checks)))

        self.services.bridge.spawn(self._guarded(work()), self._finished)

    def check_paid(self) -> None:
        subject = self._begin(tr("Checking, then estimating the paid checks…"))
        if subject is None:
            return
        bridge = self.services.bridge

        async def work() -> tuple[FreeFindings, PaidPlan | None]:
            profile = await subject.profile()
            found = await free_checks(profile, self.services.catalog)
            if not found.reachable or found.key_accepted is False:
                return found, None
            used = await bridge.relay_usage(subject.name)
            return found, plan_paid(self.services.catalog, used, found.offered)

        def planned(outcome: Any) -> None:
            if isinstance(outcome, Exception):
                self._finished(outcome)
                return
            found, plan = outcome
            if plan is None or not plan.steps:
                if plan is None:
                    self._note = tr("Paid checks need a relay that answers and accepts the key.")
                report = Report(subject.name, [*found.checks, *(plan.skipped if plan else ())])
                self.services.bridge.spawn(self._guarded(self._store(report)), self._finished)
                return
            self._confirm(subject, found, plan)

        self.services.bridge.spawn(self._guarded(work()), planned)

    def _begin(self, text: str) -> _Subject | None:
        if self._subject is None or self._running:
            return None
        self._running = True
        self._update_buttons()
        self._say(text)
        return self._subject

    async def _guarded(self, work: Any) -> Any:
        """Failures become a message, never an unreported error."""
        try:
            return await work
        except Exception as error:  # the relay or the disk: said in plain words below
            return error

    async def _store(self, report: Report) -> Report:
        try:
            await asyncio.to_thread(DoctorResults().save, report.profile, report.record())
        except OSError as error:
            self._store_problem = error.strerror or type(error).__name__
        return report

    def _finished(self, outcome: Report | Exception) -> None:
        if not Shiboken.isValid(self):
            return
        self._running = False
        self._update_buttons()
        if isinstance(outcome, Exception):
            self._note = ""
            text = i18n.message(outcome) if isinstance(outcome, StudioError) else str(outcome)
            self._say(tr("The check could not run: {reason}").format(reason=text), error=True)
            return
        note, self._note = self._note, ""
        problem, self._store_problem = self._store_problem, ""
        if problem:
            note = tr("The findings could not be stored ({reason}).").format(reason=problem)
        self._say(note, error=bool(problem))
        if self._subject is not None and self._subject.name == outcome.profile:
            self._show(outcome)

    # -- the paid checks' confirmation -----------------------------------------------------

    def _confirm(self, subject: _Subject, found: FreeFindings, plan: PaidPlan) -> None:
        if not Shiboken.isValid(self):
            return
        estimate = plan.estimate()
        lines = [
            tr("{check}: {model} via {protocol}, {count} image(s)").format(
                check=check_label(step.name),
                model=step.spec.id,
                protocol=step.protocol,
                count=step.images,
            )
            for step in plan.steps
        ]
        total = tr(
            "Estimated cost: about {amount} {currency} at the catalog's list prices."
        ).format(amount=f"{estimate.amount:.3f}", currency=estimate.currency)
        if estimate.unpriced:
            total += " " + tr("{count} request(s) have no list price.").format(
                count=estimate.unpriced
            )
        box = QMessageBox(
            QMessageBox.Icon.Question,
            tr("Run paid checks"),
            tr("Send {count} paid requests to “{name}”? They are billed like any job.").format(
                count=len(plan.steps), name=subject.name
            ),
            QMessageBox.StandardButton.Cancel,
            self,
        )
        box.setObjectName("doctorPaidConfirm")
        box.setInformativeText("\n".join([*lines, "", total]))
        box.setStyleSheet(
            "QLabel#qt_msgbox_label, QLabel#qt_msgbox_informativelabel { min-width: 460px; }"
        )
        send = box.addButton(tr("Send and check"), QMessageBox.ButtonRole.AcceptRole)
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.confirmation = box

        def answered(button: Any) -> None:
            self.confirmation = None
            if button is send:
                self._run_paid(subject, found, plan)
            else:
                self._note = tr("Paid checks were not run.")
                report = Report(subject.name, list(found.checks))
                self.services.bridge.spawn(self._guarded(self._store(report)), self._finished)

        box.buttonClicked.connect(answered)
        box.rejected.connect(lambda: self.confirmation is box and answered(None))
        self._say(tr("Waiting for your answer…"))
        box.open()

    def _close_confirmation(self) -> None:
        box, self.confirmation = self.confirmation, None
        if box is not None and Shiboken.isValid(box):
            box.blockSignals(True)
            box.close()
            self._running = False

    def _run_paid(self, subject: _Subject, found: FreeFindings, plan: PaidPlan) -> None:
        self._say(tr("Running the paid checks: the jobs appear in the gallery…"))
        bridge = self.services.bridge

        async def run_job(request: GenerationRequest) -> Job:
            job = await bridge.manager.submit(request, subject.name)
            bridge.job_submitted.emit(job)
            return await bridge.manager.wait(job.id)

        async def work() -> Report:
            paid, spent = await run_paid(plan, run_job)
            return await self._store(Report(subject.name, [*found.checks, *paid], spent))

        bridge.spawn(self._guarded(work()), self._finished)

    # -- showing ---------------------------------------------------------------------------

    def _say(self, text: str, *, error: bool = False) -> None:
        set_role(self.message, "error" if error else "hint")
        self.message.setText(text)
        self.message.setVisible(bool(text))

    def _show(self, report: Report | None) -> None:
        self.findings.show_checks(report.checks if report is not None else [])
        if report is None:
            self.when_label.setText(tr("Not checked yet.") if self._subject else "")
            self.when_label.setVisible(self._subject is not None)
            self.spent_label.hide()
            return
        when = QDateTime.fromSecsSinceEpoch(int(report.checked_at))
        self.when_label.setText(
            tr("Last checked: {date}").format(
                date=QLocale().toString(when, QLocale.FormatType.ShortFormat)
            )
        )
        self.when_label.show()
        if report.spent is not None:
            self.spent_label.setText(
                tr("The paid checks cost about {amount} {currency} at list prices.").format(
                    amount=f"{report.spent.amount:.3f}", currency=report.spent.currency
                )
            )
        self.spent_label.setVisible(report.spent is not None)


class FindingsView(QScrollArea):
    """One row per finding: what was checked, the verdict, what was found (wrapped)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("doctorFindings")
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self._rows: list[tuple[QLabel, QLabel, QLabel]] = []
        self._build()

    def _build(self) -> None:
        inner = QWidget()
        self._grid = QGridLayout(inner)
        self._grid.setContentsMargins(0, 0, 0, 0)
        self._grid.setHorizontalSpacing(12)
        self._grid.setVerticalSpacing(4)
        self._grid.setColumnStretch(2, 1)
        self.setWidget(inner)

    def show_checks(self, checks: list[Check]) -> None:
        self._rows = []
        self._build()  # the old rows go with the old widget
        for row, found in enumerate(checks):
            name = QLabel(check_label(found.name))
            result = QLabel(verdict(found.ok))
            set_role(result, "error" if found.ok is False else "hint" if found.ok is None else "")
            text = message_label("finding")
            text.setText(i18n.message(found.notice))
            text.show()
            for column, label in enumerate((name, result, text)):
                label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
                self._grid.addWidget(label, row, column)
            self._rows.append((name, result, text))
        self._grid.setRowStretch(len(checks), 1)

    def rows(self) -> list[tuple[str, str, str]]:
        """(check, verdict, finding) as shown."""
        return [(a.text(), b.text(), c.text()) for a, b, c in self._rows]
