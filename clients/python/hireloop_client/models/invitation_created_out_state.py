from enum import StrEnum

class InvitationCreatedOutState(StrEnum):
    COMPLETED = "completed"
    CONSENTED = "consented"
    CREATED = "created"
    EXPIRED = "expired"
    OPENED = "opened"
    STARTED = "started"
    WITHDRAWN = "withdrawn"

    def __str__(self) -> str:
        return str(self.value)
