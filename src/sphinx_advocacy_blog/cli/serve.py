"""Preview the site: ``python -m sphinx_advocacy_blog serve SOURCEDIR [--port N]``.

Builds every locale as ``build`` does (into a folder outside the source, kept between runs
so that the next start is an incremental build), serves it on 127.0.0.1 as static hosts
serve Docusaurus-style URLs (``/blog/x`` is ``blog/x.html``, ``/ru/blog/x`` the Russian
one, ``/blog/`` a folder's ``index.html``), and watches the source folder: a saved file
rebuilds the site and every open page reloads itself.

The watcher is a small polling loop of the standard library rather than sphinx-autobuild:
sphinx-autobuild builds one language with one ``sphinx-build`` and serves files by their
names (so ``html_link_suffix = ""`` links are 404s there too), and it would add a web
framework, a web-socket server and a file watcher to the dependencies. Polling the
modification times of the source files twice a second costs milliseconds for a thousand
posts; pages ask the server for the build number once a second (``/__blog_build__``) and
reload when it changes. Nothing of this reaches the built files.
"""

from __future__ import annotations

import functools
import hashlib
import http.server
import os
import posixpath
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import TextIO
from urllib.parse import unquote, urlsplit

from .build_all import build_all_locales

BUILD_URL = "/__blog_build__"
#: Folders of a source tree that are never the site's sources.
SKIPPED = {"_build", "__pycache__", "node_modules", ".git", ".hg", ".svn", ".venv", "venv"}
RELOAD_SCRIPT = (
    "<script>(function(){var seen=null;function poll(){fetch('BUILD_URL',{cache:'no-store'})"
    ".then(function(r){return r.text()}).then(function(n){if(seen!==null&&n!==seen)"
    "location.reload();seen=n}).catch(function(){}).then(function(){setTimeout(poll,1000)})}"
    "poll()})();</script>"
).replace("BUILD_URL", BUILD_URL)


def default_outdir(srcdir: str) -> str:
    """A folder outside the source for *srcdir*'s preview (the same one every run)."""
    key = hashlib.blake2b(os.path.abspath(srcdir).encode(), digest_size=6).hexdigest()
    return os.path.join(tempfile.gettempdir(), f"sphinx-advocacy-blog-serve-{key}")


def resolve(root: str, url_path: str) -> str | None:
    """The file of the built site at *root* that serves *url_path*, or None.

    ``/x`` is ``x.html`` (even when a folder ``x/`` exists: the blog index ``blog.html``
    beside the ``blog/`` folder), else ``x`` itself; a folder is its ``index.html``.
    """
    path = posixpath.normpath(unquote(urlsplit(url_path).path)).lstrip("/")
    if path in (".", ""):
        path = ""
    if ".." in path.split("/") or "\x00" in path:
        return None
    base = os.path.join(root, *path.split("/")) if path else root
    candidates = [base + ".html", base] if path and not path.endswith(".html") else [base]
    candidates.append(os.path.join(base, "index.html"))
    for candidate in candidates:
        if os.path.isfile(candidate):
            return candidate
    return None


class PreviewHandler(http.server.SimpleHTTPRequestHandler):
    """Serves the built site with Docusaurus-style URLs and the reload script."""

    def build_number(self) -> int:
        """The number of the last build (pages reload when it changes)."""
        return 0

    def log_message(self, format: str, *args: object) -> None:
        pass

    def do_GET(self) -> None:
        if urlsplit(self.path).path == BUILD_URL:
            self._send(200, str(self.build_number()).encode(), "text/plain")
            return
        found = resolve(str(self.directory), self.path)
        if found is None:
            missing = os.path.join(str(self.directory), "404.html")
            body = Path(missing).read_bytes() if os.path.isfile(missing) else b"Not found"
            self._send(404, self._with_reload(body), "text/html; charset=utf-8")
            return
        if found.endswith(".html"):
            body = self._with_reload(Path(found).read_bytes())
            self._send(200, body, "text/html; charset=utf-8")
            return
        self.path = "/" + os.path.relpath(found, str(self.directory)).replace(os.sep, "/")
        super().do_GET()

    def _with_reload(self, body: bytes) -> bytes:
        script = RELOAD_SCRIPT.encode()
        index = body.rfind(b"</body>")
        return body[:index] + script + body[index:] if index >= 0 else body + script

    def _send(self, status: int, body: bytes, content_type: str) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "no-store")
        self.end_headers()
        self.wfile.write(body)


def source_stamp(srcdir: str, skip: str = "") -> tuple[tuple[str, int], ...]:
    """The modification time of every source file (hidden folders, build folders and
    *skip* left out): a change of any file changes the stamp."""
    stamp = []
    skip = os.path.abspath(skip) if skip else ""
    for folder, subfolders, files in os.walk(srcdir):
        subfolders[:] = [
            name
            for name in subfolders
            if name not in SKIPPED
            and not name.startswith(".")
            and os.path.abspath(os.path.join(folder, name)) != skip
        ]
        for name in files:
            path = os.path.join(folder, name)
            try:
                stamp.append((path, os.stat(path).st_mtime_ns))
            except OSError:
                continue
    return tuple(sorted(stamp))


class Preview:
    """A build, a server and a watcher (:meth:`run`; :meth:`stop` from another thread)."""

    def __init__(self, srcdir: str, outdir: str, port: int = 8000, host: str = "127.0.0.1"):
        self.srcdir = srcdir
        self.outdir = outdir
        self.builds = 0
        self.stopping = threading.Event()
        numbered = type("Handler", (PreviewHandler,), {"build_number": lambda _: self.builds})
        handler = functools.partial(numbered, directory=outdir)
        try:
            self.server = http.server.ThreadingHTTPServer((host, port), handler)
        except OSError:  # the port is taken: any free one
            self.server = http.server.ThreadingHTTPServer((host, 0), handler)
        self.url = f"http://{host}:{self.server.server_address[1]}/"

    def build(self) -> int:
        os.makedirs(self.outdir, exist_ok=True)
        status = build_all_locales(self.srcdir, self.outdir, ["-q"])
        self.builds += 1
        return status

    def changes(self, interval: float = 0.5) -> Iterator[None]:
        """Yield after each change of the source files (until :meth:`stop`)."""
        stamp = source_stamp(self.srcdir, self.outdir)
        while not self.stopping.wait(interval):
            current = source_stamp(self.srcdir, self.outdir)
            if current != stamp:
                stamp = current
                yield None

    def run(self, *, watch: bool = True, out: TextIO | None = None) -> int:
        out = out or sys.stdout
        self.build()
        thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        thread.start()
        print(f"sphinx-advocacy-blog: serving {self.outdir}", file=out, flush=True)
        print(f"sphinx-advocacy-blog: open {self.url}  (Ctrl+C stops)", file=out, flush=True)
        try:
            if watch:
                for _change in self.changes():
                    time.sleep(0.2)  # an editor saving several files at once
                    print("sphinx-advocacy-blog: a file changed; rebuilding", file=out, flush=True)
                    self.build()
            else:
                self.stopping.wait()
        except KeyboardInterrupt:
            pass
        finally:
            self.server.shutdown()
            self.server.server_close()
        return 0

    def stop(self) -> None:
        self.stopping.set()
