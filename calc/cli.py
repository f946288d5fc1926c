"""`python -m calc list | schema ID | run ID`, per the calculator contract."""

from __future__ import annotations

import argparse
import json
import sys
from datetime import date
from decimal import Decimal

from .errors import InputError, ParameterError
from .registry import get, ids


class _Parser(argparse.ArgumentParser):
    def error(self, message):  # exit 2 with one Turkish line, as for bad input
        raise InputError(None, f"komut satırı: {message}")


def _parser() -> argparse.ArgumentParser:
    p = _Parser(prog="python -m calc", description="Hesap hesaplayıcıları")
    sub = p.add_subparsers(dest="command", required=True)
    sub.add_parser("list", help="hesaplayıcıları listeler")
    s = sub.add_parser("schema", help="bir hesaplayıcının girdilerini JSON olarak yazar")
    s.add_argument("id")
    r = sub.add_parser("run", help="bir hesaplayıcıyı çalıştırır")
    r.add_argument("id")
    r.add_argument("--input", default="-", help="girdi JSON dosyası (yoksa ya da - ise standart girdi)")
    r.add_argument("--date", help="parametre tablosu için tarih, YYYY-AA-GG (varsayılan: bugün)")
    r.add_argument("--format", choices=("json", "text", "csv"), default="json")
    return p


def _read_json(path: str) -> dict:
    try:
        text = sys.stdin.read() if path == "-" else open(path, encoding="utf-8-sig").read()  # Notepad's BOM too
        text = text.lstrip("\ufeff")
    except OSError as exc:
        raise InputError("input", f"girdi dosyası okunamadı: {exc.strerror}") from None
    except UnicodeDecodeError:
        raise InputError("input", "girdi UTF-8 metin değil; dosyayı UTF-8 olarak kaydedin") from None
    if not text.strip():
        return {}
    try:
        data = json.loads(text, parse_float=Decimal)
    except json.JSONDecodeError as exc:
        raise InputError("input", f"girdi JSON olarak okunamadı ({exc.lineno}. satır, {exc.colno}. sütun)") from None
    if not isinstance(data, dict):
        raise InputError("input", "girdi bir JSON nesnesi olmalı, örneğin {\"dues\": \"100\"}")
    return data


def _parse_date(text: str | None) -> date | None:
    if text is None:
        return None
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise InputError("date", f"“{text}” geçerli bir tarih değil (YYYY-AA-GG)") from None


def format_text(calc_id: str, out: dict) -> str:
    """The result for a person, in Turkish."""
    from .explain import text_table
    calc = get(calc_id)
    lines = [calc.title]
    if out.get("parameters"):
        titles = list(out.get("parameter_titles", {}).values())
        lines.append(f"Parametre dönemi: {titles[0] if titles else out['parameters']}")
    lines.append("")
    for o in calc.outputs:
        if o.name in out["display"]:
            shown = out["display"][o.name]
            if o.kind == "rows" and o.columns and isinstance(out["result"].get(o.name), list):
                shown = text_table(o.columns, out["result"][o.name])  # a table with its headings, columns aligned
            lines.append(f"{o.label}:\n{shown}" if "\n" in shown else f"{o.label}: {shown}")
    if out["steps"]:
        lines += ["", "Adım adım:"]
        for i, s in enumerate(out["steps"], 1):
            ref = f"  [{s['reference']}]" if s["reference"] else ""
            lines.append(f"{i:>2}. {s['label']}: {s['display']}{ref}")
    if out["warnings"]:
        lines += ["", "Uyarılar:"] + [f"- {w}" for w in out["warnings"]]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    try:
        args = _parser().parse_args(argv)
        if args.command == "list":  # a broken table stops only the calculators that read it
            broken = []
            for calc_id in ids():
                try:
                    print(f"{calc_id}\t{get(calc_id).title}")
                except ParameterError as exc:
                    broken.append(f"hata: {calc_id}: {exc.for_reader()}")
            for line in broken:
                print(line, file=sys.stderr)
            return 2 if broken else 0
        if args.command == "schema":
            print(json.dumps(get(args.id).schema(), ensure_ascii=False, indent=2))
            return 0
        calc = get(args.id)
        on = _parse_date(args.date)
        out = calc.run(_read_json(args.input), on)
    except InputError as exc:
        # the JSON key too: on the command line it is what the user wrote (the page shows the label only)
        key = f" [{exc.field}]" if exc.field and exc.field not in ("input", "date", "id") else ""
        print(f"hata{key}: {exc.message}", file=sys.stderr)
        return 2
    except ParameterError as exc:
        print(f"hata: {exc.for_reader()}", file=sys.stderr)
        return 2
    if args.format == "text":
        print(format_text(calc.id, out))
    elif args.format == "csv":
        sys.stdout.reconfigure(encoding="utf-8", newline="")
        sys.stdout.write(calc.csv(out))
    else:
        print(json.dumps(out, ensure_ascii=False, indent=2))
    return 0
