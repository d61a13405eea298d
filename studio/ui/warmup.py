"""One-time costs paid on a worker thread right after start-up, not in the middle of a job.

Loading the CA bundle (~50 ms), Pillow's format plugins and the modules a first job or the
detail view need would otherwise stall the window the first time they are used.
"""

from __future__ import annotations

import importlib

LATER_MODULES = (
    "studio.engine.runner",
    "studio.simulator",
    "studio.engine.composite",
    "studio.engine.export",
    "studio.imaging.provenance",
    "studio.imaging.thumbnails",
    "studio.imaging.outpaint",
    "studio.protocols.images_async",
    "studio.protocols.gemini",
    "studio.protocols.chat",
    "studio.protocols.midjourney",
    "PIL.PngImagePlugin",
    "PIL.JpegImagePlugin",
    "PIL.WebPImagePlugin",
)


def warm_up() -> None:
    from PIL import Image

    from studio.protocols.transport import tls_context

    tls_context()
    Image.init()
    for name in LATER_MODULES:
        importlib.import_module(name)
