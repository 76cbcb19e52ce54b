from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.answer_kind import AnswerKind
from ..models.answer_status import AnswerStatus
from ..types import UNSET, Unset
from typing import cast

if TYPE_CHECKING:
  from ..models.answer_renditions_type_0_item import AnswerRenditionsType0Item
  from ..models.answer_thumbnails_type_0 import AnswerThumbnailsType0
  from ..models.audio import Audio





T = TypeVar("T", bound="Answer")



@_attrs_define
class Answer:
    """ 
        Attributes:
            position (int):
            prompt (str):
            question_id (str):
            status (AnswerStatus):
            attempt_id (None | str | Unset):
            audio (Audio | None | Unset):
            choice_labels (list[str] | None | Unset): kind choice: the options.
            choices (list[int] | None | Unset): kind choice: the chosen options (indexes of `choice_labels`).
            duration_seconds (float | None | Unset):
            failure (None | str | Unset):
            kind (AnswerKind | Unset):  Default: AnswerKind.VIDEO.
            master_playlist_key (None | str | Unset):
            poster_key (None | str | Unset):
            renditions (list[AnswerRenditionsType0Item] | None | Unset):
            takes_used (int | None | Unset): video: takes started, a missed first take included.
            text (None | str | Unset): kind text: the answer.
            think_seconds_used (float | None | Unset): From the question's reveal to the first take (video) or the answer.
            thumbnails (AnswerThumbnailsType0 | None | Unset):
     """

    position: int
    prompt: str
    question_id: str
    status: AnswerStatus
    attempt_id: None | str | Unset = UNSET
    audio: Audio | None | Unset = UNSET
    choice_labels: list[str] | None | Unset = UNSET
    choices: list[int] | None | Unset = UNSET
    duration_seconds: float | None | Unset = UNSET
    failure: None | str | Unset = UNSET
    kind: AnswerKind | Unset = AnswerKind.VIDEO
    master_playlist_key: None | str | Unset = UNSET
    poster_key: None | str | Unset = UNSET
    renditions: list[AnswerRenditionsType0Item] | None | Unset = UNSET
    takes_used: int | None | Unset = UNSET
    text: None | str | Unset = UNSET
    think_seconds_used: float | None | Unset = UNSET
    thumbnails: AnswerThumbnailsType0 | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.answer_renditions_type_0_item import AnswerRenditionsType0Item # noqa: PLC0415
        from ..models.answer_thumbnails_type_0 import AnswerThumbnailsType0 # noqa: PLC0415
        from ..models.audio import Audio # noqa: PLC0415
        position = self.position

        prompt = self.prompt

        question_id = self.question_id

        status = self.status.value

        attempt_id: None | str | Unset
        if isinstance(self.attempt_id, Unset):
            attempt_id = UNSET
        else:
            attempt_id = self.attempt_id

        audio: dict[str, Any] | None | Unset
        if isinstance(self.audio, Unset):
            audio = UNSET
        elif isinstance(self.audio, Audio):
            audio = self.audio.to_dict()
        else:
            audio = self.audio

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

        failure: None | str | Unset
        if isinstance(self.failure, Unset):
            failure = UNSET
        else:
            failure = self.failure

        kind: str | Unset = UNSET
        if not isinstance(self.kind, Unset):
            kind = self.kind.value


        master_playlist_key: None | str | Unset
        if isinstance(self.master_playlist_key, Unset):
            master_playlist_key = UNSET
        else:
            master_playlist_key = self.master_playlist_key

        poster_key: None | str | Unset
        if isinstance(self.poster_key, Unset):
            poster_key = UNSET
        else:
            poster_key = self.poster_key

        renditions: list[dict[str, Any]] | None | Unset
        if isinstance(self.renditions, Unset):
            renditions = UNSET
        elif isinstance(self.renditions, list):
            renditions = []
            for renditions_type_0_item_data in self.renditions:
                renditions_type_0_item = renditions_type_0_item_data.to_dict()
                renditions.append(renditions_type_0_item)


        else:
            renditions = self.renditions

        takes_used: int | None | Unset
        if isinstance(self.takes_used, Unset):
            takes_used = UNSET
        else:
            takes_used = self.takes_used

        text: None | str | Unset
        if isinstance(self.text, Unset):
            text = UNSET
        else:
            text = self.text

        think_seconds_used: float | None | Unset
        if isinstance(self.think_seconds_used, Unset):
            think_seconds_used = UNSET
        else:
            think_seconds_used = self.think_seconds_used

        thumbnails: dict[str, Any] | None | Unset
        if isinstance(self.thumbnails, Unset):
            thumbnails = UNSET
        elif isinstance(self.thumbnails, AnswerThumbnailsType0):
            thumbnails = self.thumbnails.to_dict()
        else:
            thumbnails = self.thumbnails


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
        if audio is not UNSET:
            field_dict["audio"] = audio
        if choice_labels is not UNSET:
            field_dict["choice_labels"] = choice_labels
        if choices is not UNSET:
            field_dict["choices"] = choices
        if duration_seconds is not UNSET:
            field_dict["duration_seconds"] = duration_seconds
        if failure is not UNSET:
            field_dict["failure"] = failure
        if kind is not UNSET:
            field_dict["kind"] = kind
        if master_playlist_key is not UNSET:
            field_dict["master_playlist_key"] = master_playlist_key
        if poster_key is not UNSET:
            field_dict["poster_key"] = poster_key
        if renditions is not UNSET:
            field_dict["renditions"] = renditions
        if takes_used is not UNSET:
            field_dict["takes_used"] = takes_used
        if text is not UNSET:
            field_dict["text"] = text
        if think_seconds_used is not UNSET:
            field_dict["think_seconds_used"] = think_seconds_used
        if thumbnails is not UNSET:
            field_dict["thumbnails"] = thumbnails

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.answer_renditions_type_0_item import AnswerRenditionsType0Item # noqa: PLC0415
        from ..models.answer_thumbnails_type_0 import AnswerThumbnailsType0 # noqa: PLC0415
        from ..models.audio import Audio # noqa: PLC0415
        d = dict(src_dict)
        position = d.pop("position")

        prompt = d.pop("prompt")

        question_id = d.pop("question_id")

        status = AnswerStatus(d.pop("status"))




        def _parse_attempt_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        attempt_id = _parse_attempt_id(d.pop("attempt_id", UNSET))


        def _parse_audio(data: object) -> Audio | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                audio_type_0 = Audio.from_dict(data)



                return audio_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(Audio | None | Unset, data)

        audio = _parse_audio(d.pop("audio", UNSET))


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


        def _parse_failure(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        failure = _parse_failure(d.pop("failure", UNSET))


        _kind = d.pop("kind", UNSET)
        kind: AnswerKind | Unset
        if isinstance(_kind,  Unset):
            kind = UNSET
        else:
            kind = AnswerKind(_kind)




        def _parse_master_playlist_key(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        master_playlist_key = _parse_master_playlist_key(d.pop("master_playlist_key", UNSET))


        def _parse_poster_key(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        poster_key = _parse_poster_key(d.pop("poster_key", UNSET))


        def _parse_renditions(data: object) -> list[AnswerRenditionsType0Item] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                renditions_type_0 = []
                _renditions_type_0 = data
                for renditions_type_0_item_data in (_renditions_type_0):
                    renditions_type_0_item = AnswerRenditionsType0Item.from_dict(renditions_type_0_item_data)



                    renditions_type_0.append(renditions_type_0_item)

                return renditions_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[AnswerRenditionsType0Item] | None | Unset, data)

        renditions = _parse_renditions(d.pop("renditions", UNSET))


        def _parse_takes_used(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        takes_used = _parse_takes_used(d.pop("takes_used", UNSET))


        def _parse_text(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        text = _parse_text(d.pop("text", UNSET))


        def _parse_think_seconds_used(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        think_seconds_used = _parse_think_seconds_used(d.pop("think_seconds_used", UNSET))


        def _parse_thumbnails(data: object) -> AnswerThumbnailsType0 | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                thumbnails_type_0 = AnswerThumbnailsType0.from_dict(data)



                return thumbnails_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(AnswerThumbnailsType0 | None | Unset, data)

        thumbnails = _parse_thumbnails(d.pop("thumbnails", UNSET))


        answer = cls(
            position=position,
            prompt=prompt,
            question_id=question_id,
            status=status,
            attempt_id=attempt_id,
            audio=audio,
            choice_labels=choice_labels,
            choices=choices,
            duration_seconds=duration_seconds,
            failure=failure,
            kind=kind,
            master_playlist_key=master_playlist_key,
            poster_key=poster_key,
            renditions=renditions,
            takes_used=takes_used,
            text=text,
            think_seconds_used=think_seconds_used,
            thumbnails=thumbnails,
        )


        answer.additional_properties = d
        return answer

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
