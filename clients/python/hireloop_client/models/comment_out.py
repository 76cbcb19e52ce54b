from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
import datetime






T = TypeVar("T", bound="CommentOut")



@_attrs_define
class CommentOut:
    """ 
        Attributes:
            at_seconds (float): Where in the answer the comment points.
            created_at (datetime.datetime):
            id (str):
            question_id (str):
            reviewer (str):
            text (str):
     """

    at_seconds: float
    created_at: datetime.datetime
    id: str
    question_id: str
    reviewer: str
    text: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        at_seconds = self.at_seconds

        created_at = self.created_at.isoformat()

        id = self.id

        question_id = self.question_id

        reviewer = self.reviewer

        text = self.text


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "at_seconds": at_seconds,
            "created_at": created_at,
            "id": id,
            "question_id": question_id,
            "reviewer": reviewer,
            "text": text,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        at_seconds = d.pop("at_seconds")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))




        id = d.pop("id")

        question_id = d.pop("question_id")

        reviewer = d.pop("reviewer")

        text = d.pop("text")

        comment_out = cls(
            at_seconds=at_seconds,
            created_at=created_at,
            id=id,
            question_id=question_id,
            reviewer=reviewer,
            text=text,
        )


        comment_out.additional_properties = d
        return comment_out

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
