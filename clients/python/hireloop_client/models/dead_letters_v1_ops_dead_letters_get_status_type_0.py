from enum import StrEnum

class DeadLettersV1OpsDeadLettersGetStatusType0(StrEnum):
    PARKED = "parked"
    REDRIVEN = "redriven"
    VALUE_2 = ""

    def __str__(self) -> str:
        return str(self.value)
