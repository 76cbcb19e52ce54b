from enum import StrEnum

class IngestWrittenAnswerKind(StrEnum):
    CHOICE = "choice"
    TEXT = "text"

    def __str__(self) -> str:
        return str(self.value)
