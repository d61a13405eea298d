"""Pillow work: load and check inputs, prepare uploads and masks, validate and check results.

Every function is synchronous, CPU-bound and free of global state: run it in a thread.
"""

from studio.imaging.checks import changed_outside_mask, keep_outside_mask, ratio_check
from studio.imaging.inputs import MAX_INPUT_PIXELS, LoadedImage, load_image
from studio.imaging.masks import (
    check_mask_matches,
    load_mask,
    mask_for_upload,
    mask_from_image,
    mask_to_image,
)
from studio.imaging.results import (
    ValidatedImage,
    decode_base64_image,
    find_image_links,
    parse_data_url,
    validate_result,
)
from studio.imaging.uploads import (
    Placement,
    PreparedImage,
    Upload,
    image_to_data_url,
    prepare_upload,
)

__all__ = [
    "MAX_INPUT_PIXELS",
    "LoadedImage",
    "Placement",
    "PreparedImage",
    "Upload",
    "ValidatedImage",
    "changed_outside_mask",
    "check_mask_matches",
    "decode_base64_image",
    "find_image_links",
    "image_to_data_url",
    "keep_outside_mask",
    "load_image",
    "load_mask",
    "mask_for_upload",
    "mask_from_image",
    "mask_to_image",
    "parse_data_url",
    "prepare_upload",
    "ratio_check",
    "validate_result",
]
