from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.self_report_in_race_ethnicity_type_0 import SelfReportInRaceEthnicityType0
from ..models.self_report_in_sex_type_0 import SelfReportInSexType0
from ..types import UNSET, Unset
from typing import cast






T = TypeVar("T", bound="SelfReportIn")



@_attrs_define
class SelfReportIn:
    """ 
        Attributes:
            race_ethnicity (None | SelfReportInRaceEthnicityType0 | Unset):
            sex (None | SelfReportInSexType0 | Unset):
     """

    race_ethnicity: None | SelfReportInRaceEthnicityType0 | Unset = UNSET
    sex: None | SelfReportInSexType0 | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        race_ethnicity: None | str | Unset
        if isinstance(self.race_ethnicity, Unset):
            race_ethnicity = UNSET
        elif isinstance(self.race_ethnicity, SelfReportInRaceEthnicityType0):
            race_ethnicity = self.race_ethnicity.value
        else:
            race_ethnicity = self.race_ethnicity

        sex: None | str | Unset
        if isinstance(self.sex, Unset):
            sex = UNSET
        elif isinstance(self.sex, SelfReportInSexType0):
            sex = self.sex.value
        else:
            sex = self.sex


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
        })
        if race_ethnicity is not UNSET:
            field_dict["race_ethnicity"] = race_ethnicity
        if sex is not UNSET:
            field_dict["sex"] = sex

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        def _parse_race_ethnicity(data: object) -> None | SelfReportInRaceEthnicityType0 | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                race_ethnicity_type_0 = SelfReportInRaceEthnicityType0(data)



                return race_ethnicity_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | SelfReportInRaceEthnicityType0 | Unset, data)

        race_ethnicity = _parse_race_ethnicity(d.pop("race_ethnicity", UNSET))


        def _parse_sex(data: object) -> None | SelfReportInSexType0 | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                sex_type_0 = SelfReportInSexType0(data)



                return sex_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | SelfReportInSexType0 | Unset, data)

        sex = _parse_sex(d.pop("sex", UNSET))


        self_report_in = cls(
            race_ethnicity=race_ethnicity,
            sex=sex,
        )


        self_report_in.additional_properties = d
        return self_report_in

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
