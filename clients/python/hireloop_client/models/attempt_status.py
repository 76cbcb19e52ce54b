from enum import StrEnum

class AttemptStatus(StrEnum):
    ABANDONED = "abandoned"
    OPEN = "open"
    REJECTED = "rejected"
    UPLOADED = "uploaded"

    def __str__(self) -> str:
        return str(self.value)
