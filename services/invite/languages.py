"""The language candidates read: the tenant's default (set by staff) and the candidate's own
choice (from their link), which wins. The e-mails use it; the candidate pages ask for it."""

from __future__ import annotations

from typing import Any, cast

from fastapi import Request, Response
from pydantic import BaseModel, Field

from services.chassis import preconditions
from services.chassis.api import Api, candidate, staff
from services.chassis.errors import ProblemError
from services.chassis.i18n import LANGUAGES, Language, negotiate
from services.chassis.identity import Candidate, Staff
from services.chassis.service import Service
from services.invite.store import InvitationDoc

api = Api("invite", tags=["languages"])
# The candidate's language choice has its own revision on the invitation (its ETag), so the
# invitation's other changes do not make a candidate's choice stale.
LANGUAGE_REVISION = "language_revision"


class TenantLanguage(BaseModel):
    language: Language = Field(
        description="The language of candidates' pages and e-mails unless a candidate chooses one."
    )


class CandidateLanguageIn(BaseModel):
    language: Language


class CandidateLanguage(BaseModel):
    language: Language = Field(
        description="The language to show: the candidate's, else the default."
    )
    chosen: Language | None = Field(description="The candidate's own choice, if they made one.")
    default: Language = Field(description="The tenant's default.")
    available: list[Language] = Field(default=list(LANGUAGES))


async def tenant_default(db: Any, tenant: str) -> Language:
    doc = await db.tenant_settings.find_one({"_id": tenant, "tenant": tenant})
    return negotiate(doc.get("language") if doc else None)


async def candidate_language(db: Any, doc: InvitationDoc) -> Language:
    """The language an invitation's candidate reads: their choice, else the tenant's default."""
    chosen = doc.get("language")
    return negotiate(chosen) if chosen else await tenant_default(db, doc["tenant"])


@api.get(
    "/candidate-language",
    staff("invitations:read"),
    summary="The tenant's default language for candidates",
    response_model=TenantLanguage,
)
async def get_default(request: Request, identity: Staff, response: Response) -> TenantLanguage:
    db = request.app.state.service.db
    doc = await db.tenant_settings.find_one({"_id": identity.tenant, "tenant": identity.tenant})
    preconditions.tagged(response, preconditions.revision_of(doc))
    return TenantLanguage(language=negotiate(doc.get("language") if doc else None))


@api.put(
    "/candidate-language",
    staff("invitations:write"),
    summary="Set the tenant's default language for candidates (pages and e-mails)",
    response_model=TenantLanguage,
    errors=preconditions.ERRORS,
)
async def put_default(
    body: TenantLanguage,
    request: Request,
    identity: Staff,
    response: Response,
    if_match: preconditions.IfMatch = None,
) -> TenantLanguage:
    settings = request.app.state.service.db.tenant_settings
    query = {"_id": identity.tenant, "tenant": identity.tenant}
    await preconditions.put(
        settings, query, {"$set": {"language": body.language}}, if_match=if_match, response=response
    )
    return body


async def _mine(request: Request, identity: Candidate) -> tuple[Service, InvitationDoc]:
    service: Service = request.app.state.service
    doc = cast(
        InvitationDoc | None,
        await service.db.invitations.find_one(
            {"_id": identity.principal, "tenant": identity.tenant}
        ),
    )
    if doc is None or doc["state"] == "withdrawn":
        raise ProblemError(410, "invitation_withdrawn", "This invitation was withdrawn.")
    return service, doc


async def _answer(service: Service, doc: InvitationDoc) -> CandidateLanguage:
    default = await tenant_default(service.db, doc["tenant"])
    chosen = doc.get("language")
    return CandidateLanguage(
        language=negotiate(chosen) if chosen else default,
        chosen=negotiate(chosen) if chosen else None,
        default=default,
    )


@api.get(
    "/candidate/language",
    candidate("interview"),
    summary="The language to show this candidate (their choice, else the tenant's default)",
    response_model=CandidateLanguage,
    errors={410: "`invitation_withdrawn`, `link_revoked`, `link_expired`: the link is closed."},
)
async def get_mine(request: Request, identity: Candidate, response: Response) -> CandidateLanguage:
    service, doc = await _mine(request, identity)
    preconditions.tagged(response, preconditions.revision_of(doc, LANGUAGE_REVISION))
    return await _answer(service, doc)


@api.put(
    "/candidate/language",
    candidate("interview"),
    summary="Choose the language of my pages and e-mails",
    response_model=CandidateLanguage,
    errors={
        410: "`invitation_withdrawn`, `link_revoked`, `link_expired`: the link is closed.",
        **preconditions.ERRORS,
    },
)
async def put_mine(
    body: CandidateLanguageIn,
    request: Request,
    identity: Candidate,
    response: Response,
    if_match: preconditions.IfMatch = None,
) -> CandidateLanguage:
    service, doc = await _mine(request, identity)
    after = await preconditions.write(
        service.db.invitations,
        {"_id": doc["_id"], "tenant": identity.tenant},
        {"$set": {"language": body.language}},
        if_match=if_match,
        revision=preconditions.revision_of(doc, LANGUAGE_REVISION),
        field=LANGUAGE_REVISION,
    )
    preconditions.tagged(response, preconditions.revision_of(after, LANGUAGE_REVISION))
    return await _answer(service, {**doc, "language": body.language})
