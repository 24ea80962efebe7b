"""The demo's data files, written from the founding announcement."""

import json
from pathlib import Path
from typing import Any

DATA = Path(__file__).resolve().parent / "data"


def load_json(name: str) -> Any:
    """Return the parsed JSON file `name` from the demo data directory."""
    with (DATA / name).open(encoding="utf-8") as fh:
        return json.load(fh)
