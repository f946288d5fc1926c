// Build time (Node): start Pyodide with its whole standard library, install the calc wheel, run every
// calculator on its worked example, on empty inputs and with a bad value in each field (errors import too),
// and write the standard-library archive members Python imported (sitebuild.trim_stdlib keeps those).
//   node site/imports.mjs WHEEL OUT.json
import { readFileSync, writeFileSync } from "node:fs";
import { loadPyodide } from "pyodide";

const [wheel, out] = process.argv.slice(2);
const py = await loadPyodide();
py.unpackArchive(new Uint8Array(readFileSync(wheel)), "zip", { extractDir: "/lib/python3.13/site-packages" });
const used = py.runPython(`
import json, sys
import calc.web
from calc.registry import calculators
for c in calculators():
    calc.web.run_json(c.id, json.dumps(c.example_inputs(), ensure_ascii=False), None)
    calc.web.run_json(c.id, "{}", None)
    for f in c.inputs:
        calc.web.run_json(c.id, json.dumps({**c.example_inputs(), f.name: "1.2.3,4x"}, ensure_ascii=False), None)
json.dumps(sorted({m.__spec__.origin.split(".zip/", 1)[1] for m in list(sys.modules.values())
                   if getattr(getattr(m, "__spec__", None), "origin", None) and ".zip/" in m.__spec__.origin}))
`);
writeFileSync(out, used);
