from enum import StrEnum

class PromptVideoInContentType(StrEnum):
    VIDEOMP4 = "video/mp4"
    VIDEOWEBM = "video/webm"

    def __str__(self) -> str:
        return str(self.value)
