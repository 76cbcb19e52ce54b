from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.interview_participant_left_data_role import InterviewParticipantLeftDataRole
from ..types import UNSET, Unset
from typing import cast
import datetime






T = TypeVar("T", bound="InterviewParticipantLeftData")



@_attrs_define
class InterviewParticipantLeftData:
    """ 
        Attributes:
            booking_id (str):
            left_at (datetime.datetime):
            participant_id (str):
            request_id (str):
            role (InterviewParticipantLeftDataRole):
            seconds (float):
            interviewer_id (None | str | Unset):
     """

    booking_id: str
    left_at: datetime.datetime
    participant_id: str
    request_id: str
    role: InterviewParticipantLeftDataRole
    seconds: float
    interviewer_id: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        booking_id = self.booking_id

        left_at = self.left_at.isoformat()

        participant_id = self.participant_id

        request_id = self.request_id

        role = self.role.value

        seconds = self.seconds

        interviewer_id: None | str | Unset
        if isinstance(self.interviewer_id, Unset):
            interviewer_id = UNSET
        else:
            interviewer_id = self.interviewer_id


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "booking_id": booking_id,
            "left_at": left_at,
            "participant_id": participant_id,
            "request_id": request_id,
            "role": role,
            "seconds": seconds,
        })
        if interviewer_id is not UNSET:
            field_dict["interviewer_id"] = interviewer_id

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        booking_id = d.pop("booking_id")

        left_at = datetime.datetime.fromisoformat(d.pop("left_at"))




        participant_id = d.pop("participant_id")

        request_id = d.pop("request_id")

        role = InterviewParticipantLeftDataRole(d.pop("role"))




        seconds = d.pop("seconds")

        def _parse_interviewer_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        interviewer_id = _parse_interviewer_id(d.pop("interviewer_id", UNSET))


        interview_participant_left_data = cls(
            booking_id=booking_id,
            left_at=left_at,
            participant_id=participant_id,
            request_id=request_id,
            role=role,
            seconds=seconds,
            interviewer_id=interviewer_id,
        )


        interview_participant_left_data.additional_properties = d
        return interview_participant_left_data

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
