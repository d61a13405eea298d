"""Restore from an image (studio.engine.restore): the one use-case behind a dropped image in the
window and ``generate --from-image``."""

from __future__ import annotations

import hashlib
import io
from pathlib import Path

import pytest
from PIL import Image

from studio.domain.errors import InputError
from studio.domain.model_spec import ProtocolId
from studio.engine.restore import restore_from_image
from studio.imaging.provenance import Provenance, embed, sidecar_path
from studio.store.blobs import BlobStore


def png(color: str, size: tuple[int, int] = (8, 8)) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", size, color).save(buffer, "PNG")
    return buffer.getvalue()


def studio_image(folder: Path, provenance: Provenance, name: str = "made.png") -> Path:
    data, sidecar = embed(png("navy"), provenance)
    assert sidecar is None
    path = folder / name
    path.write_bytes(data)
    return path


def test_settings_references_and_notes_come_back(tmp_path: Path) -> None:
    blobs = BlobStore(tmp_path / "blobs")
    kept, _ = blobs.put(png("red"), "png")
    gone = hashlib.sha256(png("green")).hexdigest()  # a reference this history never had
    other, _ = blobs.put(png("blue"), "webp")
    found = Provenance(
        job_id="j1",
        prompt="a lighthouse at dusk",
        model="gpt-image-1",
        protocol="images",
        parameters={"ratio": "3:2", "quality": "high", "n": 2, "background": "neon", "seed": 7},
        profile="my relay",
        references=[kept, gone, other],
    )
    restored = restore_from_image(studio_image(tmp_path, found), blobs)

    assert restored.settings == {
        "prompt": "a lighthouse at dusk",
        "model": "gpt-image-1",
        "protocol": ProtocolId.IMAGES,
        "ratio": "3:2",
        "quality": "high",
        "n": 2,
        "seed": 7,
    }
    assert [(ref.name, ref.path) for ref in restored.references] == [
        ("reference 1.png", blobs.find(kept)),
        ("reference 3.webp", blobs.find(other)),
    ]
    assert restored.missing == 1
    assert restored.profile == "my relay"
    request = restored.request
    assert (request.prompt, request.ratio, request.n) == ("a lighthouse at dusk", "3:2", 2)
    assert request.references == restored.references
    codes = [note.code for note in restored.notes]
    assert codes == ["setting_left_out", "refs_missing"]  # "neon" is no background
    assert restored.notes[1].message == (
        "1 reference image(s) of “made.png” are not in this history; add them again to use them."
    )


def test_a_sidecar_is_read_too_and_nothing_missing_says_nothing(tmp_path: Path) -> None:
    path = tmp_path / "made.webp"
    path.write_bytes(b"RIFF....WEBP")
    found = Provenance(job_id="j2", prompt="a fox", model="flux-pro", profile="")
    sidecar_path(path).write_text(found.to_json(), encoding="utf-8")
    restored = restore_from_image(path, BlobStore(tmp_path / "blobs"))
    assert restored.settings == {"prompt": "a fox", "model": "flux-pro"}
    assert (restored.references, restored.missing, restored.notes) == ((), 0, ())


def test_an_image_without_studio_settings_is_refused_by_name(tmp_path: Path) -> None:
    path = tmp_path / "holiday.png"
    path.write_bytes(png("white"))
    with pytest.raises(InputError, match=r"“.*holiday\.png” carries no studio settings"):
        restore_from_image(path, BlobStore(tmp_path / "blobs"))
    with pytest.raises(InputError, match=r"“absent\.png” could not be found"):
        restore_from_image(tmp_path / "absent.png", BlobStore(tmp_path / "blobs"))
