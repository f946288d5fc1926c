"""build.py's own decisions: which Debian packages it installs or asks for, and what `test` passes to pytest."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
pytestmark = pytest.mark.skipif(sys.platform == "emscripten", reason="build.py runs in CPython, not in Pyodide")


@pytest.fixture(scope="module")
def build():
    spec = importlib.util.spec_from_file_location("hesap_build", ROOT / "build.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_nothing_missing_installs_nothing(build):
    assert build.plan_install([], 0, "/usr/bin/apt-get") == ("ok", [])
    assert build.plan_install([], 1000, None) == ("ok", [])


def test_root_with_apt_updates_then_installs_what_is_missing(build):
    action, commands = build.plan_install(["firefox-esr", "xvfb"], 0, "/usr/bin/apt-get")
    assert action == "install"
    assert commands[0][:2] == ["apt-get", "update"]
    assert commands[1][:3] == ["apt-get", "install", "-y"] and commands[1][-2:] == ["firefox-esr", "xvfb"]


@pytest.mark.parametrize("euid, apt_get, prefix", [(1000, "/usr/bin/apt-get", ["sudo"]), (1000, None, ["sudo"]), (0, None, [])])
def test_otherwise_it_stops_and_names_the_command(build, euid, apt_get, prefix):
    action, commands = build.plan_install(["chromium"], euid, apt_get)
    assert action == "stop"
    assert commands == [prefix + ["apt-get", "install", "-y", "-q", "chromium"]]


def test_the_stop_is_one_line_in_turkish_and_english(build, monkeypatch, tmp_path):
    monkeypatch.setattr(build.os, "geteuid", lambda: 1000)
    with pytest.raises(SystemExit) as stop:
        build.ensure_packages({"chromium": str(tmp_path / "no-chromium"), "nodejs": sys.executable})
    line = str(stop.value)
    assert "\n" not in line and "eksik paket / missing package: chromium" in line
    assert line.endswith("sudo apt-get install -y -q chromium")


def test_every_engine_names_packages_the_browser_tests_know(build):
    browsers = build.browsers()
    assert set(browsers) == {pkg for pkgs in build.ENGINE_PACKAGES.values() for pkg in pkgs}
    assert all(Path(path).is_absolute() for path in browsers.values())


@pytest.mark.parametrize("argv, engine, passed", [
    (["test"], False, []),
    (["test", "-k", "timeline"], False, ["-k", "timeline"]),
    (["test", "--engine", "-x", "-k", "not slow", "tests/test_dues.py"], True, ["-x", "-k", "not slow", "tests/test_dues.py"]),
    (["test", "-q", "--engine"], True, ["-q"]),
])
def test_arguments_after_test_go_to_pytest(build, argv, engine, passed):
    args = build.parse(argv)
    assert (args.engine, args.pytest_args) == (engine, passed)


def test_other_commands_refuse_unknown_arguments(build, capsys):
    with pytest.raises(SystemExit):
        build.parse(["serve", "-k", "timeline"])
    assert "unrecognized arguments: -k timeline" in capsys.readouterr().err
    assert build.parse(["bench", "--engine", "webkit"]).engine == "webkit"
