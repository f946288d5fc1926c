"""Run an election calculator through the registry (the same object `calc.run` returns); the registry
imports only the calculator's own module, so these tests do not depend on other families' tables."""

import calc


def run_calc(calc_id, inputs, on=None):
    return calc.get(calc_id).run(inputs, on)


def registry_or_skip():
    """The whole registry; a module that cannot be imported is a failure, never a skip."""
    return calc.calculators()
