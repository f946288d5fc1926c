"""Every calculator's declaration checked once (as holidays checks its registry): an output that the result never
carries, an unknown kind or chart, or a chart without its columns fails here instead of vanishing from the page."""

import pytest

import calc
from calc.calculator import CHARTS, Output
from calc.explain import KINDS
from goldenkit import pinned_on


@pytest.mark.parametrize("calc_id", calc.registry.ids())
def test_every_declared_output_is_in_the_worked_example(calc_id):
    c = calc.get(calc_id)
    result = c.run(c.example_inputs(), pinned_on(calc_id))["result"]
    missing = [o.name for o in c.outputs if o.name not in result]
    assert not missing, f"{calc_id}: declared outputs missing from the example's result: {missing}"
    assert any(o.main for o in c.outputs), f"{calc_id}: no main output"
    assert len({o.name for o in c.outputs}) == len(c.outputs), f"{calc_id}: an output declared twice"


@pytest.mark.parametrize("calc_id", calc.registry.ids())
def test_every_output_kind_and_chart_is_known(calc_id):
    for o in calc.get(calc_id).outputs:
        assert o.kind in KINDS and (not o.chart or o.chart in CHARTS), (calc_id, o.name)
        if o.kind == "rows":
            assert o.columns and all(kd in KINDS for _, _, kd in o.columns), (calc_id, o.name)


@pytest.mark.parametrize("kwargs, words", [
    ({"kind": "moneyy"}, "unknown output kind"),
    ({"kind": "table", "chart": "pie"}, "unknown chart"),
    ({"kind": "table", "chart": "before-after"}, "draws a rows output"),
    ({"kind": "rows", "chart": "before-after", "columns": (("label", "Kalem", "text"), ("before", "Önce", "money"))},
     "needs the columns after"),
    ({"kind": "rows", "chart": "amounts", "columns": (("label", "Kalem", "text"),)}, "money column"),
])
def test_a_bad_declaration_is_refused_when_it_is_written(kwargs, words):
    with pytest.raises(ValueError, match=words):
        Output("x", "X", **kwargs)
