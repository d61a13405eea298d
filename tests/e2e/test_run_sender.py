"""A run sent through the real request manager against the simulated relay: the run's
concurrency cap holds at the relay, cancel all stops the run, retry failed keeps it whole."""

from __future__ import annotations

import asyncio
from pathlib import Path

from studio.catalog import Catalog
from studio.domain.job import Job, JobState
from studio.domain.request import GenerationRequest
from studio.engine.composition.model import Target
from studio.engine.runs import PlannedJob, RunSender, plan_job
from studio.simulator import SimulatorServer
from studio.store.runs import get_run, run_jobs
from tests.helpers.engine import sim_profile
from tests.helpers.manager import manager_on, until

CATALOG = Catalog.load()


def planned(url: str, prompts: list[str], model: str = "gpt-image-1") -> list[PlannedJob]:
    profile = sim_profile(url)
    return [
        plan_job(index, GenerationRequest(prompt, ""), Target(model, profile="sim"), CATALOG,
                 profile)
        for index, prompt in enumerate(prompts)
    ]  # fmt: skip


def most_at_once(sim: SimulatorServer) -> int:
    """The largest number of paid requests the relay was working on at the same moment."""
    edges = []
    for entry in sim.log():
        if entry.kind == "paid":
            assert entry.answered is not None
            edges += [(entry.arrived, 1), (entry.answered, -1)]
    busy = most = 0
    for _, step in sorted(edges):
        busy += step
        most = max(most, busy)
    return most


def test_the_runs_concurrency_cap_holds_at_the_relay(sim: SimulatorServer, tmp_path: Path) -> None:
    sim.set_faults("latency=0.3")
    ended: list[int] = []

    async def scenario() -> list[Job]:
        async with manager_on(sim.url, tmp_path / "data", concurrency=8) as manager:
            sender = RunSender(
                manager,
                "batch",
                "nine kites",
                planned(sim.url, [f"kite {n}" for n in range(9)]),
                concurrency=3,
                on_done=lambda index, job: ended.append(index),
            )
            jobs = await sender.send()
            assert sorted(ended) == list(range(9))
            assert set(sender.progress.seconds) == set(range(9))
            stored = await manager.run_in_store(run_jobs, manager.store, sender.run.id)
            assert [record.job.run_index for record in stored] == list(range(9))
            return jobs

    jobs = asyncio.run(scenario())
    assert [job.state for job in jobs] == [JobState.SUCCEEDED] * 9
    assert [job.request.prompt for job in jobs] == [f"kite {n}" for n in range(9)]
    assert 1 < most_at_once(sim) <= 3  # in parallel, never above the cap


def test_without_a_cap_the_relays_own_limit_applies(sim: SimulatorServer, tmp_path: Path) -> None:
    sim.set_faults("latency=0.3")

    async def scenario() -> list[Job]:
        async with manager_on(sim.url, tmp_path / "data", concurrency=2) as manager:
            return await RunSender(
                manager, "batch", "six", planned(sim.url, [f"boat {n}" for n in range(6)])
            ).send()

    assert all(job.state is JobState.SUCCEEDED for job in asyncio.run(scenario()))
    assert 1 < most_at_once(sim) <= 2


def test_cancel_all_stops_the_run_and_retry_failed_finishes_it(
    sim: SimulatorServer, tmp_path: Path
) -> None:
    sim.set_faults("latency=30")  # nothing finishes on its own

    async def scenario() -> None:
        async with manager_on(sim.url, tmp_path / "data", concurrency=8) as manager:
            sender = RunSender(
                manager,
                "batch",
                "six lanterns",
                planned(sim.url, [f"lantern {n}" for n in range(6)]),
                concurrency=2,
            )
            sending = asyncio.create_task(sender.send())
            await until(lambda: sum(e.kind == "paid" for e in sim.log()) == 2)
            await until(lambda: len(sender.progress.jobs) == 6)
            # every job of the run is in the history from the start, the rest queued
            queued = await manager.run_in_store(run_jobs, manager.store, sender.run.id)
            assert [r.job.state for r in queued] == [JobState.SUBMITTED] * 2 + [JobState.QUEUED] * 4
            await sender.cancel_all()
            jobs = await asyncio.wait_for(sending, 10)
            assert [job.state for job in jobs] == [JobState.CANCELLED] * 6
            billed = [job.error is not None and job.error.may_be_billed for job in jobs]
            assert billed == [True, True, False, False, False, False]  # sent, then not sent
            assert sum(e.kind == "paid" for e in sim.log()) == 2

            sim.set_faults("")
            retried = await sender.retry_failed()
            assert [job.run_index for job in retried] == list(range(6))
            assert all(job.state is JobState.SUCCEEDED for job in retried)
            stored = await manager.run_in_store(run_jobs, manager.store, sender.run.id)
            # the cancelled jobs stay in the run beside their retries
            assert [r.job.run_index for r in stored] == [i for i in range(6) for _ in "ab"]
            by_id = {r.job.id: r for r in stored}
            assert [by_id[job.id].retry_of for job in retried] == [job.id for job in jobs]
            run = await manager.run_in_store(get_run, manager.store, sender.run.id)
            assert run is not None and run.title == "six lanterns"

    asyncio.run(scenario())


def test_retry_failed_keeps_the_run_and_its_place(sim: SimulatorServer, tmp_path: Path) -> None:
    sim.set_faults("safety*1")  # the first request is refused, the others go through

    async def scenario() -> None:
        async with manager_on(sim.url, tmp_path / "data") as manager:
            sender = RunSender(
                manager, "compare", "a fox", planned(sim.url, ["a fox"] * 3), concurrency=1
            )
            jobs = await sender.send()
            assert [job.state for job in jobs] == [
                JobState.FAILED,
                JobState.SUCCEEDED,
                JobState.SUCCEEDED,
            ]
            assert [job.id for job in sender.progress.failed()] == [jobs[0].id]
            (retry,) = await sender.retry_failed()
            assert retry.state is JobState.SUCCEEDED
            assert (retry.run_id, retry.run_index) == (sender.run.id, 0)
            assert sender.progress.jobs[0].id == retry.id and sender.progress.failed() == []
            stored = await manager.run_in_store(run_jobs, manager.store, sender.run.id)
            assert [(r.job.run_index, r.job.state) for r in stored] == [
                (0, JobState.FAILED),
                (0, JobState.SUCCEEDED),
                (1, JobState.SUCCEEDED),
                (2, JobState.SUCCEEDED),
            ]

    asyncio.run(scenario())


def test_a_refused_target_is_not_sent_and_notes_reach_the_job(
    sim: SimulatorServer, tmp_path: Path
) -> None:
    profile = sim_profile(sim.url)
    request = GenerationRequest("two boats", "", n=2, seed=3)
    plans = [
        plan_job(0, request, Target("dall-e-3", profile="sim"), CATALOG, profile),
        plan_job(1, request, Target("qwen-image-edit", profile="sim"), CATALOG, profile),
    ]
    assert plans[1].refusal is not None

    async def scenario() -> list[Job]:
        async with manager_on(sim.url, tmp_path / "data") as manager:
            return await RunSender(manager, "compare", "two boats", plans).send()

    (job,) = asyncio.run(scenario())
    assert job.state is JobState.SUCCEEDED and job.run_index == 0
    assert [n.code for n in job.warnings[:2]] == ["option_lowered", "option_dropped"]
    assert sum(e.kind == "paid" for e in sim.log()) == 1


def test_retry_failed_resumes_a_paid_job_instead_of_paying_again(
    sim: SimulatorServer, tmp_path: Path
) -> None:
    sim.set_faults("download-500")  # paid, its link keeps failing: the job ends resumable
    request = GenerationRequest("a fox", "", extra={"response_format": "url"})
    profile = sim_profile(sim.url)
    target = Target("dall-e-3", profile="sim")

    async def scenario() -> None:
        async with manager_on(sim.url, tmp_path / "data") as manager:
            sender = RunSender(
                manager, "batch", "foxes", [plan_job(0, request, target, CATALOG, profile)]
            )
            (failed,) = await sender.send()
            assert failed.state is JobState.FAILED and failed.resumable
            paid = sum(1 for entry in sim.log() if entry.kind == "paid")
            sim.state.clear_faults()
            (again,) = await sender.retry_failed()
            assert again.id == failed.id and again.state is JobState.SUCCEEDED, again.error
            assert sum(1 for entry in sim.log() if entry.kind == "paid") == paid
            stored = await manager.run_in_store(run_jobs, manager.store, sender.run.id)
            assert [r.job.state for r in stored] == [JobState.SUCCEEDED]

    asyncio.run(scenario())
