"""`python3 build.py bench [--engine chromium|firefox|webkit|all]`: how fast a calculator page is interactive,
against bare Pyodide in the same engine and run.

Serves dist/ on 127.0.0.1 (counting the bytes it sends), drives Debian's Chromium, Firefox ESR or WebKitGTK
(tests/browser/engines.py, as the tests do) and measures for each path the time from navigation start to the
first result computed by Python (the page's `hesap-first-result` performance mark), cold (new profile) and
warm (reload):

- ours: the calculator page as readers get it: the cold visit starts Python normally and leaves a snapshot in
  the browser, the warm visit starts from it;
- ours (normal): the same page forced to a normal Pyodide start on every visit (`?boot=normal`);
- bare: a page that only loads the same Pyodide release as npm ships it (its whole standard library, from
  node_modules/pyodide, served the same way) on the main thread and imports decimal, json, datetime.

Then the recompute latency over 50 input changes, the next calculator page (a link from a page with a result:
the click to that page's first result, Python kept running), and the bytes sent for a cold visit. It prints every figure
and the ratios ours/bare, one table per engine. A benchmark, not a test: nothing here asserts a time.
WebKit is WebKitGTK as shipped, under Xvfb: it has no private file system, so the snapshot copy is kept in
Cache Storage.
"""

from __future__ import annotations

import functools
import http.server
import json
import statistics
import sys
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests" / "browser"))
from browserkit import _Handler  # noqa: E402  (the same server and browsers as the tests)
import engines  # noqa: E402
PAGE = "aidat/"
RECOMPUTE_INPUT = "dues"
BARE = b"""<!doctype html><meta charset="utf-8"><title>bare</title>
<script type="module">
import { loadPyodide } from "/_bench/pyodide/pyodide.mjs";
const py = await loadPyodide({ indexURL: "/_bench/pyodide/" });
py.runPython("import decimal, json, datetime");
performance.mark("hesap-first-result");
</script><body>bare</body>"""



class Counter:
    def __init__(self):
        self.bytes = 0
        self.lock = threading.Lock()

    def add(self, n: int):
        with self.lock:
            self.bytes += n

    def take(self) -> int:
        with self.lock:
            n, self.bytes = self.bytes, 0
            return n


STOCK = ROOT / "node_modules" / "pyodide"  # the bare page's Pyodide, as npm ships it


def make_server(dist: Path, counter: Counter):
    class Handler(_Handler):
        def do_GET(self):
            path = self.path.split("?")[0]
            if path == "/_bench/bare.html":
                return self._send(BARE, "text/html")
            return super().do_GET()

        def translate_path(self, path):
            if path.startswith("/_bench/pyodide/"):  # gzipped like ours (hosting.HostHandler.send_head)
                return str(STOCK / path.split("?")[0].removeprefix("/_bench/pyodide/"))
            return super().translate_path(path)

        def _send(self, body: bytes, ctype: str):
            self.send_response(200)
            self.send_header("Content-Type", ctype)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
            counter.add(len(body))

        def sent(self, n: int):
            counter.add(n)

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Handler, directory=str(dist)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


FIRST_RESULT = "performance.getEntriesByName('hesap-first-result')[0]?.startTime ?? null"  # ms after navigation start
TIMEOUT = 180


def first_result(page) -> float:
    return page.wait(FIRST_RESULT, TIMEOUT, what="the first computed result") / 1000


def measure_path(browser, base: str, url: str, counter: Counter, bare: bool) -> dict:
    with browser.open() as page:
        counter.take()
        page.goto(base + url)
        cold = first_result(page)
        cold_bytes = counter.take()
        if not bare:  # let the service worker finish precaching, so the warm visit is a real return visit
            page.wait("!!navigator.serviceWorker && navigator.serviceWorker.controller !== null", TIMEOUT,
                      what="the service worker")
            try:  # the first visit's code-cache warm-up (hesap.js, warmCodeCache) runs after the first result
                page.wait("localStorage.getItem('hesap-warmed')", 15, what="the code-cache warm-up")
            except engines.EngineError:
                print("note: the code-cache warm-up did not finish; the warm figure includes compiling Pyodide's script")
            if "boot=normal" not in url:  # the snapshot the next visit starts from (worker.mjs "kept")
                page.wait("window.__hesapKept || null", TIMEOUT, what="the snapshot copy")
        visit_bytes = cold_bytes + counter.take()  # the whole first visit: the service worker's precache too
        boot = None if bare else page.js("window.__hesapBoot")
        time.sleep(1.5)  # a return visit is never within a second; lets the page's caches settle
        counter.take()
        page.reload()
        warm = first_result(page)
        warm_boot = None if bare else page.js("window.__hesapBoot")
    return {"cold": cold, "warm": warm, "cold_bytes": cold_bytes, "visit_bytes": visit_bytes, "boot": label(boot),
            "warm_boot": label(warm_boot)}


def label(boot: dict | None) -> str | None:
    """first, snapshot, fallback or normal (worker.mjs)."""
    return boot["boot"] if boot else None


RECOMPUTE = """async ([name, n]) => {
  const node = document.querySelector('[data-calculator]');
  const input = node.querySelector(`[name="${name}"]`);
  const times = [];
  for (let i = 0; i < n; i++) {
    const t = performance.now();
    const done = new Promise((res) => {
      const obs = new MutationObserver(() => {
        if (node.dataset.state === 'done' || node.dataset.state === 'error') { obs.disconnect(); res(); }
      });
      obs.observe(node, { attributes: true, attributeFilter: ['data-state'] });
    });
    input.value = String(1000 + i * 7) + ',50';
    input.dispatchEvent(new Event('input', { bubbles: true }));
    await done;
    times.push(performance.now() - t);
  }
  return times;
}"""


def recompute_latency(browser, base: str, n: int = 50) -> list[float]:
    with browser.open() as page:
        page.goto(base + PAGE)
        page.wait("!!document.querySelector('[data-calculator][data-state=\"done\"]')", TIMEOUT, what="the first result")
        return page.js(f"({RECOMPUTE})({json.dumps([RECOMPUTE_INPUT, n])})")


LINE = {"offline": False, "latency": 40, "downloadThroughput": 9e6 / 8, "uploadThroughput": 2e6 / 8}  # 4G, 9 Mbit/s


def phone_line(browser, base: str) -> dict[str, float]:
    """Chromium only: a cold visit of ours and of bare Pyodide on an emulated 4G phone line (the issue's 9 Mbit/s),
    where bytes count as much as CPU; seconds to the first computed result."""
    out = {}
    for path, url in (("ours", PAGE), ("bare Pyodide", "_bench/bare.html")):
        context = browser.browser.new_context()
        try:
            page = context.new_page()
            cdp = context.new_cdp_session(page)
            cdp.send("Network.enable")
            cdp.send("Network.emulateNetworkConditions", LINE)
            page.goto(base + url, timeout=TIMEOUT * 1000)
            page.wait_for_function("() => performance.getEntriesByName('hesap-first-result').length > 0",
                                   timeout=TIMEOUT * 1000)
            out[path] = page.evaluate("performance.getEntriesByName('hesap-first-result')[0].startTime") / 1000
        finally:
            context.close()
    return out


NEXT_PAGE = "secim/yeter-sayi/"  # another calculator page
# a link in the article, clicked at a time the page keeps; the theme's instant navigation takes it (Python stays up)
FOLLOW = """(url) => { const a = document.createElement('a'); a.href = url; a.textContent = 'sonraki';
  document.querySelector('.md-content__inner').prepend(a); window.__clickedAt = performance.now(); a.click(); return true; }"""
# ms from the click to the first result of the page it led to (hesap.js marks each page's first result)
AFTER_CLICK = """(() => { const t = performance.getEntriesByName('hesap-page-result').map((e) => e.startTime)
  .find((t) => t > window.__clickedAt); return t === undefined ? null : t - window.__clickedAt; })()"""


def next_page(browser, base: str, runs: int) -> list[float]:
    """From a calculator page with a result, a link to another calculator page: seconds from the click to that
    page's first result computed by Python, `runs` links back and forth in one visit."""
    hops = []
    with browser.open() as page:
        page.goto(base + PAGE)
        page.wait("!!document.querySelector('[data-calculator][data-state=\"done\"]')", TIMEOUT, what="the first result")
        try:  # the reader's next page, not the first visit's precache and warm-up (they share the cores)
            page.wait("localStorage.getItem('hesap-warmed')", TIMEOUT, what="the precache and the code-cache warm-up")
        except engines.EngineError:
            print("note: the code-cache warm-up did not finish; the next-page figure may include the precache")
        for k in range(runs):
            page.js(f"({FOLLOW})({json.dumps(base + (NEXT_PAGE if k % 2 == 0 else PAGE))})")
            hops.append(page.wait(AFTER_CLICK, TIMEOUT, what="the next page's first result") / 1000)
    return hops


def measure_engine(name: str, base: str, counter: Counter, runs: int) -> None:
    paths = {"ours": (PAGE, False), "ours (normal)": (PAGE + "?boot=normal", False),
             "bare Pyodide": ("_bench/bare.html", True)}
    results = {path: [] for path in paths}
    browser = engines.start(name)
    try:
        for _ in range(runs):
            for path, (url, bare) in paths.items():  # interleaved, so drift hits every path alike
                try:
                    results[path].append(measure_path(browser, base, url, counter, bare))
                except Exception as exc:  # a stuck run is reported, not allowed to sink the whole benchmark
                    print(f"{name} {path}: run skipped ({type(exc).__name__}: {str(exc).splitlines()[0][:160]})")
        latency = recompute_latency(browser, base)
        line = phone_line(browser, base) if name == "chromium" else None
        hops = next_page(browser, base, runs)
    finally:
        browser.close()

    med = {path: {k: statistics.median(r[k] for r in rs) for k in ("cold", "warm", "cold_bytes", "visit_bytes")}
           for path, rs in results.items() if rs}
    bare = med.get("bare Pyodide")
    how = "Xvfb" if name == "webkit" else "headless"
    print(f"\nHesap benchmark, {browser.version}: {runs} runs each, medians; page {PAGE}; {how}, 127.0.0.1\n")
    print(f"{'path':<18}{'cold s':>8}{'warm s':>8}{'cold MB':>9}{'visit MB':>10}{'cold/bare':>11}{'warm/bare':>11}"
          f"{'bytes/bare':>12}{'visit/bare':>12}  boot (cold; warm)")
    for path, m in med.items():
        def ratio(k, m=m):
            return f"{m[k] / bare[k]:.2f}" if bare else "-"

        def boots(key, path=path):
            return ",".join(sorted({r[key] for r in results[path]} - {None})) or "-"
        print(f"{path:<18}{m['cold']:>8.2f}{m['warm']:>8.2f}{m['cold_bytes'] / 1e6:>9.2f}{m['visit_bytes'] / 1e6:>10.2f}"
              f"{ratio('cold'):>11}{ratio('warm'):>11}{ratio('cold_bytes'):>12}{ratio('visit_bytes'):>12}  "
              f"{boots('boot')}; {boots('warm_boot')}")
    if line:
        print(f"\ncold visit on an emulated 4G line (9 Mbit/s, 40 ms): ours {line['ours']:.2f} s, bare "
              f"{line['bare Pyodide']:.2f} s, ours/bare {line['ours'] / line['bare Pyodide']:.2f}")
    q = statistics.quantiles(latency, n=20)
    print(f"\nrecompute after an input change ({len(latency)} changes): median {statistics.median(latency):.1f} ms, "
          f"p95 {q[18]:.1f} ms, max {max(latency):.1f} ms")
    hop = statistics.median(hops)
    print(f"next calculator page ({PAGE} ↔ {NEXT_PAGE}, {len(hops)} links, Python kept running): median {hop * 1000:.0f} ms "
          f"from the click to its first result" + (f", {hop / bare['warm']:.2f} × bare Pyodide's warm start" if bare else ""))


def main(dist: Path, runs: int = 3, names: list[str] = ("chromium",)) -> None:
    counter = Counter()
    server = make_server(dist, counter)
    base = f"http://127.0.0.1:{server.server_address[1]}/"
    try:
        for name in names:
            measure_engine(name, base, counter, runs)
    finally:
        server.shutdown()
    print("\ncold MB: bytes on the wire until the first computed result; visit MB: the whole first visit, the service "
          "worker's precache included. Served as a host would (site/hosting.py: gzip for text, JS, JSON, WebAssembly).")
    print("The machine may be shared: compare ratios within one engine and run, not seconds across runs.")
