"""Run an election calculator through the registry (the same object `calc.run` returns); the registry
imports only the calculator's own module, so these tests do not depend on other families' tables."""

import contextlib
import importlib
import shutil
from pathlib import Path

import calc
from calc import params, registry


def run_calc(calc_id, inputs, on=None):
    return calc.get(calc_id).run(inputs, on)


def registry_or_skip():
    """The whole registry; a module that cannot be imported is a failure, never a skip."""
    return calc.calculators()


ELECTION_MODULES = ("calc.election.common", "calc.election.central_delegates", "calc.election.branch_delegates",
                    "calc.election.ballots", "calc.election.quorum", "calc.election.calendar")


@contextlib.contextmanager
def data_root_with(extra_toml: Path, tmp: Path):
    """A data root holding the shipped election set with `extra_toml` appended to its newest table, in
    force while the block runs; the election modules are rebuilt from it (their preset choices are read at
    import) and rebuilt again from the shipped data afterwards. Yields {calculator id: Calculator}."""
    shipped = Path(params._data_root()) / "election"
    root = tmp / "data"
    shutil.copytree(shipped, root / "election")
    newest = sorted(p for p in (root / "election").glob("*.toml") if p.name != "schema.toml")[-1]
    newest.write_text(newest.read_text(encoding="utf-8") + "\n" + extra_toml.read_text(encoding="utf-8"), encoding="utf-8")

    def rebuild():
        params._cached_set.cache_clear()
        params.schema.cache_clear()
        for calc_id in [i for i in registry._LOADED if i.startswith("election/")]:
            del registry._LOADED[calc_id]     # the registry must not keep a calculator built from the fixture
        return {m.CALCULATOR.id: m.CALCULATOR for m in (importlib.reload(importlib.import_module(n)) for n in ELECTION_MODULES)
                if hasattr(m, "CALCULATOR")}

    original = params._data_root
    params._data_root = lambda: root
    try:
        yield rebuild()
    finally:
        params._data_root = original
        rebuild()
