from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast

if TYPE_CHECKING:
  from ..models.interview_type import InterviewType





T = TypeVar("T", bound="InterviewTypeList")



@_attrs_define
class InterviewTypeList:
    """ 
        Attributes:
            interview_types (list[InterviewType]):
     """

    interview_types: list[InterviewType]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.interview_type import InterviewType # noqa: PLC0415
        interview_types = []
        for interview_types_item_data in self.interview_types:
            interview_types_item = interview_types_item_data.to_dict()
            interview_types.append(interview_types_item)




        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "interview_types": interview_types,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.interview_type import InterviewType # noqa: PLC0415
        d = dict(src_dict)
        interview_types = []
        _interview_types = d.pop("interview_types")
        for interview_types_item_data in (_interview_types):
            interview_types_item = InterviewType.from_dict(interview_types_item_data)



            interview_types.append(interview_types_item)


        interview_type_list = cls(
            interview_types=interview_types,
        )


        interview_type_list.additional_properties = d
        return interview_type_list

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
