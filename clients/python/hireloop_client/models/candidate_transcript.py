from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.candidate_transcript_status import CandidateTranscriptStatus
from ..types import UNSET, Unset
from typing import cast

if TYPE_CHECKING:
  from ..models.segment_out import SegmentOut





T = TypeVar("T", bound="CandidateTranscript")



@_attrs_define
class CandidateTranscript:
    """ One of the candidate's kept answers as transcribed: what they said, sentence by sentence.

        Attributes:
            attempt_id (str):
            question_id (str):
            status (CandidateTranscriptStatus):
            language (None | str | Unset):
            no_speech (bool | Unset):  Default: False.
            segments (list[SegmentOut] | Unset):
            text (None | str | Unset): The transcript's text, when transcribed.
     """

    attempt_id: str
    question_id: str
    status: CandidateTranscriptStatus
    language: None | str | Unset = UNSET
    no_speech: bool | Unset = False
    segments: list[SegmentOut] | Unset = UNSET
    text: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.segment_out import SegmentOut # noqa: PLC0415
        attempt_id = self.attempt_id

        question_id = self.question_id

        status = self.status.value

        language: None | str | Unset
        if isinstance(self.language, Unset):
            language = UNSET
        else:
            language = self.language

        no_speech = self.no_speech

        segments: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.segments, Unset):
            segments = []
            for segments_item_data in self.segments:
                segments_item = segments_item_data.to_dict()
                segments.append(segments_item)



        text: None | str | Unset
        if isinstance(self.text, Unset):
            text = UNSET
        else:
            text = self.text


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "attempt_id": attempt_id,
            "question_id": question_id,
            "status": status,
        })
        if language is not UNSET:
            field_dict["language"] = language
        if no_speech is not UNSET:
            field_dict["no_speech"] = no_speech
        if segments is not UNSET:
            field_dict["segments"] = segments
        if text is not UNSET:
            field_dict["text"] = text

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.segment_out import SegmentOut # noqa: PLC0415
        d = dict(src_dict)
        attempt_id = d.pop("attempt_id")

        question_id = d.pop("question_id")

        status = CandidateTranscriptStatus(d.pop("status"))




        def _parse_language(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        language = _parse_language(d.pop("language", UNSET))


        no_speech = d.pop("no_speech", UNSET)

        _segments = d.pop("segments", UNSET)
        segments: list[SegmentOut] | Unset = UNSET
        if _segments is not UNSET:
            segments = []
            for segments_item_data in _segments:
                segments_item = SegmentOut.from_dict(segments_item_data)



                segments.append(segments_item)


        def _parse_text(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        text = _parse_text(d.pop("text", UNSET))


        candidate_transcript = cls(
            attempt_id=attempt_id,
            question_id=question_id,
            status=status,
            language=language,
            no_speech=no_speech,
            segments=segments,
            text=text,
        )


        candidate_transcript.additional_properties = d
        return candidate_transcript

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
