"""Fixtures for the end-to-end tests: the built dist/ served on 127.0.0.1, Debian's Chromium via Playwright."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from browserkit import ARGS, CHROMIUM, DIST, serve


@pytest.fixture(scope="session")
def site():
    if not (DIST / "calculators.json").exists():
        pytest.fail("dist/ is not built: run `python3 build.py test` (it builds first)")
    server = serve(DIST)
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()


@pytest.fixture(scope="session")
def calculators_index():
    return json.loads((DIST / "calculators.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="session")
def browser():
    sync_api = pytest.importorskip("playwright.sync_api")
    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} is missing: apt-get install chromium")
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield b
        b.close()


@pytest.fixture
def context(browser, site):
    """A fresh browser profile that records every request, to prove nothing leaves 127.0.0.1."""
    ctx = browser.new_context(viewport={"width": 1000, "height": 900})
    ctx.requests = []
    ctx.on("request", lambda r: ctx.requests.append(r.url))
    yield ctx
    outside = [u for u in ctx.requests if not u.startswith(("http://127.0.0.1:", "data:", "blob:"))]
    ctx.close()
    assert outside == [], f"requests left the origin: {outside[:5]}"
