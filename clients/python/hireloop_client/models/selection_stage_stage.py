from enum import StrEnum

class SelectionStageStage(StrEnum):
    COMPLETION = "completion"
    SCREEN = "screen"

    def __str__(self) -> str:
        return str(self.value)
