from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.interview_cancelled_data_cancelled_by import InterviewCancelledDataCancelledBy
from ..types import UNSET, Unset
from typing import cast
import datetime






T = TypeVar("T", bound="InterviewCancelledData")



@_attrs_define
class InterviewCancelledData:
    """ 
        Attributes:
            cancelled_at (datetime.datetime):
            cancelled_by (InterviewCancelledDataCancelledBy):
            request_id (str):
            booking_id (None | str | Unset):
     """

    cancelled_at: datetime.datetime
    cancelled_by: InterviewCancelledDataCancelledBy
    request_id: str
    booking_id: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        cancelled_at = self.cancelled_at.isoformat()

        cancelled_by = self.cancelled_by.value

        request_id = self.request_id

        booking_id: None | str | Unset
        if isinstance(self.booking_id, Unset):
            booking_id = UNSET
        else:
            booking_id = self.booking_id


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "cancelled_at": cancelled_at,
            "cancelled_by": cancelled_by,
            "request_id": request_id,
        })
        if booking_id is not UNSET:
            field_dict["booking_id"] = booking_id

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        cancelled_at = datetime.datetime.fromisoformat(d.pop("cancelled_at"))




        cancelled_by = InterviewCancelledDataCancelledBy(d.pop("cancelled_by"))




        request_id = d.pop("request_id")

        def _parse_booking_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        booking_id = _parse_booking_id(d.pop("booking_id", UNSET))


        interview_cancelled_data = cls(
            cancelled_at=cancelled_at,
            cancelled_by=cancelled_by,
            request_id=request_id,
            booking_id=booking_id,
        )


        interview_cancelled_data.additional_properties = d
        return interview_cancelled_data

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
