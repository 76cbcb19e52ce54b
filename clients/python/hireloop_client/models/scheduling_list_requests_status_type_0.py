from enum import StrEnum

class SchedulingListRequestsStatusType0(StrEnum):
    AWAITING_SETUP = "awaiting_setup"
    CANCELLED = "cancelled"
    COMPLETED = "completed"
    OPEN = "open"
    SCHEDULED = "scheduled"

    def __str__(self) -> str:
        return str(self.value)
