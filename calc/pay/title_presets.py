"""Title presets: the values a title (and its derece) fixes by law, from the `titles` parameter set.

Each key of the set (ek gösterge today; yan ödeme puanı, özel hizmet and ek 9 oranları once sourced)
holds one record per title of `salary_inputs.TITLES`: `by_grade` lists the value of derece 1, 2, …,
`other_grades` is the value of every derece the list does not reach (0 where the cetvel gives none).
The salary form reads `field_presets(key)`: the page fills the field when title or derece change, and
says "bordronuzdan" with a link to the payslip check where the set has no value. Adding a title's
values is a data change (`calc/data/titles/`).
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from .. import params
from ..numbers import format_number
from ..errors import InputError
from ..explain import json_value

SET = "titles"
KEYS = ("additional_indicator", "side_payment_points", "special_service_rate", "extra_payment_rate")
PAYSLIP_PAGE = "maas/bordro-kontrol/"  # the page of pay/payslip-check, relative to the site root
OTHERWISE = "Unvanınız için resmî kaynaktan doğrulanmış bir değer yok: bordronuzdan okuyun. Bilmiyorsanız"


def table_on(on: date) -> params.ParameterTable | None:
    """The titles table in force on a date, or None before the first one."""
    try:
        return params.table_for(SET, on)
    except InputError:
        return None


def value_for(table: params.ParameterTable | None, key: str, title: str, grade: int) -> int | Decimal | None:
    """The sourced value of `key` for a title in a derece, or None when the set has none."""
    if table is None or key not in table.params:
        return None
    rec = table[key].get(title)
    if rec is None:
        return None
    by_grade = rec["by_grade"]
    value = by_grade[grade - 1] if 1 <= grade <= len(by_grade) else rec["other_grades"]
    return Decimal(value) if isinstance(value, Decimal) else int(value)


def reference_for(table: params.ParameterTable | None, key: str, title: str) -> str:
    if table is None or key not in table.params or title not in table[key]:
        return ""
    return table[key][title]["reference"]


def field_presets(key: str, grades: int) -> dict:
    """The `presets` of a salary form field: values by "title|derece", filled on the page when those change."""
    table = params.periods(SET)[-1]  # the form offers the cetvel in force now; a calculation reads its own month's
    values = {}
    if key in table.params:
        for title in table[key]:
            for grade in range(1, grades + 1):
                values[f"{title}|{grade}"] = json_value(value_for(table, key, title, grade))
    reference = table.ref(key) if key in table.params else ""
    return {
        "from": ["title", "grade"],
        "values": values,
        # the note under the field, written here (Python formats every number the page shows)
        "notes": {k: f"Unvan ve dereceye göre {format_number(Decimal(str(v)), None)} ({reference}). Bordronuzda farklıysa "
                     "değiştirin." for k, v in values.items() if v is not None},
        "reference": table.ref(key) if key in table.params else "",
        "otherwise": {"text": OTHERWISE, "link": PAYSLIP_PAGE, "link_text": "Bordro kontrolü bordronuzdaki tutardan bulur"},
    }
