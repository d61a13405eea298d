"""The history keeps a result's link without its signature: a presigned link is a credential."""

from __future__ import annotations

import io
from pathlib import Path

from PIL import Image

from studio.domain.job import Job
from studio.domain.request import GenerationRequest
from studio.imaging.results import validate_result
from studio.store.history import Store

SIGNED = (
    "https://cdn.example/r/a.png?X-Amz-Credential=AKIA%2F2026&X-Amz-Signature=f00dcafe1234"
    "&sig=beefbeef5678&x-oss-security-token=tok-0815-ossx"
)


def _png() -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (16, 16), (1, 2, 3)).save(buffer, "PNG")
    return buffer.getvalue()


def test_a_presigned_result_link_is_stored_without_its_signature(tmp_path: Path) -> None:
    data_dir = tmp_path / "data"
    job = Job("job-signed-link", GenerationRequest("a kite", "gpt-image-1"), "relay")
    with Store(data_dir) as store:
        store.create_job(job)
        store.save_result(job, 0, validate_result(_png()), "url", SIGNED, None)
        stored = store.get(job.id)
        assert stored is not None
        url = stored.images[0].result.url
        assert url is not None and url.startswith("https://cdn.example/r/a.png?")
        assert "X-Amz-Signature=***" in url and "sig=***" in url
        written = b"".join(
            path.read_bytes() for path in data_dir.glob("history.sqlite3*") if path.is_file()
        )
    for secret in (b"f00dcafe1234", b"beefbeef5678", b"tok-0815-ossx"):
        assert secret not in written
        assert secret.decode() not in url
