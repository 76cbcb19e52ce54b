from enum import StrEnum

class CandidateRoomStatus(StrEnum):
    CLOSED = "closed"
    CLOSING = "closing"
    OPEN = "open"
    SCHEDULED = "scheduled"

    def __str__(self) -> str:
        return str(self.value)
