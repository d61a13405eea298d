"""Smoke test of the Linux bundle, as a user without network would meet it.

    python packaging/smoke.py                      # build, then test the new tarball
    python packaging/smoke.py --tarball dist/studio-0.1.0-linux-x86_64.tar.gz

1. build (``packaging/build.py``) unless ``--tarball`` is given;
2. unpack into a temporary folder and run ``install.sh`` with a temporary ``HOME``;
3. with a clean environment — ``PATH`` is only the installed bin folder, ``/usr/bin`` and
   ``/bin`` (no virtualenv), proxy variables point at a closed port (``127.0.0.1:9``) with only
   loopback exempt, and, where ``unshare`` allows it, inside a network namespace that has nothing
   but loopback — run ``studio --demo --quit-after-ready`` (ready time), ``studio --demo
   --screenshot`` (English and Chinese; the Chinese run must use the shipped .qm), and
   ``studio-cli generate`` against ``studio-cli simulate``; the same start from the source
   virtualenv gives the comparison;
4. ``uninstall.sh``: everything install.sh made is gone, the user's data stays;
5. with ``--wheelhouse DIR``: ``install-offline`` into a fresh virtualenv (system python3, no
   index, no network) and a start from it.

Prints ``name: value`` lines (sizes, times, ``ready_ms_bundle`` vs ``ready_ms_source``, one
``step_<name>: pass|fail`` per step) and exits 1 if any step failed.
"""

from __future__ import annotations

import argparse
import json
import re
import shutil
import signal
import socket
import statistics
import struct
import subprocess
import sys
import tarfile
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEAD_PROXY = "http://127.0.0.1:9"  # the discard port: nothing listens, every connection fails
TIMEOUT = 120


class Results:
    def __init__(self) -> None:
        self.values: dict[str, object] = {}
        self.failures: list[str] = []

    def value(self, name: str, value: object) -> None:
        self.values[name] = value
        print(f"{name}: {value}", flush=True)

    def step(self, name: str, ok: bool, detail: str = "") -> bool:
        self.values[f"step_{name}"] = "pass" if ok else "fail"
        print(
            f"step_{name}: {'pass' if ok else 'fail'}" + (f"  ({detail})" if detail else ""),
            flush=True,
        )
        if not ok:
            self.failures.append(name)
        return ok


# -- Environment ----------------------------------------------------------------------------------


def clean_env(home: Path, *, extra_path: str = "") -> dict[str, str]:
    """What a user's fresh session would have: no virtualenv, no network but loopback."""
    runtime = home / ".runtime"
    runtime.mkdir(mode=0o700, parents=True, exist_ok=True)
    path = ":".join(part for part in (extra_path, "/usr/bin", "/bin") if part)
    env = {
        "HOME": str(home),
        "PATH": path,
        "LANG": "C.UTF-8",
        "XDG_RUNTIME_DIR": str(runtime),
        "QT_QPA_PLATFORM": "offscreen",
        "NO_PROXY": "127.0.0.1,localhost",
        "no_proxy": "127.0.0.1,localhost",
    }
    for name in ("HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY"):
        env[name] = env[name.lower()] = DEAD_PROXY
    return env


def network_namespace_prefix() -> list[str] | None:
    """``unshare`` arguments giving a process a network of its own with only loopback, if this
    user may create one (root, or unprivileged user namespaces)."""
    unshare = shutil.which("unshare")
    ip = shutil.which("ip") or next(
        (p for p in ("/usr/sbin/ip", "/sbin/ip") if Path(p).exists()), None
    )
    if unshare is None or ip is None:
        return None
    for flags in (["--net"], ["--net", "--map-root-user"]):
        probe = subprocess.run(
            [unshare, *flags, ip, "link", "set", "lo", "up"],
            capture_output=True,
            check=False,
        )
        if probe.returncode == 0:
            return [unshare, *flags]
    return None


def inside_namespace_setup() -> str:
    """Bring loopback up in this new namespace and prove nothing else is reachable."""
    ip = shutil.which("ip") or next(p for p in ("/usr/sbin/ip", "/sbin/ip") if Path(p).exists())
    subprocess.run([ip, "link", "set", "lo", "up"], check=True)
    try:
        socket.create_connection(("1.1.1.1", 443), timeout=2).close()
    except OSError as error:
        return f"network namespace, loopback only (1.1.1.1:443: {error.strerror or error})"
    raise SystemExit("smoke: the network namespace can reach the internet")


# -- Checks ---------------------------------------------------------------------------------------


def run(command: list[str], env: dict[str, str], cwd: Path, timeout: int = TIMEOUT):
    return subprocess.run(
        command, env=env, cwd=cwd, capture_output=True, text=True, timeout=timeout, check=False
    )


def ready_ms(command: list[str], env: dict[str, str], cwd: Path) -> tuple[int | None, str]:
    """The ``ready_ms`` the studio prints (from its first import to the painted window), and in
    the message the wall time from exec to exit (the bootloader or interpreter start included)."""
    started = time.perf_counter()
    result = run([*command, "--demo", "--quit-after-ready"], env, cwd)
    wall = (time.perf_counter() - started) * 1000
    match = re.search(r"^ready_ms: (\d+)", result.stdout, re.MULTILINE)
    if result.returncode != 0 or match is None:
        return None, f"exit {result.returncode}: {(result.stdout + result.stderr)[-400:]}"
    return int(match.group(1)), f"{wall:.0f}"


def png_size(path: Path) -> tuple[int, int] | None:
    data = path.read_bytes()[:24] if path.is_file() else b""
    if len(data) < 24 or data[:8] != b"\x89PNG\r\n\x1a\n" or data[12:16] != b"IHDR":
        return None
    return struct.unpack(">II", data[16:24])


def check_screenshot(
    results: Results, name: str, extra: list[str], env: dict[str, str], work: Path
) -> Path:
    shot = work / f"{name}.png"
    result = run(["studio", "--demo", *extra, "--screenshot", str(shot)], env, work)
    size = png_size(shot)
    ok = (
        result.returncode == 0
        and size is not None
        and size[0] >= 640
        and size[1] >= 400
        and shot.stat().st_size > 20_000
    )
    detail = (
        f"{size[0]}x{size[1]}, {shot.stat().st_size // 1024} KB, {shot}"
        if size
        else f"exit {result.returncode}: {(result.stdout + result.stderr)[-400:]}"
    )
    results.step(name, ok, detail)
    return shot


def check_cli(results: Results, env: dict[str, str], work: Path, version: str) -> None:
    version_run = run(["studio-cli", "--version"], env, work)
    results.step(
        "cli_version",
        version_run.returncode == 0 and version in version_run.stdout,
        version_run.stdout.strip(),
    )
    simulator = subprocess.Popen(
        ["studio-cli", "simulate", "--port", "0"],
        env=env,
        cwd=work,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        url = None
        deadline = time.monotonic() + 60
        assert simulator.stdout is not None
        while time.monotonic() < deadline:
            line = simulator.stdout.readline()
            if not line:
                break
            if match := re.search(r"listening on (http://\S+)", line):
                url = match.group(1)
                break
        if not results.step("cli_simulate", url is not None, url or "no 'listening on' line"):
            return
        out = work / "generated"
        started = time.perf_counter()
        generated = run(
            [
                "studio-cli",
                "generate",
                "--prompt",
                "a lighthouse at dawn, smoke test",
                "--model",
                "gpt-image-1",
                "--ratio",
                "3:2",
                "--out",
                str(out),
                "--json",
            ],
            {**env, "STUDIO_BASE_URL": url, "STUDIO_API_KEY": "smoke"},
            work,
        )
        results.value("cli_generate_s", f"{time.perf_counter() - started:.1f}")
        try:
            summary = json.loads(generated.stdout.strip().splitlines()[-1])
        except (ValueError, IndexError):
            summary = {}
        images = summary.get("images") or []
        ok = (
            generated.returncode == 0
            and summary.get("status") == "succeeded"
            and len(images) >= 1
            and all(Path(image["path"]).is_file() for image in images)
            and all(Path(image["path"]).resolve().is_relative_to(out.resolve()) for image in images)
        )
        detail = (
            f"{len(images)} image(s), {images[0]['width']}x{images[0]['height']} "
            f"{images[0]['mime']}"
            if ok
            else f"exit {generated.returncode}: {(generated.stdout + generated.stderr)[-400:]}"
        )
        results.step("cli_generate", ok, detail)
    finally:
        simulator.send_signal(signal.SIGINT)
        try:
            simulator.wait(timeout=10)
        except subprocess.TimeoutExpired:
            simulator.kill()
            simulator.wait()


def run_checks(state: dict) -> Results:
    """Everything that runs the bundle (inside the network namespace when there is one)."""
    results = Results()
    if state.get("namespace"):
        results.value("network", inside_namespace_setup())
    else:
        results.value("network", f"proxy variables to {DEAD_PROXY}, NO_PROXY=127.0.0.1,localhost")
    home = Path(state["home"])
    work = Path(state["work"])
    bin_dir = home / ".local" / "bin"
    env = clean_env(home, extra_path=str(bin_dir))
    results.value("path", env["PATH"])
    which = run(["sh", "-c", "command -v studio; command -v python3 || true"], env, work)
    results.value("studio_resolves_to", which.stdout.splitlines()[0] if which.stdout else "?")

    # Cold start: the first ever run of the installed bundle, then two more.
    first, error = ready_ms(["studio"], env, work)
    results.step("ready_bundle", first is not None, "" if first is not None else error)
    if first is not None:
        results.value("ready_ms_bundle", first)
        results.value("exec_to_exit_ms_bundle", error)
        warm = [ready_ms(["studio"], env, work)[0] for _ in range(2)]
        if all(warm):
            results.value("ready_ms_bundle_warm", int(statistics.median(warm)))

    source = state.get("source_studio")
    if source and Path(source).exists():
        source_home = work / "source-home"
        source_home.mkdir(exist_ok=True)
        source_env = clean_env(source_home)
        cold, error = ready_ms([source], source_env, work)
        if cold is not None:
            results.value("ready_ms_source", cold)
            results.value("exec_to_exit_ms_source", error)
            warm = [ready_ms([source], source_env, work)[0] for _ in range(2)]
            if all(warm):
                results.value("ready_ms_source_warm", int(statistics.median(warm)))
        else:
            results.value("ready_ms_source", f"n/a ({error[:200]})")
    else:
        results.value("ready_ms_source", "n/a (no source virtualenv; --source-studio)")

    check_screenshot(results, "screenshot_en", [], env, work)
    check_screenshot(results, "screenshot_zh_CN", ["--lang", "zh_CN"], env, work)
    # The Relays page draws its charts with pyqtgraph (and numpy): shipped and working.
    check_screenshot(results, "screenshot_relays", ["--scenario", "relays"], env, work)
    log = home / ".local" / "state" / "studio" / "log" / "studio.log"
    log_text = log.read_text(encoding="utf-8", errors="replace") if log.is_file() else ""
    compiled_cache = home / ".cache" / "studio" / "translations"
    results.step(
        "shipped_translation",
        "translation could be loaded" not in log_text and not compiled_cache.exists(),
        "the bundle's compiled .qm was used"
        if not compiled_cache.exists()
        else f"compiled at run time into {compiled_cache}",
    )
    check_cli(results, env, work, state["version"])
    problems = [line for line in log_text.splitlines() if " ERROR " in line or " CRITICAL " in line]
    results.step("log_clean", not problems, problems[0][:200] if problems else str(log))
    return results


def check_wheelhouse(
    results: Results, wheelhouse: Path, temp: Path, prefix: list[str] | None
) -> None:
    """install-offline into a fresh virtualenv with the system's python3, no index (and no
    network at all in the namespace), then start the window from it."""
    home = temp / "wheel-home"
    home.mkdir()
    venv = home / "venv"
    env = clean_env(home)
    env["PIP_INDEX_URL"] = "http://127.0.0.1:9/simple"  # nowhere: only --no-index can succeed
    ip = shutil.which("ip") or "/usr/sbin/ip"
    script = (
        '[ "$1" = none ] || "$1" link set lo up; '
        'start=$(date +%s%N); "$2" --wheelhouse "$3" --venv "$4" >&2 || exit 10; '
        'echo "install_ms: $(( ($(date +%s%N) - start) / 1000000 ))"; '
        '"$4/bin/studio-cli" --version && "$4/bin/studio" --demo --quit-after-ready'
    )
    command = [
        *(prefix or []),
        "bash",
        "-c",
        script,
        "bash",
        ip if prefix else "none",
        str(ROOT / "packaging" / "install-offline"),
        str(wheelhouse.resolve()),
        str(venv),
    ]
    result = run(command, env, temp, timeout=600)
    installed = re.search(r"^install_ms: (\d+)", result.stdout, re.MULTILINE)
    ready = re.search(r"^ready_ms: (\d+)", result.stdout, re.MULTILINE)
    results.step(
        "wheelhouse_install",
        installed is not None and (venv / "bin" / "studio").exists(),
        "no index, " + ("network namespace" if prefix else "proxy variables")
        if installed
        else f"exit {result.returncode}: {result.stderr[-400:]}",
    )
    if installed:
        results.value("wheelhouse_install_s", f"{int(installed.group(1)) / 1000:.1f}")
    results.step(
        "wheelhouse_ready",
        result.returncode == 0 and ready is not None,
        "" if ready else f"exit {result.returncode}: {result.stderr[-300:]}",
    )
    if ready:
        results.value("ready_ms_wheelhouse", ready.group(1))


# -- Install / uninstall --------------------------------------------------------------------------


def snapshot(home: Path) -> set[str]:
    return {p.relative_to(home).as_posix() for p in home.rglob("*")} if home.exists() else set()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--tarball", type=Path, help="test this tarball instead of building")
    parser.add_argument(
        "--source-studio",
        default=str(ROOT / ".venv" / "bin" / "studio"),
        help="the source install's launcher, for ready_ms_source",
    )
    parser.add_argument(
        "--wheelhouse", type=Path, help="also test install-offline from this wheelhouse"
    )
    parser.add_argument("--keep", action="store_true", help="keep the temporary folder")
    parser.add_argument("--no-namespace", action="store_true", help="proxy variables only")
    parser.add_argument("--inside", type=Path, help=argparse.SUPPRESS)  # the re-run in the netns
    args = parser.parse_args(argv)

    if args.inside:  # the checks, run again by ourselves inside the network namespace
        state = json.loads(args.inside.read_text(encoding="utf-8"))
        results = run_checks(state)
        Path(state["results"]).write_text(
            json.dumps({"values": results.values, "failures": results.failures}),
            encoding="utf-8",
        )
        return 0

    started = time.perf_counter()
    results = Results()
    tarball = args.tarball
    if tarball is None:
        build = subprocess.run(
            [sys.executable, str(ROOT / "packaging" / "build.py")],
            capture_output=True,
            text=True,
            check=False,
        )
        (ROOT / "build").mkdir(exist_ok=True)
        (ROOT / "build" / "build.log").write_text(build.stdout + build.stderr, encoding="utf-8")
        match = re.search(r"^tarball: (.+)$", build.stdout, re.MULTILINE)
        if not results.step(
            "build", build.returncode == 0 and match is not None, "log: build/build.log"
        ):
            print((build.stdout + build.stderr)[-3000:])
            return 1
        for line in build.stdout.splitlines():
            if line.startswith(("bundle_size_mb:", "build_s:")):
                print(line)
        tarball = Path(match.group(1))
        results.value("build_and_pack_s", f"{time.perf_counter() - started:.0f}")
    tarball = tarball.resolve()
    results.value("tarball", tarball)
    results.value("tarball_size_mb", f"{tarball.stat().st_size / 1024 / 1024:.1f}")
    smoke_started = time.perf_counter()

    temp = Path(tempfile.mkdtemp(prefix="studio-smoke-"))
    try:
        unpacked = temp / "unpacked"
        with tarfile.open(tarball) as archive:
            archive.extractall(unpacked, filter="tar")
        tops = list(unpacked.iterdir())
        if not results.step(
            "unpack",
            len(tops) == 1 and (tops[0] / "install.sh").is_file(),
            str(tops[0]) if tops else "empty",
        ):
            return 1
        bundle = tops[0]
        version = bundle.name.removeprefix("studio-")
        files = [p for p in bundle.rglob("*") if p.is_file() and not p.is_symlink()]
        size = sum(p.stat().st_size for p in files)
        results.value("bundle_size_mb", f"{size / 1024 / 1024:.1f}")

        # -- install.sh into an empty HOME -------------------------------------------------------
        home = temp / "home"
        home.mkdir()
        work = temp / "work"
        work.mkdir()
        before = snapshot(home)
        env = clean_env(home)
        installed = run(["bash", str(bundle / "install.sh")], env, work)
        app_dir = home / ".local" / "opt" / f"studio-{version}"
        share = home / ".local" / "share"
        expected = [
            app_dir / "studio",
            app_dir / "studio-cli",
            app_dir / "uninstall.sh",
            home / ".local" / "bin" / "studio",
            home / ".local" / "bin" / "studio-cli",
            share / "applications" / "studio.desktop",
            share / "icons" / "hicolor" / "256x256" / "apps" / "studio.png",
            share / "icons" / "hicolor" / "scalable" / "apps" / "studio.svg",
        ]
        missing = [str(p.relative_to(home)) for p in expected if not p.exists()]
        desktop = share / "applications" / "studio.desktop"
        exec_ok = desktop.is_file() and f'Exec="{app_dir}/studio"' in desktop.read_text()
        results.step(
            "install",
            installed.returncode == 0 and not missing and exec_ok,
            f"missing {missing}" if missing else (installed.stderr.strip()[-300:] or str(app_dir)),
        )
        made_by_install = snapshot(home) - before - {".runtime"}
        results.value("install_made", len(made_by_install))

        # -- the checks, in a network namespace where possible ------------------------------------
        prefix = None if args.no_namespace else network_namespace_prefix()
        state = {
            "home": str(home),
            "work": str(work),
            "version": version,
            "namespace": prefix is not None,
            "source_studio": args.source_studio,
            "results": str(temp / "results.json"),
        }
        state_file = temp / "state.json"
        state_file.write_text(json.dumps(state), encoding="utf-8")
        if prefix is not None:
            inner = subprocess.run(
                [
                    *prefix,
                    sys.executable,
                    str(Path(__file__).resolve()),
                    "--inside",
                    str(state_file),
                ],
                check=False,
                timeout=900,
            )
            if inner.returncode != 0 or not (temp / "results.json").is_file():
                results.step("checks", False, f"the namespaced run exited {inner.returncode}")
            else:
                inner_results = json.loads((temp / "results.json").read_text(encoding="utf-8"))
                results.values.update(inner_results["values"])
                results.failures += inner_results["failures"]
        else:
            checked = run_checks(state)
            results.values.update(checked.values)
            results.failures += checked.failures

        # -- uninstall.sh: exactly what install.sh made goes, the user's data stays ---------------
        before_uninstall = snapshot(home)
        user_made = before_uninstall - made_by_install - {".runtime"}
        removed = run(["bash", str(app_dir / "uninstall.sh")], env, work)
        after = snapshot(home)
        left_over = sorted(
            path
            for path in after & made_by_install
            if not any(other.startswith(path + "/") for other in user_made)
        )
        lost = sorted(p for p in user_made if p not in after)
        data_dir = share / "studio"
        results.step(
            "uninstall",
            removed.returncode == 0 and not left_over and not lost and data_dir.is_dir(),
            f"left over {left_over[:5]}"
            if left_over
            else f"user data lost {lost[:5]}"
            if lost
            else f"user data kept in {data_dir.relative_to(home)}",
        )
        mentioned = str(data_dir) in removed.stdout
        results.step("uninstall_names_data", mentioned, "uninstall.sh says where the data is")

        if args.wheelhouse:
            check_wheelhouse(results, args.wheelhouse, temp, prefix)
    finally:
        if args.keep:
            print(f"kept: {temp}")
        else:
            shutil.rmtree(temp, ignore_errors=True)

    results.value("smoke_s", f"{time.perf_counter() - smoke_started:.0f}")
    results.value("total_s", f"{time.perf_counter() - started:.0f}")
    failed = results.failures
    print(f"smoke: {'FAILED: ' + ', '.join(failed) if failed else 'all steps passed'}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
