// Hesap page script: forms generated from the registry talk to the Python worker.
// Contract hooks: [data-calculator], data-state (prerendered|loading|done|error), <output data-result data-json>,
// inputs in the URL fragment as #girdi=<URL-encoded JSON>.
const VERSION = "@VERSION@";

const calcs = [...document.querySelectorAll("[data-calculator]")];
const OPENED_WITH_FRAGMENT = location.hash.includes("girdi=");
const root = (calcs[0] && calcs[0].dataset.root) || document.querySelector('meta[name="hesap-root"]')?.content || "./";


function registerServiceWorker() {
  if (!("serviceWorker" in navigator) || location.protocol === "file:") return;
  navigator.serviceWorker.register(new URL("sw.js", new URL(root, location.href)), { scope: new URL(root, location.href).pathname }).catch(() => {});
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
    const url = new URL(`assets/hesap/warm.mjs?v=${VERSION}`, new URL(root, location.href));
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
  fetch(new URL("version.json", new URL(root, location.href))).then((r) => r.json()).then((v) => {
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

function startCalculators() {
  const worker = window.__hesapWorker || null;  // created once, in <head> (site/overrides/partials/hesap-start.js.html)
  const widgets = calcs.map((node) => new Calculator(node, worker));
  if (!worker) {
    registerServiceWorker();
    widgets.forEach((w) => w.unsupported("Bu tarayıcı WebAssembly ya da modül Web Worker desteklemiyor: aşağıda örneğin sonucu ve tablolar görünüyor, kendi girdilerinizle hesaplama yapılamıyor. Güncel bir tarayıcı kullanın."));
    return;
  }
  let ready = false;
  let warming = null;
  const cannotStart = (text) => widgets.forEach((w) => w.unsupported(text));
  const handle = (m) => {
    if (m.type === "progress") widgets.forEach((w) => !ready && !w.stopped && w.status(m.text + " (ilk ziyarette Python indirilir, sonra çevrimdışı da çalışır)"));
    if (m.type === "ready") {
      ready = true;
      const offset = Math.round(m.origin - performance.timeOrigin);  // worker start, ms after navigation start
      console.info(`[hesap] Python hazır: ${m.boot} açılış, ${m.ms} ms (worker sayfadan ${offset} ms sonra başladı)`, JSON.stringify(m.marks));
      window.__hesapBoot = { boot: m.boot, ms: m.ms, marks: m.marks };  // read by the tests and the benchmark
      widgets.forEach((w) => w.ready(m.boot));
      registerServiceWorker();  // after Python is up, so offline precaching never competes with the first start
    }
    if (m.type === "failed") {
      registerServiceWorker();
      cannotStart(`Python başlatılamadı (${m.message}). Sayfayı yenileyin; sorun sürerse başka bir tarayıcı deneyin.`);
    }
    if (m.type === "worker-error" && !ready) cannotStart(WORKER_ERROR);  // kept by overrides/main.html
    if (m.type === "kept") window.__hesapKept = { where: m.where, bytes: m.bytes, ms: m.ms };  // tests, benchmark
    if (m.type === "result") {
      widgets.forEach((w) => w.receive(m));
      if (!warming) warming = warmCodeCache();
    }
  };
  const early = window.__hesapEarly || [];  // what the worker said before this script ran (see overrides/main.html)
  window.__hesapEarly = null;
  early.forEach(handle);
  worker.addEventListener("message", (e) => handle(e.data));
  worker.addEventListener("error", () => !ready && cannotStart(WORKER_ERROR));
  // Asked now, not when Python is ready: the worker answers as soon as it is up, one round trip sooner
  // (a widget whose worker already failed asks nothing: see compute).
  if (!ready) widgets.forEach((w) => w.compute());
}

const WORKER_ERROR = "Hesaplayıcı başlatılamadı: bu tarayıcı modül Web Worker desteklemiyor olabilir. Örnek sonucu aşağıda.";

let SEQ = 0;

class Calculator {
  constructor(node, worker) {
    this.node = node;
    this.worker = worker;
    this.id = node.dataset.calculator;
    this.schema = JSON.parse(node.querySelector(".hesap-schema").textContent);
    this.example = JSON.parse(node.querySelector(".hesap-example").textContent);
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
    }
    this.presets = this.schema.inputs.filter((i) => i.presets).map((i) => this.preset(i));
    this.form.addEventListener("input", () => this.schedule());
    this.form.addEventListener("change", () => this.schedule());
    this.form.addEventListener("submit", (e) => { e.preventDefault(); this.compute(); });
    node.querySelector('[data-action="copy"]').addEventListener("click", () => this.copyLink());
    node.querySelector('[data-action="print"]').addEventListener("click", () => window.print());
    node.querySelector('[data-action="example"]').addEventListener("click", () => { this.say(""); this.fill(this.example, ""); this.schedule(); });
    node.querySelector('[data-action="clear"]').addEventListener("click", () => { this.say(""); this.clear(); this.schedule(); });
    window.addEventListener("hashchange", () => this.openLink());
    window.addEventListener("beforeprint", () => this.stamp());
  }

  // The paper says when it was printed, by which build, and the link that computes it again (no personal fields).
  stamp() {
    const p = this.node.querySelector(".hesap-print-stamp");
    if (!p) return;
    const when = new Date().toLocaleString("tr-TR", { dateStyle: "long", timeStyle: "short" });
    p.textContent = `Yazdırıldı: ${when} · Hesap sürümü ${VERSION} · Bu sonucu yeniden açan bağlantı: ${location.href}`;
  }

  // A link pasted into the address bar of an open page: its inputs replace the form's and are computed.
  openLink() {
    const frag = readFragment();
    if (!frag || this.stopped) return;
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
        const link = el("a", { href: new URL(p.otherwise.link, new URL(this.node.dataset.root || "./", location.href)).href }, p.otherwise.link_text);
        note.replaceChildren(`${p.otherwise.text}: `, link, ".");
      }
    };
    p.from.forEach((n) => this.form.querySelector(`[name="${CSS.escape(n)}"]`)?.addEventListener("change", () => update(true)));
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
    if (!this.worker || this.stopped) return;
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
    this.worker.postMessage({ seq: this.latest, id: this.id, inputs, date });
  }

  receive(m) {
    if (m.id !== this.id) return;
    this.inFlight = false;
    if (this.dirty) return this.compute();  // inputs changed meanwhile: this result is already stale
    if (m.seq !== this.latest) return;
    this.pending = false;
    this.clearErrors();
    const out = m.out;
    if (!out.ok) {
      this.showError(out.field, out.message);
      this.setState("error");
      return;
    }
    this.render(out);
    writeFragment(this.shareable(this.latestInputs), this.latestDate);
    this.node.dataset.computeMs = String(Math.round(performance.now() - this.sentAt));
    this.setState("done");
    // the first result Python computed on this page, in every engine's timeline (python3 build.py bench)
    if (!performance.getEntriesByName("hesap-first-result").length) performance.mark("hesap-first-result");
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
    writeFragment(this.shareable(inputs), date);
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
  history.replaceState(null, "", frag);
}

// A page served from the offline copy while a newer build is online: reload once into the new build.
function checkForUpdate() {
  if (!navigator.onLine || !("serviceWorker" in navigator)) return;
  fetch(new URL("version.json", new URL(root, location.href)), { cache: "no-cache" })
    .then((r) => (r.ok ? r.json() : null))
    .then((v) => {
      if (!v || v.version === VERSION || sessionStorage.getItem("hesap-reloaded-for") === v.version) return;
      sessionStorage.setItem("hesap-reloaded-for", v.version);
      // a link's own #girdi= stays; one this stale page wrote itself (its old defaults) does not
      const target = OPENED_WITH_FRAGMENT ? location.href : location.pathname + location.search;
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
if (calcs.length) startCalculators();
else registerServiceWorker();

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
focusableTableScrolls();
window.addEventListener("load", focusableTableScrolls);
