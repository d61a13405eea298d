"""The result journal: what a relay delivered, kept until it is in the history."""

from __future__ import annotations

import json
from pathlib import Path

from studio.store.journal import GONE, SAVED, Delivery, ResultJournal

LINK = Delivery(0, "url", url="https://relay.example/files/a.png?sig=abc")
INLINE = Delivery(1, "b64")


def test_links_are_on_disk_before_anything_is_downloaded(tmp_path: Path) -> None:
    journal = ResultJournal([tmp_path / "spool"])
    journal.open("job-1", [LINK, INLINE])
    document = json.loads((tmp_path / "spool" / "job-1" / "journal.json").read_text())
    assert [d["url"] for d in document["deliveries"]] == [LINK.url, None]
    # Another process (a later resume) reads the same journal.
    again = ResultJournal([tmp_path / "spool"])
    assert again.jobs() == ["job-1"]
    assert [d.index for d in again.pending("job-1")] == [0, 1]


def test_kept_bytes_are_read_back_and_forgotten_once_saved(tmp_path: Path) -> None:
    journal = ResultJournal([tmp_path / "spool"])
    journal.open("job-1", [LINK, INLINE])
    path = journal.keep("job-1", 1, b"\x89PNG-bytes", "png")
    assert path is not None and path.read_bytes() == b"\x89PNG-bytes"
    later = ResultJournal([tmp_path / "spool"])
    (pending_inline,) = [d for d in later.pending("job-1") if d.index == 1]
    assert later.read("job-1", pending_inline) == (b"\x89PNG-bytes", path)
    later.mark("job-1", 1, SAVED)
    assert [d.index for d in later.pending("job-1")] == [0]
    later.mark("job-1", 0, GONE)
    assert later.pending("job-1") == [] and later.jobs() == []
    assert not (tmp_path / "spool" / "job-1").exists()


def test_a_spool_that_cannot_be_written_falls_back_to_the_next(tmp_path: Path) -> None:
    blocked = tmp_path / "blocked"
    blocked.write_text("a file where the spool folder should be")
    journal = ResultJournal([blocked, tmp_path / "fallback"])
    journal.open("job-2", [INLINE])
    path = journal.keep("job-2", 1, b"bytes", "png")
    assert path == tmp_path / "fallback" / "job-2" / "1.png"
    assert ResultJournal([blocked, tmp_path / "fallback"]).jobs() == ["job-2"]


def test_with_nowhere_to_write_the_bytes_stay_in_memory(tmp_path: Path) -> None:
    blocked = tmp_path / "blocked"
    blocked.write_text("not a folder")
    journal = ResultJournal([blocked])
    journal.open("job-3", [INLINE])
    assert journal.keep("job-3", 1, b"kept in memory", "png") is None
    (delivery,) = journal.pending("job-3")
    assert journal.read("job-3", delivery) == (b"kept in memory", None)
    assert journal.jobs() == ["job-3"]
    journal.mark("job-3", 1, SAVED)
    assert journal.jobs() == []


def test_a_damaged_journal_is_ignored(tmp_path: Path) -> None:
    folder = tmp_path / "spool" / "job-4"
    folder.mkdir(parents=True)
    (folder / "journal.json").write_text("{not json")
    journal = ResultJournal([tmp_path / "spool"])
    assert journal.pending("job-4") == [] and journal.jobs() == []
