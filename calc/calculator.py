"""The building blocks of a calculator: its declaration (`Calculator`, `Output`) and what a
computation may use (`Context`). Rule modules import these; `calc.registry` only lists the modules."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Callable

from . import params
from .explain import KINDS, Explanation, display, json_value
from .fields import Field, read_inputs


# The pictures the page draws (site/static/hesap.js renderCharts): the output kinds each accepts and the columns
# each reads from a row output.
CHARTS = {
    "bars": (("table",), ()),                           # {name: number}
    "amounts": (("rows",), ("label",)),                 # rows' label and their (first) money column
    "before-after": (("rows",), ("label", "before", "after")),
}


@dataclass(frozen=True)
class Output:
    """One field of the result: the contract's key, its Turkish label and how to show it."""

    name: str
    label: str
    kind: str = "text"
    main: bool = False
    columns: tuple[tuple[str, str, str], ...] = ()  # for kind "rows": (key, Turkish heading, kind) per column
    chart: str = ""  # "bars" ({name: number}), "amounts" (rows' first money column), "before-after" (rows)
    filename: str = ""  # for kind "download": the file the page offers (e.g. an .ics calendar)

    def __post_init__(self):
        if self.kind not in KINDS:
            raise ValueError(f"{self.name}: unknown output kind {self.kind!r}; known: {', '.join(KINDS)}")
        if self.chart and self.chart not in CHARTS:
            raise ValueError(f"{self.name}: unknown chart {self.chart!r}; known: {', '.join(CHARTS)}")
        need = CHARTS.get(self.chart, ((), ()))
        if self.chart and self.kind not in need[0]:
            raise ValueError(f"{self.name}: chart {self.chart!r} draws a {' or '.join(need[0])} output, not {self.kind!r}")
        missing = [c for c in need[1] if c not in {k for k, _, _ in self.columns}]
        if missing:
            raise ValueError(f"{self.name}: chart {self.chart!r} needs the columns {', '.join(missing)}")
        if self.chart == "amounts" and not any(kd == "money" for _, _, kd in self.columns):
            raise ValueError(f"{self.name}: chart 'amounts' needs a money column")

    def schema(self) -> dict:
        out = {"name": self.name, "label": self.label, "kind": self.kind, "main": self.main}
        if self.columns:
            out["columns"] = [{"key": k, "label": l, "kind": kd} for k, l, kd in self.columns]
        if self.chart:
            out["chart"] = self.chart
        if self.filename:
            out["filename"] = self.filename
        return out


@dataclass
class Context:
    """What a computation may use besides its inputs: the date, parameter tables, the explanation."""

    on: date
    main_set: str | None = None
    explain: Explanation = field(default_factory=Explanation)
    used: dict[str, str] = field(default_factory=dict)
    titles: dict[str, str] = field(default_factory=dict)

    def table(self, set_name: str, on: date | None = None) -> params.ParameterTable:
        return self.use(params.table_for(set_name, on or self.on))

    def use(self, table: params.ParameterTable) -> params.ParameterTable:
        """Record a table the computation used, and the base tables merged into it (the result names its period)."""
        for set_name, table_id, title in table.sources:
            self.used.setdefault(set_name, table_id)
            self.titles.setdefault(set_name, title)
        return table

    def period_id(self) -> str | None:
        if self.main_set and self.main_set in self.used:
            return self.used[self.main_set]
        return next(iter(self.used.values()), None)


@dataclass(frozen=True)
class Calculator:
    id: str
    title: str
    description: str
    inputs: tuple[Field, ...]
    outputs: tuple[Output, ...]
    compute: Callable[[dict, Context], dict]
    parameter_set: str | None = None
    references: tuple[str, ...] = ()
    example: dict | None = None  # inputs of the page's worked example, when the defaults are not one
    period_input: str | None = None  # the input that picks the parameter period (else the page offers a date)

    @property
    def family(self) -> str:
        return self.id.split("/", 1)[0]

    def example_inputs(self) -> dict:
        """The page's worked example: `example` when declared, else every input that has a default."""
        if self.example is not None:
            return dict(self.example)
        return {f.name: f.default for f in self.inputs if f.default is not None}

    def schema(self) -> dict:
        out = {"id": self.id, "title": self.title, "description": self.description,
               "inputs": [f.schema() for f in self.inputs],
               "outputs": [o.schema() for o in self.outputs],
               "references": list(self.references)}
        if self.parameter_set:
            out["parameter_set"] = self.parameter_set
        if self.example is not None:
            out["example"] = self.example
        if self.period_input:
            out["period_input"] = self.period_input
        return out

    def run(self, raw_inputs: dict, on: date | None = None) -> dict:
        values = read_inputs(self.inputs, raw_inputs)
        ctx = Context(on=on or date.today(), main_set=self.parameter_set)
        result = self.compute(values, ctx)
        return {
            "calculator": self.id,
            "parameters": ctx.period_id(),
            "parameter_tables": dict(ctx.used),
            "parameter_titles": dict(ctx.titles),
            "result": json_value(result),
            "display": {o.name: display(result.get(o.name), o.kind, o.columns) for o in self.outputs if o.name in result},
            "steps": [s.as_json() for s in ctx.explain.steps],
            "warnings": list(ctx.explain.warnings),
        }
