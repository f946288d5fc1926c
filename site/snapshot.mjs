// Build time (Node): start Pyodide, install the calc wheel, import every calculator module and run each
// worked example once (so parameter tables are parsed), then write the memory snapshot, gzipped.
// A snapshot only loads into the exact same Pyodide build; the page falls back to a normal start otherwise.
//   node site/snapshot.mjs WHEEL OUT.gz
import { readFileSync, writeFileSync } from "node:fs";
import { gzipSync } from "node:zlib";
import { loadPyodide } from "pyodide";

const [wheel, out] = process.argv.slice(2);
const py = await loadPyodide({ _makeSnapshot: true });
py.unpackArchive(new Uint8Array(readFileSync(wheel)), "zip", { extractDir: "/lib/python3.13/site-packages" });
py.runPython(`
import json
import calc.web
from calc.registry import calculators
for c in calculators():
    calc.web.run_json(c.id, json.dumps(c.example_inputs(), ensure_ascii=False), None)
`);
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
