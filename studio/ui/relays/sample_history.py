"""A plausible fortnight of jobs on one relay, written into a history for the Relays page's
screenshots (``--scenario relays``): several models over the last days, the relay's usage on
the token-priced ones, a failure or two, a cut-off call to claim, masked edits (one whose mask
the relay ignored), an image in the wrong shape and an answer from another model.

Run on the store's thread. Jobs and their inputs go through the store; the images' rows are
written with the moment each was saved (the store's own writer stamps "now"), so that the
time to image is what it was."""

from __future__ import annotations

import io
import random
from dataclasses import dataclass
from datetime import date, datetime

from studio.domain.errors import Billing, ErrorKind, RelayError
from studio.domain.job import Job, JobState
from studio.domain.model_spec import ProtocolId
from studio.domain.notice import Notice
from studio.domain.request import GenerationRequest
from studio.domain.results import Usage
from studio.engine.runner import MSG_DEADLINE
from studio.engine.verify import MSG_MASK_IGNORED
from studio.imaging.checks import ratio_check
from studio.protocols.relay_errors import MSG_RATE_LIMITED
from studio.store.codec import InputRecord
from studio.store.history import Store

DAY = 86_400.0
PROMPTS = (
    "a snow leopard on a cliff, misty peaks",
    "watercolor fox in an autumn forest",
    "a lighthouse at dusk, long exposure",
    "minimalist poster of a mountain lake",
    "portrait of a knight in studio light",
    "a paper lantern over a river",
)


@dataclass(frozen=True)
class _Plan:
    model: str
    ratio: str
    seconds: tuple[float, float]  # how long an image takes, from … to
    token_usage: bool  # the relay reports its usage (priced per token)


MODELS = (  # models the catalog has prices for: the spend is known
    _Plan("gpt-image-1", "3:2", (18.0, 45.0), True),
    _Plan("gpt-image-1-mini", "1:1", (8.0, 20.0), True),
    _Plan("dall-e-3", "16:9", (9.0, 24.0), False),
)


def _png(colour: tuple[int, int, int]) -> bytes:
    from PIL import Image

    out = io.BytesIO()
    Image.new("RGB", (64, 64), colour).save(out, "PNG")
    return out.getvalue()


def seed(store: Store, profile: str, days: int = 10, *, seed: int = 13) -> int:
    """Write about five jobs a day on ``profile`` for the ``days`` days before today; how many."""
    rng = random.Random(seed)
    mask_sha, _ = store.blobs.put(_png((255, 255, 255)), "png")
    today = datetime.combine(date.today(), datetime.min.time()).timestamp()  # local midnight
    written = 0
    for back in range(days, 0, -1):
        for number in range(rng.randint(3, 7)):
            created = today - back * DAY + rng.uniform(9, 20) * 3600
            deadline = back == 4 and number == 0  # one job to claim back
            _write_job(store, profile, rng, created, back, mask_sha, deadline)
            written += 1
    return written


def _write_job(
    store: Store,
    profile: str,
    rng: random.Random,
    created: float,
    back: int,
    mask_sha: str,
    deadline: bool,
) -> None:
    plan = rng.choice(MODELS)
    masked = plan.model == "gpt-image-1" and back in (3, 6) and not deadline
    request = GenerationRequest(rng.choice(PROMPTS), plan.model, ratio=plan.ratio)
    job_id = f"{int(created * 1000):013x}{rng.getrandbits(32):08x}"
    job = Job(job_id, request, profile, protocol=ProtocolId.IMAGES, created_at=created)
    inputs = [InputRecord("mask", 0, "mask.png", mask_sha, 64, 64)] if masked else []
    store.create_job(job, inputs)
    roll = rng.random()
    if deadline:  # the relay took too long: paid, maybe, and nothing came
        job.state = JobState.FAILED
        job.error = RelayError(
            ErrorKind.FATE_UNKNOWN, MSG_DEADLINE, may_be_billed=True, seconds=300
        )
    elif roll < 0.06:  # refused before any work: not billed
        job.state = JobState.FAILED
        job.error = RelayError(
            ErrorKind.RATE_LIMITED, MSG_RATE_LIMITED, status=429, billing=Billing.REFUSED
        )
    else:
        job.state = JobState.SUCCEEDED
        if masked and back == 3:
            job.warnings = [Notice("mask_ignored", MSG_MASK_IGNORED, {"percent": 27.4})]
        elif plan.model == "dall-e-3" and back == 7:
            wrong = ratio_check(1024, 1024, plan.ratio, None)
            job.warnings = [wrong] if wrong is not None else []
    if plan.token_usage and job.state is JobState.SUCCEEDED:
        job.usage = Usage({"input_tokens": 60, "output_tokens": 1056, "total_tokens": 1116})
    answered = "dall-e-2" if back == 8 and plan.model == "dall-e-3" else plan.model
    job.meta = {"response_model": answered}
    store.update_job(job)
    if job.state is JobState.SUCCEEDED:
        _write_image(store, job_id, created + rng.uniform(*plan.seconds) * (1 + back / 20), rng)


def _write_image(store: Store, job_id: str, saved: float, rng: random.Random) -> None:
    colour = (rng.randrange(256), rng.randrange(256), rng.randrange(256))
    sha, _ = store.blobs.put(_png(colour), "png")
    with store._transaction() as db:
        db.execute(
            "INSERT INTO images (job_id, position, sha256, extension, mime, width, height,"
            " size_bytes, source, created_at) VALUES (?, 0, ?, 'png', 'image/png', 64, 64, 0,"
            " 'b64', ?)",
            (job_id, sha, saved),
        )
