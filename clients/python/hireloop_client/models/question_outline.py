from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.question_outline_kind import QuestionOutlineKind
from ..types import UNSET, Unset
from typing import cast






T = TypeVar("T", bound="QuestionOutline")



@_attrs_define
class QuestionOutline:
    """ A question as the candidate sees it before reaching it: its kind and limits. The prompt
    (and a choice question's options) come only with the practice question; every other one is
    revealed in order by `POST /candidate/questions/{question_id}/reveal`, which starts its clocks.

        Attributes:
            answer_seconds (int):
            kind (QuestionOutlineKind):
            position (int):
            practice (bool):
            question_id (str):
            retakes (int):
            think_seconds (int):
            choices (list[str] | None | Unset): The practice question's only.
            max_chars (int | None | Unset):
            multiple (bool | Unset):  Default: False.
            prompt (None | str | Unset): The practice question's only.
     """

    answer_seconds: int
    kind: QuestionOutlineKind
    position: int
    practice: bool
    question_id: str
    retakes: int
    think_seconds: int
    choices: list[str] | None | Unset = UNSET
    max_chars: int | None | Unset = UNSET
    multiple: bool | Unset = False
    prompt: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        answer_seconds = self.answer_seconds

        kind = self.kind.value

        position = self.position

        practice = self.practice

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

        prompt: None | str | Unset
        if isinstance(self.prompt, Unset):
            prompt = UNSET
        else:
            prompt = self.prompt


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "answer_seconds": answer_seconds,
            "kind": kind,
            "position": position,
            "practice": practice,
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
        if prompt is not UNSET:
            field_dict["prompt"] = prompt

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        answer_seconds = d.pop("answer_seconds")

        kind = QuestionOutlineKind(d.pop("kind"))




        position = d.pop("position")

        practice = d.pop("practice")

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

        def _parse_prompt(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        prompt = _parse_prompt(d.pop("prompt", UNSET))


        question_outline = cls(
            answer_seconds=answer_seconds,
            kind=kind,
            position=position,
            practice=practice,
            question_id=question_id,
            retakes=retakes,
            think_seconds=think_seconds,
            choices=choices,
            max_chars=max_chars,
            multiple=multiple,
            prompt=prompt,
        )


        question_outline.additional_properties = d
        return question_outline

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
