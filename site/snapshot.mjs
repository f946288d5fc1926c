// Build time (Node): start Pyodide, install the calc wheel, import every calculator module and run each
// worked example once (so parameter tables are parsed), then write the memory snapshot, gzipped.
// A snapshot only loads into the exact same Pyodide build and standard library archive; the page falls back
// to a normal start otherwise.
//   node site/snapshot.mjs WHEEL OUT.gz [--stdlib ZIP] [--list OUT.json]
// --stdlib: start from this standard library archive (the site's trimmed one) instead of Pyodide's own.
// --list: also write the archive members Python imported (sitebuild.trim_stdlib keeps those).
import { readFileSync, writeFileSync } from "node:fs";
import { gzipSync } from "node:zlib";
import { loadPyodide } from "pyodide";

const [wheel, out, ...opts] = process.argv.slice(2);
const opt = (name) => (opts.indexOf(name) >= 0 ? opts[opts.indexOf(name) + 1] : undefined);
const stdlib = opt("--stdlib");
const py = await loadPyodide({ _makeSnapshot: true, ...(stdlib ? { stdLibURL: stdlib } : {}) });
py.unpackArchive(new Uint8Array(readFileSync(wheel)), "zip", { extractDir: "/lib/python3.13/site-packages" });
py.runPython(`
import json
import calc.web
from calc.registry import calculators
for c in calculators():
    calc.web.run_json(c.id, json.dumps(c.example_inputs(), ensure_ascii=False), None)
`);
if (opt("--list")) {
  // every path a reader's input can take: empty inputs, and a bad value in each field (errors import too)
  const used = py.runPython(`
import json, sys
import calc.web
from calc.registry import calculators
for c in calculators():
    calc.web.run_json(c.id, "{}", None)
    for f in c.inputs:
        calc.web.run_json(c.id, json.dumps({**c.example_inputs(), f.name: "1.2.3,4x"}, ensure_ascii=False), None)
json.dumps(sorted({m.__spec__.origin.split(".zip/", 1)[1] for m in list(sys.modules.values())
                   if getattr(getattr(m, "__spec__", None), "origin", None) and ".zip/" in m.__spec__.origin}))
`);
  writeFileSync(opt("--list"), used);
  process.exit(0);
}
const snapshot = py.makeMemorySnapshot();
const sparse = toSparse(snapshot);
writeFileSync(out, gzipSync(sparse, { level: 6 }));
console.log(`snapshot: ${snapshot.length} bytes, ${sparse.length} without its zero pages`);

// About a third of the heap is zero pages: leave them out, so there is less to download, gunzip and read back.
// Format (little endian): "HSNP", total length, page size, page count n, n page indices, then the n pages.
// site/static/worker.mjs (fromSparse) puts the pages back into a zeroed buffer of the total length.
function toSparse(bytes, page = 4096) {
  const kept = [];
  for (let i = 0; i * page < bytes.length; i++) {
    const p = bytes.subarray(i * page, Math.min((i + 1) * page, bytes.length));
    if (p.some((b) => b !== 0)) kept.push(i);
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
