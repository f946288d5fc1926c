"""Fixtures for the end-to-end tests: the built dist/ served on 127.0.0.1; Debian's Chromium via Playwright;
Firefox ESR and WebKitGTK through tests/browser/engines.py (one browser per session each)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from browserkit import ARGS, BROWSERS, CHROMIUM, DIST, Site, serve


def missing(package: str) -> None:
    if not Path(BROWSERS[package]).exists():
        pytest.fail(f"{BROWSERS[package]} is missing: `python3 build.py test` installs it (apt-get install {package})")


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
        missing("chromium")
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


def _engine(name: str, packages: tuple[str, ...]):
    for package in packages:
        missing(package)
    import engines
    browser = engines.start(name)
    yield browser
    browser.close()


@pytest.fixture(scope="session")
def firefox():
    yield from _engine("firefox", ("firefox-esr",))


@pytest.fixture(scope="session")
def webkit():
    yield from _engine("webkit", ("webkit2gtk-driver", "xvfb"))


@pytest.fixture
def own_site():
    """dist/ on a port of its own, with the offline and broken-file switches (browserkit.Site)."""
    if not (DIST / "calculators.json").exists():
        pytest.fail("dist/ is not built: run `python3 build.py test` (it builds first)")
    s = Site(DIST)
    yield s
    s.close()
