from enum import StrEnum

class InvitePutTemplateKind(StrEnum):
    INVITATION = "invitation"
    RECEIPT = "receipt"
    REMINDER = "reminder"

    def __str__(self) -> str:
        return str(self.value)
