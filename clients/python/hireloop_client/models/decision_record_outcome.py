from enum import StrEnum

class DecisionRecordOutcome(StrEnum):
    ADVANCE = "advance"
    HOLD = "hold"
    REJECT = "reject"

    def __str__(self) -> str:
        return str(self.value)
