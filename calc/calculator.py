"""The building blocks of a calculator: its declaration (`Calculator`, `Output`) and what a
computation may use (`Context`). Rule modules import these; `calc.registry` only lists the modules."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Callable

from . import params
from .explain import KINDS, Explanation, display, json_value
from .fields import Field, read_inputs
from .explain import csv_cell, csv_text, rows_csv


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
    total: bool = False  # for kind "rows": the last row is the total row (a CSV or print shows it last, set apart)
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
        if self.total:
            out["total"] = True
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
    csv_table: str | None = None  # the "rows" output `--format csv` prints (else the main results as label;value)

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
        if self.csv_table:
            out["csv_table"] = self.csv_table
        return out

    def csv(self, out: dict) -> str:
        """The contract's `--format csv` of a run's output: the declared table (`csv_table`), one line per row,
        or, for a calculator without one, its main results as `label;value` lines."""
        result = out["result"]
        if self.csv_table:
            table = next(o for o in self.outputs if o.name == self.csv_table)
            return rows_csv(table.columns, result.get(table.name) or [])
        lines = []
        for o in self.outputs:
            if not o.main or o.name not in result:
                continue
            value = result[o.name]
            if isinstance(value, dict):
                lines += [[f"{o.label}: {k}", csv_cell(v, o.kind)] for k, v in value.items()]
            elif o.kind == "rows" and o.columns and isinstance(value, list):
                lines += [[f"{o.label}: {csv_cell(row.get(o.columns[0][0]))}",
                           "; ".join(csv_cell(row.get(k), kd) for k, _, kd in o.columns[1:])] for row in value]
            else:
                lines.append([o.label, csv_cell(value, o.kind)])
        return csv_text(["Sonuç", "Değer"], lines)

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
