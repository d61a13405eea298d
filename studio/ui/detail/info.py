"""Everything the history knows about the shown image, below the picture."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from studio.domain.notice import Notice
from studio.store.history import ImageRecord, JobRecord
from studio.ui import i18n
from studio.ui.detail import facts
from studio.ui.detail.midjourney import MidjourneyButtons
from studio.ui.services import Services

MASK_IGNORED = "mask_ignored"
NOTES = frozenset({"composite"})  # notices that inform rather than warn
PER_IMAGE = frozenset({MASK_IGNORED, "ratio_mismatch", "size_mismatch", "composite"})


def tr(text: str) -> str:
    return QCoreApplication.translate("DetailInfo", text)


def _text_label(name: str, selectable: bool = True) -> QLabel:
    label = QLabel()
    label.setObjectName(name)
    label.setTextFormat(Qt.TextFormat.PlainText)  # relay words are never rendered as HTML
    label.setWordWrap(True)
    label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
    if selectable:
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


def _section(text: str) -> QLabel:
    label = QLabel(text)
    label.setProperty("role", "section")
    return label


def notices_for(image: ImageRecord, record: JobRecord) -> list[Notice]:
    """The image's own result checks, then the job's other notes, each once."""
    shown: list[Notice] = []
    for notice in (*image.result.warnings, *record.job.warnings):
        if notice in shown:
            continue
        if notice.code in PER_IMAGE and notice not in image.result.warnings:
            continue  # about another result of the same job
        shown.append(notice)
    return shown


class DetailInfo(QWidget):
    """Prompt, warnings (with the mask repair), settings, usage and cost of one image."""

    keep_outside_requested = Signal()

    def __init__(self, services: Services) -> None:
        super().__init__()
        self.services = services
        self.setObjectName("detailInfo")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 8, 12, 12)
        layout.setSpacing(8)

        self.warnings_box = QWidget()
        self.warnings_box.setObjectName("warningsBox")
        self.warnings_layout = QVBoxLayout(self.warnings_box)
        self.warnings_layout.setContentsMargins(0, 0, 0, 0)
        self.warnings_layout.setSpacing(8)
        layout.addWidget(self.warnings_box)
        self.midjourney = MidjourneyButtons()  # the relay's follow-ups, when it gave some
        layout.addWidget(self.midjourney)

        layout.addWidget(_section(tr("PROMPT")))
        self.prompt = _text_label("promptLabel")
        layout.addWidget(self.prompt)
        self.negative_title = _section(tr("NEGATIVE PROMPT"))
        self.negative = _text_label("negativePromptLabel")
        layout.addWidget(self.negative_title)
        layout.addWidget(self.negative)
        self.revised_title = _section(tr("REVISED BY THE RELAY"))
        self.revised = _text_label("revisedPromptLabel")
        self.revised.setProperty("role", "hint")
        layout.addWidget(self.revised_title)
        layout.addWidget(self.revised)
        self.answer_title = _section(tr("THE MODEL ALSO SAID"))
        self.answer = _text_label("answerLabel")
        layout.addWidget(self.answer_title)
        layout.addWidget(self.answer)

        layout.addWidget(_section(tr("DETAILS")))
        self.form = QFormLayout()
        self.form.setContentsMargins(0, 0, 0, 0)
        self.form.setHorizontalSpacing(12)
        self.form.setVerticalSpacing(4)
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.DontWrapRows)
        self.fields: dict[str, QLabel] = {}
        for key, title in (
            ("model", tr("Model")),
            ("protocol", tr("Protocol")),
            ("settings", tr("Settings")),
            ("inputs", tr("Inputs")),
            ("profile", tr("Profile")),
            ("created", tr("Created")),
            ("image", tr("Image")),
            ("usage", tr("Usage")),
            ("cost", tr("Cost")),
        ):
            field = _text_label(f"{key}Field")
            heading = QLabel(title)
            heading.setProperty("role", "hint")
            self.form.addRow(heading, field)
            self.fields[key] = field
        layout.addLayout(self.form)
        layout.addStretch(1)
        self.fix_button: QPushButton | None = None
        self.fix_status: QLabel | None = None

    # -- filling in ------------------------------------------------------------------------

    def show_record(self, image: ImageRecord, record: JobRecord) -> None:
        job = record.job
        request = job.request
        self._show_notices(notices_for(image, record))
        self.midjourney.show_record(image, record)
        self.prompt.setText(request.prompt or tr("(no prompt)"))
        self._set_optional(self.negative_title, self.negative, request.negative_prompt)
        revised = image.result.revised_prompt
        if revised and revised.strip() == request.prompt.strip():
            revised = None  # the relay kept the prompt as it was
        self._set_optional(self.revised_title, self.revised, revised)
        self._set_optional(self.answer_title, self.answer, job.text)
        spec = self.services.catalog.get(request.model) if request.model else None
        images = [i for i in record.images if i.kind == "result"]
        values = {
            "model": facts.model_text(request.model, spec),
            "protocol": job.protocol.value if job.protocol else "",
            "settings": facts.settings_text(request),
            "inputs": facts.inputs_text(request),
            "profile": job.profile_name,
            "created": facts.date_text(image.created_at),
            "image": facts.image_text(image.result),
            "usage": facts.usage_text(job.usage),
            "cost": facts.cost_text(spec, len(images) or request.n),
        }
        for key, value in values.items():
            self.fields[key].setText(value)
            self.form.setRowVisible(self.fields[key], bool(value))
        if job.usage is not None and job.usage.raw:
            lines = [f"{key}: {value}" for key, value in job.usage.raw.items()]
            self.fields["usage"].setToolTip("\n".join(lines))
        else:
            self.fields["usage"].setToolTip("")

    @staticmethod
    def _set_optional(title: QLabel, label: QLabel, text: str | None) -> None:
        label.setText(text or "")
        title.setVisible(bool(text))
        label.setVisible(bool(text))

    def _show_notices(self, notices: list[Notice]) -> None:
        while (item := self.warnings_layout.takeAt(0)) is not None:
            if (widget := item.widget()) is not None:
                widget.deleteLater()
        self.fix_button = None
        self.fix_status = None
        self.warnings_box.setVisible(bool(notices))
        for number, notice in enumerate(notices):
            self.warnings_layout.addWidget(self._notice_row(notice, number))

    def _notice_row(self, notice: Notice, number: int) -> QWidget:
        row = QWidget()
        row.setObjectName(f"notice_{notice.code}")
        layout = QHBoxLayout(row)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(8)
        is_note = notice.code in NOTES
        icon = QLabel()
        standard = (
            QStyle.StandardPixmap.SP_MessageBoxInformation
            if is_note
            else QStyle.StandardPixmap.SP_MessageBoxWarning
        )
        icon.setPixmap(self.style().standardIcon(standard).pixmap(16, 16))
        icon.setAlignment(Qt.AlignmentFlag.AlignTop)
        layout.addWidget(icon)
        column = QVBoxLayout()
        column.setSpacing(4)
        text = _text_label(f"noticeText{number}")
        text.setText(i18n.message(notice))
        column.addWidget(text)
        if notice.code == MASK_IGNORED:
            buttons = QHBoxLayout()
            self.fix_button = QPushButton(tr("Keep original outside the mask"))
            self.fix_button.setObjectName("keepOutsideButton")
            self.fix_button.setToolTip(
                tr(
                    "Makes a new image: the relay's result inside the mask, your original "
                    "everywhere else (with a soft edge). This image stays as it is."
                )
            )
            self.fix_button.clicked.connect(self.keep_outside_requested)
            buttons.addWidget(self.fix_button)
            buttons.addStretch(1)
            column.addLayout(buttons)
            self.fix_status = _text_label("keepOutsideStatus", selectable=False)
            self.fix_status.setProperty("role", "hint")
            self.fix_status.hide()
            column.addWidget(self.fix_status)
        layout.addLayout(column, 1)
        return row

    # -- the mask repair -------------------------------------------------------------------

    def set_fix_busy(self, busy: bool) -> None:
        if self.fix_button is None or self.fix_status is None:
            return
        self.fix_button.setEnabled(not busy)
        self.fix_status.setProperty("role", "hint")
        self.fix_status.setText(tr("Making the new image…") if busy else "")
        self.fix_status.setVisible(busy)

    def set_fix_error(self, text: str) -> None:
        if self.fix_button is None or self.fix_status is None:
            return
        self.fix_button.setEnabled(True)
        self.fix_status.setProperty("role", "error")
        self.fix_status.style().unpolish(self.fix_status)
        self.fix_status.style().polish(self.fix_status)
        self.fix_status.setText(text)
        self.fix_status.show()
