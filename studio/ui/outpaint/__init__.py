"""Expand canvas (outpainting): the dialog that enlarges a picture and masks the new area."""
