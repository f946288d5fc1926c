// Hesap's Python worker: starts Pyodide (self-hosted), answers compute requests from the page.
// Fast path: a memory snapshot made at build time (site/snapshot.mjs) with calc already imported and every
// parameter table parsed. Fallback: a normal start that installs the calc wheel, taken when the snapshot fails
// for any reason. Which path ran is reported to the page (data-boot) and the console.
// Messages in:  {seq, id, inputs, date}     Messages out: {type: "progress"|"ready"|"failed"|"result", ...}
const ROOT = new URL("../../", import.meta.url);
const INDEX = new URL("pyodide/", ROOT).href;
const WHEEL = new URL("py/@WHEEL@?v=@VERSION@", ROOT);
const SNAPSHOT = new URL("pyodide/@SNAPSHOT@", ROOT);
const RAW_CACHE = "pyodide-snapshot-raw";  // the decompressed snapshot, kept after the first visit
const SITE_PACKAGES = "/lib/python3.13/site-packages";
// Only the lock file's header is needed: we load no Pyodide package, so its 120 kB are not fetched.
const LOCK = { info: @LOCKINFO@, packages: {} };
const FORCE_NORMAL = new URL(import.meta.url).searchParams.get("boot") === "normal";

const t0 = performance.now();
const since = () => Math.round(performance.now() - t0);
const marks = {};
const mark = (name) => { marks[name] = since(); };
const progress = (text) => postMessage({ type: "progress", text, ms: since() });

// Start every download before the Pyodide loader is even imported.
const snapshot = FORCE_NORMAL || typeof DecompressionStream !== "function" ? null : snapshotBytes();
if (snapshot) snapshot.catch(() => {});  // a failure is handled where it is awaited
const loader = import("../../pyodide/pyodide.mjs");
precompileWasm();

// Pyodide only starts compiling its 8.6 MB of WebAssembly once the snapshot is read, because the memory size
// comes from the snapshot. Compiling does not need it: compile now, in parallel, and hand the module over
// when Emscripten asks to instantiate. Any failure here falls back to Emscripten's own streaming compile.
function precompileWasm() {
  if (typeof WebAssembly.compileStreaming !== "function") return;
  const compiled = WebAssembly.compileStreaming(fetch(new URL("pyodide/pyodide.asm.wasm", ROOT))).catch(() => null);
  const streaming = WebAssembly.instantiateStreaming;
  WebAssembly.instantiateStreaming = async (source, imports) => {
    const module = await compiled;
    if (!module) return streaming(source, imports);
    Promise.resolve(source).then((r) => r.body && r.body.cancel()).catch(() => {});  // its copy is not needed
    return { module, instance: await WebAssembly.instantiate(module, imports) };
  };
}
let wheel = null;
const wheelBytes = () => (wheel ??= fetch(WHEEL).then((r) => {
  if (!r.ok) throw new Error(`wheel: HTTP ${r.status}`);
  return r.arrayBuffer();
}));

async function snapshotBytes() {
  const raw = await caches.open(RAW_CACHE).then((c) => c.match(SNAPSHOT.href)).catch(() => undefined);
  if (raw) {
    const bytes = fromSparse(new Uint8Array(await raw.arrayBuffer()));
    mark("snapshot-cached");
    return bytes;
  }
  const r = await fetch(SNAPSHOT);
  if (!r.ok || !r.body) throw new Error(`snapshot: HTTP ${r.status}`);
  const sparse = new Uint8Array(await new Response(r.body.pipeThrough(new DecompressionStream("gzip"))).arrayBuffer());
  const bytes = fromSparse(sparse);
  mark("snapshot");
  keepRaw(sparse);
  return bytes;
}

// The heap without its zero pages (format in site/snapshot.mjs) back into one buffer.
function fromSparse(sparse) {
  const view = new DataView(sparse.buffer, sparse.byteOffset, sparse.byteLength);
  if (view.getUint32(0, false) !== 0x48534e50) throw new Error("snapshot: not a Hesap snapshot file");
  const total = view.getUint32(4, true), page = view.getUint32(8, true), n = view.getUint32(12, true);
  const head = 16 + 4 * n;
  if (sparse.length !== head + n * page) throw new Error("snapshot: truncated");
  const bytes = new Uint8Array(total);
  for (let k = 0; k < n; k++) {
    const at = view.getUint32(16 + 4 * k, true) * page;
    bytes.set(sparse.subarray(head + k * page, head + k * page + Math.min(page, total - at)), at);
  }
  return bytes;
}

function keepRaw(bytes) {
  // Once Python is up, store the decompressed snapshot so the next visit skips the gunzip; drop older builds'.
  ready.then(async () => {
    try {
      const cache = await caches.open(RAW_CACHE);
      for (const req of await cache.keys()) if (req.url !== SNAPSHOT.href) await cache.delete(req);
      await cache.put(SNAPSHOT.href, new Response(bytes, { headers: { "Content-Type": "application/octet-stream" } }));
    } catch (err) { /* storage full or unavailable: the gzip path still works */ }
  }, () => {});
}

async function installWheel(py) {
  py.unpackArchive(await wheelBytes(), "zip", { extractDir: SITE_PACKAGES });
  py.runPython("import calc.web, calc.registry; calc.registry.calculators()");
}

async function boot() {
  progress("Python başlatılıyor…");
  const { loadPyodide } = await loader;
  if (snapshot) {
    try {
      const py = await loadPyodide({ indexURL: INDEX, lockFileContents: LOCK, _loadSnapshot: snapshot });
      mark("pyodide");
      const runJson = py.pyimport("calc.web").run_json;  // imported when the snapshot was made
      mark("engine");
      // The package files are not needed (every module and table is in memory) but are unpacked later anyway,
      // so that anything read lazily still finds its file.
      setTimeout(() => installWheel(py).catch((err) => console.warn("[hesap] wheel:", err)), 2000);
      return { runJson, boot: "snapshot" };
    } catch (err) {
      console.warn("[hesap] snapshot start failed, falling back to a normal start:", err);
    }
  }
  const py = await loadPyodide({ indexURL: INDEX, lockFileContents: LOCK });
  mark("pyodide");
  progress("Hesap motoru yükleniyor…");
  await installWheel(py);
  const runJson = py.pyimport("calc.web").run_json;
  mark("engine");
  return { runJson, boot: FORCE_NORMAL ? "normal" : "fallback" };
}

const ready = boot().then(
  (engine) => {
    postMessage({ type: "ready", boot: engine.boot, ms: since(), marks, origin: performance.timeOrigin });
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
