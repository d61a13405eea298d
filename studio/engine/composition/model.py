"""The request being composed: one observable, undoable model, no Qt.

Every field reads and writes like an attribute (``composition.prompt = "a kite"``); a write that
changes something is one undoable step, then ``composition.events.<field>`` fires with the new
value (psygnal: Qt-like signals without Qt, napari's choice) and ``changed`` with the names of
every field that changed. A field that is set to the value it has fires nothing. The composer's
widgets bind to these signals and write back through the same attributes; everything that
"fills the composer" (reuse settings, restore from an image, use as reference, edit with mask,
expand canvas) changes the composition, never the widgets.

The rules live here, not in widgets:

- a new model keeps the settings it still offers and drops the rest (:func:`options.fit`); the
  request fields without a control (operation, Midjourney follow-up, blend shape, extra) go;
- an exact size and a ratio it does not have do not stay together: the one set last wins;
- the mask belongs to reference #1: when #1 changes, the mask goes (``mask_dropped``);
- what the protocol in use cannot carry is kept (a switch back brings it) but not sent
  (:meth:`Composition.to_request`);
- :meth:`Composition.set_request` (reuse settings, restore from an image, "Edit request") fills
  everything as one step and says what the model cannot take (``restored``).
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from typing import Any, Generic, TypeVar, overload

from psygnal import Signal, SignalGroup

from studio.catalog import Catalog
from studio.domain.model_spec import ModelSpec, Operation, ProtocolId
from studio.domain.request import GenerationRequest, Mask, MidjourneyAction, Reference
from studio.engine.composition.history import History, Step
from studio.engine.composition.options import (
    LATE_FIELDS,
    OPTION_FIELDS,
    OptionValues,
    carried_values,
    clashes,
    fit,
)
from studio.protocols.capabilities import (
    carried_options,
    default_operation,
    default_protocol,
    model_for_mask,
)

T = TypeVar("T")


@dataclass(frozen=True)
class Target:
    """One model a compare sends the same composition to, through a relay (None: the
    composition's own)."""

    model: str
    protocol: ProtocolId | None = None
    profile: str | None = None

    @property
    def label(self) -> str:
        return f"{self.model} @ {self.profile}" if self.profile else self.model


@dataclass(frozen=True)
class Draft(OptionValues):
    """Everything the composition holds at one moment (the options, then the rest)."""

    model: str = ""
    prompt: str = ""  # as typed; the request gets it stripped
    negative_prompt: str = ""
    references: tuple[Reference, ...] = ()
    mask: Mask | None = None
    mask_on: Reference | None = None  # the reference #1 the mask was painted on
    markup: Reference | None = None
    profile: str | None = None  # the relay of a restored request (None: not restored)
    # Request fields without a control: kept on reuse, gone with another model.
    operation: Operation | None = None
    midjourney: MidjourneyAction | None = None
    blend_dimensions: str | None = None
    extra: Mapping[str, Any] = field(default_factory=dict)
    targets: tuple[Target, ...] = ()  # a compare's models (empty: just this one)


# The fields a user changes, in the order their signals fire: the model first (the widgets set
# up its choices), then its settings, then the rest.
FIELDS = (
    "model",
    *OPTION_FIELDS,
    "references",
    "mask",
    "markup",
    "prompt",
    "negative_prompt",
    "operation",
    "midjourney",
    "blend_dimensions",
    "extra",
    "profile",
    "targets",
)
_CLEARED_WITH_THE_MODEL = ("operation", "midjourney", "blend_dimensions", "extra")
# Typed a character at a time: consecutive edits of one of these are one undo step.
TYPED_FIELDS = frozenset(
    {"prompt", "negative_prompt", "seed", "ratio", "n", "output_compression", "frame_count",
     "frame_duration_ms", "max_images", "safety_tolerance"}
)  # fmt: skip
# What a restored request may ask for that the model cannot take, named in this order.
LEFT_OUT_ORDER = (*OPTION_FIELDS, "markup", "negative_prompt")


class CompositionEvents(SignalGroup):
    """One signal per field, emitted with the new value after a real change."""

    model = Signal(str)
    protocol = Signal(object)
    ratio = Signal(object)
    resolution = Signal(object)
    size = Signal(object)
    n = Signal(int)
    quality = Signal(object)
    style = Signal(object)
    output_format = Signal(object)
    background = Signal(object)
    seed = Signal(object)
    input_fidelity = Signal(object)
    output_compression = Signal(object)
    moderation = Signal(object)
    complexity = Signal(object)
    frame_count = Signal(object)
    frame_duration_ms = Signal(object)
    thinking = Signal(object)
    sequential = Signal(object)
    max_images = Signal(object)
    watermark = Signal(object)
    safety_tolerance = Signal(object)
    references = Signal(tuple)
    mask = Signal(object)
    markup = Signal(object)
    prompt = Signal(str)
    negative_prompt = Signal(str)
    operation = Signal(object)
    midjourney = Signal(object)
    blend_dimensions = Signal(object)
    extra = Signal(object)
    profile = Signal(object)
    targets = Signal(tuple)


class _Field(Generic[T]):
    """A field of the draft, read and written like an attribute (a write is one step)."""

    name = ""

    def __set_name__(self, owner: type, name: str) -> None:
        self.name = name

    @overload
    def __get__(self, instance: None, owner: type) -> _Field[T]: ...
    @overload
    def __get__(self, instance: Composition, owner: type) -> T: ...
    def __get__(self, instance: Composition | None, owner: type) -> T | _Field[T]:
        if instance is None:
            return self
        value: T = getattr(instance.draft, self.name)
        return value

    def __set__(self, instance: Composition, value: T) -> None:
        instance.update(**{self.name: value})


class Composition:
    """The draft of the next request (see the module's docstring)."""

    model = _Field[str]()
    protocol = _Field[ProtocolId | None]()
    ratio = _Field[str | None]()
    resolution = _Field[str | None]()
    size = _Field[str | None]()
    n = _Field[int]()
    quality = _Field[str | None]()
    style = _Field[str | None]()
    output_format = _Field[str | None]()
    background = _Field[str | None]()
    seed = _Field[int | None]()
    input_fidelity = _Field[str | None]()
    output_compression = _Field[int | None]()
    moderation = _Field[str | None]()
    complexity = _Field[str | None]()
    frame_count = _Field[int | None]()
    frame_duration_ms = _Field[int | None]()
    thinking = _Field[str | None]()
    sequential = _Field[str | None]()
    max_images = _Field[int | None]()
    watermark = _Field[bool | None]()
    safety_tolerance = _Field[int | None]()
    references = _Field[tuple[Reference, ...]]()
    mask = _Field[Mask | None]()
    markup = _Field[Reference | None]()
    prompt = _Field[str]()
    negative_prompt = _Field[str]()
    operation = _Field[Operation | None]()
    midjourney = _Field[MidjourneyAction | None]()
    blend_dimensions = _Field[str | None]()
    extra = _Field[Mapping[str, Any]]()
    profile = _Field[str | None]()
    targets = _Field[tuple[Target, ...]]()

    changed = Signal(object)  # frozenset of the field names, after their own signals
    refused = Signal(tuple)  # references left out of an add: no room for them
    mask_dropped = Signal()  # the mask went because reference #1 changed
    restored = Signal(tuple)  # set_request: ((field, value), ...) the model cannot take

    def __init__(self, catalog: Catalog, model: str, *, history_limit: int = 200) -> None:
        self.catalog = catalog
        self.events = CompositionEvents()
        self.history: History[Draft] = History(history_limit)
        self._draft = Draft(model=model)
        self._depth = 0  # groups open
        self._group: tuple[str, Draft, str | None] = ("", self._draft, None)
        self._restoring = False

    # -- reading ---------------------------------------------------------------------------

    @property
    def draft(self) -> Draft:
        """The whole state now (immutable)."""
        return self._draft

    @property
    def spec(self) -> ModelSpec:
        return self.catalog.get(self._draft.model)

    @property
    def options(self) -> OptionValues:
        """Every setting, those the protocol in use does not carry included."""
        return OptionValues.of(self._draft)

    @property
    def operation_in_use(self) -> Operation:
        """The operation the request takes: the one set, else what the plan picks."""
        return self._draft.operation or default_operation(self.spec, bool(self._draft.references))

    @property
    def protocol_in_use(self) -> ProtocolId:
        """The protocol the request travels by: the one chosen, else the plan's choice."""
        return self._draft.protocol or default_protocol(self.spec, self.operation_in_use)

    @property
    def carried(self) -> frozenset[str]:
        """The options the protocol in use carries to the relay (the composer offers these)."""
        return carried_options(self.protocol_in_use, self.operation_in_use, self.spec)

    @property
    def sends_negative(self) -> bool:
        return self.spec.negative_prompt and "negative_prompt" in self.carried

    def to_request(self) -> GenerationRequest:
        """The request as composed now (not yet validated): what the model and protocol in use
        cannot take is left out."""
        draft, spec = self._draft, self.spec
        negative = draft.negative_prompt.strip()
        sent = carried_values(self.options, self.carried)
        return GenerationRequest(
            prompt=draft.prompt.strip(),
            model=draft.model,
            operation=draft.operation,
            references=draft.references,
            mask=draft.mask if spec.supports_mask else None,
            negative_prompt=negative if negative and self.sends_negative else None,
            midjourney=draft.midjourney,
            blend_dimensions=draft.blend_dimensions,
            extra=dict(draft.extra),
            markup=draft.markup if spec.markup else None,
            **sent.fields(),
        )

    # -- changing --------------------------------------------------------------------------

    def update(self, **changes: Any) -> None:
        """Set several fields as one step (the rules of the module's docstring applied)."""
        unknown = changes.keys() - set(FIELDS)
        if unknown:
            raise TypeError(f"not fields of a composition: {', '.join(sorted(unknown))}")
        old = self._draft
        new, dropped = self._settle(old, replace(old, **changes), frozenset(changes))
        label = ", ".join(changes)  # one field: its name, also the key typing merges by
        self._commit(new, label, label if label in TYPED_FIELDS else None, dropped)

    def set_request(
        self, request: GenerationRequest, profile: str | None = None
    ) -> tuple[tuple[str, Any], ...]:
        """Fill every field from ``request`` as one step (reuse settings, restore from an
        image, "Edit request"). Returns what the model cannot take here, ``(field, value)``
        pairs (value None for the markup overlay and the negative prompt), and emits them with
        ``restored``; they are dropped, not silently sent."""
        spec = self.catalog.get(request.model)
        given = OptionValues.of(request)
        fitted = fit(given, spec, any_protocol=True)  # a protocol chosen for it stays
        if fitted.sequential == "disabled":
            fitted = replace(fitted, sequential=None)  # what an untouched series means
        references = tuple(request.references)
        mask_on = references[0] if request.mask is not None and references else None
        new = Draft(
            **fitted.fields(),
            model=request.model,
            prompt=request.prompt,
            negative_prompt=request.negative_prompt or "",
            references=references,
            mask=request.mask if mask_on is not None else None,
            mask_on=mask_on,
            markup=request.markup,
            profile=profile,
            operation=request.operation,
            midjourney=request.midjourney,
            blend_dimensions=request.blend_dimensions,
            extra=dict(request.extra),
            targets=self._draft.targets,
        )
        with self.group("reuse settings"):
            self._commit(new, "reuse settings", None)
            left_out = self._left_out(request, given)
        self.restored.emit(left_out)
        return left_out

    def _left_out(
        self, request: GenerationRequest, given: OptionValues
    ) -> tuple[tuple[str, Any], ...]:
        spec = self.spec
        kept = carried_values(fit(given, spec, any_protocol=True), self.carried)
        fixed = spec.fixed_resolution  # the name carries it: shown, not left out
        left_out: list[tuple[str, Any]] = []
        for name in OPTION_FIELDS:
            value = getattr(given, name)
            if value is None or value == getattr(kept, name):
                continue
            if name == "ratio" and kept.ratio:
                continue  # kept, in the catalog's spelling
            if name == "resolution" and fixed and str(value).upper() == fixed:
                continue
            if name == "sequential" and value == "disabled":
                continue  # the default
            left_out.append((name, value))
        if request.markup is not None and not spec.markup:
            left_out.append(("markup", None))
        if request.negative_prompt and not self.sends_negative:
            left_out.append(("negative_prompt", None))
        return tuple(left_out)

    def add_references(
        self, references: Sequence[Reference], *, at: int | None = None, reserved: int = 0
    ) -> int:
        """Add up to the model's limit at ``at`` (None: the end); ``reserved`` places are
        taken by images still being read. Emits ``refused`` with what found no room. Returns
        how many were added."""
        if not references:
            return 0
        current = list(self._draft.references)
        room = max(0, self.spec.max_refs - len(current) - reserved)
        accepted, skipped = tuple(references[:room]), tuple(references[room:])
        if accepted:
            index = len(current) if at is None else max(0, min(at, len(current)))
            current[index:index] = accepted
            self.update(references=tuple(current))
        if skipped:
            self.refused.emit(skipped)
        return len(accepted)

    def remove_reference(self, index: int) -> None:
        current = list(self._draft.references)
        if 0 <= index < len(current):
            del current[index]
            self.update(references=tuple(current))

    def move_reference(self, source: int, target: int) -> None:
        """Move the reference at ``source`` to insertion point ``target`` (0…count)."""
        current = list(self._draft.references)
        if not 0 <= source < len(current):
            return
        target = max(0, min(target, len(current)))
        if target in (source, source + 1):
            return
        moved = current.pop(source)
        current.insert(target - 1 if target > source else target, moved)
        self.update(references=tuple(current))

    def use_as_markup(self, index: int) -> None:
        """The reference at ``index`` leaves the tray and becomes the markup overlay."""
        current = list(self._draft.references)
        if 0 <= index < len(current):
            markup = current.pop(index)
            self.update(references=tuple(current), markup=markup)

    def add_target(self, target: Target) -> bool:
        """One more target for a compare (one step); False when it is there already."""
        if target in self._draft.targets:
            return False
        self.update(targets=(*self._draft.targets, target))
        return True

    def remove_target(self, index: int) -> None:
        """A compare's target leaves (the last one going ends the compare)."""
        current = list(self._draft.targets)
        if 0 <= index < len(current):
            del current[index]
            self.update(targets=tuple(current))

    def use_mask_capable_model(self, preferred: str) -> str | None:
        """Keep the model if it can edit with a mask on #1; otherwise switch to ``preferred``
        (e.g. the painted image's own model) or the fallback mask model. Returns the model
        switched to, None when nothing changed."""
        found = model_for_mask(self.spec, (preferred,), self.catalog.get)
        if found is not None:
            self.update(model=found)
        return found

    # -- undo ------------------------------------------------------------------------------

    @contextmanager
    def group(self, label: str) -> Iterator[None]:
        """Every change inside is one undo step (e.g. "reuse settings")."""
        self._open(label, None)
        try:
            yield
        finally:
            self._close()

    def undo(self) -> bool:
        step = self.history.undo()
        if step is not None:
            self._put_back(step.before)
        return step is not None

    def redo(self) -> bool:
        step = self.history.redo()
        if step is not None:
            self._put_back(step.after)
        return step is not None

    # -- inside ----------------------------------------------------------------------------

    def _settle(self, old: Draft, new: Draft, given: frozenset[str]) -> tuple[Draft, bool]:
        """``new`` with the rules applied; True when the mask went with reference #1."""
        if new.model != old.model:
            spec = self.catalog.get(new.model)
            fitted = fit(OptionValues.of(new), spec, any_protocol="protocol" in given)
            cleared: dict[str, Any] = {
                name: None for name in _CLEARED_WITH_THE_MODEL if name not in given
            }
            if "extra" in cleared:
                cleared["extra"] = {}
            new = replace(new, **fitted.fields(), **cleared)
        elif "ratio" in given and "size" not in given and clashes(new.size, new.ratio):
            new = replace(new, size=None)  # the size follows the new ratio
        elif "size" in given and "ratio" not in given and clashes(new.size, new.ratio):
            new = replace(new, ratio=None)  # an exact size wins over a ratio it lacks
        if "max_images" not in given and new.sequential != "auto" and new.max_images is not None:
            new = replace(new, max_images=None)  # a series size means nothing without it
        first = new.references[0] if new.references else None
        if "mask" in given:
            mask = new.mask if first is not None else None
            return replace(new, mask=mask, mask_on=first if mask is not None else None), False
        if new.mask is not None and first != new.mask_on:
            return replace(new, mask=None, mask_on=None), True
        return new, False

    def _commit(self, new: Draft, label: str, merge_key: str | None, dropped: bool = False) -> None:
        old = self._draft
        if new == old:
            return
        self._open(label, merge_key)
        try:
            self._draft = new
            self._emit(old, new, dropped)
        finally:
            self._close()

    def _open(self, label: str, merge_key: str | None) -> None:
        if self._depth == 0:
            self._group = (label, self._draft, merge_key)
        self._depth += 1

    def _close(self) -> None:
        self._depth -= 1
        if self._depth or self._restoring:
            return
        label, before, merge_key = self._group
        if before != self._draft:
            self.history.record(Step(label, before, self._draft, merge_key))

    def _put_back(self, draft: Draft) -> None:
        old = self._draft
        self._restoring = True  # what the widgets echo back is part of this, not a new step
        try:
            self._draft = draft
            self._emit(old, draft, dropped=False)
        finally:
            self._restoring = False

    def _emit(self, old: Draft, new: Draft, dropped: bool) -> None:
        names = [name for name in FIELDS if getattr(old, name) != getattr(new, name)]
        for name in names:
            self.events[name].emit(getattr(self._draft, name))
        if dropped:
            self.mask_dropped.emit()
        self.changed.emit(frozenset(names))


__all__ = ["FIELDS", "LATE_FIELDS", "Composition", "CompositionEvents", "Draft", "Target"]
