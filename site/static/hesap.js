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
    if (m.type === "progress") widgets.forEach((w) => !ready && w.status(m.text + " (ilk ziyarette Python indirilir, sonra çevrimdışı da çalışır)"));
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
    if (this.output.dataset.json) {
      const steps = this.output.querySelector(".hesap-steps-box");
      renderCharts(this.schema, JSON.parse(this.output.dataset.json)).forEach((svg) => this.output.insertBefore(svg, steps));
    }
    const frag = readFragment();
    if (frag) {
      this.fill(frag.inputs, frag.date);
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
    node.querySelector('[data-action="example"]').addEventListener("click", () => { this.fill(this.example, ""); this.compute(); });
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
        note.textContent = `Unvan ve dereceye göre ${formatTr(String(v))} (${p.reference}). Bordronuzda farklıysa değiştirin.`;
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
      if (v.trim() === "") continue;
      if (type === "list" && /^\s*\[/.test(v)) {
        try { inputs[f.name] = JSON.parse(v); continue; } catch (e) { /* the engine reports it */ }
      }
      inputs[f.name] = v;
    }
    return { inputs, date };
  }

  fill(inputs, date) {
    const declared = new Map(this.schema.inputs.map((i) => [i.name, i]));
    for (const f of this.fields()) {
      if (f.dataset.type === "period") { f.value = date || ""; continue; }
      const decl = declared.get(f.name);
      const v = f.name in inputs ? inputs[f.name] : (decl && decl.default !== null && decl.default !== undefined ? decl.default : "");
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
    writeFragment(this.latestInputs, this.latestDate);
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
    this.output.classList.remove("hesap-stale");
    this.status("Girdilerde düzeltilmesi gereken bir şey var.");
  }

  render(out) {
    const outputs = this.schema.outputs.filter((o) => o.name in out.result);
    const frag = document.createDocumentFragment();
    if (out.parameters) {
      const p = el("p", { class: "hesap-period" }, "Parametre dönemi: ");
      p.append(el("strong", {}, Object.values(out.parameter_titles || {})[0] || out.parameters));
      frag.append(p);
    }
    const main = el("dl", { class: "hesap-main" });
    const more = el("dl", { class: "hesap-more" });
    for (const o of outputs) {
      const v = out.result[o.name];
      if (!o.main && (v === null || v === undefined)) continue;
      (o.main ? main : more).append(renderOutput(o, v, out.display[o.name]));
    }
    frag.append(main, more);
    renderCharts(this.schema, out.result).forEach((svg) => frag.append(svg));
    if (out.warnings.length) {
      const ul = el("ul", { class: "hesap-warnings" });
      out.warnings.forEach((w) => ul.append(el("li", {}, w)));
      frag.append(ul);
    }
    const details = el("details", { class: "hesap-steps-box", open: "" });
    details.append(el("summary", {}, "Adım adım hesap ve dayanakları"));
    const ol = el("ol", { class: "hesap-steps" });
    let previous = null;
    for (const s of out.steps) {
      const li = el("li");
      li.append(el("span", { class: "hesap-step-label" }, s.label), " ", el("span", { class: "hesap-step-value" }, s.display));
      // a reference repeated by consecutive steps is shown once, under the first
      if (s.reference && s.reference !== previous) li.append(" ", el("span", { class: "hesap-step-ref" }, s.reference));
      previous = s.reference;
      ol.append(li);
    }
    details.append(ol);
    frag.append(details);
    this.output.replaceChildren(frag);
    this.output.setAttribute("data-json", JSON.stringify(out.result));
    this.output.classList.remove("hesap-stale");
    this.status("Hazır: girdileri değiştirdikçe sonuç güncellenir.");
  }

  copyLink() {
    const { inputs, date } = this.read();
    writeFragment(inputs, date);
    const url = location.href;
    const done = () => this.status("Bağlantı kopyalandı: aynı girdilerle bu sonucu açar.");
    if (navigator.clipboard?.writeText) navigator.clipboard.writeText(url).then(done, () => prompt("Bağlantıyı kopyalayın:", url));
    else prompt("Bağlantıyı kopyalayın:", url);
  }
}

function renderOutput(o, v, shown) {
  const wrap = el("div", { class: `hesap-out hesap-kind-${o.kind}`, "data-output": o.name });
  wrap.append(el("dt", {}, o.label));
  const dd = el("dd");
  if (o.kind === "rows" && o.columns && Array.isArray(v)) {
    const box = el("div", { class: "hesap-scroll" });
    const table = el("table", { class: "hesap-table" });
    const head = el("tr");
    o.columns.forEach((c) => head.append(el("th", { scope: "col" }, c.label)));
    const thead = el("thead");
    thead.append(head);
    const body = el("tbody");
    for (const row of v) {
      const tr = el("tr");
      o.columns.forEach((c) => tr.append(el("td", { class: `hesap-cell-${c.kind}` }, cellText(row[c.key], c.kind))));
      body.append(tr);
    }
    table.append(thead, body);
    box.append(table);
    dd.append(box);
  } else if (o.kind === "download" && typeof v === "string") {
    const type = { ics: "text/calendar", csv: "text/csv", txt: "text/plain" }[o.filename.split(".").pop()] || "application/octet-stream";
    const a = el("a", { class: "md-button hesap-download", download: o.filename,
      href: URL.createObjectURL(new Blob([v], { type: `${type};charset=utf-8` })) }, `${o.filename} dosyasını indir`);
    dd.append(a);
  } else if (v && typeof v === "object" && !Array.isArray(v)) {
    const table = el("table", { class: "hesap-table" });
    const body = el("tbody");
    for (const [k, x] of Object.entries(v)) {
      const tr = el("tr");
      tr.append(el("th", { scope: "row" }, k), el("td", {}, typeof x === "object" ? JSON.stringify(x) : String(x)));
      body.append(tr);
    }
    table.append(body);
    dd.append(table);
  } else if (o.kind === "text" && typeof v === "string" && v.includes("\n")) {
    dd.append(el("pre", { class: "hesap-text" }, v));
  } else {
    dd.textContent = shown ?? "";
  }
  wrap.append(dd);
  return wrap;
}

const MONTHS = ["Ocak", "Şubat", "Mart", "Nisan", "Mayıs", "Haziran", "Temmuz", "Ağustos", "Eylül", "Ekim", "Kasım", "Aralık"];
const DAYS = ["Pazar", "Pazartesi", "Salı", "Çarşamba", "Perşembe", "Cuma", "Cumartesi"];

// "2026-10-09" / "2026-10-09T09:00" → "9 Ekim 2026 Cuma" (+ " 09:00"), as calc.dates.format_date writes it.
function dateText(iso) {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}:\d{2}))?/.exec(iso);
  if (!m) return iso;
  const day = new Date(Date.UTC(+m[1], +m[2] - 1, +m[3])).getUTCDay();
  return `${+m[3]} ${MONTHS[+m[2] - 1]} ${m[1]} ${DAYS[day]}` + (m[4] ? ` ${m[4]}` : "");
}

function cellText(v, kind) {
  if (v === null || v === undefined) return "—";
  if (kind === "date" || kind === "datetime") return dateText(String(v));
  if (kind === "money") return formatTr(String(v), 2) + " TL";
  if (kind === "decimal" || kind === "integer") return formatTr(String(v));
  return String(v);
}

// Pictures drawn from the result as inline SVG (no chart library): declared per output with `chart`.
function renderCharts(schema, result) {
  const charts = [];
  for (const o of schema.outputs) {
    const v = result[o.name];
    if (!o.chart || v === null || v === undefined) continue;
    let bars = null;
    if (o.chart === "bars" && typeof v === "object" && !Array.isArray(v)) {
      bars = Object.entries(v).filter(([, x]) => isNumber(x)).map(([k, x]) => ({ label: k, values: [Number(x)] }));
    } else if (o.chart === "amounts" && Array.isArray(v)) {
      const col = o.columns.find((c) => c.kind === "money");
      bars = v.filter((r) => Number(r[col.key]) !== 0).map((r) => ({ label: r.label, values: [Number(r[col.key])] }));
    } else if (o.chart === "before-after" && Array.isArray(v)) {
      bars = v.filter((r) => Number(r.before) !== 0 || Number(r.after) !== 0)
        .map((r) => ({ label: r.label, values: [Math.abs(Number(r.before)), Math.abs(Number(r.after))] }));
    }
    if (bars && bars.length >= 2 && bars.length <= 60) charts.push(barChart(o, bars, o.chart === "before-after" ? ["önce", "sonra"] : null));
  }
  return charts;
}

function isNumber(x) { return typeof x === "number" || /^-?\d+(\.\d+)?$/.test(String(x)); }

function barChart(o, bars, legend) {
  const ns = "http://www.w3.org/2000/svg";
  const per = bars[0].values.length;
  const row = 8 + 14 * per, labelW = 210, barW = 300, top = legend ? 18 : 4, h = top + bars.length * row + 4;
  const max = Math.max(...bars.flatMap((b) => b.values), 1);
  const svg = document.createElementNS(ns, "svg");
  svg.setAttribute("viewBox", `0 0 ${labelW + barW + 110} ${h}`);
  svg.setAttribute("class", `hesap-chart hesap-chart-${o.chart}`);
  svg.setAttribute("role", "img");
  svg.setAttribute("aria-label", `${o.label}: çubuk grafik`);
  const text = (x, y, s, anchor = "start", cls = "") => {
    const t = document.createElementNS(ns, "text");
    t.setAttribute("x", x); t.setAttribute("y", y); t.setAttribute("text-anchor", anchor);
    if (cls) t.setAttribute("class", cls);
    t.textContent = s;
    svg.append(t);
  };
  if (legend) legend.forEach((name, i) => {
    const r = document.createElementNS(ns, "rect");
    r.setAttribute("x", labelW + i * 80); r.setAttribute("y", 4); r.setAttribute("width", 10); r.setAttribute("height", 10);
    r.setAttribute("class", `hesap-bar-${i}`);
    svg.append(r);
    text(labelW + i * 80 + 14, 13, name);
  });
  bars.forEach((b, i) => {
    const y = top + i * row;
    text(labelW - 6, y + 4 + 7 * per + 4, b.label.length > 34 ? b.label.slice(0, 33) + "…" : b.label, "end");
    b.values.forEach((v, j) => {
      const w = Math.max(1, (v / max) * barW);
      const r = document.createElementNS(ns, "rect");
      r.setAttribute("x", labelW); r.setAttribute("y", y + 4 + j * 14); r.setAttribute("height", 12); r.setAttribute("width", w);
      r.setAttribute("class", `hesap-bar-${j}`);
      svg.append(r);
      text(labelW + w + 4, y + 14 + j * 14, formatTr(String(v), o.chart === "bars" ? null : 2));
    });
  });
  return svg;
}

// "1234.5" → "1.234,5" (or "1.234,50" with places=2): string work only, no float rounding.
function formatTr(plain, places = null) {
  const m = /^(-?)(\d+)(?:\.(\d+))?$/.exec(plain);
  if (!m) return plain;
  const whole = m[2].replace(/\B(?=(\d{3})+(?!\d))/g, ".");
  let frac = m[3] || "";
  if (places !== null) frac = (frac + "0".repeat(places)).slice(0, Math.max(places, frac.length));
  return m[1] + whole + (frac ? "," + frac : "");
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
  try {
    const inputs = JSON.parse(raw);
    if (!inputs || typeof inputs !== "object" || Array.isArray(inputs)) return null;
    return { inputs, date: params.get("tarih") || "" };
  } catch (e) {
    return null;
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
