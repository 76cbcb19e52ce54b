from enum import StrEnum

class SamlProviderInDefaultRolesItem(StrEnum):
    ADMIN = "admin"
    INTERVIEWER = "interviewer"
    RECRUITER = "recruiter"
    REVIEWER = "reviewer"

    def __str__(self) -> str:
        return str(self.value)
