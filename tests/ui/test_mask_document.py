"""The mask painter's document: pixels painted by brush, eraser and selections, and undo."""

from __future__ import annotations

import itertools
import math
import random

import pytest
from PySide6.QtCore import QPointF, QRect
from PySide6.QtGui import QColor, QImage, QLinearGradient, QPainter, QPolygonF

from studio.ui.mask.document import MaskDocument, Tool, blank_mask
from studio.ui.mask.tiles import ENTRY_OVERHEAD, TILE

pytestmark = pytest.mark.usefixtures("qapp")


def pixel(document: MaskDocument, x: int, y: int, data: bytes | None = None) -> int:
    data = document.gray_bytes() if data is None else data
    return data[y * document.width() + x]


def stroke(
    document: MaskDocument,
    points: list[tuple[float, float]],
    size: float = 20,
    hardness: float = 1.0,
    tool: Tool = Tool.BRUSH,
) -> None:
    document.begin_stroke(tool, size, hardness)
    for x, y in points:
        document.stroke_to(QPointF(x, y))
    document.end_stroke()


def gradient_mask(width: int, height: int) -> QImage:
    """A mask with no two neighbouring tiles alike (every tile non-uniform)."""
    image = QImage(width, height, QImage.Format.Format_Grayscale8)
    gradient = QLinearGradient(0, 0, width / 7, height / 5)
    gradient.setSpread(QLinearGradient.Spread.ReflectSpread)
    gradient.setColorAt(0, QColor(10, 10, 10))
    gradient.setColorAt(1, QColor(240, 240, 240))
    painter = QPainter(image)
    painter.fillRect(image.rect(), gradient)
    painter.end()
    return image


def test_a_new_document_is_an_empty_gray_mask() -> None:
    document = MaskDocument(300, 200)

    assert (document.width(), document.height()) == (300, 200)
    assert document.image().format() == QImage.Format.Format_Grayscale8
    assert document.gray_bytes() == bytes(300 * 200)
    assert document.is_empty()
    assert not document.can_undo() and not document.can_redo()
    assert document.undo_bytes() == 0


def test_a_hard_dab_sets_its_disc_and_nothing_outside() -> None:
    document = MaskDocument(120, 100)

    stroke(document, [(50.5, 40.5)], size=20, hardness=1.0)

    data = document.gray_bytes()
    for y in range(100):
        for x in range(120):
            distance = math.hypot(x - 50, y - 40)
            if distance <= 9.45:
                assert pixel(document, x, y, data) == 255, (x, y)
            elif distance >= 10.55:
                assert pixel(document, x, y, data) == 0, (x, y)
    rim = [pixel(document, x, 40, data) for x in (40, 60)] + [pixel(document, 50, 30, data)]
    assert all(0 < value < 255 for value in rim)  # the one-pixel antialiased edge
    assert not document.is_empty()


def test_a_fast_stroke_between_distant_points_is_continuous() -> None:
    document = MaskDocument(520, 200)

    stroke(document, [(20, 100), (500, 100)], size=10)

    data = document.gray_bytes()
    for x in range(20, 500):
        for y in range(97, 104):
            assert pixel(document, x, y, data) == 255, (x, y)
    assert all(pixel(document, x, y, data) == 0 for x in range(520) for y in (90, 110))
    assert all(pixel(document, x, 100, data) == 0 for x in (0, 12, 508, 519))


def test_a_soft_dab_falls_off_monotonically_from_centre_to_rim() -> None:
    document = MaskDocument(200, 200)

    stroke(document, [(100.5, 100.5)], size=60, hardness=0.0)

    data = document.gray_bytes()
    profile = [pixel(document, 100 + offset, 100, data) for offset in range(33)]
    assert profile[0] == 255
    assert all(a >= b for a, b in itertools.pairwise(profile))
    assert 60 < profile[15] < 200  # soft: half-way out is half-way down
    assert profile[31:] == [0, 0]
    assert len(set(profile)) > 20  # a smooth ramp, not a few steps
    left = [pixel(document, 100 - offset, 100, data) for offset in range(33)]
    up = [pixel(document, 100, 100 - offset, data) for offset in range(33)]
    assert left == profile and up == profile  # round


def test_a_soft_stroke_never_exceeds_what_one_dab_gives() -> None:
    """Overlapping dabs combine by maximum: no build-up, so no banding along the stroke."""
    document = MaskDocument(400, 200)
    stroke(document, [(50.5, 50.5)], size=40, hardness=0.0)
    single = [pixel(document, 50, 50 + offset) for offset in range(22)]

    document.clear()
    stroke(document, [(40.5 + 7 * step, 120.5) for step in range(40)], size=40, hardness=0.0)

    data = document.gray_bytes()
    for x in range(100, 300, 13):
        across = [pixel(document, x, 120 + offset, data) for offset in range(22)]
        assert all(s <= d + 2 for s, d in zip(across, single, strict=True)), (x, across)
        assert across[0] == 255


def test_a_pressure_taper_is_continuous() -> None:
    document = MaskDocument(500, 100)

    document.begin_stroke(Tool.BRUSH, 30, 0.0)
    document.stroke_to(QPointF(20.5, 50.5), pressure=0.2)
    document.stroke_to(QPointF(480.5, 50.5), pressure=1.0)
    document.end_stroke()

    data = document.gray_bytes()
    assert all(pixel(document, x, 50, data) >= 250 for x in range(20, 481))
    widths = [sum(1 for y in range(100) if pixel(document, x, y, data) > 128) for x in (30, 470)]
    assert widths[0] < widths[1] / 2


def test_pressure_scales_the_diameter_down_to_a_tenth() -> None:
    document = MaskDocument(300, 100)

    document.begin_stroke(Tool.BRUSH, 40, 1.0)
    document.stroke_to(QPointF(50.5, 50.5), pressure=1.0)
    document.end_stroke()
    document.begin_stroke(Tool.BRUSH, 40, 1.0)
    document.stroke_to(QPointF(150.5, 50.5), pressure=0.5)
    document.end_stroke()
    document.begin_stroke(Tool.BRUSH, 40, 1.0)
    document.stroke_to(QPointF(250.5, 50.5), pressure=0.0)
    document.end_stroke()

    data = document.gray_bytes()

    def painted_width(centre: int) -> int:
        return sum(1 for x in range(centre - 30, centre + 30) if pixel(document, x, 50, data))

    assert painted_width(50) == 41
    assert painted_width(150) == 21
    assert painted_width(250) == 5  # 4 px disc plus its antialiased rim


def test_the_eraser_removes_only_under_it() -> None:
    document = MaskDocument(100, 100)
    document.fill()

    stroke(document, [(30.5, 50.5), (70.5, 50.5)], size=10, tool=Tool.ERASER)

    data = document.gray_bytes()
    assert all(pixel(document, x, 50, data) == 0 for x in range(30, 71))
    assert all(pixel(document, x, y, data) == 255 for x in range(100) for y in (0, 40, 60, 99))
    assert not document.is_empty()


def test_erasing_everything_makes_the_mask_empty_again() -> None:
    document = MaskDocument(600, 300)
    stroke(document, [(100, 100), (400, 150)], size=30)
    assert not document.is_empty()

    stroke(document, [(100, 100), (400, 150)], size=50, tool=Tool.ERASER)

    assert document.is_empty()
    assert document.gray_bytes() == bytes(600 * 300)


def test_undo_and_redo_restore_the_exact_bytes_of_every_step() -> None:
    width, height = 701, 530  # several tiles, rows padded to a multiple of 4
    document = MaskDocument(width, height)
    rng = random.Random(5)
    states = [document.gray_bytes()]

    def record() -> None:
        states.append(document.gray_bytes())

    for index in range(5):
        points = [(rng.uniform(0, width), rng.uniform(0, height)) for _ in range(5)]
        stroke(document, points, size=rng.uniform(10, 90), hardness=index / 4)
        record()
    stroke(document, points[1:4], size=30, hardness=0.5, tool=Tool.ERASER)
    record()
    document.fill_rect(QRect(250, 100, 300, 200))
    record()
    document.fill_polygon(QPolygonF([QPointF(10, 10), QPointF(400, 60), QPointF(120, 500)]))
    record()
    document.invert()
    record()
    document.fill_rect(QRect(0, 0, 260, 260), Tool.ERASER)
    record()
    document.replace(gradient_mask(width, height))
    record()
    stroke(document, [(600, 500), (20, 30)], size=45, hardness=0.3)
    record()
    document.clear()
    record()
    document.fill()
    record()
    assert all(a != b for a, b in itertools.pairwise(states))  # each step changes

    for state in reversed(states[:-1]):
        assert document.can_undo()
        document.undo()
        assert document.gray_bytes() == state
    assert not document.can_undo() and document.is_empty()
    for state in states[1:]:
        assert document.can_redo()
        document.redo()
        assert document.gray_bytes() == state
    assert not document.can_redo()
    for state in reversed(states[-4:-1]):  # and undo again after redoing
        document.undo()
        assert document.gray_bytes() == state


def test_a_new_edit_after_undo_drops_the_redo_steps() -> None:
    document = MaskDocument(200, 200)
    stroke(document, [(50, 50)])
    stroke(document, [(150, 150)])
    document.undo()
    assert document.can_redo()

    stroke(document, [(50, 150)])

    assert not document.can_redo()
    assert pixel(document, 150, 150) == 0


def test_undo_during_a_stroke_ends_it_and_undoes_it() -> None:
    document = MaskDocument(200, 200)
    document.begin_stroke(Tool.BRUSH, 20, 1.0)
    document.stroke_to(QPointF(50, 50))
    assert document.can_undo() and document.stroke_active()

    document.undo()

    assert not document.stroke_active()
    assert document.is_empty() and document.can_redo()


def test_stroke_to_needs_begin_stroke() -> None:
    document = MaskDocument(10, 10)
    with pytest.raises(RuntimeError):
        document.stroke_to(QPointF(5, 5))


def test_a_stroke_outside_the_image_is_no_step() -> None:
    document = MaskDocument(100, 100)

    document.begin_stroke(Tool.BRUSH, 20, 1.0)
    assert document.stroke_to(QPointF(-50, -50)).isEmpty()
    document.end_stroke()

    assert not document.can_undo()


def test_100_small_strokes_keep_only_the_tiles_they_touched() -> None:
    side = 4096
    full_image = side * side
    document = MaskDocument.from_gray(gradient_mask(side, side))
    original = document.gray_bytes()
    rng = random.Random(7)

    for _ in range(100):
        x, y = rng.uniform(0, side), rng.uniform(0, side)
        stroke(document, [(x, y), (x + 30, y + 10), (x + 60, y - 5)], size=40, hardness=0.5)

    held = document.undo_bytes()
    # Each stroke spans < 128 px, so at most 2×2 tiles: the honest upper bound.
    assert held <= 100 * 4 * (TILE * TILE + ENTRY_OVERHEAD)
    assert held < 2 * full_image  # 100 full copies would be 50 times more
    print(f"\nundo_bytes for 100 strokes on {side}²: {held / 2**20:.1f} MiB")

    while document.can_undo():
        document.undo()
    assert document.gray_bytes() == original


def test_strokes_on_a_blank_mask_cost_almost_no_history() -> None:
    document = MaskDocument(4096, 4096)
    for index in range(100):  # each in a tile of its own
        x, y = TILE * (index % 16) + 100, TILE * (index // 16) + 100
        stroke(document, [(x, y), (x + 30, y + 10)], size=40)

    assert document.undo_bytes() < 100 * 4 * ENTRY_OVERHEAD  # blank tiles kept as one value


def test_the_history_is_capped_by_steps_and_bytes() -> None:
    document = MaskDocument(1024, 1024)
    document.set_history_limits(max_steps=5, max_bytes=10**9)
    for index in range(8):
        stroke(document, [(100 * index + 50, 500)])
    undone = 0
    while document.can_undo():
        document.undo()
        undone += 1
    assert undone == 5
    assert pixel(document, 150, 500) == 255 and pixel(document, 350, 500) == 0

    document = MaskDocument.from_gray(gradient_mask(1024, 1024))
    budget = 5 * TILE * TILE // 2
    document.set_history_limits(max_steps=100, max_bytes=budget)
    states = [document.gray_bytes()]
    for index in range(4):  # each stroke copies one non-uniform tile: two fit in the budget
        stroke(document, [(TILE * index + 100, 100)])
        states.append(document.gray_bytes())
    assert TILE * TILE * 2 < document.undo_bytes() <= budget
    document.undo()  # the newest steps stay
    assert document.gray_bytes() == states[3]
    assert document.undo_bytes() <= budget  # the after-copy pushed the oldest step out
    document.redo()
    assert document.gray_bytes() == states[4]


def test_invert_twice_is_the_identity() -> None:
    document = MaskDocument.from_gray(gradient_mask(301, 203))
    before = document.gray_bytes()

    document.invert()
    assert document.gray_bytes() == bytes(255 - value for value in before)
    document.invert()

    assert document.gray_bytes() == before


def test_invert_of_an_empty_mask_is_full() -> None:
    document = MaskDocument(50, 30)
    document.invert()
    assert document.gray_bytes() == b"\xff" * 1500
    assert not document.is_empty()
    document.undo()
    assert document.is_empty()


def test_fill_rect_sets_exactly_the_rect() -> None:
    document = MaskDocument(600, 400)

    document.fill_rect(QRect(100, 50, 300, 270))

    data = document.gray_bytes()
    for y in range(400):
        row = data[y * 600 : (y + 1) * 600]
        expected = bytes(100) + b"\xff" * 300 + bytes(200) if 50 <= y < 320 else bytes(600)
        assert row == expected, y

    document.fill_rect(QRect(150, 100, 50, 50), Tool.ERASER)
    assert pixel(document, 175, 125) == 0 and pixel(document, 149, 125) == 255
    document.fill_rect(QRect(-100, -100, 50, 50))  # outside: nothing, no step
    document.undo()
    assert pixel(document, 175, 125) == 255


def test_fill_polygon_fills_the_lasso_with_a_soft_edge() -> None:
    document = MaskDocument(200, 200)
    triangle = QPolygonF([QPointF(20, 20), QPointF(180, 20), QPointF(20, 180)])

    document.fill_polygon(triangle)

    data = document.gray_bytes()
    assert pixel(document, 40, 40, data) == 255
    assert pixel(document, 150, 150, data) == 0
    assert pixel(document, 10, 10, data) == 0
    assert pixel(document, 100, 19, data) == 0 and pixel(document, 100, 20, data) == 255
    diagonal = [pixel(document, x, 199 - x, data) for x in range(90, 110)]
    assert any(0 < value < 255 for value in diagonal)  # antialiased edge

    lasso = QPolygonF([QPointF(10, 10), QPointF(195, 10), QPointF(190, 30), QPointF(10, 195)])
    document.fill_polygon(lasso, Tool.ERASER)
    assert document.is_empty()


def test_a_width_not_divisible_by_four_has_no_padding_in_its_bytes() -> None:
    document = MaskDocument(103, 37)
    assert document.image().bytesPerLine() == 104

    stroke(document, [(102.5, 18.5)], size=6)
    document.fill_rect(QRect(0, 0, 1, 37))

    data = document.gray_bytes()
    assert len(data) == 103 * 37
    assert pixel(document, 102, 18, data) == 255 and pixel(document, 101, 18, data) == 255
    assert pixel(document, 0, 36, data) == 255 and pixel(document, 1, 36, data) == 0
    assert sum(1 for value in data if value == 255) >= 37 + 9

    copy = MaskDocument.from_gray(document.image())
    assert copy.gray_bytes() == data and not copy.can_undo()


def test_replace_is_one_step_and_converts_the_format() -> None:
    document = MaskDocument(64, 48)
    white = QImage(64, 48, QImage.Format.Format_RGB32)
    white.fill(QColor("white"))

    document.replace(white)

    assert document.gray_bytes() == b"\xff" * (64 * 48)
    document.undo()
    assert document.is_empty() and not document.can_undo()
    with pytest.raises(ValueError, match="64×48"):
        document.replace(QImage(65, 48, QImage.Format.Format_Grayscale8))


def test_from_gray_holds_the_mask_without_an_undo_step() -> None:
    source = gradient_mask(333, 222)

    document = MaskDocument.from_gray(source)

    assert document.gray_bytes() == MaskDocument.from_gray(source).gray_bytes()
    assert not document.can_undo() and not document.is_empty()
    assert document.image().format() == QImage.Format.Format_Grayscale8


def test_clear_and_fill_do_nothing_when_already_so() -> None:
    document = MaskDocument(300, 300)
    document.clear()
    assert not document.can_undo()
    document.fill()
    document.fill()
    document.undo()
    assert not document.can_undo() and document.is_empty()


def test_signals_report_the_changed_rect_and_history(qtbot) -> None:
    document = MaskDocument(400, 300)
    rects: list[QRect] = []
    document.changed.connect(rects.append)

    document.begin_stroke(Tool.BRUSH, 20, 1.0)
    returned = document.stroke_to(QPointF(100.5, 100.5))
    assert rects == [returned]
    assert returned.contains(QRect(90, 90, 21, 21)) and returned.width() <= 24
    with qtbot.waitSignal(document.history_changed, timeout=100):
        document.end_stroke()

    with qtbot.waitSignal(document.changed, timeout=100) as undone:
        document.undo()
    assert undone.args[0].contains(returned)
    with qtbot.waitSignal(document.history_changed, timeout=100):
        document.redo()
    with qtbot.waitSignal(document.changed, timeout=100) as cleared:
        document.clear()
    assert cleared.args[0] == QRect(0, 0, 400, 300)


def test_an_8192_square_mask_paints_and_undoes() -> None:
    document = MaskDocument(8192, 8192)

    stroke(document, [(8000.5, 8100.5)], size=60, hardness=0.5)

    assert pixel(document, 8000, 8100) == 255
    assert not document.is_empty()
    assert document.undo_bytes() < 4 * ENTRY_OVERHEAD
    document.undo()
    assert document.is_empty()
    document.invert()
    assert pixel(document, 8191, 8191) == 255
    document.undo()
    assert document.is_empty()


def test_a_long_diagonal_stroke_keeps_a_band_of_tiles_not_its_bounding_box() -> None:
    side = 2048
    tiles = (side // TILE) ** 2
    document = MaskDocument.from_gray(gradient_mask(side, side))
    original = document.gray_bytes()

    stroke(document, [(10, 10), (2040, 2030)], size=40, hardness=0.5)

    kept = document.undo_bytes() // (TILE * TILE + ENTRY_OVERHEAD)
    assert kept <= 3 * side // TILE < tiles  # a diagonal band, not the whole bounding box
    document.undo()
    assert document.gray_bytes() == original


def test_blank_pixels_made_beforehand_are_used_and_checked() -> None:
    blank = blank_mask(64, 48)
    document = MaskDocument(64, 48, blank=blank)
    assert document.is_empty() and document.gray_bytes() == bytes(64 * 48)
    document.fill()
    assert blank.pixelColor(10, 10).value() == 255  # painted in place: no copy was made
    with pytest.raises(ValueError, match="blank mask"):
        MaskDocument(64, 48, blank=blank_mask(48, 64))
    with pytest.raises(ValueError, match="blank mask"):
        MaskDocument(64, 48, blank=QImage(64, 48, QImage.Format.Format_RGB32))
