from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast

if TYPE_CHECKING:
  from ..models.interviewer import Interviewer





T = TypeVar("T", bound="InterviewerList")



@_attrs_define
class InterviewerList:
    """ 
        Attributes:
            interviewers (list[Interviewer]):
     """

    interviewers: list[Interviewer]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.interviewer import Interviewer # noqa: PLC0415
        interviewers = []
        for interviewers_item_data in self.interviewers:
            interviewers_item = interviewers_item_data.to_dict()
            interviewers.append(interviewers_item)




        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "interviewers": interviewers,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.interviewer import Interviewer # noqa: PLC0415
        d = dict(src_dict)
        interviewers = []
        _interviewers = d.pop("interviewers")
        for interviewers_item_data in (_interviewers):
            interviewers_item = Interviewer.from_dict(interviewers_item_data)



            interviewers.append(interviewers_item)


        interviewer_list = cls(
            interviewers=interviewers,
        )


        interviewer_list.additional_properties = d
        return interviewer_list

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
