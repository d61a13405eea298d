"""The composer (left dock): prompt, model, settings, references, and Generate.

Every control is a view of one :class:`~studio.engine.composition.Composition` (the request
being composed, Qt-free): an edit is written to it, and its signals redraw the controls. Whatever
fills the composer from elsewhere (reuse settings, restore from an image, use as reference, edit
with mask, expand canvas) changes the composition, never these widgets.

Generate validates with the engine's own ``plan_request`` first: a request the model cannot take
is explained under the button and nothing is emitted. After a send the composer keeps every
value, so the next request can be prepared while this one runs.
"""

from __future__ import annotations

import logging
from typing import Any

from PySide6.QtCore import QCoreApplication, QMimeData, QPoint, Qt, Signal
from PySide6.QtGui import QAction, QGuiApplication, QKeySequence, QShowEvent
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QScrollArea,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from studio.domain.errors import StudioError
from studio.domain.model_spec import ModelSpec
from studio.domain.profile import Profile
from studio.domain.request import GenerationRequest, Mask, Reference
from studio.engine.composition import Composition
from studio.ui import i18n
from studio.ui.composer.compare_flow import CompareFlow
from studio.ui.composer.compare_targets import CompareTargets
from studio.ui.composer.dialogs import ReferencePreview, RequestPreviewDialog
from studio.ui.composer.footer import Footer, shortcut_text
from studio.ui.composer.markup_row import MarkupRow
from studio.ui.composer.mask_row import MaskRow
from studio.ui.composer.model_picker import ModelPicker, capabilities
from studio.ui.composer.options import OptionsForm
from studio.ui.composer.prompt import PromptEditor, PromptHistoryPopup
from studio.ui.composer.references import ReferenceTray
from studio.ui.icons import icon
from studio.ui.services import Services
from studio.ui.widgets.labels import role_label, section_label, set_role

log = logging.getLogger(__name__)


def tr(text: str) -> str:
    return QCoreApplication.translate("Composer", text)


def setting_words() -> dict[str, str]:
    """A setting's name in a sentence ("Left out, as … cannot take it here: …")."""
    return {
        "protocol": tr("protocol"),
        "ratio": tr("ratio"),
        "resolution": tr("resolution"),
        "size": tr("size"),
        "n": tr("number of images"),
        "quality": tr("quality"),
        "style": tr("style"),
        "output_format": tr("output format"),
        "background": tr("background"),
        "seed": tr("seed"),
        "input_fidelity": tr("input fidelity"),
        "output_compression": tr("compression"),
        "moderation": tr("moderation"),
        "complexity": tr("complexity"),
        "frame_count": tr("frame count"),
        "frame_duration_ms": tr("frame duration"),
        "thinking": tr("thinking level"),
        "sequential": tr("image series"),
        "max_images": tr("number of images in a series"),
        "watermark": tr("watermark"),
        "safety_tolerance": tr("safety tolerance"),
        "markup": tr("the markup overlay"),
        "negative_prompt": tr("the negative prompt"),
    }


class ComposerPanel(QWidget):
    generate_requested = Signal(object, str)  # GenerationRequest, profile name
    mask_painter_requested = Signal(int)  # reference index (issue 4/5)
    expand_canvas_requested = Signal(object)  # Reference: a tile's "Expand canvas…"

    def __init__(self, services: Services, composition: Composition | None = None) -> None:
        super().__init__()
        self.setObjectName("composer")
        self.services = services
        self.catalog = services.catalog
        self.composition = composition or Composition(
            services.catalog, services.preferences.model
        )
        self._history_popup: PromptHistoryPopup | None = None
        self._request_dialog: RequestPreviewDialog | None = None
        self._focused_once = False
        self._build()
        self._wire()
        self._bind()

    # -- building --------------------------------------------------------------------------

    def _build(self) -> None:
        content = QWidget()
        content.setObjectName("composerContent")
        column = QVBoxLayout(content)
        column.setContentsMargins(12, 8, 12, 12)
        column.setSpacing(8)

        header = QHBoxLayout()
        header.addWidget(section_label(tr("Prompt")))
        header.addStretch(1)
        self.history_button = QToolButton()
        self.history_button.setObjectName("historyButton")
        self.history_button.setIcon(icon("history"))
        self.history_button.setText(tr("History"))
        self.history_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.history_button.setAutoRaise(True)
        self.history_button.setToolTip(tr("Recent prompts (Ctrl+Up / Ctrl+Down in the prompt)"))
        header.addWidget(self.history_button)
        column.addLayout(header)

        self.prompt = PromptEditor(lambda: self.services.preferences.prompt_history)
        self.prompt.setObjectName("promptEditor")
        self.prompt.setPlaceholderText(tr("Describe the image you want…"))
        self.prompt.grow_with_text(5, 14)
        self.prompt.setToolTip(
            tr("{keys} generates · Ctrl+Up/Down recall earlier prompts").format(
                keys=shortcut_text()
            )
        )
        column.addWidget(self.prompt)
        self.count_label = role_label("hint")
        self.count_label.setObjectName("promptCount")
        column.addWidget(self.count_label)

        self.negative_label = section_label(tr("Negative prompt"))
        self.negative = PromptEditor()
        self.negative.setObjectName("negativePrompt")
        self.negative.setPlaceholderText(tr("What the image should not contain…"))
        self.negative.grow_with_text(2, 6)
        column.addWidget(self.negative_label)
        column.addWidget(self.negative)

        column.addSpacing(8)
        self.compare_targets = CompareTargets(self.services, self.composition)
        model_header = QHBoxLayout()
        model_header.addWidget(section_label(tr("Model")))
        model_header.addStretch(1)
        model_header.addWidget(self.compare_targets.toggle)
        column.addLayout(model_header)
        self.picker = ModelPicker(self.catalog, services=self.services)
        column.addWidget(self.picker)
        self.caps_label = role_label("hint")
        self.caps_label.setObjectName("modelCapabilities")
        self.caps_label.setWordWrap(True)
        column.addWidget(self.caps_label)
        column.addWidget(self.compare_targets)

        column.addSpacing(8)
        self.options = OptionsForm(self.composition)
        column.addWidget(self.options)

        column.addSpacing(8)
        self.tray = ReferenceTray(self.composition, self.services.bridge.spawn)
        column.addWidget(self.tray)
        self.mask_row = MaskRow(self.composition)
        self.mask_button, self.mask_status = self.mask_row.button, self.mask_row.status
        column.addWidget(self.mask_row)
        self.markup_row = MarkupRow(self.composition)
        column.addWidget(self.markup_row)
        column.addStretch(1)

        scroll = QScrollArea()
        scroll.setObjectName("composerScroll")
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setWidget(content)
        content.setMinimumWidth(304)
        self.setMinimumWidth(320)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(scroll, 1)
        self.footer = Footer()
        self.generate_button = self.footer.generate_button
        self.show_request_button = self.footer.show_request_button
        self.error_label, self.cost_label = self.footer.error_label, self.footer.cost_label
        layout.addWidget(self.footer)
        self.compare = CompareFlow(
            self.services, self.composition, self.compare_targets, self.footer, self
        )
        self.addAction(self.compare_targets.toggle_action)

    def _wire(self) -> None:
        self.prompt.textChanged.connect(self._prompt_typed)
        self.negative.textChanged.connect(self._negative_typed)
        for editor in (self.prompt, self.negative):
            editor.submitted.connect(self.generate)
            editor.images_pasted.connect(self._images_pasted)
        self.history_button.clicked.connect(self.open_history)
        self.picker.model_chosen.connect(self._model_chosen)
        self.tray.paste_requested.connect(self.paste)
        self.tray.preview_requested.connect(self.preview_reference)
        self.tray.expand_requested.connect(self.expand_canvas_requested)
        self.tray.mask_requested.connect(lambda: self.mask_painter_requested.emit(0))
        self.mask_row.paint_requested.connect(self.mask_painter_requested)
        self.show_request_button.clicked.connect(self.show_request)
        self.generate_button.clicked.connect(self.generate)
        paste = QAction(tr("Paste as reference"), self)
        paste.setShortcut(QKeySequence.StandardKey.Paste)
        paste.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        paste.triggered.connect(self.paste)
        self.addAction(paste)

    def _bind(self) -> None:
        composition = self.composition
        self.options.bind()
        composition.events.model.connect(self._on_model)
        composition.events.prompt.connect(self._on_prompt)
        composition.events.negative_prompt.connect(self._on_negative)
        composition.changed.connect(self._on_changed)
        composition.restored.connect(self._on_restored)
        self._on_model(composition.model)
        self._on_prompt(composition.prompt)
        self._on_negative(composition.negative_prompt)
        self._on_changed(frozenset())

    # -- the public surface ----------------------------------------------------------------

    @property
    def spec(self) -> ModelSpec:
        return self.composition.spec

    def request(self) -> GenerationRequest:
        """The request as composed now (not yet validated)."""
        return self.composition.to_request()

    def set_request(self, request: GenerationRequest, profile: str | None = None) -> None:
        """Fill every field from ``request`` (the composition's :meth:`~Composition.set_request`:
        what the model cannot take is named under the button instead of vanishing)."""
        self.composition.set_request(request, profile)

    def add_reference(self, reference: Reference, *, first: bool = False) -> None:
        self.tray.add([reference], first=first)

    @property
    def mask(self) -> Mask | None:
        """The mask painted on reference #1, sent when the model can use it."""
        return self.composition.mask

    @mask.setter
    def mask(self, mask: Mask | None) -> None:
        self.composition.mask = mask

    def set_mask(self, mask: Mask | None) -> None:
        """The mask for reference #1 (the mask painter's result), or None to drop it."""
        self.composition.mask = mask

    def focus_prompt(self) -> None:
        self.prompt.setFocus(Qt.FocusReason.OtherFocusReason)

    def paste(self) -> bool:
        """Add the clipboard's image, image files or image link as references."""
        mime = QGuiApplication.clipboard().mimeData()
        return mime is not None and self.tray.add_mime(mime, pasted=True)

    def generate(self) -> None:
        if self.tray.pending:
            self._show_error(tr("A pasted image is still being read. Try again in a moment."))
            return
        if unreadable := self.tray.unreadable():
            self._show_error(
                tr("Not readable as an image: {names}. Remove it to generate.").format(
                    names=", ".join(unreadable)
                )
            )
            return
        request = self.request()
        if not self.composition.targets and not self._valid(request):
            return
        profile = self.services.bridge.default_profile
        if not profile:
            self._show_error(tr("Choose a relay profile first (or try the demo)."))
            return
        if self.composition.targets:  # compare: each target is fitted and checked on its own
            self._clear_error()
            self.compare.send(request)
            return
        self._clear_error()
        self.generate_requested.emit(request, profile)
        self.footer.flash_sent()

    # -- following the composition ---------------------------------------------------------

    def _on_model(self, model: str) -> None:
        self.picker.set_model(model)
        self.services.preferences.model = model
        self._show_prompt_length()

    def _on_prompt(self, text: str) -> None:
        if self.prompt.toPlainText() != text:
            self.prompt.replace_text(text)
        self._show_prompt_length()

    def _on_negative(self, text: str) -> None:
        if self.negative.toPlainText() != text:
            self.negative.replace_text(text)

    def _on_changed(self, _names: frozenset[str]) -> None:
        composition, spec = self.composition, self.composition.spec
        visible = composition.sends_negative
        self.negative_label.setVisible(visible)
        self.negative.setVisible(visible)
        self.caps_label.setText(capabilities(spec, composition.protocol_in_use))
        self.caps_label.setToolTip(spec.notes)
        if not composition.targets:  # a compare's total comes from its plan
            self.footer.set_cost(spec, composition.to_request().n)
        self._clear_error()

    def _on_restored(self, left_out: tuple[tuple[str, Any], ...]) -> None:
        if not left_out:
            return
        words = setting_words()
        named = [
            words[name] if value is None else f"{words[name]} “{value}”"
            for name, value in left_out
        ]
        self._show_error(
            tr("Left out, as {model} cannot take it here: {settings}.").format(
                model=self.composition.model, settings=", ".join(named)
            )
        )

    # -- the user's edits: written to the composition --------------------------------------

    def _prompt_typed(self) -> None:
        self.composition.prompt = self.prompt.toPlainText()

    def _negative_typed(self) -> None:
        self.composition.negative_prompt = self.negative.toPlainText()

    def _model_chosen(self, model: str) -> None:
        self.composition.model = model

    def use_mask_capable_model(self, preferred: str) -> str | None:
        """Keep the chosen model if it can edit with a mask on #1; otherwise switch to
        ``preferred`` (the painted image's own model) or the fallback mask model. Returns the
        model switched to, None when nothing changed."""
        return self.composition.use_mask_capable_model(preferred)

    def _show_prompt_length(self) -> None:
        spec = self.composition.spec
        length, limit = len(self.composition.prompt.strip()), spec.prompt_max
        self.count_label.setText(f"{length} / {limit}")
        set_role(self.count_label, "error" if length > limit else "hint")
        self.count_label.setToolTip(
            tr("{model} takes at most {limit} characters.").format(model=spec.id, limit=limit)
        )

    # -- references and mask ---------------------------------------------------------------

    def _images_pasted(self, mime: QMimeData) -> None:
        self.tray.add_mime(mime, pasted=True)

    def preview_reference(self, reference: Reference) -> None:
        preview = ReferencePreview(reference, self.services.bridge.spawn, self.window())
        preview.show()

    # -- prompt history --------------------------------------------------------------------

    def open_history(self) -> None:
        if self._history_popup is None:
            self._history_popup = PromptHistoryPopup(self)
            self._history_popup.chosen.connect(self._history_chosen)
        anchor = self.prompt.mapToGlobal(QPoint(0, self.prompt.height()))
        self._history_popup.open_at(
            anchor, self.prompt.width(), self.services.preferences.prompt_history
        )

    def _history_chosen(self, prompt: str) -> None:
        self.prompt.replace_text(prompt)
        self.focus_prompt()

    # -- the request preview ---------------------------------------------------------------

    def show_request(self) -> RequestPreviewDialog | None:
        """Validate, then show the exact HTTP request in a non-modal window."""
        request = self.request()
        if not self._valid(request):
            return None
        self._clear_error()
        if self._request_dialog is None:
            self._request_dialog = RequestPreviewDialog(self.window())
        name = self.services.bridge.default_profile
        self._request_dialog.load(
            request, self.spec, name, lambda: self._profile(name), self.services.bridge.spawn
        )
        return self._request_dialog

    def _valid(self, request: GenerationRequest) -> bool:
        """The engine's own check; what it refuses is said under the button in plain words."""
        from studio.engine.plan import plan_request  # loaded by the start-up warm-up

        try:
            plan_request(request, self.spec)
        except StudioError as error:
            self._show_error(i18n.message(error))
            return False
        return True

    def _profile(self, name: str) -> Profile:
        try:
            return self.services.profile(name)
        except Exception:  # no such profile yet: show the request against a placeholder relay
            return Profile(name=name or "relay", base_url="https://relay.example")

    # -- messages and focus ----------------------------------------------------------------

    def _show_error(self, text: str) -> None:
        self.footer.show_error(text)

    def _clear_error(self) -> None:
        self.footer.clear_error()

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt's name
        super().showEvent(event)
        if not self._focused_once:  # the prompt has the keyboard when the window opens
            self._focused_once = True
            self.focus_prompt()
