from enum import StrEnum

class InviteDecisionOutcome(StrEnum):
    ADVANCED = "advanced"
    HELD = "held"
    REJECTED = "rejected"

    def __str__(self) -> str:
        return str(self.value)
