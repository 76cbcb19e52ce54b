from enum import StrEnum

class InterviewTypeMode(StrEnum):
    PANEL = "panel"
    ROUND_ROBIN = "round_robin"

    def __str__(self) -> str:
        return str(self.value)
