from enum import StrEnum

class SubmissionOutStatus(StrEnum):
    AWAITING = "awaiting"
    FAILED = "failed"
    MISSING = "missing"
    PROCESSING = "processing"
    READY = "ready"

    def __str__(self) -> str:
        return str(self.value)
