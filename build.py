#!/usr/bin/env python3
"""Hesap's one entry point: setup, build, serve, test, bench, new-period.

    python3 build.py test         # on a fresh machine: makes .venv, installs, builds, runs every test
    python3 build.py test -k timeline   # arguments after `test` go to pytest
    python3 build.py test --engine      # the engine tests only: no site build, no browser
    python3 build.py serve        # builds when needed and serves dist/ on 127.0.0.1
    python3 build.py bench --engine all # time to the first result against bare Pyodide, per browser engine

It re-executes itself inside its own virtual environment (.venv), so no earlier step is needed; the Debian
packages it drives (Node.js, the browsers, Xvfb) it installs itself when it runs as root with apt-get.
Generated output (dist/, .venv/, node_modules/, .cache/) is never committed.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
CACHE = ROOT / ".cache"
DIST = ROOT / "dist"
PYODIDE_NPM = ROOT / "node_modules" / "pyodide"
EXTRAS = "site,test,pyodide"
PYODIDE_TEST_WHEELS = ROOT / "tests" / "pyodide" / "requirements.txt"


def log(msg: str) -> None:
    print(f"[build] {msg}", flush=True)


def run(cmd: list, **kw) -> None:
    subprocess.run([str(c) for c in cmd], check=True, **kw)


# ---------------------------------------------------------------- Debian packages

TOOLS = {"nodejs": "node", "npm": "npm"}  # Debian package → the command the build needs from it
ENGINE_PACKAGES = {"chromium": ("chromium",), "firefox": ("firefox-esr",), "webkit": ("webkit2gtk-driver", "xvfb")}


def browsers() -> dict[str, str]:
    """Debian package → the file the browser tests need from it (tests/browser/browserkit.py, stdlib only)."""
    sys.path.insert(0, str(ROOT / "tests" / "browser"))
    from browserkit import BROWSERS
    return dict(BROWSERS)


def plan_install(missing: list[str], euid: int, apt_get: str | None) -> tuple[str, list[list[str]]]:
    """What to do about Debian packages that are missing: ("ok", []), ("install", commands) when we are root
    with apt-get, else ("stop", [the command a person should run])."""
    if not missing:
        return "ok", []
    install = ["apt-get", "install", "-y", "-q", *missing]
    if euid == 0 and apt_get:
        return "install", [["apt-get", "update", "-q"], install]
    return "stop", [(["sudo"] if euid != 0 else []) + install]


def ensure_packages(wanted: dict[str, str]) -> None:
    """Installs the Debian packages in `wanted` (package → command or absolute path) whose file is missing."""
    missing = [pkg for pkg, need in wanted.items() if not (Path(need).exists() if os.path.isabs(need) else shutil.which(need))]
    action, commands = plan_install(missing, os.geteuid(), shutil.which("apt-get"))
    if action == "ok":
        return
    if action == "stop":
        raise SystemExit(f"[build] eksik paket / missing package: {', '.join(missing)} — kurun / install: {' '.join(commands[0])}")
    log(f"installing Debian packages: {' '.join(missing)}")
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    for cmd in commands:
        subprocess.run(cmd, check=True, env=env, stdout=subprocess.DEVNULL)


# ---------------------------------------------------------------- environment

def venv_python() -> Path:
    return VENV / "bin" / "python"


def in_venv() -> bool:
    return Path(sys.prefix).resolve() == VENV.resolve()


def setup(force: bool = False) -> None:
    """Create .venv, install the package with its development extras, install the pinned npm pyodide."""
    stamp = VENV / ".hesap-setup"
    inputs = [ROOT / "pyproject.toml", ROOT / "package-lock.json", PYODIDE_TEST_WHEELS]
    want = hashlib.sha256(b"".join(p.read_bytes() for p in inputs)).hexdigest()
    if not force and stamp.exists() and stamp.read_text() == want and PYODIDE_NPM.exists():
        return
    if not venv_python().exists():
        log(f"creating {VENV.name} with {sys.executable}")
        run([sys.executable, "-m", "venv", VENV])
    log("installing Python dependencies")
    run([venv_python(), "-m", "pip", "install", "-q", "--upgrade", "pip"])
    run([venv_python(), "-m", "pip", "install", "-q", "-e", f".[{EXTRAS}]"], cwd=ROOT)
    log("installing the pinned Pyodide and puppeteer-core from npm")
    # puppeteer-core drives Debian's Firefox: no browser download, ever
    run(["npm", "ci", "--silent", "--no-audit", "--no-fund"], cwd=ROOT, env={**os.environ, "PUPPETEER_SKIP_DOWNLOAD": "1"})
    log("downloading the pure-Python wheels the engine tests use inside Pyodide")
    run([venv_python(), "-m", "pip", "download", "-q", "--only-binary", ":all:", "--no-deps", "--python-version", "3.13",
         "--platform", "any", "-d", CACHE / "pyodide-wheels", "-r", PYODIDE_TEST_WHEELS])
    stamp.write_text(want)


def reexec_in_venv() -> None:
    if in_venv():
        return
    setup()
    os.execv(str(venv_python()), [str(venv_python()), str(Path(__file__).resolve()), *sys.argv[1:]])


# ---------------------------------------------------------------- build

def build_wheel(preview: bool = False) -> Path:
    out = CACHE / "wheel"
    shutil.rmtree(out, ignore_errors=True)
    out.mkdir(parents=True)
    run([sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "--no-build-isolation", "-w", out, ROOT])
    shutil.rmtree(ROOT / "build", ignore_errors=True)
    wheels = list(out.glob("hesap_calc-*-py3-none-any.whl"))
    if len(wheels) != 1:
        raise SystemExit(f"expected one py3-none-any wheel, found {wheels}")
    if preview:  # the engine in the browser accepts unconfirmed values too (calc.params.preview_mode)
        import zipfile
        with zipfile.ZipFile(wheels[0], "a") as z:
            z.writestr("calc/data/PREVIEW", "staff preview: not for publishing\n")
    return wheels[0]


def build(args=None) -> None:
    t0 = time.time()
    preview = bool(getattr(args, "preview", False))
    if preview:
        os.environ["HESAP_PREVIEW"] = "1"
        log("ÖNİZLEME: teyit edilmemiş değerler kabul ediliyor; bu derleme yayımlanmamalı")
    from calc import ParameterError, params, staff
    try:  # a preview accepts unconfirmed values and scaffold placeholders; a publishable build refuses both
        staff.check_publishable() if not preview else [params.compose_set(n, allow_unconfirmed=True) for n in params.set_names()]
    except ParameterError as exc:  # the build refuses a table that is incomplete, inconsistent or unsourced
        raise SystemExit(f"[build] parametre hatası: {exc}\n[build] site derlenmedi; dosyayı düzeltip yeniden deneyin.") from None
    import sitebuild  # site/sitebuild.py: pages, forms, worker, service worker

    wheel = build_wheel(preview)
    sitebuild.build(root=ROOT, dist=DIST, wheel=wheel, pyodide_dir=PYODIDE_NPM, preview=preview)
    log(f"built {DIST.relative_to(ROOT)}/ in {time.time() - t0:.1f} s")


def new_period(args) -> None:
    """Scaffold the next period of a parameter set from its newest one, every value marked to confirm."""
    sys.path.insert(0, str(ROOT))
    from calc import staff
    try:
        path = staff.scaffold_period(args.set, args.period, ROOT / "calc" / "data")
    except (ValueError, FileNotFoundError) as exc:
        raise SystemExit(f"new-period: {exc}") from None
    print(f"{path.relative_to(ROOT)} yazıldı. Her değeri resmî kaynağıyla karşılaştırıp güncelleyin ve o değerin\n"
          "`confirmed = false` satırını silin. Önizleme: python3 build.py serve --preview  ·  Yayın öncesi: python3 build.py test")


def serve(args) -> None:
    if args.rebuild or args.preview or not (DIST / "calculators.json").exists():
        build(args)
    import functools
    import http.server

    from hosting import HostHandler  # site/hosting.py: gzip and caching as a common static host

    handler = functools.partial(HostHandler, directory=str(DIST))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", args.port), handler)
    print(f"Hesap: http://127.0.0.1:{server.server_address[1]}/  (durdurmak için Ctrl+C)", flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass


def lint(args=None) -> int:
    """ruff, configured in pyproject.toml (pyflakes, bugbear, a complexity limit); also the first step of `test`."""
    code = subprocess.call([sys.executable, "-m", "ruff", "check", "--quiet", "."], cwd=ROOT)
    if code:
        log("lint found problems (python3 build.py lint); a long function kept on purpose says so: # noqa: C901 (why)")
    if args is not None and getattr(args, "command", "") == "lint":
        sys.exit(code)
    return code


def test(args) -> None:
    if lint():
        sys.exit(1)
    if args.engine:  # issue 18: the engine tests alone, no site build and no browser (about 20 s)
        cmd = [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "tests", "--ignore=tests/browser",
               "-m", "not pyodide", *args.pytest_args]
    else:
        ensure_packages(browsers())
        build()
        cmd = [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", *args.pytest_args]
    code = subprocess.call(cmd, cwd=ROOT)
    if code == 5:
        log("pytest collected no tests: that is a failure")
        code = 1
    sys.exit(code)


def golden(args) -> None:
    """Rewrite tests/golden/*.json from every calculator's worked example (review the diff, then commit)."""
    sys.path.insert(0, str(ROOT / "tests"))
    import goldenkit
    for p in goldenkit.write_all():
        log(f"wrote {p.relative_to(ROOT)}")


def bench(args) -> None:
    names = list(ENGINE_PACKAGES) if args.engine == "all" else [args.engine]
    every = browsers()
    ensure_packages({pkg: every[pkg] for name in names for pkg in ENGINE_PACKAGES[name]})
    build()
    sys.path.insert(0, str(ROOT / "tests"))
    from benchmark import main as bench_main
    bench_main(DIST, runs=args.runs, names=names)


def parse(argv: list[str]) -> argparse.Namespace:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = p.add_subparsers(dest="command", required=True)
    sub.add_parser("setup", help="create .venv and install everything (also done by every other command)")
    bd = sub.add_parser("build", help="build the site into dist/")
    bd.add_argument("--preview", action="store_true", help="staff preview: accept values not yet confirmed (never publish)")
    s = sub.add_parser("serve", help="serve dist/ on 127.0.0.1 (builds when needed)")
    s.add_argument("--port", type=int, default=8000)
    s.add_argument("--rebuild", action="store_true", help="build even when dist/ exists")
    s.add_argument("--preview", action="store_true", help="build a staff preview first (see build --preview)")
    n = sub.add_parser("new-period", help="scaffold the next parameter period, e.g. new-period salary 2027-01")
    n.add_argument("set", help="parameter set: salary, income_tax, ...")
    n.add_argument("period", help="period id: 2027-01 (month), 2027 (year) or 2027-03-15 (day)")
    t = sub.add_parser("test", allow_abbrev=False, usage="%(prog)s [--engine] [pytest arguments, e.g. -k timeline -x]",
                       help="install missing browsers, build, then run every test (engine, Pyodide in Node, "
                            "Chromium, Firefox, WebKit); every other argument goes to pytest")
    t.add_argument("--engine", action="store_true", help="only the engine tests: no site build, no browser")
    b = sub.add_parser("bench", help="measure page speed against a bare Pyodide page, per browser engine")
    sub.add_parser("lint", help="check the Python code with ruff (pyproject.toml [tool.ruff]); test runs it first")
    sub.add_parser("golden", help="rewrite tests/golden/ from every calculator's worked example (review the diff)")
    b.add_argument("--runs", type=int, default=3)
    b.add_argument("--engine", choices=[*ENGINE_PACKAGES, "all"], default="chromium")
    args, rest = p.parse_known_args(argv)
    if args.command == "test":
        args.pytest_args = rest  # in order, options included (argparse would refuse `-k` as a positional)
    elif rest:
        p.error(f"unrecognized arguments: {' '.join(rest)}")
    return args


def main() -> None:
    args = parse(sys.argv[1:])
    if args.command == "setup":
        ensure_packages(TOOLS)
        setup(force=True)
        return
    if args.command == "new-period":  # stdlib only: works before any setup
        new_period(args)
        return
    ensure_packages(TOOLS)
    reexec_in_venv()
    sys.path.insert(0, str(ROOT / "site"))
    {"build": build, "serve": serve, "test": test, "bench": bench, "golden": golden, "lint": lint}[args.command](args)


if __name__ == "__main__":
    main()
