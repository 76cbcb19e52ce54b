from enum import StrEnum

class SelfReportOutSexType0(StrEnum):
    ANOTHER = "another"
    DECLINED = "declined"
    FEMALE = "female"
    MALE = "male"

    def __str__(self) -> str:
        return str(self.value)
