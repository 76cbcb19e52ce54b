from enum import StrEnum

class ReviewListSubmissionsSort(StrEnum):
    READY = "ready"
    SCORE = "score"

    def __str__(self) -> str:
        return str(self.value)
