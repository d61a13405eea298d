"""The Batch dialog: many prompts at once, to one or more targets, grouped as one run.

Prompts are typed one a line (a ``{name}`` makes a line a template: every combination of the
variables' values is sent) or read from a file (text, ``.csv``, ``.jsonl``: see
:mod:`studio.engine.batch`). The composer's settings apply to each line unless the line sets its
own. The preview lists every request (line × target) with its cost and what its target leaves
out, before anything is sent; a bad line is named by its number and nothing can be sent. Reading,
expanding and planning happen off the GUI thread (the bridge); sending is a
:class:`~studio.engine.runs.RunSender` run, its progress followed from the jobs' own events.
"""

from __future__ import annotations

import asyncio
import re
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, QTimer
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QSpinBox,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from studio.domain.job import Job, JobState
from studio.domain.request import GenerationRequest
from studio.engine.batch import BatchFileError, BatchLine, LineProblem
from studio.engine.batch_plan import BatchPlan
from studio.engine.composition import Composition
from studio.engine.composition.model import Target
from studio.engine.runs import RunSender
from studio.ui.batch.preview import STATUS, PreviewModel, PreviewView
from studio.ui.batch.targets import TargetsEditor
from studio.ui.batch.texts import money_text, problems_text
from studio.ui.batch.variables import VariablesEditor
from studio.ui.icons import icon
from studio.ui.services import Services
from studio.ui.widgets.labels import role_label, section_label, set_role

PLAN_DELAY_MS = 250  # typing pauses this long before the preview is planned again
PROGRESS_DELAY_MS = 100  # progress is redrawn at most this often
MAX_CONCURRENCY = 64
TITLE_CHARS = 60
FILE_FILTER = "*.txt *.csv *.jsonl"
_VARIABLE = re.compile(r"(?<!\{)\{(\w+)\}(?!\})")
_FAILED = (JobState.FAILED, JobState.INTERRUPTED)


def tr(text: str) -> str:
    return QCoreApplication.translate("BatchDialog", text)


def variable_names(texts: Sequence[str]) -> list[str]:
    """The ``{names}`` the prompts use, in order of first use."""
    names: list[str] = []
    for text in texts:
        for name in _VARIABLE.findall(text):
            if name not in names:
                names.append(name)
    return names


def settings_summary(request: GenerationRequest) -> str:
    """The composer's settings a line takes, in a few words."""
    parts = [value for value in (request.ratio, request.size, request.resolution) if value]
    if request.quality:
        parts.append(tr("quality {value}").format(value=request.quality))
    if request.n > 1:
        parts.append(tr("{count} images each").format(count=request.n))
    if request.references:
        parts.append(tr("{count} reference image(s)").format(count=len(request.references)))
    if request.mask is not None:
        parts.append(tr("a mask"))
    return " · ".join(parts) or tr("the model's defaults")


class BatchDialog(QDialog):
    def __init__(
        self, services: Services, composition: Composition, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.services = services
        self.bridge = services.bridge
        self.composition = composition
        self.setObjectName("batchDialog")
        self.setWindowTitle(tr("Batch"))
        self.resize(1240, 760)
        self.plan: BatchPlan | None = None
        self.problems: list[LineProblem] = []
        self.file: Path | None = None
        self.file_lines: list[BatchLine] | None = None
        self.file_error: str | None = None  # the file could not be read at all
        self.sender: RunSender | None = None
        self.running = False
        self.states: dict[int, JobState] = {}  # the run's jobs by index, the newest state
        self.total = 0
        self._generation = 0
        self._planning = False
        self._concurrency_touched = False
        self._suggesting = False  # the concurrency is being set from the relays, not by hand
        self._file_problems: list[LineProblem] = []  # the file's bad lines
        self._plan_timer = QTimer(self, singleShot=True, interval=PLAN_DELAY_MS)
        self._plan_timer.timeout.connect(self.replan)
        self._progress_timer = QTimer(self, singleShot=True, interval=PROGRESS_DELAY_MS)
        self._progress_timer.timeout.connect(self._show_progress)
        self._build()
        self._wire()
        self._start_targets()
        prompt = " ".join(composition.prompt.split())
        if prompt:
            self.prompts.setPlainText(prompt)
        self._show_settings()
        self.replan()

    # -- building --------------------------------------------------------------------------

    def _build(self) -> None:
        left = QWidget()
        left.setObjectName("batchInputs")
        left.setMaximumWidth(480)
        column = QVBoxLayout(left)
        column.setContentsMargins(0, 0, 8, 0)
        column.setSpacing(8)
        header = QHBoxLayout()
        header.addWidget(section_label(tr("Prompts")))
        header.addStretch(1)
        self.open_button = QPushButton(icon("folder"), tr("Open file…"))
        self.open_button.setObjectName("batchOpenFile")
        self.open_button.setFlat(True)
        self.open_button.setToolTip(
            tr("A text file (a prompt a line), or .csv / .jsonl with a prompt column and any of "
               "model, ratio, resolution, size, n, quality, seed, refs, mask, profile, protocol")
        )  # fmt: skip
        header.addWidget(self.open_button)
        column.addLayout(header)

        self.source = QStackedWidget()
        self.prompts = QPlainTextEdit()
        self.prompts.setObjectName("batchPrompts")
        self.prompts.setPlaceholderText(
            tr("One prompt a line, e.g.\na {animal} in {style}\n# a line with # first is skipped")
        )
        self.source.addWidget(self.prompts)
        card = QFrame()
        card.setObjectName("batchFileCard")
        card.setFrameShape(QFrame.Shape.StyledPanel)
        self.file_label = QLabel()
        self.file_label.setObjectName("batchFileName")
        self.file_label.setWordWrap(True)
        self.type_button = QPushButton(tr("Type prompts instead"))
        self.type_button.setObjectName("batchTypeInstead")
        card_column = QVBoxLayout(card)
        card_column.addWidget(self.file_label)
        card_column.addWidget(self.type_button, 0, Qt.AlignmentFlag.AlignLeft)
        card_column.addStretch(1)
        self.source.addWidget(card)
        self.source.setMinimumHeight(140)
        column.addWidget(self.source, 1)
        hint = role_label(
            "hint",
            tr("A {name} in a prompt is a variable: every combination of its values is sent."),
        )
        hint.setWordWrap(True)
        column.addWidget(hint)

        column.addWidget(section_label(tr("Variables")))
        self.variables = VariablesEditor()
        column.addWidget(self.variables)

        column.addWidget(section_label(tr("Targets")))
        relays = self.services.profile_names()
        self.targets = TargetsEditor(self.services.catalog.ids(), relays)
        column.addWidget(self.targets)
        self.settings_label = role_label("hint")
        self.settings_label.setObjectName("batchSettings")
        self.settings_label.setWordWrap(True)
        column.addWidget(self.settings_label)
        limit = QHBoxLayout()
        limit.addWidget(QLabel(tr("At most")))
        self.concurrency = QSpinBox()
        self.concurrency.setObjectName("batchConcurrency")
        self.concurrency.setRange(1, MAX_CONCURRENCY)
        self.concurrency.setValue(4)
        self.concurrency.setToolTip(
            tr("How many of this batch are sent at once (each relay's own limit applies too)")
        )
        limit.addWidget(self.concurrency)
        limit.addWidget(QLabel(tr("requests at once")))
        limit.addStretch(1)
        column.addLayout(limit)

        right = QWidget()
        right.setObjectName("batchPreviewSide")
        side = QVBoxLayout(right)
        side.setContentsMargins(8, 0, 0, 0)
        side.setSpacing(8)
        top = QHBoxLayout()
        top.addWidget(section_label(tr("Preview")))
        top.addStretch(1)
        self.count_label = QLabel()
        self.count_label.setObjectName("batchCount")
        top.addWidget(self.count_label)
        side.addLayout(top)
        self.problems_label = role_label("error")
        self.problems_label.setObjectName("batchProblems")
        self.problems_label.setWordWrap(True)
        self.problems_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.problems_label.hide()
        side.addWidget(self.problems_label)
        self.model = PreviewModel(self)
        self.preview = PreviewView(self.model)
        side.addWidget(self.preview, 1)

        self.progress_box = QFrame()
        self.progress_box.setObjectName("batchProgress")
        self.progress_bar = QProgressBar()
        self.progress_bar.setObjectName("batchProgressBar")
        self.progress_bar.setTextVisible(False)
        self.progress_label = QLabel()
        self.progress_label.setObjectName("batchProgressText")
        self.progress_hint = role_label(
            "hint", tr("Each result is in the gallery as it arrives; the batch is one run there.")
        )
        self.progress_hint.setWordWrap(True)
        self.cancel_button = QPushButton(icon("cancel"), tr("Cancel all"))
        self.cancel_button.setObjectName("batchCancelAll")
        self.retry_button = QPushButton(icon("retry"), tr("Retry failed"))
        self.retry_button.setObjectName("batchRetryFailed")
        self.retry_button.setToolTip(
            tr("Send again each request of this batch that failed or was cancelled")
        )
        progress_row = QHBoxLayout()
        progress_row.addWidget(self.progress_label, 1)
        progress_row.addWidget(self.cancel_button)
        progress_row.addWidget(self.retry_button)
        progress_column = QVBoxLayout(self.progress_box)
        progress_column.setContentsMargins(0, 0, 0, 0)
        progress_column.addWidget(self.progress_bar)
        progress_column.addLayout(progress_row)
        progress_column.addWidget(self.progress_hint)
        self.progress_box.hide()
        side.addWidget(self.progress_box)

        body = QHBoxLayout()
        body.addWidget(left, 35)
        body.addWidget(right, 65)
        self.close_button = QPushButton(tr("Close"))
        self.close_button.setObjectName("batchClose")
        self.send_button = QPushButton(icon("generate"), tr("Send"))
        self.send_button.setObjectName("primary")
        self.send_button.setDefault(True)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.close_button)
        buttons.addWidget(self.send_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 16, 16, 16)
        layout.setSpacing(12)
        layout.addLayout(body, 1)
        layout.addLayout(buttons)

    def _wire(self) -> None:
        self.prompts.textChanged.connect(self._prompts_edited)
        self.variables.changed.connect(self.schedule)
        self.targets.changed.connect(self._targets_changed)
        self.open_button.clicked.connect(self.choose_file)
        self.type_button.clicked.connect(self.type_instead)
        self.concurrency.valueChanged.connect(self._concurrency_set)
        self.send_button.clicked.connect(self.send)
        self.close_button.clicked.connect(self.close)
        self.cancel_button.clicked.connect(self.cancel_all)
        self.retry_button.clicked.connect(self.retry_failed)
        self.composition.changed.connect(self._composition_changed)
        self.bridge.job_submitted.connect(self._on_job)
        self.bridge.job_changed.connect(self._on_job)

    def _start_targets(self) -> None:
        """The compare's targets when the composer has some, else its model on the current
        relay."""
        composition = self.composition
        current = self.bridge.default_profile or None
        targets = [
            t if t.profile else Target(t.model, t.protocol, current) for t in composition.targets
        ] or [Target(composition.model, composition.protocol, current)]
        self.targets.set_targets(targets)
        if current:
            self.targets.relay_box.setCurrentText(current)
        self.targets.model_box.setCurrentText(composition.model)

    # -- following the inputs --------------------------------------------------------------

    def schedule(self) -> None:
        """Plan again once the typing pauses."""
        self._planning = True
        self._update_buttons()
        self._plan_timer.start()

    def _prompts_edited(self) -> None:
        if self.file_lines is None and self.file is None:
            text = self.prompts.toPlainText()
            self.variables.ensure(variable_names(text.splitlines()))
        self.schedule()

    def _targets_changed(self) -> None:
        if not self._concurrency_touched:
            self._suggest_concurrency()
        self.schedule()

    def _composition_changed(self, _names: frozenset[str]) -> None:
        self._show_settings()
        self.schedule()

    def _show_settings(self) -> None:
        self.settings_label.setText(
            tr("Each line takes the composer's settings unless it sets its own: {settings}.")
            .format(settings=settings_summary(self.composition.to_request()))
        )  # fmt: skip

    def _concurrency_set(self, _value: int) -> None:
        if not self._suggesting:
            self._concurrency_touched = True

    def _suggest_concurrency(self) -> None:
        """The relays' own concurrency, together (Settings → Relays sets each)."""
        current = self.bridge.default_profile
        names = [target.profile or current for target in self.targets.targets()]

        def suggested(count: int) -> None:
            if self._concurrency_touched:
                return
            self._suggesting = True
            self.concurrency.setValue(min(MAX_CONCURRENCY, count))
            self._suggesting = False

        if names:
            self.bridge.spawn(self.bridge.relays_concurrency(names), suggested)

    # -- a file ----------------------------------------------------------------------------

    def choose_file(self) -> None:
        dialog = QFileDialog(self, tr("Open a batch file"))
        dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
        dialog.setNameFilters(
            [tr("Batch files ({patterns})").format(patterns=FILE_FILTER), tr("All files (*)")]
        )
        dialog.fileSelected.connect(lambda path: self.open_file(Path(path)))
        dialog.open()  # never exec(): the loop keeps running

    def open_file(self, path: Path) -> None:
        """Read ``path`` (off the GUI thread) and plan its lines."""
        self.file, self.file_lines, self.file_error = path, None, None
        self.problems = []
        self.file_label.setText(tr("Reading {name}…").format(name=path.name))
        self.source.setCurrentIndex(1)
        self.schedule()
        self._plan_timer.stop()  # planned once the file is read
        self.bridge.spawn(self._read(path))

    async def _read(self, path: Path) -> None:
        lines: list[BatchLine] | None = None
        problems: list[LineProblem] = []
        error: str | None = None
        try:
            lines = await self.bridge.read_batch_file(path)
        except BatchFileError as refused:
            problems = refused.problems
        except (OSError, UnicodeDecodeError) as failure:
            reason = getattr(failure, "strerror", None) or tr("it is not UTF-8 text")
            error = tr("{name} could not be read: {reason}").format(name=path.name, reason=reason)
        if self.file != path:
            return  # another file (or typing) since
        self.file_lines, self.file_error = lines, error
        if lines is not None:
            names = await asyncio.to_thread(variable_names, [line.prompt for line in lines])
            self.variables.ensure(names)
            self.file_label.setText(
                tr("{name}: {count} lines").format(name=path.name, count=len(lines))
            )
        else:
            self.file_label.setText(path.name)
        self._file_problems = problems
        self.replan()

    def type_instead(self) -> None:
        self.file, self.file_lines, self.file_error = None, None, None
        self._file_problems = []
        self.source.setCurrentIndex(0)
        self.prompts.setFocus()
        self.replan()

    # -- planning --------------------------------------------------------------------------

    @property
    def planning(self) -> bool:
        """A plan is due or on its way (the preview is not yet what the inputs say)."""
        return self._planning or self._plan_timer.isActive()

    def replan(self) -> None:
        """Plan the batch now (off the GUI thread); the preview follows."""
        self._plan_timer.stop()
        self._generation += 1
        generation = self._generation
        if self.file is not None and self.file_lines is None:
            self._planned(generation, None, list(self._file_problems))
            return
        source: str | list[BatchLine] = (
            self.file_lines if self.file_lines is not None else self.prompts.toPlainText()
        )
        self._planning = True
        self._update_buttons()
        self.bridge.spawn(
            self._plan(
                generation,
                source,
                self.variables.variables(),
                self.composition.to_request(),
                self.targets.targets(),
                self.file.parent if self.file is not None else None,
            )
        )

    async def _plan(
        self,
        generation: int,
        source: str | list[BatchLine],
        variables: dict[str, list[str]],
        base: GenerationRequest,
        targets: list[Target],
        folder: Path | None,
    ) -> None:
        plan: BatchPlan | None = None
        problems: list[LineProblem] = []
        try:
            plan = await self.bridge.plan_batch(source, variables, base, targets, folder)
        except BatchFileError as refused:
            problems = refused.problems
        self._planned(generation, plan, problems)

    def _planned(
        self, generation: int, plan: BatchPlan | None, problems: list[LineProblem]
    ) -> None:
        if generation != self._generation:
            return  # an older question: a newer plan is on its way
        self._planning = False
        self.plan, self.problems = plan, problems
        if not self.running:
            self.model.set_plan(plan.planned if plan is not None else [])
        if self.file_error:
            self.problems_label.setText(self.file_error)
        else:
            self.problems_label.setText(problems_text(problems))
        self.problems_label.setVisible(bool(problems or self.file_error))
        self._show_count()
        self._update_buttons()

    def _show_count(self) -> None:
        plan = self.plan
        if self.problems or self.file_error:
            text, role = tr("Nothing can be sent until each line is right."), "error"
        elif plan is None or not plan.planned:
            text, role = tr("Nothing to send yet: write a prompt on each line."), "hint"
        else:
            text = tr("{count} requests · {cost}").format(
                count=plan.sendable, cost=money_text(plan.estimate)
            )
            if plan.refused:
                text += " · " + tr("{count} cannot be sent (see Notes)").format(
                    count=len(plan.refused)
                )
            role = ""
        self.count_label.setText(text)
        set_role(self.count_label, role)

    def _update_buttons(self) -> None:
        plan = self.plan
        ready = (
            plan is not None
            and plan.sendable > 0
            and not self.problems
            and not self.file_error
            and not self._planning
            and not self.running
        )
        self.send_button.setEnabled(ready)
        count = plan.sendable if plan is not None else 0
        self.send_button.setText(tr("Send {count}").format(count=count) if count else tr("Send"))
        failed = sum(1 for state in self.states.values() if state in (*_FAILED, JobState.CANCELLED))
        self.cancel_button.setEnabled(self.running)
        self.retry_button.setEnabled(not self.running and failed > 0 and self.sender is not None)

    # -- sending ---------------------------------------------------------------------------

    def send(self) -> None:
        """Send the batch as planned — after asking, when it would pass a relay's budget."""
        plan = self.plan
        if plan is None or not self.send_button.isEnabled():
            return
        self.send_button.setEnabled(False)

        def checked(excess: Any) -> None:
            if excess is None:
                self._start(plan)
            else:
                self._ask(excess, plan)

        self.bridge.spawn(self.bridge.run_over_budget(plan.planned), checked)

    def _ask(self, excess: Any, plan: BatchPlan) -> None:
        from studio.ui.budget_guard import excess_text

        question = QMessageBox(self)
        question.setObjectName("batchBudgetQuestion")
        question.setIcon(QMessageBox.Icon.Question)
        question.setWindowTitle(tr("Over budget"))
        question.setText(excess_text(excess))
        question.setInformativeText(tr("Send the batch anyway?"))
        send = question.addButton(tr("Send anyway"), QMessageBox.ButtonRole.AcceptRole)
        send.setObjectName("sendAnyway")
        question.addButton(QMessageBox.StandardButton.Cancel)
        question.buttonClicked.connect(
            lambda button: self._start(plan) if button is send else self._update_buttons()
        )
        question.finished.connect(question.deleteLater)
        question.open()

    def _title(self) -> str:
        if self.file is not None:
            return self.file.name
        for line in self.prompts.toPlainText().splitlines():
            line = " ".join(line.split())
            if line and not line.startswith("#"):
                return line if len(line) <= TITLE_CHARS else line[: TITLE_CHARS - 1] + "…"
        return tr("Batch")

    def _start(self, plan: BatchPlan) -> None:
        self.states = {}
        self.total = plan.sendable
        self.model.set_plan(plan.planned)
        self.running = True
        spec: dict[str, object] = {
            "source": "file" if self.file is not None else "typed",
            "lines": len(plan.lines),
            "variables": self.variables.variables(),
            "targets": [target.label for target in self.targets.targets()],
            "concurrency": self.concurrency.value(),
        }
        if self.file is not None:
            spec["file"] = self.file.name
        self.sender = self.bridge.send_batch(
            self._title(),
            plan.planned,
            spec=spec,
            concurrency=self.concurrency.value(),
            done=self._finished,
        )
        self.progress_box.show()
        self.preview.setColumnHidden(STATUS, False)
        self._show_progress()
        self._update_buttons()

    def _on_job(self, job: Job) -> None:
        sender = self.sender
        if sender is None or job.run_id != sender.run.id or job.run_index is None:
            return
        self.states[job.run_index] = job.state
        self.model.set_state(job.run_index, job.state)
        if not self._progress_timer.isActive():
            self._progress_timer.start()

    def _finished(self, _jobs: list[Job]) -> None:
        self.running = False
        self._show_progress()
        self._update_buttons()

    def counts(self) -> dict[str, int]:
        """How the run's jobs stand: finished, succeeded, failed, cancelled, not yet sent."""
        states = list(self.states.values())
        return {
            "finished": sum(1 for state in states if state.is_terminal),
            "succeeded": states.count(JobState.SUCCEEDED),
            "failed": sum(1 for state in states if state in _FAILED),
            "cancelled": states.count(JobState.CANCELLED),
            "unsent": max(0, self.total - len(states)),
        }

    def _show_progress(self) -> None:
        counts = self.counts()
        self.progress_bar.setRange(0, max(1, self.total))
        self.progress_bar.setValue(counts["finished"])
        values = {**counts, "total": self.total}
        if self.running:
            text = tr("Sending: {finished} of {total} finished · {failed} failed").format(**values)
        elif counts["cancelled"] or counts["unsent"]:
            text = tr(
                "Stopped: {succeeded} of {total} delivered · {failed} failed · "
                "{cancelled} cancelled · {unsent} not sent"
            ).format(**values)
        else:
            text = tr("Finished: {succeeded} of {total} delivered · {failed} failed").format(
                **values
            )
        self.progress_label.setText(text)
        self._update_buttons()

    def cancel_all(self) -> None:
        """Nothing more of this batch is sent; what is on its way is cancelled."""
        if self.sender is not None and self.running:
            self.cancel_button.setEnabled(False)
            self.bridge.spawn(self.sender.cancel_all())

    def retry_failed(self) -> None:
        """Each request that failed or was cancelled, sent again in the same run."""
        sender = self.sender
        if sender is None or self.running:
            return
        self.running = True
        self._show_progress()

        async def again() -> None:
            try:
                await sender.retry_failed()
            finally:
                self._finished([])

        self.bridge.spawn(again())

    # -- closing ---------------------------------------------------------------------------

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt's name
        """Closing only hides: a batch being sent goes on (the jobs panel shows it)."""
        self._plan_timer.stop()
        event.accept()
