"""Written answers: a text or multiple-choice question answered once, checked against the question
(character limit, the options, one or several) and its time limit on the server's clock."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Request
from pymongo.asynchronous.client_session import AsyncClientSession
from pymongo.errors import DuplicateKeyError

from contracts.events.recordings import AnswerSubmitted
from services.chassis.api import Api, Id, candidate, staff
from services.chassis.errors import ProblemError
from services.chassis.identity import Identity, require_identity
from services.ingest import invitation_view
from services.ingest.reveals import Pace
from services.ingest.schemas import (
    MAX_TEXT_CHARS,
    AnswerIn,
    ChoiceAnswer,
    TextAnswer,
    WrittenAnswer,
    WrittenAnswers,
)
from services.ingest.store import AnswerDoc, QuestionDoc

api = Api("ingest", tags=["candidate questions"])


def _invalid(code: str, message: str) -> ProblemError:
    return ProblemError(422, code, message)


def given(body: AnswerIn) -> tuple[str | None, list[int] | None]:
    """(text, choices) of the answer: one of them is None."""
    if isinstance(body, TextAnswer):
        return body.text, None
    return None, body.choices


def check(question: QuestionDoc, body: AnswerIn) -> None:
    """The answer fits the question, or a 422 saying how it does not."""
    if question["kind"] == "text":
        if not isinstance(body, TextAnswer):
            raise _invalid("invalid_answer", "A text question is answered with `text`.")
        limit = question.get("max_chars") or MAX_TEXT_CHARS
        if len(body.text) > limit:
            raise _invalid("answer_too_long", f"The answer is limited to {limit} characters.")
        if not body.text.strip():
            raise _invalid("invalid_answer", "The answer is empty.")
        return
    options = question.get("choices") or []
    if not isinstance(body, ChoiceAnswer):
        raise _invalid("invalid_answer", "A choice question is answered with `choices`.")
    if any(c >= len(options) for c in body.choices):
        raise _invalid("unknown_choice", f"Choose among options 0 to {len(options) - 1}.")
    if len(set(body.choices)) != len(body.choices):
        raise _invalid("duplicate_choice", "Each option is chosen at most once.")
    if not question.get("multiple") and len(body.choices) != 1:
        raise _invalid("single_choice", "Choose exactly one option.")


async def submit(pace: Pace, identity: Identity, question_id: str, body: AnswerIn) -> AnswerDoc:
    invitation = await pace.invitation(identity)
    question = invitation_view.question(invitation, question_id)
    if question is None:
        raise ProblemError(404, "question_not_found", "The invitation has no such question.")
    if question["kind"] == "video":
        raise ProblemError(409, "question_is_video", "This question is answered on video.")
    turn = await pace.turn(invitation, question)
    if turn is None:
        raise ProblemError(409, "question_not_revealed", "Go on to this question first.")
    text, choices = given(body)
    if turn.answer is not None:
        same = turn.answer["text"] == text and turn.answer["choices"] == choices
        if same:  # a repeated request (the response was lost): the answer as given
            return turn.answer
        raise ProblemError(409, "already_answered", "This question is already answered.")
    closed = invitation_view.closed_reason(invitation, turn.now)
    if closed:
        raise ProblemError(409, "invitation_closed", closed)
    if turn.closed:
        raise ProblemError(409, "question_closed", "A later question was already revealed.")
    answer_by = turn.answer_by
    assert answer_by is not None
    if turn.now > answer_by + pace.grace:
        raise ProblemError(409, "answer_time_over", "The time for this answer has passed.")
    check(question, body)
    doc: AnswerDoc = {
        "_id": turn.reveal["_id"],
        "tenant": identity.tenant,
        "invitation_id": identity.principal,
        "question_id": question_id,
        "kind": question["kind"],  # type: ignore[typeddict-item]
        "text": text,
        "choices": choices,
        "revealed_at": turn.revealed_at,
        "submitted_at": turn.now,
    }

    async def write(session: AsyncClientSession) -> None:
        await pace.answers.insert_one(doc, session=session)
        await pace.service.outbox.add(
            session,
            identity.tenant,
            AnswerSubmitted(
                invitation_id=identity.principal,
                question_id=question_id,
                kind=doc["kind"],
                text=text,
                choices=choices,
                revealed_at=doc["revealed_at"],
                submitted_at=doc["submitted_at"],
            ),
        )

    try:
        await pace.service.transaction(write)
    except DuplicateKeyError:
        raise ProblemError(
            409, "already_answered", "This question was just answered elsewhere."
        ) from None
    return doc


def to_model(doc: AnswerDoc) -> WrittenAnswer:
    return WrittenAnswer(
        invitation_id=doc["invitation_id"],
        question_id=doc["question_id"],
        kind=doc["kind"],
        text=doc["text"],
        choices=doc["choices"],
        revealed_at=doc["revealed_at"],
        submitted_at=doc["submitted_at"],
    )


IdentityDep = Annotated[Identity, Depends(require_identity)]


@api.post(
    "/candidate/questions/{question_id}/answer",
    candidate("interview"),
    summary="Answer a text or multiple-choice question (once, within its time limit)",
    response_model=WrittenAnswer,
    errors={
        404: "`invitation_not_found`, `question_not_found`: no such invitation or question.",
        409: "`question_not_revealed`: reveal it first; `question_is_video`: answered by "
        "recording; `already_answered`; `question_closed`: a later question was revealed; "
        "`answer_time_over`: past its time limit (plus a few seconds' grace); "
        "`invitation_closed`.",
        422: "`invalid_request`: the body does not match the schema; `invalid_answer`: `text` "
        "for a text question, `choices` for a choice question; `answer_too_long`: over the "
        "question's character limit; `unknown_choice`, `duplicate_choice`, `single_choice`: "
        "not the question's options, or several where one is asked.",
    },
)
async def answer(
    question_id: Id, body: AnswerIn, request: Request, identity: IdentityDep
) -> WrittenAnswer:
    return to_model(await submit(request.app.state.pace, identity, question_id, body))


@api.get(
    "/invitations/{invitation_id}/answers",
    staff("media:read"),
    summary="The text and multiple-choice answers of an invitation",
    response_model=WrittenAnswers,
)
async def invitation_answers(
    invitation_id: Id, request: Request, identity: IdentityDep
) -> WrittenAnswers:
    pace: Pace = request.app.state.pace
    query = {"tenant": identity.tenant, "invitation_id": invitation_id}
    docs = await pace.answers.find(query).sort("question_id", 1).to_list()
    return WrittenAnswers(answers=[to_model(d) for d in docs if "erased_at" not in d])
