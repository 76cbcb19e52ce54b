from enum import StrEnum

class CandidateTranscriptStatus(StrEnum):
    FAILED = "failed"
    PENDING = "pending"
    TRANSCRIBED = "transcribed"
    UNTRANSCRIBED = "untranscribed"

    def __str__(self) -> str:
        return str(self.value)
