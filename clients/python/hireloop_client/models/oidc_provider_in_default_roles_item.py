from enum import StrEnum

class OidcProviderInDefaultRolesItem(StrEnum):
    ADMIN = "admin"
    INTERVIEWER = "interviewer"
    RECRUITER = "recruiter"
    REVIEWER = "reviewer"

    def __str__(self) -> str:
        return str(self.value)
