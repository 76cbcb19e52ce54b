from enum import StrEnum

class DecisionOutOutcome(StrEnum):
    ADVANCE = "advance"
    HOLD = "hold"
    REJECT = "reject"

    def __str__(self) -> str:
        return str(self.value)
