from enum import StrEnum

class JoinIceTransportPolicy(StrEnum):
    ALL = "all"
    RELAY = "relay"

    def __str__(self) -> str:
        return str(self.value)
