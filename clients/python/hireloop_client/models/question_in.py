from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.question_in_kind import QuestionInKind
from ..types import UNSET, Unset
from typing import cast






T = TypeVar("T", bound="QuestionIn")



@_attrs_define
class QuestionIn:
    """ 
        Attributes:
            prompt (str):
            answer_seconds (int | Unset):  Default: 120.
            choices (list[str] | None | Unset):
            kind (QuestionInKind | Unset):  Default: QuestionInKind.VIDEO.
            max_chars (int | None | Unset): kind text: the longest answer in characters (default 20000).
            multiple (bool | Unset): kind choice: several options may be chosen (else one). Default: False.
            prompt_captions (None | str | Unset): WebVTT captions of the video prompt (the text of a .vtt file); the page
                shows them on the video and the prompt text beside it.
            prompt_video_key (None | str | Unset): The `key` of an uploaded prompt video of your tenant.
            retakes (int | Unset):  Default: 1.
            think_seconds (int | Unset):  Default: 30.
     """

    prompt: str
    answer_seconds: int | Unset = 120
    choices: list[str] | None | Unset = UNSET
    kind: QuestionInKind | Unset = QuestionInKind.VIDEO
    max_chars: int | None | Unset = UNSET
    multiple: bool | Unset = False
    prompt_captions: None | str | Unset = UNSET
    prompt_video_key: None | str | Unset = UNSET
    retakes: int | Unset = 1
    think_seconds: int | Unset = 30
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        prompt = self.prompt

        answer_seconds = self.answer_seconds

        choices: list[str] | None | Unset
        if isinstance(self.choices, Unset):
            choices = UNSET
        elif isinstance(self.choices, list):
            choices = self.choices


        else:
            choices = self.choices

        kind: str | Unset = UNSET
        if not isinstance(self.kind, Unset):
            kind = self.kind.value


        max_chars: int | None | Unset
        if isinstance(self.max_chars, Unset):
            max_chars = UNSET
        else:
            max_chars = self.max_chars

        multiple = self.multiple

        prompt_captions: None | str | Unset
        if isinstance(self.prompt_captions, Unset):
            prompt_captions = UNSET
        else:
            prompt_captions = self.prompt_captions

        prompt_video_key: None | str | Unset
        if isinstance(self.prompt_video_key, Unset):
            prompt_video_key = UNSET
        else:
            prompt_video_key = self.prompt_video_key

        retakes = self.retakes

        think_seconds = self.think_seconds


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "prompt": prompt,
        })
        if answer_seconds is not UNSET:
            field_dict["answer_seconds"] = answer_seconds
        if choices is not UNSET:
            field_dict["choices"] = choices
        if kind is not UNSET:
            field_dict["kind"] = kind
        if max_chars is not UNSET:
            field_dict["max_chars"] = max_chars
        if multiple is not UNSET:
            field_dict["multiple"] = multiple
        if prompt_captions is not UNSET:
            field_dict["prompt_captions"] = prompt_captions
        if prompt_video_key is not UNSET:
            field_dict["prompt_video_key"] = prompt_video_key
        if retakes is not UNSET:
            field_dict["retakes"] = retakes
        if think_seconds is not UNSET:
            field_dict["think_seconds"] = think_seconds

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        prompt = d.pop("prompt")

        answer_seconds = d.pop("answer_seconds", UNSET)

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


        _kind = d.pop("kind", UNSET)
        kind: QuestionInKind | Unset
        if isinstance(_kind,  Unset):
            kind = UNSET
        else:
            kind = QuestionInKind(_kind)




        def _parse_max_chars(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        max_chars = _parse_max_chars(d.pop("max_chars", UNSET))


        multiple = d.pop("multiple", UNSET)

        def _parse_prompt_captions(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        prompt_captions = _parse_prompt_captions(d.pop("prompt_captions", UNSET))


        def _parse_prompt_video_key(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        prompt_video_key = _parse_prompt_video_key(d.pop("prompt_video_key", UNSET))


        retakes = d.pop("retakes", UNSET)

        think_seconds = d.pop("think_seconds", UNSET)

        question_in = cls(
            prompt=prompt,
            answer_seconds=answer_seconds,
            choices=choices,
            kind=kind,
            max_chars=max_chars,
            multiple=multiple,
            prompt_captions=prompt_captions,
            prompt_video_key=prompt_video_key,
            retakes=retakes,
            think_seconds=think_seconds,
        )


        question_in.additional_properties = d
        return question_in

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
