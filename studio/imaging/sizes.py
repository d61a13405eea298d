"""Pixel sizes the studio caches thumbnails at (no Pillow here: the window imports it early)."""

THUMBNAIL_SIZES = (256, 512)
