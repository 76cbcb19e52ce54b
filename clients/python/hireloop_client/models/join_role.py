from enum import StrEnum

class JoinRole(StrEnum):
    CANDIDATE = "candidate"
    INTERVIEWER = "interviewer"

    def __str__(self) -> str:
        return str(self.value)
