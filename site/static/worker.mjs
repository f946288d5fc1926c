// Hesap's Python worker: starts Pyodide (self-hosted), installs the calc wheel, answers compute requests.
// Messages in:  {seq, id, inputs, date}     Messages out: {type:"progress"|"ready"|"result", ...}
import { loadPyodide } from "../../pyodide/pyodide.mjs";

const ROOT = new URL("../../", import.meta.url);
const WHEEL = new URL("py/@WHEEL@?v=@VERSION@", ROOT);
const SITE_PACKAGES = "/lib/python3.13/site-packages";

const t0 = performance.now();
const progress = (stage, text) => postMessage({ type: "progress", stage, text, ms: Math.round(performance.now() - t0) });

async function boot() {
  progress("python", "Python başlatılıyor…");
  const wheelBytes = fetch(WHEEL).then((r) => {
    if (!r.ok) throw new Error(`wheel ${r.status}`);
    return r.arrayBuffer();
  });
  const py = await loadPyodide({ indexURL: new URL("pyodide/", ROOT).href, fullStdLib: false });
  progress("engine", "Hesap motoru yükleniyor…");
  py.unpackArchive(await wheelBytes, "zip", { extractDir: SITE_PACKAGES });
  py.runPython("import calc.web, calc.registry; calc.registry.calculators()");
  const runJson = py.pyimport("calc.web").run_json;
  return { runJson, boot: "normal" };
}

const ready = boot().then(
  (engine) => {
    postMessage({ type: "ready", boot: engine.boot, ms: Math.round(performance.now() - t0) });
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
