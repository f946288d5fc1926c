"""Build the static site: stage docs with calculators and parameter tables, run MkDocs, add the runtime.

Called by `build.py build`. Everything a calculator page needs is generated from the registry:
the form (from the input declarations), the worked example's result (computed here with CPython),
the parameter tables (from the data files). Nothing here is hand-written per calculator.
"""

from __future__ import annotations

import base64
import hashlib
import json
import os
import re
import shutil
import subprocess
import sys
import tomllib
from datetime import date, datetime, timezone
from decimal import Decimal
from pathlib import Path

import jinja2

import calc
from calc import params, staff
from calc.explain import display
from calc.registry import calculators, get
from calc.render import html_key, result_html, worked_html

SITE = Path(__file__).resolve().parent
MARKER = re.compile(r"<!--\s*hesap:(calculator|parameters|changes)(?:\s+([\w/\-]+))?\s*-->")
# A worked example in an article: the engine's result for inputs written in the marker, never typed by hand.
# `<!-- hesap:example pay/on-call {"month": "2026-07", "hours_normal": 48} -->`; a calculator that picks its
# period from an input (`period_input`) must name it, so the example stays true when later periods arrive.
EXAMPLE = re.compile(r"<!--\s*hesap:example\s+([\w/\-]+)\s+(\{.*?\})\s*-->", re.S)
# The lock file is not shipped: the worker passes its header inline (it loads no Pyodide package).
PYODIDE_FILES = ("pyodide.mjs", "pyodide.asm.js", "pyodide.asm.wasm", "python_stdlib.zip")


def _env() -> jinja2.Environment:
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(SITE / "templates"), autoescape=True,
                             trim_blocks=True, lstrip_blocks=True, undefined=jinja2.StrictUndefined)
    env.filters["tojson_attr"] = lambda v: json.dumps(v, ensure_ascii=False)
    return env


def page_url(md_path: str) -> str:
    """MkDocs' directory URL of a docs page (`secim/takvim.md` → `secim/takvim/`)."""
    p = md_path[:-3]
    if p == "index":
        return ""
    if p.endswith("/index"):
        return p[: -len("index")]
    return p + "/"


def prefix_for(url: str) -> str:
    """Relative path from a page to the site root."""
    return "../" * url.count("/")


# ---------------------------------------------------------------- calculator blocks

def form_value(field, value) -> str:
    """The text a form control shows for a JSON input value (lists as `name;members` rows)."""
    if value is None:
        return ""
    if field.type == "list":
        if isinstance(value, str):
            return value
        if len(field.items) == 1:  # one entry per line (candidate names)
            key = field.items[0].name
            return "\n".join(str(r.get(key, "")) if isinstance(r, dict) else str(r) for r in value)
        if field.items and all(isinstance(r, dict) for r in value) and all(
                not isinstance(r.get(i.name), (list, dict)) for r in value for i in field.items):
            names = [i.name for i in field.items]
            rows = [";".join(names)] + [";".join("" if r.get(n) is None else _scalar(r.get(n)) for n in names) for r in value]
            return "\n".join(rows)
        return json.dumps(value, ensure_ascii=False, indent=1)
    if field.type == "bool":
        return "true" if value else "false"
    return _scalar(value)


def _scalar(v) -> str:
    if isinstance(v, bool):
        return "true" if v else "false"
    return str(v)


def render_calculator(env, calc_id: str, prefix: str, today: date, version: str) -> str:
    c = get(calc_id)
    inputs = c.example_inputs()
    try:
        out = c.run(inputs, today)
    except calc.InputError as exc:  # e.g. a new salary period without its income-tax year
        raise SystemExit(f"{calc_id}: sayfa örneği hesaplanamadı: {exc.message}") from None
    schema = c.schema()
    schema["periods"] = _periods_of(c)
    values = {f.name: form_value(f, inputs.get(f.name, f.default)) for f in c.inputs}
    return env.get_template("calculator.html").render(
        c=c, schema=schema, values=values, prefix=prefix,
        example_json=json.dumps(inputs, ensure_ascii=False), result_json=json.dumps(out["result"], ensure_ascii=False),
        result_html=(html := result_html(c, out)), html_key=html_key(html), today=today.isoformat(), version=version,
    ).strip()


def render_example(env, calc_id: str, inputs_json: str, where: str, today: date) -> str:
    try:
        c = get(calc_id)
        inputs = json.loads(inputs_json)
    except (calc.InputError, json.JSONDecodeError) as exc:
        raise SystemExit(f"{where}: hesap:example {calc_id}: {getattr(exc, 'message', exc)}") from None
    if c.period_input and c.period_input not in inputs:
        raise SystemExit(f"{where}: hesap:example {calc_id}: örnek dönemini ({c.period_input}) açıkça yazmalı")
    try:
        out = c.run(inputs, today)
    except calc.InputError as exc:
        raise SystemExit(f"{where}: hesap:example {calc_id} hesaplanamadı: {exc.message}") from None
    return worked_html(c, out)  # the renderer the live page uses too (calc/render.py)


def _periods_of(c) -> list[dict]:
    if c.period_input or not c.parameter_set or not params.schema(c.parameter_set).periodic:
        return []
    return [{"id": t.id, "title": t.title, "from": t.valid_from.isoformat()} for t in params.periods(c.parameter_set)]


# ---------------------------------------------------------------- parameter tables

def render_parameters(env, set_name: str) -> str:
    sch = params.schema(set_name)
    tables = params.own_periods(set_name)  # a base set (salary_law) has its own marker and table
    return env.get_template("parameters.html").render(
        schema=sch, tables=list(reversed(tables)), display=display, fmt=_param_display).strip()


def _param_display(p) -> str:
    t = p.type
    if t == "rate":
        return display(p.value, "rate")
    if t == "money":
        return display(p.value, "money")
    if t == "brackets":
        parts, lo = [], None
        for upto, rate in p.value:
            rng = f"{display(lo, 'money') if lo is not None else '0'} – {display(upto, 'money') if upto is not None else '…'}"
            parts.append(f"{rng}: {display(rate, 'rate')}")
            lo = upto
        return "; ".join(parts)
    if t == "records":
        return "; ".join(f"{k}: " + ", ".join(f"{f}={_record_field(f, v)}" for f, v in rec.items() if f != "reference")
                         for k, rec in p.value.items())
    if t == "matrix":
        return "; ".join(f"{k}: {', '.join(display(v, 'decimal') for v in row)}" for k, row in p.value.items())
    if t == "mapping":
        return "; ".join(f"{k}: {display(v, 'decimal')}" for k, v in p.value.items())
    if t == "decimal_list":
        return ", ".join(display(v, "decimal") for v in p.value)
    return display(p.value, "decimal" if t in ("decimal", "integer") else "text") + (f" {p.unit}" if p.unit and t in ("decimal", "integer") else "")


def _record_field(name: str, value) -> str:
    if isinstance(value, Decimal) and name.endswith(("_share", "_rate")):
        return display(value, "rate")
    if isinstance(value, (Decimal, int)) and not isinstance(value, bool):
        return display(value, "decimal")
    return display(value)


# ---------------------------------------------------------------- what changed

def render_changes(env) -> str:
    """“Neler değişti?”: for each periodic set, period by period, what changed and what it means for typical members."""
    members = tomllib.loads((SITE / "typical-members.toml").read_text(encoding="utf-8"))["member"]
    sets = []
    for name in params.set_names():
        sch = params.schema(name)
        if not sch.periodic:
            continue
        tables = params.periods(name)
        periods = []
        for old, new in zip(tables, tables[1:], strict=False):  # consecutive pairs
            changed = [{"label": c.label, "reference": c.reference, "ratio": c.ratio,
                        "old": _param_display(old.params[c.key]) if c.key in old.params else "—",
                        "new": _param_display(new.params[c.key])} for c in staff.changes(old, new)]
            entry = {"old": old, "new": new, "changes": changed, "members": []}
            if name == "salary":
                entry["month_before"] = f"{old.valid_until:%Y-%m}"
                entry["month_after"] = f"{new.valid_from:%Y-%m}"
                entry["members"] = [_member_effect(m, entry["month_before"], entry["month_after"]) for m in members]
            periods.append(entry)
        sets.append({"name": name, "title": sch.title, "periods": list(reversed(periods))})
    return env.get_template("changes.html").render(sets=sets, pct=_show_ratio).strip()


TITLE_VALUES = ("additional_indicator", "side_payment_points", "special_service_rate", "extra_payment_rate")


def _member_effect(member: dict, before: str, after: str) -> dict:
    # No title's net with its own values at zero: each title value is given and stated as an example input.
    missing = [k for k in TITLE_VALUES if not member["inputs"].get(k)]
    if missing or not member.get("example", "").strip():
        raise SystemExit(f"site/typical-members.toml, “{member['label']}”: {', '.join(missing) or 'example'} eksik; "
                         "unvana bağlı her değer girilir ve example metninde örnek girdi olarak yazılır")
    inputs = {**member["inputs"], "month_before": before, "month_after": after}
    try:
        r = calc.run("pay/raise-difference", inputs)["result"]
    except calc.InputError as exc:
        return {"label": member["label"], "example": member["example"], "error": exc.message}
    return {"label": member["label"], "example": member["example"], "before": display(Decimal(r["net_before"]), "money"),
            "after": display(Decimal(r["net_after"]), "money"), "diff": display(Decimal(r["net_difference"]), "money"),
            "rate": display(Decimal(r["net_change_rate"]), "rate")}


def _show_ratio(r) -> str:
    if r is None:
        return "—"
    return ("+" if r > 0 else "") + display(Decimal(r).quantize(Decimal("0.0001")), "rate")


# ---------------------------------------------------------------- staging and MkDocs

def stage_docs(root: Path, stage: Path, today: date, version: str) -> list[dict]:
    """Copy docs/ to the staging folder with every marker replaced; returns the calculator index."""
    env = _env()
    shutil.rmtree(stage, ignore_errors=True)
    shutil.copytree(root / "docs", stage)
    index, seen = [], set()
    for md in sorted(stage.rglob("*.md")):
        rel = md.relative_to(stage).as_posix()
        url = page_url(rel)
        text = md.read_text(encoding="utf-8")

        def replace(m, rel=rel, url=url):  # bound now: called for this page only
            kind, name = m.group(1), m.group(2)
            if kind == "parameters":
                return render_parameters(env, name)
            if kind == "changes":
                return render_changes(env)
            if name in seen:
                raise SystemExit(f"{rel}: {name} is embedded on two pages; one page per calculator")
            seen.add(name)
            index.append({"id": name, "title": get(name).title, "url": url, "md": rel})
            # a heading, so the table of contents lists the calculator; the jump link below leads to it
            return f"## Hesaplayıcı {{#{CALC_ANCHOR}}}\n\n" + render_calculator(env, name, prefix_for(url), today, version)

        new = MARKER.sub(replace, text)
        if new != text and f"{{#{CALC_ANCHOR}}}" in new:
            new = jump_link(new)
        new = EXAMPLE.sub(lambda m, rel=rel: render_example(env, m.group(1), m.group(2), rel, today), new)
        if new != text:
            md.write_text(new, encoding="utf-8")
    missing = [c.id for c in calculators() if c.id not in seen]
    if missing:
        raise SystemExit(f"calculators without a page in docs/: {', '.join(missing)}")
    home = stage / "index.md"
    home.write_text(home.read_text(encoding="utf-8").replace("<!-- hesap:index -->", calculator_list(index)), encoding="utf-8")
    return [{k: v for k, v in e.items() if k != "md"} for e in index]


CALC_ANCHOR = "hesaplayici"


def jump_link(text: str) -> str:
    """Phone first: a link under the page's title to the calculator, which follows the article's explanation."""
    link = f'<p class="hesap-jump"><a href="#{CALC_ANCHOR}">Hesaplayıcıya geç ↓</a></p>'
    return re.sub(r"^(# .+)$", lambda m: m.group(1) + "\n\n" + link, text, count=1, flags=re.M)


FAMILIES = {"pay": "Maaş, döner sermaye ve nöbet", "membership": "Üyelik", "dues": "Aidat", "election": "Seçim"}


def calculator_list(index: list[dict]) -> str:
    """The home page's one-click list: every calculator, grouped by family, in registry order."""
    order = {c.id: i for i, c in enumerate(calculators())}
    lines = []
    for fam, title in FAMILIES.items():
        entries = sorted((e for e in index if e["id"].split("/")[0] == fam), key=lambda e: order[e["id"]])
        if entries:
            lines.append(f"**{title}**\n")
            lines += [f"- [{e['title']}]({e['md']})" for e in entries]
            lines.append("")
    return "\n".join(lines)


def run_mkdocs(root: Path, stage: Path, dist: Path, cache: Path, version: str, wasm_bytes: int,
               preview: bool = False) -> None:
    cfg = (SITE / "mkdocs.yml").read_text(encoding="utf-8")
    cfg = cfg.replace("@DOCS_DIR@", str(stage)).replace("@SITE_DIR@", str(dist)).replace("@THEME_DIR@", str(SITE / "overrides")).replace("@VERSION@", version)
    cfg = cfg.replace("@WASM_BYTES@", str(wasm_bytes))
    cfg = cfg.replace('preview: false', f'preview: {"true" if preview else "false"}')
    cfg_path = cache / "mkdocs.yml"
    cfg_path.write_text(cfg, encoding="utf-8")
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "true"}  # the theme's banner about MkDocs 2.0; we pin mkdocs 1.6
    subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q", "--clean", "-f", str(cfg_path)], check=True, cwd=root, env=env)


def _module_member(name: str, members: set[str]) -> str | None:
    path = name.replace(".", "/")
    for candidate in (f"{path}.py", f"{path}/__init__.py"):
        if candidate in members:
            return candidate
    return None


def _module_level(tree):
    """The statements that run when a module is imported (inside if/try at module level too, not in functions)."""
    import ast
    todo = list(tree.body)
    while todo:
        node = todo.pop()
        yield node
        if isinstance(node, (ast.If, ast.Try, ast.With)):
            for field in ("body", "orelse", "finalbody", "handlers"):
                todo += getattr(node, field, [])
        elif isinstance(node, ast.ExceptHandler):
            todo += node.body


def _imports(source: str, module: str, is_package: bool, everywhere: bool = False) -> set[str]:
    """The modules an import of `source` loads (absolute names; relative ones resolved): module-level imports,
    or every import statement (`everywhere`, for calc's own code, whose functions import lazily too)."""
    import ast
    try:
        tree = ast.parse(source)
    except SyntaxError:
        return set()
    package = module if is_package else module.rpartition(".")[0]
    names = set()
    for node in (ast.walk(tree) if everywhere else _module_level(tree)):
        if isinstance(node, ast.Import):
            names.update(a.name for a in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                parts = package.split(".") if package else []
                parts = parts[: len(parts) - (node.level - 1)] if node.level > 1 else parts
                base = ".".join([*parts, *([base] if base else [])])
            names.add(base)
            names.update(f"{base}.{a.name}" for a in node.names)
    return {n for n in names if n}


# Codecs a text may ask for by name (a BOM, Latin-1 in a pasted file) beyond the UTF-8 Pyodide starts with.
ALWAYS_KEPT = ("encodings/ascii.py", "encodings/latin_1.py", "encodings/utf_8_sig.py", "encodings/cp1254.py")


def trim_stdlib(full: Path, imported: list[str], root: Path, out: Path) -> None:
    """Pyodide's standard library archive with only what the engine can import at run time.

    Kept: what Pyodide and calc imported at build time, every input path of every calculator
    included (`site/imports.mjs`), and every module an import statement of calc/ names (in functions too),
    with what those modules import when they load, followed through the archive's own sources. Members keep
    their bytes and order, so the archive is the same for the same inputs."""
    import zipfile
    with zipfile.ZipFile(full) as z:
        infos = z.infolist()
        members = {i.filename for i in infos}
        keep = {m for m in imported if m in members} | {m for m in ALWAYS_KEPT if m in members}
        todo = []
        for f in sorted((root / "calc").rglob("*.py")):
            todo += _imports(f.read_text(encoding="utf-8"), "calc", False, everywhere=True)
        seen = set()  # what was imported at build time loaded its own imports already: no need to follow it
        while todo:
            name = todo.pop()
            if name in seen or name.startswith("calc"):
                continue
            seen.add(name)
            member = _module_member(name, members)
            if member is None:
                continue
            keep.add(member)
            parts = name.split(".")
            for i in range(1, len(parts)):  # a submodule needs its packages
                parent = _module_member(".".join(parts[:i]), members)
                if parent:
                    keep.add(parent)
                    todo.append(".".join(parts[:i]))
            todo += _imports(z.read(member).decode("utf-8", "replace"), name, member.endswith("__init__.py"))
        with zipfile.ZipFile(out, "w") as t:
            for info in infos:
                if info.filename in keep or (info.is_dir() and any(k.startswith(info.filename) for k in keep)):
                    t.writestr(info, z.read(info.filename))


def wheel_key(wheel: Path):
    """A sha256 over the wheel's member names and contents, not its zip timestamps (more may be added to it)."""
    import zipfile
    key = hashlib.sha256()
    with zipfile.ZipFile(wheel) as z:
        for name in sorted(z.namelist()):
            key.update(name.encode() + b"\0" + z.read(name) + b"\0")
    return key


def make_stdlib(root: Path, wheel: Path, cache: Path) -> tuple[Path, str]:
    """The trimmed standard library, and the key of the snapshot a reader's browser makes from it.

    Made in Node with the same Pyodide the site ships: a start with Pyodide's whole archive lists what Python
    imports (`site/imports.mjs`), then `trim_stdlib` keeps that and `site/pyc.mjs` compiles it. The key covers everything a snapshot depends
    on (the wheel's contents, not its zip timestamps; the archive; the Pyodide build; the worker that makes the
    snapshot), so a rebuild with no change to calc/ keeps the key and readers keep their copy."""
    key = wheel_key(wheel)  # a preview adds a marker file, so it gets its own key
    for f in (SITE / "imports.mjs", SITE / "pyc.mjs", Path(__file__), root / "node_modules" / "pyodide" / "package.json"):
        key.update(f.read_bytes())
    tag = key.hexdigest()[:16]
    stdlib = cache / f"stdlib-{tag}.zip"
    if not stdlib.exists():
        for old in (*cache.glob("stdlib-*.zip"), *cache.glob("snapshot-*.bin.gz")):  # the latter: older builds
            old.unlink()
        listed = cache / "stdlib-imported.json"
        subprocess.run(["node", str(SITE / "imports.mjs"), str(wheel), str(listed)], check=True, cwd=root,
                       stdout=subprocess.DEVNULL)
        trimmed = stdlib.with_suffix(".py.zip")
        trim_stdlib(root / "node_modules" / "pyodide" / "python_stdlib.zip", json.loads(listed.read_text()), root, trimmed)
        subprocess.run(["node", str(SITE / "pyc.mjs"), str(trimmed), str(stdlib.with_suffix(".tmp"))], check=True, cwd=root)
        trimmed.unlink()
        stdlib.with_suffix(".tmp").replace(stdlib)
    key.update(stdlib.read_bytes())
    key.update((SITE / "static" / "worker.mjs").read_bytes())
    return stdlib, key.hexdigest()[:16]


def compile_wheel(root: Path, wheel: Path, cache: Path) -> Path:
    """The wheel the site ships: calc's modules as bytecode in place of their sources (`site/pyc.mjs wheel`,
    Pyodide's own compiler), its RECORD rewritten so that it stays an installable wheel. Made once per wheel
    contents and compiler; the zip members keep the source wheel's timestamps, so it is the same file each time."""
    import zipfile
    key = wheel_key(wheel)
    for f in (SITE / "pyc.mjs", root / "node_modules" / "pyodide" / "package.json"):
        key.update(f.read_bytes())
    out = cache / "site-wheel" / key.hexdigest()[:16] / wheel.name
    if out.exists():
        return out
    shutil.rmtree(cache / "site-wheel", ignore_errors=True)
    out.parent.mkdir(parents=True)
    compiled = out.with_suffix(".tmp")
    subprocess.run(["node", str(SITE / "pyc.mjs"), str(wheel), str(compiled), "wheel"], check=True, cwd=root)
    with zipfile.ZipFile(compiled) as src, zipfile.ZipFile(out.with_suffix(".part"), "w") as dst:
        record = next(i for i in src.infolist() if i.filename.endswith(".dist-info/RECORD"))
        rows = []
        for info in src.infolist():
            if info is record:
                continue
            data = src.read(info)
            dst.writestr(info, data)
            digest = base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=").decode()
            rows.append(f"{info.filename},sha256={digest},{len(data)}")
        dst.writestr(record, "\n".join([*rows, f"{record.filename},,", ""]))
    compiled.unlink()
    out.with_suffix(".part").replace(out)
    return out


def copy_runtime(dist: Path, wheel: Path, pyodide_dir: Path, built: tuple[Path, str], version: str) -> None:
    """Pyodide (with the trimmed standard library), the wheel and our JS/CSS into dist/."""
    stdlib, snapshot_key = built
    pyo = dist / "pyodide"
    pyo.mkdir(parents=True, exist_ok=True)
    for name in PYODIDE_FILES:
        src = stdlib if name == "python_stdlib.zip" else pyodide_dir / name
        if not src.exists():
            raise SystemExit(f"{src} is missing: run `python3 build.py setup`")
        shutil.copy2(src, pyo / name)
    lock_info = json.loads((pyodide_dir / "pyodide-lock.json").read_text(encoding="utf-8"))["info"]
    py = dist / "py"
    py.mkdir(exist_ok=True)
    shutil.copy2(wheel, py / wheel.name)
    assets = dist / "assets" / "hesap"
    assets.mkdir(parents=True, exist_ok=True)
    for f in (SITE / "static").iterdir():
        text = f.read_text(encoding="utf-8")
        text = (text.replace("@WHEEL@", wheel.name).replace("@VERSION@", version)
                .replace("@SNAPSHOT_KEY@", snapshot_key).replace("@LOCKINFO@", json.dumps(lock_info)))
        (assets / f.name).write_text(text, encoding="utf-8")


# The search index is Turkish (mkdocs.yml `search: lang: tr`): lunr's other languages are never loaded.
SEARCH_KEEP = ("lunr.tr.min.js", "lunr.stemmer.support.min.js", "lunr.multi.min.js")


def prune_search_languages(dist: Path) -> None:
    """Material copies lunr's stemmers for 30 languages (about 1 MB); the precache would download them all."""
    for f in (dist / "assets" / "javascripts" / "lunr").rglob("*.js"):
        if f.name not in SEARCH_KEEP:
            f.unlink()


# Material's instant navigation takes a link only to a page its sitemap lists, and reads each address there as an
# absolute URL (`new URL(loc)`). Our sitemap (overrides/sitemap.xml) lists them relative to the site, which can be
# published at any address and port; this one change to the bundle reads them against the site's root.
SITEMAP_READ = re.compile(r"new URL\((\w+)\.textContent\),(\w+)\)")


def patch_instant_sitemap(dist: Path) -> None:
    (bundle,) = (dist / "assets" / "javascripts").glob("bundle.*.min.js")
    text, n = SITEMAP_READ.subn(r"new URL(\1.textContent,\2),\2)", bundle.read_text(encoding="utf-8"))
    if n != 1:  # another Material version: see CONTRIBUTING.md (Instant navigation)
        raise SystemExit(f"[build] {bundle.name}: Material's sitemap reader not found ({n} matches); instant navigation needs it")
    bundle.write_text(text, encoding="utf-8")


def write_service_worker(dist: Path, version: str, stamp: dict) -> None:
    """A versioned service worker that precaches every file of the build (HTML shell to Pyodide)."""
    files = []
    for p in sorted(dist.rglob("*")):
        if not p.is_file() or p.name in ("sw.js",) or p.suffix in (".map", ".gz"):
            continue
        rel = p.relative_to(dist).as_posix()
        if rel.startswith("pyodide/") and p.name not in PYODIDE_FILES:
            continue
        if rel.startswith(("assets/hesap/", "py/")):
            rel += f"?v={version}"  # our own files are versioned by URL; see site/sw.js
        files.append(rel[: -len("index.html")] if p.name == "index.html" else rel)
    files = ["./" if f == "" else f for f in files]
    sw = (SITE / "sw.js").read_text(encoding="utf-8")
    sw = sw.replace("@VERSION@", version).replace("@PRECACHE@", json.dumps(files, ensure_ascii=False))
    (dist / "sw.js").write_text(sw, encoding="utf-8")
    (dist / "version.json").write_text(json.dumps(stamp, ensure_ascii=False, indent=1), encoding="utf-8")


# ---------------------------------------------------------------- Content-Security-Policy

INLINE_SCRIPT = re.compile(r"<script(?P<attrs>(?:\s[^>]*)?)>(?P<body>.*?)</script>", re.S)
CSP_FILE = "csp.json"  # page → policy, for hosts that send it as a header (build.py serve does)


def csp_policy(hashes: list[str]) -> str:
    """Only this origin, plus WebAssembly compilation (Pyodide) and the page's own inline scripts by hash."""
    script = " ".join(["'self'", "'wasm-unsafe-eval'"] + [f"'sha256-{h}'" for h in hashes])
    return ("default-src 'self'; " f"script-src {script}; " "style-src 'self'; img-src 'self' data:; "
            "object-src 'none'; base-uri 'self'; form-action 'self'")


DIALOG_NAMES = {'class="md-search" data-md-component="search" role="dialog"': "Sitede ara"}


def name_dialogs(dist: Path) -> None:
    """Every dialog has a name a screen reader announces (the theme's search dialog has none)."""
    for page in sorted(dist.rglob("*.html")):
        html = original = page.read_text(encoding="utf-8")
        for tag, name in DIALOG_NAMES.items():
            html = html.replace(tag, f'{tag} aria-label="{name}"')
        if html != original:
            page.write_text(html, encoding="utf-8")


def apply_csp(dist: Path) -> dict[str, str]:
    """Every page gets a `<meta http-equiv="Content-Security-Policy">` first in its head, with the hashes of its
    inline scripts (the start-up script, the theme's); data blocks (`type="application/json"`) run nothing."""
    policies = {}
    for page in sorted(dist.rglob("*.html")):
        html = page.read_text(encoding="utf-8")
        hashes = []
        for m in INLINE_SCRIPT.finditer(html):
            attrs = m.group("attrs") or ""
            if " src=" in attrs or "application/json" in attrs:
                continue
            hashes.append(base64.b64encode(hashlib.sha256(m.group("body").encode("utf-8")).digest()).decode())
        policy = csp_policy(list(dict.fromkeys(hashes)))
        meta = f'<meta http-equiv="Content-Security-Policy" content="{policy}">'
        html, n = re.subn(r"<head>", "<head>\n" + meta, html, count=1)
        if n:
            page.write_text(html, encoding="utf-8")
            policies[page.relative_to(dist).as_posix()] = policy
    (dist / CSP_FILE).write_text(json.dumps(policies, ensure_ascii=False, indent=0), encoding="utf-8")
    return policies


def content_hash(paths: list[Path]) -> str:
    h = hashlib.sha256()
    for base in paths:
        for p in sorted(base.rglob("*")) if base.is_dir() else [base]:
            if p.is_file() and "__pycache__" not in p.parts:
                h.update(p.as_posix().encode())
                h.update(p.read_bytes())
    return h.hexdigest()[:12]


def build(root: Path, dist: Path, wheel: Path, pyodide_dir: Path, today: date | None = None, preview: bool = False) -> None:
    today = today or date.today()
    cache = root / ".cache"
    cache.mkdir(exist_ok=True)
    stage = cache / "docs"
    version = content_hash([root / "calc", root / "site", root / "docs", root / "package-lock.json"])
    index = stage_docs(root, stage, today, version)
    run_mkdocs(root, stage, dist, cache, version, (pyodide_dir / "pyodide.asm.wasm").stat().st_size, preview)
    prune_search_languages(dist)
    patch_instant_sitemap(dist)
    copy_runtime(dist, compile_wheel(root, wheel, cache), pyodide_dir, make_stdlib(root, wheel, cache), version)
    name_dialogs(dist)
    apply_csp(dist)  # before the service worker lists the pages: the precached copies carry the policy too
    (dist / "calculators.json").write_text(json.dumps(index, ensure_ascii=False, indent=1), encoding="utf-8")
    periods = {s: params.periods(s)[-1].id for s in params.set_names()}
    stamp = {"version": version, "preview": preview, "built": datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%MZ"),
             "calc": calc.__version__, "periods": periods}
    write_service_worker(dist, version, stamp)
