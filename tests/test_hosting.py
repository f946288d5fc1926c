"""site/hosting.py serves dist/ as a common static host does: what the benchmark and the phone audit count."""

from __future__ import annotations

import functools
import gzip
import http.server
import os
import socket
import struct
import sys
import threading
import time
import urllib.request
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "site"))
from hosting import HostHandler  # noqa: E402


@pytest.fixture()
def site(tmp_path):
    (tmp_path / "maas").mkdir()
    page = "<!doctype html><title>maaş</title>" + "<p>satır</p>" * 2000
    (tmp_path / "maas" / "index.html").write_text(page, encoding="utf-8")
    (tmp_path / "index.html").write_text(page, encoding="utf-8")
    (tmp_path / "a.wasm").write_bytes(b"\0asm" + b"\0" * 5000)
    (tmp_path / "x.zip").write_bytes(b"PK" + bytes(range(256)) * 20)
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(HostHandler, directory=str(tmp_path)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}", page, tmp_path
    server.shutdown()


def get(url: str, gzip_ok: bool = True):
    req = urllib.request.Request(url, headers={"Accept-Encoding": "gzip"} if gzip_ok else {})
    with urllib.request.urlopen(req) as r:
        return r.headers, r.read()


@pytest.mark.parametrize("path", ["/maas/", "/", "/maas/index.html"])
def test_a_page_goes_out_compressed_under_its_directory_url_too(site, path):
    base, page, _ = site
    headers, body = get(base + path)
    assert headers["Content-Encoding"] == "gzip"
    assert headers["Content-Type"].startswith("text/html")
    assert headers["Cache-Control"] == "no-cache"
    assert gzip.decompress(body).decode("utf-8") == page
    assert int(headers["Content-Length"]) == len(body) < len(page.encode()) / 10


def test_without_gzip_a_page_goes_out_as_it_is(site):
    base, page, _ = site
    headers, body = get(base + "/maas/", gzip_ok=False)
    assert headers["Content-Encoding"] is None
    assert body.decode("utf-8") == page


def test_webassembly_is_compressed_and_an_archive_is_not(site):
    base, _, _ = site
    headers, _body = get(base + "/a.wasm")
    assert headers["Content-Encoding"] == "gzip"
    headers, _body = get(base + "/x.zip")
    assert headers["Content-Encoding"] is None


def test_a_browser_that_goes_away_mid_answer_is_not_an_error(site, capfd):
    """A page closed while it downloads (the tests and the benchmark close many) is not a traceback in the log."""
    base, _, root = site
    (root / "big.zip").write_bytes(os.urandom(16_000_000))
    port = int(base.rsplit(":", 1)[1])
    conn = socket.create_connection(("127.0.0.1", port))
    conn.sendall(b"GET /big.zip HTTP/1.0\r\n\r\n")
    conn.recv(1)
    conn.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))  # reset, as a closed tab does
    conn.close()
    time.sleep(1)
    assert "Traceback" not in capfd.readouterr().err
