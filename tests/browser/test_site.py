"""End-to-end: every calculator page computes in the browser what the CLI computes, offline too."""

from __future__ import annotations

import json
from urllib.parse import quote

import pytest

import calc
from calc.registry import get
from browserkit import BREAK_COPY, wait_kept, wait_state

pytestmark = pytest.mark.browser
BOOT_TIMEOUT = 60_000


def page_result(page) -> dict:
    return json.loads(page.get_attribute("[data-calculator] output[data-result]", "data-json"))


def example(calc_id: str) -> dict:
    return get(calc_id).example_inputs()


def test_index_lists_every_calculator(calculators_index):
    assert sorted(e["id"] for e in calculators_index) == sorted(c.id for c in calc.calculators())


def test_prerendered_example_without_javascript(browser, site, calculators_index):
    ctx = browser.new_context(java_script_enabled=False)
    page = ctx.new_page()
    for entry in calculators_index:
        page.goto(site + entry["url"])
        node = page.locator(f'[data-calculator="{entry["id"]}"]')
        assert node.get_attribute("data-state") == "prerendered"
        shown = json.loads(node.locator("output[data-result]").get_attribute("data-json"))
        assert shown == calc.run(entry["id"], example(entry["id"]))["result"]
    ctx.close()


def test_every_calculator_matches_the_cli(context, site, calculators_index):
    page = context.new_page()
    errors = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    for i, entry in enumerate(calculators_index):
        cid = entry["id"]
        page.goto(site + entry["url"])
        assert wait_state(page) == "done", cid
        assert page_result(page) == calc.run(cid, example(cid))["result"], cid
        # the first page starts Python normally and keeps a snapshot; every later page starts from it
        assert page.get_attribute("[data-calculator]", "data-boot") == ("first" if i == 0 else "snapshot"), cid
        if i == 0:
            assert wait_kept(page)["where"] == "private"
        # a shared link: the fragment's inputs, and the page recomputes them on load (a fresh load: a reload would
        # read the fragment the page rewrote, which never holds personal fields)
        inputs = example(cid)
        page.goto("about:blank")
        page.goto(site + entry["url"] + "#girdi=" + quote(json.dumps(inputs, ensure_ascii=False)))
        assert wait_state(page) == "done", cid
        assert page_result(page) == calc.run(cid, inputs)["result"], cid
    assert errors == []


def test_shared_link_with_other_inputs(context, site):
    page = context.new_page()
    inputs = {"dues": "1.234,56", "preset": "senim"}
    page.goto(site + "aidat/#girdi=" + quote(json.dumps(inputs, ensure_ascii=False)))
    assert wait_state(page) == "done"
    assert page_result(page) == calc.run("dues/split", inputs)["result"]
    assert page.input_value('[name="dues"]') == "1.234,56"


def test_bad_input_shows_turkish_message_next_to_the_field(context, site, calculators_index):
    page = context.new_page()
    for entry in calculators_index:
        c = get(entry["id"])
        numeric = next((f for f in c.inputs if f.type in ("money", "decimal", "integer")), None)
        if numeric is None:
            continue
        page.goto(site + entry["url"])
        wait_state(page)
        page.fill(f'[data-calculator] [name="{numeric.name}"]', "abc")
        assert wait_state(page, ("error",)) == "error", c.id
        msg = page.locator(f'[data-field="{numeric.name}"] .hesap-error')
        assert msg.is_visible(), c.id
        assert numeric.label in msg.inner_text() and "sayı değil" in msg.inner_text(), c.id
        with pytest.raises(calc.InputError):
            calc.run(c.id, {**example(c.id), numeric.name: "abc"})


def test_recompute_on_input_change(context, site):
    page = context.new_page()
    page.goto(site + "aidat/")
    wait_state(page)
    page.fill('[name="dues"]', "1000")
    page.wait_for_function("() => document.querySelector('[data-calculator] output').dataset.json?.includes('650.00')")
    assert wait_state(page) == "done"
    assert page_result(page)["primary_organisation"] == "650.00"
    assert "girdi=" in page.url


def test_offline_after_one_visit(context, site, calculators_index):
    page = context.new_page()
    first, second = calculators_index[0], calculators_index[-1]
    page.goto(site + first["url"])
    wait_state(page)
    wait_kept(page)
    page.evaluate("async () => { const r = await navigator.serviceWorker.ready; return !!r.active; }")
    page.wait_for_function("() => navigator.serviceWorker.controller !== null", timeout=BOOT_TIMEOUT)
    context.set_offline(True)
    page.reload()
    assert wait_state(page) == "done"
    assert page.get_attribute("[data-calculator]", "data-boot") == "snapshot"  # the copy the first visit kept
    page.goto(site + second["url"])
    assert wait_state(page) == "done"
    assert page_result(page) == calc.run(second["id"], example(second["id"]))["result"]
    context.set_offline(False)


def test_two_tabs_opened_together_both_start_from_the_copy(context, site, calculators_index):
    """The copy is read through a read-only handle (worker.mjs readPrivate), which several starts may hold at once:
    two tabs opened together both start from it, and it is still there for the next one."""
    first = context.new_page()
    first.goto(site + calculators_index[0]["url"])
    wait_state(first)
    wait_kept(first)
    first.close()
    tabs = [context.new_page(), context.new_page()]
    for tab, entry in zip(tabs, calculators_index[1:3], strict=True):
        tab.goto(site + entry["url"], wait_until="commit")
    for tab in tabs:
        assert wait_state(tab) == "done"
        assert tab.get_attribute("[data-calculator]", "data-boot") == "snapshot"
        assert tab.evaluate("window.__hesapBoot.marks['copy-read']") == "handle"
        tab.close()
    last = context.new_page()
    last.goto(site + calculators_index[3]["url"])
    assert wait_state(last) == "done"
    assert last.get_attribute("[data-calculator]", "data-boot") == "snapshot"


def test_keyboard_only_and_labels(context, site, calculators_index):
    page = context.new_page()
    for entry in calculators_index:
        page.goto(site + entry["url"])
        unlabeled = page.evaluate("""() => [...document.querySelectorAll('[data-calculator] input, [data-calculator] select, [data-calculator] textarea')]
            .filter(e => !(e.labels && e.labels.length) && !e.getAttribute('aria-label')).map(e => e.name)""")
        assert unlabeled == [], entry["id"]
    page.goto(site + "aidat/")
    wait_state(page)
    page.focus('[name="dues"]')
    page.keyboard.press("Control+A")
    page.keyboard.type("2000")
    page.keyboard.press("Tab")
    page.wait_for_function("() => document.querySelector('[data-calculator] output').dataset.json?.includes('1300.00')")
    assert page.evaluate("document.activeElement.name") == "preset"
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.tagName") in ("INPUT", "BUTTON", "SELECT")


def test_fallback_start_gives_the_same_results(context, site, calculators_index):
    """A copy that does not start (here: its header broken): the worker starts Pyodide normally, every calculator
    still agrees with the CLI, and the copy is not made and tried again on every other visit."""
    page = context.new_page()
    page.goto(site + calculators_index[0]["url"])
    wait_state(page)
    wait_kept(page)
    page.wait_for_function("() => " + BREAK_COPY, timeout=BOOT_TIMEOUT, polling=200)
    for i, entry in enumerate(calculators_index):
        page.goto(site + entry["url"])
        assert wait_state(page) == "done", entry["id"]
        assert page.get_attribute("[data-calculator]", "data-boot") == "fallback", entry["id"]
        assert page_result(page) == calc.run(entry["id"], example(entry["id"]))["result"], entry["id"]
        if i == 0:
            page.wait_for_function(REFUSED, timeout=BOOT_TIMEOUT, polling=200)
        else:
            assert "copy-refused" in page.evaluate("window.__hesapBoot")["marks"], entry["id"]


REFUSED = """async () => {
    const dir = await navigator.storage.getDirectory();
    for await (const [name, handle] of dir.entries())
        if (/^snapshot-.*\\.bin$/.test(name) && (await handle.getFile()).size === 4) return true;
    return false;
}"""

def test_browser_without_webassembly_keeps_the_example_and_says_why(browser, site):
    ctx = browser.new_context()
    ctx.add_init_script("delete window.WebAssembly")
    page = ctx.new_page()
    page.goto(site + "aidat/")
    page.wait_for_selector(".hesap-unsupported", timeout=10_000)
    assert page.get_attribute("[data-calculator]", "data-state") == "prerendered"
    assert "WebAssembly" in page.inner_text("[data-calculator] .hesap-status")
    shown = json.loads(page.get_attribute("[data-calculator] output[data-result]", "data-json"))
    assert shown == calc.run("dues/split", example("dues/split"))["result"]
    assert page.locator(".hesap-params table").count() >= 1  # the parameter tables are still there
    ctx.close()


def test_the_prerendered_result_stays_in_place_when_python_agrees(context, site):
    """Python's first result for the example is the prerendered one: it is not painted again (a late repaint
    of the largest element is what the phone audit counted as the page's main content arriving late)."""
    page = context.new_page()
    page.add_init_script("""document.addEventListener("DOMContentLoaded", () => {
        window.__prerendered = document.querySelector("[data-calculator] output[data-result] .hesap-main"); });""")
    page.goto(site + "aidat/")
    assert wait_state(page) == "done"
    assert page.evaluate("document.querySelector('[data-calculator] output[data-result] .hesap-main') === window.__prerendered")
    page.fill('[name="dues"]', "2000")
    page.wait_for_function("() => document.querySelector('[data-calculator] output').dataset.json?.includes('1300.00')")
    assert page.evaluate("document.querySelector('[data-calculator] output[data-result] .hesap-main') !== window.__prerendered")
    page.fill('[name="dues"]', "")  # an error, then the example's value again: shown again, not left as the error
    page.wait_for_selector("[data-calculator] .hesap-error-summary")
    page.fill('[name="dues"]', "250")
    assert wait_state(page) == "done"
    assert page.query_selector("[data-calculator] .hesap-error-summary") is None
    assert page.query_selector("[data-calculator] output[data-result] .hesap-main") is not None
