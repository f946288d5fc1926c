"""The calculator registry: only the list of calculator modules and the lookup (as holidays keeps
`registry.py` apart from its engine). The building blocks live in `calc.calculator`."""

from __future__ import annotations

import importlib
from datetime import date

from .calculator import Calculator
from .errors import InputError

# Every calculator: its contract ID and the module that defines CALCULATOR. Order is the order of
# `calc list`. `get` imports only the module it needs, so one family's broken table cannot stop another's.
MODULES = {
    "membership/timeline": "calc.membership.timeline",
    "membership/petition": "calc.membership.petition",
    "dues/split": "calc.dues.split",
    "pay/salary": "calc.pay.salary",
    "pay/raise-difference": "calc.pay.raise_difference",
    "pay/raise-forecast": "calc.pay.raise_forecast",
    "pay/payslip-check": "calc.pay.payslip_check",
    "pay/on-call": "calc.pay.on_call",
    "pay/active-days": "calc.pay.active_days",
    "pay/sick-report-deduction": "calc.pay.sick_report",
    "pay/net-performance": "calc.pay.net_performance",
    "pay/performance-month": "calc.pay.performance_month",
    "pay/month-total": "calc.pay.month_total",
    "election/central-delegates": "calc.election.central_delegates",
    "election/branch-delegates": "calc.election.branch_delegates",
    "election/ballots": "calc.election.ballots",
    "election/quorum": "calc.election.quorum",
    "election/calendar": "calc.election.calendar",
}

_LOADED: dict[str, Calculator] = {}


def _load(calc_id: str) -> Calculator:
    if calc_id not in _LOADED:
        calc = importlib.import_module(MODULES[calc_id]).CALCULATOR
        if calc.id != calc_id:
            raise RuntimeError(f"{MODULES[calc_id]} declares {calc.id}, the registry lists it as {calc_id}")
        _LOADED[calc_id] = calc
    return _LOADED[calc_id]


def ids() -> list[str]:
    return list(MODULES)


def calculators() -> list[Calculator]:
    return [_load(i) for i in MODULES]


def get(calc_id: str) -> Calculator:
    if calc_id not in MODULES:
        raise InputError("id", f"“{calc_id}” diye bir hesaplayıcı yok; `python -m calc list` hepsini gösterir")
    return _load(calc_id)


def run(calc_id: str, inputs: dict, on: date | None = None) -> dict:
    """The contract's Python API: the same object as `python -m calc run`."""
    return get(calc_id).run(inputs, on)
