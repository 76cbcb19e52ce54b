from enum import StrEnum

class BusySource(StrEnum):
    API = "api"
    ICS = "ics"

    def __str__(self) -> str:
        return str(self.value)
