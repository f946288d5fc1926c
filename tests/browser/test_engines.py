"""End-to-end in Firefox ESR and WebKitGTK (Safari's engine) next to Chromium: what matters per engine.

A first visit starts Python normally and keeps a snapshot copy (in the private file system, or in Cache Storage
where the engine has none: WebKitGTK as shipped); every calculator then gives the CLI's JSON from the snapshot
start; a copy that does not start falls back to a normal start that still computes; a reload with the network
gone starts from the copy. Chromium runs the full page suite in test_site.py and test_start.py; here only the
copy test runs in it too.
What an engine cannot do is listed in CONTRIBUTING.md (Browsers).
"""

from __future__ import annotations

import json
from urllib.parse import quote

import pytest

import calc
from browserkit import BREAK_COPY
from calc.registry import get

pytestmark = pytest.mark.browser
BOOT = 90  # seconds: WebKit's fallback start on a busy 2-core machine is the slowest here
DONE = "!!document.querySelector('[data-calculator][data-state=\"done\"]')"
BOOT_INFO = "window.__hesapBoot || null"  # set by hesap.js when the worker is up: {boot, ms, marks}
WARMED = "localStorage.getItem('hesap-warmed')"
CONTROLLED = "!!navigator.serviceWorker && navigator.serviceWorker.controller !== null"
KEPT = "window.__hesapKept || null"  # set by hesap.js once the worker has written its copy: {where, bytes, ms}


@pytest.fixture(params=["firefox", "webkit"])
def engine(request):
    return request.getfixturevalue(request.param)


def expected(calc_id: str, inputs: dict | None = None) -> dict:
    return calc.run(calc_id, get(calc_id).example_inputs() if inputs is None else inputs)["result"]


def shown(page) -> dict:
    return json.loads(page.attr("[data-calculator] output[data-result]", "data-json"))


# the page has made no new request for 0,6 s (what it started after the result has arrived, or been cancelled)
QUIET = """new Promise((done) => { let n = -1; const t = setInterval(() => {
  const m = performance.getEntriesByType('resource').length; if (m === n) { clearInterval(t); done(true); } n = m; }, 600); })"""


def visit(page, url: str) -> dict:
    """Opens a calculator page and waits for Python's result; returns what the worker said when it was up."""
    page.goto(url)
    page.wait(DONE, BOOT, what=f"a computed result on {url}")
    # the theme loads its search index on every page; leaving before it arrived aborts that request, which
    # Firefox reports as a page error (NS_BINDING_ABORTED): a reader clicking on would not care, this test must
    page.wait("performance.getEntriesByType('resource').some((e) => e.name.includes('search/search_index.json'))", BOOT,
              what="the theme's search index")
    page.wait(QUIET, BOOT, what="the page's requests to settle")
    return page.js(BOOT_INFO)


def first_visit(page, url: str) -> dict:
    """A first visit: a normal start, then the copy every later start uses; returns where it went."""
    info = visit(page, url)
    assert info["boot"] == "first", info
    page.wait(KEPT, BOOT, what="the snapshot copy")
    return page.js(KEPT)


def test_every_calculator_gives_the_cli_json_from_the_snapshot(engine, own_site, calculators_index):
    with engine.open() as page:
        for k, entry in enumerate(calculators_index):
            if k == 0:
                assert first_visit(page, own_site.url + entry["url"])["where"] is not None
                # the once-per-build warm-up (hesap.js) must not be cut off by leaving the page: Firefox reports
                page.wait(WARMED, BOOT, what="the code-cache warm-up")  # the aborted import as an error
                assert shown(page) == expected(entry["id"]), (engine.name, entry["id"])
                continue
            info = visit(page, own_site.url + entry["url"])
            assert info["boot"] == "snapshot", (engine.name, entry["id"], info)
            assert page.attr("[data-calculator]", "data-boot") == "snapshot", entry["id"]
            assert shown(page) == expected(entry["id"]), (engine.name, entry["id"])
        # a shared link: the fragment's inputs are computed on load
        first = calculators_index[0]
        inputs = get(first["id"]).example_inputs()
        visit(page, own_site.url + first["url"] + "#girdi=" + quote(json.dumps(inputs, ensure_ascii=False)))
        assert shown(page) == expected(first["id"], inputs)
        assert page.errors() == []


def test_the_fallback_start_still_computes_every_calculator(engine, own_site, calculators_index):
    """A copy that does not start: the worker starts Pyodide normally; the page's result and, through the same
    worker, every other calculator's agree with the CLI (one fallback start, not one per page: WebKit's is slow)."""
    first = calculators_index[0]
    with engine.open() as page:
        first_visit(page, own_site.url + first["url"])
        assert page.js(BREAK_COPY) is not None
        page.reload()
        page.wait(DONE, BOOT, what="a computed result from the fallback start")
        info = page.js(BOOT_INFO)
        assert info["boot"] == "fallback", info
        assert shown(page) == expected(first["id"])
        answers = page.js("""new Promise((resolve) => {
            const ids = %s, out = {}, w = window.__hesapWorker;
            const take = (e) => {
              if (e.data.type !== "result" || !(e.data.seq >= 1e6)) return;
              out[ids[e.data.seq - 1e6]] = e.data.out;
              if (Object.keys(out).length === ids.length) { w.removeEventListener("message", take); resolve(out); }
            };
            w.addEventListener("message", take);
            ids.forEach((id, k) => w.postMessage({seq: 1e6 + k, id, inputs: %s[id], date: null}));
        })""" % (json.dumps([e["id"] for e in calculators_index]),
                 json.dumps({e["id"]: get(e["id"]).example_inputs() for e in calculators_index}, ensure_ascii=False)))
    for entry in calculators_index:
        assert answers[entry["id"]]["ok"], (entry["id"], answers[entry["id"]])
        assert answers[entry["id"]]["result"] == expected(entry["id"]), (engine.name, entry["id"])


def test_offline_reload_starts_from_the_snapshot(engine, own_site, calculators_index):
    first, second = calculators_index[0], calculators_index[-1]
    with engine.open() as page:
        first_visit(page, own_site.url + first["url"])
        page.wait(CONTROLLED, BOOT, what="the service worker (precache done)")
        own_site.offline = True
        page.reload()
        page.wait(DONE, BOOT, what="a computed result offline")
        assert page.js(BOOT_INFO)["boot"] == "snapshot"
        info = visit(page, own_site.url + second["url"])  # a page not visited online
        assert info["boot"] == "snapshot"
        assert shown(page) == expected(second["id"])


@pytest.mark.parametrize("name, features, where", [
    ("chromium", True, "private"),
    ("firefox", True, "private"),
    ("webkit", False, "cache"),  # WebKitGTK as shipped: no navigator.storage at all
    ("webkit", True, "cache"),  # with Safari's storage features: getDirectory is there and refuses (ephemeral session)
], ids=["chromium", "firefox", "webkit-without-storage", "webkit-refusing-storage"])
def test_a_return_visit_starts_from_the_copy_the_first_kept(request, own_site, name, features, where):
    if name == "chromium":
        import engines
        browser = engines.Chromium(request.getfixturevalue("browser"))
    else:
        browser = request.getfixturevalue(name)
    with browser.open(private_files=features) as page:
        assert first_visit(page, own_site.url + "aidat/")["where"] == where
        if where == "cache" and features:
            assert page.js("navigator.storage.getDirectory().then(() => 'opened', (e) => e.name)") != "opened"
        elif where == "cache":
            assert page.js("typeof navigator.storage") == "undefined"
        page.reload()
        page.wait(DONE, BOOT, what="a computed result on the return visit")
        again = page.js(BOOT_INFO)
        assert again["boot"] == "snapshot" and "copy" in again["marks"], again
        assert shown(page) == expected("dues/split")


# a link in the article to another page, clicked: the theme's instant navigation takes it (hesap.js keeps Python)
FOLLOW = """(() => { const a = document.createElement('a'); a.href = %s; a.textContent = 'sonraki';
  document.querySelector('.md-content__inner').prepend(a); window.__kept = 'ilk sayfa'; a.click(); return true; })()"""


def test_the_next_calculator_page_keeps_python(engine, own_site, calculators_index):
    """Issue 21: the next calculator page computes with the worker already running (no reload, no second start)."""
    first, second = calculators_index[0], calculators_index[1]
    with engine.open() as page:
        visit(page, own_site.url + first["url"])
        page.js(FOLLOW % json.dumps(own_site.url + second["url"]))
        page.wait(f"document.querySelector('[data-calculator]')?.dataset.calculator === {json.dumps(second['id'])} && {DONE}",
                  BOOT, what=f"a computed result on {second['url']} after the link")
        assert page.js("[window.__kept || null, window.__hesapStarts]") == ["ilk sayfa", 1], engine.name
        assert shown(page) == expected(second["id"]), engine.name
        assert page.errors() == []
