from enum import StrEnum

class BulkRowStatus(StrEnum):
    CREATED = "created"
    DUPLICATE = "duplicate"
    INVALID = "invalid"

    def __str__(self) -> str:
        return str(self.value)
