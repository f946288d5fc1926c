// Hesap page script: forms generated from the registry talk to the Python worker.
// Contract hooks: [data-calculator], data-state (prerendered|loading|done|error), <output data-result data-json>,
// inputs in the URL fragment as #girdi=<URL-encoded JSON>.
const VERSION = "@VERSION@";

const calcs = [...document.querySelectorAll("[data-calculator]")];
const root = (calcs[0] && calcs[0].dataset.root) || document.querySelector('meta[name="hesap-root"]')?.content || "./";


function registerServiceWorker() {
  if (!("serviceWorker" in navigator) || location.protocol === "file:") return;
  navigator.serviceWorker.register(new URL("sw.js", new URL(root, location.href)), { scope: new URL(root, location.href).pathname }).catch(() => {});
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
  let worker = window.__hesapWorker;
  const unsupported = typeof WebAssembly !== "object" || !window.Worker;
  if (!worker && !unsupported) {
    try { worker = new Worker(new URL(`assets/hesap/worker.mjs?v=${VERSION}`, new URL(root, location.href)), { type: "module", name: "hesap" }); }
    catch (e) { worker = null; }
  }
  const widgets = calcs.map((node) => new Calculator(node, worker));
  if (!worker) {
    registerServiceWorker();
    widgets.forEach((w) => w.unsupported("Bu tarayıcı WebAssembly ya da modül Web Worker desteklemiyor: aşağıda örneğin sonucu ve tablolar görünüyor, kendi girdilerinizle hesaplama yapılamıyor. Güncel bir tarayıcı kullanın."));
    return;
  }
  let ready = false;
  worker.addEventListener("message", (e) => {
    const m = e.data;
    if (m.type === "progress") widgets.forEach((w) => !ready && w.status(m.text + " (ilk ziyarette Python indirilir, sonra çevrimdışı da çalışır)"));
    if (m.type === "ready") {
      ready = true;
      console.info(`[hesap] Python hazır: ${m.boot} açılış, ${m.ms} ms`, m.marks);
      widgets.forEach((w) => w.ready(m.boot));
      registerServiceWorker();  // after Python is up, so offline precaching never competes with the first start
    }
    if (m.type === "failed") registerServiceWorker();
    if (m.type === "failed") widgets.forEach((w) => w.unsupported(`Python başlatılamadı (${m.message}). Sayfayı yenileyin; sorun sürerse başka bir tarayıcı deneyin.`));
    if (m.type === "result") widgets.forEach((w) => w.receive(m));
  });
  worker.addEventListener("error", () => widgets.forEach((w) => !ready && w.unsupported("Hesaplayıcı başlatılamadı: bu tarayıcı modül Web Worker desteklemiyor olabilir. Örnek sonucu aşağıda.")));
}

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
    this.form.addEventListener("input", () => this.schedule());
    this.form.addEventListener("change", () => this.schedule());
    this.form.addEventListener("submit", (e) => { e.preventDefault(); this.compute(); });
    node.querySelector('[data-action="copy"]').addEventListener("click", () => this.copyLink());
    node.querySelector('[data-action="print"]').addEventListener("click", () => window.print());
    node.querySelector('[data-action="example"]').addEventListener("click", () => { this.fill(this.example, ""); this.compute(); });
  }

  status(text) { if (this.statusText) this.statusText.textContent = text; }

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
    this.compute();
  }

  // Recompute on every change, coalesced: at most one computation in flight, the newest inputs always win.
  schedule() {
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
  }

  compute() {
    if (!this.worker) return;
    const { inputs, date } = this.fragment || this.read();
    if (this.isReady) this.fragment = null;
    this.latestInputs = inputs;
    this.latestDate = date;
    this.latest = ++SEQ;
    this.setState("loading");
    if (!this.isReady) return;  // computed once the worker is ready
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
    const chart = renderChart(this.schema, out.result);
    if (chart) frag.append(chart);
    if (out.warnings.length) {
      const ul = el("ul", { class: "hesap-warnings" });
      out.warnings.forEach((w) => ul.append(el("li", {}, w)));
      frag.append(ul);
    }
    const details = el("details", { class: "hesap-steps-box", open: "" });
    details.append(el("summary", {}, "Adım adım hesap ve dayanakları"));
    const ol = el("ol", { class: "hesap-steps" });
    for (const s of out.steps) {
      const li = el("li");
      li.append(el("span", { class: "hesap-step-label" }, s.label), " ", el("span", { class: "hesap-step-value" }, s.display));
      if (s.reference) li.append(" ", el("span", { class: "hesap-step-ref" }, s.reference));
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
  if (v && typeof v === "object" && !Array.isArray(v)) {
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

// A bar chart of the first {name: number} output marked main, drawn as inline SVG.
function renderChart(schema, result) {
  const o = schema.outputs.find((x) => x.main && x.kind === "table" && result[x.name] && typeof result[x.name] === "object");
  if (!o) return null;
  const entries = Object.entries(result[o.name]).filter(([, v]) => typeof v === "number" || /^-?\d+(\.\d+)?$/.test(String(v)));
  if (entries.length < 2 || entries.length > 60) return null;
  const max = Math.max(...entries.map(([, v]) => Number(v)), 1);
  const row = 22, labelW = 160, barW = 320, h = entries.length * row + 8;
  const ns = "http://www.w3.org/2000/svg";
  const svg = document.createElementNS(ns, "svg");
  svg.setAttribute("viewBox", `0 0 ${labelW + barW + 60} ${h}`);
  svg.setAttribute("class", "hesap-chart");
  svg.setAttribute("role", "img");
  svg.setAttribute("aria-label", `${o.label}: çubuk grafik`);
  entries.forEach(([k, v], i) => {
    const y = 4 + i * row;
    const t = document.createElementNS(ns, "text");
    t.setAttribute("x", labelW - 6); t.setAttribute("y", y + 15); t.setAttribute("text-anchor", "end");
    t.textContent = k.length > 24 ? k.slice(0, 23) + "…" : k;
    const r = document.createElementNS(ns, "rect");
    r.setAttribute("x", labelW); r.setAttribute("y", y + 3); r.setAttribute("height", row - 8);
    r.setAttribute("width", Math.max(1, (Number(v) / max) * barW));
    const n = document.createElementNS(ns, "text");
    n.setAttribute("x", labelW + Math.max(1, (Number(v) / max) * barW) + 6); n.setAttribute("y", y + 15);
    n.textContent = formatTr(String(v));
    svg.append(t, r, n);
  });
  return svg;
}

function formatTr(plain) {
  const m = /^(-?)(\d+)(?:\.(\d+))?$/.exec(plain);
  if (!m) return plain;
  const whole = m[2].replace(/\B(?=(\d{3})+(?!\d))/g, ".");
  return m[1] + whole + (m[3] ? "," + m[3] : "");
}

function toFormText(v, decl) {
  if (v === null || v === undefined) return "";
  if (decl && decl.type === "list" && Array.isArray(v)) {
    const items = decl.items || [];
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

// Start only after every declaration above is initialised (classes are not hoisted).
announceUpdate();
if (calcs.length) startCalculators();
else registerServiceWorker();
