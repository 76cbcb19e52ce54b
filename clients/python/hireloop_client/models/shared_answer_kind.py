from enum import StrEnum

class SharedAnswerKind(StrEnum):
    CHOICE = "choice"
    TEXT = "text"
    VIDEO = "video"

    def __str__(self) -> str:
        return str(self.value)
