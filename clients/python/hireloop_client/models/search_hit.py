from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset







T = TypeVar("T", bound="SearchHit")



@_attrs_define
class SearchHit:
    """ 
        Attributes:
            at (float): Where to seek the player: the first matching word's start.
            attempt_id (str):
            end (float):
            invitation_id (str):
            question_id (str):
            start (float): The matching passage's start and end, seconds.
            text (str): The passage as transcribed.
     """

    at: float
    attempt_id: str
    end: float
    invitation_id: str
    question_id: str
    start: float
    text: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        at = self.at

        attempt_id = self.attempt_id

        end = self.end

        invitation_id = self.invitation_id

        question_id = self.question_id

        start = self.start

        text = self.text


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "at": at,
            "attempt_id": attempt_id,
            "end": end,
            "invitation_id": invitation_id,
            "question_id": question_id,
            "start": start,
            "text": text,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        at = d.pop("at")

        attempt_id = d.pop("attempt_id")

        end = d.pop("end")

        invitation_id = d.pop("invitation_id")

        question_id = d.pop("question_id")

        start = d.pop("start")

        text = d.pop("text")

        search_hit = cls(
            at=at,
            attempt_id=attempt_id,
            end=end,
            invitation_id=invitation_id,
            question_id=question_id,
            start=start,
            text=text,
        )


        search_hit.additional_properties = d
        return search_hit

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
