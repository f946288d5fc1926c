"""Issue 8 in the browser: an offline copy of the old build picks up a new period after one online reload; the next
page reached by instant navigation from a newer build is loaded in full (issue 21)."""

from __future__ import annotations

import http.server
import json
import threading

import pytest

from browserkit import DIST, _Handler
from calc import staff

pytestmark = pytest.mark.browser
PAGE = "maas/maas-hesaplama/"


def switchable_server():
    """dist/ on its own port; `state["dir"]` switches what it serves (staff publishing a rebuilt site)."""
    state = {"dir": str(DIST)}

    class Switchable(_Handler):
        def __init__(self, *a, **kw):
            super().__init__(*a, directory=state["dir"], **kw)

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Switchable)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, state, f"http://127.0.0.1:{server.server_address[1]}/"


def test_offline_copy_updates_to_the_new_period(browser, next_period_site):
    server, state, base = switchable_server()
    ctx = browser.new_context()
    page = ctx.new_page()
    try:
        page.goto(base + PAGE)
        page.wait_for_selector('[data-calculator][data-state="done"]', timeout=60_000)
        page.wait_for_function("() => navigator.serviceWorker.controller !== null", timeout=60_000)
        assert "2026 Temmuz" in page.inner_text("[data-calculator] .hesap-period")

        ctx.set_offline(True)  # the reader's offline copy: still the old tables
        page.reload()
        page.wait_for_selector('[data-calculator][data-state="done"]', timeout=60_000)
        assert "2026 Temmuz" in page.inner_text("[data-calculator] .hesap-period")

        new_title = staff.period_title(next_period_site["salary"])
        state["dir"] = str(next_period_site["root"] / "dist")  # staff publish the rebuilt site
        ctx.set_offline(False)
        # one online visit (the page itself, not a link carrying the old month in its #girdi= fragment); the worked
        # example names its month (2026 Temmuz) for ever, the new build lists the new period and computes it
        page.goto(base + PAGE)
        try:
            page.wait_for_function(
                "(t) => document.querySelector('[data-calculator] [data-field=month] .hesap-help')?.textContent.includes(t)",
                arg=new_title, timeout=60_000)
            page.fill('[data-calculator] [name="month"]', f"{staff.period_start(next_period_site['salary']):%Y-%m}")
            page.wait_for_function(
                "(t) => document.querySelector('[data-calculator][data-state=done] .hesap-period')?.textContent.includes(t)",
                arg=new_title, timeout=60_000)
        except Exception:
            state_now = page.evaluate("""() => ({url: location.href, state: document.querySelector('[data-calculator]')?.dataset.state,
                period: document.querySelector('[data-calculator] .hesap-period')?.textContent, online: navigator.onLine,
                reloaded: sessionStorage.getItem('hesap-reloaded-for'), script: [...document.scripts].map(s => s.src).find(s => s.includes('hesap.js'))})""")
            pytest.fail(f"the page did not move to the new period: {state_now}")
        page.wait_for_selector(".hesap-updated", timeout=10_000)  # the page says the site was updated
        assert "güncellendi" in page.inner_text(".hesap-updated")
    finally:
        ctx.close()
        server.shutdown()


def test_the_next_page_of_a_newer_build_is_loaded_in_full(browser, next_period_site):
    """Instant navigation asks the service worker for the next page, which answers from the network first: a page
    of the new build arrives, and it never runs with the old build's script and worker (hesap.js loads it in full)."""
    new = json.loads((next_period_site["root"] / "dist" / "version.json").read_text(encoding="utf-8"))["version"]
    server, state, base = switchable_server()
    ctx = browser.new_context()
    page = ctx.new_page()
    try:
        page.goto(base + "aidat/")
        page.wait_for_selector('[data-calculator][data-state="done"]', timeout=60_000)
        page.wait_for_function("() => navigator.serviceWorker.controller !== null", timeout=60_000)
        # the page's own update checks (on load and 4 s later, hesap.js checkForUpdate) are behind it: only the
        # next page can tell it about the new build
        page.wait_for_function("""() => performance.getEntriesByType('resource')
            .filter((e) => e.name.endsWith('/version.json')).length >= 2""", timeout=20_000)
        page.evaluate("window.__kept = 'eski derleme'")
        state["dir"] = str(next_period_site["root"] / "dist")  # staff publish the rebuilt site
        page.evaluate("""(href) => { const a = document.createElement('a'); a.id = 'next'; a.href = href; a.textContent = 'maaş';
            document.querySelector('.md-content__inner').prepend(a); }""", base + PAGE)
        page.click("#next")
        page.wait_for_function("(v) => !window.__kept && document.querySelector(`script[src*='hesap.js?v=${v}']`)", arg=new,
                               timeout=60_000)
        page.wait_for_selector('[data-calculator][data-state="done"]', timeout=60_000)
        assert page.evaluate("location.pathname") == "/" + PAGE
        assert page.evaluate("window.__hesapStarts") == 1
        page.wait_for_selector(".hesap-updated", timeout=10_000)  # the page says the site was updated
    finally:
        ctx.close()
        server.shutdown()
