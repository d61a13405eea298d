"""The simulator's memory: request log, billing, stored files, tasks and the global fault plan.

Shared by the server thread and the tests, hence the lock.
"""

from __future__ import annotations

import threading
import time
import uuid
from collections.abc import Iterable
from dataclasses import asdict, dataclass, field
from typing import TYPE_CHECKING, Any

from studio.catalog import Catalog
from studio.simulator.faults import Fault, Faults, parse_faults
from studio.simulator.personality_names import CLOUDFLARE_CUT, parse_personalities

if TYPE_CHECKING:
    from studio.simulator.image_tasks import ImageTask
    from studio.simulator.mj_tasks import MjTask


@dataclass
class LogEntry:
    method: str
    path: str
    query: dict[str, str]
    kind: str  # paid | poll | download | models | control | unknown
    status: int = 0
    model: str | None = None
    billed: bool = False
    faults: list[str] = field(default_factory=list)
    auth: dict[str, bool] = field(default_factory=dict)  # which credential carriers were present
    parts: list[dict[str, Any]] | None = None  # multipart file parts
    fields: dict[str, str] | None = None  # multipart text fields
    body: Any = None  # JSON body, long strings truncated
    request_id: str = ""
    arrived: float = field(default_factory=time.monotonic)
    answered: float | None = None  # when the handler produced its answer

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True)
class StoredFile:
    data: bytes
    mime: str
    expires_at: float


class SimState:
    def __init__(
        self,
        *,
        catalog: Catalog | None = None,
        faults: str = "",
        api_key: str | None = None,
        async_duration: float = 2.0,
        file_ttl: float = 3600.0,
        personalities: str | Iterable[str] = (),
        cloudflare_cut: float = CLOUDFLARE_CUT,
    ) -> None:
        self.catalog = catalog if catalog is not None else Catalog.load()
        self._defaults = (
            faults,
            api_key,
            async_duration,
            file_ttl,
            parse_personalities(personalities),
            cloudflare_cut,
        )
        self._lock = threading.Lock()
        self.reset()

    def reset(self) -> None:
        """Forget everything and go back to the settings given at construction."""
        faults, api_key, async_duration, file_ttl, personalities, cut = self._defaults
        with self._lock:
            self.api_key = api_key
            self.async_duration = async_duration
            self.file_ttl = file_ttl
            self.personalities: frozenset[str] = personalities
            self.cloudflare_cut = cut  # seconds before cloudflare-100s cuts a silent call
            self._turns: dict[str, int] = {}
            self._faults: list[Fault] = parse_faults(faults)
            self._log: list[LogEntry] = []
            self._files: dict[str, StoredFile] = {}
            self.tasks: dict[str, ImageTask] = {}
            self.mj_tasks: dict[str, MjTask] = {}

    # -- personalities -----------------------------------------------------------------------

    def set_personalities(
        self, names: str | Iterable[str], *, cloudflare_cut: float | None = None
    ) -> None:
        """Replace the relay's personalities (and the Cloudflare cut, when given); raises
        ValueError for an unknown name or a cut that is not a positive number."""
        chosen = parse_personalities(names)
        if cloudflare_cut is not None and not cloudflare_cut > 0:
            raise ValueError(f"the Cloudflare cut must be a positive number, got {cloudflare_cut}")
        with self._lock:
            self.personalities = chosen
            if cloudflare_cut is not None:
                self.cloudflare_cut = cloudflare_cut

    def next_turn(self, name: str) -> int:
        """0, 1, 2… for successive answers that alternate between shapes (since the reset)."""
        with self._lock:
            turn = self._turns.get(name, 0)
            self._turns[name] = turn + 1
            return turn

    # -- faults ------------------------------------------------------------------------------

    def set_faults(self, plan: str) -> None:
        """Replace the global fault plan; raises ValueError for a bad plan."""
        faults = parse_faults(plan)
        with self._lock:
            self._faults = faults

    def clear_faults(self) -> None:
        with self._lock:
            self._faults = []

    def fault_plan(self) -> str:
        with self._lock:
            return ",".join(_format(f) for f in self._faults)

    def take_faults(self, tags: Iterable[str], extra: Iterable[Fault] = ()) -> Faults:
        """The faults for a request with these tags; counted global faults are used up."""
        tags = set(tags)
        chosen: dict[str, Fault] = {}
        with self._lock:
            kept = []
            for fault in self._faults:
                if fault.matches(tags) and fault.name not in chosen:
                    chosen[fault.name] = fault
                    if fault.count is not None:
                        if fault.count > 1:
                            kept.append(Fault(fault.name, fault.value, fault.count - 1))
                        continue
                kept.append(fault)
            self._faults = kept
        for fault in extra:
            if fault.matches(tags):
                chosen[fault.name] = fault
        return Faults(chosen)

    # -- log and billing ---------------------------------------------------------------------

    def record(self, entry: LogEntry) -> None:
        with self._lock:
            self._log.append(entry)

    def log(self) -> list[LogEntry]:
        with self._lock:
            return list(self._log)

    def stats(self) -> dict[str, int]:
        entries = self.log()
        return {
            "billed": sum(e.billed for e in entries),
            "paid_requests": sum(e.kind == "paid" for e in entries),
            "polls": sum(e.kind == "poll" for e in entries),
            "downloads": sum(e.kind == "download" for e in entries),
        }

    # -- files -------------------------------------------------------------------------------

    def store_file(self, data: bytes, mime: str, *, expired: bool = False) -> str:
        """Keep ``data`` for download (forgetting files long expired); returns its id."""
        file_id = uuid.uuid4().hex
        now = time.monotonic()
        with self._lock:
            stale = [k for k, f in self._files.items() if f.expires_at < now - self.file_ttl]
            for key in stale:
                del self._files[key]
            self._files[file_id] = StoredFile(
                data, mime, now - 1 if expired else now + self.file_ttl
            )
        return file_id

    def file(self, file_id: str) -> StoredFile | None:
        with self._lock:
            return self._files.get(file_id)


def _format(fault: Fault) -> str:
    text = fault.name
    if fault.value is not None:
        text += f"={fault.value:g}"
    if fault.count is not None:
        text += f"*{fault.count}"
    return text
