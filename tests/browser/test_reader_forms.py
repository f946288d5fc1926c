"""Forms as readers use them (issue 20): required fields, Turkish money, links without personal data, links that
change, one renderer, phones and paper. Every calculator page, in Chromium."""

from __future__ import annotations

import json
import os
import re
from pathlib import Path
from urllib.parse import quote, unquote

import pytest

import calc
from calc.registry import get
from browserkit import ROOT, wait_state

pytestmark = pytest.mark.browser
BOOT_TIMEOUT = 60_000


def result_text(page) -> str:
    return page.inner_text("[data-calculator] output[data-result]")


def page_result(page) -> dict:
    return json.loads(page.get_attribute("[data-calculator] output[data-result]", "data-json"))


def fragment_inputs(page) -> dict:
    raw = page.evaluate("location.hash")
    assert "girdi=" in raw
    return json.loads(unquote(raw.split("girdi=", 1)[1].split("&", 1)[0]))


def test_prerendered_result_reads_as_the_live_one(context, site, calculators_index):
    """One renderer: the text Python wrote at build time is the text the page shows once Python computed it."""
    page = context.new_page()
    for entry in calculators_index:
        page.goto(site + entry["url"])
        prerendered = page.inner_text("[data-calculator] output[data-result]")
        assert page.get_attribute("[data-calculator]", "data-state") in ("prerendered", "loading", "done")
        assert wait_state(page) == "done", entry["id"]
        assert result_text(page) == prerendered, entry["id"]
        assert "00:00" not in result_text(page) or entry["id"] == "election/calendar"


def test_calendar_date_only_rows_have_no_midnight(context, site):
    page = context.new_page()
    page.goto(site + "secim/takvim/")
    wait_state(page)
    rows = page.locator('[data-output="timetable"] td.hesap-cell-datetime').all_inner_texts()
    assert rows and not any(r.endswith("00:00") for r in rows)


def test_a_cleared_required_field_is_an_error_never_a_default(context, site, calculators_index):
    page = context.new_page()
    for entry in calculators_index:
        c = get(entry["id"])
        required = [f for f in c.inputs if f.required and f.type not in ("bool", "choice", "list")]
        if not required:
            continue
        f = required[0]
        page.goto(site + entry["url"])
        wait_state(page)
        page.fill(f'[data-calculator] [name="{f.name}"]', "")
        assert wait_state(page, ("error",)) == "error", c.id
        msg = page.locator(f'[data-field="{f.name}"] .hesap-error')
        assert msg.is_visible() and f.label in msg.inner_text() and "zorunlu" in msg.inner_text(), c.id
        assert f.name not in msg.inner_text().replace(f.label, ""), c.id


def test_clear_empties_the_form_and_example_restores_it(context, site):
    page = context.new_page()
    page.goto(site + "secim/yeter-sayi/")
    wait_state(page)
    page.click('[data-action="clear"]')
    assert wait_state(page, ("error",)) == "error"
    assert page.input_value('[name="delegates"]') == ""
    assert "zorunlu" in page.inner_text('[data-field="delegates"] .hesap-error')
    page.click('[data-action="example"]')
    assert wait_state(page) == "done"
    assert page_result(page) == calc.run("election/quorum", get("election/quorum").example_inputs())["result"]


def test_dues_empty_ratio_never_uses_a_union_rate(context, site):
    page = context.new_page()
    page.goto(site + "aidat/")
    wait_state(page)
    page.select_option('[name="preset"]', "")
    assert wait_state(page, ("error",)) == "error"
    assert "Şubenin payı" in page.inner_text('[data-field="preset"] .hesap-error')


def wait_result(page, expected: dict):
    want = json.dumps(json.dumps(expected, ensure_ascii=False, separators=(",", ":")))
    page.wait_for_function(f"() => document.querySelector('[data-calculator] output').dataset.json === {want}")


def test_turkish_thousands_in_money(context, site):
    page = context.new_page()
    page.goto(site + "doner-sermaye/rapor-kesintisi/")
    wait_state(page)
    page.fill('[name="performance_payment"]', "40.000")
    ex = get("pay/sick-report-deduction").example_inputs()
    wait_result(page, calc.run("pay/sick-report-deduction", {**ex, "performance_payment": "40000"})["result"])
    assert wait_state(page) == "done"


def test_personal_fields_never_reach_the_link(context, site):
    page = context.new_page()
    page.goto(site + "uyelik/dilekce/")
    wait_state(page)
    page.fill('[name="tckn"]', "10000000146")
    page.fill('[name="full_name"]', "Deneme Kişi")
    page.wait_for_function("() => document.querySelector('[data-calculator] output').dataset.json?.includes('Deneme')")
    assert wait_state(page) == "done"
    assert "10000000146" not in page.url and "Deneme" not in unquote(page.url)
    personal = {f.name for f in get("membership/petition").inputs if f.personal}
    assert personal and not personal & set(fragment_inputs(page))
    # the link opened elsewhere says which fields it left out, and asks for them
    page.goto("about:blank")
    page.goto(site + "uyelik/dilekce/#girdi=" + quote(json.dumps(shareable_example("membership/petition"), ensure_ascii=False)))
    assert wait_state(page, ("error",)) == "error"
    note = page.inner_text("[data-calculator] .hesap-notice")
    assert "kişisel" in note and "T.C. kimlik numaranız" in note


def shareable_example(calc_id: str) -> dict:
    c = get(calc_id)
    personal = {f.name for f in c.inputs if f.personal}
    return {k: v for k, v in c.example_inputs().items() if k not in personal}


def test_a_changed_fragment_recomputes_and_a_broken_one_says_so(context, site):
    page = context.new_page()
    a = {"delegates": "158", "present": "80", "meeting": "first"}
    b = {"delegates": "7", "present": "4", "meeting": "first"}
    page.goto(site + "secim/yeter-sayi/#girdi=" + quote(json.dumps(a)))
    assert wait_state(page) == "done"
    assert page_result(page) == calc.run("election/quorum", a)["result"]
    page.evaluate("h => { location.hash = h; }", "girdi=" + quote(json.dumps(b)))
    page.wait_for_function("() => document.querySelector('[data-calculator] [name=delegates]').value === '7'")
    wait_result(page, calc.run("election/quorum", b)["result"])
    assert wait_state(page) == "done"
    page.evaluate("() => { location.hash = 'girdi=%7B%22delegates'; }")
    page.wait_for_selector("[data-calculator] .hesap-notice:not([hidden])")
    assert "okunamadı" in page.inner_text("[data-calculator] .hesap-notice")


def test_phone_width_no_table_scrolls_sideways(browser, site, calculators_index):
    ctx = browser.new_context(viewport={"width": 390, "height": 844}, device_scale_factor=1, is_mobile=True, has_touch=True)
    page = ctx.new_page()
    for entry in calculators_index:
        page.goto(site + entry["url"])
        wait_state(page)
        wide = page.evaluate("""() => [...document.querySelectorAll('[data-calculator] table, [data-calculator] pre, [data-calculator] .hesap-scroll')]
            .filter(t => t.scrollWidth > t.clientWidth + 1 || t.getBoundingClientRect().right > innerWidth + 1)
            .map(t => t.className + ' ' + t.scrollWidth + '/' + t.clientWidth)""")
        assert wide == [], entry["id"]
        assert page.evaluate("document.documentElement.scrollWidth <= innerWidth + 1"), entry["id"]
        jump = page.locator(".hesap-jump a")
        assert jump.count() == 1 and jump.bounding_box()["y"] < 844, entry["id"]  # on the first screen
        # the theme's instant navigation makes every href absolute
        assert page.locator('.md-nav--secondary a[href$="#hesaplayici"]').count() >= 1, entry["id"]
    ctx.close()


def test_print_shows_the_calculator_only_with_its_stamp(context, site):
    page = context.new_page()
    page.goto(site + "maas/maas-hesaplama/")
    wait_state(page)
    page.evaluate("() => window.dispatchEvent(new Event('beforeprint'))")
    page.emulate_media(media="print")
    stamp = page.inner_text(".hesap-print-stamp")
    assert "Yazdırıldı" in stamp and "girdi=" in stamp and page.get_attribute(".hesap-print-stamp", "data-version") in stamp
    hidden = page.evaluate("""() => [...document.querySelector('.md-content__inner').children]
        .filter(e => !e.classList.contains('hesap-calc') && getComputedStyle(e).display !== 'none').map(e => e.tagName)""")
    assert hidden == []
    box = page.locator('[name="spouse_not_working"]')
    assert box.is_visible() and page.evaluate("e => getComputedStyle(e).appearance", box.element_handle()) != "none"
    page.emulate_media(media="screen")


def _axe_script() -> Path:
    """axe-core, pinned in package.json (devDependencies); HESAP_AXE_CORE may name another copy of axe.min.js."""
    path = Path(os.environ.get("HESAP_AXE_CORE") or ROOT / "node_modules" / "axe-core" / "axe.min.js")
    if not path.exists():
        pytest.fail(f"{path} is missing: run `npm ci` (axe-core is a pinned dev dependency)")
    return path


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_every_calculator_page_has_no_accessibility_violations(browser, site, calculators_index, scheme):
    """axe-core's WCAG 2.1 A/AA rules (contrast 4.5:1 included) on every calculator page, light and dark."""
    axe = _axe_script()
    ctx = browser.new_context(bypass_csp=True, color_scheme=scheme)  # axe is injected inline: only here
    page = ctx.new_page()
    found = {}
    for entry in calculators_index:
        page.goto(site + entry["url"])
        wait_state(page)
        page.add_script_tag(path=str(axe))
        violations = page.evaluate("""async () => (await axe.run(document,
            {runOnly: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]})).violations
            .map(v => v.id + ": " + v.nodes.slice(0, 3).map(n => n.target.join(" ")).join(", "))""")
        unnamed = page.evaluate("""() => [...document.querySelectorAll('[role=dialog], dialog')]
            .filter(d => !d.getAttribute('aria-label') && !d.getAttribute('aria-labelledby')).map(d => d.className)""")
        if violations or unnamed:
            found[entry["id"]] = violations + [f"dialog without a name: {u}" for u in unnamed]
    ctx.close()
    assert found == {}


CSP_PROBE = """document.addEventListener("securitypolicyviolation",
  (e) => (window.__csp = window.__csp || []).push(e.violatedDirective + " " + (e.blockedURI || "inline")));"""


def test_the_content_security_policy_is_in_force_and_breaks_nothing(browser, site, calculators_index):
    ctx = browser.new_context()
    ctx.add_init_script(CSP_PROBE)
    page = ctx.new_page()
    errors = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    for entry in calculators_index:
        page.goto(site + entry["url"])
        assert wait_state(page) == "done", entry["id"]
        policy = page.get_attribute('meta[http-equiv="Content-Security-Policy"]', "content")
        assert "default-src 'self'" in policy and "'wasm-unsafe-eval'" in policy and "unsafe-inline" not in policy
        assert page.evaluate("window.__csp || []") == [], entry["id"]
    # an inline script the build did not hash is refused
    page.evaluate("""() => { const s = document.createElement("script"); s.textContent = "window.__injected = 1";
        document.head.append(s); }""")
    assert page.evaluate("window.__injected") is None and page.evaluate("window.__csp.length") >= 1
    assert errors == []
    ctx.close()


def test_petition_prints_on_one_page(context, site):
    page = context.new_page()
    page.goto(site + "uyelik/dilekce/")
    wait_state(page)
    page.emulate_media(media="print")
    pdf = page.pdf(format="A4")
    pages = len(re.findall(rb"/Type\s*/Page(?!s)", pdf))
    assert pages == 1, pages
