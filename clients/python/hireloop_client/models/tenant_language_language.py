from enum import StrEnum

class TenantLanguageLanguage(StrEnum):
    AR = "ar"
    DE = "de"
    EN = "en"
    ES = "es"
    FR = "fr"

    def __str__(self) -> str:
        return str(self.value)
