from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
import datetime






T = TypeVar("T", bound="InterviewCompletedData")



@_attrs_define
class InterviewCompletedData:
    """ 
        Attributes:
            booking_id (str):
            completed_at (datetime.datetime):
            end (datetime.datetime):
            invitation_id (str):
            position_id (str):
            request_id (str):
            start (datetime.datetime):
     """

    booking_id: str
    completed_at: datetime.datetime
    end: datetime.datetime
    invitation_id: str
    position_id: str
    request_id: str
    start: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        booking_id = self.booking_id

        completed_at = self.completed_at.isoformat()

        end = self.end.isoformat()

        invitation_id = self.invitation_id

        position_id = self.position_id

        request_id = self.request_id

        start = self.start.isoformat()


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "booking_id": booking_id,
            "completed_at": completed_at,
            "end": end,
            "invitation_id": invitation_id,
            "position_id": position_id,
            "request_id": request_id,
            "start": start,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        booking_id = d.pop("booking_id")

        completed_at = datetime.datetime.fromisoformat(d.pop("completed_at"))




        end = datetime.datetime.fromisoformat(d.pop("end"))




        invitation_id = d.pop("invitation_id")

        position_id = d.pop("position_id")

        request_id = d.pop("request_id")

        start = datetime.datetime.fromisoformat(d.pop("start"))




        interview_completed_data = cls(
            booking_id=booking_id,
            completed_at=completed_at,
            end=end,
            invitation_id=invitation_id,
            position_id=position_id,
            request_id=request_id,
            start=start,
        )


        interview_completed_data.additional_properties = d
        return interview_completed_data

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
