"""The Batch dialog driven like a user: a template's preview and cost, a file with a bad line,
sending to the simulated relay as one run, cancel all, retry failed."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from studio.domain.job import JobState
from studio.engine.composition import Composition
from studio.engine.composition.model import Target
from studio.engine.ledger import LIST_PRICE, Money
from studio.store.history import Filters
from studio.store.runs import get_run
from studio.ui.batch.dialog import BatchDialog
from studio.ui.batch.preview import NOTES, PROMPT, STATUS, TARGET
from studio.ui.batch.texts import money_text
from studio.ui.main_window import MainWindow
from tests.ui.conftest import Harness

LEFT = Qt.MouseButton.LeftButton


def make_dialog(harness: Harness, model: str = "gpt-image-1", **settings: object) -> BatchDialog:
    composition = Composition(harness.catalog, model)
    for name, value in settings.items():
        setattr(composition, name, value)
    dialog = harness.keep(BatchDialog(harness.services, composition))
    dialog.show()
    return dialog


def column(dialog: BatchDialog, which: int) -> list[str]:
    model = dialog.model
    return [model.data(model.index(row, which)) for row in range(model.rowCount())]


def type_lines(dialog: BatchDialog, *lines: str) -> None:
    """Type the prompts like a user, Return between lines (QTest types no line breaks)."""
    for number, line in enumerate(lines):
        if number:
            QTest.keyClick(dialog.prompts, Qt.Key.Key_Return)
        QTest.keyClicks(dialog.prompts, line)


async def planned(harness: Harness, dialog: BatchDialog) -> None:
    await harness.until(lambda: not dialog.planning)


def test_a_template_with_two_variables_previews_every_combination_and_its_cost(
    harness: Harness,
) -> None:
    dialog = make_dialog(harness)

    async def scenario() -> None:
        QTest.keyClicks(dialog.prompts, "a {animal} in {style}")
        assert [row.variable()[0] for row in dialog.variables.rows] == ["animal", "style"]
        QTest.keyClicks(dialog.variables.row("animal").values, "cat, fox")
        style = dialog.variables.row("style").values
        QTest.keyClicks(style, "ink")
        style.insert("，oil paint")  # the Chinese comma too (QTest types only ASCII)
        await planned(harness, dialog)

    harness.run(scenario())
    assert column(dialog, PROMPT) == [
        "a cat in ink",
        "a cat in oil paint",
        "a fox in ink",
        "a fox in oil paint",
    ]
    assert set(column(dialog, TARGET)) == {"gpt-image-1 @ sim"}
    price = harness.catalog.get("gpt-image-1").price
    assert price is not None
    cost = money_text(Money(round(price.per_image * 4, 6), price.currency, LIST_PRICE))
    assert dialog.count_label.text() == f"4 requests · {cost}"
    assert not dialog.problems_label.isVisible()
    assert dialog.send_button.isEnabled()
    assert dialog.send_button.text() == "Send 4"


def test_each_target_gets_each_line_fitted_to_it_with_a_note(harness: Harness) -> None:
    dialog = make_dialog(harness, n=2)

    async def scenario() -> None:
        type_lines(dialog, "a red kite", "a blue kite")
        dialog.targets.model_box.setCurrentText("dall-e-3")
        QTest.mouseClick(dialog.targets.add_button, LEFT)
        await planned(harness, dialog)

    harness.run(scenario())
    assert dialog.targets.targets() == [
        Target("gpt-image-1", None, "sim"),
        Target("dall-e-3", None, "sim"),
    ]
    assert column(dialog, TARGET) == [
        "gpt-image-1 @ sim",
        "dall-e-3 @ sim",
        "gpt-image-1 @ sim",
        "dall-e-3 @ sim",
    ]
    notes = column(dialog, NOTES)
    assert notes[0] is None
    assert notes[1] == "dall-e-3 takes at most 1 for the number of images: 2 lowered to 1."
    assert dialog.count_label.text().startswith("4 requests")
    assert "2 images each" in dialog.settings_label.text()


def test_a_csv_with_a_bad_line_names_it_and_nothing_can_be_sent(
    harness: Harness, tmp_path: Path
) -> None:
    dialog = make_dialog(harness)
    batch = tmp_path / "kites.csv"
    batch.write_text(
        "prompt,ratio\na red kite,16:9\na blue kite,1:1,extra\na green kite,\n", encoding="utf-8"
    )

    async def scenario() -> None:
        dialog.open_file(batch)
        await harness.until(lambda: dialog.problems_label.isVisible())
        await planned(harness, dialog)

    harness.run(scenario())
    assert dialog.problems_label.text() == "Line 3: 3 cells, but the header names 2 fields"
    assert not dialog.send_button.isEnabled()
    assert dialog.model.rowCount() == 0
    assert dialog.count_label.text() == "Nothing can be sent until each line is right."

    batch.write_text("prompt,ratio\na red kite,3:2\na blue kite,16:9\n", encoding="utf-8")

    async def mended() -> None:
        dialog.open_file(batch)
        await harness.until(lambda: dialog.model.rowCount() == 2)
        await planned(harness, dialog)

    harness.run(mended())
    assert not dialog.problems_label.isVisible()
    assert dialog.file_label.text() == "kites.csv: 2 lines"
    assert [job.request.ratio for job in dialog.model.planned] == ["3:2", None]
    assert column(dialog, NOTES)[1] == "gpt-image-1 cannot take the ratio: left out for it."
    assert dialog.send_button.isEnabled()


def test_a_template_without_values_says_which_line(harness: Harness) -> None:
    dialog = make_dialog(harness)

    async def scenario() -> None:
        type_lines(dialog, "a plain kite", "a {colour} kite")
        await planned(harness, dialog)

    harness.run(scenario())
    assert dialog.problems_label.text() == (
        "Line 2: no values for {colour}: give each variable its values"
    )
    assert not dialog.send_button.isEnabled()


def send_and_wait(harness: Harness, dialog: BatchDialog) -> None:
    async def scenario() -> None:
        await planned(harness, dialog)
        assert dialog.send_button.isEnabled()
        QTest.mouseClick(dialog.send_button, LEFT)
        await harness.until(lambda: dialog.sender is not None and dialog.running)
        await harness.until(lambda: not dialog.running, within=40)

    harness.run(scenario(), within=60)


def test_a_three_line_batch_is_three_jobs_in_one_run(harness: Harness) -> None:
    dialog = make_dialog(harness, model="flux")
    type_lines(dialog, "a red kite", "a blue kite", "# not this one", "a green kite")
    send_and_wait(harness, dialog)
    sender = dialog.sender
    assert sender is not None
    records = harness.run(harness.bridge.jobs_page(Filters(run_id=sender.run.id), 10))
    assert len(records) == 3
    assert sorted(record.job.run_index for record in records) == [0, 1, 2]
    assert {record.job.state for record in records} == {JobState.SUCCEEDED}
    assert {record.job.request.prompt for record in records} == {
        "a red kite",
        "a blue kite",
        "a green kite",
    }
    run = get_run(harness.store, sender.run.id)
    assert run is not None and run.kind == "batch" and run.title == "a red kite"
    assert dialog.progress_label.text() == "Finished: 3 of 3 delivered · 0 failed"
    assert dialog.progress_bar.value() == 3
    assert not dialog.retry_button.isEnabled() and not dialog.cancel_button.isEnabled()


def test_cancel_all_stops_the_batch(harness: Harness) -> None:
    harness.sim.set_faults("latency=5")
    dialog = make_dialog(harness, model="flux")
    type_lines(dialog, "one kite", "two kites", "three kites")
    dialog.concurrency.setValue(1)

    async def scenario() -> None:
        await planned(harness, dialog)
        QTest.mouseClick(dialog.send_button, LEFT)
        await harness.until(lambda: dialog.states)  # the first one is on its way
        assert dialog.cancel_button.isEnabled()
        QTest.mouseClick(dialog.cancel_button, LEFT)
        await harness.until(lambda: not dialog.running)

    harness.run(scenario(), within=30)
    sender = dialog.sender
    assert sender is not None
    records = harness.run(harness.bridge.jobs_page(Filters(run_id=sender.run.id), 10))
    assert records and {record.job.state for record in records} == {JobState.CANCELLED}
    counts = dialog.counts()
    assert (counts["succeeded"], counts["failed"]) == (0, 0)
    assert counts["cancelled"] == len(records)
    assert counts["cancelled"] + counts["unsent"] == 3
    assert dialog.progress_label.text() == (
        f"Stopped: 0 of 3 delivered · 0 failed · {counts['cancelled']} cancelled · "
        f"{counts['unsent']} not sent"
    )
    assert dialog.retry_button.isEnabled() and not dialog.cancel_button.isEnabled()

    harness.sim.set_faults("")  # the relay is quick again: what was cancelled goes now

    async def retry() -> None:
        QTest.mouseClick(dialog.retry_button, LEFT)
        await harness.until(lambda: dialog.running)
        await harness.until(lambda: not dialog.running, within=30)

    harness.run(retry())
    assert dialog.progress_label.text() == "Finished: 3 of 3 delivered · 0 failed"


def test_retry_failed_sends_the_failed_one_again_in_the_same_run(harness: Harness) -> None:
    harness.sim.set_faults("401*1")  # the first request is refused, the others go through
    dialog = make_dialog(harness, model="flux")
    type_lines(dialog, "one kite", "two kites", "three kites")
    dialog.concurrency.setValue(1)
    send_and_wait(harness, dialog)
    assert dialog.progress_label.text() == "Finished: 2 of 3 delivered · 1 failed"
    assert sorted(column(dialog, STATUS)) == ["done", "done", "failed"]
    assert dialog.retry_button.isEnabled()

    async def retry() -> None:
        QTest.mouseClick(dialog.retry_button, LEFT)
        await harness.until(lambda: dialog.running)
        await harness.until(lambda: not dialog.running, within=30)

    harness.run(retry())
    sender = dialog.sender
    assert sender is not None
    records = harness.run(harness.bridge.jobs_page(Filters(run_id=sender.run.id), 10))
    assert len(records) == 4  # the failed job stays in the history, its retry joins the run
    failed_index = next(r.job.run_index for r in records if r.job.state is JobState.FAILED)
    retried = [record.job for record in records if record.job.run_index == failed_index]
    assert sorted(job.state for job in retried) == sorted([JobState.FAILED, JobState.SUCCEEDED])
    assert dialog.progress_label.text() == "Finished: 3 of 3 delivered · 0 failed"
    assert not dialog.retry_button.isEnabled()


def test_the_window_opens_the_batch_dialog_from_its_menu(harness: Harness) -> None:
    window = harness.keep(MainWindow(harness.services))
    window.show()
    window.composition.prompt = "a paper boat"

    async def scenario() -> None:
        await window.ready()
        window.batch_action.trigger()
        await harness.until(lambda: window.batch_dialog is not None)
        await planned(harness, window.batch_dialog)

    harness.run(scenario())
    dialog = window.batch_dialog
    assert dialog is not None and dialog.isVisible()
    assert dialog.prompts.toPlainText() == "a paper boat"
    assert window.batch_action.shortcut().toString() == "Ctrl+Shift+B"
    # the prompt library is joined to the window's prompt: "/" and "Save prompt to library…"
    assert window.composer.prompt.popup_keys is window.prompt_library.slash
    edit_menu = window.menuBar().actions()[1].menu()
    assert window.prompt_library.save_action in edit_menu.actions()


def test_every_reason_the_engine_gives_for_a_bad_line_is_said_in_the_users_words(
    tmp_path: Path,
) -> None:
    """The engine words a bad line in English; the dialog knows each wording (to translate
    it): a reason it does not know would reach a Chinese user in English."""
    from studio.catalog import Catalog
    from studio.domain.request import GenerationRequest
    from studio.engine.batch import BatchFileError, expand_lines, read_lines
    from studio.engine.batch_plan import plan_batch
    from studio.ui.batch.texts import known_reason, problem_text

    reasons: list[str] = []

    def collect(action: object) -> None:
        try:
            action()  # type: ignore[operator]
        except BatchFileError as error:
            reasons.extend(problem.reason for problem in error.problems)

    bad_csv = "prompt,ratio\na,1:1,x\nb,1:1\n"
    collect(lambda: read_lines(bad_csv, "csv"))
    collect(lambda: read_lines("prompt,colour\na,b\n", "csv"))
    collect(lambda: read_lines("ratio\n1:1\n", "csv"))
    collect(lambda: read_lines("prompt,prompt\na,b\n", "csv"))
    collect(lambda: read_lines('prompt\n"a\n', "csv"))
    for line in (
        '{"prompt": "a", "n": "two"}',
        '{"prompt": "a", "n": 0}',
        '{"prompt": ""}',
        '{"prompt": "a", "ratio": 3}',
        '{"prompt": "a", "refs": 5}',
        '{"prompt": "a", "colour": "red"}',
        "[1, 2]",
        "{nope",
    ):
        collect(lambda line=line: read_lines(line, "jsonl"))
    for template in ("a {x", "a }", "a {x!r}", "a {0}", "a {animal}"):
        lines = read_lines(template, "text")
        collect(lambda lines=lines: expand_lines(lines, {}))
    collect(lambda: expand_lines(read_lines("{a}{b}{c}", "text"), {n: ["1"] * 30 for n in "abc"}))
    catalog = Catalog.load()
    base = GenerationRequest("", "flux")
    for line in (
        '{"prompt": "a", "refs": ["missing.png"]}',
        '{"prompt": "a", "mask": "missing.png"}',
        '{"prompt": "a", "protocol": "carrier-pigeon"}',
    ):
        collect(
            lambda line=line: plan_batch(
                read_lines(line, "jsonl"), {}, base, [], catalog, lambda name: None, folder=tmp_path
            )
        )
    assert len(reasons) >= 20
    unknown = [reason for reason in reasons if not known_reason(reason)]
    assert unknown == []
    assert all(problem_text(type("P", (), {"number": 2, "reason": r})()).startswith("Line 2: ")
               for r in reasons)  # fmt: skip
