"""Run an election calculator directly (the same object `calc.run` returns), so these tests do not depend
on other families' modules being importable."""

import importlib

MODULES = {
    "election/central-delegates": "calc.election.central_delegates",
    "election/branch-delegates": "calc.election.branch_delegates",
    "election/ballots": "calc.election.ballots",
    "election/quorum": "calc.election.quorum",
    "election/calendar": "calc.election.calendar",
}


def run_calc(calc_id, inputs, on=None):
    return importlib.import_module(MODULES[calc_id]).CALCULATOR.run(inputs, on)


def registry_or_skip():
    """The whole registry; a module that cannot be imported is a failure, never a skip."""
    import calc
    return calc.calculators()
