"""A stand-in service for supervision tests: answers 200 on every path, or exits with code 3 at
once while the file named by FLAKY_CRASH_FILE exists, so a test can make it crash-loop on demand."""

from __future__ import annotations

import os
import sys
from http.server import BaseHTTPRequestHandler, HTTPServer
from pathlib import Path


class Ready(BaseHTTPRequestHandler):
    def do_GET(self) -> None:
        self.send_response(200)
        self.end_headers()
        self.wfile.write(b"{}")

    def log_message(self, format: str, *args: object) -> None:
        pass


def main() -> None:
    if Path(os.environ["FLAKY_CRASH_FILE"]).exists():
        sys.exit(3)
    HTTPServer((os.environ["SERVICE_HOST"], int(os.environ["SERVICE_PORT"])), Ready).serve_forever()


if __name__ == "__main__":
    main()
