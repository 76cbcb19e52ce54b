from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.interview_scheduled_data_scheduled_by import InterviewScheduledDataScheduledBy
from typing import cast
import datetime






T = TypeVar("T", bound="InterviewScheduledData")



@_attrs_define
class InterviewScheduledData:
    """ 
        Attributes:
            booking_id (str):
            end (datetime.datetime):
            interview_type_id (str):
            invitation_id (str):
            position_id (str):
            request_id (str):
            scheduled_at (datetime.datetime):
            scheduled_by (InterviewScheduledDataScheduledBy):
            start (datetime.datetime):
     """

    booking_id: str
    end: datetime.datetime
    interview_type_id: str
    invitation_id: str
    position_id: str
    request_id: str
    scheduled_at: datetime.datetime
    scheduled_by: InterviewScheduledDataScheduledBy
    start: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        booking_id = self.booking_id

        end = self.end.isoformat()

        interview_type_id = self.interview_type_id

        invitation_id = self.invitation_id

        position_id = self.position_id

        request_id = self.request_id

        scheduled_at = self.scheduled_at.isoformat()

        scheduled_by = self.scheduled_by.value

        start = self.start.isoformat()


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "booking_id": booking_id,
            "end": end,
            "interview_type_id": interview_type_id,
            "invitation_id": invitation_id,
            "position_id": position_id,
            "request_id": request_id,
            "scheduled_at": scheduled_at,
            "scheduled_by": scheduled_by,
            "start": start,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        booking_id = d.pop("booking_id")

        end = datetime.datetime.fromisoformat(d.pop("end"))




        interview_type_id = d.pop("interview_type_id")

        invitation_id = d.pop("invitation_id")

        position_id = d.pop("position_id")

        request_id = d.pop("request_id")

        scheduled_at = datetime.datetime.fromisoformat(d.pop("scheduled_at"))




        scheduled_by = InterviewScheduledDataScheduledBy(d.pop("scheduled_by"))




        start = datetime.datetime.fromisoformat(d.pop("start"))




        interview_scheduled_data = cls(
            booking_id=booking_id,
            end=end,
            interview_type_id=interview_type_id,
            invitation_id=invitation_id,
            position_id=position_id,
            request_id=request_id,
            scheduled_at=scheduled_at,
            scheduled_by=scheduled_by,
            start=start,
        )


        interview_scheduled_data.additional_properties = d
        return interview_scheduled_data

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
