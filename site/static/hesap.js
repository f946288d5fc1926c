// Hesap page script: forms generated from the registry talk to the Python worker. The worker outlives the pages:
// Material's instant navigation swaps a page's content in without a reload, and this script sets up the calculators
// of each page it swaps in and lets go of the previous page's (see watchPages).
// Contract hooks: [data-calculator], data-state (prerendered|loading|done|error), <output data-result data-json>,
// inputs in the URL fragment as #girdi=<URL-encoded JSON>.
const VERSION = "@VERSION@";
// The site's root, absolute: a page's relative paths stop being right once instant navigation changes the URL.
const ROOT = new URL(document.querySelector('meta[name="hesap-root"]')?.content || "./", location.href);

let registered = false;
function registerServiceWorker() {
  if (registered || !("serviceWorker" in navigator) || location.protocol === "file:") return;
  registered = true;
  navigator.serviceWorker.register(new URL("sw.js", ROOT), { scope: ROOT.pathname }).catch(() => {});
}

// Once per build, after the service worker has precached it: compile Pyodide's 1 MB Emscripten script twice in
// a throwaway module worker (assets/hesap/warm.mjs). The browser keeps a code cache of a script only once it has
// compiled it twice, and the one it made while precaching does not fit a module; without this the next visit
// compiles the script and its setup function again (about 90 ms here). Only after a calculator has shown its result.
async function warmCodeCache() {
  try {
    if (!("serviceWorker" in navigator) || localStorage.getItem("hesap-warmed") === VERSION) return;
    const reg = await navigator.serviceWorker.ready;
    const next = reg.installing || reg.waiting;
    if (next) await new Promise((done) => next.addEventListener("statechange", () => next.state === "activated" && done()));
    const url = new URL(`assets/hesap/warm.mjs?v=${VERSION}`, ROOT);
    for (let i = 0; i < 2; i++) {
      const compiled = await new Promise((done) => {
        const w = new Worker(url, { type: "module", name: "hesap-warm" });
        const end = (ok) => { w.terminate(); done(ok); };
        w.onmessage = (e) => end(e.data === "compiled");
        w.onerror = () => end(false);
      });
      if (!compiled) return;  // tried again on the next page
    }
    localStorage.setItem("hesap-warmed", VERSION);
  } catch (e) { /* no storage or no module workers: the next visit only compiles the script itself */ }
}

function announceUpdate() {
  let seen = null;
  try { seen = localStorage.getItem("hesap-version"); localStorage.setItem("hesap-version", VERSION); } catch (e) { return; }
  if (!seen || seen === VERSION) return;
  fetch(new URL("version.json", ROOT)).then((r) => r.json()).then((v) => {
    const periods = Object.values(v.periods || {}).join(", ");
    const note = el("div", { class: "hesap-updated", role: "status" },
      `Site güncellendi (${v.built}). Hesaplayıcılar artık en yeni parametrelerle çalışıyor${periods ? `: ${periods}` : ""}.`);
    document.querySelector(".md-content__inner")?.prepend(note);
  }).catch(() => {});
}

function el(tag, attrs = {}, text) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
  if (text !== undefined) e.textContent = text;
  return e;
}

// Python's worker and what it has said: one for the whole visit, whichever page is on screen.
const engine = { worker: null, ready: false, boot: null, stopped: null, warming: null };
const asked = new Map();  // seq → the widget that asked: a result goes to it, if its page is still on screen
let current = null;  // the page on screen: its container element, path, widgets and their AbortController

// The worker's messages, for every page (table at the top of site/static/worker.mjs).
function handle(m) {
  const widgets = current ? current.widgets : [];
  if (m.type === "progress") widgets.forEach((w) => !engine.ready && !w.stopped && w.status(m.text + " (ilk ziyarette Python indirilir, sonra çevrimdışı da çalışır)"));
  if (m.type === "ready") {
    engine.ready = true;
    engine.boot = m.boot;
    const offset = Math.round(m.origin - performance.timeOrigin);  // worker start, ms after navigation start
    console.info(`[hesap] Python hazır: ${m.boot} açılış, ${m.ms} ms (worker sayfadan ${offset} ms sonra başladı)`, JSON.stringify(m.marks));
    window.__hesapBoot = { boot: m.boot, ms: m.ms, marks: m.marks };  // read by the tests and the benchmark
    widgets.forEach((w) => w.ready(m.boot));
    registerServiceWorker();  // after Python is up, so offline precaching never competes with the first start
  }
  if (m.type === "failed") {
    registerServiceWorker();
    stop(`Python başlatılamadı (${m.message}). Sayfayı yenileyin; sorun sürerse başka bir tarayıcı deneyin.`);
  }
  if (m.type === "worker-error" && !engine.ready) stop(WORKER_ERROR);  // kept by partials/hesap-start
  if (m.type === "kept") window.__hesapKept = { where: m.where, bytes: m.bytes, ms: m.ms };  // tests, benchmark
  if (m.type === "result") {
    route(m);
    if (!engine.warming) engine.warming = warmCodeCache();
  }
}

function stop(text) {
  engine.stopped = text;
  (current ? current.widgets : []).forEach((w) => w.unsupported(text));
}

function route(m) {
  const w = asked.get(m.seq);
  asked.delete(m.seq);
  if (!w || w.page !== current || !w.receive(m)) return;
  // the first result Python computed in this document, and on this page (python3 build.py bench: the next page)
  if (!performance.getEntriesByName("hesap-first-result").length) performance.mark("hesap-first-result");
  if (!current.resulted) performance.mark("hesap-page-result");
  current.resulted = true;
}

// Listens to the worker once, for the whole visit; what it said before this script ran is replayed.
function connect(worker) {
  engine.worker = worker;
  const early = window.__hesapEarly || [];  // see site/overrides/partials/hesap-start.js.html
  window.__hesapEarly = null;
  early.forEach(handle);
  worker.addEventListener("message", (e) => handle(e.data));
  worker.addEventListener("error", () => !engine.ready && stop(WORKER_ERROR));
}

// The calculators of the page on screen. The worker is the head script's (on a calculator page it is made, or
// promised for after the first paint: __hesapSoon); the first calculator page of a visit that began on an
// article asks for it here.
function setUpCalculators(page) {
  const nodes = [...page.container.querySelectorAll("[data-calculator]")];
  if (!nodes.length) {
    registerServiceWorker();
    return;
  }
  page.widgets = nodes.map((node) => new Calculator(node, engine.worker, page));
  withWorker((worker) => {
    if (page !== current) return;  // the reader has moved on meanwhile
    page.widgets.forEach((w) => { w.worker = worker; });
    if (!worker) {
      registerServiceWorker();
      page.widgets.forEach((w) => w.unsupported("Bu tarayıcı WebAssembly ya da modül Web Worker desteklemiyor: aşağıda örneğin sonucu ve tablolar görünüyor, kendi girdilerinizle hesaplama yapılamıyor. Güncel bir tarayıcı kullanın."));
    } else if (engine.stopped) page.widgets.forEach((w) => w.unsupported(engine.stopped));
    else if (engine.ready) page.widgets.forEach((w) => w.ready(engine.boot));
    // Asked now, not when Python is ready: the worker answers as soon as it is up, one round trip sooner.
    else page.widgets.forEach((w) => w.compute());
  });
}

function withWorker(use) {
  if (engine.worker) return use(engine.worker);
  const take = (worker) => {
    if (worker && !engine.worker) connect(worker);
    use(worker);
  };
  if (window.__hesapSoon) window.__hesapSoon.push(take);  // the head script starts it after the first paint
  else take(window.__hesapStart ? window.__hesapStart() : null);
}

// A page the theme has swapped in (or the first one): set up once, after the previous page's handlers are gone.
function showPage() {
  focusableTableScrolls();
  const container = document.querySelector("[data-md-component=container]") || document.body;
  if (current && current.container === container) return;  // this page is set up already (the theme replays it)
  // a page of another build must not run with this script and this worker (older tables): load it in full
  if (current && document.querySelector('meta[name="hesap-version"]')?.content !== VERSION) return location.reload();
  if (current && current.path === location.pathname && keepCalculators(container)) return;
  if (current) current.abort.abort();
  current = { container, path: location.pathname, abort: new AbortController(), widgets: [], resulted: false,
              openedWithFragment: location.hash.includes("girdi=") };
  setUpCalculators(current);
}

// The theme fetches the page on screen again for the first link within it after a load (a table of contents entry,
// a #girdi= link): its calculators stay as the reader left them, personal fields too (a #girdi= link among them has
// been opened already, from location$ in watchPages).
function keepCalculators(container) {
  const nodes = [...container.querySelectorAll("[data-calculator]")];
  const kept = nodes.map((node) => current.widgets.find((w) => w.id === node.dataset.calculator));
  if (kept.length !== current.widgets.length || kept.some((w) => !w)) return false;
  nodes.forEach((node, k) => node.replaceWith(kept[k].node));
  current.container = container;
  return true;
}

// Material's instant navigation (mkdocs.yml navigation.instant) says when it has swapped a page in (document$) and
// where the reader went (location$): a link to this same page with other #girdi= inputs fires no hashchange (the
// theme sets the URL with pushState) and swaps no other page in, so it is opened from there. Without the theme: one
// page.
function watchPages() {
  showPage();
  const swapped = window.document$, moved = window.location$;
  if (typeof swapped?.subscribe !== "function") return;
  swapped.subscribe(() => showPage());
  if (typeof moved?.subscribe === "function") {
    moved.subscribe((url) => {
      if (current && url.pathname === current.path && url.hash.includes("girdi=")) current.widgets.forEach((w) => w.openLink());
    });
  }
}

const WORKER_ERROR = "Hesaplayıcı başlatılamadı: bu tarayıcı modül Web Worker desteklemiyor olabilir. Örnek sonucu aşağıda.";

let SEQ = 0;

// One calculator of the page on screen. Its listeners end with the page (page.abort), so none of an old page's
// handlers fires once the theme has swapped the next page in.
class Calculator {
  constructor(node, worker, page) {
    this.node = node;
    this.worker = worker;
    this.page = page;
    this.id = node.dataset.calculator;
    // <template>, not <script type="application/json">: the theme re-creates a swapped-in page's scripts as
    // scripts to run, without their type (the CSP then refuses them)
    this.schema = JSON.parse(node.querySelector(".hesap-schema").content.textContent);
    this.example = JSON.parse(node.querySelector(".hesap-example").content.textContent);
    this.form = node.querySelector("form");
    this.output = node.querySelector("output[data-result]");
    this.statusText = node.querySelector(".hesap-status-text");
    this.latest = 0;
    this.inFlight = false;
    this.dirty = false;
    this.isReady = false;
    this.notice = node.querySelector(".hesap-notice");
    const frag = readFragment();
    if (frag && frag.error) this.say(frag.error);
    else if (frag) {
      this.fill(frag.inputs, frag.date, true);
      this.sayLeftOut(frag.inputs);
      this.setState("loading");
      this.output.removeAttribute("data-json");
      this.output.classList.add("hesap-stale");
      this.status("Bağlantıdaki girdiler yüklendi; Python hazır olunca hesaplanacak…");
      this.fragment = frag;  // the first computation uses the link's inputs exactly as written
      this.pending = true;
      this.shown = location.hash;
    }
    this.presets = this.schema.inputs.filter((i) => i.presets).map((i) => this.preset(i));
    const on = (target, type, handler) => target.addEventListener(type, handler, { signal: page.abort.signal });
    on(this.form, "input", () => this.schedule());
    on(this.form, "change", () => this.schedule());
    on(this.form, "submit", (e) => { e.preventDefault(); this.compute(); });
    on(node.querySelector('[data-action="copy"]'), "click", () => this.copyLink());
    on(node.querySelector('[data-action="print"]'), "click", () => window.print());
    on(node.querySelector('[data-action="example"]'), "click", () => { this.say(""); this.fill(this.example, ""); this.schedule(); });
    on(node.querySelector('[data-action="clear"]'), "click", () => { this.say(""); this.clear(); this.schedule(); });
    on(window, "hashchange", () => this.openLink());
    on(window, "beforeprint", () => this.stamp());
  }

  // The paper says when it was printed, by which build, and the link that computes it again (no personal fields).
  stamp() {
    const p = this.node.querySelector(".hesap-print-stamp");
    if (!p) return;
    const when = new Date().toLocaleString("tr-TR", { dateStyle: "long", timeStyle: "short" });
    p.textContent = `Yazdırıldı: ${when} · Hesap sürümü ${VERSION} · Bu sonucu yeniden açan bağlantı: ${location.href}`;
  }

  // A link pasted into the address bar of an open page, or one to this page followed in it: its inputs replace the
  // form's and are computed. `shown`: the fragment the form already shows (the theme and the browser may both tell).
  openLink() {
    const frag = readFragment();
    if (!frag || this.stopped || location.hash === this.shown) return;
    this.shown = location.hash;
    if (frag.error) { this.say(frag.error); return; }
    this.say("");
    this.fill(frag.inputs, frag.date, true);
    this.sayLeftOut(frag.inputs);
    this.pending = true;
    this.setState("loading");
    this.output.classList.add("hesap-stale");
    this.fragment = frag;  // computed exactly as written
    if (this.inFlight) this.dirty = true;
    else this.compute();
  }

  // A note next to the form (a link that cannot be read, personal fields a link leaves out); "" hides it.
  say(text) {
    if (!this.notice) return;
    this.notice.textContent = text;
    this.notice.hidden = !text;
  }

  personal() { return this.schema.inputs.filter((i) => i.personal); }

  sayLeftOut(inputs) {
    const missing = this.personal().filter((i) => !(i.name in inputs)).map((i) => i.label);
    if (missing.length) this.say(`Bağlantılar kişisel bilgi taşımaz; şu alanları kendiniz doldurun: ${missing.join(", ")}.`);
  }

  // "Temizle": nothing is assumed; a choice without an empty option shows its first one (visible, changeable).
  clear() {
    for (const f of this.fields()) {
      if (f.dataset.type === "bool") f.checked = false;
      else if (f.tagName === "SELECT") f.value = [...f.options].some((o) => o.value === "") ? "" : f.options[0].value;
      else f.value = "";
    }
  }

  status(text) { if (this.statusText) this.statusText.textContent = text; }

  // An input's `presets` (schema): values looked up by the inputs it names (title and derece → ek gösterge). A change
  // of those fills the input (the reader may still overwrite it); a note under it says where the value comes from,
  // or where to find it when there is none ("otherwise": a text and a link relative to the site root).
  preset(decl) {
    const p = decl.presets;
    const on = { signal: this.page.abort.signal };
    const target = this.form.querySelector(`[name="${CSS.escape(decl.name)}"]`);
    if (!target) return () => {};
    const note = el("small", { class: "hesap-help hesap-preset" });
    target.closest(".hesap-field").querySelector(".hesap-error").before(note);
    const update = (fill) => {
      const key = p.from.map((n) => this.form.querySelector(`[name="${CSS.escape(n)}"]`)?.value.trim() ?? "").join("|");
      const v = p.values[key];
      if (v !== undefined) {
        if (fill) target.value = String(v);
        note.textContent = p.notes[key];
      } else {
        const link = el("a", { href: new URL(p.otherwise.link, ROOT).href }, p.otherwise.link_text);
        note.replaceChildren(`${p.otherwise.text}: `, link, ".");
      }
    };
    p.from.forEach((n) => this.form.querySelector(`[name="${CSS.escape(n)}"]`)?.addEventListener("change", () => update(true), on));
    update(false);
    return update;
  }

  // No Python here (none in this browser, or the worker failed): the status message says so, nothing is asked.
  get stopped() { return this.node.classList.contains("hesap-unsupported"); }

  setState(state) { this.node.dataset.state = state; }

  unsupported(text) {
    this.status(text);
    this.node.classList.add("hesap-unsupported");
    if (this.node.dataset.state === "loading") this.setState("error");
  }

  ready(boot) {
    this.isReady = true;
    this.node.dataset.boot = boot;
    this.status("Hazır: girdileri değiştirdikçe sonuç güncellenir.");
    if (this.inFlight) this.sentAt = performance.now();  // data-compute-ms: from here, not from the page's start
    else this.compute();
  }

  // Recompute on every change, coalesced: at most one computation in flight, the newest inputs always win.
  schedule() {
    if (this.stopped) return;
    this.fragment = null;
    this.shown = null;
    this.pending = true;
    this.setState("loading");
    this.output.classList.add("hesap-stale");
    if (this.inFlight) this.dirty = true;
    else this.compute();
  }

  fields() { return [...this.form.querySelectorAll("[name]")]; }

  read() {
    const inputs = {};
    let date = "";
    for (const f of this.fields()) {
      const type = f.dataset.type;
      if (type === "period") { date = f.value; continue; }
      if (type === "bool") { inputs[f.name] = f.checked; continue; }
      const v = f.value;
      // an empty field is sent empty: the engine says a required one is missing, an optional one takes its rule
      if (type === "list" && /^\s*\[/.test(v)) {
        try { inputs[f.name] = JSON.parse(v); continue; } catch (e) { /* the engine reports it */ }
      }
      inputs[f.name] = v;
    }
    return { inputs, date };
  }

  // From the example, or from a link (`link`: a required field the link does not name stays empty, never a default).
  fill(inputs, date, link = false) {
    const declared = new Map(this.schema.inputs.map((i) => [i.name, i]));
    for (const f of this.fields()) {
      if (f.dataset.type === "period") { f.value = date || ""; continue; }
      const decl = declared.get(f.name);
      const fallback = decl && !(link && decl.required) && decl.default !== null && decl.default !== undefined ? decl.default : "";
      const v = f.name in inputs ? inputs[f.name] : fallback;
      if (f.dataset.type === "bool") f.checked = v === true || v === "true";
      else f.value = toFormText(v, decl);
    }
    (this.presets || []).forEach((update) => update(false));  // notes only: a link's or the example's values stay
  }

  compute() {
    if (!this.worker || this.stopped || this.page.abort.signal.aborted) return;
    const { inputs, date } = this.fragment || this.read();
    this.fragment = null;
    this.latestInputs = inputs;
    this.latestDate = date;
    this.latest = ++SEQ;
    // A prerendered result stays marked so until Python has computed (the worker answers once it is up).
    if (this.isReady || this.pending) this.setState("loading");
    this.sentAt = performance.now();
    this.inFlight = true;
    this.dirty = false;
    asked.set(this.latest, this);
    this.worker.postMessage({ seq: this.latest, id: this.id, inputs, date });
  }

  // The answer to one of this widget's requests (the dispatcher routes it by seq); true when a result was shown.
  receive(m) {
    this.inFlight = false;
    if (this.dirty) return this.compute();  // inputs changed meanwhile: this result is already stale
    if (m.seq !== this.latest) return false;
    this.pending = false;
    this.clearErrors();
    const out = m.out;
    if (!out.ok) {
      this.showError(out.field, out.message);
      this.setState("error");
      return false;
    }
    this.render(out);
    this.keepInLink(this.latestInputs, this.latestDate);
    this.node.dataset.computeMs = String(Math.round(performance.now() - this.sentAt));
    this.setState("done");
    return true;
  }

  // The inputs shown go into the URL, unless the reader has already left for another page (it is that page's URL).
  keepInLink(inputs, date) {
    if (location.pathname !== this.page.path) return;
    writeFragment(this.shareable(inputs), date);
    this.shown = location.hash;
  }

  clearErrors() {
    this.node.querySelectorAll(".hesap-error").forEach((p) => { p.hidden = true; p.textContent = ""; });
    this.node.querySelectorAll("[aria-invalid]").forEach((i) => i.removeAttribute("aria-invalid"));
    this.node.querySelector(".hesap-error-summary")?.remove();
  }

  showError(field, message) {
    const base = field ? String(field).split(/[.[]/)[0] : null;
    const slot = base && this.node.querySelector(`[data-field="${CSS.escape(base)}"] .hesap-error`);
    if (slot) {
      slot.textContent = message;
      slot.hidden = false;
      slot.parentElement.querySelector("[name]")?.setAttribute("aria-invalid", "true");
    }
    const summary = el("p", { class: "hesap-error-summary", role: "alert" }, message);
    this.output.replaceChildren(summary);
    this.output.removeAttribute("data-json");
    delete this.output.dataset.htmlKey;
    this.output.classList.remove("hesap-stale");
    this.status("Girdilerde düzeltilmesi gereken bir şey var.");
  }

  // Python wrote this HTML (calc/render.py), as it wrote the prerendered result: the page formats nothing itself.
  render(out) {
    // the same result as shown (the prerendered example, computed again): left in place, not painted again
    if (out.html_key !== this.output.dataset.htmlKey) {
      this.output.innerHTML = out.html;
      this.output.dataset.htmlKey = out.html_key;
    }
    this.output.setAttribute("data-json", JSON.stringify(out.result));
    this.output.classList.remove("hesap-stale");
    this.status("Hazır: girdileri değiştirdikçe sonuç güncellenir.");
  }

  // What a link may hold: never a personal field (name, T.C. kimlik no, address, phone), nor an empty one.
  shareable(inputs) {
    const personal = new Set(this.personal().map((i) => i.name));
    return Object.fromEntries(Object.entries(inputs).filter(([k, v]) => !personal.has(k) && v !== ""));
  }

  copyLink() {
    const { inputs, date } = this.read();
    this.keepInLink(inputs, date);
    const url = location.href;
    const left = this.personal().map((i) => i.label);
    const done = () => this.status("Bağlantı kopyalandı: aynı girdilerle bu sonucu açar."
      + (left.length ? ` Kişisel bilgiler bağlantıya konmadı: ${left.join(", ")}.` : ""));
    if (navigator.clipboard?.writeText) navigator.clipboard.writeText(url).then(done, () => prompt("Bağlantıyı kopyalayın:", url));
    else prompt("Bağlantıyı kopyalayın:", url);
  }
}

function toFormText(v, decl) {
  if (v === null || v === undefined) return "";
  if (decl && decl.type === "list" && Array.isArray(v)) {
    const items = decl.items || [];
    if (items.length === 1) return v.map((r) => (r && typeof r === "object" ? r[items[0].name] ?? "" : String(r))).join("\n");
    const flat = items.length && v.every((r) => r && typeof r === "object" && items.every((i) => typeof r[i.name] !== "object" || r[i.name] === null));
    if (flat) {
      const names = items.map((i) => i.name);
      return [names.join(";"), ...v.map((r) => names.map((n) => (r[n] ?? "")).join(";"))].join("\n");
    }
    return JSON.stringify(v, null, 1);
  }
  return String(v);
}

function readFragment() {
  const hash = location.hash.slice(1);
  if (!hash) return null;
  const params = new URLSearchParams(hash);
  const raw = params.get("girdi");
  if (raw === null) return null;
  const broken = { error: "Bağlantıdaki girdiler okunamadı (bağlantı eksik kopyalanmış olabilir): formdaki değerler gösteriliyor." };
  try {
    const inputs = JSON.parse(raw);
    if (!inputs || typeof inputs !== "object" || Array.isArray(inputs)) return broken;
    return { inputs, date: params.get("tarih") || "" };
  } catch (e) {
    return broken;
  }
}

function writeFragment(inputs, date) {
  let frag = "#girdi=" + encodeURIComponent(JSON.stringify(inputs));
  if (date) frag += "&tarih=" + encodeURIComponent(date);
  history.replaceState(history.state, "", frag);  // the theme keeps the scroll position in the state
}

// A page served from the offline copy while a newer build is online: reload once into the new build.
function checkForUpdate() {
  if (!navigator.onLine || !("serviceWorker" in navigator)) return;
  fetch(new URL("version.json", ROOT), { cache: "no-cache" })
    .then((r) => (r.ok ? r.json() : null))
    .then((v) => {
      if (!v || v.version === VERSION || sessionStorage.getItem("hesap-reloaded-for") === v.version) return;
      sessionStorage.setItem("hesap-reloaded-for", v.version);
      // a link's own #girdi= stays; one this stale page wrote itself (its old defaults) does not
      const target = current?.openedWithFragment ? location.href : location.pathname + location.search;
      navigator.serviceWorker.getRegistration().then((reg) => reg && reg.update()).catch(() => {})
        .finally(() => location.replace(target));
    })
    .catch(() => {});
}

// Start only after every declaration above is initialised (classes are not hoisted).
checkForUpdate();
window.addEventListener("online", checkForUpdate);
setTimeout(checkForUpdate, 4000);  // the network may come back a moment after the page did
announceUpdate();
watchPages();

// The theme wraps an article's wide tables in a box that scrolls sideways: a keyboard must reach it too (WCAG
// 2.1.1). Named after the table's header row, so a screen reader says which table it is.
function focusableTableScrolls() {
  document.querySelectorAll(".md-typeset__scrollwrap:not([tabindex])").forEach((box) => {
    box.tabIndex = 0;
    box.setAttribute("role", "region");
    const head = box.querySelector("th");
    box.setAttribute("aria-label", head ? `Tablo: ${head.textContent.trim()}` : "Tablo");
  });
}
window.addEventListener("load", focusableTableScrolls);  // without the theme's document$, the tables it wrapped late
