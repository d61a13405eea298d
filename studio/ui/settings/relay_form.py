"""The form for one relay profile: every setting of :class:`Profile`, the key never read back.

``load(profile)`` fills the fields; ``profile()`` builds the edited profile (validated) or raises
:class:`FormError` naming the field to fix, in plain words.
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QSizePolicy,
    QSpinBox,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from studio.domain.errors import InputError
from studio.domain.profile import AuthStyle, Profile
from studio.settings import profiles as rules
from studio.settings.quirks import RelayQuirks
from studio.settings.secrets import KeyStatus
from studio.ui import i18n
from studio.ui.settings.key_field import KeyField
from studio.ui.settings.learned import LearnedRefusals
from studio.ui.settings.model_overrides import ModelOverridesEditor, OverrideError


def tr(text: str) -> str:
    return QCoreApplication.translate("RelayForm", text)


MAX_SECONDS = 86_400.0


class FormError(Exception):
    """A setting that cannot be saved: ``text`` says why, ``field`` is where to fix it."""

    def __init__(self, text: str, field: QWidget) -> None:
        super().__init__(text)
        self.text = text
        self.field = field


def _section(text: str) -> QLabel:
    label = QLabel(text)
    label.setProperty("role", "section")
    label.setContentsMargins(0, 8, 0, 0)
    return label


def _hint(text: str) -> QLabel:
    label = QLabel(text)
    label.setProperty("role", "hint")
    label.setWordWrap(True)
    label.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
    return label


def _with_hint(field: QWidget, hint: QLabel) -> QWidget:
    """``field`` with a line of help right below it."""
    box = QWidget()
    column = QVBoxLayout(box)
    column.setContentsMargins(0, 0, 0, 0)
    column.setSpacing(2)
    column.addWidget(field)
    column.addWidget(hint)
    return box


def _seconds(minimum: float, name: str) -> QDoubleSpinBox:
    box = QDoubleSpinBox()
    box.setObjectName(name)
    box.setRange(minimum, MAX_SECONDS)
    box.setDecimals(1)
    box.setSuffix(tr(" s"))
    box.setKeyboardTracking(False)
    return box


CURRENCIES = ("USD", "CNY")  # what the catalog prices in


def _money(name: str) -> QDoubleSpinBox:
    """An amount of money; 0 shows as "No limit"."""
    box = QDoubleSpinBox()
    box.setObjectName(name)
    box.setRange(0.0, 1_000_000.0)
    box.setDecimals(2)
    box.setSpecialValueText(tr("No limit"))
    box.setKeyboardTracking(False)
    return box


def _words(text: str) -> tuple[str, ...]:
    """Comma-separated words; a Chinese full-width comma counts too."""
    return tuple(word.strip() for word in text.replace("，", ",").split(",") if word.strip())


class RelayForm(QWidget):
    """Name, base URL, key, connection, protocol and async settings of one relay profile."""

    changed = Signal()  # the user edited something

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("relayForm")
        self._base = Profile(name="", base_url="")
        self._loading = False

        self.name_edit = QLineEdit(objectName="nameEdit")
        self.name_edit.setPlaceholderText(tr("e.g. my-relay"))
        self.name_edit.setMaxLength(rules.MAX_NAME_LENGTH)
        self.url_edit = QLineEdit(objectName="baseUrlEdit")
        self.url_edit.setPlaceholderText("https://relay.example/v1")
        self.key_field = KeyField()
        self.key_edit = self.key_field.edit
        self.show_key = self.key_field.show_action

        self.concurrency = QSpinBox(objectName="concurrencyBox")
        self.concurrency.setRange(1, 256)
        self.concurrency.setToolTip(tr("How many requests this relay gets at the same time."))
        self.connect_timeout = _seconds(0.1, "connectTimeoutBox")
        self.read_timeout = _seconds(1.0, "readTimeoutBox")
        self.read_timeout.setToolTip(
            tr("How long to wait for an image. Slow models can take several minutes.")
        )
        self.stream_box = QCheckBox(tr("Stream images where the model can"))
        self.stream_box.setObjectName("streamImagesBox")
        self.stream_box.setToolTip(
            tr(
                "gpt-image models send their image as a stream of events: the connection stays "
                "alive through proxies that cut silent requests at 100 s, and drafts appear in "
                "the live tile. Relays bill the drafts as extra output."
            )
        )
        self.partial_images = QSpinBox(objectName="partialImagesBox")
        self.partial_images.setRange(0, 3)
        self.partial_images.setToolTip(tr("Drafts to show while the image is made (0–3)."))
        self.job_timeout = _seconds(1.0, "jobTimeoutBox")
        self.job_timeout.setToolTip(
            tr(
                "The longest one job may take, from sending to its last status check. Then a "
                "job waiting for an answer ends (it is not sent again) and an async task can "
                "be resumed later."
            )
        )
        self.proxy_edit = QLineEdit(objectName="proxyEdit")
        self.proxy_edit.setPlaceholderText(tr("none (the system's settings apply)"))
        self.proxy_edit.setToolTip(tr("e.g. http://127.0.0.1:7890 or socks5://127.0.0.1:1080"))

        self.auth_boxes: dict[str, QComboBox] = {}
        for field_name in ("auth_style", "gemini_auth", "midjourney_auth"):
            box = QComboBox(objectName=f"{field_name}Box")
            box.addItem(tr("Authorization: Bearer"), AuthStyle.BEARER)
            box.addItem(tr("x-goog-api-key header"), AuthStyle.GOOG_API_KEY)
            box.addItem(tr("mj-api-secret header"), AuthStyle.MJ_API_SECRET)
            self.auth_boxes[field_name] = box
        self.multi_image_edit = QLineEdit(objectName="multiImageEdit")
        self.multi_image_edit.setToolTip(
            tr("The form field that carries several images in one edit request.")
        )

        self.submit_path = QLineEdit(objectName="submitPathEdit")
        self.submit_path.setPlaceholderText(tr("the normal path"))
        self.submit_query = QLineEdit(objectName="submitQueryEdit")
        self.poll_path = QLineEdit(objectName="pollPathEdit")
        self.pending_words = QLineEdit(objectName="pendingWordsEdit")
        self.success_words = QLineEdit(objectName="successWordsEdit")
        self.failure_words = QLineEdit(objectName="failureWordsEdit")
        for words in (self.pending_words, self.success_words, self.failure_words):
            words.setToolTip(tr("Task statuses, separated by commas."))
        self.poll_interval = _seconds(0.1, "pollIntervalBox")
        self.max_wait = _seconds(1.0, "maxWaitBox")
        self.price_multiplier = QDoubleSpinBox(objectName="priceMultiplierBox")
        self.price_multiplier.setRange(0.01, 100.0)
        self.price_multiplier.setDecimals(2)
        self.price_multiplier.setSingleStep(0.05)
        self.price_multiplier.setSuffix(" ×")
        self.price_multiplier.setToolTip(
            tr("What this relay charges against the catalog's list price: 1.5 if it resells at "
               "half as much again. The ledger says so next to every figure it changes.")
        )  # fmt: skip
        self.daily_budget = _money("dailyBudgetBox")
        self.monthly_budget = _money("monthlyBudgetBox")
        for box in (self.daily_budget, self.monthly_budget):
            box.setToolTip(
                tr("A request that would pass this limit asks first. No limit: leave it at 0.")
            )
        self.budget_currency = QComboBox(objectName="budgetCurrencyBox")
        for code in CURRENCIES:
            self.budget_currency.addItem(code, code)
        self.overrides = ModelOverridesEditor()
        self.learned = LearnedRefusals(None)

        self._build()
        self._watch()

    # -- layout ----------------------------------------------------------------------------

    def _build(self) -> None:
        rows = self._rows = QFormLayout(self)
        rows.setContentsMargins(0, 0, 8, 0)
        rows.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        rows.setHorizontalSpacing(12)
        rows.setVerticalSpacing(8)

        self.read_only_note = _hint("")
        self.read_only_note.setObjectName("readOnlyNote")
        rows.addRow(self.read_only_note)
        rows.setRowVisible(self.read_only_note, False)

        rows.addRow(_section(tr("RELAY")))
        rows.addRow(tr("Name"), self.name_edit)
        url_hint = _hint(tr("With or without /v1 at the end; both work."))
        rows.addRow(tr("Base URL"), _with_hint(self.url_edit, url_hint))
        rows.addRow(tr("API key"), self.key_field)

        rows.addRow(_section(tr("CONNECTION")))
        rows.addRow(tr("Requests at once"), self.concurrency)
        rows.addRow(tr("Connect time-out"), self.connect_timeout)
        rows.addRow(tr("Read time-out"), self.read_timeout)
        rows.addRow(tr("Time limit per job"), self.job_timeout)
        rows.addRow(tr("Streaming"), self.stream_box)
        rows.addRow(tr("Drafts while streaming"), self.partial_images)
        rows.addRow(tr("HTTP proxy"), self.proxy_edit)

        rows.addRow(_section(tr("PROTOCOL")))
        rows.addRow(tr("Key for images and chat"), self.auth_boxes["auth_style"])
        rows.addRow(tr("Key for Gemini"), self.auth_boxes["gemini_auth"])
        rows.addRow(tr("Key for Midjourney"), self.auth_boxes["midjourney_auth"])
        rows.addRow(tr("Multi-image field"), self.multi_image_edit)

        self.async_toggle = QToolButton(objectName="asyncToggle")
        self.async_toggle.setText(tr("Async mode"))
        self.async_toggle.setCheckable(True)
        self.async_toggle.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.async_toggle.setArrowType(Qt.ArrowType.RightArrow)
        self.async_toggle.setAutoRaise(True)
        self.async_toggle.toggled.connect(self._on_async_toggled)
        rows.addRow(self.async_toggle)
        async_hint = _hint(
            tr(
                "For relays that answer with a task id to poll instead of the image. "
                "The defaults fit most relays."
            )
        )
        self.async_fields: list[QWidget] = [
            self.submit_path,
            self.submit_query,
            self.poll_path,
            self.pending_words,
            self.success_words,
            self.failure_words,
            self.poll_interval,
            self.max_wait,
        ]
        rows.addRow("", async_hint)
        for label, field in zip(
            (
                tr("Submit path"),
                tr("Submit query"),
                tr("Poll path"),
                tr("Pending statuses"),
                tr("Success statuses"),
                tr("Failure statuses"),
                tr("Poll every"),
                tr("Give up after"),
            ),
            self.async_fields,
            strict=True,
        ):
            rows.addRow(label, field)
        self._async_rows = [async_hint, *self.async_fields]
        self._on_async_toggled(False)

        rows.addRow(_section(tr("MONEY")))
        rows.addRow(tr("Price against the list"), self.price_multiplier)
        rows.addRow(tr("Daily budget"), self.daily_budget)
        rows.addRow(tr("Monthly budget"), self.monthly_budget)
        rows.addRow(tr("Budget currency"), self.budget_currency)

        rows.addRow(_section(tr("MODEL SETTINGS")))
        rows.addRow(self.overrides)
        rows.addRow(_section(tr("LEARNED")))
        rows.addRow(self.learned)

    def _watch(self) -> None:
        for edit in self._line_edits():
            edit.textEdited.connect(self._on_edited)
        for box in (self.concurrency, self.connect_timeout, self.read_timeout, self.job_timeout):
            box.valueChanged.connect(self._on_edited)
        for box in (self.poll_interval, self.max_wait, self.price_multiplier, self.daily_budget,
                    self.monthly_budget):  # fmt: skip
            box.valueChanged.connect(self._on_edited)
        self.budget_currency.currentIndexChanged.connect(self._on_edited)
        for combo in self.auth_boxes.values():
            combo.currentIndexChanged.connect(self._on_edited)
        self.overrides.changed.connect(self._on_edited)
        self.stream_box.toggled.connect(self._on_edited)
        self.stream_box.toggled.connect(self.partial_images.setEnabled)
        self.partial_images.valueChanged.connect(self._on_edited)

    def _line_edits(self) -> list[QLineEdit]:
        return [
            self.name_edit,
            self.url_edit,
            self.key_edit,
            self.proxy_edit,
            self.multi_image_edit,
            self.submit_path,
            self.submit_query,
            self.poll_path,
            self.pending_words,
            self.success_words,
            self.failure_words,
        ]

    # -- behaviour -------------------------------------------------------------------------

    def _on_edited(self, *_: object) -> None:
        if not self._loading:
            self.mark_invalid(None)
            self.changed.emit()

    def _on_async_toggled(self, shown: bool) -> None:
        self.async_toggle.setArrowType(Qt.ArrowType.DownArrow if shown else Qt.ArrowType.RightArrow)
        for field in self._async_rows:
            self._rows.setRowVisible(field, shown)

    def expand_async(self, shown: bool = True) -> None:
        self.async_toggle.setChecked(shown)

    def mark_invalid(self, field: QWidget | None) -> None:
        """Outline ``field`` as the one to fix (None: no field)."""
        for widget in [*self._line_edits(), self.concurrency]:
            invalid = widget is field
            if bool(widget.property("invalid")) != invalid:
                widget.setProperty("invalid", invalid)
                widget.style().unpolish(widget)
                widget.style().polish(widget)

    def clear_key(self) -> None:
        self.key_field.clear()

    # -- profile <-> fields ----------------------------------------------------------------

    def load(self, profile: Profile, *, read_only: bool = False, note: str = "") -> None:
        """Show ``profile``; the key field stays empty (see :meth:`set_key_state`)."""
        self._loading = True
        try:
            self._base = replace(profile, api_key="")
            options = profile.async_options
            self.name_edit.setText(profile.name)
            self.url_edit.setText(profile.base_url)
            self.clear_key()
            self.concurrency.setValue(profile.concurrency)
            self.connect_timeout.setValue(profile.connect_timeout)
            self.read_timeout.setValue(profile.read_timeout)
            self.job_timeout.setValue(profile.job_timeout)
            self.stream_box.setChecked(profile.stream_images)
            self.partial_images.setValue(profile.partial_images)
            self.partial_images.setEnabled(profile.stream_images)
            self.proxy_edit.setText(profile.proxy or "")
            for field_name, box in self.auth_boxes.items():
                box.setCurrentIndex(max(0, box.findData(getattr(profile, field_name))))
            self.multi_image_edit.setText(profile.multi_image_field)
            self.submit_path.setText(options.submit_path or "")
            self.submit_query.setText(options.submit_query)
            self.poll_path.setText(options.poll_path)
            self.pending_words.setText(", ".join(options.pending_words))
            self.success_words.setText(", ".join(options.success_words))
            self.failure_words.setText(", ".join(options.failure_words))
            self.poll_interval.setValue(options.poll_interval)
            self.max_wait.setValue(options.max_wait)
            self.price_multiplier.setValue(profile.price_multiplier)
            self.daily_budget.setValue(profile.daily_budget or 0.0)
            self.monthly_budget.setValue(profile.monthly_budget or 0.0)
            if self.budget_currency.findData(profile.budget_currency) < 0:
                self.budget_currency.addItem(profile.budget_currency, profile.budget_currency)
            self.budget_currency.setCurrentIndex(
                self.budget_currency.findData(profile.budget_currency)
            )
            self.overrides.load(profile.model_overrides)
            self.learned.load(profile.name)
            self.mark_invalid(None)
            self._set_read_only(read_only, note)
        finally:
            self._loading = False

    def _set_read_only(self, read_only: bool, note: str) -> None:
        for edit in self._line_edits():
            edit.setReadOnly(read_only)
        for widget in (
            self.concurrency,
            self.connect_timeout,
            self.read_timeout,
            self.job_timeout,
            self.stream_box,
            self.partial_images,
            self.poll_interval,
            self.max_wait,
            *self.auth_boxes.values(),
        ):
            widget.setEnabled(not read_only)
        self.key_field.set_read_only(read_only)
        self.overrides.set_read_only(read_only)
        self.read_only_note.setText(note)
        self._rows.setRowVisible(self.read_only_note, bool(note))

    def set_quirks(self, quirks: RelayQuirks | None) -> None:
        """Where the relay's learned refusals are read and forgotten."""
        self.learned.quirks = quirks
        self.learned.load(self._base.name)

    def set_key_state(self, status: KeyStatus | None, *, copied_from: str = "") -> None:
        """Say where this profile's key is, without ever showing it."""
        self.key_field.set_state(status, profile_name=self._base.name, copied_from=copied_from)

    def typed_key(self) -> str | None:
        """The key the user typed (None: keep the stored one)."""
        if (problem := self.key_field.problem()) is not None:
            raise FormError(problem, self.key_edit)
        return self.key_field.typed()

    def profile(self) -> Profile:
        """The edited profile, validated; raises :class:`FormError` for the first bad field."""
        name = self.name_edit.text().strip()
        url = self.url_edit.text().strip()
        if not name:
            raise FormError(tr("Give the profile a name, e.g. “my-relay”."), self.name_edit)
        if not url:
            raise FormError(
                tr("Enter the relay's base URL, e.g. https://relay.example/v1."), self.url_edit
            )
        options = replace(
            self._base.async_options,
            submit_path=self.submit_path.text().strip() or None,
            submit_query=self.submit_query.text().strip(),
            poll_path=self.poll_path.text().strip(),
            pending_words=_words(self.pending_words.text()),
            success_words=_words(self.success_words.text()),
            failure_words=_words(self.failure_words.text()),
            poll_interval=self.poll_interval.value(),
            max_wait=self.max_wait.value(),
        )
        try:
            overrides = self.overrides.overrides()
        except OverrideError as problem:
            raise FormError(problem.text, problem.field) from None
        profile = replace(
            self._base,
            name=name,
            base_url=url,
            concurrency=self.concurrency.value(),
            connect_timeout=self.connect_timeout.value(),
            read_timeout=self.read_timeout.value(),
            job_timeout=self.job_timeout.value(),
            stream_images=self.stream_box.isChecked(),
            partial_images=self.partial_images.value(),
            proxy=self.proxy_edit.text().strip() or None,
            multi_image_field=self.multi_image_edit.text().strip(),
            async_options=options,
            model_overrides=overrides,
            price_multiplier=self.price_multiplier.value(),
            daily_budget=self.daily_budget.value() or None,
            monthly_budget=self.monthly_budget.value() or None,
            budget_currency=self.budget_currency.currentData(),
            **{field: box.currentData() for field, box in self.auth_boxes.items()},
        )
        try:
            rules.validate_profile(profile)
        except InputError as error:
            raise FormError(i18n.message(error), self._field_for(error)) from None
        return profile

    def _field_for(self, error: InputError) -> QWidget:
        by_template: dict[str, QWidget] = {
            rules.MSG_BAD_NAME: self.name_edit,
            rules.MSG_BAD_BASE_URL: self.url_edit,
            rules.MSG_BAD_CONCURRENCY: self.concurrency,
            rules.MSG_BAD_PROXY: self.proxy_edit,
            rules.MSG_BAD_POLL_PATH: self.poll_path,
        }
        by_setting: dict[str, QWidget] = {
            "multiple-image field name": self.multi_image_edit,
            "async submit path": self.submit_path,
            "list of async success words": self.success_words,
            "list of async failure words": self.failure_words,
            "connect time-out": self.connect_timeout,
            "read time-out": self.read_timeout,
            "time limit per job": self.job_timeout,
            "poll interval": self.poll_interval,
            "maximum wait": self.max_wait,
        }
        field = by_template.get(error.template) or by_setting.get(
            str(error.params.get("setting")), self.name_edit
        )
        if field in self.async_fields:
            self.expand_async()
        return field
