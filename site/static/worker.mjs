// Hesap's Python worker: starts Pyodide (self-hosted), answers compute requests from the page.
// Fast path: a memory snapshot made at build time (site/snapshot.mjs) with calc already imported and every
// parameter table parsed. Fallback: a normal start that installs the calc wheel, taken when the snapshot fails
// for any reason. Which path ran is reported to the page (data-boot) and the console.
// Messages in:  {seq, id, inputs, date}     Messages out: {type: "progress"|"ready"|"failed"|"result", ...}
const ROOT = new URL("../../", import.meta.url);
const INDEX = new URL("pyodide/", ROOT).href;
const WHEEL = new URL("py/@WHEEL@?v=@VERSION@", ROOT);
const SNAPSHOT = new URL("pyodide/@SNAPSHOT@", ROOT);
const RAW_NAME = "@SNAPSHOT@".replace(/\.gz$/, "");  // the gunzipped snapshot, kept in the origin's private files
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
// The 1 MB Emscripten script Pyodide imports later, after its configuration step: start it now (same URL,
// so Pyodide's own import finds it already loaded).
import(`${INDEX}pyodide.asm.js`).catch(() => {});
precompileWasm();

// Pyodide only starts compiling its 8.6 MB of WebAssembly once the snapshot is read, because the memory size
// comes from the snapshot. Compiling does not need it: compile now, in parallel, and hand the module over
// when Emscripten asks to instantiate. Emscripten's own request for the file gets this same download (no
// second copy). Any failure here falls back to Emscripten's own streaming compile.
function precompileWasm() {
  if (typeof WebAssembly.compileStreaming !== "function") return;
  const url = new URL("pyodide/pyodide.asm.wasm", ROOT).href;
  const download = fetch(url);
  const compiled = WebAssembly.compileStreaming(download.then((r) => r.clone())).catch(() => null);
  const plainFetch = self.fetch.bind(self);
  let handedOver = false;
  self.fetch = (input, init) => {
    const asked = typeof input === "string" ? input : input instanceof URL ? input.href : input.url;
    if (asked === url && !handedOver) {
      handedOver = true;
      return download;
    }
    return plainFetch(input, init);
  };
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
  const cached = await readCached().catch(() => null);
  if (cached) {
    mark("snapshot-cached");
    return cached;
  }
  const r = await fetch(SNAPSHOT);
  if (!r.ok || !r.body) throw new Error(`snapshot: HTTP ${r.status}`);
  const sparse = new Uint8Array(await new Response(r.body.pipeThrough(new DecompressionStream("gzip"))).arrayBuffer());
  const bytes = fromSparse((buf, at) => buf.set(sparse.subarray(at, at + buf.length)), sparse.length);
  mark("snapshot");
  keepRaw(sparse);
  return bytes;
}

// The heap without its zero pages (format in site/snapshot.mjs) back into one buffer. `read(buf, at)` fills
// buf from the sparse file's offset `at`; each run of consecutive pages is read straight into its place.
function fromSparse(read, size) {
  const head = new Uint8Array(16);
  read(head, 0);
  const view = new DataView(head.buffer);
  if (view.getUint32(0, false) !== 0x48534e50) throw new Error("snapshot: not a Hesap snapshot file");
  const total = view.getUint32(4, true), page = view.getUint32(8, true), n = view.getUint32(12, true);
  const first = 16 + 4 * n;
  if (size !== first + n * page) throw new Error("snapshot: truncated");
  const index = new Uint8Array(4 * n);
  read(index, 16);
  const pages = new DataView(index.buffer);
  const bytes = new Uint8Array(total);
  for (let k = 0; k < n;) {
    let j = k + 1;
    while (j < n && pages.getUint32(4 * j, true) === pages.getUint32(4 * (j - 1), true) + 1) j++;
    const at = pages.getUint32(4 * k, true) * page;
    read(bytes.subarray(at, Math.min(at + (j - k) * page, total)), first + k * page);
    k = j;
  }
  return bytes;
}

// The origin private file system reads back far faster than a gunzip or the Cache API (a worker can read
// it synchronously). Written once Python is up; older builds' files are removed.
async function readCached() {
  const dir = await navigator.storage.getDirectory();
  const handle = await (await dir.getFileHandle(RAW_NAME)).createSyncAccessHandle();
  try {
    return fromSparse((buf, at) => {
      if (handle.read(buf, { at }) !== buf.length) throw new Error("snapshot: short read");
    }, handle.getSize());
  } finally {
    handle.close();
  }
}

function keepRaw(bytes) {
  ready.then(async () => {
    try {
      const dir = await navigator.storage.getDirectory();
      for await (const name of dir.keys()) if (name.startsWith("snapshot-") && name !== RAW_NAME) await dir.removeEntry(name);
      const handle = await (await dir.getFileHandle(RAW_NAME, { create: true })).createSyncAccessHandle();
      try {
        handle.truncate(0);
        handle.write(bytes, { at: 0 });
        handle.flush();
      } finally {
        handle.close();
      }
    } catch (err) { /* no private file system or no room: the gzip path still works */ }
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
