from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.interview_rescheduled_data_rescheduled_by import InterviewRescheduledDataRescheduledBy
from typing import cast
import datetime






T = TypeVar("T", bound="InterviewRescheduledData")



@_attrs_define
class InterviewRescheduledData:
    """ 
        Attributes:
            booking_id (str):
            end (datetime.datetime):
            previous_start (datetime.datetime):
            request_id (str):
            rescheduled_at (datetime.datetime):
            rescheduled_by (InterviewRescheduledDataRescheduledBy):
            start (datetime.datetime):
     """

    booking_id: str
    end: datetime.datetime
    previous_start: datetime.datetime
    request_id: str
    rescheduled_at: datetime.datetime
    rescheduled_by: InterviewRescheduledDataRescheduledBy
    start: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        booking_id = self.booking_id

        end = self.end.isoformat()

        previous_start = self.previous_start.isoformat()

        request_id = self.request_id

        rescheduled_at = self.rescheduled_at.isoformat()

        rescheduled_by = self.rescheduled_by.value

        start = self.start.isoformat()


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "booking_id": booking_id,
            "end": end,
            "previous_start": previous_start,
            "request_id": request_id,
            "rescheduled_at": rescheduled_at,
            "rescheduled_by": rescheduled_by,
            "start": start,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        booking_id = d.pop("booking_id")

        end = datetime.datetime.fromisoformat(d.pop("end"))




        previous_start = datetime.datetime.fromisoformat(d.pop("previous_start"))




        request_id = d.pop("request_id")

        rescheduled_at = datetime.datetime.fromisoformat(d.pop("rescheduled_at"))




        rescheduled_by = InterviewRescheduledDataRescheduledBy(d.pop("rescheduled_by"))




        start = datetime.datetime.fromisoformat(d.pop("start"))




        interview_rescheduled_data = cls(
            booking_id=booking_id,
            end=end,
            previous_start=previous_start,
            request_id=request_id,
            rescheduled_at=rescheduled_at,
            rescheduled_by=rescheduled_by,
            start=start,
        )


        interview_rescheduled_data.additional_properties = d
        return interview_rescheduled_data

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
