"""The simulator's parts without HTTP: fault plans, sizes, rendering, state, server lifecycle."""

from __future__ import annotations

import io
import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import httpx
import pytest
from PIL import Image

from studio.catalog import Catalog
from studio.simulator import FAULT_NAMES, SimState, SimulatorServer, parse_faults
from studio.simulator.faults import Fault, split_directive
from studio.simulator.inputs import decode_base64
from studio.simulator.render import Scene, render, render_edit
from studio.simulator.sizes import output_size, parse_size


@pytest.fixture(scope="module")
def catalog(tmp_path_factory: pytest.TempPathFactory) -> Catalog:
    return Catalog.load(user=tmp_path_factory.mktemp("catalog") / "models.toml")


def test_fault_plans_parse_names_values_and_counts() -> None:
    assert parse_faults(" 500*2, latency=0.5 ,slow-body=1*1,,chat-data-uri") == [
        Fault("500", None, 2),
        Fault("latency", 0.5, None),
        Fault("slow-body", 1.0, 1),
        Fault("chat-data-uri", None, None),
    ]
    assert parse_faults("") == []
    assert "thought" in FAULT_NAMES
    assert "retry_after" in FAULT_NAMES


@pytest.mark.parametrize(
    ("plan", "message"),
    [
        ("boom", "unknown fault 'boom'"),
        ("latency", "needs a value"),
        ("latency=soon", "not a number"),
        ("latency=-1", "must not be negative"),
        ("500=1", "takes no value"),
        ("500*0", "at least 1"),
        ("500 502", "bad fault token"),
    ],
)
def test_bad_fault_plans_raise_value_error(plan: str, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        parse_faults(plan)


def test_prompt_directives_are_split_off() -> None:
    assert split_directive("a cat [[sim:500*1]] on a mat[[sim:latency=1]]") == (
        "a cat on a mat",
        "500*1,latency=1",
    )
    assert split_directive("plain") == ("plain", "")


def test_global_counted_faults_are_used_up_only_by_matching_requests(catalog: Catalog) -> None:
    state = SimState(catalog=catalog, faults="500*2,expired-url,poll-500*1")
    assert state.take_faults({"download"}).names() == ["expired-url"]
    assert state.take_faults({"paid"}).names() == ["500"]
    assert state.fault_plan() == "500*1,expired-url,poll-500*1"
    extra = parse_faults("502,poll-500")
    assert state.take_faults({"paid"}, extra).names() == ["500", "502"]
    assert state.take_faults({"paid"}).names() == []
    state.reset()
    assert state.fault_plan() == "500*2,expired-url,poll-500*1"


@pytest.mark.parametrize(
    ("fields", "size"),
    [
        ({}, (1024, 1024)),
        ({"size": "auto"}, (1024, 1024)),
        ({"size": "1792x1024", "ratio": "1:1"}, (1792, 1024)),
        ({"ratio": "21:9"}, (1024, 432)),
        ({"ratio": "9:16", "resolution": "4k"}, (2304, 4096)),
        ({"resolution": "2K"}, (2048, 2048)),
        ({"resolution": "2K", "fallback": (800, 600)}, (2048, 1536)),
        ({"fallback": (800, 600)}, (800, 600)),
    ],
)
def test_output_size(fields: dict[str, object], size: tuple[int, int]) -> None:
    assert output_size(**fields) == size  # type: ignore[arg-type]


@pytest.mark.parametrize("text", ["1024×1024", "1024*1024", "0x10", "10000x10", " 1024x1024"])
def test_bad_sizes(text: str) -> None:
    with pytest.raises(ValueError, match="invalid size"):
        parse_size(text)


def test_base64_in_both_alphabets_with_or_without_padding() -> None:
    assert decode_base64("-_8") == decode_base64("+/8=") == b"\xfb\xff"
    with pytest.raises(ValueError, match="base64"):
        decode_base64("not base64!")


def test_renders_are_exact_in_size_distinct_by_prompt_and_cached() -> None:
    scene = Scene("a blue whale", 320, 200, ("test",))
    first = render(scene)
    assert render(scene) is first
    image = Image.open(io.BytesIO(first))
    assert (image.format, image.size) == ("PNG", (320, 200))
    assert render(Scene("a green whale", 320, 200, ("test",))) != first
    assert render(Scene("a blue whale", 320, 200, ("test",), variant="1")) != first


def test_a_fresh_1024_render_is_fast() -> None:
    timings = []
    for index in range(3):
        started = time.perf_counter()
        render(Scene(f"speed check {index} {time.time()}", 1024, 1024, ("timing",)))
        timings.append(time.perf_counter() - started)
    assert min(timings) < 0.1


def test_black_and_white_mask_edit_keeps_black_pixels() -> None:
    base = io.BytesIO()
    Image.new("RGBA", (64, 64), (10, 20, 30, 200)).save(base, "PNG")
    mask = Image.new("L", (64, 64), 0)
    mask.paste(255, (0, 0, 32, 64))
    mask_png = io.BytesIO()
    mask.save(mask_png, "PNG")
    result = Image.open(
        io.BytesIO(render_edit(Scene("x", 1, 1), base.getvalue(), mask_png.getvalue(), "bw"))
    )
    assert result.mode == "RGBA"
    assert result.crop((32, 0, 64, 64)).getcolors() == [(32 * 64, (10, 20, 30, 200))]
    assert result.crop((0, 0, 32, 64)).getcolors(4096) != [(32 * 64, (10, 20, 30, 200))]


def test_server_stops_cleanly_without_leaking_threads(catalog: Catalog) -> None:
    before = set(threading.enumerate())
    with SimulatorServer(catalog=catalog) as server:
        assert server.url.startswith("http://127.0.0.1:")
        assert (
            httpx.get(f"{server.url}/v1/models", headers={"Authorization": "Bearer k"}).status_code
            == 200
        )
        reply = httpx.post(
            f"{server.url}/v1/images/generations",
            json={"model": "flux", "prompt": "thread", "size": "256x256"},
            headers={"Authorization": "Bearer k"},
        )
        assert reply.status_code == 200
        assert [e.kind for e in server.log()] == ["models", "paid"]
    deadline = time.monotonic() + 2
    while set(threading.enumerate()) - before and time.monotonic() < deadline:
        time.sleep(0.02)
    assert set(threading.enumerate()) - before == set()
    with pytest.raises(httpx.ConnectError):
        httpx.get(f"{server.url}/v1/models")


def test_user_directories_point_into_the_test_tmp_dir(tmp_path: Path) -> None:
    assert os.environ["STUDIO_CONFIG_DIR"].startswith(str(tmp_path))


def test_keep_alive_answers_are_not_held_back_by_nagle(simulator: SimulatorServer) -> None:
    with httpx.Client(base_url=simulator.url) as client:
        client.get("/_sim/stats")
        started = time.perf_counter()
        for _ in range(10):
            client.get("/_sim/stats")
    assert (time.perf_counter() - started) / 10 < 0.02


@pytest.mark.skipif(sys.platform == "win32", reason="needs POSIX SIGINT delivery")
def test_serve_runs_in_the_foreground_until_ctrl_c_and_prints_nothing_itself() -> None:
    script = (
        "from studio.simulator import serve\n"
        "serve(port=0, faults='latency=0', on_ready=lambda url: print(url, flush=True))\n"
    )
    process = subprocess.Popen(
        [sys.executable, "-c", script], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )
    try:
        assert process.stdout is not None
        url = process.stdout.readline().strip()
        assert url.startswith("http://127.0.0.1:")
        deadline = time.monotonic() + 10
        while True:
            try:
                reply = httpx.get(f"{url}/_sim/faults")
                break
            except httpx.ConnectError:
                assert time.monotonic() < deadline
                time.sleep(0.05)
        assert reply.json() == {"faults": "latency=0"}
        process.send_signal(signal.SIGINT)
        out, err = process.communicate(timeout=10)
    finally:
        process.kill()
    assert (process.returncode, out, err) == (0, "", "")


def test_grain_makes_photo_sized_files() -> None:
    from studio.simulator.render import Scene, render

    plain = render(Scene("grain test", 512, 512))
    grainy = render(Scene("grain test", 512, 512, grain=True))
    assert len(grainy) > 10 * len(plain)
