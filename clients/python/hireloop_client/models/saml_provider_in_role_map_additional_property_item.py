from enum import StrEnum

class SamlProviderInRoleMapAdditionalPropertyItem(StrEnum):
    ADMIN = "admin"
    INTERVIEWER = "interviewer"
    RECRUITER = "recruiter"
    REVIEWER = "reviewer"

    def __str__(self) -> str:
        return str(self.value)
