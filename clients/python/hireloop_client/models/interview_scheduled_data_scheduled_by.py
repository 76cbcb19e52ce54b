from enum import StrEnum

class InterviewScheduledDataScheduledBy(StrEnum):
    CANDIDATE = "candidate"
    STAFF = "staff"
    SYSTEM = "system"

    def __str__(self) -> str:
        return str(self.value)
