from enum import StrEnum

class WebhooksListDeliveriesStatusType0(StrEnum):
    DELIVERED = "delivered"
    FAILED = "failed"
    PENDING = "pending"
    WAITING = "waiting"

    def __str__(self) -> str:
        return str(self.value)
