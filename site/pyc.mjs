// Build time (Node): Python modules compiled, by the very Python the site ships (Pyodide's own compiler), to
// sourceless .pyc files (hash-based, unchecked) in place of their sources, so that a start loads bytecode instead
// of compiling. Two uses (sitebuild):
//   node site/pyc.mjs IN.zip OUT.zip stdlib    the trimmed standard library, docstrings and asserts left out (as
//       `python -OO`): about 0.9 s of a 1.4 s Pyodide start in Node here, for about 0.5 MB more to download
//   node site/pyc.mjs IN.whl OUT.whl wheel     calc's wheel, compiled as it is (its asserts and docstrings kept:
//       the same program as under CPython): 0.2–0.4 s less on a first visit, for about 0.16 MB more; sitebuild
//       then rewrites the wheel's RECORD
import { readFileSync, writeFileSync } from "node:fs";
import { loadPyodide } from "pyodide";

const [input, out, kind = "stdlib"] = process.argv.slice(2);
const py = await loadPyodide();
py.FS.writeFile("/tmp/in.zip", new Uint8Array(readFileSync(input)));
py.globals.set("kind", kind);
py.runPython(`
import importlib.util, marshal, sys, zipfile
major, minor = sys.version_info[:2]
# the path a module has when imported on the site (tracebacks, __file__ of its package)
where, optimize = {"stdlib": (f"/lib/python{major}{minor}.zip/", 2),
                   "wheel": (f"/lib/python{major}.{minor}/site-packages/", 0)}[kind]
with zipfile.ZipFile("/tmp/in.zip") as src, zipfile.ZipFile("/tmp/out.zip", "w") as dst:
    for info in src.infolist():
        data = src.read(info.filename)
        if not info.filename.endswith(".py"):
            dst.writestr(info, data)
            continue
        code = compile(data, where + info.filename, "exec", dont_inherit=True, optimize=optimize)
        pyc = importlib.util.MAGIC_NUMBER + (1).to_bytes(4, "little") + importlib.util.source_hash(data) + marshal.dumps(code)
        member = zipfile.ZipInfo(info.filename + "c", info.date_time)
        member.compress_type = zipfile.ZIP_DEFLATED
        dst.writestr(member, pyc, compresslevel=9)
`);
writeFileSync(out, py.FS.readFile("/tmp/out.zip"));
