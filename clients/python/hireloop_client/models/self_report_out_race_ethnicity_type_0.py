from enum import StrEnum

class SelfReportOutRaceEthnicityType0(StrEnum):
    AMERICAN_INDIAN_OR_ALASKA_NATIVE = "american_indian_or_alaska_native"
    ASIAN = "asian"
    BLACK_OR_AFRICAN_AMERICAN = "black_or_african_american"
    DECLINED = "declined"
    HISPANIC_OR_LATINO = "hispanic_or_latino"
    NATIVE_HAWAIIAN_OR_PACIFIC_ISLANDER = "native_hawaiian_or_pacific_islander"
    TWO_OR_MORE_RACES = "two_or_more_races"
    WHITE = "white"

    def __str__(self) -> str:
        return str(self.value)
