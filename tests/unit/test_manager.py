"""The request manager: persisted before sent, limits, cancel, retry, recovery."""

from __future__ import annotations

import asyncio
import sqlite3
from pathlib import Path

from PIL import Image

from studio.domain.errors import ErrorKind
from studio.domain.job import JobState
from studio.domain.model_spec import ProtocolId
from studio.domain.request import GenerationRequest, Reference
from studio.engine.events import EventKind, JobEvent
from studio.simulator import SimulatorServer
from studio.store.history import Store
from tests.helpers.manager import manager_on, until

ASYNC = GenerationRequest("slow lighthouse", "nano-banana", protocol=ProtocolId.IMAGES_ASYNC)


def _state_in_db(data_dir: Path, job_id: str) -> tuple[str, str | None]:
    with sqlite3.connect(data_dir / "history.sqlite3") as connection:
        return connection.execute(
            "SELECT state, task_id FROM jobs WHERE id = ?", (job_id,)
        ).fetchone()


def test_every_step_is_persisted_before_it_is_told(sim: SimulatorServer, tmp_path: Path) -> None:
    data = tmp_path / "data"
    sim.set_faults("async-duration=0.4")
    seen: list[tuple[str, str, str | None, int]] = []

    async def go() -> None:
        async with manager_on(sim.url, data) as manager:

            def listener(event: JobEvent) -> None:
                state, task_id = _state_in_db(data, event.job.id)
                paid = sim.state.stats()["paid_requests"]
                seen.append((event.kind.value, state, task_id, paid))
                if event.kind is EventKind.IMAGE_SAVED:
                    with sqlite3.connect(data / "history.sqlite3") as connection:
                        (rows,) = connection.execute("SELECT COUNT(*) FROM images").fetchone()
                    assert rows == 1 and event.image is not None and event.image.path.is_file()

            manager.listeners.append(listener)
            job = await manager.run(ASYNC, "sim")
            assert job.state is JobState.SUCCEEDED, job.error

    asyncio.run(go())
    by_kind = {kind: (state, task, paid) for kind, state, task, paid in seen}
    assert by_kind["task_id"][1] is not None  # the task id was in the database when told
    submitted = next(item for item in seen if item[1] == "submitted")
    assert submitted[3] == 0  # "submitted" was committed before the request left
    assert seen[-1][1] == "succeeded"


def test_concurrency_limit_per_profile(sim: SimulatorServer, tmp_path: Path) -> None:
    sim.set_faults("latency=0.05")

    async def go() -> None:
        async with manager_on(sim.url, tmp_path / "data", concurrency=4) as manager:
            jobs = [
                await manager.submit(GenerationRequest(f"p{i}", "flux"), "sim") for i in range(50)
            ]
            await manager.wait_all()
            finished = [await manager.wait(j.id) for j in jobs]
            assert {job.state for job in finished} == {JobState.SUCCEEDED}

    asyncio.run(go())
    paid = [e for e in sim.log() if e.kind == "paid"]
    assert len(paid) == 50
    events = sorted([(e.arrived, 1) for e in paid] + [(e.answered, -1) for e in paid])
    level = peak = 0
    for _, step in events:
        level += step
        peak = max(peak, level)
    assert 2 <= peak <= 4


def test_a_job_cancelled_before_its_task_began_is_cancelled_not_left_queued(
    sim: SimulatorServer, tmp_path: Path
) -> None:
    data = tmp_path / "data"

    async def go() -> str:
        async with manager_on(sim.url, data) as manager:
            job = await manager.submit(GenerationRequest("never sent", "flux"), "sim")
            assert await manager.cancel(job.id)  # no await in between: the task never ran
            assert job.state is JobState.CANCELLED
            assert job.error is not None and not job.error.may_be_billed
            return job.id

    job_id = asyncio.run(go())
    assert sim.state.stats()["paid_requests"] == 0
    assert _state_in_db(data, job_id)[0] == "cancelled"


def test_cancel_queued_and_in_flight(sim: SimulatorServer, tmp_path: Path) -> None:
    sim.set_faults("latency=2")
    data = tmp_path / "data"

    async def go() -> None:
        async with manager_on(sim.url, data, concurrency=1) as manager:
            first = await manager.submit(GenerationRequest("one", "flux"), "sim")
            second = await manager.submit(GenerationRequest("two", "flux"), "sim")
            await until(lambda: sim.state.stats()["paid_requests"] >= 1)
            assert await manager.cancel(second.id)
            assert await manager.cancel(first.id)
            assert second.state is JobState.CANCELLED and not second.error.may_be_billed
            assert first.state is JobState.CANCELLED and first.error.may_be_billed
            assert "may still make the image" in first.error.message

    asyncio.run(go())
    assert sim.state.stats()["paid_requests"] == 1
    with Store(data) as store:
        states = {r.job.request.prompt: r.job.state for r in store.list_jobs()}
    assert states == {"one": JobState.CANCELLED, "two": JobState.CANCELLED}


def test_cancel_an_async_task_stops_polling(sim: SimulatorServer, tmp_path: Path) -> None:
    sim.set_faults("async-duration=30")

    async def go() -> None:
        async with manager_on(sim.url, tmp_path / "data") as manager:
            job = await manager.submit(ASYNC, "sim")
            await until(lambda: job.task_id is not None)
            await manager.cancel(job.id)
            polls = sim.state.stats()["polls"]
            await asyncio.sleep(0.6)
            assert sim.state.stats()["polls"] == polls
            assert job.state is JobState.CANCELLED and job.error.may_be_billed

    asyncio.run(go())


def test_bad_input_is_a_failed_job_in_history(sim: SimulatorServer, tmp_path: Path) -> None:
    async def go() -> None:
        async with manager_on(sim.url, tmp_path / "data") as manager:
            request = GenerationRequest(
                "x", "gpt-image-1", references=(Reference("nope.png", tmp_path / "nope.png"),)
            )
            job = await manager.run(request, "sim")
            assert job.state is JobState.FAILED and "nope.png" in job.error.message
            unknown = await manager.run(GenerationRequest("x", "flux"), "someone-else")
            assert "someone-else" in unknown.error.message

    asyncio.run(go())
    assert sim.state.stats()["paid_requests"] == 0


def test_retry_sends_the_stored_request_and_inputs(sim: SimulatorServer, tmp_path: Path) -> None:
    ref = tmp_path / "ref.png"
    Image.new("RGB", (300, 200), (1, 2, 3)).save(ref)
    sim.set_faults("502*1")

    async def go() -> None:
        async with manager_on(sim.url, tmp_path / "data") as manager:
            request = GenerationRequest(
                "edit it", "gpt-image-1", references=(Reference("ref.png", ref),)
            )
            failed = await manager.run(request, "sim")
            assert failed.error.kind is ErrorKind.FATE_UNKNOWN
            ref.unlink()  # the retry uses the stored copy
            retried = await manager.retry(failed.id)
            retried = await manager.wait(retried.id)
            assert retried.state is JobState.SUCCEEDED, retried.error

    asyncio.run(go())
    first, second = [e for e in sim.log() if e.kind == "paid"]
    assert first.parts == second.parts and first.fields == second.fields
    with Store(tmp_path / "data") as store:
        retry = store.list_jobs(limit=1)[0]
    assert retry.retry_of is not None


def test_closing_keeps_async_resumable_and_marks_sync_interrupted(
    sim: SimulatorServer, tmp_path: Path
) -> None:
    data = tmp_path / "data"
    sim.set_faults("latency=5,async-duration=30")

    async def go() -> tuple[str, str]:
        async with manager_on(sim.url, data) as manager:
            sync = await manager.submit(GenerationRequest("sync", "flux"), "sim")
            await until(lambda: sim.state.stats()["paid_requests"] >= 1)
            return sync.id, ""

    sync_id, _ = asyncio.run(go())
    assert _state_in_db(data, sync_id)[0] == "interrupted"
    sim.reset()
    sim.set_faults("async-duration=1.5")  # outlives the first manager, not the test

    async def go_async() -> str:
        async with manager_on(sim.url, data) as manager:
            job = await manager.submit(ASYNC, "sim")
            await until(lambda: job.task_id is not None)
            return job.id

    async_id = asyncio.run(go_async())
    assert _state_in_db(data, async_id) == ("running", _state_in_db(data, async_id)[1])
    assert _state_in_db(data, async_id)[1]

    async def recover() -> None:
        async with manager_on(sim.url, data) as manager:
            recovery = await manager.recover()
            assert [j.id for j in recovery.resumed] == [async_id]
            assert recovery.interrupted == []  # the sync one was already marked
            job = await manager.wait(async_id)
            assert job.state is JobState.SUCCEEDED and job.images

    asyncio.run(recover())
    assert sim.state.stats()["paid_requests"] == 1  # never resubmitted
