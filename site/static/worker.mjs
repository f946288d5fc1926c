// Hesap's Python worker: starts Pyodide (self-hosted), answers compute requests from the page.
// A first visit starts Pyodide normally and installs the calc wheel ("first"), and leaves a memory snapshot of
// that start in the browser; every later visit starts from it ("snapshot"). A copy that fails to start falls
// back to a normal start ("fallback"); `?boot=normal` forces one ("normal"). Which path ran is reported to the
// page (data-boot) and the console.
//
// The messages, in one table (every file that posts or reads one follows it):
//   from                         to             message
//   page (hesap.js)              worker         {seq, id, inputs, date}: compute calculator `id` (date: ISO or null)
//   page (partials/hesap-start)  worker         {type: "wasm", module}: once, with `wasm=page`; module null if refused
//   worker                       page           {type: "progress", text, ms}: what the start is doing
//   partials/hesap-start         page           {type: "progress", text}: "Python indiriliyor: 1,2 / 2,8 MB" (made up,
//                                               dispatched on the worker object while the page downloads the wasm)
//   worker                       page           {type: "ready", boot, ms, origin, marks}: Python is up (boot: path)
//   worker                       page           {type: "failed", message}: Python could not start at all
//   worker                       page           {type: "result", seq, id, out, ms}: the answer (calc.web.run_json)
//   worker                       page           {type: "kept", where, bytes, ms}: the snapshot copy was written
//                                               (where: "private" files, "cache" storage, or null: not kept)
//   partials/hesap-start         page           {type: "worker-error"}: the worker script itself failed (made up)
//   warm.mjs (throwaway worker)  page           "compiled": the code-cache warm-up ran (hesap.js warmCodeCache)
const ROOT = new URL("../../", import.meta.url);
const INDEX = new URL("pyodide/", ROOT).href;
const WHEEL = new URL("py/@WHEEL@?v=@VERSION@", ROOT);
const COPY = "snapshot-@SNAPSHOT_KEY@.bin";  // key: the wheel's contents, the standard library, Pyodide, this file
const COPY_CACHE = "snapshot-copy";  // Cache Storage name for engines without private files (not "hesap-": sw.js)
const COPY_URL = new URL(`pyodide/${COPY}`, ROOT).href;  // its key there (never requested from the server)
const SITE_PACKAGES = "/lib/python3.13/site-packages";
// Only the lock file's header is needed: we load no Pyodide package, so its 120 kB are not fetched.
const LOCK = { info: @LOCKINFO@, packages: {} };
// Flags come in the worker's name ("hesap?wasm=page&boot=normal", partials/hesap-start), not in its URL: the
// URL stays the one the service worker precached, so an offline start finds it (WebKit asks the service worker
// for a worker's script; one with an extra query is not in the cache). The URL's query still counts.
const FLAGS = new URLSearchParams(`${(self.name || "").split("?")[1] || ""}&${new URL(import.meta.url).search.slice(1)}`);
const FORCE_NORMAL = FLAGS.get("boot") === "normal";

const t0 = performance.now();
const since = () => Math.round(performance.now() - t0);
const marks = {};
const mark = (name) => { marks[name] = since(); };
const progress = (text) => postMessage({ type: "progress", text, ms: since() });

// What the page posts this worker (`wasm=page`): resolves with the message, null if it could not cross.
// Listening starts before anything else, so a message posted before this script ran is not missed.
const fromPage = (type) => new Promise((resolve) => {
  const take = (event) => {
    if (event.data?.type !== type) return;
    self.removeEventListener("message", take);
    resolve(event.data);
  };
  self.addEventListener("message", take);
  self.addEventListener("messageerror", () => resolve(null), { once: true });
});

// Files Pyodide fetches that this worker answers itself, once each: URL → (input, init) => Promise<Response>.
// Any other request goes to the network, that is, the service worker.
const plainFetch = self.fetch.bind(self);
const answers = new Map();
self.fetch = (input, init) => {
  const asked = typeof input === "string" ? input : input instanceof URL ? input.href : input.url;
  const answer = answers.get(asked);
  if (!answer) return plainFetch(input, init);
  answers.delete(asked);
  return answer(input, init);
};

// Start every read and download before the Pyodide loader is even imported.
const copy = FORCE_NORMAL ? Promise.resolve(null) : readCopy().catch((err) => { marks["no-copy"] = String(err); return null; });
let wheel = null;
const wheelBytes = () => (wheel ??= fetch(WHEEL).then((r) => {
  if (!r.ok) throw new Error(`wheel: HTTP ${r.status}`);
  return r.arrayBuffer();
}));
// a start from the copy takes calc's files from it too; every other start unpacks the wheel (see boot)
copy.then((saved) => { if (!saved || saved === REFUSED) wheelBytes().catch(() => {}); });
const loader = import("../../pyodide/pyodide.mjs");
// The 1 MB Emscripten script Pyodide imports later, after its configuration step: start it now (same URL,
// so Pyodide's own import finds it already loaded).
import(`${INDEX}pyodide.asm.js`).catch(() => {});
precompileWasm();

// Pyodide only starts compiling its 8.6 MB of WebAssembly once the copy is read, because the memory size
// comes from the snapshot. Compiling does not need it: compile now, in parallel, and hand the module over
// when Emscripten asks to instantiate. With `wasm=page` in this worker's flags the page compiles it instead and
// posts the module: Chromium keeps a code cache of WebAssembly compiled in a page (none for a worker), so a
// return visit skips compiling altogether (site/overrides/main.html). Emscripten's own request for the file
// gets our download (no second copy). Any failure here falls back to Emscripten's own streaming compile.
function precompileWasm() {
  if (typeof WebAssembly.compileStreaming !== "function") return;
  const url = new URL("pyodide/pyodide.asm.wasm", ROOT).href;
  let download = null;
  const compileHere = () => {
    // not through the stand-in below: when the page's module is refused before Emscripten has asked for the
    // file, the stand-in would wait for this very compile (a start that never ends)
    download = plainFetch(url);
    return WebAssembly.compileStreaming(download.then((r) => r.clone()));
  };
  const given = FLAGS.get("wasm") === "page"
    ? fromPage("wasm").then((m) => (m?.module instanceof WebAssembly.Module ? m.module : null))
    : Promise.resolve(null);
  const compiled = given.then((module) => module || compileHere()).catch(() => null);
  // the page's module needs no bytes here: an empty stand-in, never read (see instantiateStreaming below)
  answers.set(url, (input, init) => compiled.then((module) => download || (module ? new Response(new Uint8Array(0)) : plainFetch(input, init))));
  const streaming = WebAssembly.instantiateStreaming;
  WebAssembly.instantiateStreaming = async (source, imports) => {
    const module = await compiled;
    if (!module) return streaming(source, imports);
    Promise.resolve(source).then((r) => r.body && r.body.cancel()).catch(() => {});  // its copy is not needed
    return { module, instance: await WebAssembly.instantiate(module, imports) };
  };
}

// The snapshot is made here, in the reader's browser, not downloaded: a first visit starts Pyodide normally
// (from the trimmed standard library and the wheel), copies the heap and the files it needs right after calc is
// imported and before any input of the reader reaches Python, and keeps that copy without its zero pages once
// the first result is out (format: pack). Every later start restores it. It is kept in the origin private file
// system (read through a read-only handle or as a File, so two tabs can start at once: readPrivate), or where an
// engine has none (WebKitGTK, some private windows) in Cache Storage. The copy is optional: without either, or
// when it fails, every start is normal.

async function readCopy() {
  // A read that fails while another tab or the previous page's worker is still closing the file is tried once
  // more before the copy is given up; why no copy was used is kept in the marks (tests, benchmark, console).
  const retry = (err) => (BUSY.has(err?.name) ? new Promise((resolve) => setTimeout(resolve, 150)).then(readPrivate) : Promise.reject(err));
  const copy = await readPrivate().catch(retry).catch((err) => {
    marks["no-private-copy"] = String(err?.name || err);
    // a file that is there and cannot be read: gone, so that the next start writes a new one
    if (err?.name !== "NotFoundError" && err?.name !== "NoPrivateFiles") forgetPrivate();
    return null;
  }) || await readCached().catch((err) => { marks["no-cached-copy"] = String(err?.name || err); return null; });
  if (copy === REFUSED) marks["copy-refused"] = since();
  else if (copy) mark("copy");
  return copy;
}

const BUSY = new Set(["NotReadableError", "InvalidStateError", "NoModificationAllowedError"]);

async function privateFiles() {
  if (typeof navigator.storage?.getDirectory !== "function") throw new DOMException("no origin private file system", "NoPrivateFiles");
  return navigator.storage.getDirectory();
}

function forgetPrivate() {
  privateFiles().then((dir) => dir.removeEntry(COPY)).catch(() => {});
}

// A read-only sync access handle puts the pages straight into the heap, off any other thread, and several starts
// may hold one at once; where the engine has none (or the file is held by a write) the file is read whole.
async function readPrivate() {
  const dir = await privateFiles();
  const file = await dir.getFileHandle(COPY);
  let handle = null;
  if (typeof file.createSyncAccessHandle === "function") {
    handle = await file.createSyncAccessHandle({ mode: "read-only" }).catch(() => null);
  }
  if (handle) {
    try {
      marks["copy-read"] = "handle";
      return unpack(onDisk(handle));
    } finally {
      handle.close();
    }
  }
  marks["copy-read"] = "file";
  return unpack(inMemory(new Uint8Array(await (await file.getFile()).arrayBuffer())));
}

async function snapshotCache() {
  if (typeof caches?.open !== "function") throw new DOMException("no Cache Storage", "NoCacheStorage");
  return caches.open(COPY_CACHE);
}

async function readCached() {
  const hit = await (await snapshotCache()).match(COPY_URL);
  if (!hit) throw new DOMException("no cached copy", "NotFoundError");
  marks["copy-read"] = "cache";
  return unpack(inMemory(new Uint8Array(await hit.arrayBuffer())));
}

// A copy this engine could not start from is replaced by a four-byte mark, so that it is not made again (and
// tried again) on every other visit: a new build has a new key and tries once more.
const REFUSED = "refused";
const REFUSAL = new Uint8Array([78, 79, 80, 69]);  // "NOPE"
const isRefusal = (bytes) => bytes.length === REFUSAL.length && bytes.every((b, i) => b === REFUSAL[i]);

// Written into the private files (a sync access handle, or a writable stream where there is none), else into
// Cache Storage. Copies of older builds are removed first. Says where it went, or nothing when it could not.
async function keep(bytes) {
  try {
    await keepPrivate(bytes);
    return "private";
  } catch (err) {
    try {
      const cache = await snapshotCache();
      for (const req of await cache.keys()) if (req.url !== COPY_URL) await cache.delete(req);
      await cache.put(COPY_URL, new Response(bytes, { headers: { "Content-Type": "application/octet-stream" } }));
      return "cache";
    } catch (err2) {
      return null;  // no storage, no room, another tab writing: the next start is a normal one
    }
  }
}

async function keepPrivate(bytes) {
  let partial = false;  // a sync write began and did not end: half a copy on disk
  try {
    const dir = await privateFiles();
    if (typeof dir.keys === "function") {
      for await (const name of dir.keys()) if (name.startsWith("snapshot-") && name !== COPY) await dir.removeEntry(name);
    }
    const file = await dir.getFileHandle(COPY, { create: true });
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
    } else {  // a writable stream replaces the file only on close
      const out = await file.createWritable();
      await out.write(bytes);
      await out.close();
    }
  } catch (err) {
    if (partial) forgetPrivate();  // never half a copy
    throw err;
  }
}

// The copy (little endian): the heap without its zero pages (about a third of it): "HSNP", total length, page
// size, page count n, n page indices, then the n pages (toSparse; unpack puts them back); then the files a
// start needs besides the heap: file count m, then m times path length, path (UTF-8), data length, data. They
// are the standard library's archive (given to Pyodide in place of its download) and calc's installed files
// (written where the wheel put them), so a start from the copy asks the network or service worker for neither.
function pack(heap, files) {
  const sparse = toSparse(heap);
  const paths = files.map((f) => new TextEncoder().encode(f.path));
  const size = sparse.length + 4 + files.reduce((n, f, i) => n + 8 + paths[i].length + f.data.length, 0);
  const out = new Uint8Array(size);
  const view = new DataView(out.buffer);
  out.set(sparse);
  let at = sparse.length;
  view.setUint32(at, files.length, true);
  at += 4;
  files.forEach((f, i) => {
    view.setUint32(at, paths[i].length, true);
    out.set(paths[i], at + 4);
    at += 4 + paths[i].length;
    view.setUint32(at, f.data.length, true);
    out.set(f.data, at + 4);
    at += 4 + f.data.length;
  });
  return out;
}

// A copy to read (unpack): its size, and a way to fill a view with its bytes from an offset.
const inMemory = (bytes) => ({ size: bytes.length, into: (view, at) => view.set(bytes.subarray(at, at + view.length)) });
const onDisk = (handle) => ({
  size: handle.getSize(),
  into: (view, at) => { if (handle.read(view, { at }) !== view.length) throw new Error("snapshot: truncated"); },
});

// The refusal, or the heap and the files (pack).
function unpack(source) {
  const read = (at, length) => {
    if (at + length > source.size) throw new Error("snapshot: truncated");
    const view = new Uint8Array(length);
    source.into(view, at);
    return view;
  };
  if (source.size === REFUSAL.length && isRefusal(read(0, REFUSAL.length))) return REFUSED;
  const { total, page, n } = sparseHeader(read(0, 16));
  const index = new DataView(read(16, 4 * n).buffer);
  const first = 16 + 4 * n, end = first + n * page;
  if (end > source.size) throw new Error("snapshot: truncated");
  const heap = new Uint8Array(total);
  for (let k = 0; k < n;) {  // runs of consecutive pages, one read each
    let j = k + 1;
    while (j < n && index.getUint32(4 * j, true) === index.getUint32(4 * (j - 1), true) + 1) j++;
    const at = index.getUint32(4 * k, true) * page, length = Math.min((j - k) * page, total - at);
    source.into(heap.subarray(at, at + length), first + k * page);
    k = j;
  }
  const rest = read(end, source.size - end);
  const view = new DataView(rest.buffer);
  const field = (at) => {
    if (at + 4 > rest.length) throw new Error("snapshot: truncated");
    return view.getUint32(at, true);
  };
  const files = [];
  let at = 0;
  const m = field(at);
  at += 4;
  for (let k = 0; k < m; k++) {
    const pathLength = field(at);
    const path = new TextDecoder().decode(rest.subarray(at + 4, at + 4 + pathLength));
    at += 4 + pathLength;
    const length = field(at);
    if (at + 4 + length > rest.length) throw new Error("snapshot: truncated");
    files.push({ path, data: rest.subarray(at + 4, at + 4 + length) });
    at += 4 + length;
  }
  if (at !== rest.length || !files.some((f) => STDLIB.test(f.path))) throw new Error("snapshot: bad file list");
  return { heap, files };
}

const STDLIB = /^\/lib\/python\d+\.zip$/;  // where Pyodide installs the standard library's archive
const STDLIB_URL = `${INDEX}python_stdlib.zip`;  // where Pyodide downloads it from

// What a start needs besides the heap (pack above), read from Pyodide's file system when the heap is copied.
function filesOf(py) {
  const files = [];
  const walk = (dir) => {
    for (const name of py.FS.readdir(dir)) {
      if (name === "." || name === "..") continue;
      const path = `${dir}/${name}`;
      if (py.FS.isDir(py.FS.stat(path).mode)) walk(path);
      else files.push({ path, data: py.FS.readFile(path) });
    }
  };
  for (const name of py.FS.readdir("/lib")) if (STDLIB.test(`/lib/${name}`)) files.push({ path: `/lib/${name}`, data: py.FS.readFile(`/lib/${name}`) });
  walk(SITE_PACKAGES);
  return files;
}

function writeFiles(py, files) {
  for (const { path, data } of files) {
    if (STDLIB.test(path)) continue;  // Pyodide has installed it
    py.FS.mkdirTree(path.slice(0, path.lastIndexOf("/")));
    py.FS.writeFile(path, data);
  }
}

function toSparse(bytes, page = 4096) {
  // Pyodide's snapshot is a fresh buffer whose length is a multiple of 16: read it a word at a time
  const words = new Uint32Array(bytes.buffer, bytes.byteOffset, bytes.byteLength >> 2);
  const kept = [];
  const per = page >> 2;
  for (let i = 0; i * page < bytes.length; i++) {
    const end = Math.min((i + 1) * per, words.length);
    for (let w = i * per; w < end; w++) if (words[w] !== 0) { kept.push(i); break; }
  }
  const head = 16 + 4 * kept.length;
  const out = new Uint8Array(head + kept.length * page);
  const view = new DataView(out.buffer);
  out.set([72, 83, 78, 80]);
  view.setUint32(4, bytes.length, true);
  view.setUint32(8, page, true);
  view.setUint32(12, kept.length, true);
  kept.forEach((idx, k) => {
    view.setUint32(16 + 4 * k, idx, true);
    out.set(bytes.subarray(idx * page, Math.min((idx + 1) * page, bytes.length)), head + k * page);
  });
  return out;
}

function sparseHeader(sparse) {
  const view = new DataView(sparse.buffer, sparse.byteOffset, sparse.byteLength);
  if (sparse.length < 16 || view.getUint32(0, false) !== 0x48534e50) throw new Error("snapshot: not a Hesap snapshot file");
  const total = view.getUint32(4, true), page = view.getUint32(8, true), n = view.getUint32(12, true);
  if (!page || total > 2 ** 31 || n > Math.ceil(total / page)) throw new Error("snapshot: bad header");
  return { total, page, n };
}

async function installWheel(py) {
  py.unpackArchive(await wheelBytes(), "zip", { extractDir: SITE_PACKAGES });
  py.runPython("import calc.web, calc.registry; calc.registry.calculators()");
}

async function boot() {
  progress("Python başlatılıyor…");
  const { loadPyodide } = await loader;
  const saved = await copy;
  if (saved && saved !== REFUSED) {
    // the standard library's archive from the copy, in place of a download
    const stdlib = saved.files.find((f) => STDLIB.test(f.path)).data;
    answers.set(STDLIB_URL, async () => new Response(stdlib));
    try {
      const py = await loadPyodide({ indexURL: INDEX, lockFileContents: LOCK, _loadSnapshot: saved.heap });
      mark("pyodide");
      // The heap has every module imported, but the files live outside it: the parameter tables are read
      // from the package when a calculator first needs them.
      writeFiles(py, saved.files);
      const runJson = py.pyimport("calc.web").run_json;  // imported when the copy was made
      mark("engine");
      return { runJson, boot: "snapshot" };
    } catch (err) {
      answers.delete(STDLIB_URL);
      console.warn("[hesap] snapshot start failed, falling back to a normal start:", err);
      keep(REFUSAL);  // not made again for this build
    }
  }
  const make = !FORCE_NORMAL && !saved;  // a first visit: make the copy the next visit starts from
  const py = await loadPyodide({ indexURL: INDEX, lockFileContents: LOCK, ...(make ? { _makeSnapshot: true } : {}) });
  mark("pyodide");
  progress("Hesap motoru yükleniyor…");
  await installWheel(py);
  let made = null;
  if (make) {
    try {
      // before any input of the reader reaches Python: none of it is kept
      made = { heap: py.makeMemorySnapshot(), files: filesOf(py) };
      mark("heap");
    } catch (err) {
      console.warn("[hesap] no snapshot made:", err);
    }
  }
  const runJson = py.pyimport("calc.web").run_json;
  mark("engine");
  return { runJson, made, boot: FORCE_NORMAL ? "normal" : saved ? "fallback" : "first" };
}

const ready = boot().then(
  (engine) => {
    postMessage({ type: "ready", boot: engine.boot, ms: since(), marks, origin: performance.timeOrigin });
    if (engine.made) keepLater(engine);
    return engine;
  },
  (err) => {
    postMessage({ type: "failed", message: String(err && err.message ? err.message : err) });
    throw err;
  },
);

// The copy is written a second after Python is up, when the first result is out (scanning and writing its
// 20-odd MB takes about 70 ms here), and the page is told where it went (tests and the benchmark wait for it).
function keepLater(engine) {
  setTimeout(async () => {
    const { heap, files } = engine.made;
    engine.made = null;
    const started = performance.now();
    const bytes = pack(heap, files);
    const where = await keep(bytes);
    postMessage({ type: "kept", where, bytes: bytes.length, ms: Math.round(performance.now() - started) });
  }, 1000);
}

self.onmessage = async (event) => {
  if (event.data?.type === "wasm") return;  // taken by fromPage (precompileWasm)
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
