"""Signatures by the Standard Webhooks specification, checked with its reference library, and the
backoff schedule (pure logic, no servers)."""

from __future__ import annotations

import base64
import time

import pytest
from standardwebhooks import Webhook
from standardwebhooks.webhooks import WebhookVerificationError

from services.webhooks import signing


def test_our_signature_verifies_with_the_reference_library() -> None:
    secret = signing.new_secret()
    assert secret.startswith("whsec_") and len(base64.b64decode(secret[6:])) == 32
    body = '{"type":"recording.ready","data":{"é":"ü"}}'
    headers = signing.headers([secret], "msg_1", int(time.time()), body)
    assert Webhook(secret).verify(body.encode(), headers)["type"] == "recording.ready"
    with pytest.raises(WebhookVerificationError):
        Webhook(signing.new_secret()).verify(body.encode(), headers)
    with pytest.raises(WebhookVerificationError):
        Webhook(secret).verify(body.replace("ready", "rejected").encode(), headers)


def test_the_reference_vector_of_the_specification() -> None:
    # From the Standard Webhooks specification's test vectors.
    secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"
    body = '{"test": 2432232314}'
    expected = "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE="
    assert signing.signature(secret, "msg_p5jXN8AQM9LWM0D4loKWxJek", 1614265330, body) == expected


def test_every_active_secret_signs() -> None:
    old, new = signing.new_secret(), signing.new_secret()
    headers = signing.headers([new, old], "msg_2", int(time.time()), "{}")
    assert len(headers["webhook-signature"].split(" ")) == 2
    Webhook(old).verify(b"{}", headers)
    Webhook(new).verify(b"{}", headers)
