from enum import StrEnum

class ReviewListSubmissionsDecisionType0(StrEnum):
    ADVANCE = "advance"
    HOLD = "hold"
    NONE = "none"
    REJECT = "reject"

    def __str__(self) -> str:
        return str(self.value)
