"""The review service's declared operations: the public paths the pages and clients call, each
with its caller, and ids in paths refused before any lookup."""

from __future__ import annotations

from services.chassis.api import ID_PATTERN
from services.review import routes

EXPECTED = {
    ("PUT", "/v1/question-sets/{set_id}/rubric"): ("staff", "positions:write"),
    ("GET", "/v1/question-sets/{set_id}/rubric"): ("staff", "reviews:read"),
    ("PUT", "/v1/positions/{position_id}/review-settings"): ("staff", "positions:write"),
    ("GET", "/v1/positions/{position_id}/review-settings"): ("staff", "reviews:read"),
    ("GET", "/v1/positions/{position_id}/submissions"): ("staff", "reviews:read"),
    ("GET", "/v1/submissions/{invitation_id}"): ("staff", "reviews:read"),
    ("GET", "/v1/positions/{position_id}/questions/{question_id}/answers"): (
        "staff",
        "reviews:read",
    ),
    ("GET", "/v1/review-queue/next"): ("staff", "reviews:write"),
    ("POST", "/v1/submissions/{invitation_id}/review"): ("staff", "reviews:write"),
    ("POST", "/v1/submissions/{invitation_id}/comments"): ("staff", "reviews:write"),
    ("GET", "/v1/submissions/{invitation_id}/comments"): ("staff", "reviews:read"),
    ("POST", "/v1/submissions/{invitation_id}/decision"): ("staff", "decisions:write"),
    ("GET", "/v1/submissions/{invitation_id}/decisions"): ("staff", "reviews:read"),
    ("GET", "/v1/positions/{position_id}/calibration"): ("staff", "reviews:read"),
    ("GET", "/v1/settings/selection-report"): ("staff", "reviews:read"),
    ("PUT", "/v1/settings/selection-report"): ("staff", "decisions:write"),
    ("PUT", "/v1/submissions/{invitation_id}/self-report"): ("staff", "decisions:write"),
    ("GET", "/v1/positions/{position_id}/selection-report"): ("staff", "decisions:write"),
    ("PUT", "/v1/candidate/self-report"): ("candidate", "interview"),
    ("GET", "/v1/candidate/self-report"): ("candidate", "interview"),
    ("POST", "/v1/submissions/{invitation_id}/shares"): ("staff", "decisions:write"),
    ("GET", "/v1/submissions/{invitation_id}/shares"): ("staff", "decisions:write"),
    ("DELETE", "/v1/submissions/{invitation_id}/shares/{share_id}"): ("staff", "decisions:write"),
    ("GET", "/v1/shared/submission"): ("candidate", "share"),
    ("POST", "/v1/submissions/{invitation_id}/viewings"): ("staff", "reviews:read"),
    ("GET", "/v1/positions/{position_id}/review-time"): ("staff", "reviews:read"),
}


def test_the_public_operations_and_their_callers() -> None:
    declared = {
        (op.method, op.public_path): (op.caller.kind, *op.caller.scopes) for op in routes.OPERATIONS
    }
    assert declared == EXPECTED


def test_path_ids_are_constrained_and_every_operation_is_documented() -> None:
    for op in routes.OPERATIONS:
        assert op.summary and op.service == "review"
        for param in op.route.dependant.path_params:
            patterns = [getattr(m, "pattern", None) for m in param.field_info.metadata]
            assert ID_PATTERN in patterns, (op.name, param.name)


def test_the_list_query_carries_its_constraints() -> None:
    op = next(o for o in routes.OPERATIONS if o.route.name == "list_submissions")
    schema = {p.name: p.field_info for p in op.route.dependant.query_params}
    assert set(schema) == {
        "status",
        "decision",
        "reviewer",
        "min_score",
        "max_score",
        "sort",
        "limit",
        "cursor",
    }
    cursor = [getattr(m, "max_length", None) for m in schema["cursor"].metadata]
    assert 512 in cursor
