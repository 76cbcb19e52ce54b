from enum import StrEnum

class TemplateOutKind(StrEnum):
    INVITATION = "invitation"
    RECEIPT = "receipt"
    REMINDER = "reminder"

    def __str__(self) -> str:
        return str(self.value)
