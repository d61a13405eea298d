"""Issue 11: the real engine against relays with a personality of their own (protocol.md §11).

Where the engine adapts (images inside words, tasks by shape, link objects, relay names) the
job succeeds and says how; for the rest these tests pin down today's behaviour.
"""

from __future__ import annotations

import asyncio
import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from studio.domain.errors import Billing, ErrorKind
from studio.domain.job import Job, JobState
from studio.domain.model_spec import ProtocolId
from studio.domain.request import GenerationRequest
from studio.engine.events import EventKind, JobEvent
from studio.simulator import SimulatorServer
from studio.store.history import Store
from tests.helpers.engine import run_job
from tests.helpers.manager import manager_on

TASK_NOTE = "The relay answered with a task to poll"


@pytest.fixture
def out(tmp_path: Path) -> Path:
    return tmp_path / "out"


def _paid(sim: SimulatorServer) -> list[str]:
    return [entry.path for entry in sim.log() if entry.kind == "paid"]


def _polls(sim: SimulatorServer) -> list[str]:
    return [entry.path for entry in sim.log() if entry.kind == "poll"]


def _task_notes(job: Job) -> list[str]:
    return [n.template for n in job.warnings if n.template.startswith(TASK_NOTE)]


# -- gemini-markdown ----------------------------------------------------------------------------


def test_gemini_images_inside_words_are_results_link_then_data_uri(
    sim: SimulatorServer, out: Path
) -> None:
    sim.set_personalities("gemini-markdown")
    request = GenerationRequest("a red kite over the dunes", "gemini-2.5-flash-image", ratio="16:9")
    linked = run_job(sim.url, request, out)
    inline = run_job(sim.url, request, out)
    for job in (linked, inline):
        assert job.state is JobState.SUCCEEDED, job.error
        (image,) = job.images  # the thought draft is not a result
        assert image.path is not None and image.path.is_file()
        assert (image.width, image.height) == (1024, 576)
        assert job.text == "Here is the image you asked for."  # no thinking, no link
    assert linked.images[0].source == "markdown"
    assert inline.images[0].source == "inline"
    assert sum(entry.kind == "download" for entry in sim.log()) == 1  # only the link
    assert len(_paid(sim)) == 2


# -- tasks by shape -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("personality", "poll_path", "polled_at"),
    [
        ("generation-task", "/v1/images/generations/{task_id}", "/v1/images/generations/"),
        ("tasks-v1", "/v1/tasks/{task_id}", "/v1/tasks/"),
    ],
)
def test_a_task_answer_to_a_sync_request_is_polled_where_its_shape_says(
    sim: SimulatorServer, out: Path, personality: str, poll_path: str, polled_at: str
) -> None:
    sim.set_personalities(personality)
    sim.set_faults("async-duration=0.6")
    events: list[JobEvent] = []
    request = GenerationRequest("a lighthouse at dusk", "gpt-image-1", size="1536x1024")
    job = run_job(sim.url, request, out, events=events)
    assert job.state is JobState.SUCCEEDED, job.error
    assert job.protocol is ProtocolId.IMAGES_ASYNC  # polled from now on (and after a crash)
    assert job.task_id and job.meta["poll_path"] == poll_path
    (image,) = job.images
    assert (image.width, image.height) == (1536, 1024)
    assert len(_task_notes(job)) == 1
    assert _paid(sim) == ["/v1/images/generations"]  # sent once, not as async
    assert _polls(sim) and all(path.startswith(polled_at) for path in _polls(sim))
    kinds = [event.kind for event in events]
    assert EventKind.TASK_ID in kinds and kinds.index(EventKind.TASK_ID) < kinds.index(
        EventKind.IMAGE_SAVED
    )


def test_the_task_and_where_to_poll_it_are_recorded_before_the_first_poll(
    sim: SimulatorServer, tmp_path: Path
) -> None:
    sim.set_personalities("tasks-v1")
    sim.set_faults("async-duration=0.6")
    seen: list[tuple[str | None, str | None, dict, int]] = []
    data = tmp_path / "data"

    async def go() -> Job:
        async with manager_on(sim.url, data) as manager:

            def listener(event: JobEvent) -> None:
                if event.kind is EventKind.TASK_ID:  # the manager stored the job first
                    with sqlite3.connect(data / "history.sqlite3") as db:
                        row = db.execute(
                            "SELECT task_id, protocol, meta FROM jobs WHERE id = ?",
                            (event.job.id,),
                        ).fetchone()
                    seen.append((row[0], row[1], json.loads(row[2]), len(_polls(sim))))

            manager.listeners.append(listener)
            return await manager.run(GenerationRequest("a harbour", "gpt-image-1"), "sim")

    job = asyncio.run(go())
    assert job.state is JobState.SUCCEEDED, job.error
    ((task_id, protocol, meta, polls_then),) = seen
    assert task_id == job.task_id and protocol == "images-async"
    assert meta["poll_path"] == "/v1/tasks/{task_id}" and polls_then == 0
    with Store(data) as store:
        record = store.get(job.id)
        assert record is not None
        assert [n.template for n in record.job.warnings if n.template.startswith(TASK_NOTE)]


def test_a_task_answer_stopped_halfway_resumes_at_its_path_without_paying_again(
    sim: SimulatorServer, tmp_path: Path
) -> None:
    """Two studios one after the other: the first stops at its time limit while the relay's
    task runs, the next start polls the task where its shape said, and pays nothing."""
    sim.set_personalities("generation-task")
    sim.set_faults("async-duration=4")
    data = tmp_path / "data"

    async def first() -> Job:
        async with manager_on(sim.url, data, job_timeout=1.5) as manager:
            return await manager.run(GenerationRequest("a slow harbour", "gpt-image-1"), "sim")

    stopped = asyncio.run(first())
    assert stopped.state is JobState.INTERRUPTED and stopped.resumable, stopped.error
    assert stopped.protocol is ProtocolId.IMAGES_ASYNC and stopped.task_id

    async def later() -> list[Job]:
        async with manager_on(sim.url, data) as manager:
            recovery = await manager.recover()
            return [await manager.wait(job.id) for job in recovery.resumed]

    (resumed,) = asyncio.run(later())
    assert resumed.id == stopped.id and resumed.state is JobState.SUCCEEDED, resumed.error
    assert len(resumed.images) == 1
    assert len(_paid(sim)) == 1
    assert all(path.startswith("/v1/images/generations/") for path in _polls(sim))


def test_kill_while_a_tasks_v1_task_runs_then_resume_polls_it(
    sim: SimulatorServer, tmp_path: Path
) -> None:
    sim.set_personalities("tasks-v1")
    sim.set_faults("async-duration=4")
    env = {**os.environ, "STUDIO_BASE_URL": sim.url, "STUDIO_API_KEY": "sk-personality-0001"}
    database = Path(os.environ["STUDIO_DATA_DIR"]) / "history.sqlite3"

    def jobs() -> list[tuple[str, str, str | None, str | None, str]]:
        if not database.exists():
            return []
        try:
            with sqlite3.connect(f"file:{database}?mode=ro", uri=True) as db:
                return db.execute("SELECT id, state, task_id, protocol, meta FROM jobs").fetchall()
        except sqlite3.OperationalError:  # being created by the process under test
            return []

    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "studio.cli",
            "generate",
            "--prompt",
            "a crash test",
            "--model",
            "gpt-image-1",
            "--out",
            str(tmp_path / "out"),
            "--json",
        ],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 30
    while not any(task for _, _, task, _, _ in jobs()):
        assert time.monotonic() < deadline, "the task id never reached the history"
        time.sleep(0.02)
    process.send_signal(signal.SIGKILL)
    process.wait(timeout=10)
    ((job_id, _, task_id, protocol, meta),) = jobs()
    assert protocol == "images-async" and json.loads(meta)["poll_path"] == "/v1/tasks/{task_id}"

    result = subprocess.run(
        [sys.executable, "-m", "studio.cli", "resume", "--json"],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    (resumed,) = json.loads(result.stdout.strip().splitlines()[-1])["resumed"]
    assert resumed["job_id"] == job_id and resumed["status"] == "succeeded"
    assert Path(resumed["images"][0]["path"]).is_file()
    assert jobs()[0][1:3] == ("succeeded", task_id)
    assert len(_paid(sim)) == 1
    assert _polls(sim) and all(path == f"/v1/tasks/{task_id}" for path in _polls(sim))


def test_a_generation_task_that_fails_fails_the_job_with_the_relays_words(
    sim: SimulatorServer, out: Path
) -> None:
    sim.set_personalities("generation-task")
    sim.set_faults("async-fail,async-duration=0.3")
    job = run_job(sim.url, GenerationRequest("a harbour", "gpt-image-1"), out)
    assert job.state is JobState.FAILED and not job.resumable
    assert job.error is not None and job.error.kind is ErrorKind.TASK_FAILED
    assert "The upstream model failed" in (job.error.relay_message or "")
    assert len(_paid(sim)) == 1


# -- url-object ---------------------------------------------------------------------------------


def test_links_given_as_objects_are_downloaded(sim: SimulatorServer, out: Path) -> None:
    sim.set_personalities("url-object")
    job = run_job(sim.url, GenerationRequest("a kite", "flux"), out)
    assert job.state is JobState.SUCCEEDED, job.error
    (image,) = job.images
    assert image.source == "url" and image.path is not None and image.path.is_file()
    assert image.url is not None and image.url.startswith(f"{sim.url}/files/")
    assert sum(entry.kind == "download" for entry in sim.log()) == 1


# -- suffixed-names ------------------------------------------------------------------------------


@pytest.mark.parametrize("name", ["gpt-image-2-all", "gpt-image-2:official"])
def test_a_relay_name_for_gpt_image_2_works_with_its_options(
    sim: SimulatorServer, out: Path, name: str
) -> None:
    sim.set_personalities("suffixed-names")
    job = run_job(
        sim.url, GenerationRequest("a wide bay", name, ratio="16:9", resolution="2K"), out
    )
    assert job.state is JobState.SUCCEEDED, job.error
    (image,) = job.images
    assert image.width / image.height == pytest.approx(16 / 9, rel=0.03)
    assert image.width > 1024  # gpt-image-2's free sizes, not gpt-image-1's list
    (entry,) = [e for e in sim.log() if e.kind == "paid"]
    assert entry.model == name  # the name the user picked is the name sent


def test_nano_banana_pro_goes_native_as_gemini_3_pro(sim: SimulatorServer, out: Path) -> None:
    sim.set_personalities("suffixed-names")
    job = run_job(sim.url, GenerationRequest("a fox", "nano-banana-pro", ratio="3:4"), out)
    assert job.state is JobState.SUCCEEDED, job.error
    assert job.protocol is ProtocolId.GEMINI
    assert _paid(sim) == ["/v1beta/models/nano-banana-pro:generateContent"]


def test_a_plain_name_the_relay_does_not_sell_fails_unbilled(
    sim: SimulatorServer, out: Path
) -> None:
    """Today's behaviour: the relay's refusal, said plainly, and not billed (picking the
    relay's own name is the picker's job)."""
    sim.set_personalities("suffixed-names")
    job = run_job(sim.url, GenerationRequest("a bay", "gpt-image-2"), out)
    assert job.state is JobState.FAILED
    assert job.error is not None and job.error.billing is Billing.REFUSED
    assert "gpt-image-2" in (job.error.relay_message or "")
    assert len(_paid(sim)) == 1 and not any(entry.billed for entry in sim.log())


# -- strict-params -------------------------------------------------------------------------------


def test_a_refused_optional_parameter_is_dropped_and_the_request_resent_once(
    sim: SimulatorServer, out: Path
) -> None:
    """nano-banana asks for `response_format`, which a strict proxy refuses (the engine side
    of this adaptation is studio.engine.adapt)."""
    sim.set_personalities("strict-params")
    job = run_job(sim.url, GenerationRequest("a fox", "nano-banana"), out)
    assert job.state is JobState.SUCCEEDED, job.error
    paid = [e for e in sim.log() if e.kind == "paid"]
    assert [(e.status, e.billed) for e in paid] == [(400, False), (200, True)]
    assert "response_format" in paid[0].body and "response_format" not in paid[1].body
    assert any("response_format" in n.message and "not billed" in n.message for n in job.warnings)


# -- cloudflare-100s -----------------------------------------------------------------------------


def test_a_silent_call_cut_by_cloudflare_fails_once_and_may_be_billed(
    sim: SimulatorServer, out: Path
) -> None:
    """Today's behaviour without streaming: the 524 ends the job (the relay went on working and
    billed), and the request is not sent again."""
    sim.set_personalities("cloudflare-100s", cloudflare_cut=0.5)
    sim.set_faults("latency=2*1")
    job = run_job(sim.url, GenerationRequest("a slow one", "gpt-image-1"), out)
    assert job.state is JobState.FAILED
    assert job.error is not None and job.error.may_be_billed
    assert "524" in (job.error.relay_message or "") + job.error.message
    assert len(_paid(sim)) == 1
    deadline = time.monotonic() + 10
    while not sim.log()[0].billed:  # the relay finished behind the proxy, and charged
        assert time.monotonic() < deadline
        time.sleep(0.05)


@pytest.mark.parametrize("personality", ["generation-task", "tasks-v1"])
def test_a_task_answer_to_a_json_edit_is_polled_too(
    sim: SimulatorServer, out: Path, personality: str, tmp_path: Path
) -> None:
    from PIL import Image

    from studio.domain.request import Reference

    reference = tmp_path / "ref.png"
    Image.new("RGB", (64, 48), "olive").save(reference)
    sim.set_personalities(personality)
    sim.set_faults("async-duration=0.4")
    request = GenerationRequest(
        "the same scene at night",
        "nano-banana-2-1k",
        protocol=ProtocolId.IMAGES_JSON_EDIT,
        references=(Reference("ref.png", path=reference),),
    )
    job = run_job(sim.url, request, out)
    assert job.state is JobState.SUCCEEDED, job.error
    assert job.protocol is ProtocolId.IMAGES_ASYNC and job.meta["poll_path"]
    assert _paid(sim) == ["/v1/images/edits"] and _polls(sim)
