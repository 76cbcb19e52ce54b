from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast
import datetime






T = TypeVar("T", bound="TranscriptExport")



@_attrs_define
class TranscriptExport:
    """ What the candidate said in a recorded answer, as transcribed.

        Attributes:
            attempt_id (str):
            invitation_id (str):
            language (str):
            question_id (str):
            transcribed (bool):
            transcribed_at (datetime.datetime):
            text (None | str | Unset):
     """

    attempt_id: str
    invitation_id: str
    language: str
    question_id: str
    transcribed: bool
    transcribed_at: datetime.datetime
    text: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        attempt_id = self.attempt_id

        invitation_id = self.invitation_id

        language = self.language

        question_id = self.question_id

        transcribed = self.transcribed

        transcribed_at = self.transcribed_at.isoformat()

        text: None | str | Unset
        if isinstance(self.text, Unset):
            text = UNSET
        else:
            text = self.text


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "attempt_id": attempt_id,
            "invitation_id": invitation_id,
            "language": language,
            "question_id": question_id,
            "transcribed": transcribed,
            "transcribed_at": transcribed_at,
        })
        if text is not UNSET:
            field_dict["text"] = text

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        attempt_id = d.pop("attempt_id")

        invitation_id = d.pop("invitation_id")

        language = d.pop("language")

        question_id = d.pop("question_id")

        transcribed = d.pop("transcribed")

        transcribed_at = datetime.datetime.fromisoformat(d.pop("transcribed_at"))




        def _parse_text(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        text = _parse_text(d.pop("text", UNSET))


        transcript_export = cls(
            attempt_id=attempt_id,
            invitation_id=invitation_id,
            language=language,
            question_id=question_id,
            transcribed=transcribed,
            transcribed_at=transcribed_at,
            text=text,
        )


        transcript_export.additional_properties = d
        return transcript_export

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
