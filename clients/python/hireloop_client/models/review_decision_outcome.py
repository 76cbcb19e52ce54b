from enum import StrEnum

class ReviewDecisionOutcome(StrEnum):
    ADVANCE = "advance"
    HOLD = "hold"
    REJECT = "reject"

    def __str__(self) -> str:
        return str(self.value)
