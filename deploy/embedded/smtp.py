"""SMTP server (aiosmtpd) that saves every received message as an .eml file in a directory."""

from __future__ import annotations

import argparse
import asyncio
import os
import signal
import time
import uuid
from pathlib import Path

from aiosmtpd.smtp import SMTP, Envelope, Session


class MaildirHandler:
    """aiosmtpd handler writing each message to `<maildir>/<ns-time>-<uuid>.eml` atomically."""

    def __init__(self, maildir: Path) -> None:
        self.maildir = maildir
        maildir.mkdir(parents=True, exist_ok=True)

    async def handle_DATA(self, server: SMTP, session: Session, envelope: Envelope) -> str:
        content = envelope.original_content or b""
        headers = (
            f"X-Envelope-From: {envelope.mail_from}\r\n"
            f"X-Envelope-To: {', '.join(envelope.rcpt_tos)}\r\n"
        ).encode()
        self.save(headers + content)
        return "250 Message accepted for delivery"

    def save(self, data: bytes) -> Path:
        name = f"{time.time_ns()}-{uuid.uuid4().hex}.eml"
        tmp = self.maildir / f".{name}.tmp"
        with open(tmp, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        final = self.maildir / name
        os.replace(tmp, final)
        return final


async def serve(host: str, port: int, maildir: Path) -> None:
    """Serve SMTP on host:port until SIGTERM or SIGINT."""
    loop = asyncio.get_running_loop()
    handler = MaildirHandler(maildir)
    server = await loop.create_server(
        lambda: SMTP(handler, hostname="embedded-smtp", enable_SMTPUTF8=True), host, port
    )
    stopped = asyncio.Event()
    for sig in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(sig, stopped.set)
    print(f"SMTP listening on {host}:{port}, saving mail to {maildir}", flush=True)
    await stopped.wait()
    server.close()
    await server.wait_closed()


def main(argv: list[str] | None = None) -> None:
    """`python -m embedded.smtp --port P --maildir DIR [--host H]`."""
    parser = argparse.ArgumentParser(prog="python -m embedded.smtp", description=__doc__)
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--maildir", type=Path, required=True)
    args = parser.parse_args(argv)
    asyncio.run(serve(args.host, args.port, args.maildir))


if __name__ == "__main__":
    main()
