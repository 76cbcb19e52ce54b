from enum import StrEnum

class InterviewParticipantJoinedDataRole(StrEnum):
    CANDIDATE = "candidate"
    INTERVIEWER = "interviewer"
    SCREEN = "screen"
    UNKNOWN = "unknown"

    def __str__(self) -> str:
        return str(self.value)
