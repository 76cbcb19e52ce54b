"""The generated Python client (clients/python) is current with the API, and works against the
gateway: a question set, a position and an invitation created through it, a retry with its
Idempotency-Key answered with the same invitation, and a refusal read as a problem; the README's
Python example runs as it is written."""

from __future__ import annotations

import asyncio
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from hireloop_client import AuthenticatedClient
from hireloop_client.api.invitations import invite_invite, invite_list_invitations
from hireloop_client.api.positions import invite_create_position
from hireloop_client.api.question_sets import invite_create_question_set
from hireloop_client.models import (
    InvitationCreatedOut,
    InvitationIn,
    InvitationPage,
    PositionIn,
    PositionOut,
    Problem,
    QuestionSetIn,
    QuestionSetOut,
)
from tests.gateway.harness import QUESTION_SET, Api

ROOT = Path(__file__).resolve().parents[2]


def test_the_committed_client_is_generated_from_the_current_api() -> None:
    check = subprocess.run(
        [sys.executable, str(ROOT / "clients" / "generate.py"), "--check"],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert check.returncode == 0, check.stdout + check.stderr


@pytest.mark.integration
async def test_the_client_creates_and_invites_through_the_gateway(api: Api) -> None:
    client = AuthenticatedClient(base_url=api.url, token=await api.tenant())
    async with client:
        qs = await invite_create_question_set.asyncio(
            client=client, body=QuestionSetIn.from_dict(QUESTION_SET)
        )
        assert isinstance(qs, QuestionSetOut), qs
        position = await invite_create_position.asyncio(
            client=client,
            body=PositionIn.from_dict({"title": "Support engineer", "question_set_id": qs.id}),
        )
        assert isinstance(position, PositionOut), position
        body = InvitationIn.from_dict({"name": "Ada Lovelace", "email": "ada@example.com"})
        first = await invite_invite.asyncio(
            position.id, client=client, body=body, idempotency_key="client-ada"
        )
        again = await invite_invite.asyncio_detailed(
            position.id, client=client, body=body, idempotency_key="client-ada"
        )
        assert isinstance(first, InvitationCreatedOut), first
        assert isinstance(again.parsed, InvitationCreatedOut)
        assert again.parsed.id == first.id and again.headers["idempotent-replayed"] == "true"
        listed = await invite_list_invitations.asyncio(position.id, client=client)
        assert isinstance(listed, InvitationPage), listed
        assert [i.id for i in listed.items] == [first.id] and listed.next_cursor is None
        twice = await invite_invite.asyncio(position.id, client=client, body=body)
        assert isinstance(twice, Problem) and twice.code == "duplicate_invitation"


@pytest.mark.integration
async def test_the_readme_example_runs_as_written(api: Api, tmp_path: Path) -> None:
    readme = (ROOT / "README.md").read_text()
    [example] = [
        b for b in re.findall(r"```python\n(.*?)```", readme, re.S) if "hireloop_client" in b
    ]
    script = tmp_path / "example.py"
    script.write_text(example)
    run = await asyncio.create_subprocess_exec(
        sys.executable,
        str(script),
        env={**os.environ, "HIRELOOP_URL": api.url, "HIRELOOP_KEY": await api.tenant()},
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.STDOUT,
    )
    output, _ = await asyncio.wait_for(run.communicate(), timeout=120)
    assert run.returncode == 0, output.decode()
    assert re.match(r"invited [\w-]+ to Support engineer$", output.decode().strip()), output
