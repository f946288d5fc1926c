// Hesap's Python worker: starts Pyodide (self-hosted), answers compute requests from the page.
// Fast path: a memory snapshot made at build time (site/snapshot.mjs) with calc already imported and every
// parameter table parsed. Fallback: a normal start that installs the calc wheel, taken when the snapshot fails
// for any reason. Which path ran is reported to the page (data-boot) and the console.
//
// The messages, in one table (every file that posts or reads one follows it):
//   from                         to             message
//   page (hesap.js)              worker         {seq, id, inputs, date}: compute calculator `id` (date: ISO or null)
//   page (partials/hesap-start)  worker         {type: "wasm", module}: once, with `wasm=page`; module null if refused
//   worker                       page           {type: "progress", text, ms}: what the start is doing ("indiriliyor")
//   worker                       page           {type: "ready", boot, ms, origin, marks}: Python is up (boot: path)
//   worker                       page           {type: "failed", message}: Python could not start at all
//   worker                       page           {type: "result", seq, id, out, ms}: the answer (calc.web.run_json)
//   partials/hesap-start         page           {type: "worker-error"}: the worker script itself failed (made up)
//   warm.mjs (throwaway worker)  page           "compiled": the code-cache warm-up ran (hesap.js warmCodeCache)
const ROOT = new URL("../../", import.meta.url);
const INDEX = new URL("pyodide/", ROOT).href;
const WHEEL = new URL("py/@WHEEL@?v=@VERSION@", ROOT);
const SNAPSHOT = new URL("pyodide/@SNAPSHOT@", ROOT);
const RAW_NAME = "@SNAPSHOT@".replace(/\.gz$/, "");  // the gunzipped snapshot, kept in the origin's private files
const SITE_PACKAGES = "/lib/python3.13/site-packages";
// Only the lock file's header is needed: we load no Pyodide package, so its 120 kB are not fetched.
const LOCK = { info: @LOCKINFO@, packages: {} };
// Flags come in the worker's name ("hesap?wasm=page&boot=normal", site/overrides/main.html), not in its URL: the
// URL stays the one the service worker precached, so an offline start finds it (WebKit asks the service worker
// for a worker's script; one with an extra query is not in the cache). The URL's query still counts.
const FLAGS = new URLSearchParams(`${(self.name || "").split("?")[1] || ""}&${new URL(import.meta.url).search.slice(1)}`);
const FORCE_NORMAL = FLAGS.get("boot") === "normal";

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
// when Emscripten asks to instantiate. With `wasm=page` in this worker's flags the page compiles it instead and
// posts the module: Chromium keeps a code cache of WebAssembly compiled in a page (none for a worker), so a
// return visit skips compiling altogether (site/overrides/main.html). Emscripten's own request for the file
// gets our download (no second copy). Any failure here falls back to Emscripten's own streaming compile.
function precompileWasm() {
  if (typeof WebAssembly.compileStreaming !== "function") return;
  const url = new URL("pyodide/pyodide.asm.wasm", ROOT).href;
  const plainFetch = self.fetch.bind(self);
  let download = null;
  const compileHere = () => {
    // not through the stand-in below: when the page's module is refused before Emscripten has asked for the
    // file, the stand-in would wait for this very compile (a start that never ends)
    download = plainFetch(url);
    return WebAssembly.compileStreaming(download.then((r) => r.clone()));
  };
  const fromPage = FLAGS.get("wasm") === "page"
    ? new Promise((resolve) => {
      const take = (event) => {
        if (event.data?.type !== "wasm") return;
        self.removeEventListener("message", take);
        resolve(event.data.module instanceof WebAssembly.Module ? event.data.module : null);
      };
      self.addEventListener("message", take);
      self.addEventListener("messageerror", () => resolve(null), { once: true });  // a module that could not cross
    })
    : Promise.resolve(null);
  const compiled = fromPage.then((module) => module || compileHere()).catch(() => null);
  let handedOver = false;
  self.fetch = (input, init) => {
    const asked = typeof input === "string" ? input : input instanceof URL ? input.href : input.url;
    if (asked === url && !handedOver) {
      handedOver = true;
      // the page's module needs no bytes here: an empty stand-in, never read (see instantiateStreaming below)
      return compiled.then((module) => download || (module ? new Response(new Uint8Array(0)) : plainFetch(input, init)));
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

let fromCache = false;  // the snapshot came from the private file system (forgotten if it does not start)

async function snapshotBytes() {
  // A read that fails while another tab or the previous page's worker is still closing the file is tried once
  // more before the copy is given up; why a copy was not used is kept in the marks (tests, benchmark, console).
  const retry = (err) => (err?.name === "NotReadableError" || err?.name === "InvalidStateError" || err?.name === "NoModificationAllowedError"
    ? new Promise((resolve) => setTimeout(resolve, 150)).then(readCached) : Promise.reject(err));
  const cached = await readCached().catch(retry).catch((err) => {
    marks["snapshot-not-cached"] = String(err?.name || err);
    if (err?.name !== "NotFoundError" && err?.name !== "NoPrivateFiles") forgetCached();
    return null;
  });
  if (cached) {
    mark("snapshot-cached");
    fromCache = true;
    return cached;
  }
  const r = await fetch(SNAPSHOT);
  if (!r.ok || !r.body) throw new Error(`snapshot: HTTP ${r.status}`);
  const body = counted(r.body, Number(r.headers.get("Content-Length")) || 0);
  const sparse = new Uint8Array(await new Response(body.pipeThrough(new DecompressionStream("gzip"))).arrayBuffer());
  const bytes = fromSparse(sparse);
  mark("snapshot");
  keepRaw(sparse);
  return bytes;
}

// A first visit on a slow line: say how much of the snapshot, by far the largest download, has arrived
// ("Python indiriliyor: 3,1 / 5,5 MB"), about every quarter megabyte. No size known: the bytes alone.
function counted(stream, total) {
  if (typeof TransformStream !== "function") return stream;
  const mb = (n) => (n / 1e6).toFixed(1).replace(".", ",");
  let seen = 0, told = 0;
  return stream.pipeThrough(new TransformStream({
    transform(chunk, out) {
      seen += chunk.byteLength;
      if (seen - told >= 250_000) {
        told = seen;
        progress(`Python indiriliyor: ${mb(seen)}${total ? ` / ${mb(total)}` : ""} MB`);
      }
      out.enqueue(chunk);
    },
  }));
}

// The heap without its zero pages (format in site/snapshot.mjs) back into one buffer, a run of consecutive
// pages at a time.
function fromSparse(sparse) {
  const view = new DataView(sparse.buffer, sparse.byteOffset, sparse.byteLength);
  if (sparse.length < 16 || view.getUint32(0, false) !== 0x48534e50) throw new Error("snapshot: not a Hesap snapshot file");
  const total = view.getUint32(4, true), page = view.getUint32(8, true), n = view.getUint32(12, true);
  const first = 16 + 4 * n;
  if (sparse.length !== first + n * page) throw new Error("snapshot: truncated");
  if (!page || total > 2 ** 30 || n > Math.ceil(total / page)) throw new Error("snapshot: bad header");
  const index = (k) => view.getUint32(16 + 4 * k, true);
  const bytes = new Uint8Array(total);
  for (let k = 0; k < n;) {
    let j = k + 1;
    while (j < n && index(j) === index(j - 1) + 1) j++;
    const at = index(k) * page, length = Math.min((j - k) * page, total - at);
    bytes.set(sparse.subarray(first + k * page, first + k * page + length), at);
    k = j;
  }
  return bytes;
}

// The origin private file system reads back far faster than a gunzip or the Cache API. Read as a File, not
// through a sync access handle: the read then happens off this thread (the worker is busy compiling meanwhile)
// and takes no lock, so two tabs can start at once. Written once Python is up; older builds' files are removed.
// The cached copy is optional: WebKitGTK ships without navigator.storage, an ephemeral or private session may
// refuse the directory, an engine may lack the sync access handle. Every call goes through privateFiles(), which
// turns "missing" and a synchronous throw into a rejected promise, so the gzip download always remains.
async function privateFiles() {
  if (typeof navigator.storage?.getDirectory !== "function") throw new DOMException("no origin private file system", "NoPrivateFiles");
  return navigator.storage.getDirectory();
}

async function readCached() {
  const dir = await privateFiles();
  const file = await (await dir.getFileHandle(RAW_NAME)).getFile();
  const sparse = new Uint8Array(await file.arrayBuffer());
  return fromSparse(sparse);
}

function forgetCached() {
  privateFiles().then((dir) => dir.removeEntry(RAW_NAME)).catch(() => {});
}

function keepRaw(bytes) {
  ready.then(async () => {
    let partial = false;  // a sync write began and did not end: half a copy on disk
    try {
      const dir = await privateFiles();
      if (typeof dir.keys === "function") {
        for await (const name of dir.keys()) if (name.startsWith("snapshot-") && name !== RAW_NAME) await dir.removeEntry(name);
      }
      const file = await dir.getFileHandle(RAW_NAME, { create: true });
      if (typeof file.createSyncAccessHandle === "function") {
        const handle = await file.createSyncAccessHandle();
        try {
          partial = true;
          handle.truncate(0);
          handle.write(bytes, { at: 0 });
          handle.flush();
          partial = false;
        } finally {
          handle.close();
        }
      } else {  // no sync access handle in this worker: a writable stream (it replaces the file only on close)
        const out = await file.createWritable();
        await out.write(bytes);
        await out.close();
      }
    } catch (err) {  // no private file system, no way to write, another tab writing, no room: the gzip path stays
      if (partial) forgetCached();  // never leave half a copy (it would be refused as truncated, but costs a read)
    }
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
      if (fromCache) forgetCached();  // the next visit downloads it again
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
  if (event.data?.type === "wasm") return;  // taken by precompileWasm
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
