"""The relay doctor's paid checks: the smallest real jobs, sent through the request manager.

They cost money, so they run only when the user agreed to the estimate (the catalog's list
prices), and they are ordinary jobs: recorded in the history, shown in the gallery, billed by
the relay like any other. One generation per protocol this profile has been used with (none
yet: the cheapest model the relay offers), then four questions a relay may answer wrongly
without saying so (protocol.md §11): does it honour a mask, the ratio, ``n``, transparency?
"""

from __future__ import annotations

import asyncio
import io
import math
import time
from collections.abc import Awaitable, Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any, TypedDict

from PIL import Image, ImageDraw

from studio.catalog import Catalog
from studio.domain.i18n import QT_TRANSLATE_NOOP, WARNINGS
from studio.domain.job import Job, JobState
from studio.domain.model_spec import MaskStyle, ModelSpec, Operation, ProtocolId, RatioVia
from studio.domain.request import GenerationRequest, Mask, Reference
from studio.engine.doctor import Check, Spent, check
from studio.engine.verify import MASK_CHANGE_WARNING
from studio.imaging import checks
from studio.imaging.masks import mask_from_image
from studio.store.history import Filters, Store

PROMPT_MARK = "Relay check"  # every doctor job's prompt starts with it (and is skipped below)
PROMPT = f"{PROMPT_MARK}: a red apple on a plain white table"
HISTORY_LOOKBACK = 500
SOURCE_SIZE = 512
_NON_SQUARE = ("3:2", "16:9", "4:3", "2:3", "9:16", "3:4")
_MASKABLE = (ProtocolId.IMAGES, ProtocolId.IMAGES_ASYNC)

MSG_GENERATED = QT_TRANSLATE_NOOP(
    WARNINGS, "{model} via {protocol}: {width}×{height} in {seconds} s (job {job})."
)
MSG_FAILED = QT_TRANSLATE_NOOP(WARNINGS, "{model} via {protocol} failed (job {job}): {reason}")
MSG_NO_MODEL = QT_TRANSLATE_NOOP(
    WARNINGS, "Not checked: no model this relay offers can do this, as far as the catalog knows."
)
MSG_UNTOLD = QT_TRANSLATE_NOOP(
    WARNINGS, "Could not tell: the request with {model} failed (job {job}): {reason}"
)
MSG_MASK_KEPT = QT_TRANSLATE_NOOP(
    WARNINGS,
    "Honoured: {percent}% of the pixels outside the mask changed ({model}, job {job}).",
)
MSG_MASK_IGNORED = QT_TRANSLATE_NOOP(
    WARNINGS,
    "Not honoured: {percent}% of the pixels outside the mask changed ({model}, job {job}). "
    "Use “Keep original outside the mask” on its results.",
)
MSG_RATIO_KEPT = QT_TRANSLATE_NOOP(
    WARNINGS, "Honoured: asked {ratio}, got {width}×{height} ({model}, job {job})."
)
MSG_RATIO_IGNORED = QT_TRANSLATE_NOOP(
    WARNINGS, "Not honoured: asked {ratio}, got {width}×{height} ({model}, job {job})."
)
MSG_N_KEPT = QT_TRANSLATE_NOOP(
    WARNINGS, "Honoured: asked for {asked} images, got {got} ({model}, job {job})."
)
MSG_N_IGNORED = QT_TRANSLATE_NOOP(
    WARNINGS, "Not honoured: asked for {asked} images, got {got} ({model}, job {job})."
)
MSG_TRANSPARENT = QT_TRANSLATE_NOOP(
    WARNINGS, "Honoured: {percent}% of the pixels are transparent ({model}, job {job})."
)
MSG_OPAQUE = QT_TRANSLATE_NOOP(
    WARNINGS, "Not honoured: the image came back opaque ({model}, job {job})."
)


@dataclass(frozen=True)
class PaidStep:
    name: str  # paid:generate:<protocol> | paid:mask | paid:ratio | paid:n | paid:transparency
    request: GenerationRequest
    spec: ModelSpec
    protocol: ProtocolId
    source: bytes | None = None  # the image a mask edit was made on

    @property
    def images(self) -> int:
        return self.request.n

    @property
    def cost(self) -> float | None:
        price = self.spec.price
        return None if price is None else price.per_image * self.images


@dataclass(frozen=True)
class Estimate:
    amount: float
    currency: str
    unpriced: int  # requests the catalog has no list price for (not in ``amount``)


@dataclass(frozen=True)
class PaidPlan:
    steps: tuple[PaidStep, ...]
    skipped: tuple[Check, ...]  # checks no model can run

    def estimate(self, steps: Iterable[PaidStep] | None = None) -> Estimate:
        chosen = list(self.steps if steps is None else steps)
        currencies = [s.spec.price.currency for s in chosen if s.spec.price is not None]
        currency = currencies[0] if currencies else "USD"
        amount = sum(
            s.cost or 0.0
            for s in chosen
            if s.spec.price is not None and s.spec.price.currency == currency
        )
        unpriced = sum(
            1 for s in chosen if s.spec.price is None or s.spec.price.currency != currency
        )
        return Estimate(amount, currency, unpriced)


# -- what this relay has been used for ---------------------------------------------------------


def used_with(store: Store, profile_name: str) -> list[tuple[ProtocolId, str]]:
    """(protocol, model) per protocol this profile's jobs used, newest first; a model that
    succeeded is preferred over one that only failed. The doctor's own jobs do not count."""
    found: dict[ProtocolId, tuple[str, bool]] = {}
    for record in store.list_jobs(Filters(profile=profile_name), limit=HISTORY_LOOKBACK):
        job = record.job
        if job.protocol is None or job.request.prompt.startswith(PROMPT_MARK):
            continue
        if job.request.operation not in (None, Operation.GENERATE, Operation.EDIT):
            continue  # Midjourney follow-ups, describe, blend: not a generation to repeat
        succeeded = job.state is JobState.SUCCEEDED
        known = found.get(job.protocol)
        if known is None or (succeeded and not known[1]):
            found[job.protocol] = (job.request.model, succeeded)
    return [(protocol, model) for protocol, (model, _) in found.items()]


# -- the plan ----------------------------------------------------------------------------------


def _price_order(spec: ModelSpec) -> tuple[bool, float, str]:
    return (spec.price is None, spec.price.per_image if spec.price else 0.0, spec.id)


def candidates(
    catalog: Catalog, used: Sequence[tuple[ProtocolId, str]], offered: Sequence[str] | None
) -> list[ModelSpec]:
    """Models worth asking, best first: those used with this relay, then the catalog's models
    the relay offers (all of them when its list is unknown), cheapest first."""
    chosen: dict[str, ModelSpec] = {}
    for _, model in used:
        chosen.setdefault(model, catalog.get(model))
    pool = offered if offered is not None else catalog.ids()
    listed = [catalog.get(name) for name in pool if catalog.is_listed(name)]
    for spec in sorted(listed, key=_price_order):
        if spec.known and Operation.GENERATE in spec.operations:
            chosen.setdefault(spec.id, spec)
    return list(chosen.values())


def _resolution_rank(value: str) -> float:
    text = value.strip().upper()
    try:
        return float(text[:-1]) * 1000 if text.endswith("K") else float(text)
    except ValueError:
        return math.inf


def _pixels(size: str) -> float:
    width, _, height = size.lower().partition("x")
    try:
        return int(width) * int(height)
    except ValueError:
        return math.inf


class Cheapest(TypedDict, total=False):
    """What ``smallest`` sets: GenerationRequest fields, each only when the model has it."""

    quality: str
    resolution: str
    size: str


def smallest(spec: ModelSpec, *, with_size: bool = True) -> Cheapest:
    """The cheapest settings the model takes: low quality, the smallest resolution or size."""
    options: Cheapest = {}
    if "low" in spec.qualities:
        options["quality"] = "low"
    if spec.resolutions:
        options["resolution"] = min(spec.resolutions, key=_resolution_rank)
    elif with_size and (sizes := [s for s in spec.sizes if _pixels(s) < math.inf]):
        options["size"] = min(sizes, key=_pixels)
    return options


def synthetic_source() -> bytes:
    """A 512² PNG with enough structure that any change outside the mask shows."""
    size = SOURCE_SIZE
    ramp = Image.linear_gradient("L").resize((size, size))
    image = Image.merge("RGB", (ramp, ramp.rotate(90), Image.new("L", (size, size), 96)))
    draw = ImageDraw.Draw(image)
    for step in range(0, size, 64):
        draw.rectangle((step, step, step + 31, step + 31), fill=(240, 240, 240))
        draw.line((0, step, size, step), fill=(20, 20, 20), width=2)
    buffer = io.BytesIO()
    image.save(buffer, "PNG")
    return buffer.getvalue()


def centre_mask() -> Mask:
    """The middle quarter of the source marked "edit here" (the studio's convention)."""
    size = SOURCE_SIZE
    gray = Image.new("L", (size, size), 0)
    low, high = size // 4, 3 * size // 4 - 1
    ImageDraw.Draw(gray).rectangle((low, low, high, high), 255)
    return mask_from_image(gray, "relay-check-mask.png")


def _source_reference(data: bytes) -> Reference:
    return Reference(name="relay-check.png", data=data)


def _generation(spec: ModelSpec, protocol: ProtocolId) -> PaidStep:
    references: tuple[Reference, ...] = ()
    if protocol is ProtocolId.IMAGES_JSON_EDIT or spec.min_refs > 0:
        references = (_source_reference(synthetic_source()),)
    request = GenerationRequest(
        PROMPT, spec.id, protocol=protocol, references=references, **smallest(spec)
    )
    return PaidStep(f"paid:generate:{protocol}", request, spec, protocol)


def _non_square(spec: ModelSpec) -> str | None:
    if spec.ratio_via is RatioVia.NONE and not spec.free_ratio:
        return None
    for ratio in _NON_SQUARE:
        if ratio in spec.ratios or (spec.free_ratio and not spec.ratios):
            return ratio
    return next((r for r in spec.ratios if checks.parse_ratio(r) not in (None, 1.0)), None)


def _maskable(spec: ModelSpec) -> bool:
    return (
        spec.mask in (MaskStyle.ALPHA, MaskStyle.BLACK_WHITE)
        and Operation.EDIT in spec.operations
        and spec.default_protocol in _MASKABLE
    )


Feature = tuple[str, Callable[[ModelSpec], bool]]
_FEATURES: tuple[Feature, ...] = (
    ("paid:mask", _maskable),
    ("paid:ratio", lambda spec: _non_square(spec) is not None),
    ("paid:n", lambda spec: spec.n_max >= 2),
    ("paid:transparency", lambda spec: "transparent" in spec.backgrounds),
)


def _feature_step(name: str, spec: ModelSpec) -> PaidStep:
    protocol = spec.default_protocol
    if name == "paid:mask":
        source = synthetic_source()
        request = GenerationRequest(
            PROMPT,
            spec.id,
            protocol=protocol,
            references=(_source_reference(source),),
            mask=centre_mask(),
            **smallest(spec, with_size=False),
        )
        return PaidStep(name, request, spec, protocol, source=source)
    options: dict[str, Any] = dict(smallest(spec, with_size=name != "paid:ratio"))
    if name == "paid:ratio":
        options["ratio"] = _non_square(spec)
    elif name == "paid:n":
        options["n"] = 2
    elif name == "paid:transparency":
        options["background"] = "transparent"
        if "png" in spec.output_formats:
            options["output_format"] = "png"
    request = GenerationRequest(PROMPT, spec.id, protocol=protocol, **options)
    return PaidStep(name, request, spec, protocol)


def plan_paid(
    catalog: Catalog, used: Sequence[tuple[ProtocolId, str]], offered: Sequence[str] | None
) -> PaidPlan:
    """The paid steps for this relay; checks no model can run are listed as skipped."""
    models = candidates(catalog, used, offered)
    steps: list[PaidStep] = []
    skipped: list[Check] = []
    if used:
        steps += [_generation(catalog.get(model), protocol) for protocol, model in used]
    elif models:
        steps.append(_generation(models[0], models[0].default_protocol))
    else:
        skipped.append(paid_check("paid:generate", None, MSG_NO_MODEL))
    for name, able in _FEATURES:
        spec = next((m for m in models if able(m)), None)
        if spec is None:
            skipped.append(paid_check(name, None, MSG_NO_MODEL))
        else:
            steps.append(_feature_step(name, spec))
    return PaidPlan(tuple(steps), tuple(skipped))


# -- running and judging -----------------------------------------------------------------------

RunJob = Callable[[GenerationRequest], Awaitable[Job]]


def paid_check(name: str, ok: bool | None, template: str, **params: Any) -> Check:
    found = check(name, ok, template, **params)
    return Check(found.name, found.ok, found.notice, paid=True)


def spent(plan: PaidPlan, jobs: Sequence[tuple[PaidStep, Job]]) -> Spent | None:
    """What the jobs that may have been billed cost at list prices (None: nothing was)."""
    billed = [
        step
        for step, job in jobs
        if job.state is JobState.SUCCEEDED or (job.error is not None and job.error.may_be_billed)
    ]
    if not billed:
        return None
    estimate = plan.estimate(billed)
    if estimate.unpriced == len(billed):
        return None
    return Spent(estimate.amount, estimate.currency)


async def run_paid(plan: PaidPlan, run: RunJob) -> tuple[list[Check], Spent | None]:
    """Every step as one job (at once: the manager keeps to the relay's concurrency), judged."""

    async def timed(step: PaidStep) -> tuple[Job, float]:
        started = time.monotonic()
        job = await run(step.request)
        return job, time.monotonic() - started

    finished = await asyncio.gather(*(timed(step) for step in plan.steps))
    judged = [
        await asyncio.to_thread(judge, step, job, seconds)
        for step, (job, seconds) in zip(plan.steps, finished, strict=True)
    ]
    done = [(step, job) for step, (job, _) in zip(plan.steps, finished, strict=True)]
    return [*judged, *plan.skipped], spent(plan, done)


def judge(step: PaidStep, job: Job, seconds: float = 0.0) -> Check:
    """What one finished job says about the relay (reads result files: call in a thread)."""
    facts = {"model": step.spec.id, "protocol": str(step.protocol), "job": job.id[-8:]}
    name = step.name
    if job.state is not JobState.SUCCEEDED or not job.images:
        reason = job.error.message if job.error is not None else job.state.value
        if name.startswith("paid:generate:"):
            return paid_check(name, False, MSG_FAILED, reason=reason, **facts)
        return paid_check(name, None, MSG_UNTOLD, reason=reason, **facts)
    first = job.images[0]
    size = {"width": first.width, "height": first.height}
    if name.startswith("paid:generate:"):
        return paid_check(name, True, MSG_GENERATED, seconds=round(seconds, 1), **size, **facts)
    if name == "paid:n":
        asked, got = step.request.n, len(job.images)
        template = MSG_N_KEPT if got == asked else MSG_N_IGNORED
        return paid_check(name, got == asked, template, asked=asked, got=got, **facts)
    if name == "paid:ratio":
        ratio = step.request.ratio or ""
        honoured = checks.ratio_check(first.width, first.height, ratio, None) is None
        template = MSG_RATIO_KEPT if honoured else MSG_RATIO_IGNORED
        return paid_check(name, honoured, template, ratio=ratio, **size, **facts)
    if first.path is None:
        return paid_check(name, None, MSG_UNTOLD, reason="no file", **facts)
    with Image.open(first.path) as opened:
        opened.load()
        result = opened.copy()
    if name == "paid:mask" and step.source is not None and step.request.mask is not None:
        with Image.open(io.BytesIO(step.source)) as source:
            share = checks.changed_outside_mask(source, result, step.request.mask)
        honoured = share <= MASK_CHANGE_WARNING
        template = MSG_MASK_KEPT if honoured else MSG_MASK_IGNORED
        return paid_check(name, honoured, template, percent=round(share * 100, 1), **facts)
    share = transparent_share(result)
    if share > 0:
        return paid_check(name, True, MSG_TRANSPARENT, percent=round(share * 100, 1), **facts)
    return paid_check(name, False, MSG_OPAQUE, **facts)


def transparent_share(image: Image.Image) -> float:
    """Share (0…1) of the pixels that are not fully opaque."""
    if "A" not in image.getbands() and "transparency" not in image.info:
        return 0.0
    alpha = image.convert("RGBA").getchannel("A")
    return 1 - alpha.histogram()[255] / max(image.width * image.height, 1)
