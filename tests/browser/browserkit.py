"""What the browser tests share: where the build is, which browsers they drive, how Chromium starts, a static
server (a plain module: test files never import conftest, whose name two folders share; build.py reads BROWSERS)."""

from __future__ import annotations

import fnmatch
import functools
import http.server
import sys
import threading
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
DIST = ROOT / "dist"
CHROMIUM = "/usr/bin/chromium"
FIREFOX = "/usr/bin/firefox-esr"
WEBKIT_DRIVER = "/usr/bin/WebKitWebDriver"
XVFB = "/usr/bin/Xvfb"
# Debian package → the file the tests need from it. `python3 build.py test` installs what is missing.
BROWSERS = {"chromium": CHROMIUM, "firefox-esr": FIREFOX, "webkit2gtk-driver": WEBKIT_DRIVER, "xvfb": XVFB}
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--disable-quic", "--no-first-run"]


sys.path.insert(0, str(ROOT / "site"))
from hosting import HostHandler  # noqa: E402


class _Handler(HostHandler):
    """dist/ served as a host serves it (site/hosting.py: gzip, caching headers)."""


def serve(directory: Path):
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Handler, directory=str(directory)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


class Site:
    """dist/ on its own 127.0.0.1 port (its own origin: no storage shared with another test), with switches a
    test flips in any engine: `offline` (every request dropped unanswered, as when the network is gone) and
    `broken` (path patterns answered with bytes that are not what was asked for)."""

    def __init__(self, directory: Path = DIST):
        self.offline = False
        self.broken: set[str] = set()
        site = self

        class Handler(_Handler):
            def do_GET(self):
                if site.offline:
                    self.close_connection = True
                    return  # no answer at all: the browser sees a network error
                if any(fnmatch.fnmatch(self.path.split("?")[0], p) for p in site.broken):
                    body = b"not what was asked for"
                    self.send_response(200)
                    self.send_header("Content-Type", "application/octet-stream")
                    self.send_header("Content-Length", str(len(body)))
                    self.end_headers()
                    self.wfile.write(body)
                    return
                super().do_GET()

        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Handler, directory=str(directory)))
        threading.Thread(target=self.server.serve_forever, daemon=True).start()
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/"

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


BOOT_TIMEOUT = 60_000  # ms: Python's start on a loaded 2-core machine


def wait_state(page, states=("done",), timeout=BOOT_TIMEOUT) -> str:
    """Waits until the page's calculator is in one of `states`; returns the state it reached."""
    sel = ", ".join(f'[data-calculator][data-state="{s}"]' for s in states)
    page.wait_for_selector(sel, timeout=timeout)
    return page.eval_on_selector("[data-calculator]", "e => e.dataset.state")


def wait_kept(page, timeout=BOOT_TIMEOUT) -> dict:
    """Waits until a first visit's worker has written the snapshot copy the next start uses (worker.mjs "kept");
    returns where it went ({where: "private" | "cache" | None, bytes, ms})."""
    page.wait_for_function("() => window.__hesapKept !== undefined", timeout=timeout)
    return page.evaluate("window.__hesapKept")


# Breaks the copy's first stored page, where Pyodide's own header starts (format: worker.mjs toSparse), in the
# private files or in Cache Storage; says which (null: none found, or its file is busy). An expression, for every
# engine's page.js; Playwright waits on it as `() => ` + BREAK_COPY.
BREAK_COPY = """(async () => {
  const broken = (bytes) => { const n = new DataView(bytes.buffer).getUint32(12, true); bytes.set([1, 2, 3, 4], 16 + 4 * n); return bytes; };
  try {
    const dir = await navigator.storage.getDirectory();
    for await (const [name, handle] of dir.entries()) {
      if (!/^snapshot-.*\\.bin$/.test(name)) continue;
      const bytes = broken(new Uint8Array(await (await handle.getFile()).arrayBuffer()));
      const out = await handle.createWritable(); await out.write(bytes); await out.close();
      return "private";
    }
  } catch (e) { /* none here: Cache Storage */ }
  const cache = await caches.open("snapshot-copy");
  for (const req of await cache.keys()) {
    await cache.put(req, new Response(broken(new Uint8Array(await (await cache.match(req)).arrayBuffer()))));
    return "cache";
  }
  return null;
})()"""
