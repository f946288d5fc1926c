"""Firefox and WebKit behind one small interface, for tests/browser/test_engines.py and the benchmark.

- Firefox ESR (Debian, /usr/bin/firefox-esr) over WebDriver BiDi: npm puppeteer-core in a Node process
  (tests/browser/bidi.mjs), one browser per pytest session, a fresh browser context per `open()`.
- WebKitGTK (Debian webkit2gtk-driver: WebKitWebDriver and its MiniBrowser) through PyPI selenium, on a virtual
  X screen (Debian xvfb) started here unless DISPLAY is set; a fresh automation session (an ephemeral profile)
  per `open()`. WebKitGTK ships the storage API and the origin private file system switched off; Safari has
  them on: `open(private_files=True)` switches them on, as Safari has them.

- Chromium (Debian, /usr/bin/chromium) through Playwright, as in conftest.py, a fresh context per `open()`.

A page here knows goto, reload, js (an expression, awaited in the page) and wait (until an expression is
truthy); that is all the engine tests and the benchmark need.
"""

from __future__ import annotations

import glob
import json
import os
import subprocess
import time
from pathlib import Path

from browserkit import ARGS, CHROMIUM, FIREFOX, ROOT, WEBKIT_DRIVER, XVFB

BRIDGE = Path(__file__).with_name("bidi.mjs")
# WebKit features Safari has on and WebKitGTK off (MiniBrowser --features=help)
SAFARI_STORAGE = "+StorageAPI,+StorageAPIEstimate,+FileSystem,+AccessHandle,+FileSystemWritableStream"
LOAD_TIMEOUT = 120


def minibrowser() -> str | None:
    found = sorted(glob.glob("/usr/lib/*/webkit2gtk-4.*/MiniBrowser"))
    return found[-1] if found else None


class EngineError(RuntimeError):
    pass


class Page:
    """What the tests do with a page, in any engine."""

    def goto(self, url: str) -> None: raise NotImplementedError
    def reload(self) -> None: raise NotImplementedError
    def js(self, expr: str): raise NotImplementedError
    def close(self) -> None: raise NotImplementedError

    def wait(self, expr: str, timeout: float = 60, what: str = "") -> object:
        """Polls `expr` until it is truthy; fails with the page's state when it is not within `timeout` s."""
        deadline = time.monotonic() + timeout
        while True:
            value = self.js(expr)
            if value:
                return value
            if time.monotonic() > deadline:
                state = self.js("""{url: location.href, state: document.querySelector('[data-calculator]')?.dataset.state,
                    status: document.querySelector('[data-calculator] .hesap-status')?.textContent}""")
                raise EngineError(f"{self.engine}: timed out waiting for {what or expr}: {state}")
            time.sleep(0.1)

    def attr(self, selector: str, name: str):
        return self.js(f"document.querySelector({json.dumps(selector)})?.getAttribute({json.dumps(name)}) ?? null")

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()


# ---------------------------------------------------------------- Chromium

class Chromium:
    name = "chromium"

    def __init__(self, browser=None):
        """`browser`: a Playwright browser already running (the tests' own); else one is started here."""
        self.playwright = None
        if browser is None:
            from playwright.sync_api import sync_playwright
            self.playwright = sync_playwright().start()
            browser = self.playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        self.browser = browser
        self.version = f"chromium {browser.version}"

    def open(self, private_files: bool = True) -> "ChromiumPage":
        context = self.browser.new_context()
        return ChromiumPage(context, context.new_page())

    def close(self) -> None:
        if self.playwright:
            self.browser.close()
            self.playwright.stop()


class ChromiumPage(Page):
    engine = "chromium"

    def __init__(self, context, page):
        self.context, self.page = context, page
        self.page_errors = []
        page.on("pageerror", lambda e: self.page_errors.append(str(e)))

    def goto(self, url: str) -> None:
        self.page.goto(url, timeout=LOAD_TIMEOUT * 1000)

    def reload(self) -> None:
        self.page.reload(timeout=LOAD_TIMEOUT * 1000)

    def js(self, expr: str):
        return self.page.evaluate(f"async () => ({expr})")

    def errors(self) -> list[str]:
        return self.page_errors

    def close(self) -> None:
        self.context.close()


# ---------------------------------------------------------------- Firefox

class Firefox:
    name = "firefox"

    def __init__(self, executable: str = FIREFOX):
        env = {**os.environ, "PUPPETEER_SKIP_DOWNLOAD": "1"}
        self.proc = subprocess.Popen(["node", str(BRIDGE), executable], cwd=ROOT, env=env, text=True,
                                     stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=None)
        self.seq = 0
        self.version = self._answer(0)

    def _answer(self, want: int):
        line = self.proc.stdout.readline()
        if not line:
            raise EngineError(f"firefox: the BiDi bridge stopped (exit {self.proc.poll()})")
        answer = json.loads(line)
        if answer["id"] != want:
            raise EngineError(f"firefox: answer {answer['id']} for request {want}")
        if "error" in answer:
            raise EngineError(f"firefox: {answer['error']}")
        return answer["value"]

    def call(self, op: str, **args):
        self.seq += 1
        self.proc.stdin.write(json.dumps({"id": self.seq, "op": op, **args}) + "\n")
        self.proc.stdin.flush()
        return self._answer(self.seq)

    def open(self, private_files: bool = True) -> "FirefoxPage":
        return FirefoxPage(self, self.call("open"))

    def close(self) -> None:
        try:
            self.proc.stdin.write(json.dumps({"id": 0, "op": "quit"}) + "\n")
            self.proc.stdin.close()
            self.proc.wait(timeout=30)
        except Exception:
            self.proc.kill()


class FirefoxPage(Page):
    engine = "firefox"

    def __init__(self, browser: Firefox, handle: int):
        self.browser, self.handle = browser, handle

    def goto(self, url: str) -> None:
        self.browser.call("goto", handle=self.handle, url=url, timeout=LOAD_TIMEOUT * 1000)

    def reload(self) -> None:
        self.browser.call("reload", handle=self.handle, timeout=LOAD_TIMEOUT * 1000)

    def js(self, expr: str):
        return self.browser.call("eval", handle=self.handle, expr=expr)

    def errors(self) -> list[str]:
        return self.browser.call("errors", handle=self.handle)

    def close(self) -> None:
        self.browser.call("close", handle=self.handle)


# ---------------------------------------------------------------- WebKit

class VirtualScreen:
    """Xvfb on a free display number (it picks one and tells us through -displayfd)."""

    def __init__(self):
        read, write = os.pipe()
        self.proc = subprocess.Popen([XVFB, "-displayfd", str(write), "-nolisten", "tcp", "-screen", "0", "1280x1024x24"],
                                     pass_fds=(write,), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        os.close(write)
        with os.fdopen(read) as f:
            number = f.readline().strip()
        if not number:
            raise EngineError(f"Xvfb did not start (exit {self.proc.poll()})")
        self.display = f":{number}"

    def close(self) -> None:
        self.proc.terminate()
        self.proc.wait(timeout=10)


class WebKit:
    name = "webkit"

    def __init__(self):
        from selenium.webdriver.webkitgtk.service import Service  # noqa: F401  (fails early when not installed)
        self.screen = None if os.environ.get("DISPLAY") else VirtualScreen()
        self.display = os.environ.get("DISPLAY") or self.screen.display
        self.version = "WebKitGTK"
        self.binary = minibrowser()
        if not self.binary:
            raise EngineError("MiniBrowser (Debian libwebkit2gtk-4.1-0) is missing")

    def open(self, private_files: bool = False) -> "WebKitPage":
        from selenium import webdriver
        from selenium.webdriver.webkitgtk.options import Options
        from selenium.webdriver.webkitgtk.service import Service

        options = Options()
        options.binary_location = self.binary
        options.add_argument("--automation")
        if private_files:
            options.add_argument(f"--features={SAFARI_STORAGE}")
        service = Service(WEBKIT_DRIVER, env={**os.environ, "DISPLAY": self.display}, log_output=subprocess.DEVNULL)
        driver = webdriver.WebKitGTK(options=options, service=service)
        self.version = f"WebKitGTK {driver.capabilities.get('browserVersion', '')}"
        driver.set_page_load_timeout(LOAD_TIMEOUT)
        driver.set_script_timeout(LOAD_TIMEOUT)
        return WebKitPage(driver)

    def close(self) -> None:
        if self.screen:
            self.screen.close()


class WebKitPage(Page):
    engine = "webkit"
    SCRIPT = """const done = arguments[arguments.length - 1];
(async () => (%s))().then((v) => done({v: v === undefined ? null : v}), (e) => done({e: String(e && e.message || e)}));"""

    def __init__(self, driver):
        self.driver = driver

    def goto(self, url: str) -> None:
        self.driver.get(url)

    def reload(self) -> None:
        self.driver.refresh()

    def js(self, expr: str):
        answer = self.driver.execute_async_script(self.SCRIPT % expr)
        if "e" in answer:
            raise EngineError(f"webkit: {answer['e']}")
        return answer["v"]

    def errors(self) -> list[str]:
        return []  # WebKitWebDriver reports no page errors; the results are compared instead

    def close(self) -> None:
        self.driver.quit()


ENGINES = {"chromium": Chromium, "firefox": Firefox, "webkit": WebKit}


def start(name: str):
    return ENGINES[name]()
