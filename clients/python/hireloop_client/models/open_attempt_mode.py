from enum import StrEnum

class OpenAttemptMode(StrEnum):
    FILE = "file"
    STREAM = "stream"

    def __str__(self) -> str:
        return str(self.value)
