"""The bridge the browser worker calls: JSON text in, JSON text out, never an exception."""

from __future__ import annotations

import json
from datetime import date
from decimal import Decimal

from .errors import InputError, ParameterError
from .registry import get
from .render import html_key, result_html


def run_json(calc_id: str, inputs_json: str, on_iso: str | None = None) -> str:
    """`{"ok": true, ...contract output}` or `{"ok": false, "field": ..., "message": ...}`."""
    try:
        inputs = json.loads(inputs_json or "{}", parse_float=Decimal)
        on = None
        if on_iso:
            try:
                on = date.fromisoformat(on_iso)
            except ValueError:
                raise InputError("tarih", f"“{on_iso}” geçerli bir tarih değil") from None
        calculator = get(calc_id)
        out = calculator.run(inputs, on)
        # the page places this HTML as it is: the same renderer wrote the page's prerendered result
        html = result_html(calculator, out)
        return json.dumps({"ok": True, **out, "html": html, "html_key": html_key(html)}, ensure_ascii=False)
    except InputError as exc:
        return json.dumps({"ok": False, "field": exc.field, "message": exc.message}, ensure_ascii=False)
    except ParameterError as exc:
        return json.dumps({"ok": False, "field": None, "message": exc.for_reader()}, ensure_ascii=False)
    except json.JSONDecodeError:
        return json.dumps({"ok": False, "field": None, "message": "Girdiler okunamadı (JSON değil)."}, ensure_ascii=False)
    except Exception as exc:  # a bug must still reach the reader as a message, not a dead page
        return json.dumps({"ok": False, "field": None, "internal": True,
                           "message": f"Hesaplayıcıda beklenmeyen bir hata oluştu ({type(exc).__name__}). "
                                      "Lütfen girdilerinizle birlikte bildirin."}, ensure_ascii=False)
