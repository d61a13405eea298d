"""Where reference images come from: drops, the clipboard, the gallery; thumbnails of them.

:func:`harvest` reads a QMimeData on the GUI thread without decoding anything: files become
path references, raw image bytes become data references, URLs stay URLs. Only a bare QImage
(no encoded bytes offered) must be encoded, which :func:`png_bytes` does on a worker thread.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from PySide6.QtCore import (
    QBuffer,
    QByteArray,
    QCoreApplication,
    QIODevice,
    QMimeData,
    QSize,
    Qt,
    QUrl,
)
from PySide6.QtGui import QImage, QImageReader

from studio.domain.request import Reference

GALLERY_MIME = "application/x-studio-image-ids"  # a gallery tile: ids plus file URLs
MOVE_MIME = "application/x-studio-reference-move"  # a tile moved within the tray: its index
IMAGE_SUFFIXES = frozenset(
    {".png", ".jpg", ".jpeg", ".webp", ".gif", ".bmp", ".tif", ".tiff", ".heic", ".heif", ".avif"}
)
RAW_IMAGE_TYPES = {
    "image/png": ".png",
    "image/jpeg": ".jpg",
    "image/webp": ".webp",
    "image/gif": ".gif",
    "image/bmp": ".bmp",
}


def tr(text: str) -> str:
    return QCoreApplication.translate("ComposerSources", text)


@dataclass
class Harvest:
    references: list[Reference] = field(default_factory=list)
    images: list[tuple[str, QImage]] = field(default_factory=list)  # to encode off the GUI thread
    rejected: list[str] = field(default_factory=list)  # names of files that are not images

    @property
    def count(self) -> int:
        return len(self.references) + len(self.images)


def is_image_name(name: str) -> bool:
    return PurePosixPath(name.lower()).suffix in IMAGE_SUFFIXES


def _local_files(mime: QMimeData) -> list[Path]:
    return [Path(url.toLocalFile()) for url in mime.urls() if url.isLocalFile()]


def _web_urls(mime: QMimeData) -> list[QUrl]:
    return [url for url in mime.urls() if url.scheme() in ("http", "https") and url.host()]


def _url_name(url: QUrl, fallback: str) -> str:
    name = PurePosixPath(url.path()).name
    return name if name else (url.host() or fallback)


def _text_image_url(mime: QMimeData) -> QUrl | None:
    """A copied link to an image (text like ``https://…/cat.png``), if that is all the text is."""
    if not mime.hasText():
        return None
    text = mime.text().strip()
    if not text or any(ch.isspace() for ch in text):
        return None
    url = QUrl(text)
    if url.scheme() in ("http", "https") and url.host() and is_image_name(url.path()):
        return url
    return None


def carries_images(mime: QMimeData) -> bool:
    """Whether ``mime`` holds something that would become a reference (cheap: no decoding)."""
    if mime.hasFormat(GALLERY_MIME) or mime.hasImage():
        return True
    if any(mime.hasFormat(kind) for kind in RAW_IMAGE_TYPES):
        return True
    return any(is_image_name(path.name) for path in _local_files(mime))


def harvest(mime: QMimeData, *, pasted: bool = False) -> Harvest:
    """The references ``mime`` carries: local files first, then image bytes, then web URLs."""
    found = Harvest()
    stem = tr("pasted image") if pasted else tr("dropped image")
    files = _local_files(mime)
    if files:
        for path in files:
            if is_image_name(path.name):
                found.references.append(Reference(name=path.name, path=path))
            else:
                found.rejected.append(path.name)
        return found
    web = _web_urls(mime)
    for kind, suffix in RAW_IMAGE_TYPES.items():
        if mime.hasFormat(kind):
            data = bytes(mime.data(kind).data())
            if data:
                name = _url_name(web[0], "") if web else ""
                if not is_image_name(name):
                    name = f"{stem}{suffix}"
                found.references.append(Reference(name=name, data=data))
                return found
    if mime.hasImage():
        image = QImage(mime.imageData())
        if not image.isNull():
            name = _url_name(web[0], "") if web else ""
            base = PurePosixPath(name).stem if is_image_name(name) else stem
            found.images.append((f"{base}.png", image))
            return found
    if not web and (link := _text_image_url(mime)) is not None:
        web = [link]
    for url in web:
        text = url.toString(QUrl.ComponentFormattingOption.FullyEncoded)
        found.references.append(Reference(name=_url_name(url, stem), url=text))
    return found


def png_bytes(image: QImage) -> bytes:
    """``image`` as PNG (thread-safe: QImage and a local QBuffer)."""
    array = QByteArray()
    buffer = QBuffer(array)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    buffer.close()
    return bytes(array.data())


def read_image(reference: Reference, longest_side: int) -> QImage:
    """``reference`` decoded to at most ``longest_side`` pixels (worker thread; null on failure).

    JPEGs decode at a reduced scale straight away; EXIF rotation is applied.
    """
    if reference.data is not None:
        array = QByteArray(reference.data)
        device: QIODevice = QBuffer(array)
        device.open(QIODevice.OpenModeFlag.ReadOnly)
        reader = QImageReader(device)
    elif reference.path is not None:
        reader = QImageReader(str(reference.path))
    else:
        return QImage()
    reader.setAutoTransform(True)
    size = reader.size()
    if size.isValid() and max(size.width(), size.height()) > longest_side:
        scale = longest_side / max(size.width(), size.height())
        reader.setScaledSize(
            QSize(max(1, round(size.width() * scale)), max(1, round(size.height() * scale)))
        )
    image = reader.read()
    if not image.isNull() and max(image.width(), image.height()) > longest_side:
        image = image.scaled(
            QSize(longest_side, longest_side),
            aspectMode=Qt.AspectRatioMode.KeepAspectRatio,
            mode=Qt.TransformationMode.SmoothTransformation,
        )
    return image
