"""End-to-end: how a calculator page starts Python (site/overrides/main.html, hesap.js, worker.mjs, warm.mjs)."""

from __future__ import annotations

import contextlib
import gzip
import json
import re
from urllib.parse import quote

import pytest

import calc
from calc.registry import get
from browserkit import DIST, wait_kept

pytestmark = pytest.mark.browser
BOOT_TIMEOUT = 60_000
# Put in front of hesap.js: it runs only once the worker has said `kind` (kept for it by the page's first script).
LATE = """await new Promise((resolve) => {
  const started = Date.now();
  const t = setInterval(() => {
    if ((window.__hesapEarly || []).some((m) => m.type === "%s") || Date.now() - started > 30000) { clearInterval(t); resolve(); }
  }, 20);
});
"""


def run_late(context, kind: str) -> None:
    def late(route):
        if route.request.service_worker is not None:  # the precache: its fetch may outlive the context
            return route.continue_()
        route.fulfill(status=200, content_type="text/javascript", body=LATE % kind + route.fetch().text())
    context.route("**/assets/hesap/hesap.js*", late)


def test_a_late_page_script_still_gets_what_the_worker_said_first(context, site):
    """The worker is started in <head>; if hesap.js runs only after Python is up, its "ready" must not be lost."""
    run_late(context, "ready")
    page = context.new_page()
    page.goto(site + "aidat/")
    page.wait_for_selector('[data-calculator][data-state="done"]', timeout=BOOT_TIMEOUT)
    assert page.get_attribute("[data-calculator]", "data-boot") == "first"  # a first visit
    shown = json.loads(page.get_attribute("[data-calculator] output[data-result]", "data-json"))
    assert shown == calc.run("dues/split", get("dues/split").example_inputs())["result"]


def test_search_starts_after_the_first_result_and_still_works(context, site):
    page = context.new_page()
    page.goto(site + "aidat/")
    page.wait_for_selector('[data-calculator][data-state="done"]', timeout=BOOT_TIMEOUT)
    page.click(".md-search__input")
    page.keyboard.type("aidat")
    page.wait_for_selector(".md-search-result__item", timeout=20_000)
    started = page.evaluate("""() => performance.getEntriesByType('resource')
        .filter((e) => e.name.includes('/workers/search')).map((e) => e.startTime)""")
    done_at = page.evaluate("performance.getEntriesByName('hesap-first-result')[0].startTime")  # set by hesap.js
    assert started and min(started) > min(done_at, 4900)  # held 5 s at most


def test_code_cache_is_warmed_once_per_build(context, site):
    version = json.loads((DIST / "version.json").read_text(encoding="utf-8"))["version"]
    page = context.new_page()
    warm = []
    page.on("worker", lambda w: warm.append(w.url) if "warm.mjs" in w.url else None)
    page.goto(site + "aidat/")
    page.wait_for_selector('[data-calculator][data-state="done"]', timeout=BOOT_TIMEOUT)
    page.wait_for_function("(v) => localStorage.getItem('hesap-warmed') === v", arg=version, timeout=BOOT_TIMEOUT)
    assert len(warm) == 2
    wait_kept(page)
    page.reload()
    page.wait_for_selector('[data-calculator][data-state="done"]', timeout=BOOT_TIMEOUT)
    page.wait_for_timeout(1000)
    assert len(warm) == 2  # not again for the same build
    assert page.get_attribute("[data-calculator]", "data-boot") == "snapshot"


def test_the_page_compiles_the_webassembly_once_for_the_worker(context, site):
    wasm = []
    context.on("request", lambda r: wasm.append(r.url)
               if r.url.endswith("pyodide.asm.wasm") and r.service_worker is None else None)  # not the precache
    page = context.new_page()
    page.goto(site + "aidat/")
    page.wait_for_selector('[data-calculator][data-state="done"]', timeout=BOOT_TIMEOUT)
    assert page.get_attribute("[data-calculator]", "data-boot") == "first"  # a first visit
    assert len(wasm) == 1  # the page's download; the worker asked for none


def test_the_worker_compiles_itself_when_the_page_cannot(context, site):
    served = []

    def first_broken(route):
        if route.request.service_worker is not None:  # the service worker's precache, after the start
            return route.continue_()
        served.append(route.request.url)
        if len(served) == 1:
            return route.fulfill(status=200, content_type="application/wasm", body=b"not webassembly")
        return route.continue_()
    context.route("**/pyodide/pyodide.asm.wasm", first_broken)
    page = context.new_page()
    page.goto(site + "aidat/")
    page.wait_for_selector('[data-calculator][data-state="done"]', timeout=BOOT_TIMEOUT)
    assert page.get_attribute("[data-calculator]", "data-boot") == "first"  # a first visit
    assert len(served) == 2


def test_the_worker_compiles_itself_when_the_page_module_is_refused_before_pyodide_asks(context, site):
    """The order that once made the start hang (the worker's own download waited for its own compile): the page's
    answer "no module" arrives before Pyodide's loader has asked for the file. Made certain here by answering
    for the page from inside the worker, one task after worker.mjs has run (the loader is not even imported then)."""
    wasm = []
    context.on("request", lambda r: wasm.append(r.url)
               if r.url.endswith("pyodide.asm.wasm") and r.service_worker is None else None)
    patch_worker(context, 'setTimeout(() => self.dispatchEvent(new MessageEvent("message", {data: {type: "wasm", module: null}})));')
    page = context.new_page()
    page.goto(site + "aidat/")
    page.wait_for_selector('[data-calculator][data-state="done"]', timeout=BOOT_TIMEOUT)
    assert page.get_attribute("[data-calculator]", "data-boot") == "first"  # a first visit
    assert len(wasm) == 2  # the page's (its module was not taken) and the worker's own; Emscripten asked for none


@pytest.mark.parametrize("late", [False, True])
def test_a_worker_that_cannot_start_says_so_and_keeps_the_example(context, site, late):
    context.route("**/pyodide/pyodide.asm.js", lambda route: route.fulfill(status=404, body="yok"))
    if late:
        run_late(context, "failed")
    page = context.new_page()
    page.goto(site + "aidat/")
    page.wait_for_selector("[data-calculator].hesap-unsupported", timeout=BOOT_TIMEOUT)
    assert "Python başlatılamadı" in page.inner_text("[data-calculator] .hesap-status")
    assert page.get_attribute("[data-calculator]", "data-state") == "prerendered"
    page.fill('[name="dues"]', "1000")  # typing does not pretend to compute
    page.wait_for_timeout(300)
    assert page.get_attribute("[data-calculator]", "data-state") == "prerendered"
    inputs = {"dues": "1000"}
    page.goto("about:blank")
    page.goto(site + "aidat/#girdi=" + quote(json.dumps(inputs)))
    page.wait_for_selector("[data-calculator].hesap-unsupported", timeout=BOOT_TIMEOUT)
    page.wait_for_timeout(300)
    assert page.get_attribute("[data-calculator]", "data-state") == "error"  # a link's inputs: never computed


REMOVE_COPIES = """async () => {
    // the worker's copies (private files and Cache Storage), once written and no longer being written (a file
    // open for writing refuses removal: a fixed pause would lose that race on a busy machine)
    const dir = await navigator.storage.getDirectory();
    try { for await (const name of dir.keys()) await dir.removeEntry(name); } catch (e) { return false; }
    await caches.delete("snapshot-copy");
    return !(await dir.keys().next()).value;
}"""


def test_offline_without_a_copy_starts_normally_from_the_precache(context, site):
    """A browser that lost its snapshot copy (or never kept one) still starts offline: Pyodide, the standard
    library and the wheel are precached, and the start makes a new copy."""
    page = context.new_page()
    page.goto(site + "aidat/")
    page.wait_for_selector('[data-calculator][data-state="done"]', timeout=BOOT_TIMEOUT)
    assert wait_kept(page)["where"] == "private"
    page.evaluate("async () => { await navigator.serviceWorker.ready; }")
    page.wait_for_function("() => navigator.serviceWorker.controller !== null", timeout=BOOT_TIMEOUT)
    page.wait_for_function("""async () => {
        const keys = await caches.keys(), name = keys.find((k) => k.startsWith("hesap-"));
        if (!name) return false;
        const urls = (await (await caches.open(name)).keys()).map((r) => r.url);
        return ["pyodide.asm.wasm", "python_stdlib.zip", ".whl"].every((f) => urls.some((u) => u.split("?")[0].endsWith(f)));
    }""", timeout=BOOT_TIMEOUT, polling=200)
    page.wait_for_function(REMOVE_COPIES, timeout=BOOT_TIMEOUT, polling=200)
    context.set_offline(True)
    page.reload()
    page.wait_for_selector('[data-calculator][data-state="done"]', timeout=BOOT_TIMEOUT)
    assert page.get_attribute("[data-calculator]", "data-boot") == "first"
    context.set_offline(False)


def patch_worker(context, prelude: str) -> None:
    """Runs `prelude` in the worker before worker.mjs itself (which has no static import, so it comes first)."""
    def patched(route):
        if route.request.service_worker is not None:  # the precache keeps the real file
            return route.continue_()
        route.fulfill(status=200, content_type="text/javascript", body=prelude + "\n" + route.fetch().text())
    context.route("**/assets/hesap/worker.mjs*", patched)


@contextlib.contextmanager
def first_visit_with_patched_worker(browser, site, prelude: str):
    """A fresh profile's first visit of the dues page, its worker running `prelude` first, on every load: no service
    worker (it would answer a reload with the unpatched file from its cache). Yields the page once it has a result."""
    context = browser.new_context(service_workers="block")
    try:
        patch_worker(context, prelude)
        page = context.new_page()
        page.goto(site + "aidat/")
        page.wait_for_selector('[data-calculator][data-state="done"]', timeout=BOOT_TIMEOUT)
        yield page
    finally:
        context.close()


@pytest.mark.parametrize("prelude", [
    "delete StorageManager.prototype.getDirectory;",  # WebKitGTK as shipped has no navigator.storage at all
    "StorageManager.prototype.getDirectory = function () { throw new TypeError('refused'); };",
    "StorageManager.prototype.getDirectory = () => Promise.reject(new DOMException('refused', 'SecurityError'));",
], ids=["missing", "throws", "rejects"])
def test_without_private_files_the_copy_is_kept_in_cache_storage(browser, site, prelude):
    with first_visit_with_patched_worker(browser, site, prelude) as page:
        assert page.evaluate("window.__hesapBoot")["boot"] == "first"
        assert wait_kept(page)["where"] == "cache"
        page.reload()
        page.wait_for_selector('[data-calculator][data-state="done"]', timeout=BOOT_TIMEOUT)
        boot = page.evaluate("window.__hesapBoot")
        assert boot["boot"] == "snapshot" and "no-private-copy" in boot["marks"], boot


def test_without_a_sync_access_handle_the_private_copy_is_written_as_a_stream(browser, site):
    with first_visit_with_patched_worker(browser, site, "delete FileSystemFileHandle.prototype.createSyncAccessHandle;") as page:
        kept = wait_kept(page)
        assert kept["where"] == "private"
        # the whole copy, not its first bytes: a stream may write in place, and a reload before it ends leaves half
        # a copy (which the next start refuses and replaces, as it should)
        page.wait_for_function("""async (size) => {
            const dir = await navigator.storage.getDirectory();
            for await (const [name, handle] of dir.entries())
              if (/^snapshot-.*\\.bin$/.test(name) && (await handle.getFile()).size === size) return true;
            return false; }""", arg=kept["bytes"], timeout=BOOT_TIMEOUT, polling=200)
        page.reload()
        page.wait_for_selector('[data-calculator][data-state="done"]', timeout=BOOT_TIMEOUT)
        boot = page.evaluate("window.__hesapBoot")
        assert boot["boot"] == "snapshot" and "copy" in boot["marks"], boot


def test_a_first_visit_on_a_slow_line_says_how_much_of_python_has_arrived(context, site):
    """Issue 21: while Python's WebAssembly downloads, the calculator says how much of it (on the wire) has
    arrived, and the example stays shown."""
    page = context.new_page()
    cdp = context.new_cdp_session(page)
    cdp.send("Network.enable")
    # about a 4G phone line (9 Mbit/s): the 2,8 MB of WebAssembly (gzip) take seconds, so the status is seen
    cdp.send("Network.emulateNetworkConditions", {"offline": False, "latency": 40, "downloadThroughput": 9e6 / 8,
                                                  "uploadThroughput": 2e6 / 8})
    page.goto(site + "aidat/")
    page.wait_for_function("""() => /Python indiriliyor: [0-9]+,[0-9] \\/ [0-9]+,[0-9] MB/.test(
        document.querySelector('[data-calculator]')?.textContent || '')""", timeout=BOOT_TIMEOUT)
    said = re.search(r"Python indiriliyor: ([0-9]+,[0-9]) / ([0-9]+,[0-9]) MB", page.inner_text("[data-calculator]"))
    wire = len(gzip.compress((DIST / "pyodide" / "pyodide.asm.wasm").read_bytes(), compresslevel=6, mtime=0))
    assert said.group(2) == f"{wire / 1e6:.1f}".replace(".", ","), said.group(0)  # the wire's megabytes, not unpacked
    assert page.get_attribute("[data-calculator]", "data-state") == "prerendered"  # the example stays usable
    assert page.query_selector("[data-calculator] output[data-result]") is not None
    cdp.send("Network.emulateNetworkConditions", {"offline": False, "latency": 0, "downloadThroughput": -1,
                                                  "uploadThroughput": -1})
    page.wait_for_selector('[data-calculator][data-state="done"]', timeout=BOOT_TIMEOUT)


WASM_AND_LOAD = """() => {
    const nav = performance.getEntriesByType('navigation')[0];
    const wasm = performance.getEntriesByType('resource').find((e) => e.name.split('?')[0].endsWith('/pyodide.asm.wasm'));
    return { wasm: wasm ? wasm.startTime : null, ready: nav.domContentLoadedEventStart, load: nav.loadEventEnd };
}"""


def test_a_first_visit_downloads_python_after_the_page_and_a_return_visit_at_once(context, site):
    """Over the network the page's own files come first (Python's 3 MB wait for the load event, so the text and the
    prerendered example are not slowed down); a return visit has everything on the device and starts at once."""
    page = context.new_page()
    page.goto(site + "aidat/")
    page.wait_for_selector('[data-calculator][data-state="done"]', timeout=BOOT_TIMEOUT)
    first = page.evaluate(WASM_AND_LOAD)
    assert first["wasm"] is not None and first["wasm"] >= first["load"] > 0, first
    page.wait_for_function("() => navigator.serviceWorker.controller !== null", timeout=BOOT_TIMEOUT)
    wait_kept(page)
    page.reload()
    page.wait_for_selector('[data-calculator][data-state="done"]', timeout=BOOT_TIMEOUT)
    again = page.evaluate(WASM_AND_LOAD)
    assert again["wasm"] is not None and again["wasm"] < again["ready"], again
