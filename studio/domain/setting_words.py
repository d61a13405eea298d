"""The words that name a request's settings in notes (the window translates a note's words in
the Warnings context): one table for the plan's notes and for what a restored image leaves out."""

from __future__ import annotations

from studio.domain.i18n import QT_TRANSLATE_NOOP, WARNINGS

SETTING_WORDS = {
    "protocol": QT_TRANSLATE_NOOP(WARNINGS, "protocol"),
    "operation": QT_TRANSLATE_NOOP(WARNINGS, "operation"),
    "ratio": QT_TRANSLATE_NOOP(WARNINGS, "ratio"),
    "resolution": QT_TRANSLATE_NOOP(WARNINGS, "resolution"),
    "size": QT_TRANSLATE_NOOP(WARNINGS, "size"),
    "n": QT_TRANSLATE_NOOP(WARNINGS, "number of images"),
    "quality": QT_TRANSLATE_NOOP(WARNINGS, "quality"),
    "seed": QT_TRANSLATE_NOOP(WARNINGS, "seed"),
    "negative_prompt": QT_TRANSLATE_NOOP(WARNINGS, "negative prompt"),
    "style": QT_TRANSLATE_NOOP(WARNINGS, "style"),
    "output_format": QT_TRANSLATE_NOOP(WARNINGS, "output format"),
    "background": QT_TRANSLATE_NOOP(WARNINGS, "background"),
    "blend_dimensions": QT_TRANSLATE_NOOP(WARNINGS, "blend shape"),
    "input_fidelity": QT_TRANSLATE_NOOP(WARNINGS, "input fidelity"),
    "output_compression": QT_TRANSLATE_NOOP(WARNINGS, "compression"),
    "moderation": QT_TRANSLATE_NOOP(WARNINGS, "moderation"),
    "complexity": QT_TRANSLATE_NOOP(WARNINGS, "complexity"),
    "frame_count": QT_TRANSLATE_NOOP(WARNINGS, "frame count"),
    "frame_duration_ms": QT_TRANSLATE_NOOP(WARNINGS, "frame duration (ms)"),
    "thinking": QT_TRANSLATE_NOOP(WARNINGS, "thinking level"),
    "sequential": QT_TRANSLATE_NOOP(WARNINGS, "image series"),
    "max_images": QT_TRANSLATE_NOOP(WARNINGS, "number of images in a series"),
    "watermark": QT_TRANSLATE_NOOP(WARNINGS, "watermark"),
    "safety_tolerance": QT_TRANSLATE_NOOP(WARNINGS, "safety tolerance"),
    "mask": QT_TRANSLATE_NOOP(WARNINGS, "mask"),
    "references": QT_TRANSLATE_NOOP(WARNINGS, "reference images"),
    "markup": QT_TRANSLATE_NOOP(WARNINGS, "markup overlay"),
}
