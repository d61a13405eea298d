"""Pillow work: load and check inputs, prepare uploads and masks, validate and check results.

Every function is synchronous, CPU-bound and free of global state: run it in a thread.
The names below load their module on first use, so importing one submodule stays cheap.
"""

from __future__ import annotations

import importlib
from typing import Any

_HOMES = {
    "changed_outside_mask": "checks",
    "keep_outside_mask": "checks",
    "ratio_check": "checks",
    "MAX_INPUT_PIXELS": "inputs",
    "LoadedImage": "inputs",
    "load_image": "inputs",
    "check_mask_matches": "masks",
    "load_mask": "masks",
    "mask_for_upload": "masks",
    "mask_from_image": "masks",
    "mask_to_image": "masks",
    "ValidatedImage": "results",
    "decode_base64_image": "results",
    "find_image_links": "results",
    "parse_data_url": "results",
    "validate_result": "results",
    "Placement": "uploads",
    "PreparedImage": "uploads",
    "Upload": "uploads",
    "image_to_data_url": "uploads",
    "prepare_upload": "uploads",
}

__all__ = sorted(_HOMES)


def __getattr__(name: str) -> Any:
    if name in _HOMES:
        return getattr(importlib.import_module(f"studio.imaging.{_HOMES[name]}"), name)
    raise AttributeError(name)
