"""Issue 21: the next calculator without a restart. Material's instant navigation swaps the next page in and the
Python worker keeps running (site/static/hesap.js watchPages; site/overrides/partials/hesap-start.js.html)."""

from __future__ import annotations

import json
from urllib.parse import quote

import pytest

import calc
from calc.registry import get
from browserkit import wait_state

pytestmark = pytest.mark.browser
FIRST, NEXT = ("aidat/", "dues/split"), ("secim/yeter-sayi/", "election/quorum")
CSP_PROBE = """document.addEventListener("securitypolicyviolation",
  (e) => (window.__csp = window.__csp || []).push(e.violatedDirective + " " + (e.blockedURI || "inline")));"""
# what the page on screen is: set on window before a click, it survives only if the page was not reloaded
STATE = """() => ({kept: window.__kept || null, starts: window.__hesapStarts, path: location.pathname,
  calculator: document.querySelector('[data-calculator]')?.dataset.calculator || null, csp: window.__csp || []})"""


def link(page, href: str) -> str:
    """A link in the article, as an author (or a shared message pasted into one) would write it; returns its selector.
    Only once the theme has read the sitemap: before that it lets a click through as a plain link (a reader
    clicking that soon gets an ordinary page load or jump, which is fine; a test must know which it gets)."""
    page.wait_for_function("""() => performance.getEntriesByType('resource')
        .some((e) => e.name.split('?')[0].endsWith('/sitemap.xml') && e.responseEnd > 0)""")
    # the theme reads it after it arrived and says nothing when done: a loaded machine (the full suite) once
    # clicked in between, and the click went through as a plain jump
    page.wait_for_timeout(500)
    page.evaluate("""(href) => { const a = document.createElement('a'); a.id = 'hesap-test-link'; a.href = href;
        a.textContent = 'bağlantı'; document.getElementById('hesap-test-link')?.remove();
        document.querySelector('.md-content__inner').prepend(a); }""", href)
    return "#hesap-test-link"


def follow(page, href: str, calc_id: str) -> None:
    """Clicks a link and waits until the page it leads to shows a result Python computed."""
    page.click(link(page, href))
    page.wait_for_function("(id) => document.querySelector('[data-calculator]')?.dataset.calculator === id", arg=calc_id)
    assert wait_state(page) == "done", calc_id


def shown(page) -> dict:
    return json.loads(page.get_attribute("[data-calculator] output[data-result]", "data-json"))


def girdi(inputs: dict) -> str:
    return "#girdi=" + quote(json.dumps(inputs, ensure_ascii=False))


def test_the_next_calculator_page_keeps_python(context, site):
    context.add_init_script(CSP_PROBE)
    page = context.new_page()
    errors, workers = [], []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.on("worker", lambda w: workers.append(w.url) if "worker.mjs" in w.url else None)
    page.goto(site + FIRST[0])
    assert wait_state(page) == "done"
    page.evaluate("window.__kept = 'ilk sayfa'")

    follow(page, site + NEXT[0], NEXT[1])  # the next calculator: same document, same worker
    state = page.evaluate(STATE)
    assert state["kept"] == "ilk sayfa" and state["starts"] == 1 and len(workers) == 1, (state, workers)
    assert shown(page) == calc.run(NEXT[1], get(NEXT[1]).example_inputs())["result"]
    assert page.get_attribute("[data-calculator]", "data-boot") not in (None, "", "none")  # whichever path ran

    # the previous page's handlers are gone: a changed fragment is computed by this page's calculator alone
    page.evaluate("""() => { window.__posted = []; const w = window.__hesapWorker, post = w.postMessage.bind(w);
        w.postMessage = (m, t) => { if (m.id) window.__posted.push(m.id); post(m, t); }; }""")
    quorum = {"delegates": "158", "present": "80", "meeting": "first"}
    page.evaluate("(h) => { location.hash = h; }", girdi(quorum))
    page.wait_for_function("() => document.querySelector('[name=delegates]').value === '158'")
    assert wait_state(page) == "done" and shown(page) == calc.run(NEXT[1], quorum)["result"]
    assert page.evaluate("window.__posted") == [NEXT[1]]

    # a #girdi= link to this same page, followed in it (the theme pushes the URL: no hashchange)
    other = {"delegates": "7", "present": "4", "meeting": "first"}
    page.click(link(page, page.url.split("#")[0] + girdi(other)))
    page.wait_for_function("() => document.querySelector('[name=delegates]').value === '7'")
    page.wait_for_function("(r) => document.querySelector('[data-calculator][data-state=done] output')?.dataset.json === r",
                           arg=json.dumps(calc.run(NEXT[1], other)["result"], ensure_ascii=False, separators=(",", ":")))

    # a #girdi= link to another calculator page
    dues = {"dues": "1.234,56", "preset": "senim"}
    follow(page, site + FIRST[0] + girdi(dues), FIRST[1])
    assert page.input_value('[name="dues"]') == "1.234,56"
    assert shown(page) == calc.run(FIRST[1], dues)["result"]

    # back: the page returned to computes again, from the inputs its URL kept
    page.go_back()
    page.wait_for_function("(id) => document.querySelector('[data-calculator]')?.dataset.calculator === id", arg=NEXT[1])
    assert wait_state(page) == "done"
    assert page.input_value('[name="delegates"]') == "7" and shown(page) == calc.run(NEXT[1], other)["result"]
    page.fill('[name="delegates"]', "9")
    page.wait_for_function("() => JSON.parse(document.querySelector('[data-calculator][data-state=done] output')?.dataset.json || 'null')?.delegates === 9")
    state = page.evaluate(STATE)
    assert state["kept"] == "ilk sayfa" and state["starts"] == 1 and len(workers) == 1, (state, workers)
    assert state["csp"] == [] and errors == []


def test_a_visit_that_begins_on_an_article_starts_python_on_its_first_calculator(context, site):
    page = context.new_page()
    errors = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(site)
    assert page.evaluate("[window.__hesapStarts, typeof window.__hesapStart, window.__hesapWorker || null]") == [0, "function", None]
    page.evaluate("window.__kept = 'makale'")
    page.click(f'.md-content a[href$="/{FIRST[0]}"]')  # the home page's list of calculators
    page.wait_for_function("(id) => document.querySelector('[data-calculator]')?.dataset.calculator === id", arg=FIRST[1])
    assert wait_state(page) == "done"
    assert page.evaluate(STATE)["kept"] == "makale" and page.evaluate("window.__hesapStarts") == 1
    assert shown(page) == calc.run(FIRST[1], get(FIRST[1]).example_inputs())["result"]
    assert errors == []


def test_a_link_within_the_page_keeps_what_the_reader_typed(context, site):
    """The theme fetches the page on screen again for the first link within it after a load (a table of contents
    entry): the calculator stays as the reader left it, personal fields included (they are in no link)."""
    page = context.new_page()
    page.goto(site + "uyelik/dilekce/")
    assert wait_state(page) == "done"
    page.fill('[name="full_name"]', "Deneme Okur")
    assert wait_state(page) == "done"
    page.evaluate("window.__container = document.querySelector('[data-md-component=container]')")
    page.click(link(page, page.url.split("#")[0] + "#hesaplayici"))
    page.wait_for_function("""() => location.hash === '#hesaplayici' &&
        document.querySelector('[data-md-component=container]') !== window.__container""")  # the same page, again
    assert page.input_value('[name="full_name"]') == "Deneme Okur"
    assert "Deneme Okur" in page.inner_text("[data-calculator] output[data-result]")


def test_a_swapped_in_page_prints_copies_its_link_and_fills_presets(context, site):
    context.grant_permissions(["clipboard-read", "clipboard-write"])
    page = context.new_page()
    page.goto(site + FIRST[0])
    assert wait_state(page) == "done"
    follow(page, site + "maas/maas-hesaplama/", "pay/salary")
    page.select_option('[name="title"]', "uzman_tabip")
    page.fill('[name="grade"]', "1")
    page.dispatch_event('[name="grade"]', "change")
    page.wait_for_function("() => document.querySelector('[name=additional_indicator]').value === '4200'")  # the preset
    assert wait_state(page) == "done"
    page.click('[data-calculator] [data-action="copy"]')
    page.wait_for_function("() => document.querySelector('.hesap-status-text').textContent.startsWith('Bağlantı kopyalandı')")
    copied = page.evaluate("navigator.clipboard.readText()")
    assert copied == page.url and "/maas/maas-hesaplama/#girdi=" in copied and "uzman_tabip" in copied
    page.evaluate("() => window.dispatchEvent(new Event('beforeprint'))")
    stamps = page.eval_on_selector_all(".hesap-print-stamp", "ps => ps.map((p) => p.textContent)")
    assert len(stamps) == 1 and "Yazdırıldı" in stamps[0] and "/maas/maas-hesaplama/#girdi=" in stamps[0]
