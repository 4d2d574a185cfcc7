"""Serve a built site on 127.0.0.1 the way GitHub Pages serves it, for benchmarks/lighthouse.sh.

Python's http.server sends every file uncompressed and without caching headers; GitHub Pages
compresses text (HTML, CSS, JavaScript, JSON, SVG) with gzip and sends
``Cache-Control: max-age=600``. Lighthouse's performance score depends on both, so it is
measured against a server that does the same.

    python benchmarks/serve_like_pages.py SITE_DIR PORT
"""

from __future__ import annotations

import functools
import gzip
import sys
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from io import BytesIO
from pathlib import Path

COMPRESSED = {".html", ".css", ".js", ".json", ".svg", ".xml", ".txt", ".ics", ".md"}


class PagesLikeHandler(SimpleHTTPRequestHandler):
    def send_head(self):  # type: ignore[no-untyped-def]
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            if not self.path.split("?")[0].endswith("/"):
                return super().send_head()  # the redirect to the address with a slash
            path = path / "index.html"
        accepts_gzip = "gzip" in self.headers.get("Accept-Encoding", "")
        if not (accepts_gzip and path.suffix in COMPRESSED and path.is_file()):
            return super().send_head()
        body = gzip.compress(path.read_bytes(), mtime=0)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        return BytesIO(body)

    def end_headers(self) -> None:
        self.send_header("Cache-Control", "max-age=600")
        super().end_headers()

    def log_message(self, format: str, *args: object) -> None:
        pass


def main() -> None:
    site, port = sys.argv[1], int(sys.argv[2])
    handler = functools.partial(PagesLikeHandler, directory=site)
    ThreadingHTTPServer(("127.0.0.1", port), handler).serve_forever()


if __name__ == "__main__":
    main()
