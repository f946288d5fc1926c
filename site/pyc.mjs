// Build time (Node): the trimmed standard library with every module compiled, by the very Python the site
// ships (Pyodide's own compiler), to a sourceless .pyc (hash-based, unchecked; docstrings and asserts left
// out, as `python -OO`). A first visit then loads bytecode instead of compiling about a hundred modules
// (about 0.9 s of a 1.4 s Pyodide start in Node here), for about 0.5 MB more to download.
//   node site/pyc.mjs IN.zip OUT.zip
import { readFileSync, writeFileSync } from "node:fs";
import { loadPyodide } from "pyodide";

const [input, out] = process.argv.slice(2);
const py = await loadPyodide();
py.FS.writeFile("/tmp/in.zip", new Uint8Array(readFileSync(input)));
py.runPython(`
import importlib.util, marshal, zipfile
with zipfile.ZipFile("/tmp/in.zip") as src, zipfile.ZipFile("/tmp/out.zip", "w") as dst:
    for info in src.infolist():
        data = src.read(info.filename)
        if not info.filename.endswith(".py"):
            dst.writestr(info, data)
            continue
        # the path the module has when imported from Pyodide's archive (tracebacks, __file__ of its package)
        code = compile(data, "/lib/python313.zip/" + info.filename, "exec", dont_inherit=True, optimize=2)
        pyc = importlib.util.MAGIC_NUMBER + (1).to_bytes(4, "little") + importlib.util.source_hash(data) + marshal.dumps(code)
        member = zipfile.ZipInfo(info.filename + "c", info.date_time)
        member.compress_type = zipfile.ZIP_DEFLATED
        dst.writestr(member, pyc, compresslevel=9)
`);
writeFileSync(out, py.FS.readFile("/tmp/out.zip"));
