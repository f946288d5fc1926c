// Compiles Pyodide's Emscripten script (from the service worker's cache) and runs its setup function up to the
// point where it asks for the WebAssembly instance, which never comes; then says so. hesap.js starts it twice
// after a first visit, so that the browser keeps a code cache of the script, setup function included, for the
// worker of the next visit (see warmCodeCache there). Nothing here reaches Python.
// A failed import (the reader left the page meanwhile, or the network went) is said, not thrown: an uncaught
// error in a worker reaches the page as its own error (Firefox).
try {
  await import(new URL("../../pyodide/pyodide.asm.js", import.meta.url).href);
  try {
    const settings = { instantiateWasm: () => ({}), locateFile: (path) => path, noInitialRun: true, preRun: [], API: { config: {} } };
    globalThis._createPyodideModule(settings).catch(() => {});
  } catch (err) { /* a newer Pyodide set up differently: the script itself is still compiled */ }
  postMessage("compiled");
} catch (err) {
  postMessage("not compiled");
}
