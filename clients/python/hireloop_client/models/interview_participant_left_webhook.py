from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
from typing import Literal, cast
import datetime

if TYPE_CHECKING:
  from ..models.interview_participant_left_data import InterviewParticipantLeftData





T = TypeVar("T", bound="InterviewParticipantLeftWebhook")



@_attrs_define
class InterviewParticipantLeftWebhook:
    """ Someone left the live call (or their connection was lost, or the room closed).

        Attributes:
            data (InterviewParticipantLeftData):
            timestamp (datetime.datetime): When the event happened (not when it was sent).
            type_ (Literal['interview.participant_left']): The public event type.
            version (Literal[1]): The version of the `data` shape.
     """

    data: InterviewParticipantLeftData
    timestamp: datetime.datetime
    type_: Literal['interview.participant_left']
    version: Literal[1]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.interview_participant_left_data import InterviewParticipantLeftData # noqa: PLC0415
        data = self.data.to_dict()

        timestamp = self.timestamp.isoformat()

        type_ = self.type_

        version = self.version


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "data": data,
            "timestamp": timestamp,
            "type": type_,
            "version": version,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.interview_participant_left_data import InterviewParticipantLeftData # noqa: PLC0415
        d = dict(src_dict)
        data = InterviewParticipantLeftData.from_dict(d.pop("data"))




        timestamp = datetime.datetime.fromisoformat(d.pop("timestamp"))




        type_ = cast(Literal['interview.participant_left'] , d.pop("type"))
        if type_ != 'interview.participant_left':
            raise ValueError(f"type must match const 'interview.participant_left', got '{type_}'")

        version = cast(Literal[1] , d.pop("version"))
        if version != 1:
            raise ValueError(f"version must match const 1, got '{version}'")

        interview_participant_left_webhook = cls(
            data=data,
            timestamp=timestamp,
            type_=type_,
            version=version,
        )


        interview_participant_left_webhook.additional_properties = d
        return interview_participant_left_webhook

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
