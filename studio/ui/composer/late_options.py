"""The option kinds of late-2026 models (protocol.md §11): fidelity, compression, moderation,
complexity, gif frames, thinking, a Seedream series, watermark and FLUX safety tolerance.

Each is a row of the options form, shown only where the model lists it (compression only for
jpeg/webp output, frames only for gif); an untouched control means "the model's default", so
nothing is sent for it.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QCheckBox, QComboBox, QHBoxLayout, QSpinBox, QWidget

from studio.domain.model_spec import ModelSpec
from studio.domain.request import COMPRESSION_RANGE, FRAME_COUNT_MIN, FRAME_DURATION_RANGE
from studio.engine.composition import OptionValues

_DURATION_DEFAULT = 10  # below the shortest frame time: shown as "Default", never sent


def tr(text: str) -> str:
    return QCoreApplication.translate("ComposerOptions", text)


def titles() -> dict[str, str]:
    return {
        "fidelity": tr("Fidelity"),
        "compression": tr("Compression"),
        "moderation": tr("Moderation"),
        "complexity": tr("Complexity"),
        "frames": tr("Frames"),
        "thinking": tr("Thinking"),
        "series": tr("Series"),
        "watermark": tr("Watermark"),
        "safety": tr("Safety"),
    }


class LateOptionWidgets:
    """The controls of the late rows; ``changed`` is called on a user's edit."""

    def __init__(self, combo: Callable[[str], QComboBox], changed: Callable[[], None]) -> None:
        self.fidelity_box = combo("fidelityBox")
        self.fidelity_box.setToolTip(
            tr("How closely an edit keeps the reference images (input fidelity).")
        )
        self.moderation_box = combo("moderationBox")
        self.moderation_box.setToolTip(
            tr("How strictly the provider filters what it makes; low filters less.")
        )
        self.complexity_box = combo("complexityBox")
        self.complexity_box.setToolTip(
            tr("How much detail the model works into the image; high is its default.")
        )
        self.thinking_box = combo("thinkingBox")
        self.thinking_box.setToolTip(
            tr("How long the model thinks before it draws: high for complex scenes, minimal "
               "for speed.")
        )  # fmt: skip
        self.watermark_box = combo("watermarkBox")
        self.watermark_box.setToolTip(tr("Ask for the provider's watermark on the image, or not."))
        for box in (self.fidelity_box, self.moderation_box, self.complexity_box,
                    self.thinking_box, self.watermark_box):  # fmt: skip
            box.currentIndexChanged.connect(lambda _: changed())

        self.compression_box = self._spin("compressionBox", COMPRESSION_RANGE[0] - 1, 100)
        self.compression_box.setSuffix(" %")
        self.compression_box.setToolTip(
            tr("Compression of jpeg and webp output, 0 to 100: more is smaller and rougher.")
        )
        self.frame_count_box = self._spin("frameCountBox", FRAME_COUNT_MIN - 1, FRAME_COUNT_MIN)
        self.frame_count_box.setSuffix(tr(" frames"))
        self.frame_count_box.setToolTip(tr("How many frames the gif has."))
        self.frame_duration_box = self._spin(
            "frameDurationBox", _DURATION_DEFAULT, FRAME_DURATION_RANGE[1]
        )
        self.frame_duration_box.setSingleStep(10)
        self.frame_duration_box.setSuffix(" ms")
        self.frame_duration_box.setToolTip(tr("How long each frame of the gif is shown."))
        self.frames = QWidget()
        frames = QHBoxLayout(self.frames)
        frames.setContentsMargins(0, 0, 0, 0)
        frames.addWidget(self.frame_count_box)
        frames.addWidget(self.frame_duration_box)
        frames.addStretch(1)

        self.series_check = QCheckBox(tr("Several images, up to"))
        self.series_check.setObjectName("seriesCheck")
        self.max_images_box = QSpinBox()
        self.max_images_box.setObjectName("maxImagesBox")
        self.max_images_box.setRange(1, 15)
        self.max_images_box.setValue(4)
        series_tip = tr(
            "Let the model make a series of related images from one request (one job). Each "
            "image may be billed."
        )
        self.series_check.setToolTip(series_tip)
        self.max_images_box.setToolTip(series_tip)
        self.series_check.toggled.connect(self._series_toggled)
        self.series_check.toggled.connect(lambda _: changed())
        self.max_images_box.valueChanged.connect(lambda _: changed())
        self.series = QWidget()
        series = QHBoxLayout(self.series)
        series.setContentsMargins(0, 0, 0, 0)
        series.addWidget(self.series_check)
        series.addWidget(self.max_images_box)
        series.addStretch(1)
        self._series_toggled(False)

        self.safety_box = self._spin("safetyBox", -1, 6)
        self.safety_box.setToolTip(
            tr("How much the provider's safety filter lets through: 0 is the strictest.")
        )
        for spin in (self.compression_box, self.frame_count_box, self.frame_duration_box,
                     self.safety_box):  # fmt: skip
            spin.valueChanged.connect(lambda _: changed())

    @staticmethod
    def _spin(name: str, default: int, high: int) -> QSpinBox:
        """A number box whose lowest value stands for "the model's default" (not sent)."""
        box = QSpinBox()
        box.setObjectName(name)
        box.setRange(default, high)
        box.setSpecialValueText(tr("Default"))
        box.setValue(default)
        return box

    def _series_toggled(self, on: bool) -> None:
        self.max_images_box.setEnabled(on)

    def widget(self, row: str) -> QWidget:
        return {
            "fidelity": self.fidelity_box,
            "compression": self.compression_box,
            "moderation": self.moderation_box,
            "complexity": self.complexity_box,
            "frames": self.frames,
            "thinking": self.thinking_box,
            "series": self.series,
            "watermark": self.watermark_box,
            "safety": self.safety_box,
        }[row]

    def set_spec(self, spec: ModelSpec, fill: Callable[[QComboBox, str, tuple[str, ...]], None]):
        """Choices and ranges for ``spec`` (``fill`` puts choices in a box, "Default" first)."""
        fill(self.fidelity_box, "fidelity", spec.input_fidelities)
        fill(self.moderation_box, "moderation", spec.moderations)
        fill(self.complexity_box, "complexity", spec.complexities)
        fill(self.thinking_box, "thinking", spec.thinking_levels)
        self.watermark_box.clear()
        self.watermark_box.addItem(tr("Default"), "")
        self.watermark_box.addItem(tr("On"), "on")
        self.watermark_box.addItem(tr("Off"), "off")
        self.frame_count_box.setMaximum(max(FRAME_COUNT_MIN, spec.max_frames))
        self.max_images_box.setMaximum(max(1, spec.max_images))
        self.safety_box.setMaximum(max(0, spec.safety_tolerance_max or 0))

    def values(self) -> dict[str, Any]:
        """The late fields as the controls show them."""

        def number(box: QSpinBox) -> int | None:
            return None if box.value() == box.minimum() else box.value()

        watermark = self.watermark_box.currentData()
        series = self.series_check.isChecked()
        return dict(
            input_fidelity=self.fidelity_box.currentData() or None,
            output_compression=number(self.compression_box),
            moderation=self.moderation_box.currentData() or None,
            complexity=self.complexity_box.currentData() or None,
            frame_count=number(self.frame_count_box),
            frame_duration_ms=number(self.frame_duration_box),
            thinking=self.thinking_box.currentData() or None,
            sequential="auto" if series else None,
            max_images=self.max_images_box.value() if series else None,
            watermark={"on": True, "off": False}.get(watermark or ""),
            safety_tolerance=number(self.safety_box),
        )

    def show(self, values: OptionValues, choose: Callable[[QComboBox, str | None], None]) -> None:
        """Put ``values`` in the controls (no signals: the caller blocks them)."""
        choose(self.fidelity_box, values.input_fidelity)
        choose(self.moderation_box, values.moderation)
        choose(self.complexity_box, values.complexity)
        choose(self.thinking_box, values.thinking)
        watermark = None if values.watermark is None else ("on" if values.watermark else "off")
        choose(self.watermark_box, watermark)
        for box, value in (
            (self.compression_box, values.output_compression),
            (self.frame_count_box, values.frame_count),
            (self.frame_duration_box, values.frame_duration_ms),
            (self.safety_box, values.safety_tolerance),
        ):
            box.setValue(box.minimum() if value is None else value)
        self.series_check.setChecked(values.sequential == "auto")
        if values.max_images is not None:
            self.max_images_box.setValue(values.max_images)
