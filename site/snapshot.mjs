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
    example = c.example if c.example is not None else {f.name: f.default for f in c.inputs if f.default is not None}
    calc.web.run_json(c.id, json.dumps(example, ensure_ascii=False), None)
`);
const snapshot = py.makeMemorySnapshot();
writeFileSync(out, gzipSync(snapshot, { level: 6 }));
console.log(`snapshot: ${snapshot.length} bytes raw`);
