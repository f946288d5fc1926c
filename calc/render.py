"""The HTML of a result: one renderer for the page built by `site/sitebuild.py` and for the live page (the browser
worker returns this HTML through `calc.web.run_json`; the page's script only places it). Standard library only.

Every figure is formatted by `calc.explain.display`; the page's JavaScript formats nothing.
"""

from __future__ import annotations

import hashlib
from decimal import Decimal
from html import escape
from urllib.parse import quote

from . import params
from .explain import cell_value, display
from .numbers import format_number

MIME = {"ics": "text/calendar", "txt": "text/plain", "csv": "text/csv"}


def _e(value) -> str:
    return escape(str(value), quote=True)


def period_title(calculator, out: dict) -> str | None:
    """The parameter period a result used, for calculators whose tables change by period (not a law's name)."""
    if not out.get("parameters") or not calculator.parameter_set:
        return None
    if not params.schema(calculator.parameter_set).periodic:  # a law or a charter, not a period
        return None
    titles = out.get("parameter_titles") or {}
    return next(iter(titles.values()), None) or out["parameters"]


def cell_text(value, kind: str) -> str:
    return display(cell_value(value, kind), kind)


def _value_text(x) -> str:
    """A value of a {name: value} result (seats per unit, votes): counts and amounts in Turkish notation."""
    if isinstance(x, bool) or x is None:
        return display(x)
    if isinstance(x, int):
        return format_number(x, None)
    if isinstance(x, list):
        return ", ".join(_value_text(v) for v in x)
    if isinstance(x, dict):
        return "; ".join(f"{k}: {_value_text(v)}" for k, v in x.items())
    return str(x)


def _download_link(filename: str, text: str) -> str:
    mime = MIME.get(filename.rsplit(".", 1)[-1], "application/octet-stream")
    return (f'<a class="md-button hesap-download" download="{_e(filename)}" '
            f'href="data:{mime};charset=utf-8,{_e(quote(text, safe=""))}">{_e(filename)} dosyasını indir</a>')


def _scroll_attrs(label: str) -> str:
    """A table that may scroll sideways is a named region a keyboard can reach (WCAG 2.1.1, axe scrollable-region)."""
    return f'tabindex="0" role="region" aria-label="{_e(label)}"'


def output_html(o, value, shown: str) -> str:
    """One output: a figure, a table (stacked on a phone: each cell carries its heading), a text, a download."""
    parts = [f'<div class="hesap-out hesap-kind-{_e(o.kind)}" data-output="{_e(o.name)}"><dt>{_e(o.label)}</dt><dd>']
    if o.kind == "rows" and o.columns and isinstance(value, list):
        head = "".join(f'<th scope="col">{_e(label)}</th>' for _, label, _ in o.columns)
        rows = []
        for row in value:
            cells = "".join(f'<td class="hesap-cell-{_e(kd)}" data-label="{_e(label)}">{_e(cell_text(row.get(k), kd))}</td>'
                            for k, label, kd in o.columns)
            rows.append(f'<tr class="hesap-total">{cells}</tr>' if row.get("total") else f"<tr>{cells}</tr>")
        parts.append(f'<div class="hesap-scroll" {_scroll_attrs(o.label)}><table class="hesap-table hesap-stack"><thead><tr>{head}</tr></thead>'
                     f'<tbody>{"".join(rows)}</tbody></table></div>')
    elif o.kind == "download" and isinstance(value, str):
        parts.append(_download_link(o.filename, value))
    elif isinstance(value, dict):
        rows = "".join(f'<tr><th scope="row">{_e(k)}</th><td>{_e(_value_text(x))}</td></tr>' for k, x in value.items())
        parts.append(f'<div class="hesap-scroll" {_scroll_attrs(o.label)}><table class="hesap-table"><tbody>{rows}</tbody></table></div>')
    elif o.kind == "text" and isinstance(value, str) and "\n" in value:
        parts.append(f'<pre class="hesap-text">{_e(value)}</pre>')
        if o.filename:  # a record to sign (tutanak): also as a file
            parts.append(_download_link(o.filename, value))
    else:
        parts.append(_e(shown))
    parts.append("</dd></div>")
    return "".join(parts)


def steps_html(steps: list[dict], open_: bool) -> str:
    items, previous = [], None
    for s in steps:
        li = (f'<li><span class="hesap-step-label">{_e(s["label"])}</span> '
              f'<span class="hesap-step-value">{_e(s["display"])}</span>')
        if s["reference"] and s["reference"] != previous:  # a reference repeated by consecutive steps is shown once
            li += f' <span class="hesap-step-ref">{_e(s["reference"])}</span>'
        previous = s["reference"]
        items.append(li + "</li>")
    return (f'<details class="hesap-steps-box"{" open" if open_ else ""}><summary>Adım adım hesap ve dayanakları</summary>'
            f'<ol class="hesap-steps">{"".join(items)}</ol></details>')


def _warnings_html(warnings: list[str]) -> str:
    if not warnings:
        return ""
    return '<ul class="hesap-warnings">' + "".join(f"<li>{_e(w)}</li>" for w in warnings) + "</ul>"


def html_key(html: str) -> str:
    """Names a rendered result: the page leaves a result in place when the new one has the same key (the
    prerendered example, once Python has computed it again), so nothing is painted twice."""
    return hashlib.sha256(html.encode("utf-8")).hexdigest()[:16]


def result_html(calculator, out: dict) -> str:
    """The result area of a calculator: main figures, the other outputs, charts, warnings, the steps."""
    result, shown = out["result"], out["display"]
    outputs = [o for o in calculator.outputs if o.name in result]
    html = []
    period = period_title(calculator, out)
    if period:
        html.append(f'<p class="hesap-period">Parametre dönemi: <strong>{_e(period)}</strong></p>')
    html.append('<dl class="hesap-main">' + "".join(output_html(o, result[o.name], shown.get(o.name, ""))
                                                   for o in outputs if o.main) + "</dl>")
    html.append('<dl class="hesap-more">' + "".join(output_html(o, result[o.name], shown.get(o.name, ""))
                                                   for o in outputs if not o.main and result[o.name] is not None) + "</dl>")
    html += charts_html(calculator, result)
    html.append(_warnings_html(out["warnings"]))
    html.append(steps_html(out["steps"], True))
    return "".join(html)


def worked_html(calculator, out: dict) -> str:
    """A worked example in an article (`hesap:example`): the main figures, the tables, warnings, the steps."""
    result, shown = out["result"], out["display"]
    outputs = [o for o in calculator.outputs if o.name in result]
    period = period_title(calculator, out)
    html = [f'<div class="hesap-worked" data-search-exclude data-example="{_e(calculator.id)}">',
            '<p class="hesap-worked-title"><strong>Hesaplayıcının sonucu</strong>'
            + (f" · parametre dönemi: {_e(period)}" if period else "") + "</p>",
            '<dl class="hesap-main">' + "".join(output_html(o, result[o.name], shown.get(o.name, ""))
                                               for o in outputs if o.main) + "</dl>"]
    for o in outputs:
        if not o.main and o.kind == "rows" and result[o.name]:
            html.append('<dl class="hesap-more">' + output_html(o, result[o.name], shown.get(o.name, "")) + "</dl>")
    html.append(_warnings_html(out["warnings"]))
    html.append(steps_html(out["steps"], False))
    html.append("</div>")
    return "".join(html)


# ---------------------------------------------------------------- pictures (inline SVG, no chart library)

def _number(x) -> Decimal | None:
    """A figure of the JSON result (`"1234.56"`, `12`) as a Decimal; anything else is not drawn."""
    if isinstance(x, bool) or x is None:
        return None
    try:
        d = Decimal(str(x))
    except ArithmeticError:
        return None
    return d if d.is_finite() else None


def charts_html(calculator, result: dict) -> list[str]:
    """The bar charts declared with `Output.chart` (hidden on a phone by CSS: the same figures are in the table)."""
    charts = []
    for o in calculator.outputs:
        v = result.get(o.name)
        if not o.chart or v is None:
            continue
        bars, places = None, 2
        if o.chart == "bars" and isinstance(v, dict):
            bars = [(str(k), [_number(x)]) for k, x in v.items() if _number(x) is not None]
            places = None
        elif o.chart == "amounts" and isinstance(v, list):
            key = next(k for k, _, kd in o.columns if kd == "money")
            bars = [(r["label"], [_number(r.get(key))]) for r in v if _number(r.get(key))]
        elif o.chart == "before-after" and isinstance(v, list):
            bars = [(r["label"], [abs(_number(r.get("before")) or 0), abs(_number(r.get("after")) or 0)]) for r in v
                    if _number(r.get("before")) or _number(r.get("after"))]
        if bars and 2 <= len(bars) <= 60:
            charts.append(_bar_chart(o, bars, places, ["önce", "sonra"] if o.chart == "before-after" else None))
    return charts


def _bar_chart(o, bars, places, legend) -> str:
    per = len(bars[0][1])
    row, label_w, bar_w = 8 + 14 * per, 210, 300
    top = 18 if legend else 4
    height = top + len(bars) * row + 4
    biggest = max([Decimal(1)] + [x for _, values in bars for x in values])
    svg = [f'<svg viewBox="0 0 {label_w + bar_w + 110} {height}" class="hesap-chart hesap-chart-{_e(o.chart)}" '
           f'role="img" aria-label="{_e(o.label)}: çubuk grafik" xmlns="http://www.w3.org/2000/svg">']
    for i, name in enumerate(legend or []):
        svg.append(f'<rect x="{label_w + i * 80}" y="4" width="10" height="10" class="hesap-bar-{i}"></rect>'
                   f'<text x="{label_w + i * 80 + 14}" y="13">{_e(name)}</text>')
    for i, (label, values) in enumerate(bars):
        y = top + i * row
        short = label if len(label) <= 34 else label[:33] + "…"
        svg.append(f'<text x="{label_w - 6}" y="{y + 8 + 7 * per}" text-anchor="end">{_e(short)}</text>')
        for j, x in enumerate(values):
            w = max(1.0, float(x / biggest) * bar_w)
            svg.append(f'<rect x="{label_w}" y="{y + 4 + j * 14}" height="12" width="{w:.2f}" class="hesap-bar-{j}"></rect>'
                       f'<text x="{label_w + w + 4:.2f}" y="{y + 14 + j * 14}">{_e(format_number(x, places))}</text>')
    svg.append("</svg>")
    return "".join(svg)
