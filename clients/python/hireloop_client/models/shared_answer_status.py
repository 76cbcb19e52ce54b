from enum import StrEnum

class SharedAnswerStatus(StrEnum):
    AWAITING = "awaiting"
    FAILED = "failed"
    MISSING = "missing"
    PROCESSING = "processing"
    READY = "ready"

    def __str__(self) -> str:
        return str(self.value)
