"""A relay's model settings on the wire: the simulated ``suffixed-names`` relay refuses the plain
name; the name sent (and the extra fields) from the profile's model settings get the image."""

from __future__ import annotations

from pathlib import Path

from studio.domain.errors import Billing
from studio.domain.job import JobState
from studio.domain.model_spec import ProtocolId
from studio.domain.profile import ModelOverride
from studio.domain.request import GenerationRequest
from studio.engine.overrides import apply_overrides
from studio.simulator import SimulatorServer
from tests.helpers.engine import run_job, sim_profile

OVERRIDES = (
    ModelOverride(
        "gpt-image-2",
        name_sent="gpt-image-2-all",
        protocol=ProtocolId.IMAGES,
        extra={"channel": "official"},
    ),
)
PICKED = GenerationRequest(prompt="a red fox in snow", model="gpt-image-2", ratio="1:1")


def test_the_plain_name_is_refused_and_the_name_sent_gets_the_image(
    sim: SimulatorServer, tmp_path: Path
) -> None:
    sim.state.set_personalities("suffixed-names")
    refused = run_job(sim.url, PICKED, tmp_path / "plain")
    assert refused.state is JobState.FAILED
    assert refused.error is not None and refused.error.billing is not Billing.MAY_BE_BILLED

    profile = sim_profile(sim.url, model_overrides=OVERRIDES)
    sent, notes = apply_overrides(PICKED, profile)
    job = run_job(sim.url, sent, tmp_path / "sent", model_overrides=OVERRIDES)
    assert job.state is JobState.SUCCEEDED, job.error
    paid = [entry for entry in sim.log() if entry.kind == "paid"]
    assert [entry.model for entry in paid] == ["gpt-image-2", "gpt-image-2-all"]
    assert paid[-1].body["channel"] == "official"
    assert {note.code for note in notes} == {
        "override_name",
        "override_protocol",
        "override_extra",
    }
