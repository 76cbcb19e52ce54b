from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
import datetime






T = TypeVar("T", bound="InterviewNote")



@_attrs_define
class InterviewNote:
    """ A note an interviewer pinned to a moment of a live call.

        Attributes:
            at (datetime.datetime):
            at_seconds (float | None): Where in the call's recording it points (null: the call is not recorded).
            author (str):
            booking_id (str):
            id (str):
            interviewer_id (str):
            text (str):
     """

    at: datetime.datetime
    at_seconds: float | None
    author: str
    booking_id: str
    id: str
    interviewer_id: str
    text: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        at = self.at.isoformat()

        at_seconds: float | None
        at_seconds = self.at_seconds

        author = self.author

        booking_id = self.booking_id

        id = self.id

        interviewer_id = self.interviewer_id

        text = self.text


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "at": at,
            "at_seconds": at_seconds,
            "author": author,
            "booking_id": booking_id,
            "id": id,
            "interviewer_id": interviewer_id,
            "text": text,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        at = datetime.datetime.fromisoformat(d.pop("at"))




        def _parse_at_seconds(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        at_seconds = _parse_at_seconds(d.pop("at_seconds"))


        author = d.pop("author")

        booking_id = d.pop("booking_id")

        id = d.pop("id")

        interviewer_id = d.pop("interviewer_id")

        text = d.pop("text")

        interview_note = cls(
            at=at,
            at_seconds=at_seconds,
            author=author,
            booking_id=booking_id,
            id=id,
            interviewer_id=interviewer_id,
            text=text,
        )


        interview_note.additional_properties = d
        return interview_note

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
