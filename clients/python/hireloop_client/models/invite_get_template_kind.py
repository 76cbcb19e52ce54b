from enum import StrEnum

class InviteGetTemplateKind(StrEnum):
    INVITATION = "invitation"
    RECEIPT = "receipt"
    REMINDER = "reminder"

    def __str__(self) -> str:
        return str(self.value)
