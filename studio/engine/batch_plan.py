"""Planning a batch: every line (typed, or a file's) becomes one request per target, fitted to
it and priced, before anything is sent.

The base request (the composer's settings, or the command line's options) applies to each line
unless the line sets its own field: ``model`` (with ``profile`` and ``protocol``) sends that line
to that one target instead of the chosen ones; ``ratio``, ``resolution``, ``size``, ``n``,
``quality``, ``seed`` replace the base's; ``refs`` replaces its references (and drops a mask
painted on them unless the line gives its own ``mask``). Paths in a file are read relative to
the file's folder. A line that cannot become a request is named by its number
(:class:`~studio.engine.batch.BatchFileError`); a target that cannot take a request is a
refusal of that job only (:class:`~studio.engine.runs.PlannedJob`).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from studio.catalog import Catalog
from studio.domain.errors import InputError, StudioError
from studio.domain.model_spec import ProtocolId
from studio.domain.profile import Profile
from studio.domain.request import GenerationRequest, Mask, Reference
from studio.engine.batch import MAX_EXPANDED, BatchFileError, BatchLine, LineProblem, expand_lines
from studio.engine.composition.model import Target
from studio.engine.ledger import Money
from studio.engine.runs import PlannedJob, plan_job, total_estimate
from studio.imaging.masks import load_mask

_COPIED = ("ratio", "size", "quality", "seed", "n")


@dataclass(frozen=True)
class BatchPlan:
    """What a batch would send: the expanded lines and each planned job, in order."""

    lines: list[BatchLine]
    planned: list[PlannedJob]
    estimate: Money

    @property
    def refused(self) -> list[PlannedJob]:
        return [job for job in self.planned if job.refusal is not None]

    @property
    def sendable(self) -> int:
        return sum(1 for job in self.planned if job.refusal is None)


def _reference(text: str, folder: Path | None) -> Reference:
    if text.startswith(("http://", "https://")):
        return Reference(name=text.rsplit("/", 1)[-1] or text, url=text)
    path = Path(text).expanduser()
    if not path.is_absolute() and folder is not None:
        path = folder / path
    if not path.is_file():
        raise ValueError(f"reference not found: {text}")
    return Reference(name=path.name, path=path)


class _Masks:
    """Mask files read once each (a batch often names the same one on every line)."""

    def __init__(self, folder: Path | None) -> None:
        self.folder = folder
        self.read: dict[str, Mask | InputError] = {}

    def get(self, text: str) -> Mask:
        if text not in self.read:
            path = Path(text).expanduser()
            if not path.is_absolute() and self.folder is not None:
                path = self.folder / path
            if not path.is_file():
                raise ValueError(f"mask not found: {text}")
            try:
                self.read[text] = load_mask(path, path.name)
            except InputError as error:
                self.read[text] = error
        found = self.read[text]
        if isinstance(found, InputError):
            raise ValueError(f"mask {text}: {found.message}")
        return found


def line_request(
    line: BatchLine,
    base: GenerationRequest,
    folder: Path | None = None,
    masks: _Masks | None = None,
) -> GenerationRequest:
    """``base`` with the line's prompt and its own fields; ValueError (plain English) when a
    field cannot be used."""
    options = line.options
    changes: dict[str, Any] = {"prompt": line.prompt}
    for name in _COPIED:
        if name in options:
            changes[name] = options[name]
    if "resolution" in options:
        changes["resolution"] = str(options["resolution"]).strip().upper()
    if "ratio" in options and "size" not in options:
        changes["size"] = None  # the one set last wins (the composer's rule)
    if "size" in options and "ratio" not in options:
        changes["ratio"] = None
    if "refs" in options:
        changes["references"] = tuple(_reference(ref, folder) for ref in options["refs"])
        changes.update(mask=None, markup=None)
    if "mask" in options:
        changes["mask"] = (masks or _Masks(folder)).get(str(options["mask"]))
    if "protocol" in options:
        _protocol(str(options["protocol"]))
    return replace(base, **changes)


def _protocol(text: str) -> ProtocolId:
    try:
        return ProtocolId(text.strip())
    except ValueError:
        known = ", ".join(protocol.value for protocol in ProtocolId)
        raise ValueError(f"unknown protocol {text!r} (known: {known})") from None


def line_targets(line: BatchLine, targets: Sequence[Target], default_profile: str) -> list[Target]:
    """Where a line goes: its own model (with its relay and protocol) or each chosen target
    (with the line's relay or protocol, when it names one)."""
    options = line.options
    protocol = _protocol(str(options["protocol"])) if "protocol" in options else None
    profile = str(options["profile"]).strip() if "profile" in options else None
    if "model" in options:
        model = str(options["model"]).strip()
        return [Target(model, protocol, profile or default_profile)]
    chosen = []
    for target in targets:
        if protocol is not None:
            target = replace(target, protocol=protocol)
        if profile:
            target = replace(target, profile=profile)
        chosen.append(target)
    return chosen


def plan_batch(
    lines: Sequence[BatchLine],
    variables: Mapping[str, Sequence[str]],
    base: GenerationRequest,
    targets: Sequence[Target],
    catalog: Catalog,
    profile_of: Callable[[str], Profile],
    *,
    folder: Path | None = None,
    default_profile: str = "",
) -> BatchPlan:
    """Expand, build, fit and price every line × target; BatchFileError names the lines that
    cannot be sent (nothing is planned then). ``profile_of`` gives a relay's profile (it may
    raise InputError for a relay that is not there: its jobs are refused)."""
    expanded = expand_lines(lines, variables)
    problems: list[LineProblem] = []
    requests: list[tuple[GenerationRequest, list[Target]]] = []
    masks = _Masks(folder)
    for line in expanded:
        try:
            request = line_request(line, base, folder, masks)
            chosen = line_targets(line, targets, default_profile)
        except ValueError as error:
            problems.append(LineProblem(line.number, str(error)))
            continue
        if not chosen:
            problems.append(LineProblem(line.number, "no target: choose a model"))
            continue
        requests.append((request, chosen))
    if problems:
        raise BatchFileError(_first_per_line(problems))
    count = sum(len(chosen) for _, chosen in requests)
    if count > MAX_EXPANDED:
        raise BatchFileError([LineProblem(0, f"{count} requests; at most {MAX_EXPANDED}")])
    profiles: dict[str, Profile | InputError | None] = {}
    planned: list[PlannedJob] = []
    for request, chosen in requests:
        for target in chosen:
            name = target.profile or default_profile
            if name not in profiles:
                profiles[name] = _profile(profile_of, name)
            profile = profiles[name]
            job = plan_job(
                len(planned),
                request,
                target,
                catalog,
                profile if isinstance(profile, Profile) else None,
            )
            if isinstance(profile, InputError) and job.refusal is None:
                job = replace(job, refusal=profile)
            planned.append(job)
    return BatchPlan(expanded, planned, total_estimate(planned))


def _profile(profile_of: Callable[[str], Profile], name: str) -> Profile | InputError | None:
    try:
        return profile_of(name)
    except InputError as error:
        return error
    except StudioError:  # the keyring did not answer: priced as unknown, sent as usual
        return None


def _first_per_line(problems: list[LineProblem]) -> list[LineProblem]:
    """One problem per line (a template line expands to many requests with the same fault)."""
    seen: set[tuple[int, str]] = set()
    kept = []
    for problem in problems:
        if (problem.number, problem.reason) not in seen:
            seen.add((problem.number, problem.reason))
            kept.append(problem)
    return kept
