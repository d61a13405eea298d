"""The budget guard in the window: a request that would pass a relay's daily or monthly budget
asks before it is sent, and the status bar shows what the current relay cost today."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtWidgets import QLabel, QMessageBox, QWidget
from shiboken6 import Shiboken

from studio.domain.request import GenerationRequest
from studio.ui.bridge import EngineBridge

if TYPE_CHECKING:  # the ledger loads with the first check, not at start-up
    from studio.engine.budget import BudgetExcess
    from studio.engine.ledger import Money


def tr(text: str) -> str:
    return QCoreApplication.translate("BudgetGuard", text)


def excess_text(excess: BudgetExcess) -> str:
    values = {
        "profile": excess.profile,
        "spent": f"{excess.spent:.2f}",
        "budget": f"{excess.budget:.2f}",
        "currency": excess.currency,
        "estimate": f"{excess.estimate:.2f}",
    }
    if excess.period == "daily":
        text = tr(
            "This request would pass the daily budget of {profile}: {spent} of {budget} "
            "{currency} spent today, this request about {estimate}."
        )
    else:
        text = tr(
            "This request would pass the monthly budget of {profile}: {spent} of {budget} "
            "{currency} spent this month, this request about {estimate}."
        )
    return text.format(**values)


def spend_text(profile: str, money: Money | None) -> str:
    if money is None or not profile:
        return ""
    if money.amount is None:
        return tr("Today on {profile}: cost unknown").format(profile=profile)
    return tr("Today on {profile}: {amount} {currency}").format(
        profile=profile, amount=f"{money.amount:.2f}", currency=money.currency or ""
    )


class BudgetGuard(QObject):
    """``send`` submits at once, or first asks when a budget would be passed."""

    def __init__(self, bridge: EngineBridge, window: QWidget) -> None:
        super().__init__(window)
        self.bridge = bridge
        self.window = window
        self.question: QMessageBox | None = None
        self.spend_label = QLabel()
        self.spend_label.setObjectName("spendTodayStatus")
        self.spend_label.setProperty("role", "hint")
        self.spend_label.setToolTip(
            tr("What the current relay cost today, from the history (its price multiplier "
               "applied). Settings → Relays sets its budgets.")
        )  # fmt: skip
        self.spend_label.hide()

    def send(self, request: GenerationRequest, profile: str, submit: Callable[[], None]) -> None:
        def checked(excess: BudgetExcess | None) -> None:
            if not Shiboken.isValid(self.window):  # closed meanwhile: nothing is sent
                return
            if excess is None:
                submit()
            else:
                self._ask(excess, submit)

        self.bridge.spawn(self.bridge.over_budget(request, profile), checked)

    def _ask(self, excess: BudgetExcess, submit: Callable[[], None]) -> None:
        question = QMessageBox(self.window)
        question.setObjectName("budgetQuestion")
        question.setIcon(QMessageBox.Icon.Question)
        question.setWindowTitle(tr("Over budget"))
        question.setText(excess_text(excess))
        question.setInformativeText(tr("Send it anyway? The budget is set in Settings → Relays."))
        send = question.addButton(tr("Send anyway"), QMessageBox.ButtonRole.AcceptRole)
        send.setObjectName("sendAnyway")
        cancel = question.addButton(QMessageBox.StandardButton.Cancel)
        question.setDefaultButton(cancel)
        question.buttonClicked.connect(lambda button: submit() if button is send else None)
        question.finished.connect(question.deleteLater)
        self.question = question
        question.open()  # never exec(): the loop keeps running

    def refresh(self) -> None:
        """Show what the current relay cost today."""
        profile = self.bridge.default_profile

        def shown(money: Money | None) -> None:
            if not Shiboken.isValid(self.spend_label):  # the window went meanwhile
                return
            text = spend_text(profile, money)
            self.spend_label.setText(text)
            self.spend_label.setVisible(bool(text))

        if profile:
            self.bridge.spawn(self.bridge.spend_today(profile), shown)
        else:
            shown(None)
