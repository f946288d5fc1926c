"""Issue 8 in the browser: an offline copy of the old build picks up a new period after one online reload."""

from __future__ import annotations

import http.server
import threading

import pytest

from browserkit import DIST, _Handler
from calc import staff

pytestmark = pytest.mark.browser
PAGE = "maas/maas-hesaplama/"


def test_offline_copy_updates_to_the_new_period(browser, next_period_site):
    state = {"dir": str(DIST)}

    class Switchable(_Handler):
        def __init__(self, *a, **kw):
            super().__init__(*a, directory=state["dir"], **kw)

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Switchable)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}/"
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
