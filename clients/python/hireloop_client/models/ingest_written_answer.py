from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.ingest_written_answer_kind import IngestWrittenAnswerKind
from ..types import UNSET, Unset
from typing import cast
import datetime






T = TypeVar("T", bound="IngestWrittenAnswer")



@_attrs_define
class IngestWrittenAnswer:
    """ 
        Attributes:
            invitation_id (str):
            kind (IngestWrittenAnswerKind):
            question_id (str):
            revealed_at (datetime.datetime):
            submitted_at (datetime.datetime):
            choices (list[int] | None | Unset):
            text (None | str | Unset):
     """

    invitation_id: str
    kind: IngestWrittenAnswerKind
    question_id: str
    revealed_at: datetime.datetime
    submitted_at: datetime.datetime
    choices: list[int] | None | Unset = UNSET
    text: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        invitation_id = self.invitation_id

        kind = self.kind.value

        question_id = self.question_id

        revealed_at = self.revealed_at.isoformat()

        submitted_at = self.submitted_at.isoformat()

        choices: list[int] | None | Unset
        if isinstance(self.choices, Unset):
            choices = UNSET
        elif isinstance(self.choices, list):
            choices = self.choices


        else:
            choices = self.choices

        text: None | str | Unset
        if isinstance(self.text, Unset):
            text = UNSET
        else:
            text = self.text


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "invitation_id": invitation_id,
            "kind": kind,
            "question_id": question_id,
            "revealed_at": revealed_at,
            "submitted_at": submitted_at,
        })
        if choices is not UNSET:
            field_dict["choices"] = choices
        if text is not UNSET:
            field_dict["text"] = text

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        invitation_id = d.pop("invitation_id")

        kind = IngestWrittenAnswerKind(d.pop("kind"))




        question_id = d.pop("question_id")

        revealed_at = datetime.datetime.fromisoformat(d.pop("revealed_at"))




        submitted_at = datetime.datetime.fromisoformat(d.pop("submitted_at"))




        def _parse_choices(data: object) -> list[int] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                choices_type_0 = cast(list[int], data)

                return choices_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[int] | None | Unset, data)

        choices = _parse_choices(d.pop("choices", UNSET))


        def _parse_text(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        text = _parse_text(d.pop("text", UNSET))


        ingest_written_answer = cls(
            invitation_id=invitation_id,
            kind=kind,
            question_id=question_id,
            revealed_at=revealed_at,
            submitted_at=submitted_at,
            choices=choices,
            text=text,
        )


        ingest_written_answer.additional_properties = d
        return ingest_written_answer

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
