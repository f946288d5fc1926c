// Hesap's Python worker: starts Pyodide (self-hosted), answers compute requests from the page.
// Fast path: a memory snapshot made at build time (site/snapshot.mjs) with calc already imported.
// Fallback: a normal start that installs the calc wheel; taken when the snapshot fails for any reason.
// Messages in:  {seq, id, inputs, date}     Messages out: {type: "progress"|"ready"|"failed"|"result", ...}
import { loadPyodide } from "../../pyodide/pyodide.mjs";

const ROOT = new URL("../../", import.meta.url);
const INDEX = new URL("pyodide/", ROOT).href;
const WHEEL = new URL("py/@WHEEL@?v=@VERSION@", ROOT);
const SNAPSHOT = new URL("pyodide/@SNAPSHOT@", ROOT);
const SITE_PACKAGES = "/lib/python3.13/site-packages";
// Only the lock file's header is needed: we load no Pyodide package, so its 120 kB are not fetched.
const LOCK = { info: @LOCKINFO@, packages: {} };
const FORCE_NORMAL = new URL(import.meta.url).searchParams.get("boot") === "normal";

const t0 = performance.now();
const since = () => Math.round(performance.now() - t0);
const marks = {};
const mark = (name) => { marks[name] = since(); };
const progress = (text) => postMessage({ type: "progress", text, ms: since() });

const wheelBytes = fetch(WHEEL).then((r) => {
  if (!r.ok) throw new Error(`wheel: HTTP ${r.status}`);
  return r.arrayBuffer();
});

async function fetchSnapshot() {
  const r = await fetch(SNAPSHOT);
  if (!r.ok || !r.body) throw new Error(`snapshot: HTTP ${r.status}`);
  const bytes = new Uint8Array(await new Response(r.body.pipeThrough(new DecompressionStream("gzip"))).arrayBuffer());
  mark("snapshot");
  return bytes;
}

async function install(py) {
  mark("pyodide");
  // The snapshot already has calc imported; the files are unpacked too, for anything read lazily.
  py.unpackArchive(await wheelBytes, "zip", { extractDir: SITE_PACKAGES });
  py.runPython("import calc.web, calc.registry; calc.registry.calculators()");
  const runJson = py.pyimport("calc.web").run_json;
  mark("engine");
  return runJson;
}

async function boot() {
  progress("Python başlatılıyor…");
  if (!FORCE_NORMAL && typeof DecompressionStream === "function") {
    try {
      const py = await loadPyodide({ indexURL: INDEX, lockFileContents: LOCK, _loadSnapshot: fetchSnapshot() });
      return { runJson: await install(py), boot: "snapshot" };
    } catch (err) {
      console.warn("[hesap] snapshot start failed, falling back to a normal start:", err);
    }
  }
  const py = await loadPyodide({ indexURL: INDEX, lockFileContents: LOCK });
  progress("Hesap motoru yükleniyor…");
  return { runJson: await install(py), boot: FORCE_NORMAL ? "normal" : "fallback" };
}

const ready = boot().then(
  (engine) => {
    postMessage({ type: "ready", boot: engine.boot, ms: since(), marks });
    return engine;
  },
  (err) => {
    postMessage({ type: "failed", message: String(err && err.message ? err.message : err) });
    throw err;
  },
);

self.onmessage = async (event) => {
  const { seq, id, inputs, date } = event.data;
  let engine;
  try {
    engine = await ready;
  } catch (err) {
    return;
  }
  const started = performance.now();
  const text = engine.runJson(id, JSON.stringify(inputs), date || null);
  postMessage({ type: "result", seq, id, out: JSON.parse(text), ms: performance.now() - started });
};
