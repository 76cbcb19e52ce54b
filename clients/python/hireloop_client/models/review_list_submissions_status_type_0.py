from enum import StrEnum

class ReviewListSubmissionsStatusType0(StrEnum):
    AWAITING = "awaiting"
    FAILED = "failed"
    MISSING = "missing"
    PROCESSING = "processing"
    READY = "ready"

    def __str__(self) -> str:
        return str(self.value)
