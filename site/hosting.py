"""Serve dist/ the way a common static host does: one handler for `build.py serve`, the browser tests and the
benchmark, so what they measure is what a reader gets.

- Text, JavaScript, JSON and WebAssembly go out gzip-compressed when the browser asks for it (as GitHub Pages,
  Netlify or nginx with `gzip_types` do); files that are already compressed (`.gz`, `.zip`, images) go out as
  they are.
- Pages, the service worker and the version stamp are `Cache-Control: no-cache` (revalidated every time);
  everything else may be cached, and a conditional request (`If-Modified-Since`) is answered 304.
- A page's Content-Security-Policy (the one its own meta tag carries, listed in `dist/csp.json` by
  sitebuild.apply_csp) also goes out as a header, as a host configured from that file would send it.
"""

from __future__ import annotations

import email.utils
import gzip
import http.server
import io
import json
import os
import threading
from urllib.parse import unquote, urlsplit

TYPES = {".wasm": "application/wasm", ".mjs": "text/javascript", ".js": "text/javascript",
         ".webmanifest": "application/manifest+json", ".json": "application/json", ".gz": "application/octet-stream",
         ".svg": "image/svg+xml", ".ics": "text/calendar"}
COMPRESSIBLE = ("text/", "application/javascript", "application/json", "application/wasm",
                "application/manifest+json", "image/svg+xml")
REVALIDATE = ("sw.js", ".html", "/", "version.json")

_cache: dict[tuple[str, float], bytes] = {}
_policies: dict[tuple[str, float], dict] = {}
_lock = threading.Lock()


def gzipped(path: str, mtime: float) -> bytes:
    """The gzip body of a file, made once per file version (a host keeps it too)."""
    key = (path, mtime)
    with _lock:
        if key not in _cache:
            with open(path, "rb") as f:
                _cache[key] = gzip.compress(f.read(), compresslevel=6, mtime=0)
        return _cache[key]


class HostHandler(http.server.SimpleHTTPRequestHandler):
    extensions_map = {**http.server.SimpleHTTPRequestHandler.extensions_map, **TYPES}

    def log_message(self, *a):
        pass

    def sent(self, n: int) -> None:
        """Bytes of a body on the wire (the benchmark counts them)."""

    def end_headers(self):
        if self.path.split("?")[0].endswith(REVALIDATE):
            self.send_header("Cache-Control", "no-cache")
        policy = self.policy()
        if policy:
            self.send_header("Content-Security-Policy", policy)
        super().end_headers()

    def policy(self) -> str | None:
        listed = os.path.join(self.directory, "csp.json")
        try:
            stat = os.stat(listed)
        except OSError:
            return None
        policies = _policies.get((listed, stat.st_mtime))
        if policies is None:
            with open(listed, encoding="utf-8") as f:
                policies = _policies[(listed, stat.st_mtime)] = json.load(f)
        rel = unquote(urlsplit(self.path).path).lstrip("/")
        return policies.get(rel + "index.html" if rel.endswith("/") or rel == "" else rel)

    def send_head(self):
        path = self.translate_path(self.path)
        if urlsplit(self.path).path.endswith("/") and os.path.isfile(os.path.join(path, "index.html")):
            path = os.path.join(path, "index.html")  # a page: its index.html, compressed like any other file
        ctype = self.guess_type(path)
        wants = "gzip" in self.headers.get("Accept-Encoding", "")
        if not (wants and os.path.isfile(path) and ctype.startswith(COMPRESSIBLE)):
            return super().send_head()
        stat = os.stat(path)
        since = self.headers.get("If-Modified-Since")
        if since:
            try:
                if int(stat.st_mtime) <= email.utils.parsedate_to_datetime(since).timestamp():
                    self.send_response(304)
                    self.end_headers()
                    return None
            except (TypeError, ValueError, IndexError, OverflowError):
                pass
        body = gzipped(path, stat.st_mtime)
        self.send_response(200)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Vary", "Accept-Encoding")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Last-Modified", self.date_time_string(stat.st_mtime))
        self.end_headers()
        return io.BytesIO(body)

    def copyfile(self, source, outputfile):
        data = source.read()
        try:
            outputfile.write(data)
        except (BrokenPipeError, ConnectionResetError):
            return  # the browser went away mid-answer (a page closed while it downloaded): nothing to report
        self.sent(len(data))
