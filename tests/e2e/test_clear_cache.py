"""A visitor's "clear cache" message must not drop the shared snapshot or grow the server.

Streamlit hides the menu item (toolbarMode viewer) but its server still accepts the message
from anyone, without sign-in: this test speaks the browser's own protocol (protobuf BackMsg over
the /_stcore/stream websocket) to a real `streamlit run` server.
"""

from __future__ import annotations

import re
from pathlib import Path

from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ClientState_pb2 import ClientState
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg
from websockets.sync.client import ClientConnection, connect

# Generous for a loaded 2-core machine: each wait ends as soon as the script finishes.
RUN_TIMEOUT = 120.0
FLUSHES = 20
# Refused, 20 messages move RSS by well under 1 MB; before, each reload of even the demo left
# about 1.2 MB behind (national scale: ~345 MB).
RSS_BOUND_KB = 8_000


def _open(url: str) -> ClientConnection:
    ws_url = url.replace("http://", "ws://") + "/_stcore/stream"
    return connect(ws_url, subprotocols=["streamlit"], max_size=None, open_timeout=30)  # type: ignore[list-item]


def _run_page(ws: ClientConnection) -> None:
    """Ask for a run of the home page, as a browser does on load, and wait for it to finish."""
    ws.send(BackMsg(rerun_script=ClientState(query_string="")).SerializeToString())
    while True:
        raw = ws.recv(timeout=RUN_TIMEOUT)
        msg = ForwardMsg()
        msg.ParseFromString(raw if isinstance(raw, bytes) else raw.encode())
        if msg.WhichOneof("type") != "script_finished":
            continue
        assert msg.script_finished != ForwardMsg.FINISHED_WITH_COMPILE_ERROR
        if msg.script_finished == ForwardMsg.FINISHED_SUCCESSFULLY:
            return


def _rss_kb(pid: int) -> int:
    status = Path(f"/proc/{pid}/status").read_text()
    match = re.search(r"^VmRSS:\s+(\d+) kB", status, re.MULTILINE)
    assert match, status
    return int(match.group(1))


def _loads(log: Path) -> int:
    return log.read_text(errors="replace").count("snapshot loaded from store")


def test_clear_cache_messages_do_not_drop_the_snapshot_or_grow_memory(start_app):
    app = start_app()
    with _open(app.url) as ws:
        _run_page(ws)
        _run_page(ws)  # a second view settles what the first one allocated
        assert _loads(app.log) == 1, app.log.read_text()[-3000:]
        before = _rss_kb(app.proc.pid)
        for _ in range(FLUSHES):
            ws.send(BackMsg(clear_cache=True).SerializeToString())
            _run_page(ws)
        after = _rss_kb(app.proc.pid)
    text = app.log.read_text(errors="replace")
    assert _loads(app.log) == 1, text[-3000:]
    assert "Traceback" not in text, text[-3000:]
    # Every message reached the server and was refused there (ui/guard.py).
    assert text.count("asked to clear the caches; ignored") == FLUSHES, text[-3000:]
    print(f"RSS before {before} kB, after {FLUSHES} clear-cache messages {after} kB")
    assert after - before < RSS_BOUND_KB, (before, after)
