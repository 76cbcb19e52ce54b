"""Generates the typed Python client (`clients/python/hireloop_client`) from the gateway's OpenAPI
document with openapi-python-client (pinned in pyproject.toml); `--check` only compares.

python clients/generate.py          # regenerate (`make client`)
python clients/generate.py --check  # exit 1 if the committed client differs from the API

The document is built in-process from the gateway's declared operations (no server). Models that
two services name alike (`Decision` in invite and in review) get their service's name as a prefix
(`InviteDecision`, `ReviewDecision`), so the generator makes one class for each."""

from __future__ import annotations

import filecmp
import json
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "clients" / "python" / "hireloop_client"
CONFIG = {
    "project_name_override": "hireloop-client",
    "package_name_override": "hireloop_client",
    "post_hooks": [],
}
QUALIFIED = re.compile(r"services__(\w+?)__\w+__(\w+)$")


def document() -> dict[str, Any]:
    sys.path.insert(0, str(ROOT))
    from services.gateway.app import create
    from services.gateway.settings import GatewaySettings

    settings = GatewaySettings(internal_secret="x" * 32, _env_file=None)
    doc: dict[str, Any] = create(settings).app.openapi()
    for name, schema in doc.get("components", {}).get("schemas", {}).items():
        if match := QUALIFIED.match(name):
            schema["title"] = match.group(1).title() + match.group(2)
    return doc


def generate(out: Path) -> None:
    with tempfile.TemporaryDirectory() as work:
        spec = Path(work) / "openapi.json"
        spec.write_text(json.dumps(document(), indent=1, sort_keys=True))
        config = Path(work) / "config.json"
        config.write_text(json.dumps(CONFIG))
        tool = Path(sys.executable).parent / "openapi-python-client"
        subprocess.run(
            [
                *(str(tool), "generate", "--path", str(spec), "--meta", "none", "--overwrite"),
                *("--output-path", str(out), "--config", str(config)),
            ],
            check=True,
            capture_output=True,
            text=True,
        )


def differences(a: Path, b: Path) -> list[str]:
    found: list[str] = []

    def walk(cmp: filecmp.dircmp[str], where: Path) -> None:
        found.extend(str(where / n) for n in cmp.left_only + cmp.right_only + cmp.diff_files)
        for name, sub in cmp.subdirs.items():
            walk(sub, where / name)

    walk(filecmp.dircmp(a, b, ignore=["__pycache__"]), Path())
    return found


def main(argv: list[str]) -> int:
    with tempfile.TemporaryDirectory() as work:
        fresh = Path(work) / "hireloop_client"
        generate(fresh)
        if "--check" in argv:
            stale = differences(PACKAGE, fresh) if PACKAGE.exists() else ["(missing)"]
            for path in stale:
                print(
                    f"clients/python/hireloop_client/{path} differs from the API: run `make client`"
                )
            return 1 if stale else 0
        shutil.rmtree(PACKAGE, ignore_errors=True)
        shutil.copytree(fresh, PACKAGE)
        print(f"wrote {PACKAGE}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
