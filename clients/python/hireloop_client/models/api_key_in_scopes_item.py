from enum import StrEnum

class ApiKeyInScopesItem(StrEnum):
    AUDITREAD = "audit:read"
    AVAILABILITYWRITE = "availability:write"
    CANDIDATESREAD = "candidates:read"
    CANDIDATESWRITE = "candidates:write"
    DECISIONSWRITE = "decisions:write"
    GREENHOUSEPARTNER = "greenhouse:partner"
    INTERVIEWSWRITE = "interviews:write"
    INVITATIONSREAD = "invitations:read"
    INVITATIONSWRITE = "invitations:write"
    KEYSWRITE = "keys:write"
    MEDIAREAD = "media:read"
    POSITIONSREAD = "positions:read"
    POSITIONSWRITE = "positions:write"
    PROBESWRITE = "probes:write"
    QUESTION_SETSREAD = "question_sets:read"
    QUESTION_SETSWRITE = "question_sets:write"
    REVIEWSREAD = "reviews:read"
    REVIEWSWRITE = "reviews:write"
    SCHEDULINGREAD = "scheduling:read"
    SCHEDULINGWRITE = "scheduling:write"
    USERSWRITE = "users:write"
    VALUE_0 = "*"
    VALUE_1 = "*"
    WEBHOOKSREAD = "webhooks:read"
    WEBHOOKSWRITE = "webhooks:write"

    def __str__(self) -> str:
        return str(self.value)
