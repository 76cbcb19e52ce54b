from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast






T = TypeVar("T", bound="FeedbackAccepted")



@_attrs_define
class FeedbackAccepted:
    """ 
        Attributes:
            completed (bool):
            received (list[str]):
            request_id (str):
            rubric_version (int): The rubric version the feedback was scored against.
     """

    completed: bool
    received: list[str]
    request_id: str
    rubric_version: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        completed = self.completed

        received = self.received



        request_id = self.request_id

        rubric_version = self.rubric_version


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "completed": completed,
            "received": received,
            "request_id": request_id,
            "rubric_version": rubric_version,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        completed = d.pop("completed")

        received = cast(list[str], d.pop("received"))


        request_id = d.pop("request_id")

        rubric_version = d.pop("rubric_version")

        feedback_accepted = cls(
            completed=completed,
            received=received,
            request_id=request_id,
            rubric_version=rubric_version,
        )


        feedback_accepted.additional_properties = d
        return feedback_accepted

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
