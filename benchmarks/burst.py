"""A burst: many sessions open /kecamatan at once on a real `streamlit run` server.

Each session is a websocket client speaking the browser's own protocol (protobuf BackMsg over
/_stcore/stream, as tests/e2e/test_clear_cache.py does), no browser: the time of a session is
from its request to the server's "script finished". Run alone:
`python benchmarks/burst.py sqlite:///path.db [--sessions 62]`; benchmarks/run.py calls it.
"""

from __future__ import annotations

import argparse
import json
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
RUN_TIMEOUT = 300.0


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _start(db_url: str, log: Path, *, serve: bool = False) -> tuple[subprocess.Popen[bytes], str]:
    """A server on `db_url`: `streamlit run app.py`, or with `serve` the app's own start
    (`python -m ui.serve`, as `make run`), which reads the store as the server starts."""
    port = _free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith("CENSUS_")}
    env["CENSUS_DB_URL"] = db_url
    command = ("-m", "ui.serve") if serve else ("-m", "streamlit", "run", str(ROOT / "app.py"))
    proc = subprocess.Popen(
        [
            *(sys.executable, *command),
            *("--server.port", str(port), "--server.address", "127.0.0.1"),
            *("--server.headless", "true", "--browser.gatherUsageStats", "false"),
        ],
        cwd=ROOT,
        env=env,
        stdout=log.open("wb"),
        stderr=subprocess.STDOUT,
    )
    url = f"http://127.0.0.1:{port}"
    deadline = time.time() + 120
    while time.time() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"streamlit exited: {log.read_text()[-2000:]}")
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as resp:
                if resp.status == 200:
                    return proc, url
        except OSError:
            time.sleep(0.3)
    proc.kill()
    raise RuntimeError("streamlit did not start within 120 s")


def _stop(proc: subprocess.Popen[bytes]) -> None:
    proc.terminate()
    try:
        proc.wait(timeout=15)
    except subprocess.TimeoutExpired:
        proc.kill()


def _session(url: str):  # type: ignore[no-untyped-def]
    from websockets.sync.client import connect

    ws_url = url.replace("http://", "ws://") + "/_stcore/stream"
    # No keepalive pings: a server busy with a burst answers them late, and the client would
    # close the session for it.
    return connect(
        ws_url,
        subprotocols=["streamlit"],  # type: ignore[list-item]
        max_size=None,
        open_timeout=120,
        ping_interval=None,
        close_timeout=1,
    )


def _run(ws, page: str, query: str) -> tuple[float, int]:  # type: ignore[no-untyped-def]
    """Ask for one run of `page` as a browser does on load; seconds until it finished, and the
    number of exception elements it drew."""
    from streamlit.proto.BackMsg_pb2 import BackMsg
    from streamlit.proto.ClientState_pb2 import ClientState
    from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

    start = time.perf_counter()
    ws.send(
        BackMsg(rerun_script=ClientState(query_string=query, page_name=page)).SerializeToString()
    )
    errors = 0
    while True:
        raw = ws.recv(timeout=RUN_TIMEOUT)
        msg = ForwardMsg()
        msg.ParseFromString(raw if isinstance(raw, bytes) else raw.encode())
        kind = msg.WhichOneof("type")
        if kind == "delta" and msg.delta.WhichOneof("type") == "new_element":
            errors += msg.delta.new_element.WhichOneof("type") == "exception"
        if kind == "script_finished" and msg.script_finished in (
            ForwardMsg.FINISHED_SUCCESSFULLY,
            ForwardMsg.FINISHED_WITH_COMPILE_ERROR,
        ):
            return time.perf_counter() - start, errors


def _cpu_s(pid: int) -> float:
    """CPU seconds the server has used (user + system): on a machine shared with other work,
    a figure that does not grow with their load, unlike the wall times."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def _rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return round(int(line.split()[1]) / 1024, 1)
    return float("nan")


MADE_AHEAD = "kecamatan pages made ahead"
READY = "ready to serve"  # ui/state.py: the store read and the home page made


def _wait_for_log(log: Path, timeout: float = 600.0, line: str = MADE_AHEAD) -> float:
    """Seconds until the server's log says `line` (ui/state.py)."""
    start = time.perf_counter()
    while time.perf_counter() - start < timeout:
        if line in log.read_text(errors="replace"):
            return time.perf_counter() - start
        time.sleep(0.05)
    raise RuntimeError(f"no {line!r} in the server's log within {timeout:.0f} s")


def first_page(db_url: str, *, wait_ready: bool) -> dict[str, object]:
    """A fresh server started as `make run` starts it (`python -m ui.serve`), and one visitor
    opening /: with `wait_ready`, after the log says it is ready to serve (the store read and
    the home page made, as a load balancer's readiness check would wait); without, as soon as
    it answers its health check. Seconds from the process's start to ready (when waited for),
    from the request to the page drawn, and from the start to the page."""
    log = Path(tempfile.mkdtemp(prefix="first-page-")) / "streamlit.log"
    started = time.perf_counter()
    proc, url = _start(db_url, log, serve=True)
    try:
        answered_s = time.perf_counter() - started
        ready_s = None
        if wait_ready:
            _wait_for_log(log, line=READY)
            ready_s = time.perf_counter() - started
        with _session(url) as ws:
            asked = time.perf_counter()
            page_s, errors = _run(ws, "", "")
        return {
            "wait_ready": wait_ready,
            "health_after_s": round(answered_s, 2),
            "ready_after_s": None if ready_s is None else round(ready_s, 2),
            "request_to_page_s": round(page_s, 2),
            "start_to_page_s": round(asked + page_s - started, 2),
            "exceptions": errors,
            "load_avg_1m": round(os.getloadavg()[0], 2),
        }
    finally:
        _stop(proc)


def burst(
    db_url: str, codes: list[str], per_code: int = 2, alone: int = 5, *, ahead: bool = True
) -> dict[str, object]:
    """Start a server on `db_url`; load its snapshot with one session on /; with `ahead`, wait
    until the server has made the home kecamatan pages ahead (CENSUS_PREPARE_PAGES, as when the
    link goes round some minutes after the upload), without it go on at once (the pages are
    being made while the burst comes); then open /kecamatan?wilayah=CODE from `per_code`
    sessions per code at once, then `alone` single sessions one after another."""
    log = Path(tempfile.mkdtemp(prefix="burst-")) / "streamlit.log"
    proc, url = _start(db_url, log)
    try:
        with _session(url) as ws:
            warm_s, _ = _run(ws, "", "")
        made_ahead_s = _wait_for_log(log) if ahead else None
        sockets = [_session(url) for _ in range(len(codes) * per_code)]
        queries = [f"wilayah={code}" for code in codes for _ in range(per_code)]
        times: list[float] = [0.0] * len(sockets)
        errors: list[int] = [0] * len(sockets)
        gate = threading.Barrier(len(sockets) + 1)

        def one(i: int) -> None:
            gate.wait()
            times[i], errors[i] = _run(sockets[i], "kecamatan", queries[i])

        threads = [threading.Thread(target=one, args=(i,)) for i in range(len(sockets))]
        for thread in threads:
            thread.start()
        load = os.getloadavg()[0]
        cpu = _cpu_s(proc.pid)
        start = time.perf_counter()
        gate.wait()
        for thread in threads:
            thread.join()
        wall = time.perf_counter() - start
        cpu = _cpu_s(proc.pid) - cpu
        for ws in sockets:
            ws.close()
        single = []
        single_cpu = _cpu_s(proc.pid)
        for i in range(alone):
            with _session(url) as ws:
                single.append(_run(ws, "kecamatan", queries[i % len(queries)])[0])
        single_cpu = (_cpu_s(proc.pid) - single_cpu) / max(alone, 1)
        ordered = sorted(times)
        return {
            "sessions": len(sockets),
            "codes": len(codes),
            "first_page_s": round(warm_s, 2),
            "pages_made_ahead": ahead,
            "made_ahead_s": None if made_ahead_s is None else round(made_ahead_s, 2),
            "p50_s": round(statistics.median(ordered), 2),
            "p95_s": round(ordered[max(0, round(0.95 * len(ordered)) - 1)], 2),
            "max_s": round(ordered[-1], 2),
            "wall_s": round(wall, 2),
            "server_cpu_s": round(cpu, 2),
            "server_cpu_per_session_ms": round(cpu / len(sockets) * 1000, 1),
            "alone_median_s": round(statistics.median(single), 3),
            "alone_server_cpu_ms": round(single_cpu * 1000, 1),
            "exceptions": sum(errors),
            "peak_mb": _rss_mb(proc.pid),
            "load_avg_1m": round(load, 2),
        }
    finally:
        _stop(proc)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("db_url")
    parser.add_argument("--home", default="35.09")
    parser.add_argument("--per-code", type=int, default=2)
    parser.add_argument(
        "--at-once", action="store_true", help="do not wait for the pages made ahead"
    )
    args = parser.parse_args()
    sys.path.insert(0, str(ROOT))
    from census_core.regions import load_regions

    codes = load_regions().descendants(args.home, "kecamatan")
    print(json.dumps(burst(args.db_url, codes, args.per_code, ahead=not args.at_once)))


if __name__ == "__main__":
    main()
