from enum import StrEnum

class InterviewRecordingStatus(StrEnum):
    FAILED = "failed"
    READY = "ready"
    TRANSCODING = "transcoding"

    def __str__(self) -> str:
        return str(self.value)
