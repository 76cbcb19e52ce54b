from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
import datetime






T = TypeVar("T", bound="Booking")



@_attrs_define
class Booking:
    """ 
        Attributes:
            booking_id (str):
            end (datetime.datetime):
            interviewer_ids (list[str]):
            join_url (None | str):
            local_end (str):
            local_start (str):
            sequence (int):
            start (datetime.datetime):
            time_zone (str):
     """

    booking_id: str
    end: datetime.datetime
    interviewer_ids: list[str]
    join_url: None | str
    local_end: str
    local_start: str
    sequence: int
    start: datetime.datetime
    time_zone: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        booking_id = self.booking_id

        end = self.end.isoformat()

        interviewer_ids = self.interviewer_ids



        join_url: None | str
        join_url = self.join_url

        local_end = self.local_end

        local_start = self.local_start

        sequence = self.sequence

        start = self.start.isoformat()

        time_zone = self.time_zone


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "booking_id": booking_id,
            "end": end,
            "interviewer_ids": interviewer_ids,
            "join_url": join_url,
            "local_end": local_end,
            "local_start": local_start,
            "sequence": sequence,
            "start": start,
            "time_zone": time_zone,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        booking_id = d.pop("booking_id")

        end = datetime.datetime.fromisoformat(d.pop("end"))




        interviewer_ids = cast(list[str], d.pop("interviewer_ids"))


        def _parse_join_url(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        join_url = _parse_join_url(d.pop("join_url"))


        local_end = d.pop("local_end")

        local_start = d.pop("local_start")

        sequence = d.pop("sequence")

        start = datetime.datetime.fromisoformat(d.pop("start"))




        time_zone = d.pop("time_zone")

        booking = cls(
            booking_id=booking_id,
            end=end,
            interviewer_ids=interviewer_ids,
            join_url=join_url,
            local_end=local_end,
            local_start=local_start,
            sequence=sequence,
            start=start,
            time_zone=time_zone,
        )


        booking.additional_properties = d
        return booking

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
