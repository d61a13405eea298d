"""'Test connection': one GET /v1/models through a profile, the answer shown inline.

The check runs on the asyncio loop (``services.bridge.spawn``); the button is busy meanwhile and
cannot start a second check. A result that arrives after the form moved on is dropped.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import replace

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget
from shiboken6 import Shiboken

from studio.domain.errors import ErrorKind, StudioError
from studio.domain.i18n import ERRORS
from studio.domain.profile import Profile
from studio.settings.check import (
    MSG_TEST_UNREACHABLE,
    RelayCheck,
    check_relay,
    known_to_catalog,
    unreachable_reason,
)
from studio.ui import i18n
from studio.ui.icons import icon
from studio.ui.services import Services
from studio.ui.settings.widgets import message_label, set_role


def tr(text: str) -> str:
    return QCoreApplication.translate("ConnectionTest", text)


KeySource = Callable[[], Awaitable[str | None]]


class ConnectionTest(QWidget):
    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self._generation = 0
        self._running = False
        self.button = QPushButton(icon("refresh"), tr("Test connection"), objectName="testButton")
        self.button.setToolTip(
            tr("Ask the relay for its model list: is it reachable, does it accept the key?")
        )
        self.reachable_label = message_label("reachableLabel")
        self.key_label = message_label("keyAcceptedLabel")
        self.models_label = message_label("modelsLabel")
        self.relay_said = message_label("relaySaidLabel", "hint")

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        row = QHBoxLayout()
        row.addWidget(self.button)
        row.addStretch(1)
        layout.addLayout(row)
        for label in self.result_labels():
            layout.addWidget(label)

    def result_labels(self) -> list[QLabel]:
        return [self.reachable_label, self.key_label, self.models_label, self.relay_said]

    @property
    def running(self) -> bool:
        return self._running

    def reset(self) -> None:
        """Forget the shown result and any check still under way."""
        self._generation += 1
        self._set_busy(False)
        for label in self.result_labels():
            label.clear()
            label.hide()

    def start(self, profile: Profile, key: KeySource) -> None:
        """Check ``profile`` with the key ``key()`` finds; ignored while a check runs."""
        if self._running:
            return
        self.reset()
        self._set_busy(True)
        generation = self._generation

        async def work() -> tuple[RelayCheck, bool]:
            found = await key()
            return await check_relay(replace(profile, api_key=found or "")), bool(found)

        def done(outcome: tuple[RelayCheck, bool]) -> None:
            if Shiboken.isValid(self) and generation == self._generation:
                self._set_busy(False)
                self._show(*outcome)

        self.services.bridge.spawn(work(), done)

    def _set_busy(self, busy: bool) -> None:
        self._running = busy
        self.button.setEnabled(not busy)
        self.button.setText(tr("Testing…") if busy else tr("Test connection"))

    # -- the answer ------------------------------------------------------------------------

    def _show(self, check: RelayCheck, has_key: bool) -> None:
        problem = check.problem
        if check.reachable:
            self.reachable_label.setText(tr("Reachable: yes"))
        else:
            self.reachable_label.setText(
                tr("Reachable: no — {reason}").format(reason=_unreachable(problem))
            )
        set_role(self.reachable_label, "" if check.reachable else "error")

        if not check.reachable:
            key_text, key_good = tr("Key accepted: not checked"), True
        elif not has_key:
            key_text, key_good = tr("Key accepted: no — this profile has no key yet."), False
        elif check.key_accepted is None:
            key_text = tr("Key accepted: unknown — {reason}").format(reason=_plain(problem))
            key_good = False
        elif check.key_accepted:
            key_text, key_good = tr("Key accepted: yes"), True
        else:
            key_text = tr("Key accepted: no — {reason}").format(reason=_plain(problem))
            key_good = False
        self.key_label.setText(key_text)
        set_role(self.key_label, "" if key_good else "error")

        if check.model_ids is None:
            self.models_label.setText(tr("Models: unknown"))
        else:
            known = known_to_catalog(self.services.catalog, check.model_ids)
            self.models_label.setText(
                tr("Models: {offered} offered ({known} known to the catalog)").format(
                    offered=len(check.model_ids), known=known
                )
            )
        set_role(self.models_label, "" if check.model_ids else "error")

        said = problem.relay_message if problem is not None else None
        if said and check.reachable:
            self.relay_said.setText(tr("The relay said: {message}").format(message=said))
        for label in self.result_labels():
            label.setVisible(bool(label.text()))


def _plain(problem: StudioError | None) -> str:
    return i18n.message(problem) if problem is not None else ""


def _unreachable(problem: StudioError | None) -> str:
    if problem is None:
        return ""
    if problem.kind is ErrorKind.NETWORK:
        template = QCoreApplication.translate(ERRORS, MSG_TEST_UNREACHABLE)
        return template.format(reason=unreachable_reason(problem))
    return i18n.message(problem)
