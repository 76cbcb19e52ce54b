from enum import StrEnum

class RoomRecordingStateType0(StrEnum):
    COMPOSING = "composing"
    EMPTY = "empty"
    ERASED = "erased"
    FAILED = "failed"
    PENDING = "pending"
    STORED = "stored"

    def __str__(self) -> str:
        return str(self.value)
