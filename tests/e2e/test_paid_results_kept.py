"""Issue 10, class 1: a paid result is never lost — it is kept from the moment it arrives, and a
job that cannot finish saving ends resumable; resuming never sends a paid request again."""

from __future__ import annotations

import asyncio
import errno
import json
import sqlite3
import threading
import time
from pathlib import Path

import pytest

from studio.domain.errors import Billing, ErrorKind
from studio.domain.job import JobState
from studio.domain.model_spec import ProtocolId
from studio.domain.request import GenerationRequest
from studio.simulator import SimulatorServer
from studio.store.blobs import BlobStore
from studio.store.history import Store
from tests.helpers.manager import manager_on

LINKED = GenerationRequest("a lighthouse at dusk", "flux")  # the relay answers with links
INLINE_TWO = GenerationRequest("two red kites", "gpt-image-1", n=2)  # base64, two images
ASYNC = GenerationRequest("slow lighthouse", "flux", protocol=ProtocolId.IMAGES_ASYNC)


def _paid(sim: SimulatorServer) -> int:
    return sim.state.stats()["paid_requests"]


def _downloads(sim: SimulatorServer) -> int:
    return sim.state.stats()["downloads"]


def _run(coroutine):
    return asyncio.run(coroutine)


@pytest.mark.parametrize("fault", ["download-500", "download-reset"])
def test_a_link_that_fails_for_a_while_is_downloaded_after_retries(
    sim: SimulatorServer, tmp_path: Path, fault: str
) -> None:
    sim.set_faults(f"{fault}*2")

    async def go():
        async with manager_on(sim.url, tmp_path / "data") as manager:
            return await manager.run(LINKED, "sim")

    job = _run(go())
    assert job.state is JobState.SUCCEEDED, job.error
    assert len(job.images) == 1 and job.images[0].path.is_file()
    assert _paid(sim) == 1 and _downloads(sim) == 3


def test_a_link_that_keeps_failing_leaves_a_resumable_job_and_resume_pays_nothing(
    sim: SimulatorServer, tmp_path: Path
) -> None:
    sim.set_faults("download-500")
    data = tmp_path / "data"

    async def first():
        async with manager_on(sim.url, data) as manager:
            return await manager.run(LINKED, "sim")

    failed = _run(first())
    assert failed.state is JobState.FAILED and failed.resumable
    assert failed.error is not None and failed.error.kind is ErrorKind.NETWORK
    assert failed.error.billing is Billing.MAY_BE_BILLED
    assert "Resume downloads it again" in failed.error.message
    journal = json.loads(next((data / "spool").glob("*/journal.json")).read_text())
    assert journal["deliveries"][0]["url"].startswith(sim.url)  # the link was kept
    assert _paid(sim) == 1

    sim.state.clear_faults()

    async def later():
        async with manager_on(sim.url, data) as manager:  # another process, later
            recovery = await manager.recover()
            return [await manager.wait(job.id) for job in recovery.resumed]

    (resumed,) = _run(later())
    assert resumed.id == failed.id and resumed.state is JobState.SUCCEEDED, resumed.error
    assert not resumed.resumable and resumed.error is None
    assert _paid(sim) == 1  # zero new paid requests
    with Store(data) as store:
        record = store.get(failed.id)
        assert record is not None and record.job.state is JobState.SUCCEEDED
        assert len(record.images) == 1 and record.images[0].result.path.is_file()
    assert not any((data / "spool").iterdir())  # nothing left in the journal


def test_an_expired_link_ends_the_job_and_says_it_may_have_been_billed(
    sim: SimulatorServer, tmp_path: Path
) -> None:
    sim.set_faults("expired-url")

    async def go():
        async with manager_on(sim.url, tmp_path / "data") as manager:
            return await manager.run(LINKED, "sim")

    job = _run(go())
    assert job.state is JobState.FAILED and not job.resumable
    assert job.error is not None and job.error.kind is ErrorKind.RESULT_EXPIRED
    assert job.error.may_be_billed
    assert "after 3 tries" in job.error.message
    assert _downloads(sim) == 3 and _paid(sim) == 1


def test_a_task_the_relay_does_not_know_yet_is_polled_again(
    sim: SimulatorServer, tmp_path: Path
) -> None:
    sim.set_faults("poll-404*3,async-duration=0.3")

    async def go():
        async with manager_on(sim.url, tmp_path / "data") as manager:
            return await manager.run(ASYNC, "sim")

    job = _run(go())
    assert job.state is JobState.SUCCEEDED, job.error
    assert sim.state.stats()["polls"] >= 4 and _paid(sim) == 1


def test_an_async_job_at_its_time_limit_stays_resumable(
    sim: SimulatorServer, tmp_path: Path
) -> None:
    sim.set_faults("poll-404")
    data = tmp_path / "data"

    async def first():
        async with manager_on(sim.url, data, job_timeout=1.5) as manager:
            return await manager.run(ASYNC, "sim")

    stopped = _run(first())
    assert stopped.state is JobState.INTERRUPTED and stopped.resumable
    assert stopped.task_id and stopped.error is not None and stopped.error.may_be_billed
    assert "Resume asks again" in stopped.error.message

    sim.state.clear_faults()

    async def later():
        async with manager_on(sim.url, data) as manager:
            recovery = await manager.recover()
            return [await manager.wait(job.id) for job in recovery.resumed]

    (resumed,) = _run(later())
    assert resumed.state is JobState.SUCCEEDED, resumed.error
    assert _paid(sim) == 1


def test_a_sync_job_at_its_time_limit_is_interrupted_and_not_resent(
    sim: SimulatorServer, tmp_path: Path
) -> None:
    sim.set_faults("trickle=1")  # one byte a second: the answer never completes in time

    async def go():
        async with manager_on(sim.url, tmp_path / "data", job_timeout=1.5) as manager:
            started = time.monotonic()
            job = await manager.run(LINKED, "sim")
            return job, time.monotonic() - started

    job, took = _run(go())
    assert job.state is JobState.INTERRUPTED and not job.resumable
    assert job.error is not None and job.error.may_be_billed
    assert "was not sent again" in job.error.message
    assert took < 10 and _paid(sim) == 1


def _failing_blobs(monkeypatch: pytest.MonkeyPatch, failures: int, code: int) -> list[int]:
    """The blob store refuses the next ``failures`` writes with a real OS error."""
    calls = [0]
    put, adopt = BlobStore.put, BlobStore.adopt

    def refuse() -> None:
        calls[0] += 1
        if calls[0] <= failures:
            raise OSError(code, errno.errorcode.get(code, "error") and _strerror(code))

    def failing_put(self, *args, **kwargs):
        refuse()
        return put(self, *args, **kwargs)

    def failing_adopt(self, *args, **kwargs):
        refuse()
        return adopt(self, *args, **kwargs)

    monkeypatch.setattr(BlobStore, "put", failing_put)
    monkeypatch.setattr(BlobStore, "adopt", failing_adopt)
    return calls


def _strerror(code: int) -> str:
    import os

    return os.strerror(code)


@pytest.mark.parametrize("code", [errno.ENOSPC, errno.EFBIG, errno.EACCES, errno.EROFS])
def test_an_os_error_while_saving_keeps_the_bytes_and_retry_save_finishes(
    sim: SimulatorServer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, code: int
) -> None:
    data = tmp_path / "data"
    calls = _failing_blobs(monkeypatch, 1, code)

    async def go():
        async with manager_on(sim.url, data) as manager:
            job = await manager.run(INLINE_TWO, "sim")
            first = (job.state, job.resumable, len(job.images), job.error)
            again = await manager.resume(job.id)
            assert again is not None
            return first, await manager.wait(job.id)

    (state, resumable, saved, error), finished = _run(go())
    assert (state, resumable, saved) == (JobState.FAILED, True, 1)  # the other one is counted
    assert error is not None and error.kind is ErrorKind.SAVE_FAILED
    assert _strerror(code) in error.message and "Retry save" in error.message
    assert error.may_be_billed
    assert finished.state is JobState.SUCCEEDED and len(finished.images) == 2
    assert calls[0] >= 3 and _paid(sim) == 1
    with Store(data) as store:
        record = store.get(finished.id)
        assert record is not None and len(record.images) == 2


def test_the_history_locked_longer_than_the_busy_timeout_still_gets_the_result(
    sim: SimulatorServer, tmp_path: Path
) -> None:
    data = tmp_path / "data"
    sim.set_faults("latency=0.8")
    Store(data).close()  # the schema exists before anyone locks it
    released = threading.Event()

    def hold_lock() -> None:
        time.sleep(0.5)  # the request is on its way
        connection = sqlite3.connect(data / "history.sqlite3", isolation_level=None)
        connection.execute("BEGIN IMMEDIATE")
        time.sleep(2.0)  # the answer arrives meanwhile; the busy time-out is 0.2 s
        connection.execute("ROLLBACK")
        connection.close()
        released.set()

    async def go():
        store = Store(data, busy_timeout=0.2)
        from studio.catalog import Catalog
        from studio.engine.manager import RequestManager
        from tests.helpers.engine import FAST_RETRIES
        from tests.helpers.manager import profiles_for

        manager = RequestManager(store, Catalog.load(), profiles_for(sim.url), policy=FAST_RETRIES)
        try:
            locker = threading.Thread(target=hold_lock)
            locker.start()
            job = await manager.run(INLINE_TWO, "sim")
            locker.join()
            return job
        finally:
            await manager.aclose()
            store.close()

    job = _run(go())
    assert released.is_set()
    assert job.state is JobState.SUCCEEDED, job.error
    with Store(data) as store:
        record = store.get(job.id)
        assert record is not None and record.job.state is JobState.SUCCEEDED
        assert len(record.images) == 2


# -- the same, from a terminal ------------------------------------------------------------------


def _cli(sim: SimulatorServer, *args: str, limit_file_size: int | None = None):
    import os
    import resource
    import signal
    import subprocess
    import sys

    def limit() -> None:  # writes beyond the limit fail with EFBIG, a real "disk" error
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        assert limit_file_size is not None
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit_file_size, limit_file_size))

    env = dict(os.environ, STUDIO_BASE_URL=sim.url, STUDIO_API_KEY="sk-kept-results-0001")
    return subprocess.run(
        [sys.executable, "-m", "studio.cli", *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
        preexec_fn=limit if limit_file_size is not None else None,
    )


def _last_json(text: str) -> dict:
    return json.loads(text.strip().splitlines()[-1])


def test_cli_a_failed_download_exits_1_and_resume_fetches_it_without_paying(
    sim: SimulatorServer, tmp_path: Path
) -> None:
    sim.set_faults("download-500")
    out = tmp_path / "out"
    first = _cli(
        sim, "generate", "--prompt", "a kite", "--model", "flux", "--out", str(out), "--json"
    )
    assert first.returncode == 1, first.stderr
    summary = _last_json(first.stdout)
    assert summary["status"] == "failed" and summary["images"] == []
    assert "may have been billed" in summary["error"]
    assert "studio-cli resume" in first.stderr and "Traceback" not in first.stderr
    sim.state.clear_faults()

    resumed = _cli(sim, "resume", "--json")
    assert resumed.returncode == 0, resumed.stderr
    (job,) = _last_json(resumed.stdout)["resumed"]
    assert job["job_id"] == summary["job_id"] and job["status"] == "succeeded"
    assert Path(job["images"][0]["path"]).is_file()
    assert _paid(sim) == 1


def test_cli_a_file_too_large_to_write_exits_1_and_resume_saves_it(
    sim: SimulatorServer, tmp_path: Path
) -> None:
    sim.set_faults("grain")  # photo-like images: bigger than the file size limit below
    out = tmp_path / "out"
    first = _cli(
        sim,
        "generate",
        "--prompt",
        "a grainy kite",
        "--model",
        "flux",
        "--out",
        str(out),
        "--json",
        limit_file_size=400_000,
    )
    assert first.returncode == 1, first.stderr
    summary = _last_json(first.stdout)
    assert "File too large" in summary["error"], summary
    assert "Traceback" not in first.stderr
    sim.state.clear_faults()

    resumed = _cli(sim, "resume", "--json")
    assert resumed.returncode == 0, resumed.stderr
    (job,) = _last_json(resumed.stdout)["resumed"]
    assert job["status"] == "succeeded" and Path(job["images"][0]["path"]).is_file()
    assert _paid(sim) == 1


def test_cli_timeout_ends_a_trickling_answer(sim: SimulatorServer, tmp_path: Path) -> None:
    sim.set_faults("trickle=1")
    started = time.monotonic()
    result = _cli(
        sim,
        "generate",
        "--prompt",
        "a kite",
        "--model",
        "flux",
        "--timeout",
        "2",
        "--out",
        str(tmp_path / "out"),
        "--json",
    )
    assert time.monotonic() - started < 30
    assert result.returncode == 1, result.stderr
    summary = _last_json(result.stdout)
    assert summary["status"] == "interrupted"
    assert "within 2 s" in summary["error"] and "may have been billed" in summary["error"]
    assert _paid(sim) == 1


@pytest.mark.parametrize("value", ["0", "-5", "nan"])
def test_cli_timeout_must_be_positive(sim: SimulatorServer, tmp_path: Path, value: str) -> None:
    result = _cli(
        sim,
        "generate",
        "--prompt",
        "a kite",
        "--model",
        "flux",
        f"--timeout={value}",
        "--out",
        str(tmp_path / "out"),
    )
    assert result.returncode == 2 and "--timeout" in result.stderr
    assert sim.log() == []


@pytest.mark.parametrize(("fault", "extension"), [("bmp-result", "bmp"), ("tiff-result", "tif")])
@pytest.mark.parametrize("request_", [INLINE_TWO, LINKED], ids=["inline", "link"])
def test_a_result_in_a_format_the_studio_cannot_show_is_kept_as_sent(
    sim: SimulatorServer,
    tmp_path: Path,
    fault: str,
    extension: str,
    request_: GenerationRequest,
) -> None:
    from PIL import Image

    from studio.engine.export import export_image

    sim.set_faults(fault)
    data = tmp_path / "data"

    async def go():
        async with manager_on(sim.url, data) as manager:
            return await manager.run(request_, "sim")

    job = _run(go())
    assert job.state is JobState.SUCCEEDED, job.error
    image = job.images[0]
    assert image.mime == "image/png" and image.path.suffix == ".png"  # the copy shown
    assert image.original is not None and image.original.suffix == f".{extension}"
    with Image.open(image.original) as original, Image.open(image.path) as shown:
        assert original.format == ("BMP" if extension == "bmp" else "TIFF")
        assert original.size == shown.size
    assert any(n.code == "converted" for n in job.warnings)
    with Store(data) as store:
        record = store.get(job.id)
        assert record is not None
        stored = record.images[0]
        assert stored.result.original == image.original
        exported = export_image(record, stored, tmp_path / "out")
        assert exported.path.suffix == f".{extension}" and exported.mime.startswith("image/")
        assert exported.path.read_bytes() == image.original.read_bytes()  # as the relay sent it
        store.purge([job.id])
        assert not image.original.exists() and not image.path.exists()


def test_the_history_locked_past_all_patience_leaves_the_result_kept_for_retry_save(
    sim: SimulatorServer, tmp_path: Path
) -> None:
    from studio.catalog import Catalog
    from studio.engine.manager import RequestManager
    from tests.helpers.engine import FAST_RETRIES
    from tests.helpers.manager import profiles_for

    data = tmp_path / "data"
    sim.set_faults("latency=0.6")
    Store(data).close()
    locked, release = threading.Event(), threading.Event()

    def hold_lock() -> None:
        time.sleep(0.3)  # the request is on its way
        connection = sqlite3.connect(data / "history.sqlite3", isolation_level=None)
        connection.execute("BEGIN IMMEDIATE")
        locked.set()
        release.wait(30)
        connection.execute("ROLLBACK")
        connection.close()

    async def go():
        store = Store(data, busy_timeout=0.1, patience=0.4)
        manager = RequestManager(store, Catalog.load(), profiles_for(sim.url), policy=FAST_RETRIES)
        locker = threading.Thread(target=hold_lock)
        try:
            locker.start()
            job = await manager.run(INLINE_TWO, "sim")
            first = (job.state, job.resumable, job.error)
            release.set()
            locker.join()
            assert await manager.resume(job.id) is not None
            return first, await manager.wait(job.id)
        finally:
            release.set()
            await manager.aclose()
            store.close()

    (state, resumable, error), finished = _run(go())
    assert locked.is_set()
    assert (state, resumable) == (JobState.FAILED, True)
    assert error is not None and error.kind is ErrorKind.SAVE_FAILED
    assert "locked" in error.message
    assert finished.state is JobState.SUCCEEDED and len(finished.images) == 2
    assert _paid(sim) == 1
    with Store(data) as store:
        record = store.get(finished.id)
        assert record is not None and record.job.state is JobState.SUCCEEDED
        assert len(record.images) == 2


def test_cli_retry_of_a_job_whose_result_is_kept_points_to_resume_and_sends_nothing(
    sim: SimulatorServer, tmp_path: Path
) -> None:
    sim.set_faults("download-500")
    first = _cli(
        sim,
        "generate",
        "--prompt",
        "a kite",
        "--model",
        "flux",
        "--out",
        str(tmp_path / "out"),
        "--json",
    )
    job_id = _last_json(first.stdout)["job_id"]
    sim.state.clear_faults()
    retried = _cli(sim, "retry", job_id)
    assert retried.returncode == 2 and "studio-cli resume" in retried.stderr
    assert _paid(sim) == 1
