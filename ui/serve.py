"""Start the app as `streamlit run app.py` does, reading the store and making the home pages
while the server starts: a fresh replica's first visitors find them made.

    python -m ui.serve [streamlit options, e.g. --server.port 8501]

Without it (plain `streamlit run app.py`) the first visitor's request does that work instead.
"""

from __future__ import annotations

import sys
import threading
import time
from pathlib import Path

APP = Path(__file__).resolve().parents[1] / "app.py"


def _warm_when_started() -> None:
    """Warm up once Streamlit's runtime exists: the command line has read the settings and
    options by then (reading them earlier, Streamlit warns that they changed)."""
    from streamlit.runtime import Runtime

    while not Runtime.exists():
        time.sleep(0.05)
    from ui import state

    state.warm()


def main() -> None:
    threading.Thread(target=_warm_when_started, name="warm-up", daemon=True).start()
    from streamlit.web import cli

    sys.argv = ["streamlit", "run", str(APP), *sys.argv[1:]]
    cli.main()


if __name__ == "__main__":
    main()
