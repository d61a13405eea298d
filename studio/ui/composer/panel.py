"""The composer (left dock): prompt, model, settings, references, and Generate.

Generate validates with the engine's own ``plan_request`` first: a request the model cannot take
is explained under the button and nothing is emitted. After a send the composer keeps every
value, so the next request can be prepared while this one runs.
"""

from __future__ import annotations

import logging
from dataclasses import asdict
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
from studio.protocols.capabilities import carried_options
from studio.ui import i18n
from studio.ui.composer.dialogs import ReferencePreview, RequestPreviewDialog
from studio.ui.composer.footer import Footer, shortcut_text
from studio.ui.composer.late_options import LateValues
from studio.ui.composer.markup_row import MarkupRow
from studio.ui.composer.mask_row import MaskRow, paints_on_first_reference
from studio.ui.composer.model_picker import (
    ModelPicker,
    capabilities,
    likely_operation,
    likely_protocol,
)
from studio.ui.composer.options import OptionsForm, OptionValues, carried_values, fit
from studio.ui.composer.prompt import PromptEditor, PromptHistoryPopup
from studio.ui.composer.references import ReferenceTray
from studio.ui.composer.widgets import role_label, section_label, set_role
from studio.ui.icons import icon
from studio.ui.services import Services

log = logging.getLogger(__name__)


MASK_MODEL = "gpt-image-1"  # edits with a mask on every relay that speaks `images`
LATE_FIELD_NAMES = tuple(LateValues.__dataclass_fields__)


def tr(text: str) -> str:
    return QCoreApplication.translate("Composer", text)


class ComposerPanel(QWidget):
    generate_requested = Signal(object, str)  # GenerationRequest, profile name
    mask_painter_requested = Signal(int)  # reference index (issue 4/5)
    expand_canvas_requested = Signal(object)  # Reference: a tile's "Expand canvas…"

    def __init__(self, services: Services) -> None:
        super().__init__()
        self.setObjectName("composer")
        self.services = services
        self.catalog = services.catalog
        self.spec: ModelSpec = self.catalog.get(services.preferences.model)
        self._carried: dict[str, Any] = {}  # request fields without a control, kept on reuse
        self.restored_profile: str | None = None
        self._history_popup: PromptHistoryPopup | None = None
        self._request_dialog: RequestPreviewDialog | None = None
        self._focused_once = False
        self._build()
        self._wire()
        self._apply_model(self.spec.id)

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
        column.addWidget(section_label(tr("Model")))
        self.picker = ModelPicker(self.catalog, services=self.services)
        column.addWidget(self.picker)
        self.caps_label = role_label("hint")
        self.caps_label.setObjectName("modelCapabilities")
        self.caps_label.setWordWrap(True)
        column.addWidget(self.caps_label)

        column.addSpacing(8)
        self.options = OptionsForm()
        column.addWidget(self.options)

        column.addSpacing(8)
        self.tray = ReferenceTray(self.services.bridge.spawn)
        column.addWidget(self.tray)
        self.mask_row = MaskRow()
        self.mask_button, self.mask_status = self.mask_row.button, self.mask_row.status
        column.addWidget(self.mask_row)
        self.markup_row = MarkupRow()
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

    def _wire(self) -> None:
        self.prompt.textChanged.connect(self._prompt_changed)
        self.negative.textChanged.connect(self._clear_error)
        for editor in (self.prompt, self.negative):
            editor.submitted.connect(self.generate)
            editor.images_pasted.connect(self._images_pasted)
        self.history_button.clicked.connect(self.open_history)
        self.picker.model_chosen.connect(self._model_chosen)
        self.options.changed.connect(self._options_changed)
        self.tray.changed.connect(self._references_changed)
        self.tray.paste_requested.connect(self.paste)
        self.tray.preview_requested.connect(self.preview_reference)
        self.tray.expand_requested.connect(self.expand_canvas_requested)
        self.tray.mask_requested.connect(lambda: self.mask_painter_requested.emit(0))
        self.mask_row.paint_requested.connect(self.mask_painter_requested)
        self.mask_row.changed.connect(self._clear_error)
        self.tray.markup_requested.connect(self.markup_row.set_markup)
        self.markup_row.changed.connect(self._clear_error)
        self.show_request_button.clicked.connect(self.show_request)
        self.generate_button.clicked.connect(self.generate)
        paste = QAction(tr("Paste as reference"), self)
        paste.setShortcut(QKeySequence.StandardKey.Paste)
        paste.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        paste.triggered.connect(self.paste)
        self.addAction(paste)

    # -- the public surface ----------------------------------------------------------------

    def request(self) -> GenerationRequest:
        """The request as the composer shows it now (not yet validated)."""
        spec, values = self.spec, self.options.values()
        negative = self.negative.toPlainText().strip()
        carried = self._carried
        return GenerationRequest(
            prompt=self.prompt.toPlainText().strip(),
            model=self.picker.model(),
            protocol=values.protocol,
            operation=carried.get("operation"),
            references=self.tray.references(),
            mask=self.mask_row.for_request(spec),
            ratio=values.ratio,
            resolution=values.resolution,
            size=values.size,
            n=values.n,
            quality=values.quality,
            seed=values.seed,
            negative_prompt=negative if self._sends_negative() and negative else None,
            style=values.style,
            output_format=values.output_format,
            background=values.background,
            midjourney=carried.get("midjourney"),
            blend_dimensions=carried.get("blend_dimensions"),
            extra=dict(carried.get("extra") or {}),
            markup=self.markup_row.for_request(spec),
            **asdict(values.late),
        )

    def set_request(self, request: GenerationRequest, profile: str | None = None) -> None:
        """Fill every field from ``request`` (reuse settings, a dropped studio PNG); what the
        model cannot take is named under the button instead of vanishing."""
        values = OptionValues(
            ratio=request.ratio,
            resolution=request.resolution,
            size=request.size,
            n=request.n,
            quality=request.quality,
            style=request.style,
            output_format=request.output_format,
            background=request.background,
            seed=request.seed,
            protocol=request.protocol,
            late=LateValues(**{name: getattr(request, name) for name in LATE_FIELD_NAMES}),
        )
        self._apply_model(request.model, values)
        self.services.preferences.model = request.model
        self.prompt.replace_text(request.prompt)
        self.negative.replace_text(request.negative_prompt or "")
        self.tray.set_references(request.references)
        self.set_mask(request.mask)
        self.markup_row.set_markup(request.markup)
        self._carried = {
            "operation": request.operation,
            "midjourney": request.midjourney,
            "blend_dimensions": request.blend_dimensions,
            "extra": dict(request.extra),
        }
        self.restored_profile = profile
        self._clear_error()
        self._update_carried()
        if left_out := self._left_out(request, values):
            self._show_error(
                tr("Left out, as {model} cannot take it here: {settings}.").format(
                    model=request.model, settings=", ".join(left_out)
                )
            )

    def _left_out(self, request: GenerationRequest, values: OptionValues) -> list[str]:
        """The settings of ``request`` the composer cannot send with its model and protocol,
        as words."""
        kept = carried_values(fit(values, self.spec, any_protocol=True), self.options.carried)
        words = {
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
        }
        fixed = self.spec.fixed_resolution  # the name carries it: shown, not left out
        if fixed and (values.resolution or "").upper() == fixed and "resolution" in words:
            del words["resolution"]

        def value(options: OptionValues, name: str) -> Any:
            late = name in LATE_FIELD_NAMES
            return getattr(options.late if late else options, name)

        left_out = [
            f"{word} “{value(values, name)}”"
            for name, word in words.items()
            if value(values, name) not in (None, value(kept, name))
            and not (name == "ratio" and kept.ratio)  # kept, in the catalog's spelling
            and not (name == "sequential" and value(values, name) == "disabled")  # the default
        ]
        if request.markup is not None and self.markup_row.for_request(self.spec) is None:
            left_out.append(tr("the markup overlay"))
        if request.negative_prompt and not self._sends_negative():
            left_out.append(tr("the negative prompt"))
        return left_out

    def add_reference(self, reference: Reference, *, first: bool = False) -> None:
        self.tray.add([reference], first=first)

    @property
    def mask(self) -> Mask | None:
        """The mask painted on reference #1, sent when the model can use it."""
        return self.mask_row.current

    @mask.setter
    def mask(self, mask: Mask | None) -> None:
        self.set_mask(mask)

    def set_mask(self, mask: Mask | None) -> None:
        """The mask for reference #1 (the mask painter's result), or None to drop it."""
        self.mask_row.set_mask(mask, self.tray.references())

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
        if not self._valid(request):
            return
        profile = self.services.bridge.default_profile
        if not profile:
            self._show_error(tr("Choose a relay profile first (or try the demo)."))
            return
        self._clear_error()
        self.generate_requested.emit(request, profile)
        self.footer.flash_sent()

    # -- model and settings ----------------------------------------------------------------

    def _apply_model(self, model: str, values: OptionValues | None = None) -> None:
        changed = model != self.spec.id
        self.spec = self.catalog.get(model)
        self.picker.set_model(model)
        self.options.set_spec(self.spec, values)
        self.tray.set_model(self.spec)
        self.markup_row.update_for(self.spec)
        if changed:
            self._carried = {}
        self._prompt_changed()
        self._options_changed()
        self.mask_row.update_for(self.spec, self.tray.references())

    def use_mask_capable_model(self, preferred: str) -> str | None:
        """Keep the chosen model if it can edit with a mask on #1; otherwise switch to
        ``preferred`` (the painted image's own model) or to gpt-image-1. Returns the model
        switched to, None when nothing changed."""
        if paints_on_first_reference(self.spec):
            return None
        for candidate in (preferred, MASK_MODEL):
            if paints_on_first_reference(self.catalog.get(candidate)):
                self._model_chosen(candidate)
                return candidate
        return None

    def _model_chosen(self, model: str) -> None:
        self._apply_model(model)
        self.services.preferences.model = model
        self._clear_error()

    def _update_carried(self) -> None:
        """Offer only what the protocol the request will take can carry to the relay."""
        has_references = bool(self.tray.references())
        protocol = self.options.all_values().protocol or likely_protocol(
            self.spec, has_references
        )
        operation = self._carried.get("operation") or likely_operation(self.spec, has_references)
        self.options.set_carried(carried_options(protocol, operation, self.spec))
        visible = self._sends_negative()
        self.negative_label.setVisible(visible)
        self.negative.setVisible(visible)

    def _sends_negative(self) -> bool:
        return self.spec.negative_prompt and "negative_prompt" in self.options.carried

    def _options_changed(self) -> None:
        self._update_carried()
        values = self.options.values()
        self._show_capabilities()
        self.caps_label.setToolTip(self.spec.notes)
        self.footer.set_cost(self.spec, values.n)
        self._clear_error()

    def _show_capabilities(self) -> None:
        protocol = self.options.values().protocol or likely_protocol(
            self.spec, bool(self.tray.references())
        )
        self.caps_label.setText(capabilities(self.spec, protocol))

    def _prompt_changed(self) -> None:
        length, limit = len(self.prompt.toPlainText().strip()), self.spec.prompt_max
        self.count_label.setText(f"{length} / {limit}")
        set_role(self.count_label, "error" if length > limit else "hint")
        self.count_label.setToolTip(
            tr("{model} takes at most {limit} characters.").format(model=self.spec.id, limit=limit)
        )
        self._clear_error()

    # -- references and mask ---------------------------------------------------------------

    def _images_pasted(self, mime: QMimeData) -> None:
        self.tray.add_mime(mime, pasted=True)

    def _references_changed(self) -> None:
        self._update_carried()
        self.mask_row.update_for(self.spec, self.tray.references())
        self._show_capabilities()
        self._clear_error()

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
