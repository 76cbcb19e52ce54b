from enum import StrEnum

class RevealedQuestionKind(StrEnum):
    CHOICE = "choice"
    TEXT = "text"
    VIDEO = "video"

    def __str__(self) -> str:
        return str(self.value)
