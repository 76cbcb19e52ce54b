from enum import StrEnum

class EndpointUpdateEventTypesType0Item(StrEnum):
    CANDIDATE_ADVANCED = "candidate.advanced"
    CANDIDATE_REJECTED = "candidate.rejected"
    INTERVIEW_CANCELLED = "interview.cancelled"
    INTERVIEW_COMPLETED = "interview.completed"
    INTERVIEW_PARTICIPANT_JOINED = "interview.participant_joined"
    INTERVIEW_PARTICIPANT_LEFT = "interview.participant_left"
    INTERVIEW_RESCHEDULED = "interview.rescheduled"
    INTERVIEW_SCHEDULED = "interview.scheduled"
    INVITATION_COMPLETED = "invitation.completed"
    RECORDING_READY = "recording.ready"

    def __str__(self) -> str:
        return str(self.value)
