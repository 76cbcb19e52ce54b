from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
import datetime






T = TypeVar("T", bound="RecordingReadyData")



@_attrs_define
class RecordingReadyData:
    """ An answer is playable: its renditions are stored.

        Attributes:
            attempt_id (str):
            duration_seconds (float):
            invitation_id (str):
            question_id (str):
            transcoded_at (datetime.datetime):
     """

    attempt_id: str
    duration_seconds: float
    invitation_id: str
    question_id: str
    transcoded_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        attempt_id = self.attempt_id

        duration_seconds = self.duration_seconds

        invitation_id = self.invitation_id

        question_id = self.question_id

        transcoded_at = self.transcoded_at.isoformat()


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "attempt_id": attempt_id,
            "duration_seconds": duration_seconds,
            "invitation_id": invitation_id,
            "question_id": question_id,
            "transcoded_at": transcoded_at,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        attempt_id = d.pop("attempt_id")

        duration_seconds = d.pop("duration_seconds")

        invitation_id = d.pop("invitation_id")

        question_id = d.pop("question_id")

        transcoded_at = datetime.datetime.fromisoformat(d.pop("transcoded_at"))




        recording_ready_data = cls(
            attempt_id=attempt_id,
            duration_seconds=duration_seconds,
            invitation_id=invitation_id,
            question_id=question_id,
            transcoded_at=transcoded_at,
        )


        recording_ready_data.additional_properties = d
        return recording_ready_data

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
