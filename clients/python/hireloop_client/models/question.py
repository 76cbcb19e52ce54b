from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.question_kind import QuestionKind
from ..types import UNSET, Unset
from typing import cast






T = TypeVar("T", bound="Question")



@_attrs_define
class Question:
    """ One question as pinned to an invitation. Times are effective: accommodations applied.

        Attributes:
            answer_seconds (int):
            kind (QuestionKind):
            position (int):
            prompt (str):
            question_id (str):
            retakes (int):
            think_seconds (int):
            choices (list[str] | None | Unset):
            max_chars (int | None | Unset):
            multiple (bool | Unset):  Default: False.
            practice (bool | Unset):  Default: False.
            prompt_captions_key (None | str | Unset):
            prompt_video_key (None | str | Unset):
     """

    answer_seconds: int
    kind: QuestionKind
    position: int
    prompt: str
    question_id: str
    retakes: int
    think_seconds: int
    choices: list[str] | None | Unset = UNSET
    max_chars: int | None | Unset = UNSET
    multiple: bool | Unset = False
    practice: bool | Unset = False
    prompt_captions_key: None | str | Unset = UNSET
    prompt_video_key: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        answer_seconds = self.answer_seconds

        kind = self.kind.value

        position = self.position

        prompt = self.prompt

        question_id = self.question_id

        retakes = self.retakes

        think_seconds = self.think_seconds

        choices: list[str] | None | Unset
        if isinstance(self.choices, Unset):
            choices = UNSET
        elif isinstance(self.choices, list):
            choices = self.choices


        else:
            choices = self.choices

        max_chars: int | None | Unset
        if isinstance(self.max_chars, Unset):
            max_chars = UNSET
        else:
            max_chars = self.max_chars

        multiple = self.multiple

        practice = self.practice

        prompt_captions_key: None | str | Unset
        if isinstance(self.prompt_captions_key, Unset):
            prompt_captions_key = UNSET
        else:
            prompt_captions_key = self.prompt_captions_key

        prompt_video_key: None | str | Unset
        if isinstance(self.prompt_video_key, Unset):
            prompt_video_key = UNSET
        else:
            prompt_video_key = self.prompt_video_key


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "answer_seconds": answer_seconds,
            "kind": kind,
            "position": position,
            "prompt": prompt,
            "question_id": question_id,
            "retakes": retakes,
            "think_seconds": think_seconds,
        })
        if choices is not UNSET:
            field_dict["choices"] = choices
        if max_chars is not UNSET:
            field_dict["max_chars"] = max_chars
        if multiple is not UNSET:
            field_dict["multiple"] = multiple
        if practice is not UNSET:
            field_dict["practice"] = practice
        if prompt_captions_key is not UNSET:
            field_dict["prompt_captions_key"] = prompt_captions_key
        if prompt_video_key is not UNSET:
            field_dict["prompt_video_key"] = prompt_video_key

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        answer_seconds = d.pop("answer_seconds")

        kind = QuestionKind(d.pop("kind"))




        position = d.pop("position")

        prompt = d.pop("prompt")

        question_id = d.pop("question_id")

        retakes = d.pop("retakes")

        think_seconds = d.pop("think_seconds")

        def _parse_choices(data: object) -> list[str] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                choices_type_0 = cast(list[str], data)

                return choices_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[str] | None | Unset, data)

        choices = _parse_choices(d.pop("choices", UNSET))


        def _parse_max_chars(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        max_chars = _parse_max_chars(d.pop("max_chars", UNSET))


        multiple = d.pop("multiple", UNSET)

        practice = d.pop("practice", UNSET)

        def _parse_prompt_captions_key(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        prompt_captions_key = _parse_prompt_captions_key(d.pop("prompt_captions_key", UNSET))


        def _parse_prompt_video_key(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        prompt_video_key = _parse_prompt_video_key(d.pop("prompt_video_key", UNSET))


        question = cls(
            answer_seconds=answer_seconds,
            kind=kind,
            position=position,
            prompt=prompt,
            question_id=question_id,
            retakes=retakes,
            think_seconds=think_seconds,
            choices=choices,
            max_chars=max_chars,
            multiple=multiple,
            practice=practice,
            prompt_captions_key=prompt_captions_key,
            prompt_video_key=prompt_video_key,
        )


        question.additional_properties = d
        return question

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
