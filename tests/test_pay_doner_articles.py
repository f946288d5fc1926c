"""The worked examples of the döner sermaye articles (issue 19): every `hesap:example` marker runs, names its
month literally, and the seed guidance's examples are all there, computed from dates."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from calc import registry

DOCS = Path(__file__).resolve().parents[1] / "docs" / "doner-sermaye"
MARKER = re.compile(r"<!-- hesap:example (\S+) (\{.*?\}) -->")


def markers() -> list[tuple[str, str, dict]]:
    out = []
    for page in sorted(DOCS.glob("*.md")):
        for calc_id, raw in MARKER.findall(page.read_text(encoding="utf-8")):
            out.append((page.name, calc_id, json.loads(raw)))
    return out


@pytest.mark.parametrize("page, calc_id, inputs", markers(), ids=lambda x: x if isinstance(x, str) else "")
def test_every_example_runs_and_names_its_month(page, calc_id, inputs):
    calc = registry.get(calc_id)
    out = calc.run(inputs)
    assert out["steps"]
    if any(f.name == "month" for f in calc.inputs):
        assert re.fullmatch(r"\d{4}-\d{2}", inputs.get("month", "")), f"{page}: {calc_id} example without a month"


def test_seed_examples_are_on_the_pages_from_dates():
    if not DOCS.is_dir():
        pytest.skip("the articles are not part of the wheel (engine suite under Pyodide)")
    found = markers()
    dated = [(p, c, i) for p, c, i in found if i.get("absences")]
    kinds = {(c, row["kind"]) for _, c, i in dated for row in i["absences"]}
    assert ("pay/active-days", "annual_leave") in kinds                    # 12-day nurse, third level physician
    assert ("pay/active-days", "half_day") in kinds                        # the two-month half-day mother
    assert ("pay/performance-month", "sick_report") in kinds               # 3 and 4 report days
    assert any(i.get("formula") == "second_level_procedure" for _, _, i in dated)   # 25 + 5 days
    assert any(i.get("staff_group") == "third_level_clinician" for _, _, i in dated)
    assert {i["month"] for _, c, i in dated if c == "pay/active-days" and i["absences"][0]["kind"] == "half_day"} == \
        {"2026-09", "2026-10"}
    assert any(c == "pay/month-total" for _, c, _ in found)
