// Runs the calc engine under Pyodide in Node, for the parity tests (tests/test_pyodide.py).
//   node engine.mjs run WHEEL CASES.json               → one JSON output per case, as calc.web.run_json gives
//   node engine.mjs pytest WHEEL WHEELDIR TESTDIR [args] → runs the engine's pytest suite inside Pyodide
//   node engine.mjs micropip WHEEL WHEELDIR             → installs WHEEL with micropip, prints calc's version
import { readFileSync, readdirSync } from "node:fs";
import { resolve, join, basename } from "node:path";
import { loadPyodide } from "pyodide";

const [mode, wheelPath, ...rest] = process.argv.slice(2);
const SITE = "/lib/python3.13/site-packages";
const bytes = (p) => new Uint8Array(readFileSync(p));  // Pyodide wants a typed array, not a Node Buffer

async function withWheels(py, dir, names) {
  const files = readdirSync(dir).filter((f) => f.endsWith(".whl") && (!names || names.some((n) => f.startsWith(n + "-"))));
  for (const f of files) py.unpackArchive(bytes(join(dir, f)), "zip", { extractDir: SITE });
}

// HESAP_STDLIB: start from this standard library archive (the site's trimmed one) instead of Pyodide's own
const py = await loadPyodide(process.env.HESAP_STDLIB ? { stdLibURL: process.env.HESAP_STDLIB } : {});
if (mode === "run") {
  py.unpackArchive(bytes(resolve(wheelPath)), "zip", { extractDir: SITE });
  const runJson = py.pyimport("calc.web").run_json;
  const cases = JSON.parse(readFileSync(resolve(rest[0]), "utf8"));  // a file: a large stdin pipe may answer EAGAIN
  const out = cases.map((c) => JSON.parse(runJson(c.id, JSON.stringify(c.inputs), c.date || null)));
  process.stdout.write(JSON.stringify(out));
} else if (mode === "pytest") {
  const [wheelDir, testDir, ...args] = rest;
  py.unpackArchive(bytes(resolve(wheelPath)), "zip", { extractDir: SITE });
  await withWheels(py, resolve(wheelDir), ["pytest", "pluggy", "pygments", "iniconfig", "packaging", "hypothesis", "attrs", "sortedcontainers"]);
  py.FS.mkdirTree("/tests");
  py.FS.mount(py.FS.filesystems.NODEFS, { root: resolve(testDir) }, "/tests");
  const code = py.runPython(`
import sys, pytest
sys.dont_write_bytecode = True
pytest.main(["/tests", "-q", "-p", "no:cacheprovider", "-m", "not browser and not pyodide", *${JSON.stringify(args)}])
`);
  process.exit(Number(code));
} else if (mode === "micropip") {
  const [wheelDir] = rest;
  await withWheels(py, resolve(wheelDir), ["micropip", "packaging"]);
  py.FS.mkdirTree("/wheels");
  py.FS.writeFile("/wheels/" + basename(wheelPath), bytes(resolve(wheelPath)));
  await py.runPythonAsync(`
import micropip
await micropip.install("emfs:/wheels/${basename(wheelPath)}", deps=False)
import calc
print(calc.__version__, len(calc.calculators()))
`);
} else {
  console.error("usage: node engine.mjs run|pytest|micropip ...");
  process.exit(2);
}
