"""A SAML 2.0 identity provider for the tests: pysaml2's own IdP (`saml2.server.Server`) with a
fresh signing key, which reads our AuthnRequests and answers with signed (or, to test refusals,
unsigned or altered) assertions, as a real provider's HTTP-POST form would carry them."""

from __future__ import annotations

import base64
import datetime
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.x509.oid import NameOID
from saml2 import BINDING_HTTP_REDIRECT
from saml2.config import IdPConfig
from saml2.metadata import entity_descriptor
from saml2.saml import NAMEID_FORMAT_EMAILADDRESS, NameID
from saml2.server import Server

from services.gateway.saml import XMLSEC

PASSWORD_AUTHN = "urn:oasis:names:tc:SAML:2.0:ac:classes:PasswordProtectedTransport"


def _key_pair(folder: Path, name: str) -> tuple[Path, Path]:
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    subject = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, name)])
    now = datetime.datetime.now(datetime.UTC)
    cert = (
        x509.CertificateBuilder()
        .subject_name(subject)
        .issuer_name(subject)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - datetime.timedelta(days=1))
        .not_valid_after(now + datetime.timedelta(days=30))
        .sign(key, hashes.SHA256())
    )
    key_file, cert_file = folder / f"{name}.key", folder / f"{name}.crt"
    key_file.write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.TraditionalOpenSSL,
            serialization.NoEncryption(),
        )
    )
    cert_file.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    return key_file, cert_file


@dataclass
class IdentityProvider:
    entity_id: str
    server: Server

    @classmethod
    def make(cls, folder: Path, entity_id: str, sp_metadata: str) -> IdentityProvider:
        folder.mkdir(parents=True, exist_ok=True)
        key_file, cert_file = _key_pair(folder, "idp")
        config = IdPConfig()
        config.load(
            {
                "entityid": entity_id,
                "service": {
                    "idp": {
                        "endpoints": {
                            "single_sign_on_service": [(f"{entity_id}/sso", BINDING_HTTP_REDIRECT)]
                        },
                        "policy": {"default": {"lifetime": {"minutes": 5}}},
                        "name_id_format": [NAMEID_FORMAT_EMAILADDRESS],
                    }
                },
                "key_file": str(key_file),
                "cert_file": str(cert_file),
                "metadata": {"inline": [sp_metadata]},
                "xmlsec_binary": XMLSEC,
            }
        )
        return cls(entity_id, Server(config=config))

    @property
    def metadata(self) -> str:
        return str(entity_descriptor(self.server.config))

    def answer(
        self,
        location: str,
        email: str,
        attributes: dict[str, list[str]],
        *,
        signed: bool = True,
        alter: tuple[str, str] | None = None,
    ) -> dict[str, str]:
        """The HTTP-POST form for the AuthnRequest in `location` (our redirect to the provider):
        a signed assertion of `email` with `attributes`, or an unsigned one, or a signed one with
        `alter` (old, new) replaced after signing."""
        query = parse_qs(urlsplit(location).query)
        request = self.server.parse_authn_request(query["SAMLRequest"][0], BINDING_HTTP_REDIRECT)
        message: Any = request.message
        response = self.server.create_authn_response(
            identity={"email": [email], **attributes},
            in_response_to=message.id,
            destination=message.assertion_consumer_service_url,
            sp_entity_id=message.issuer.text,
            name_id=NameID(format=NAMEID_FORMAT_EMAILADDRESS, text=email),
            sign_assertion=signed,
            sign_response=False,
            userid=email,
            authn={"class_ref": PASSWORD_AUTHN, "authn_auth": self.entity_id},
        )
        xml = str(response)
        if alter:
            assert alter[0] in xml
            xml = xml.replace(alter[0], alter[1])
        return {
            "SAMLResponse": base64.b64encode(xml.encode()).decode(),
            "RelayState": query["RelayState"][0],
        }
