from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.shared_answer_kind import SharedAnswerKind
from ..models.shared_answer_status import SharedAnswerStatus
from ..types import UNSET, Unset
from typing import cast






T = TypeVar("T", bound="SharedAnswer")



@_attrs_define
class SharedAnswer:
    """ 
        Attributes:
            position (int):
            prompt (str):
            question_id (str):
            status (SharedAnswerStatus):
            attempt_id (None | str | Unset): Play it with `/v1/shared/attempts/{attempt_id}/...`.
            choice_labels (list[str] | None | Unset):
            choices (list[int] | None | Unset):
            duration_seconds (float | None | Unset):
            kind (SharedAnswerKind | Unset):  Default: SharedAnswerKind.VIDEO.
            text (None | str | Unset):
     """

    position: int
    prompt: str
    question_id: str
    status: SharedAnswerStatus
    attempt_id: None | str | Unset = UNSET
    choice_labels: list[str] | None | Unset = UNSET
    choices: list[int] | None | Unset = UNSET
    duration_seconds: float | None | Unset = UNSET
    kind: SharedAnswerKind | Unset = SharedAnswerKind.VIDEO
    text: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        position = self.position

        prompt = self.prompt

        question_id = self.question_id

        status = self.status.value

        attempt_id: None | str | Unset
        if isinstance(self.attempt_id, Unset):
            attempt_id = UNSET
        else:
            attempt_id = self.attempt_id

        choice_labels: list[str] | None | Unset
        if isinstance(self.choice_labels, Unset):
            choice_labels = UNSET
        elif isinstance(self.choice_labels, list):
            choice_labels = self.choice_labels


        else:
            choice_labels = self.choice_labels

        choices: list[int] | None | Unset
        if isinstance(self.choices, Unset):
            choices = UNSET
        elif isinstance(self.choices, list):
            choices = self.choices


        else:
            choices = self.choices

        duration_seconds: float | None | Unset
        if isinstance(self.duration_seconds, Unset):
            duration_seconds = UNSET
        else:
            duration_seconds = self.duration_seconds

        kind: str | Unset = UNSET
        if not isinstance(self.kind, Unset):
            kind = self.kind.value


        text: None | str | Unset
        if isinstance(self.text, Unset):
            text = UNSET
        else:
            text = self.text


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "position": position,
            "prompt": prompt,
            "question_id": question_id,
            "status": status,
        })
        if attempt_id is not UNSET:
            field_dict["attempt_id"] = attempt_id
        if choice_labels is not UNSET:
            field_dict["choice_labels"] = choice_labels
        if choices is not UNSET:
            field_dict["choices"] = choices
        if duration_seconds is not UNSET:
            field_dict["duration_seconds"] = duration_seconds
        if kind is not UNSET:
            field_dict["kind"] = kind
        if text is not UNSET:
            field_dict["text"] = text

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        position = d.pop("position")

        prompt = d.pop("prompt")

        question_id = d.pop("question_id")

        status = SharedAnswerStatus(d.pop("status"))




        def _parse_attempt_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        attempt_id = _parse_attempt_id(d.pop("attempt_id", UNSET))


        def _parse_choice_labels(data: object) -> list[str] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                choice_labels_type_0 = cast(list[str], data)

                return choice_labels_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[str] | None | Unset, data)

        choice_labels = _parse_choice_labels(d.pop("choice_labels", UNSET))


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


        def _parse_duration_seconds(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        duration_seconds = _parse_duration_seconds(d.pop("duration_seconds", UNSET))


        _kind = d.pop("kind", UNSET)
        kind: SharedAnswerKind | Unset
        if isinstance(_kind,  Unset):
            kind = UNSET
        else:
            kind = SharedAnswerKind(_kind)




        def _parse_text(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        text = _parse_text(d.pop("text", UNSET))


        shared_answer = cls(
            position=position,
            prompt=prompt,
            question_id=question_id,
            status=status,
            attempt_id=attempt_id,
            choice_labels=choice_labels,
            choices=choices,
            duration_seconds=duration_seconds,
            kind=kind,
            text=text,
        )


        shared_answer.additional_properties = d
        return shared_answer

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
