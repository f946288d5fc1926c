"""Golden files: every calculator's worked example, in full (result, display, steps with references, warnings).

`python3 build.py golden` (re)writes `tests/golden/<family>-<name>.json`; `tests/test_golden.py` compares. A change
of a step's wording, a reference, a warning or an amount then shows in review as a diff of these files, as
holidays' snapshots do. Each file pins the date it was computed on, so a later parameter period changes
nothing unless the example names it.
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import calc

GOLDEN = Path(__file__).parent / "golden"
DEFAULT_ON = date(2026, 12, 1)  # the day the golden files were introduced; new files keep their own `on`


def path_for(calc_id: str) -> Path:
    return GOLDEN / (calc_id.replace("/", "-") + ".json")


def compute(calc_id: str, on: date) -> dict:
    c = calc.get(calc_id)
    inputs = c.example_inputs()
    return {"calculator": calc_id, "on": on.isoformat(), "inputs": inputs, "output": c.run(inputs, on)}


def render(record: dict) -> str:
    return json.dumps(record, ensure_ascii=False, indent=1, sort_keys=True) + "\n"


def pinned_on(calc_id: str) -> date:
    p = path_for(calc_id)
    if p.exists():
        return date.fromisoformat(json.loads(p.read_text(encoding="utf-8"))["on"])
    return DEFAULT_ON


def write_all() -> list[Path]:
    """Rewrite every golden file (keeping each one's date); remove files of calculators that no longer exist."""
    GOLDEN.mkdir(exist_ok=True)
    written = []
    for calc_id in calc.registry.ids():
        p = path_for(calc_id)
        p.write_text(render(compute(calc_id, pinned_on(calc_id))), encoding="utf-8")
        written.append(p)
    for stale in set(GOLDEN.glob("*.json")) - set(written):
        stale.unlink()
    return written
