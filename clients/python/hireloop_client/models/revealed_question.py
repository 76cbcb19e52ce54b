from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.revealed_question_kind import RevealedQuestionKind
from ..types import UNSET, Unset
from typing import cast
import datetime






T = TypeVar("T", bound="RevealedQuestion")



@_attrs_define
class RevealedQuestion:
    """ A question the candidate has reached, with its clocks as the server keeps them: the page
    counts down from `now` (the server's time) to `start_by` and `answer_by`, so a reload or a
    second device resumes where the clocks are, never from the start.

        Attributes:
            answer_seconds (int):
            answered (bool):
            closed (bool): A later question was revealed: no more takes.
            kind (RevealedQuestionKind):
            now (datetime.datetime): The server's time when this was read.
            position (int):
            prompt (str):
            question_id (str):
            retakes (int):
            revealed_at (datetime.datetime):
            start_by (datetime.datetime): video: the next take must start by then (think time plus grace); the first take
                not started by then is counted as used.
            takes_left (int):
            takes_used (int): video: takes started, plus a first take missed.
            think_seconds (int):
            answer_by (datetime.datetime | None | Unset): text and choice: the answer must be submitted by then.
            choices (list[str] | None | Unset):
            max_chars (int | None | Unset):
            multiple (bool | Unset):  Default: False.
            prompt_captions_url (None | str | Unset): Short-lived URL of the video prompt's WebVTT captions.
            prompt_video_url (None | str | Unset): Short-lived URL.
     """

    answer_seconds: int
    answered: bool
    closed: bool
    kind: RevealedQuestionKind
    now: datetime.datetime
    position: int
    prompt: str
    question_id: str
    retakes: int
    revealed_at: datetime.datetime
    start_by: datetime.datetime
    takes_left: int
    takes_used: int
    think_seconds: int
    answer_by: datetime.datetime | None | Unset = UNSET
    choices: list[str] | None | Unset = UNSET
    max_chars: int | None | Unset = UNSET
    multiple: bool | Unset = False
    prompt_captions_url: None | str | Unset = UNSET
    prompt_video_url: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        answer_seconds = self.answer_seconds

        answered = self.answered

        closed = self.closed

        kind = self.kind.value

        now = self.now.isoformat()

        position = self.position

        prompt = self.prompt

        question_id = self.question_id

        retakes = self.retakes

        revealed_at = self.revealed_at.isoformat()

        start_by = self.start_by.isoformat()

        takes_left = self.takes_left

        takes_used = self.takes_used

        think_seconds = self.think_seconds

        answer_by: None | str | Unset
        if isinstance(self.answer_by, Unset):
            answer_by = UNSET
        elif isinstance(self.answer_by, datetime.datetime):
            answer_by = self.answer_by.isoformat()
        else:
            answer_by = self.answer_by

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

        prompt_captions_url: None | str | Unset
        if isinstance(self.prompt_captions_url, Unset):
            prompt_captions_url = UNSET
        else:
            prompt_captions_url = self.prompt_captions_url

        prompt_video_url: None | str | Unset
        if isinstance(self.prompt_video_url, Unset):
            prompt_video_url = UNSET
        else:
            prompt_video_url = self.prompt_video_url


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "answer_seconds": answer_seconds,
            "answered": answered,
            "closed": closed,
            "kind": kind,
            "now": now,
            "position": position,
            "prompt": prompt,
            "question_id": question_id,
            "retakes": retakes,
            "revealed_at": revealed_at,
            "start_by": start_by,
            "takes_left": takes_left,
            "takes_used": takes_used,
            "think_seconds": think_seconds,
        })
        if answer_by is not UNSET:
            field_dict["answer_by"] = answer_by
        if choices is not UNSET:
            field_dict["choices"] = choices
        if max_chars is not UNSET:
            field_dict["max_chars"] = max_chars
        if multiple is not UNSET:
            field_dict["multiple"] = multiple
        if prompt_captions_url is not UNSET:
            field_dict["prompt_captions_url"] = prompt_captions_url
        if prompt_video_url is not UNSET:
            field_dict["prompt_video_url"] = prompt_video_url

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        answer_seconds = d.pop("answer_seconds")

        answered = d.pop("answered")

        closed = d.pop("closed")

        kind = RevealedQuestionKind(d.pop("kind"))




        now = datetime.datetime.fromisoformat(d.pop("now"))




        position = d.pop("position")

        prompt = d.pop("prompt")

        question_id = d.pop("question_id")

        retakes = d.pop("retakes")

        revealed_at = datetime.datetime.fromisoformat(d.pop("revealed_at"))




        start_by = datetime.datetime.fromisoformat(d.pop("start_by"))




        takes_left = d.pop("takes_left")

        takes_used = d.pop("takes_used")

        think_seconds = d.pop("think_seconds")

        def _parse_answer_by(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                answer_by_type_0 = datetime.datetime.fromisoformat(data)



                return answer_by_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        answer_by = _parse_answer_by(d.pop("answer_by", UNSET))


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

        def _parse_prompt_captions_url(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        prompt_captions_url = _parse_prompt_captions_url(d.pop("prompt_captions_url", UNSET))


        def _parse_prompt_video_url(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        prompt_video_url = _parse_prompt_video_url(d.pop("prompt_video_url", UNSET))


        revealed_question = cls(
            answer_seconds=answer_seconds,
            answered=answered,
            closed=closed,
            kind=kind,
            now=now,
            position=position,
            prompt=prompt,
            question_id=question_id,
            retakes=retakes,
            revealed_at=revealed_at,
            start_by=start_by,
            takes_left=takes_left,
            takes_used=takes_used,
            think_seconds=think_seconds,
            answer_by=answer_by,
            choices=choices,
            max_chars=max_chars,
            multiple=multiple,
            prompt_captions_url=prompt_captions_url,
            prompt_video_url=prompt_video_url,
        )


        revealed_question.additional_properties = d
        return revealed_question

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
