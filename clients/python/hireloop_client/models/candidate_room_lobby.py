from enum import StrEnum

class CandidateRoomLobby(StrEnum):
    ADMITTED = "admitted"
    AWAY = "away"
    WAITING = "waiting"

    def __str__(self) -> str:
        return str(self.value)
