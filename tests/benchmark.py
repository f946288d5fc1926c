"""`python3 build.py bench`: how fast a calculator page is interactive, against bare Pyodide, in one run.

Serves dist/ on 127.0.0.1 (counting the bytes it sends), drives Debian's Chromium, and measures for each path
the time from navigation start to the first result computed by Python, cold (new profile) and warm (reload):

- ours (snapshot): the calculator page as readers get it;
- ours (fallback): the same page forced to a normal Pyodide start (`?boot=normal`);
- bare: a page that only loads the same Pyodide on the main thread and imports decimal, json, datetime.

Then the recompute latency over 50 input changes, and the bytes sent for a cold visit. It prints every figure
and the ratios ours/bare. A benchmark, not a test: nothing here asserts a time.
"""

from __future__ import annotations

import functools
import http.server
import statistics
import sys
import threading
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests" / "browser"))
from browserkit import ARGS, CHROMIUM, DONE_PROBE, _Handler  # noqa: E402  (the same browser and server as the tests)
PAGE = "aidat/"
RECOMPUTE_INPUT = "dues"
BARE = b"""<!doctype html><meta charset="utf-8"><title>bare</title>
<script type="module">
import { loadPyodide } from "/pyodide/pyodide.mjs";
const py = await loadPyodide({ indexURL: "/pyodide/" });
py.runPython("import decimal, json, datetime");
window.__hesapDoneAt = performance.now();
document.body.dataset.done = "1";
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


def make_server(dist: Path, counter: Counter):
    lock_file = ROOT / "node_modules" / "pyodide" / "pyodide-lock.json"

    class Handler(_Handler):
        def do_GET(self):
            path = self.path.split("?")[0]
            if path == "/_bench/bare.html":
                return self._send(BARE, "text/html")
            if path == "/pyodide/pyodide-lock.json" and not (dist / "pyodide" / "pyodide-lock.json").exists():
                return self._send(lock_file.read_bytes(), "application/json")  # the bare page loads the lock
            return super().do_GET()

        def _send(self, body: bytes, ctype: str):
            self.send_response(200)
            self.send_header("Content-Type", ctype)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
            counter.add(len(body))

        def copyfile(self, source, outputfile):
            data = source.read()
            outputfile.write(data)
            counter.add(len(data))

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Handler, directory=str(dist)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def time_to_result(page, url: str, bare: bool) -> float:
    page.goto(url)
    if bare:
        page.wait_for_selector("body[data-done]", timeout=120_000)
    else:
        page.wait_for_function("() => window.__hesapDoneAt", timeout=120_000)
    return page.evaluate("window.__hesapDoneAt") / 1000


def measure_path(browser, base: str, url: str, counter: Counter, bare: bool) -> dict:
    ctx = browser.new_context()
    ctx.add_init_script(DONE_PROBE)
    page = ctx.new_page()
    counter.take()
    cold = time_to_result(page, base + url, bare)
    cold_bytes = counter.take()
    if not bare:  # let the service worker finish precaching, so the warm visit is a real return visit
        page.evaluate("navigator.serviceWorker.ready.then(() => true)")
        page.wait_for_function("() => navigator.serviceWorker.controller !== null", timeout=120_000)
        try:  # the first visit's code-cache warm-up (hesap.js, warmCodeCache) runs after the first result
            page.wait_for_function("() => localStorage.getItem('hesap-warmed')", timeout=15_000)
        except Exception:
            print("note: the code-cache warm-up did not finish; the warm figure includes compiling Pyodide's script")
    boot = None if bare else page.get_attribute("[data-calculator]", "data-boot")
    page.wait_for_timeout(1500)  # a return visit is never within a second; lets the page's caches settle
    counter.take()
    page.reload()
    page.wait_for_function("() => window.__hesapDoneAt", timeout=120_000)
    warm = page.evaluate("window.__hesapDoneAt") / 1000
    warm_boot = None if bare else page.get_attribute("[data-calculator]", "data-boot")
    ctx.close()
    return {"cold": cold, "warm": warm, "cold_bytes": cold_bytes, "boot": boot, "warm_boot": warm_boot}


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
    ctx = browser.new_context()
    page = ctx.new_page()
    page.goto(base + PAGE)
    page.wait_for_selector('[data-calculator][data-state="done"]', timeout=120_000)
    times = page.evaluate(RECOMPUTE, [RECOMPUTE_INPUT, n])
    ctx.close()
    return times


def main(dist: Path, runs: int = 3) -> None:
    from playwright.sync_api import sync_playwright

    counter = Counter()
    server = make_server(dist, counter)
    base = f"http://127.0.0.1:{server.server_address[1]}/"
    paths = {"ours (snapshot)": (PAGE, False), "ours (fallback)": (PAGE + "?boot=normal", False),
             "bare Pyodide": ("_bench/bare.html", True)}
    results = {name: [] for name in paths}
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        for _ in range(runs):
            for name, (url, bare) in paths.items():  # interleaved, so drift hits every path alike
                try:
                    results[name].append(measure_path(browser, base, url, counter, bare))
                except Exception as exc:  # a stuck run is reported, not allowed to sink the whole benchmark
                    print(f"{name}: run skipped ({type(exc).__name__}: {str(exc).splitlines()[0][:120]})")
        latency = recompute_latency(browser, base)
        browser.close()
    server.shutdown()

    med = {name: {k: statistics.median(r[k] for r in rs) for k in ("cold", "warm", "cold_bytes")}
           for name, rs in results.items()}
    bare = med["bare Pyodide"]
    print(f"\nHesap benchmark: {runs} runs each, medians; page {PAGE}; Chromium headless, 127.0.0.1\n")
    print(f"{'path':<18}{'cold s':>8}{'warm s':>8}{'cold MB':>9}{'cold/bare':>11}{'warm/bare':>11}{'bytes/bare':>12}  boot")
    for name, m in med.items():
        boots = sorted(({r["boot"] for r in results[name]} | {r["warm_boot"] for r in results[name]}) - {None})
        print(f"{name:<18}{m['cold']:>8.2f}{m['warm']:>8.2f}{m['cold_bytes'] / 1e6:>9.2f}"
              f"{m['cold'] / bare['cold']:>11.2f}{m['warm'] / bare['warm']:>11.2f}"
              f"{m['cold_bytes'] / bare['cold_bytes']:>12.2f}  {','.join(boots) or '-'}")
    q = statistics.quantiles(latency, n=20)
    print(f"\nrecompute after an input change ({len(latency)} changes): median {statistics.median(latency):.1f} ms, "
          f"p95 {q[18]:.1f} ms, max {max(latency):.1f} ms")
    print("cold MB: bytes the server sent until the first computed result (the service worker's precache comes after).")
