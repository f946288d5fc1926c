// Drives Debian's Firefox ESR over WebDriver BiDi (npm puppeteer-core, no browser download) for the Python
// tests and the benchmark (tests/browser/engines.py). One JSON request per line on stdin, one answer per line
// on stdout: {id, op, ...} → {id, value} or {id, error}. Ops: open (a fresh profile and a page), goto, reload,
// eval (an expression, awaited in the page), close, quit.
import readline from "node:readline";
import puppeteer from "puppeteer-core";

const executablePath = process.argv[2] || "/usr/bin/firefox-esr";
const browser = await puppeteer.launch({ browser: "firefox", executablePath, headless: true, protocolTimeout: 180_000 });
const pages = new Map();
let next = 0;

const ops = {
  async open() {
    const context = await browser.createBrowserContext();
    const page = await context.newPage();
    const errors = [];
    page.on("pageerror", (err) => errors.push(String(err?.message || err)));
    const handle = ++next;
    pages.set(handle, { context, page, errors });
    return handle;
  },
  async goto({ handle, url, timeout }) {
    await pages.get(handle).page.goto(url, { waitUntil: "load", timeout });
    return null;
  },
  async reload({ handle, timeout }) {
    await pages.get(handle).page.reload({ waitUntil: "load", timeout });
    return null;
  },
  async eval({ handle, expr }) {
    return pages.get(handle).page.evaluate(`(async () => (${expr}))()`);
  },
  async errors({ handle }) {
    return pages.get(handle).errors;
  },
  async close({ handle }) {
    const entry = pages.get(handle);
    pages.delete(handle);
    if (entry) await entry.context.close();
    return null;
  },
};

const say = (answer) => process.stdout.write(JSON.stringify(answer) + "\n");
say({ id: 0, value: await browser.version() });
for await (const line of readline.createInterface({ input: process.stdin })) {
  if (!line.trim()) continue;
  const { id, op, ...args } = JSON.parse(line);
  if (op === "quit") break;
  try {
    const value = await ops[op](args);
    say({ id, value: value === undefined ? null : value });
  } catch (err) {
    say({ id, error: String(err?.message || err) });
  }
}
await browser.close();
