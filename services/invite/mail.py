"""E-mail to candidates (invitation, reminder, completion receipt): per-tenant templates with
defaults, sent when the matching event is consumed, so sending is retried and never duplicated.
The defaults are in the candidate's language (catalogues in `locale/`, ADR 0018), and so is the
deadline; a tenant's own template is sent as the tenant wrote it."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from string import Template
from typing import Any, Literal, cast

from fastapi import Request, Response

from contracts.events.invitations import InvitationCompleted, InvitationCreated, InvitationReminded
from services.chassis import preconditions
from services.chassis.api import Api, staff
from services.chassis.bus import Delivery
from services.chassis.errors import ProblemError
from services.chassis.i18n import Catalogues, format_instant
from services.chassis.identity import Staff
from services.chassis.mail import Mail, MailOutbox
from services.chassis.service import Service
from services.invite import addresses
from services.invite.invitations import candidate_link
from services.invite.languages import candidate_language
from services.invite.schemas import TemplateIn, TemplateOut
from services.invite.settings import InviteSettings
from services.invite.store import InvitationDoc

Kind = Literal["invitation", "reminder", "receipt"]
KINDS: tuple[Kind, ...] = ("invitation", "reminder", "receipt")
PLACEHOLDERS = "$candidate_name, $position_title, $link, $deadline"
DOMAIN = "candidate_mail"
CATALOGUES = Catalogues(Path(__file__).parent / "locale", DOMAIN)


def N_(message: str) -> str:
    """Marks a message for the catalogues (`pybabel extract -k N_`); translated when sent."""
    return message


DEFAULTS: dict[Kind, TemplateIn] = {
    "invitation": TemplateIn(
        subject=N_("Your video interview for $position_title"),
        text=N_(
            "Hello $candidate_name,\n\nyou are invited to a video interview for "
            "$position_title. Record your answers whenever it suits you before $deadline:\n\n"
            "$link\n\nThe link is personal; please do not share it.\n"
        ),
    ),
    "reminder": TemplateIn(
        subject=N_("Reminder: your video interview for $position_title"),
        text=N_(
            "Hello $candidate_name,\n\na reminder that your video interview for $position_title "
            "is open until $deadline:\n\n$link\n"
        ),
    ),
    "receipt": TemplateIn(
        subject=N_("We received your interview for $position_title"),
        text=N_(
            "Hello $candidate_name,\n\nthank you: we received your answers for $position_title. "
            "The hiring team will be in touch.\n"
        ),
    ),
}

api = Api("invite", tags=["e-mail"])


async def template(db: Any, tenant: str, kind: Kind) -> tuple[TemplateIn, bool]:
    found, custom, _ = await _template(db, tenant, kind)
    return found, custom


async def _template(db: Any, tenant: str, kind: Kind) -> tuple[TemplateIn, bool, int]:
    """The template, whether it is customised, and its revision (0 while it is the default)."""
    doc = await db.templates.find_one({"_id": f"{tenant}:{kind}", "tenant": tenant})
    if doc:
        return (
            TemplateIn(subject=doc["subject"], text=doc["text"]),
            True,
            preconditions.revision_of(doc),
        )
    return DEFAULTS[kind], False, 0


@api.get(
    "/email-templates",
    staff("invitations:read"),
    summary="The tenant's e-mail templates (defaults where not customised)",
    response_model=list[TemplateOut],
)
async def list_templates(request: Request, identity: Staff) -> list[TemplateOut]:
    db = request.app.state.service.db
    out = []
    for kind in KINDS:
        t, custom = await template(db, identity.tenant, kind)
        out.append(TemplateOut(kind=kind, custom=custom, **t.model_dump()))
    return out


@api.get(
    "/email-templates/{kind}",
    staff("invitations:read"),
    summary="Read one e-mail template (the default where not customised), with its ETag",
    response_model=TemplateOut,
)
async def get_template(
    kind: Kind, request: Request, identity: Staff, response: Response
) -> TemplateOut:
    found, custom, revision = await _template(request.app.state.service.db, identity.tenant, kind)
    preconditions.tagged(response, revision)
    return TemplateOut(kind=kind, custom=custom, **found.model_dump())


@api.put(
    "/email-templates/{kind}",
    staff("invitations:write"),
    summary="Customise one e-mail template ($candidate_name, $position_title, $link, $deadline)",
    response_model=TemplateOut,
    errors={
        422: "`invalid_request`, `invalid_template`, `link_missing`: unknown placeholder, "
        "or an invitation or reminder without $link.",
        **preconditions.ERRORS,
    },
)
async def put_template(
    kind: Kind,
    body: TemplateIn,
    request: Request,
    identity: Staff,
    response: Response,
    if_match: preconditions.IfMatch = None,
) -> TemplateOut:
    for field in (body.subject, body.text):
        try:
            Template(field).substitute(candidate_name="", position_title="", link="", deadline="")
        except (KeyError, ValueError) as exc:
            raise ProblemError(
                422, "invalid_template", f"Unknown placeholder {exc}; use {PLACEHOLDERS}."
            ) from None
    if kind in ("invitation", "reminder") and "$link" not in body.text:
        raise ProblemError(422, "link_missing", "This e-mail must contain $link.")
    db = request.app.state.service.db
    _, _, revision = await _template(db, identity.tenant, kind)
    doc = await preconditions.write(
        db.templates,
        {"_id": f"{identity.tenant}:{kind}", "tenant": identity.tenant},
        {"$set": {**body.model_dump(), "updated_at": datetime.now(UTC)}},
        if_match=if_match,
        revision=revision,
        upsert=True,
    )
    preconditions.tagged(response, preconditions.revision_of(doc))
    return TemplateOut(kind=kind, custom=True, **body.model_dump())


class CandidateMail:
    """Queues the candidate's e-mail for invitation events in the durable mail outbox, in the
    consumer's transaction: sent after commit, retried, never twice (the key names the message)."""

    def __init__(self, service: Service, outbox: MailOutbox) -> None:
        self.service = service
        self.settings = service.settings_as(InviteSettings)
        self.outbox = outbox

    async def invited(self, delivery: Delivery[InvitationCreated]) -> None:
        await self._queue(delivery, "invitation")

    async def reminded(self, delivery: Delivery[InvitationReminded]) -> None:
        await self._queue(delivery, "reminder", delivery.payload.reminder_number)

    async def completed(self, delivery: Delivery[InvitationCompleted]) -> None:
        await self._queue(delivery, "receipt")

    async def _queue(self, delivery: Delivery[Any], kind: Kind, number: int = 0) -> None:
        tenant = delivery.tenant
        doc = cast(
            InvitationDoc | None,
            await self.service.db.invitations.find_one(
                {"_id": delivery.payload.invitation_id, "tenant": tenant},
                session=delivery.session,
            ),
        )
        if doc is None or doc.get("erased"):
            return
        t, custom = await template(self.service.db, tenant, kind)
        language = await candidate_language(self.service.db, doc)
        if not custom:
            t = TemplateIn(
                subject=CATALOGUES.gettext(language, t.subject),
                text=CATALOGUES.gettext(language, t.text),
            )
        values = {
            "candidate_name": doc["name"],
            "position_title": doc["position_title"],
            "link": candidate_link(self.settings, doc),
            "deadline": format_instant(doc["deadline"], language),
        }
        mail = Mail(
            to=addresses.deliverable(doc["email"]),
            subject=Template(t.subject).safe_substitute(values),
            text=Template(t.text).safe_substitute(values),
            message_key=f"invitation.{doc['_id']}.{kind}.{number}",
        )
        await self.outbox.queue(delivery.session, tenant, mail)
