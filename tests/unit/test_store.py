"""The history database: durable rows, search, favourites, trash, migrations."""

from __future__ import annotations

import sqlite3
import time
from pathlib import Path

import pytest
from PIL import Image

from studio.domain.errors import ErrorKind, InputError, RelayError
from studio.domain.job import Job, JobState
from studio.domain.model_spec import ProtocolId
from studio.domain.notice import Notice
from studio.domain.request import GenerationRequest, Mask, Reference
from studio.domain.results import ImageResult, Usage
from studio.imaging.results import validate_result
from studio.store.database import connect, migrate, schema_version
from studio.store.history import Filters, Store
from studio.store.schema import LATEST


def _png(color: tuple[int, int, int], size: tuple[int, int] = (64, 48)) -> bytes:
    import io

    buffer = io.BytesIO()
    Image.new("RGB", size, color).save(buffer, "PNG")
    return buffer.getvalue()


@pytest.fixture
def store(tmp_path: Path) -> Store:
    with Store(tmp_path / "data") as opened:
        yield opened


def _job(prompt: str = "a red kite over dunes", model: str = "gpt-image-1", **options) -> Job:
    return Job(f"job{time.time_ns()}", GenerationRequest(prompt, model, **options), "relay-a")


def test_job_round_trip_keeps_everything(store: Store, tmp_path: Path) -> None:
    ref = tmp_path / "ref photo.png"
    ref.write_bytes(_png((10, 20, 30)))
    mask = Mask(_png((255, 255, 255)), 64, 48, "mask.png")
    request = GenerationRequest(
        "一只猫 on a roof",
        "gpt-image-1",
        protocol=ProtocolId.IMAGES_ASYNC,
        ratio="3:2",
        n=2,
        quality="high",
        references=(
            Reference(name="ref photo.png", path=ref),
            Reference(name="web", url="https://example.com/a.png"),
        ),
        mask=mask,
    )
    stored, inputs = store.store_inputs(request)
    job = Job("j1", stored, "relay-a", protocol=ProtocolId.IMAGES_ASYNC)
    store.create_job(job, inputs, owner="me")
    job.state, job.task_id, job.progress = JobState.RUNNING, "task-9", 45.0
    job.usage = Usage({"total_tokens": 12})
    job.warnings.append(Notice("downscaled", "{name} was downscaled", {"name": "ref"}))
    job.error = RelayError(ErrorKind.TASK_FAILED, "failed {x}", relay_message="upstream", x=1)
    store.update_job(job)

    record = store.get("j1")
    assert record is not None and record.owner == "me"
    loaded = record.job
    assert (loaded.state, loaded.task_id, loaded.progress) == (JobState.RUNNING, "task-9", 45.0)
    assert loaded.usage is not None and loaded.usage.raw == {"total_tokens": 12}
    assert loaded.warnings[0].message == "ref was downscaled"
    assert isinstance(loaded.error, RelayError) and loaded.error.message == "failed 1"
    assert loaded.error.relay_message == "upstream"
    again = loaded.request
    assert again.parameters() == request.parameters()
    assert again.references[0].path is not None
    assert again.references[0].path.read_bytes() == ref.read_bytes()  # the exact bytes kept
    assert again.references[0].name == "ref photo.png"
    assert again.references[1].url == "https://example.com/a.png"
    assert again.mask == mask


def test_inputs_are_copied_so_the_original_can_go(store: Store, tmp_path: Path) -> None:
    ref = tmp_path / "gone.png"
    ref.write_bytes(_png((1, 2, 3)))
    stored, inputs = store.store_inputs(
        GenerationRequest("p", "m", references=(Reference("gone.png", ref),))
    )
    ref.unlink()
    assert stored.references[0].path is not None and stored.references[0].path.is_file()
    assert inputs[0].sha256 and inputs[0].name == "gone.png"


def test_unreadable_input_names_the_file(store: Store, tmp_path: Path) -> None:
    with pytest.raises(InputError, match=r"missing\.png"):
        store.store_inputs(
            GenerationRequest(
                "p", "m", references=(Reference("missing.png", tmp_path / "missing.png"),)
            )
        )


def test_results_are_content_addressed_and_listed(store: Store) -> None:
    job = _job()
    store.create_job(job)
    data = _png((200, 10, 10))
    image = validate_result(data)
    first = store.save_result(
        job, 0, image, "b64", None, "revised", (Notice("ratio_mismatch", "t"),)
    )
    second = store.save_result(job, 1, image, "b64", None, None)
    assert first.path == second.path and first.path.read_bytes() == data
    assert first.path.name == f"{image.sha256}.png"
    record = store.get(job.id)
    assert [i.result.index for i in record.images] == [0, 1]
    assert record.images[0].result.warnings[0].code == "ratio_mismatch"
    assert record.images[0].result.revised_prompt == "revised"
    assert store.count_images() == 2


def test_search_filters_and_paging(store: Store) -> None:
    prompts = [
        "a snow leopard on a cliff",
        "一只在屋顶上的猫",
        "misty peaks at dawn",
        "leopard print",
    ]
    for number, prompt in enumerate(prompts):
        job = _job(prompt, model="flux" if number % 2 else "gpt-image-1")
        job.created_at = 1000 + number
        job.state = JobState.SUCCEEDED if number < 3 else JobState.FAILED
        store.create_job(job)
    assert [r.job.request.prompt for r in store.list_jobs(Filters(search="leopard"))] == [
        "leopard print",
        "a snow leopard on a cliff",
    ]
    assert [r.job.request.prompt for r in store.list_jobs(Filters(search="屋顶上"))] == [
        "一只在屋顶上的猫"
    ]
    assert [r.job.request.prompt for r in store.list_jobs(Filters(search="猫"))] == [
        "一只在屋顶上的猫"
    ]
    assert len(store.list_jobs(Filters(model="flux"))) == 2
    assert [r.job.state for r in store.list_jobs(Filters(status="failed"))] == [JobState.FAILED]
    page = store.list_jobs(limit=2)
    rest = store.list_jobs(limit=10, before=(page[-1].job.created_at, page[-1].job.id))
    assert [r.job.request.prompt for r in page + rest] == list(reversed(prompts))
    assert store.list_jobs(Filters(search='quote " and % _')) == []


def test_favourites_trash_restore_purge(store: Store) -> None:
    keep, drop = _job("keep me"), _job("drop me")
    for job in (keep, drop):
        store.create_job(job)
    shared = validate_result(_png((5, 5, 5)))
    own = validate_result(_png((9, 9, 9)))
    kept_image = store.save_result(keep, 0, shared, "b64", None, None)
    store.save_result(drop, 0, shared, "b64", None, None)
    dropped_image = store.save_result(drop, 1, own, "b64", None, None)
    image_id = store.list_images(Filters(search="keep"))[0].id
    store.set_favourite(image_id)
    assert [i.id for i in store.list_images(Filters(favourites=True))] == [image_id]
    assert len(store.list_jobs(Filters(favourites=True))) == 1

    assert store.trash([drop.id]) == 1
    assert [r.job.id for r in store.list_jobs()] == [keep.id]
    assert [r.job.id for r in store.list_jobs(Filters(trashed=True))] == [drop.id]
    assert store.restore([drop.id]) == 1 and len(store.list_jobs()) == 2

    store.trash([drop.id])
    assert store.purge([drop.id]) == 1
    assert store.get(drop.id) is None
    assert kept_image.path.is_file()  # still used by the other job
    assert not dropped_image.path.exists()  # nothing else used it


def test_trash_single_images(store: Store) -> None:
    job = _job()
    store.create_job(job)
    store.save_result(job, 0, validate_result(_png((1, 1, 1))), "b64", None, None)
    (image,) = store.list_images()
    store.trash_images([image.id])
    assert store.list_images() == [] and len(store.list_images(Filters(trashed=True))) == 1
    store.restore_images([image.id])
    assert len(store.list_images()) == 1


def test_unfinished_jobs(store: Store) -> None:
    states = [
        JobState.QUEUED,
        JobState.SUBMITTED,
        JobState.RUNNING,
        JobState.SUCCEEDED,
        JobState.FAILED,
    ]
    for state in states:
        job = _job(state.value)
        job.state = state
        store.create_job(job)
    assert {r.job.state for r in store.unfinished()} == {
        JobState.QUEUED,
        JobState.SUBMITTED,
        JobState.RUNNING,
    }


def test_database_is_wal_and_sound(store: Store) -> None:
    path = store.data_dir / "history.sqlite3"
    connection = sqlite3.connect(path)
    assert connection.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert store.integrity_check() == "ok"
    assert schema_version(connection) == LATEST


def test_an_older_schema_migrates_with_its_data(tmp_path: Path) -> None:
    path = tmp_path / "data" / "history.sqlite3"
    path.parent.mkdir()
    old = sqlite3.connect(path, isolation_level=None)
    migrate(old, target=1)
    assert schema_version(old) == 1
    old.execute(
        "INSERT INTO jobs (id, created_at, updated_at, profile, model, prompt, params, state)"
        " VALUES ('old1', 1, 1, 'p', 'flux', 'an old lighthouse', ?, 'succeeded')",
        ('{"prompt": "an old lighthouse", "model": "flux", "n": 1}',),
    )
    old.execute(
        "INSERT INTO images (job_id, position, sha256, extension, mime, width, height, size_bytes,"
        " source, created_at) VALUES ('old1', 0, 'abc', 'png', 'image/png', 8, 8, 10, 'url', 1)"
    )
    old.close()
    with Store(tmp_path / "data") as store:
        assert schema_version(store._db) == LATEST
        (record,) = store.list_jobs(Filters(search="lighthouse"))  # FTS got the old prompt
        assert record.job.id == "old1" and record.images[0].kind == "result"
        assert record.retry_of is None


def test_a_newer_database_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "h.sqlite3"
    sqlite3.connect(path).execute(f"PRAGMA user_version = {LATEST + 1}")
    with pytest.raises(RuntimeError, match=r"knows up to"):
        connect(path)


def test_thumbnails_are_cached_on_disk(store: Store) -> None:
    job = _job()
    store.create_job(job)
    result = store.save_result(
        job, 0, validate_result(_png((50, 60, 70), (800, 400))), "b64", None, None
    )
    path = store.thumbnail(result, 256)
    with Image.open(path) as thumb:
        assert thumb.format == "WEBP" and thumb.size == (256, 128)
    stamp = path.stat().st_mtime_ns
    assert store.thumbnail(result, 256) == path and path.stat().st_mtime_ns == stamp
    store.trash([job.id])
    store.purge([job.id])
    assert not path.exists()


def test_thumbnails_are_made_off_the_callers_thread(store: Store) -> None:
    import threading

    from studio.store.thumbnails import ThumbnailMaker

    job = _job()
    store.create_job(job)
    result = store.save_result(
        job, 0, validate_result(_png((9, 8, 7), (640, 640))), "b64", None, None
    )
    workers: list[str] = []
    original = store.thumbnail

    def spy(image: ImageResult, size: int) -> Path:
        workers.append(threading.current_thread().name)
        return original(image, size)

    store.thumbnail = spy  # type: ignore[method-assign]
    maker = ThumbnailMaker(store)
    try:
        first, second = maker.request(result, 512), maker.request(result, 512)
        assert first.result(timeout=10) == second.result(timeout=10)
        assert first.result().is_file()
    finally:
        maker.close()
    assert workers and all(name.startswith("studio-thumbnails") for name in workers)
    assert threading.current_thread().name not in workers
